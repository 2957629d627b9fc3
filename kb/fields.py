"""Checks for single values (text, ids, countries, e-mail, phone, links, dates), in plain words.

Each check raises a PydanticCustomError of type "kb" whose message is shown to secretariats as is.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

from .yamlload import BadTimestamp

# Zero-width joiner/non-joiner are needed to write some names (Arabic, Indic scripts) correctly.
ALLOWED_FORMAT_CHARS = frozenset({"\u200c", "\u200d"})
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_MONTH_RE = re.compile(r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2}))?$")
# Source texts are cited by their file name, e.g. 000_d097e74188e04625.txt.
SOURCE_TEXT_RE = re.compile(r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
# Document-mirror sites: they only show where a copy was read; the site cites the publisher's own
# address (see the facts files). A host or any of its subdomains (ja.scribd.com) is refused.
MIRROR_HOSTS = frozenset({"scribd.com", "pdfslide.us", "pdfslide.net", "lawsdocbox.com", "readkong.com",
                          "dokumen.tips", "fdocuments.in", "vdocuments.mx", "documents.pub",
                          "pdfcoffee.com", "silo.tips", "einpresswire.com", "yumpu.com", "dokumen.pub",
                          "studylib.net", "studylib.es", "studylib.fr"})
# Length bounds of free text, in characters: one pull request cannot bloat every page and the index.
NAME_MAX = 200  # a name: an organisation, a network, a city, a glossary term, a contact's role
TITLE_MAX = 300  # an event's title
TEXT_MAX = 2000  # any other text: notes, addresses, sources
PHONE_EXAMPLE = "+442079460000"  # a UK number range reserved by Ofcom for drama: never a real line

# Two-letter CLDR territory codes that are not ISO 3166-1 alpha-2 country codes: unknown (ZZ),
# groupings (EU, EZ, UN, QO), pseudo-locales (XA, XB), user-assigned Kosovo (XK, not in ISO 3166-1)
# and ISO's "exceptionally reserved" codes (AC, CP, CQ, DG, EA, IC, TA).
NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK",
                           "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})
# The two-letter territory codes of Babel's CLDR data less NOT_COUNTRIES, written out so that a data
# check does not load a locale to get them (tests/data/test_field_rules.py derives the same set from
# Babel: a Babel upgrade that adds or drops a country fails that test until this list follows).
COUNTRIES: frozenset[str] = frozenset({
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
})


def fail(message: str) -> NoReturn:
    """Stop validation of a value with a message meant for a secretariat."""
    raise PydanticCustomError("kb", "{message}", {"message": message})


def char_name(ch: str) -> str:
    """'U+200B ZERO WIDTH SPACE' for a character, also for unnamed control characters."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"


def bounded(limit: int, what: str) -> Callable[[str], str]:
    """A check that a text is at most `limit` characters long (run before the character checks)."""

    def check(value: str) -> str:
        if len(value) > limit:
            fail(f"is {len(value):,} characters long; {what} has at most {limit:,} characters: shorten it")
        return value

    return check


def check_text(value: str) -> str:
    """Any text: at most TEXT_MAX characters, no invisible or direction-changing characters, no line
    breaks, no edge spaces."""
    bounded(TEXT_MAX, "a text")(value)
    # isprintable() is False for every character of the categories below (Unicode's "Other" and
    # "Separator" classes but the ASCII space), so a printable text needs no per-character look.
    for pos, ch in enumerate("" if value.isprintable() else value, start=1):
        category = unicodedata.category(ch)
        if category == "Cf" and ch not in ALLOWED_FORMAT_CHARS:
            fail(f"contains the invisible character {char_name(ch)} at position {pos}; "
                 "delete it (retype the text around it)")
        if category in ("Cc", "Zl", "Zp"):
            fail(f"contains a line break or control character ({char_name(ch)}) at position {pos}; "
                 "write the text on one line")
    if value != value.lstrip():
        fail("starts with a space; remove it")
    if value != value.rstrip():
        fail("ends with a space; remove it")
    if not value:
        fail("is empty; write a value or remove the line")
    return value


def check_id(value: str) -> str:
    """An id: lower-case kebab-case, as in the file name."""
    if not ID_RE.match(value):
        fail(f"'{value}' is not a valid id; use lower-case letters, digits and single hyphens "
             "(like australian-red-cross)")
    return value


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 country code in capitals (NO for Norway stays the text NO)."""
    if value == "UK":
        fail("'UK' is not an ISO 3166-1 country code; the United Kingdom is GB")
    if value.upper() in COUNTRIES and value != value.upper():
        fail(f"write the country code in capitals: {value.upper()}")
    if value not in COUNTRIES:
        fail(f"'{value}' is not an ISO 3166-1 alpha-2 country code; use the country's two capital "
             "letters (e.g. AU for Australia, NO for Norway)")
    return value


def check_email(value: str) -> str:
    """A plain ASCII e-mail address (no name, no brackets, no mailto:), checked without DNS."""
    if value.lower().startswith("mailto:"):
        fail("remove 'mailto:' and write only the address (like migration@example.org)")
    if "<" in value or ">" in value:
        fail("write only the address (like migration@example.org), without a name or < >")
    for ch in value:
        if not ch.isascii():
            fail(f"contains the non-ASCII character '{ch}' ({char_name(ch)}), which can look like "
                 "a Latin letter; retype the address with plain ASCII letters")
    from email_validator import EmailNotValidError, validate_email  # imported when an address is checked

    try:
        validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        fail(f"is not a valid e-mail address ({exc}); write it like migration@example.org")
    return value


def check_phone(value: str) -> str:
    """An international number written exactly in E.164 form: + country code, digits only."""
    letters = [ch for ch in value if ch.isalpha()]
    if letters:
        fail(f"contains the letter '{letters[0]}'; a phone number has digits only "
             "(is it a 0 typed as the letter O?)")
    if not value.startswith("+"):
        fail(f"write the number in international form: + then country code, digits only "
             f"(like {PHONE_EXAMPLE})")
    import phonenumbers  # imported when a number is checked

    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        fail(f"is not a phone number; write + then country code, digits only "
             f"(like {PHONE_EXAMPLE})")
    if not phonenumbers.is_valid_number(number):
        fail(f"is not a valid phone number for country code +{number.country_code}; "
             "check the digits")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if e164 != value:
        fail(f"write it without spaces or punctuation: {e164}")
    return value


def check_https(value: str) -> str:
    """A complete https:// web address (no http:, javascript:, data: or other schemes)."""
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme == "http":
        fail("use the secure address starting with https:// instead of http://")
    if scheme != "https":
        found = f"'{parts.scheme}:' " if parts.scheme else ""
        fail(f"{found}is not allowed here; give a web address starting with https://")
    if not parts.hostname or "." not in parts.hostname or " " in value:
        fail("is not a complete web address; copy it from the browser's address bar")
    if parts.username or parts.password:
        fail("must not contain a user name or password")
    return value


def check_source(value: str) -> str:
    """A source: an https:// address (not a document mirror) or the file name of a source text."""
    if SOURCE_TEXT_RE.match(value):
        return value
    if "://" not in value and ":" not in value:
        fail("must be an https:// link or the file name of a source text "
             "(like 000_d097e74188e04625.txt)")
    return check_not_mirror(check_https(value))


def mirror_host(value: str) -> str | None:
    """The mirror site an address belongs to (scribd.com for ja.scribd.com), else None."""
    host = (urlsplit(value).hostname or "").lower().rstrip(".")
    return next((m for m in sorted(MIRROR_HOSTS) if host == m or host.endswith("." + m)), None)


def check_not_mirror(value: str) -> str:
    """Refuse a document-mirror address: cite the publisher's own page instead."""
    mirror = mirror_host(value)
    if mirror:
        fail(f"{mirror} is a document-mirror site, not the publisher; cite the publisher's own "
             "https:// address (the organisation that issued the document)")
    return value


def check_public_source(value: str) -> str:
    """A web source: an https:// address on the publisher's own site (not a document mirror)."""
    if SOURCE_TEXT_RE.match(value):
        fail("give the public https:// address of the page (the source text is the Red Cross "
             "Trafficking Response Hub page, e.g. https://trafficking-response.org/fr/a-propos-de-nous/notre-approche)")
    return check_not_mirror(check_https(value))


def year_or_text(value: Any) -> Any:
    """Let 2004 (a YAML number) stand for the text '2004'."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def check_year_month(value: str) -> str:
    """YYYY or YYYY-MM with a real month."""
    match = YEAR_MONTH_RE.match(value)
    if not match or not int(match["y"]) >= 1000 or (match["m"] and not 1 <= int(match["m"]) <= 12):
        fail(f"'{value}' is not a year or year-month; write YYYY or YYYY-MM (like 2012-12)")
    return value


def not_a_real_date(text: str) -> NoReturn:
    """Stop on a date such as 2024-02-30 that has the right form but does not exist."""
    fail(f"{text} is not a real date; write YYYY-MM-DD with a day that exists in that month")


def reject_bad_timestamp(value: Any) -> None:
    """Stop on an impossible YAML date or on a date with a time."""
    if isinstance(value, BadTimestamp):
        not_a_real_date(value.raw)
    if isinstance(value, datetime):
        fail("write only the date (YYYY-MM-DD), without a time")


def period_or_text(value: Any) -> Any:
    """Accept a YAML date or a year number as text; a date that does not exist is an error."""
    reject_bad_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return year_or_text(value)


def check_period(value: str) -> str:
    """YYYY, YYYY-MM or a real date YYYY-MM-DD."""
    if len(value) == 10:
        parse_day(value)
        return value
    try:
        return check_year_month(value)
    except PydanticCustomError:
        fail(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")


UNKNOWN = "unknown"  # a date the source does not give (a note must say so)
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")


def check_period_or_unknown(value: str) -> str:
    """YYYY, YYYY-MM, YYYY-MM-DD, or the word unknown (when the source gives no date)."""
    if value == UNKNOWN:
        return value
    try:
        return check_period(value)
    except PydanticCustomError:
        fail(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, or unknown (with a note: "
             "saying that the source gives no date)")


def check_language(value: str) -> str:
    """A language code (ISO 639-1, or 639-2/3 where there is none) that CLDR can name: en, fr, ar."""
    if not LANGUAGE_RE.match(value):
        fail(f"'{value}' is not a language code; write the two lower-case letters of ISO 639-1 "
             "(en, fr, es, ar, ...)")
    from babel import Locale  # imported when a language code is checked

    try:
        Locale.parse(value)
    except (ValueError, LookupError):
        fail(f"'{value}' is not a known language code; write the two lower-case letters of ISO 639-1 "
             "(en, fr, es, ar, ...)")
    return value


def parse_day(value: Any) -> date:
    """A real calendar date, written YYYY-MM-DD (quoted or not)."""
    reject_bad_timestamp(value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            not_a_real_date(value)
    fail(f"'{value}' is not a date; write YYYY-MM-DD (like 2024-05-31)")
