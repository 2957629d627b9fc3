"""Built fixture site: outdated, fallback and unreviewed notices, the switcher, the status page, --mark."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from expected import label

from fixture_site import ENGLISH, REVIEWED, TRANSLATED, make_site, translations_cli
from sitebuild import build_site

LANGS = ("fr", "es", "ar")


def _expected_totals(root: Path, outdated: set[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Totals computed from the fixture files (and the pages the test changed), not from the output."""
    english = sorted(p.name for p in (root / "docs" / "en").glob("*.md"))
    totals = {}
    for lang in LANGS:
        present = [p for p in english if (root / "docs" / lang / p).is_file()]
        unreviewed = 0
        for page in present:
            meta = yaml.safe_load((root / "docs" / lang / page).read_text(encoding="utf-8").split("---")[1])
            unreviewed += meta["translation"]["reviewed"] is False
        stale = sum((page, lang) in outdated for page in present)
        totals[lang] = {"current": len(present) - stale, "outdated": stale,
                        "missing": len(english) - len(present), "unreviewed": unreviewed}
    return totals


def _status_totals(build, lang: str) -> dict[str, dict[str, int]]:
    """The totals table of the status page built for `lang`."""
    html = build.page(lang, "translation-status/")
    out: dict[str, dict[str, int]] = {}
    for cell in html.select("table.kb-status-totals td[data-total]"):
        out.setdefault(cell["data-lang"], {})[cell["data-total"]] = int(cell.get_text(strip=True))
    return out


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory) -> Path:
    """The fixture project, unchanged."""
    return make_site(tmp_path_factory.mktemp("fixture") / "project")


@pytest.fixture(scope="module")
def first_build(fixture_root, tmp_path_factory):
    """The fixture built as written (every translation up to date, es/principles.md missing)."""
    build = build_site(tmp_path_factory.mktemp("first") / "site", project=fixture_root)
    assert build.returncode == 0, build.log
    return build


def test_missing_page_falls_back_with_a_notice_in_the_readers_language(first_build, fixture_root):
    """es/principles/ is the English page, marked lang=en, with the Spanish fallback notice."""
    html = first_build.page("es", "principles/")
    notice = html.select_one(".kb-notice--fallback")
    assert notice is not None and notice.has_attr("data-search-exclude")
    assert label("notice.fallback.body", "es", fixture_root) in notice.get_text()
    assert html.html["lang"] == "es"
    assert html.select_one('article div[lang="en"] h1').get_text(strip=True).startswith("Principles")
    assert urljoin("/es/principles/", notice.a["href"]) == "/es/translation-status/"
    assert html.select_one(".kb-notice--unreviewed") is None and html.select_one(".kb-notice--outdated") is None


def test_fallback_page_searches_the_readers_language_index(first_build):
    """The search of es/principles/ (an English fallback) points at the Spanish index."""
    config = json.loads(first_build.page("es", "principles/").select_one("script#__config").string)
    assert urljoin(urljoin("/es/principles/", config["base"]), "search/search_index.json") == "/es/search/search_index.json"


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_switcher_marks_the_language_without_the_page(first_build, fixture_root, lang):
    """On every language's principles page, only the Spanish entry says the page is not translated."""
    links = {a["hreflang"]: a.get_text(strip=True) for a in first_build.page(lang, "principles/").select("a.md-select__link")}
    marker = label("switcher.missing", "es", fixture_root)
    assert links["es"].endswith(marker)
    assert not any(marker in text or "(" in text for code, text in links.items() if code != "es")
    approach = {a["hreflang"]: a.get_text(strip=True) for a in first_build.page(lang, "approach/").select("a.md-select__link")}
    assert "(" not in "".join(approach.values())


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_status_page_totals_match_the_files(first_build, fixture_root, lang):
    """Each language's status page counts what the fixture files hold."""
    assert _status_totals(first_build, lang) == _expected_totals(fixture_root, outdated=set())


def test_status_page_cells_are_labelled_in_the_readers_language(first_build, fixture_root):
    """Each cell carries its state, a text symbol and the localised word; the reviewed page has no '?'."""
    html = first_build.page("ar", "translation-status/")
    for lang in LANGS:
        for page in ENGLISH:
            cell = html.select_one(f'tr[data-page="{page}"] td[data-lang="{lang}"]')
            text = cell.get_text(" ", strip=True)
            if page in TRANSLATED[lang]:
                assert cell["data-state"] == "current" and "✓" in text and label("status.current", "ar", fixture_root) in text
                unreviewed = (lang, page) not in REVIEWED
                assert (label("status.unreviewed", "ar", fixture_root) in text) is unreviewed and ("?" in text) is unreviewed
            else:
                assert cell["data-state"] == "missing" and "✗" in text and label("status.missing", "ar", fixture_root) in text


def test_unreviewed_and_reviewed_pages(first_build):
    """An unreviewed translation shows the notice; the reviewed fr/index.md does not."""
    assert first_build.page("fr", "approach/").select_one(".kb-notice--unreviewed") is not None
    assert first_build.page("fr", "").select_one(".kb-notice--unreviewed") is None
    assert first_build.page("fr", "approach/").select_one(".kb-notice--outdated") is None


def test_english_change_marks_translations_outdated_until_marked(fixture_root, tmp_path):
    """After an English edit fr/approach/ warns in French and the status counts it; --mark clears it."""
    root = tmp_path / "project"
    shutil.copytree(fixture_root, root)
    english = root / "docs" / "en" / "approach.md"
    english.write_text(english.read_text(encoding="utf-8").replace("The first version", "The second version"), encoding="utf-8")

    changed = build_site(tmp_path / "changed", project=root)
    assert changed.returncode == 0, changed.log
    notice = changed.page("fr", "approach/").select_one(".kb-notice--outdated")
    assert notice is not None and notice.has_attr("data-search-exclude")
    assert label("notice.outdated.body", "fr", root) in notice.get_text()
    assert notice.a["hreflang"] == "en" and urljoin("/fr/approach/", notice.a["href"]) == "/approach/"
    outdated = {("approach.md", lang) for lang in LANGS}
    assert _status_totals(changed, "fr") == _expected_totals(root, outdated)
    assert changed.page("fr", "translation-status/").select_one('tr[data-page="approach.md"] td[data-lang="fr"]')["data-state"] == "outdated"

    result = translations_cli(root)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("approach.md"))
    assert row.count("OUTDATED") == 3

    before = (root / "docs" / "fr" / "approach.md").read_text(encoding="utf-8")
    result = translations_cli(root, "--mark", "fr/approach.md")
    assert result.returncode == 0, result.stderr
    after = (root / "docs" / "fr" / "approach.md").read_text(encoding="utf-8")
    assert [x for x in before.splitlines() if "source_hash" not in x] == [x for x in after.splitlines() if "source_hash" not in x]

    marked = build_site(tmp_path / "marked", project=root)
    assert marked.returncode == 0, marked.log
    assert marked.page("fr", "approach/").select_one(".kb-notice--outdated") is None
    assert marked.page("es", "approach/").select_one(".kb-notice--outdated") is not None
    assert _status_totals(marked, "es") == _expected_totals(root, outdated - {("approach.md", "fr")})


@pytest.mark.parametrize("record, field, line", [
    ("translation: yes\n", "'translation'", 4),
    ("translation:\n  reviewed: false\n  translator: x\n", "'translation.translator'", 6),
    ("translation:\n  source_hash: sha256:xyz\n  reviewed: false\n", "'translation.source_hash'", 5),
    ("translation:\n  reviewed: \"no\"\n", "'translation.reviewed'", 5),
])
def test_malformed_record_fails_the_build(fixture_root, tmp_path, record, field, line):
    """A malformed record stops the build with the file, line and field."""
    root = tmp_path / "project"
    shutil.copytree(fixture_root, root)
    page = root / "docs" / "fr" / "approach.md"
    head, body = page.read_text(encoding="utf-8").split("translation:", 1)
    page.write_text(head + record + "---" + body.split("---", 1)[1], encoding="utf-8")
    build = build_site(tmp_path / "site", project=root)
    assert build.returncode != 0
    assert f"docs/fr/approach.md:{line}" in build.log and field in build.log
