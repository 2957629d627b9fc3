"""The Download page lists the ZIM files next to the zips (size and date in the reader's language);
a public build never lists or copies network-edition ZIM files; a page that cannot be packed stops
`make zim` with the page named."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from urllib.parse import urljoin

import pytest
import yaml
from babel.dates import format_date
from babel.numbers import format_decimal

from kb.zim import ZimError, pack

from sitebuild import DEFAULT, LANGUAGES, ROOT, build_site, soup

LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


# The page's own URL path ("/fr/download/").
def here(lang: str) -> str:
    return "/" + ("" if lang == DEFAULT else f"{lang}/") + "download/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_download_page_lists_every_zim_with_size_and_date(hosted_with_zims, zims, lang):
    """Four ZIM rows, this language first; each link serves the very file; size and date in this language;
    the Kiwix how-to is on the page."""
    html = hosted_with_zims.page(lang, "download/")
    rows = html.select("article tr[data-zim-lang]")
    assert [r["data-zim-lang"] for r in rows][0] == lang
    assert sorted(r["data-zim-lang"] for r in rows) == sorted(LANGUAGES)
    built = dt.date.fromisoformat(zims.manifest["built"])
    for row in rows:
        code = row["data-zim-lang"]
        original = zims.path(code).read_bytes()
        link = row.select_one('a[href$=".zim"]')
        served = hosted_with_zims.site / urljoin(here(lang), link["href"]).lstrip("/")
        assert hashlib.sha256(served.read_bytes()).hexdigest() == hashlib.sha256(original).hexdigest()
        cells = row.get_text(" | ", strip=True)
        assert len(original) < 1_000_000, "expected sizes below 1 MB; update this test if the files grow"
        assert format_decimal(round(len(original) / 1000), locale=lang) in cells, cells
        assert format_date(built, format="long", locale=lang) in cells, cells
    article = html.select_one("article")
    assert article.select_one("#kiwix") is not None
    assert "Android" in article.get_text() and "iPhone" in article.get_text()
    assert LABELS["zim.not_in_build"][lang] not in article.get_text(" ", strip=True)


def test_network_edition_zims_are_not_published_by_a_public_build(tmp_path):
    """A ZIM manifest whose edition is 'network' is ignored by a public build: nothing copied, the notice shown."""
    out = tmp_path / "zim"
    out.mkdir()
    name = "kb-guide-en.zim"
    (out / name).write_bytes(b"network-only canary 5c1e")
    manifest = {"built": "2026-11-28", "edition": "network",
                "editions": [{"lang": "en", "name": name, "bytes": (out / name).stat().st_size,
                              "sha256": "0" * 64, "built": "2026-11-28", "entries": 1}]}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    empty = tmp_path / "no-zips"
    empty.mkdir()
    build = build_site(tmp_path / "site", env={"KB_ZIM_DIR": str(out), "KB_OFFLINE_DIR": str(empty),
                                               "KB_ONLY_LANG": "en"})
    assert build.returncode == 0, build.log[-3000:]
    assert not (build.site / "downloads").exists()
    page = soup(build.site / "download" / "index.html")
    assert name not in str(page)
    assert LABELS["zim.not_in_build"]["en"] in page.select_one("article").get_text(" ", strip=True)


def test_a_page_that_cannot_be_packed_is_named(tmp_path):
    """A page loading a script from another server, a page without a title and a missing image stop
    the packing with each page named; no ZIM file is left behind."""
    folder = tmp_path / "build"
    (folder / "tools").mkdir(parents=True)
    (folder / "index.html").write_text("<html><body><h1>Home</h1></body></html>", encoding="utf-8")
    (folder / "tools" / "remote.html").write_text(
        '<html><head><script src="https://cdn.example.org/x.js"></script></head><body>x</body></html>',
        encoding="utf-8")
    (folder / "untitled.html").write_text('<html><body><img src="assets/gone.png"></body></html>', encoding="utf-8")
    pages = {"index.html": "Home", "tools/remote.html": "Remote", "untitled.html": ""}
    meta = {"Title": "t", "Description": "d", "Creator": "c", "Publisher": "p", "Name": "n"}
    target = tmp_path / "out" / "kb-guide-en.zim"
    with pytest.raises(ZimError) as caught:
        pack(folder, target, "en", pages, meta, "2026-11-28")
    message = str(caught.value)
    assert "en/tools/remote.html: loads https://cdn.example.org/x.js" in message
    assert "en/untitled.html: the page has no title" in message
    assert "en/untitled.html: loads assets/gone.png" in message
    assert "en/index.html" not in message
    assert not target.exists()
