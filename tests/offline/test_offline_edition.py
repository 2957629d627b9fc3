"""The offline zips, read as files: one folder per zip, an honest manifest, a search index of one
language as a script, links that resolve inside the folder, the same scripts as the hosted site."""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import LANGUAGES, NETWORK_CANARY, ROOT, soup
from sources import extra_javascript, html_name

ARABIC = re.compile(r"[\u0600-\u06FF]")
LOADING = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"))


# The pages of the source tree as offline file names ("approach.html", "networks/index.html").
def offline_pages() -> set[str]:
    source = ROOT / "docs" / "en"
    return {html_name(md.relative_to(source).as_posix()) for md in source.rglob("*.md")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zip_holds_one_folder_that_opens_at_index_html(offline, lang):
    """Each zip unpacks to a single folder kb-offline-<lang>/ with index.html at its top."""
    with zipfile.ZipFile(offline.zip(lang)) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
        assert tops == {f"kb-offline-{lang}"}
        assert f"kb-offline-{lang}/index.html" in archive.namelist()


def test_manifest_describes_the_zips_truthfully(offline):
    """The manifest names the four zips with their real byte size and SHA-256."""
    editions = {e["lang"]: e for e in offline.manifest["editions"]}
    assert set(editions) == set(LANGUAGES)
    for lang, edition in editions.items():
        data = offline.zip(lang).read_bytes()
        assert edition["name"] == offline.zip(lang).name
        assert edition["bytes"] == len(data)
        assert edition["sha256"] == hashlib.sha256(data).hexdigest()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition["built"])


def test_make_offline_prints_sizes_and_the_ten_heaviest_files(offline):
    """The command's output gives each zip's size and lists ten files of it, heaviest first."""
    for lang in LANGUAGES:
        name = offline.zip(lang).name
        size = offline.zip(lang).stat().st_size
        block = offline.log.split(f"{name}: ", 1)[1].split("\n")
        assert f"({size} bytes)" in block[0]
        listed = [line for line in block[1:11] if f"kb-offline-{lang}/" in line]
        assert len(listed) == 10
        sizes = [int(line.split("B")[0].replace(",", "").strip()) for line in listed]
        assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_there_as_a_file(offline, lang):
    """Every page of the source tree is a .html file (no directory URLs, which file:// cannot open)."""
    root = offline.folder(lang)
    missing = [p for p in sorted(offline_pages()) if not (root / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_script_holds_only_its_language(offline, lang):
    """search/search_index.js defines __index with this language's pages only, each one a file here (all
    but the translation status table, which its front matter keeps out of the search)."""
    root = offline.folder(lang)
    raw = (root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert raw.startswith("var __index = ")
    index = json.loads(raw[len("var __index = "):])
    assert index["config"]["lang"] == [lang]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == offline_pages() - {"translation-status.html"}
    titles = " ".join(d["title"] for d in index["docs"])
    assert bool(ARABIC.search(titles)) == (lang == "ar")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_and_file_resolves_inside_the_folder(offline, lang):
    """Every local href/src of every page is a file of the edition, and its #anchor exists there."""
    root = offline.folder(lang)
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in root.rglob("*.html"):
        html = soup(page)
        for tag, attr in LOADING:
            for element in html.find_all(tag, attrs={attr: True}):
                parts = urlsplit(element[attr])
                if parts.scheme or parts.netloc:
                    if tag != "a":  # only a reader's click may leave the folder
                        broken.append((page, element[attr]))
                    continue
                if not parts.path:
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                if not target.is_file():
                    broken.append((page, element[attr]))
                elif parts.fragment and target.suffix == ".html":
                    known = ids.setdefault(target, {e["id"] for e in soup(target).find_all(id=True)})
                    if unquote(parts.fragment) not in known:
                        broken.append((page, element[attr]))
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_edition_has_no_language_switcher(offline, lang):
    """Other languages are not in the zip, so no page offers links to them."""
    for page in offline.folder(lang).rglob("*.html"):
        html = soup(page)
        assert html.select("a.md-select__link, link[rel=alternate][hreflang]") == [], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_edition_keeps_the_sites_scripts_and_quick_exit(offline, built, lang):
    """Every extra_javascript script and every script of the hosted home page is on the offline home
    page too, and the quick exit element is there when the hosted site has one."""
    offline_home = soup(offline.folder(lang) / "index.html")
    hosted_home = built.page(lang, "")
    offline_scripts = {s["src"] for s in offline_home.find_all("script", src=True)}
    for script in extra_javascript():
        assert script in offline_scripts, script
    hosted_scripts = {s["src"].split("../")[-1] for s in hosted_home.find_all("script", src=True)}
    assert hosted_scripts and hosted_scripts <= offline_scripts
    assert hosted_home.select_one("[data-kb-exit-link]") is not None
    assert offline_home.select_one("[data-kb-exit-link]") is not None


def test_hosted_site_keeps_clean_urls_and_real_workers(built):
    """The hosted build is not the offline one: directory URLs, no worker shim, no index script."""
    assert (built.site / "fr" / "approach" / "index.html").is_file()
    assert not (built.site / "fr" / "approach.html").exists()
    for lang in LANGUAGES:
        home = built.page(lang, "")
        assert [s["src"] for s in home.find_all("script", src=True) if "iframe-worker" in s["src"]] == []
        assert not (built.lang_dir(lang) / "search" / "search_index.js").exists()
    assert not (built.site / "assets" / "offline").exists()


def test_network_only_canary_is_in_no_file_of_any_zip(offline, canary_project):
    """The zips are built by their own path (one language each, an inlined search index): the
    network-only contact planted in their data is in none of the files of any of the four zips, read
    inside the zip. Fails naming each zip and file that holds it."""
    data = (canary_project / "data/organisations/australian-red-cross.yml").read_text(encoding="utf-8")
    assert NETWORK_CANARY in data  # planted
    holders, files = [], 0
    for lang in LANGUAGES:
        with zipfile.ZipFile(offline.zip(lang)) as archive:
            for name in archive.namelist():
                files += 1
                if NETWORK_CANARY.encode() in archive.read(name):
                    holders.append(f"{offline.zip(lang).name}:{name}")
    assert files > 4 * 40
    assert holders == []
