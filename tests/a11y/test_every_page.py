"""Every built page, in all four languages and both editions, passes axe-core (WCAG 2.0/2.1/2.2 A
and AA, best practice) with no violation, and the Nu HTML Checker (vnu.jar) with no error. One
build per edition for the whole session; axe runs a few tabs at a time in one Chromium per edition."""
from __future__ import annotations

import pytest
from checks import VNU_JAR, axe_every_page, java, nu_errors, page_paths

from browser_support import serve
from sitebuild import LANGUAGES

EDITIONS = ("public", "network")


@pytest.fixture(scope="module", params=EDITIONS)
def edition_build(request):
    # Only the edition's own build: under `make test` the two editions run in two workers at once.
    return request.param, request.getfixturevalue("built" if request.param == "public" else "built_network")


def test_every_page_of_every_language_is_checked(edition_build):
    """Both editions have the pages of all four languages and the 404 page (what the checks below cover)."""
    edition, build = edition_build
    paths = page_paths(build.site)
    for lang in LANGUAGES[1:]:
        assert sum(p.startswith(f"{lang}/") for p in paths) >= 20, (edition, lang)
    assert "404.html" in paths and "" in paths and "safety/" in paths
    notice = build.page("en").select(".kb-edition-notice")
    assert bool(notice) == (edition == "network")


def test_axe_finds_no_violation_on_any_page(edition_build):
    """axe-core finds no violation on any page of the edition (every HTML file the build wrote)."""
    edition, build = edition_build
    paths = page_paths(build.site)
    with serve(build.site) as base:
        problems, checked = axe_every_page(base, paths)
    assert checked == len(paths)
    assert problems == [], (edition, problems[:20])


def test_nu_html_checker_finds_no_error_on_any_page(edition_build):
    """The Nu HTML Checker reports no error in any HTML file of the edition, the theme's markup included."""
    assert VNU_JAR.exists(), "run `make validator` (make test does) to install vnu.jar"
    assert java(), "Java is needed for the Nu HTML Checker (make test installs it)"
    edition, build = edition_build
    errors = nu_errors(build.site)
    assert [(e.get("url", "")[-60:], e.get("lastLine"), e["message"]) for e in errors][:20] == [], edition


def test_nu_checker_catches_the_theme_errors_it_is_here_for(tmp_path):
    """Negative control: the checker reports tabindex="", autocomplete on a checkbox and dir on svg."""
    assert VNU_JAR.exists() and java()
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off" aria-label="x">'
        '<label tabindex="">a</label><svg dir="ltr" role="img" aria-label="m"></svg></html>', encoding="utf-8")
    messages = " ".join(e["message"] for e in nu_errors(tmp_path))
    assert "“tabindex”" in messages and "“autocomplete”" in messages
    assert "Attribute “dir” not allowed on element “svg”" in messages
