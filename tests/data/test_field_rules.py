"""Field-level rejections (keys, visibility, country, e-mail, phone, links, dates, invisible text)."""
from __future__ import annotations

import pytest

from conftest import ORG_HEAD, Repo, org

F = "data/organisations/test-red-cross.yml"
HEAD = ORG_HEAD + """\
id: test-red-cross
kind: national-society
country: AU
name:
  en: Test Red Cross
sources:
  - https://www.example.org/
contacts:
  - role: Front desk
"""  # the contact's role is on line 10; lines 11+ come from each test


def contact(*lines: str) -> str:
    """The organisation file with one contact whose further fields start on line 11."""
    return HEAD + "".join(f"    {line}\n" for line in lines)


def test_unknown_key_suggests_the_right_one(repo: Repo) -> None:
    repo.org("test-red-cross", contact("emial: desk@example.org", "visibility: public",
                                       "last_verified: 2026-01-01"))
    assert repo.problems() == [
        f"{F}:11: contacts[0].emial: unknown field 'emial'; did you mean 'email'? allowed here: "
        "role, email, phone, visibility, last_verified"]


def test_contact_needs_email_or_phone(repo: Repo) -> None:
    repo.org("test-red-cross", contact("visibility: public", "last_verified: 2026-01-01"))
    assert repo.problems() == [
        f"{F}:10: contacts[0].email: a contact needs an e-mail address or a phone number (or "
        "both); add email: or phone:"]


def test_missing_required_key(repo: Repo) -> None:
    repo.org("test-red-cross", ORG_HEAD + "id: test-red-cross\nkind: national-society\n"
             "country: AU\nsources:\n  - https://www.example.org/\n")
    assert repo.problems() == [f"{F}:2: name: is missing; add a line name: ..."]


def test_visibility_missing(repo: Repo) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", "last_verified: 2026-01-01"))
    assert repo.problems() == [
        f"{F}:10: contacts[0].visibility: is missing; add visibility: public (shown on the public "
        "website) or visibility: network (only in the network edition)"]


@pytest.mark.parametrize("value", ["Public", "private", "yes"])
def test_visibility_not_public_or_network(repo: Repo, value: str) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", f"visibility: {value}",
                                       "last_verified: 2026-01-01"))
    assert repo.problems() == [
        f"{F}:12: contacts[0].visibility: '{value}' is not allowed here; use 'public' or 'network'"]


def test_visibility_empty(repo: Repo) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", "visibility:",
                                       "last_verified: 2026-01-01"))
    assert repo.problems() == [
        f"{F}:12: contacts[0].visibility: is empty; write a value or remove the line"]


@pytest.mark.parametrize("code, message", [
    ("UK", "'UK' is not an ISO 3166-1 country code; the United Kingdom is GB"),
    ("ZZ", "'ZZ' is not an ISO 3166-1 alpha-2 country code; use the country's two capital "
           "letters (e.g. AU for Australia, NO for Norway)"),
    ("EU", "'EU' is not an ISO 3166-1 alpha-2 country code; use the country's two capital "
           "letters (e.g. AU for Australia, NO for Norway)"),
    ("au", "write the country code in capitals: AU"),
    ("AUS", "'AUS' is not an ISO 3166-1 alpha-2 country code; use the country's two capital "
            "letters (e.g. AU for Australia, NO for Norway)"),
])
def test_country_not_iso(repo: Repo, code: str, message: str) -> None:
    repo.org("test-red-cross", org(country=code))
    assert repo.problems() == [f"{F}:4: country: {message}"]


def test_norway_stays_the_text_no(repo: Repo) -> None:
    repo.org("test-red-cross", org(country="NO"))
    cat = repo.load()
    assert cat.organisations["test-red-cross"].country == "NO"
    assert isinstance(cat.organisations["test-red-cross"].country, str)


def test_country_required_for_national_society(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("country: AU\n", ""))
    assert repo.problems() == [
        f"{F}:2: country: a National Society needs its country: add a line like country: AU "
        "(ISO 3166-1 alpha-2 code)"]


def test_country_absent_for_icrc(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("kind: national-society", "kind: icrc"))
    assert repo.problems() == [
        f"{F}:4: country: only National Societies have a country; remove this line for kind icrc"]


EMAIL_CASES = [
    ("jane@ifrc", "is not a valid e-mail address (The part after the @-sign is not valid. It "
                  "should have a period.); write it like migration@example.org"),
    ('"Name <a@b.org>"', "write only the address (like migration@example.org), without a name "
                         "or < >"),
    ('"desk@example.org "', "ends with a space; remove it"),
    ("mailto:desk@example.org", "remove 'mailto:' and write only the address (like "
                                "migration@example.org)"),
    ("d\u0435sk@example.org", "contains the non-ASCII character '\u0435' (U+0435 CYRILLIC SMALL "
                              "LETTER IE), which can look like a Latin letter; retype the address "
                              "with plain ASCII letters"),
]


@pytest.mark.parametrize("value, message", EMAIL_CASES)
def test_email_not_plain(repo: Repo, value: str, message: str) -> None:
    repo.org("test-red-cross", contact(f"email: {value}", "visibility: public",
                                       "last_verified: 2026-01-01"))
    assert repo.problems() == [f"{F}:11: contacts[0].email: {message}"]


PHONE_CASES = [
    ('"+1 555 0100"', "is not a valid phone number for country code +1; check the digits"),
    ('"+44 20 7946 000O"', "contains the letter 'O'; a phone number has digits only (is it a 0 "
                           "typed as the letter O?)"),
    ('"+44 20 7946 0000"', "write it without spaces or punctuation: +442079460000"),
    ('"020 7946 0000"', "write the number in international form: + then country code, digits "
                        "only (like +442079460000)"),
]


@pytest.mark.parametrize("value, message", PHONE_CASES)
def test_phone_not_e164(repo: Repo, value: str, message: str) -> None:
    repo.org("test-red-cross", contact(f"phone: {value}", "visibility: public",
                                       "last_verified: 2026-01-01"))
    assert repo.problems() == [f"{F}:11: contacts[0].phone: {message}"]


def test_valid_contact_is_accepted(repo: Repo) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", 'phone: "+442079460000"',
                                       "visibility: network", "last_verified: 2026-01-01"))
    contact_ = repo.load().organisations["test-red-cross"].contacts[0]
    assert (contact_.phone, contact_.visibility.value) == ("+442079460000", "network")


@pytest.mark.parametrize("value, message", [
    ("javascript:alert(1)", "'javascript:' is not allowed here; give a web address starting "
                            "with https://"),
    ('"data:text/html,hi"', "'data:' is not allowed here; give a web address starting with "
                            "https://"),
    ("http://www.example.org/", "use the secure address starting with https:// instead of "
                                "http://"),
])
def test_website_and_source_must_be_https(repo: Repo, value: str, message: str) -> None:
    repo.org("test-red-cross", org().replace("sources:\n  - https://www.example.org/\n",
                                             f"website: {value}\nsources:\n  - {value}\n"))
    assert repo.problems() == [f"{F}:7: website: {message}", f"{F}:9: sources[0]: {message}"]


def test_source_text_file_name_is_a_source(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("https://www.example.org/",
                                             "000_d097e74188e04625.txt"))
    assert repo.problems() == []


def test_invalid_date(repo: Repo) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", "visibility: public",
                                       "last_verified: 2024-02-30"))
    assert repo.problems() == [
        f"{F}:13: contacts[0].last_verified: 2024-02-30 is not a real date; write YYYY-MM-DD "
        "with a day that exists in that month"]


def test_quoted_invalid_date(repo: Repo) -> None:
    repo.org("test-red-cross", contact("email: desk@example.org", "visibility: public",
                                       'last_verified: "2024-02-30"'))
    assert repo.problems() == [
        f"{F}:13: contacts[0].last_verified: 2024-02-30 is not a real date; write YYYY-MM-DD "
        "with a day that exists in that month"]


@pytest.mark.parametrize("char, name", [
    ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK"),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
])
def test_invisible_characters(repo: Repo, char: str, name: str) -> None:
    repo.org("test-red-cross", org().replace("en: Test Red Cross", f"en: Test{char} Red Cross"))
    assert repo.problems() == [
        f"{F}:6: name.en: contains the invisible character {name} at position 5; delete it "
        "(retype the text around it)"]


def test_joiners_allowed_in_names(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("  en: Test Red Cross",
                                             "  en: Test Red Cross\n  ar: لا\u200cلا\u200dلا"))
    assert repo.load().organisations["test-red-cross"].name.ar == "لا\u200cلا\u200dلا"


@pytest.mark.parametrize("value, message", [
    ('" Test Red Cross"', "starts with a space; remove it"),
    ('"Test Red Cross\u00a0"', "ends with a space; remove it"),
])
def test_edge_spaces(repo: Repo, value: str, message: str) -> None:
    repo.org("test-red-cross", org().replace("en: Test Red Cross", f"en: {value}"))
    assert repo.problems() == [f"{F}:6: name.en: {message}"]


def test_name_must_be_per_language(repo: Repo) -> None:
    repo.org("test-red-cross", org().replace("name:\n  en: Test Red Cross", "name: Test Red Cross"))
    assert repo.problems() == [
        f"{F}:5: name: give the text per language on indented lines below, starting with en: ..."]


def test_bad_id_and_kind(repo: Repo) -> None:
    repo.org("test-red-cross", org(id_="Test_Red_Cross").replace("national-society", "ngo"))
    assert repo.problems() == [
        f"{F}:2: id: 'Test_Red_Cross' is not a valid id; use lower-case letters, digits and "
        "single hyphens (like australian-red-cross)",
        f"{F}:3: kind: 'ngo' is not allowed here; use 'national-society', 'icrc' or 'ifrc'"]


def test_free_text_has_a_length_bound_per_kind(repo: Repo) -> None:
    """Names stop at 200 characters, a contact's role too, a note at 2,000: each over-long text is named
    with its file, line and field; texts at the bound pass."""
    head = org().replace("  en: Test Red Cross", "  en: " + "N" * 201 + "\n  fr: " + "n" * 200)
    repo.org("test-red-cross", head + "contacts:\n  - role: " + "R" * 201 + "\n    email: desk@example.org\n"
             "    visibility: public\n    last_verified: 2026-01-01\n")
    assert repo.problems() == [
        f"{F}:6: name.en: is 201 characters long; a name has at most 200 characters: shorten it",
        f"{F}:11: contacts[0].role: is 201 characters long; a name has at most 200 characters: shorten it"]


def test_every_invisible_or_line_breaking_character_is_refused_in_text() -> None:
    """check_text's quick path (a printable text is not read character by character) misses none of
    the characters the slow path refuses: every code point of categories Cf, Cc, Zl and Zp but the
    two joiners, between letters, is refused with its code point named."""
    import sys
    import unicodedata

    from pydantic_core import PydanticCustomError

    from kb.fields import ALLOWED_FORMAT_CHARS, check_text

    refused = [chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cf", "Cc", "Zl", "Zp") and chr(c) not in ALLOWED_FORMAT_CHARS]
    assert len(refused) > 150
    for ch in refused:
        with pytest.raises(PydanticCustomError) as caught:
            check_text(f"a{ch}b")
        assert f"U+{ord(ch):04X}" in str(caught.value), ch
    for ch in ALLOWED_FORMAT_CHARS:
        assert check_text(f"a{ch}b") == f"a{ch}b"


def test_country_codes_are_babels_territories_less_the_non_countries() -> None:
    """kb.fields.COUNTRIES is written out (no locale is loaded for a data check); it must stay the
    two-letter territories of the installed Babel's CLDR data less NOT_COUNTRIES."""
    from babel import Locale

    from kb.fields import COUNTRIES, NOT_COUNTRIES

    derived = {code for code in Locale("en").territories
               if isinstance(code, str) and len(code) == 2 and code.isalpha()} - NOT_COUNTRIES
    assert set(COUNTRIES) == derived
    assert {"AU", "GB", "NO", "FR"} <= COUNTRIES and not {"UK", "EU", "XK", "ZZ"} & COUNTRIES
