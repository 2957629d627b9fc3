"""Unit tests of kb.translations: hashing, records, the status computation and --mark editing."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kb.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    Record,
    TranslationRecordError,
    format_report,
    mark,
    mark_text,
    parse_record,
    scan,
    source_hash,
)

ENGLISH = "---\ntitle: Our approach\ndescription: How.\n---\n\n# Our approach\n\nBody text.\n"


def _record_lines_removed(text: str) -> str:
    """The text without the lines of its translation block (to compare the rest byte for byte)."""
    keep, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("translation:"):
            inside = True
            continue
        if inside and line[:1] in (" ", "\t"):
            continue
        inside = False
        keep.append(line)
    return "".join(keep)


def test_hash_is_sha256_prefix_of_title_description_and_body():
    """The recorded hash is 'sha256:' plus 16 hex digits of the documented canonical text."""
    canonical = "title: Our approach\ndescription: How.\n---\n\n# Our approach\n\nBody text.\n"
    assert source_hash(ENGLISH) == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:16]


def test_hash_ignores_line_endings_bom_and_other_front_matter_keys():
    """CRLF, a BOM or an unrelated front-matter key do not change the hash; body or title changes do."""
    crlf = "\ufeff" + ENGLISH.replace("\n", "\r\n")
    extra_key = ENGLISH.replace("description: How.\n", "description: How.\nsearch:\n  boost: 2\n")
    assert source_hash(crlf) == source_hash(ENGLISH) == source_hash(extra_key)
    assert source_hash(ENGLISH.replace("Body text.", "Body text, changed.")) != source_hash(ENGLISH)
    assert source_hash(ENGLISH.replace("title: Our approach", "title: Our new approach")) != source_hash(ENGLISH)


def test_valid_record_and_absent_record():
    """A well-formed record parses; a page without one gives None."""
    text = "---\ntitle: T\ntranslation:\n  source_hash: sha256:0123456789abcdef\n  reviewed: true\n---\nx\n"
    assert parse_record(text, "fr/a.md") == Record("sha256:0123456789abcdef", True)
    assert parse_record("---\ntitle: T\n---\nx\n", "fr/a.md") is None
    assert parse_record("---\ntranslation: {reviewed: false}\n---\n", "fr/a.md") == Record(None, False)


@pytest.mark.parametrize("record, field, line", [
    ("translation: yes\n", "translation", 3),
    ("translation:\n  reviewed: false\n  translator: someone\n", "translation.translator", 5),
    ("translation:\n  source_hash: md5:abc\n  reviewed: false\n", "translation.source_hash", 4),
    ("translation:\n  source_hash: sha256:abc\n  reviewed: false\n", "translation.source_hash", 4),
    ("translation:\n  reviewed: \"no\"\n", "translation.reviewed", 4),
    ("translation:\n  reviewed: no\n", "translation.reviewed", 4),
    ("translation:\n  source_hash: sha256:0123456789abcdef\n", "translation.reviewed", 3),
])
def test_malformed_records_name_file_line_and_field(record, field, line):
    """Each kind of malformed record raises an error naming the file, the line and the field."""
    text = f"---\ntitle: T\n{record}---\nbody\n"
    with pytest.raises(TranslationRecordError) as error:
        parse_record(text, "docs/fr/a.md")
    assert error.value.field == field
    assert error.value.line == line
    assert f"docs/fr/a.md:{line}" in str(error.value) and f"'{field}'" in str(error.value)


@pytest.mark.parametrize("original", [
    "---\ntitle: T\ndescription: D\ntranslation:\n  reviewed: false\n---\n\n# T\n\nBody  \n",
    "---\ntitle: T\ntranslation:\n  source_hash: sha256:aaaaaaaaaaaaaaaa  # old\n  reviewed: true\nhide:\n  - toc\n---\nBody\n",
    "---\r\ntitle: T\r\ntranslation:\r\n  reviewed: false\r\ndescription: D\r\n---\r\n\r\nBody\r\n",
    "---\ntitle: T\ntranslation: {reviewed: false}\ndescription: D\n---\nBody\n",
    "---\ntitle: T\ndescription: D\n---\nBody\n",
    "Body without front matter\n",
])
def test_mark_changes_only_the_translation_record(original):
    """--mark sets hash and reviewed; every byte outside the translation block is unchanged."""
    new_hash = "sha256:0123456789abcdef"
    edited = mark_text(original, new_hash, reviewed=False)
    assert parse_record(edited, "fr/a.md") == Record(new_hash, False)
    if original.startswith("---"):
        assert _record_lines_removed(edited) == _record_lines_removed(original)
    else:
        assert edited.endswith(original)
    if "\r\n" in original:
        assert "\n" not in edited.replace("\r\n", "")
    assert parse_record(mark_text(edited, new_hash, reviewed=True), "fr/a.md") == Record(new_hash, True)


def test_mark_keeps_a_comment_on_the_hash_line():
    """A trailing comment on an existing line survives the edit."""
    original = "---\ntranslation:\n  source_hash: sha256:aaaaaaaaaaaaaaaa  # old\n  reviewed: true\n---\n"
    edited = mark_text(original, "sha256:bbbbbbbbbbbbbbbb", reviewed=False)
    assert "  source_hash: sha256:bbbbbbbbbbbbbbbb  # old\n  reviewed: false\n" in edited


def _tree(root: Path, files: dict[str, str]) -> Path:
    """Write a docs tree; returns its folder."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_status_and_totals(tmp_path):
    """Current, outdated (changed English, or no hash), missing, and unreviewed counted per language."""
    a = "---\ntitle: A\n---\nA\n"
    b = "---\ntitle: B\n---\nB\n"
    def rec(english: str, reviewed: str) -> str:
        return f"---\ntranslation:\n  source_hash: {source_hash(english)}\n  reviewed: {reviewed}\n---\n"

    docs = _tree(tmp_path / "docs", {
        "en/a.md": a, "en/sub/b.md": b,
        "fr/a.md": rec(a, "true"), "fr/sub/b.md": rec("---\ntitle: B\n---\nold B\n", "false"),
        "es/a.md": "---\ntranslation:\n  reviewed: false\n---\n",
    })
    report = scan(docs, ["en", "fr", "es"])
    assert report.pages == ["a.md", "sub/b.md"]
    assert (report.cell("a.md", "fr").state, report.cell("a.md", "fr").unreviewed) == (CURRENT, False)
    assert (report.cell("sub/b.md", "fr").state, report.cell("sub/b.md", "fr").unreviewed) == (OUTDATED, True)
    assert report.cell("a.md", "es").state == OUTDATED
    assert report.cell("sub/b.md", "es").state == MISSING
    assert report.totals("fr") == {CURRENT: 1, OUTDATED: 1, MISSING: 0, "unreviewed": 1}
    assert report.totals("es") == {CURRENT: 0, OUTDATED: 1, MISSING: 1, "unreviewed": 1}
    text = format_report(report)
    assert "sub/b.md" in text and "OUTDATED, unreviewed" in text and "MISSING" in text


def test_scan_rejects_a_malformed_record_in_a_translation_only_page(tmp_path):
    """A page with no English source still needs a valid record."""
    docs = _tree(tmp_path / "docs", {"en/a.md": "A\n", "fr/extra.md": "---\ntranslation: yes\n---\n"})
    with pytest.raises(TranslationRecordError, match="docs/fr/extra.md"):
        scan(docs, ["en", "fr"])


def test_mark_writes_the_current_english_hash(tmp_path):
    """mark() records the English page's hash and the review state, and refuses unknown pages."""
    docs = _tree(tmp_path / "docs", {"en/a.md": ENGLISH, "fr/a.md": "---\ntitle: A\ntranslation:\n  reviewed: false\n---\nA\n"})
    assert mark(docs, "fr/a.md", reviewed=True) == Record(source_hash(ENGLISH), True)
    assert parse_record((docs / "fr/a.md").read_text(encoding="utf-8"), "fr/a.md") == Record(source_hash(ENGLISH), True)
    for bad in ("fr/missing.md", "en/a.md", "fr/a"):
        with pytest.raises(ValueError):
            mark(docs, bad, reviewed=False)
