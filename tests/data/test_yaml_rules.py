"""YAML-level rejections: each test states the file, line, field and message it expects."""
from __future__ import annotations

from conftest import ORG_HEAD, Repo

F = "data/organisations/test-red-cross.yml"
BODY = """\
id: test-red-cross
kind: national-society
country: AU
name:
  en: Test Red Cross
sources:
  - https://www.example.org/
"""


def test_duplicate_key(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY + "kind: icrc\n")
    assert repo.problems() == [
        f"{F}:9: kind: appears twice (first on line 3); keep only one of them"]


def test_tab_in_indentation(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace("  en:", "\ten:"))
    assert repo.problems() == [
        f"{F}:6: (indentation): line is indented with a tab; indent with spaces only"]


def test_second_document(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY + "---\nid: other\n")
    assert repo.problems() == [
        f"{F}:9: (file): a second YAML document starts here (---); keep exactly one document "
        "per file and remove the extra ---"]


def test_python_object_tag(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace(
        "  en: Test Red Cross", "  en: !!python/object:os.system Test Red Cross"))
    assert repo.problems() == [
        f"{F}:6: name.en: the YAML tag !!python/object:os.system is not allowed; "
        "remove it and write a plain value"]


def test_any_explicit_tag(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace("country: AU", "country: !!str AU"))
    assert repo.problems() == [
        f"{F}:4: country: the YAML tag !!str is not allowed; remove it and write a plain value"]


def test_anchor_and_alias(repo: Repo) -> None:
    text = ORG_HEAD + BODY.replace("  en: Test Red Cross", "  en: &n Test Red Cross\n  fr: *n")
    repo.org("test-red-cross", text)
    assert repo.problems() == [
        f"{F}:6: name.en: anchors (&n) are not allowed; write the value out in full and remove "
        "the &name",
        f"{F}:7: name.fr: aliases (*n) are not allowed; write the value out in full"]


def test_merge_key(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace("  en: Test Red Cross",
                                                       "  <<: {en: Test Red Cross}"))
    assert repo.problems() == [  # the merged en: is not used, so en is missing too
        f"{F}:5: name.en: is missing; add a line en: ...",
        f"{F}:6: name.<<: merge keys (<<) are not allowed; write the fields out in full"]


def test_unquoted_phone_is_a_number(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY + """\
contacts:
  - role: Front desk
    phone: 0201234567
    visibility: public
    last_verified: 2026-01-01
""")
    assert repo.problems() == [
        f'{F}:11: contacts[0].phone: YAML reads 0201234567 as a number, not text; '
        f'put it in quotes: "0201234567"']


def test_unquoted_time_in_text(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY + """\
contacts:
  - role: 12:30
    email: desk@example.org
    visibility: public
    last_verified: 2026-01-01
""")
    assert repo.problems() == [
        f'{F}:10: contacts[0].role: some YAML tools read 12:30 as a number, not text; '
        f'put it in quotes: "12:30"']


def test_unquoted_true_and_date_in_text(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace("  en: Test Red Cross",
                                                       "  en: true\n  fr: 2024-01-01"))
    assert repo.problems() == [
        f'{F}:6: name.en: YAML reads true as a true/false value, not text; put it in quotes: "true"',
        f'{F}:7: name.fr: YAML reads 2024-01-01 as a date, not text; put it in quotes: '
        f'"2024-01-01"']


def test_broken_yaml(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + BODY.replace("  en: Test Red Cross",
                                                       '  en: "Test Red Cross'))
    assert repo.problems() == [
        f"{F}:6: (yaml): YAML cannot read this line (found unexpected end of stream); check the "
        "indentation, the colon after each field name, and matching quotes"]


def test_file_that_is_a_list(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + "- id: test-red-cross\n")
    assert repo.problems() == [
        f"{F}:2: (file): the file must hold fields written as name: value, one per line"]


def test_empty_file(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD)
    assert repo.problems() == [f"{F}:1: (file): is empty; fill in the fields (see data/README.md)"]


def test_missing_schema_comment(repo: Repo) -> None:
    repo.org("test-red-cross", BODY)
    assert repo.problems() == [
        f"{F}:1: (file): the first line must be: "
        "# yaml-language-server: $schema=../schema/organisation.schema.json"]


def test_yaml_extension_is_rejected(repo: Repo) -> None:
    (repo.root / "data/organisations/test-red-cross.yaml").write_text(ORG_HEAD + BODY)
    assert repo.problems() == [
        "data/organisations/test-red-cross.yaml:1: (file): rename the file to end in .yml"]
