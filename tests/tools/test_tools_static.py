"""The tool pages as built: every language, the embedded network data, the no-script fallbacks."""
from __future__ import annotations

import json
import re

import pytest
from babel import Locale
from expected import data, org_name, with_role

from kb.fields import COUNTRIES
from kb.tools import AREAS, ToolError, readiness_areas, script_json

from sitebuild import LANGUAGES, ROOT

TOOLS = ("tools/find-your-network/", "tools/readiness/")


def networks() -> dict[str, dict]:
    """data/networks/*.yml read here with ruamel.yaml (not through the product's loader)."""
    return {p.stem: data(f"networks/{p.name}") for p in sorted((ROOT / "data" / "networks").glob("*.yml"))}


def organisations() -> dict[str, dict]:
    """data/organisations/*.yml read here with ruamel.yaml."""
    return {p.stem: data(f"organisations/{p.name}") for p in sorted((ROOT / "data" / "organisations").glob("*.yml"))}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_both_tool_pages(built, lang):
    """Both tool pages exist in each language, in that language, right to left in Arabic."""
    for path in TOOLS:
        page = built.page(lang, path)
        html = page.find("html")
        assert html["lang"] == lang
        assert page.body["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert page.find("h1").get_text(strip=True)
        notice = page.select_one(".kb-notice--unreviewed")
        assert (notice is not None) == (lang != "en"), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tools_are_in_the_navigation(built, lang):
    """The home page's navigation links both tools under a Tools section."""
    hrefs = [a.get("href", "") for a in built.page(lang).select("nav.md-nav--primary a")]
    for path in TOOLS:
        assert any(h.rstrip("/").endswith(path.rstrip("/")) for h in hrefs), (path, hrefs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_network_blob_matches_data(built, lang):
    """The JSON in the page lists exactly the countries, networks and names that data/ gives."""
    nets, orgs = networks(), organisations()
    assert nets and orgs
    tag = built.page(lang, TOOLS[0]).find("script", id="kb-networks-data")
    assert tag["type"] == "application/json"
    blob = json.loads(tag.string)
    expected: dict[str, set[tuple[str, str]]] = {}
    for net_id, network in nets.items():
        for member in network["members"]:
            country = orgs[member["organisation"]].get("country")
            if country:
                expected.setdefault(country, set()).add((net_id, member["organisation"]))
    got = {c: {(e["network"], e["organisation"]) for e in entries} for c, entries in blob["coverage"].items()}
    assert got == expected
    assert {"AU", "PH", "GB", "IT", "NL"} <= set(got)
    apmn_names = nets["apmn"]["name"]
    assert blob["networks"]["apmn"]["name"] == apmn_names.get(lang, apmn_names["en"])
    for org_id in orgs:
        assert blob["organisations"][org_id]["name"] == org_name(org_id, lang)


def test_script_json_cannot_close_its_script_element():
    """Text such as </script> or <!-- in data cannot end the JSON's <script> element."""
    data = {"name": "A </script><script>alert(1)</script> <!-- & B"}
    text = script_json(data)
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_members_table_works_without_script(built, lang):
    """A plain table lists every network member, visible with no script; the chooser starts hidden."""
    nets = networks()
    page = built.page(lang, TOOLS[0])
    table = page.select_one("table.kb-network-table")
    assert table is not None and table.find_parent(attrs={"hidden": True}) is None
    rows = {(tr["data-network"], tr.find_all("td")[1].get_text(strip=True)) for tr in table.select("tbody tr")}
    expected = {(n, org_name(m["organisation"], lang)) for n, net in nets.items() for m in net["members"]}
    assert len(expected) >= 5
    assert rows == expected
    chooser = page.select_one(".kb-find-network__chooser")
    assert chooser.has_attr("hidden")


# Per language, by its alphabet: Å with A (en), É with E (fr), ñ after n (es: España before Estados),
# the Arabic letter order (ب ت ج س ق ك م ن ه).
ORDER = {
    "en": ["AF", "AX", "AL", "CI", "HR", "CU", "CW", "ZW"],
    "fr": ["AF", "ZA", "EG", "AE", "EC", "ER", "ES", "EE", "US", "ET"],
    "es": ["EG", "SV", "AE", "ER", "SK", "SI", "ES", "US", "EE", "ET"],
    "ar": ["BE", "TR", "DJ", "SY", "QA", "CA", "EG", "NG", "NL"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_list_is_complete_and_collated(built, lang):
    """The chooser offers every ISO country once, in the page's language and collation order."""
    select = built.page(lang, TOOLS[0]).find("select", id="kb-country")
    group = select.find_all("optgroup")[-1]
    options = [(o["value"], o.get_text()) for o in group.find_all("option")]
    assert {v for v, _ in options} == set(COUNTRIES) and len(options) == len(COUNTRIES)
    # Written by hand per language (the names are Babel's): countries that must come in this order.
    codes = [v for v, _ in options]
    order = ORDER[lang]
    assert [c for c in codes if c in order] == order
    by_code = dict(options)
    names = Locale.parse(lang).territories
    assert all(by_code[c] == names[c] for c in order)
    assert by_code["DE"] == {"en": "Germany", "fr": "Allemagne", "es": "Alemania", "ar": "ألمانيا"}[lang]


def test_chooser_panels_show_roles_from_data(built):
    """The English APMN panel names the secretariat host and co-chairs the data gives."""
    panel = built.page("en", TOOLS[0]).select_one('.kb-network-panel[data-network="apmn"]')
    text = panel.get_text(" ", strip=True)
    leads = with_role("apmn", "secretariat-host") + with_role("apmn", "co-chair")
    assert len(leads) >= 3
    for org_id in leads:
        assert org_name(org_id, "en") in text
    assert panel.find("a", href="../../networks/apmn/") is not None


def markdown_questions(lang: str) -> dict[str, int]:
    """Number of questions per area, counted in the Markdown source of the page."""
    text = (ROOT / "docs" / lang / "tools" / "readiness.md").read_text(encoding="utf-8")
    region = text.split("<!-- kb:readiness -->")[1].split("<!-- /kb:readiness -->")[0]
    counts: dict[str, int] = {}
    area = None
    for line in region.splitlines():
        heading = re.match(r"^## .*\{#([a-z-]+)\}\s*$", line)
        if heading:
            area = heading.group(1)
            counts[area] = 0
        elif line.startswith("- ") and area:
            counts[area] += 1
    return counts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_readiness_form_is_a_paper_form_without_script(built, lang):
    """Six areas in order, each question a fieldset with a legend and three labelled radios, no submit."""
    page = built.page(lang, TOOLS[1])
    form = page.find("form", id="kb-readiness")
    assert not form.has_attr("action") and not form.has_attr("method")
    assert form.select('[type="submit"], button:not([type])') == []
    assert [s["data-area"] for s in form.select("section.kb-area")] == list(AREAS)
    counts = markdown_questions(lang)
    for area in AREAS:
        fieldsets = form.select(f'section[data-area="{area}"] fieldset.kb-question')
        assert len(fieldsets) == counts[area] >= 2
        for fieldset in fieldsets:
            assert fieldset.legend.get_text(strip=True)
            radios = fieldset.find_all("input", type="radio")
            assert [r["value"] for r in radios] == ["2", "1", "0"]
            assert len({r["name"] for r in radios}) == 1
            assert all(r.find_parent("label").get_text(strip=True) for r in radios)
    assert page.select_one("[data-kb-readiness-result] .kb-readiness-result__live").has_attr("hidden")
    assert page.select_one("[data-kb-readiness-result] [data-kb-nojs]") is not None


def test_scripts_load_only_on_their_pages(built):
    """Each tool script is an external file on its own page and is absent from other pages."""
    for path, script in ((TOOLS[0], "find-network.js"), (TOOLS[1], "readiness.js")):
        srcs = [s.get("src", "") for s in built.page("fr", path).find_all("script")]
        assert any(s.endswith("/assets/" + script) for s in srcs), srcs
    for page in (built.page("en", ""), built.page("en", "approach/")):
        srcs = " ".join(s.get("src", "") for s in page.find_all("script"))
        assert "readiness.js" not in srcs and "find-network.js" not in srcs


def test_malformed_self_check_is_rejected():
    """A self-check block with a missing area, or with stray text, stops the build with a message."""
    areas = "".join(f'<h2 id="{a}">{a}</h2>\n<ul>\n<li>Q?</li>\n</ul>' for a in AREAS[:-1])
    with pytest.raises(ToolError, match="expertise"):
        readiness_areas(areas)
    complete = areas + '<h2 id="expertise">E</h2><ul><li>Q?</li></ul>'
    readiness_areas(complete)
    with pytest.raises(ToolError, match="other text"):
        readiness_areas(complete + "<p>Stray paragraph</p>")
