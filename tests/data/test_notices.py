"""Notices never fail: stale contacts and missing translations."""
from __future__ import annotations

from datetime import date

from kb.catalogue import load_catalogue

from conftest import Repo, org

F = "data/organisations/test-red-cross.yml"


def with_contact(verified: str) -> str:
    """A valid organisation with one contact verified on a date (line 13)."""
    return org() + f"""\
contacts:
  - role: Front desk
    email: desk@example.org
    visibility: public
    last_verified: {verified}
"""


def test_stale_contact_is_a_notice(repo: Repo) -> None:
    repo.org("test-red-cross", with_contact("2025-05-31"))
    cat = load_catalogue(repo.root, today=date(2026, 6, 1))
    assert [str(n) for n in cat.notices if "last_verified" in n.field] == [
        f"{F}:13: contacts[0].last_verified: last verified on 2025-05-31, more than a year ago; "
        "check the contact and update the date"]


def test_contact_within_a_year_is_not_stale(repo: Repo) -> None:
    repo.org("test-red-cross", with_contact("2025-06-01"))
    cat = load_catalogue(repo.root, today=date(2026, 6, 1))
    assert [n for n in cat.notices if "last_verified" in n.field] == []


def test_future_verification_date_is_an_error(repo: Repo) -> None:
    repo.org("test-red-cross", with_contact("2026-06-02"))
    assert repo.problems() == [
        f"{F}:13: contacts[0].last_verified: 2026-06-02 is in the future; write the date you "
        "checked the contact"]


def test_missing_translations_are_notices(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("  en: Test Red Cross",
                                             "  en: Test Red Cross\n  fr: Croix-Rouge test"))
    cat = repo.load()
    assert [str(n) for n in cat.notices] == [
        f"{F}:5: name: no translation in Spanish (es), Arabic (ar); those pages show the English "
        "text"]
    assert cat.organisations["test-red-cross"].name.get("es") == "Test Red Cross"


def test_public_edition_drops_network_contacts(repo: Repo) -> None:
    repo.org("test-red-cross", with_contact("2026-05-01") + """\
  - role: Network desk
    email: network-desk@example.org
    visibility: network
    last_verified: 2026-05-01
""")
    cat = repo.load()
    public = cat.for_edition("public").organisations["test-red-cross"]
    assert [c.role for c in public.contacts] == ["Front desk"]
    assert len(cat.for_edition("network").organisations["test-red-cross"].contacts) == 2
    assert len(cat.for_edition("netwrok").organisations["test-red-cross"].contacts) == 1
