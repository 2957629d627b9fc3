"""The updates section as built: localized dates, listings, English-only fallbacks, feeds."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.dates import format_date

from sitebuild import LANGUAGES
from updates_support import CANARY_BODY, CANARY_CONTACT, ENGLISH_ONLY, FIXTURE

ATOM = "{http://www.w3.org/2005/Atom}"
ENTRY_FIELDS = {f"{ATOM}{t}" for t in ("title", "link", "id", "updated", "summary")}
FEED_FIELDS = ENTRY_FIELDS | {f"{ATOM}author", f"{ATOM}entry"}
FALLBACK_BODY = {"fr": "Cette actualité n’est disponible qu’en anglais.",
                 "es": "Esta novedad solo está disponible en inglés.",
                 "ar": "هذا الخبر متاح باللغة الإنجليزية فقط."}


# Every feed file of a build.
def feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def test_fixture_post_shows_its_date_in_each_language(fixture_site):
    """The post built in en and fr shows 12 March 2024 the way each language writes it."""
    english = format_date(dt.date(2024, 3, 12), format="long", locale="en")
    for lang, expected in (("en", english), ("fr", "12 mars 2024")):
        page = fixture_site.page(lang, f"updates/posts/{FIXTURE}/")
        time = page.select_one("article time")
        assert time is not None and time.get_text() == expected and time["datetime"] == "2024-03-12"
        listing = fixture_site.page(lang, "updates/")
        assert expected in listing.select_one("article").get_text()
    assert fixture_site.page("fr", f"updates/posts/{FIXTURE}/").select_one("article h1").get_text(strip=True) == "Article de test"


def test_month_and_year_dates_are_not_given_a_day(built):
    """The real APMN post (December 2012) and ATN post (2022) show only the month or the year."""
    for lang, month in (("en", "December 2012"), ("fr", "décembre 2012"), ("es", "diciembre de 2012")):
        times = {t["datetime"]: t.get_text() for t in built.page(lang, "updates/").select("time")}
        assert times["2012-12"] == month
        assert times["2022"] == "2022"


def test_listing_is_newest_first_and_grouped_by_year(fixture_site):
    """The index lists posts newest first under one heading per year."""
    article = fixture_site.page("en", "updates/").select_one("article")
    dates = [t["datetime"] for t in article.select("ul.kb-updates time")]
    assert dates == sorted(dates, reverse=True) and {"2026-03-12", "2024-03-12", "2023-11-05"} <= set(dates)
    years = [h["id"] for h in article.select("h2[id^=year-]")]
    assert years == ["year-2026", "year-2024", "year-2023", "year-2022", "year-2012"]


@pytest.mark.parametrize("network,other", [("apmn", "atn"), ("atn", "apmn")])
def test_network_page_lists_only_its_network(fixture_site, network, other):
    """A network's updates page lists its own posts and none of the other network's."""
    article = fixture_site.page("fr", f"updates/{network}/").select_one("article")
    networks = {a.get_text() for a in article.select(".kb-update__meta a")}
    assert networks == {network.upper()}
    assert other.upper() not in networks


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_english_only_post_is_listed_with_a_notice(fixture_site, lang):
    """A post that exists only in English is listed and built in each language, marked as English only."""
    listing = fixture_site.page(lang, "updates/")
    link = next(a for a in listing.select(".kb-update__title a") if ENGLISH_ONLY in a["href"])
    assert link["lang"] == "en" and link.get_text() == "Only in English"
    assert link.find_parent("p").select_one(".kb-updates__fallback") is not None
    page = fixture_site.page(lang, f"updates/posts/{ENGLISH_ONLY}/")
    assert page.html["lang"] == lang
    assert FALLBACK_BODY[lang] in page.select_one(".kb-notice--fallback").get_text()
    assert page.select_one("article div[lang=en]") is not None


def test_every_feed_is_atom_with_public_fields_only(fixture_site):
    """Each of the 12 feeds parses as Atom and holds only title, link, id, date and summary."""
    found = feeds(fixture_site.site)
    assert len(found) == len(LANGUAGES) * 3
    for path in found:
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed", path
        assert {child.tag for child in root} <= FEED_FIELDS, path
        for entry in root.iter(f"{ATOM}entry"):
            assert {child.tag for child in entry} <= ENTRY_FIELDS, path


def test_feeds_list_the_post_and_link_to_built_pages(fixture_site):
    """The French feed lists the French post, and each entry's link resolves to a built page."""
    path = fixture_site.site / "fr" / "updates" / "feed.xml"
    root = ET.parse(path).getroot()
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert "Article de test" in titles and "Only in English" in titles
    base = "/fr/updates/feed.xml"
    for entry in root.iter(f"{ATOM}entry"):
        target = urlsplit(urljoin(base, entry.find(f"{ATOM}link").get("href"))).path
        assert (fixture_site.site / target.lstrip("/") / "index.html").is_file(), target
    atn = ET.parse(fixture_site.site / "fr" / "updates" / "atn" / "feed.xml").getroot()
    assert "Article de test" not in [e.findtext(f"{ATOM}title") for e in atn.iter(f"{ATOM}entry")]


def test_feeds_hold_no_body_text_and_no_network_contact(fixture_site):
    """No feed carries a post's body or a network-only contact planted in the data."""
    assert CANARY_BODY in (fixture_site.site / "fr" / "updates" / "posts" / FIXTURE / "index.html").read_text(encoding="utf-8")
    for path in feeds(fixture_site.site):
        text = path.read_text(encoding="utf-8")
        assert CANARY_BODY not in text and CANARY_CONTACT not in text, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listing_pages_announce_their_feed(fixture_site, lang):
    """Each listing page links its feed in <head>, and the linked file exists."""
    for section in ("updates/", "updates/apmn/", "updates/atn/"):
        link = fixture_site.page(lang, section).select_one('head link[rel=alternate][type="application/atom+xml"]')
        assert link is not None, section
        assert (fixture_site.lang_dir(lang) / section / link["href"]).is_file()
