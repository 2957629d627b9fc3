"""The built site: the glossary page in four languages, the first use of a term carrying its
definition in the page's language (and only the first use), and the networks' timelines in date order
with dates in the reader's language."""
from __future__ import annotations

import copy
import json
import re

import pytest
from expected import glossary_terms, term_forms

from kb.fields import mirror_host

from sitebuild import LANGUAGES

TERMS = glossary_terms()  # read from data/glossary.yml, not through the product's loader
GLOSSARY_TITLE = {"en": "Glossary", "fr": "Glossaire", "es": "Glosario", "ar": "مسرد المصطلحات"}


def normal(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_lists_every_term_with_definition_and_sources(built, lang):
    page = built.page(lang, "glossary/")
    entries = page.select(".kb-glossary dt")
    assert sorted(dt["id"] for dt in entries) == sorted(TERMS)
    assert page.select_one(".kb-glossary")["lang"] == lang
    for dt in entries:
        term = TERMS[dt["id"]]
        assert dt.dfn.get_text(strip=True) == term["term"][lang]
        dd = dt.find_next_sibling("dd")
        assert normal(term["definition"][lang]) in normal(dd.get_text())
        links = [a["href"] for a in dd.select(".kb-glossary__sources a")]
        assert links == list(term["sources"])
    # In the navigation, under its translated title.
    assert any(a.get_text(strip=True) == GLOSSARY_TITLE[lang] for a in page.select("nav a"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_use_carries_its_definition_in_the_page_language_and_only_the_first(built, lang):
    page = built.page(lang, "approach/")
    content = copy.copy(page.select_one("article"))  # changed below: the parsed page is shared
    buttons = content.select("button.kb-term__button")
    targets = [b["popovertarget"] for b in buttons]
    assert targets and len(targets) == len(set(targets))  # one button per term
    for button in buttons:
        term = TERMS[button["popovertarget"].removeprefix("kb-term-")]
        assert normal(button.get_text()) in {normal(f) for f in term_forms(term, lang)}
        tip = page.find(id=button["popovertarget"])
        assert tip.has_attr("popover") and tip["lang"] == lang
        assert normal(term["definition"][lang]) in normal(tip.get_text())
        assert tip.a["href"].endswith(f"glossary/#{term['id']}")
    # National Societies are named more than once on the page; only the first is a button.
    for tip in content.select(".kb-term__tip"):
        tip.decompose()
    text = normal(content.get_text())
    society = TERMS["national-society"]
    assert sum(text.count(normal(f)) for f in term_forms(society, lang)) > 1
    assert targets.count("kb-term-national-society") == 1


def test_generated_content_and_headings_never_hold_a_term_button(built):
    for path in ("networks/apmn/", "networks/atn/", "directory/apmn/", "translation-status/", "glossary/"):
        page = built.page("fr", path)
        assert page.select(".kb-timeline button, .kb-directory button.kb-term__button, "
                           ".kb-glossary button, h1 button, h2 button, h3 button, a button") == [], path


def test_every_popover_target_exists_on_its_page_print_page_included(built):
    checked = 0
    for path in built.html_files():
        html = path.read_text(encoding="utf-8")
        for target in re.findall(r'popovertarget="([^"]+)"', html):
            assert re.search(rf'id="{re.escape(target)}"[^>]*\spopover', html), (path, target)
            checked += 1
    assert checked > 20


def test_definitions_are_left_out_of_the_search_index_of_other_pages(built):
    docs = json.loads((built.lang_dir("fr") / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    definition = TERMS["trafficking-in-persons"]["definition"]["fr"][:40]
    assert {d["location"].split("#")[0] for d in docs if definition in d["text"]} == {"glossary/"}


# Hand-written expectations: the order of events and their dates as a reader of each language reads them.
ORDER = {
    "apmn": ["apmn-created", "apmn-pledge-2015-2019", "apmn-regional-protection-pledge",
             "apmn-mobilising-the-movement-meeting", "apmn-general-meeting-2017", "apmn-roundtable-2017",
             "apmn-irrc-article-2018", "bangkok-labour-migration-conference-2018", "apmn-pledge-2019"],
    "atn": ["atn-created", "atn-guidance-2018", "atn-meeting-2019", "atn-pledge-2019", "atn-meeting-2022",
            "atn-meeting-2024"],
}
DATES = {
    ("apmn", "fr"): ["décembre 2012", "2015–2019", "2016–2019", "2016", "2017", "juin 2017", "22 mai 2018",
                     "20–21 juin 2018", "2019"],
    ("apmn", "es"): ["diciembre de 2012", "2015–2019", "2016–2019", "2016", "2017", "junio de 2017",
                     "22 de mayo de 2018", "20–21 de junio de 2018", "2019"],
    ("atn", "en"): ["2004", "June 20, 2018", "2019", "2019", "2022", "2024"],
    ("atn", "ar"): ["2004", "20 يونيو 2018", "2019", "2019", "2022", "2024"],
}


@pytest.mark.parametrize("network", sorted(ORDER))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_lists_events_in_date_order_with_sources(built, network, lang):
    timeline = built.page(lang, f"networks/{network}/").select_one(".kb-timeline")
    assert timeline is not None and timeline["lang"] == lang
    events = timeline.select("li.kb-timeline__event")
    assert [li["id"].removeprefix("event-") for li in events] == ORDER[network]
    for li in events:
        link = li.select_one(".kb-timeline__source a")
        assert link["href"].startswith("https://") and mirror_host(link["href"]) is None
    if (network, lang) in DATES:
        assert [li.select_one(".kb-timeline__when").get_text(strip=True) for li in events] == DATES[(network, lang)]


def test_timeline_says_planned_staging_and_place_in_the_readers_language(built):
    atn = built.page("fr", "networks/atn/")
    last = atn.select_one("#event-atn-meeting-2024")
    assert "Portugal" in last.get_text() and "prévu, selon la source" in last.get_text()
    brussels = atn.select_one("#event-atn-meeting-2019 .kb-timeline__meta").get_text(" ", strip=True)
    assert "Bruxelles, Belgique" in brussels and "en présentiel" in brussels
    apmn = built.page("en", "networks/apmn/")
    staging = apmn.select_one("#event-apmn-pledge-2015-2019 .kb-timeline__source").get_text(" ", strip=True)
    assert "preprod.rcrcconference.org" in staging and "staging copy" in staging
    assert apmn.select_one("#event-apmn-irrc-article-2018 time")["datetime"] == "2018-05-22"
