"""The Download page: each language's zip with its size and date when the offline editions were
built first; an honest notice when they were not; the offline edition says what it is."""
from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urljoin

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from expected import label

from sitebuild import DEFAULT, LANGUAGES, soup


# The page's own URL path ("/fr/download/").
def here(lang: str) -> str:
    return "/" + ("" if lang == DEFAULT else f"{lang}/") + "download/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_download_page_lists_every_zip_with_size_and_date(hosted_with_zips, offline, lang):
    """Four rows, this language first; each link downloads the very zip; size and date in this language."""
    html = hosted_with_zips.page(lang, "download/")
    rows = html.select("article tr[data-lang]")
    assert [r["data-lang"] for r in rows][0] == lang
    assert sorted(r["data-lang"] for r in rows) == sorted(LANGUAGES)
    built = dt.date.fromisoformat(offline.manifest["built"])
    assert abs((dt.datetime.now(dt.UTC).date() - built).days) <= 1
    for row in rows:
        code = row["data-lang"]
        original = offline.zip(code).read_bytes()
        link = row.select_one('a[href$=".zip"]')
        served = hosted_with_zips.site / urljoin(here(lang), link["href"]).lstrip("/")
        assert hashlib.sha256(served.read_bytes()).hexdigest() == hashlib.sha256(original).hexdigest()
        cells = row.get_text(" | ", strip=True)
        kilobytes = round(len(original) / 1000)
        assert len(original) < 1_000_000, "expected sizes below 1 MB; update this test if the zips grow"
        assert format_decimal(kilobytes, locale=lang) in cells, cells
        assert format_date(built, format="long", locale=lang) in cells, cells
        assert hashlib.sha256(original).hexdigest() in cells
    assert label("download.not_in_build", lang) not in html.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_download_page_says_so_when_the_zips_are_not_built(hosted_without_zips, lang):
    """Without a manifest the page says, in its language, that the offline editions are not in this build."""
    html = hosted_without_zips.page(lang, "download/")
    assert label("download.not_in_build", lang) in html.select_one("article").get_text(" ", strip=True)
    assert html.select('a[href$=".zip"]') == []
    assert not (hosted_without_zips.site / "downloads").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_download_page_says_it_is_the_offline_edition(offline, lang):
    """Inside a zip the Download page says it is the offline edition and links to no zip."""
    html = soup(offline.folder(lang) / "download.html")
    assert label("download.offline_edition", lang) in html.select_one("article").get_text(" ", strip=True)
    assert html.select('a[href$=".zip"]') == []
