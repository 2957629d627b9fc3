"""The quick exit's configuration check and markup, the traces table's facts, and the theme-markup fix."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from expected import label

from kb.labels import labels_for
from kb.quick_exit import QuickExitConfigError, exit_markup, neutral_urls, practice_markup
from kb.theme_markup import fix
from kb.traces import build_facts, traces_markup

from sitebuild import LANGUAGES, ROOT

TEMPLATES = ROOT / "overrides" / "kb"
LABELS = labels_for(str(ROOT / "mkdocs.yml"))
GOOD = {"en": "https://a.example/w", "fr": "https://b.example/", "es": "https://c.example/", "ar": "https://d.example/"}


def test_one_https_page_per_language_of_another_site_is_accepted():
    """A mapping with an https:// page of another site for every language passes; one address serves all. Fails when a valid configuration is refused."""
    assert neutral_urls(GOOD, list(LANGUAGES), "https://kb.example/") == GOOD
    assert neutral_urls("https://a.example/", ["en", "fr"], None) == {"en": "https://a.example/", "fr": "https://a.example/"}


def test_every_problem_is_reported_at_once():
    """Missing language, http, relative, this site, a quote and an unknown language: one error naming each. Fails when a problem is missing from the message or only the first is reported."""
    bad = {"en": "http://a.example/", "fr": "/local/", "es": "https://KB.example/exit", "xx": "https://e.example/",
           "ar": 'https://x.example/"><script>'}
    with pytest.raises(QuickExitConfigError) as error:
        neutral_urls(bad, ["en", "fr", "es", "ar", "de"], "https://kb.example/")
    message = str(error.value)
    for part in ("url.en:", "url.fr:", "url.es:", "is this site", "url.ar:", "url.de: missing", "url.xx: not a language"):
        assert part in message, part
    with pytest.raises(QuickExitConfigError):
        neutral_urls(None, ["en"], None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exit_markup_is_escaped_and_in_the_readers_language(lang):
    """The control links to the language's page, carries every message the script says, and escapes the URL. Fails when the URL is not escaped or a message is in another language."""
    html = exit_markup(TEMPLATES, lang, 'https://a.example/?q=1&x="y"', LABELS)
    nav = BeautifulSoup(html, "html.parser").nav
    assert nav["lang"] == lang and nav["aria-label"] == label("quick_exit.region", lang)
    assert nav.a["href"] == 'https://a.example/?q=1&x="y"' and '&amp;x=&#34;y&#34;' in html
    assert nav["data-kb-reset"] == label("quick_exit.reset", lang)
    assert nav["data-kb-leaving"] == label("quick_exit.leaving", lang)
    assert nav.a.get_text() == label("quick_exit.button", lang)
    assert html.rstrip().endswith("</nav>")  # insert_exit moves the skip link before it


def test_practice_markup_names_the_neutral_host():
    """The practice block names the neutral site's host. Fails when the host is missing or the URL is shown whole."""
    html = practice_markup(TEMPLATES, "fr", "https://meteo.example/today", LABELS)
    section = BeautifulSoup(html, "html.parser").section
    assert "meteo.example" in section["data-kb-practice-result"]
    assert section.button["aria-pressed"] == "false" and section.button.has_attr("hidden")


def test_traces_use_the_manifest_names_else_the_offline_builders():
    """The zip name comes from the manifest the offline build wrote; without one, from kb.offline's naming. Fails when the traces name a zip the build did not make."""
    manifest = {"editions": [{"lang": "fr", "name": "kb-offline-fr-special.zip"}]}
    facts = build_facts("Site", "https://kb.example/x/", "fr", manifest)
    assert (facts.zip_file, facts.zip_folder, facts.address, facts.zips_in_build) == \
        ("kb-offline-fr-special.zip", "kb-offline-fr-special", "kb.example", True)
    plain = build_facts("Site", None, "es", None)
    assert plain.zip_file == "kb-offline-es.zip" and plain.address is None and not plain.zips_in_build
    html = traces_markup(TEMPLATES, "es", plain, LABELS)
    assert "kb-offline-es.zip" in html and label("traces.no_address", "es") in html
    assert label("traces.offline_not_in_build", "es") in html
    assert label("traces.offline_not_in_build", "fr") not in traces_markup(TEMPLATES, "fr", facts, LABELS)


def test_theme_toggles_lose_only_their_autocomplete():
    """Only the theme's checkbox toggles lose autocomplete (the Nu checker's error); the search box keeps it.
    Fails when the search input loses it or a toggle keeps it."""
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">')
    out = fix(html)
    assert 'id="__drawer">' in out and out.count('autocomplete="off"') == 1
