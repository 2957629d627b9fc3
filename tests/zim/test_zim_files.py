"""Each language's ZIM, read back with libzim: pages and titles, main page, full-text and title
search in that language, metadata, nothing loaded from another server, what is left out."""
from __future__ import annotations

import datetime as dt
import re
import struct
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from sitebuild import DEFAULT, LANGUAGES, NETWORK_CANARY, ROOT

ISO639_3 = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara"}
# One word of each language's approach page (checked below against its Markdown source).
WORDS = {"en": "emotional", "fr": "éventail", "es": "gama", "ar": "الطوارئ"}
# Words that would name the subject in the Kiwix library (title, description, file name).
SUBJECT_WORDS = ("traffick", "traite", "trata", "اتجار", "migra", "هجرة", "exploit", "victim")
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)


# The front matter and body of a Markdown page.
def split_page(path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        return yaml.safe_load(head) or {}, body
    return {}, text


# Every page a language's build holds (its own Markdown, else the English fallback): entry path -> title.
def expected_pages(lang: str) -> dict[str, str]:
    pages = {}
    for md in sorted((ROOT / "docs" / DEFAULT).rglob("*.md")):
        rel = md.relative_to(ROOT / "docs" / DEFAULT)
        own = ROOT / "docs" / lang / rel
        meta, body = split_page(own if own.is_file() else md)
        heading = re.search(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", body, re.M)
        pages[rel.with_suffix(".html").as_posix()] = meta.get("title") or (heading.group(1) if heading else "")
    return pages


# Every entry of an archive (path -> entry).
def entries(archive) -> dict:
    found = {}
    for index in range(archive.entry_count):
        entry = archive._get_entry_by_id(index)
        found[entry.path] = entry
    return found


def html_of(entry) -> str:
    return bytes(entry.get_item().content).decode("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_an_entry_with_its_title(zims, lang):
    """Each page of the language's build is an HTML entry titled as its source page; no other front article."""
    archive = zims.archive(lang)
    found = entries(archive)
    pages = expected_pages(lang)
    assert len(pages) > 20
    for path, title in pages.items():
        assert path in found, f"{lang}: {path} is not in the ZIM"
        assert found[path].get_item().mimetype == "text/html"
        assert found[path].title == title, (lang, path)
        assert f'<html lang="{lang}"' in html_of(found[path])
    html_entries = [p for p, e in found.items() if e.get_item().mimetype == "text/html"]
    assert sorted(html_entries) == sorted(pages)
    assert archive.article_count == len(pages)
    assert archive.has_title_index and archive.has_fulltext_index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_main_page_opens(zims, lang):
    """The main entry is the home page of that language, with its own heading."""
    archive = zims.archive(lang)
    assert archive.has_main_entry
    item = archive.main_entry.get_item()
    assert item.path == "index.html"
    _, body = split_page(ROOT / "docs" / lang / "index.md")
    heading = re.search(r"^# (.+?)\s*$", body, re.M).group(1)
    page = BeautifulSoup(bytes(item.content).decode("utf-8"), "html.parser")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == heading


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_text_search_finds_the_approach_page(zims, lang):
    """Kiwix's full-text search (libzim) finds the approach page by a word of its language; the title
    index suggests it by its title; a word absent from the site finds nothing."""
    word = WORDS[lang]
    assert word in (ROOT / "docs" / lang / "approach.md").read_text(encoding="utf-8")
    archive = zims.archive(lang)
    search = Searcher(archive).search(Query().set_query(word))
    results = list(search.getResults(0, 50))
    print(f"{lang}: {word!r} -> {search.getEstimatedMatches()} match(es): {results}")
    assert "approach.html" in results
    assert Searcher(archive).search(Query().set_query("qzxwvkjh")).getEstimatedMatches() == 0
    title = expected_pages(lang)["approach.html"]
    suggestions = list(SuggestionSearcher(archive).suggest(title).getResults(0, 10))
    assert "approach.html" in suggestions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_metadata_is_present_discreet_and_in_the_language(zims, lang):
    """Title, Description, Creator, Publisher in the language (labels.yml), ISO 639-3 language, date,
    name, a 48x48 PNG illustration; title and description within openZIM's limits and discreet."""
    archive = zims.archive(lang)
    meta = {key: archive.get_metadata(key) for key in archive.metadata_keys}
    for key in ("Title", "Description", "Creator", "Publisher"):
        assert meta[key].decode("utf-8") == LABELS[f"zim.{key.lower()}"][lang], key
    assert meta["Language"].decode() == ISO639_3[lang]
    built = dt.date.fromisoformat(meta["Date"].decode())
    assert abs((dt.datetime.now(dt.UTC).date() - built).days) <= 1
    assert built.isoformat() == zims.manifest["built"]
    assert lang in meta["Name"].decode()
    title, description = meta["Title"].decode(), meta["Description"].decode()
    assert 0 < len(title) <= 30 and 0 < len(description) <= 80
    public_texts = " ".join([title, description, zims.path(lang).name]).lower()
    assert not [w for w in SUBJECT_WORDS if w in public_texts]
    assert [k for k in meta if k.startswith("Illustration")] == ["Illustration_48x48@1"]
    png = archive.get_illustration_item(48).content.tobytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (48, 48)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_loads_anything_from_another_server(zims, lang):
    """No script, style, image, frame or media from http(s)://; every local one is an entry."""
    found = entries(zims.archive(lang))
    for path, entry in found.items():
        mimetype = entry.get_item().mimetype
        if mimetype == "text/css":
            css = bytes(entry.get_item().content).decode("utf-8")
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import\s+['\"]?(?:https?:)?//", css), path
        if mimetype != "text/html":
            continue
        page = BeautifulSoup(html_of(entry), "html.parser")
        loaded = [t["src"] for t in page.select("script[src], img[src], iframe[src], source[src], audio[src], video[src], embed[src]")]
        loaded += [t["href"] for t in page.select("link[href]")
                   if {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(t.get("rel", []))]
        assert [u for u in loaded if REMOTE.match(u)] == [], path
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        for url in loaded:
            if url.startswith("data:"):
                continue
            target = re.sub(r"[^/]+/\.\./", "", folder + url.split("#")[0].split("?")[0])
            while "../" in target:
                target = re.sub(r"[^/]+/\.\./", "", target, count=1)
            assert target in found, f"{path} loads {url}, which is not an entry"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_box_quick_exit_and_language_switch_are_left_out(zims, lang):
    """What cannot work inside Kiwix is not there: the site's search, quick exit, language menu;
    the header carries the discreet title, not the site's name."""
    found = entries(zims.archive(lang))
    assert not [p for p in found if "lunr" in p or p.startswith("search/") or "quick-exit" in p]
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    site_names = [config["site_name"]] + [lang_["site_name"] for lang_ in i18n["languages"] if "site_name" in lang_]
    assert len(site_names) == 4
    for path in expected_pages(lang):
        html = html_of(found[path])
        page = BeautifulSoup(html, "html.parser")
        assert page.select("[data-kb-exit], .md-search, form[name=search], .md-select") == [], path
        # No link to this site in another language (one ZIM holds one language); a link to a document
        # elsewhere may still say which language that document is in (the library's entries do).
        assert [a["href"] for a in page.select("a[hreflang]") if not urlsplit(a["href"]).scheme] == [], path
        assert LABELS["zim.title"][lang] in page.title.get_text()
        assert [name for name in site_names if name in html] == [], path


def test_make_zim_prints_size_and_entry_count(zims):
    """The command prints each file's size in bytes and its entry count, as read back from the file."""
    for lang in LANGUAGES:
        archive = zims.archive(lang)
        size = zims.path(lang).stat().st_size
        line = next(line for line in zims.log.splitlines() if line.startswith(zims.path(lang).name))
        assert f"({size} bytes)" in line and f"{archive.entry_count} entries" in line, line
        print(line)
    assert zims.manifest["edition"] == "public"
    assert sorted(e["lang"] for e in zims.manifest["editions"]) == sorted(LANGUAGES)


def test_network_only_canary_is_in_no_entry_of_any_zim(zims, canary_project):
    """The ZIM files are built from the project copy holding a network-only contact: no entry of any of
    the four (pages, search data, metadata) holds it, read through libzim (the files are compressed).
    Fails naming the ZIM and entry that hold it."""
    assert NETWORK_CANARY in (canary_project / "data/organisations/australian-red-cross.yml").read_text(encoding="utf-8")
    holders, count = [], 0
    for lang in LANGUAGES:
        for path, entry in entries(zims.archive(lang)).items():
            count += 1
            if NETWORK_CANARY.encode() in bytes(entry.get_item().content):
                holders.append(f"kb-guide-{lang}.zim:{path}")
    assert count > 4 * 20
    assert holders == []
