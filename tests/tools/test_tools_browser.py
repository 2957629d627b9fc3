"""The tools in real Chromium: results from data and the documented rule, no requests, no storage."""
from __future__ import annotations

import time
from itertools import pairwise

import pytest
from expected import label, org_name, with_role

from browser_support import goto, serve, settle

FIND = "tools/find-your-network/"
READY = "tools/readiness/"
SCORES = {"yes": 2, "partly": 1, "not-yet": 0}
# Written by hand from the page's text: the six areas of the self-check, in page order.
AREAS = ("skills", "knowledge", "resources", "processes", "procedures", "expertise")


@pytest.fixture(scope="module")
def site(built, browser):
    """A local server for the built site and the module's headless Chromium."""
    with serve(built.site) as base:
        yield base, browser


def url(base: str, lang: str, path: str) -> str:
    """The address of a page in a language."""
    return f"{base}/{path}" if lang == "en" else f"{base}/{lang}/{path}"


def open_page(site, lang: str, path: str, **context):
    """A fresh page (own context: no shared storage) loaded, with requests recorded from then on."""
    base, browser = site
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    loading: list[str] = []
    page.on("request", lambda r: loading.append(r.url))
    goto(page, url(base, lang, path))
    page.wait_for_load_state("networkidle")
    # Chromium asks for the site's icon after the load event, on a busy machine more than the 500 ms of
    # "networkidle" later: the page has loaded once that request is made too (bounded wait).
    deadline = time.monotonic() + 10
    while not any("favicon" in u for u in loading) and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return ctx, page, requests


def visible_panels(page) -> list[str]:
    """data-network of the result panels that are shown."""
    return page.eval_on_selector_all(".kb-network-panel:not([hidden])", "els => els.map(e => e.dataset.network)")


def assert_nothing_stored(page) -> None:
    """No cookie, no Web Storage entry, no IndexedDB database, no query string or fragment added."""
    state = page.evaluate("""async () => ({
        cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
        idb: (await indexedDB.databases()).length, search: location.search})""")
    assert state == {"cookie": "", "local": 0, "session": 0, "idb": 0, "search": ""}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_australia_shows_the_apmn_with_its_secretariat_host(site, lang):
    """Choosing Australia shows the APMN panel naming its secretariat host and co-chairs, as
    data/networks/apmn.yml gives them (read here with ruamel, not through the product's loader)."""
    ctx, page, requests = open_page(site, lang, FIND)
    page.select_option("#kb-country", "AU")
    assert visible_panels(page) == ["apmn"]
    panel = page.locator('.kb-network-panel[data-network="apmn"]')
    text = panel.inner_text()
    host = org_name(with_role("apmn", "secretariat-host")[0], lang)
    assert host in panel.locator(".kb-network-leads li").first.inner_text()
    co_chairs = with_role("apmn", "co-chair")
    assert len(co_chairs) >= 2
    for org_id in co_chairs:
        assert org_name(org_id, lang) in text
    assert panel.locator('[data-slot="member"]').inner_text().startswith(org_name("australian-red-cross", lang))
    assert label("tools.network.no_public_contact", lang) in text
    assert requests == []
    assert_nothing_stored(page)
    ctx.close()


def test_united_kingdom_shows_the_atn_and_its_vice_chairs(site):
    """Choosing the United Kingdom shows only the ATN panel, with every vice-chair of data/networks/atn.yml."""
    ctx, page, requests = open_page(site, "en", FIND)
    page.select_option("#kb-country", "GB")
    assert visible_panels(page) == ["atn"]
    text = page.locator('.kb-network-panel[data-network="atn"]').inner_text()
    assert "Vice-chairs:" in text
    vice_chairs = with_role("atn", "vice-chair")
    assert len(vice_chairs) >= 2
    for org_id in vice_chairs:
        assert org_name(org_id, "en") in text
    assert requests == []
    ctx.close()


@pytest.mark.parametrize(("lang", "country"), [("en", "Brazil"), ("fr", "Brésil"), ("ar", "البرازيل")])
def test_country_in_no_network_gets_the_honest_fallback(site, lang, country):
    """A country no member covers gets 'no listed member', both networks and the IFRC PGI team."""
    ctx, page, requests = open_page(site, lang, FIND)
    page.select_option("#kb-country", "BR")
    assert visible_panels(page) == [""]
    panel = page.locator(".kb-network-fallback")
    assert country in panel.locator('[data-slot="none"]').inner_text()
    assert "PGI" in panel.inner_text()
    hrefs = panel.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "https://www.ifrc.org/" in hrefs
    assert "../../networks/apmn/" in hrefs and "../../networks/atn/" in hrefs
    page.select_option("#kb-country", "")
    assert visible_panels(page) == []
    assert requests == []
    assert_nothing_stored(page)
    ctx.close()


def expected_area(answers: list[str]) -> str:
    """The documented rule: lowest score decides; any 'not yet' settles it; else unanswered waits."""
    scores = [SCORES[a] for a in answers if a]
    if 0 in scores:
        return "not-yet"
    if len(scores) < len(answers):
        return "unanswered"
    return {2: "ready", 1: "partly"}[min(scores)]


def expected_overall(states: list[str]) -> str:
    """Engage only when all six areas are ready; refer as soon as one is not."""
    if any(s in ("partly", "not-yet") for s in states):
        return "refer"
    return "incomplete" if "unanswered" in states else "ready"


def answer(page, plan: dict[str, list[str]]) -> None:
    """Click the answers of a plan (area -> one answer key per question; '' leaves it unanswered)."""
    for area, answers in plan.items():
        for number, key in enumerate(answers, 1):
            if key:
                page.locator(f'input[name="{area}-{number}"][data-answer="{key}"]').check()


def question_counts(page) -> dict[str, int]:
    """How many questions each area has on the page."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.kb-area')]
        .map(s => [s.dataset.area, s.querySelectorAll('.kb-question').length]))""")


def plans(counts: dict[str, int]) -> list[dict[str, list[str]]]:
    """Answer sets: all yes; one partly; one not yet among partlys; one area left half answered."""
    all_yes = {a: ["yes"] * n for a, n in counts.items()}
    one_partly = {**all_yes, "resources": ["yes"] * (counts["resources"] - 1) + ["partly"]}
    mixed = {**all_yes, "skills": ["partly"] * counts["skills"],
             "processes": ["partly", "not-yet"] + ["yes"] * (counts["processes"] - 2)}
    half = {**all_yes, "expertise": ["yes"] + [""] * (counts["expertise"] - 1)}
    return [all_yes, one_partly, mixed, half]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_self_check_results_follow_the_documented_rule(site, lang):
    """For several answer sets each area and the overall suggestion match the rule on the page."""
    ctx, page, requests = open_page(site, lang, READY)
    counts = question_counts(page)
    assert list(counts) == list(AREAS)
    for plan in plans(counts):
        page.locator("button[data-kb-reset]").click()
        answer(page, plan)
        states = []
        for area in AREAS:
            state = expected_area(plan[area])
            states.append(state)
            shown = page.locator(f'[data-area-result="{area}"] [data-state]:not([hidden])')
            assert shown.count() == 1
            assert shown.get_attribute("data-state") == state
            assert shown.inner_text() == label(f"tools.readiness.state.{state}", lang)
        overall = page.locator("[data-overall]:not([hidden])")
        assert overall.count() == 1
        assert overall.get_attribute("data-overall") == expected_overall(states)
    page.locator('input[name="skills-1"]').first.focus()
    page.keyboard.press("Enter")
    settle(page)  # a form submission or a late request would start within this watch
    assert requests == []
    assert "?" not in page.url
    assert_nothing_stored(page)
    ctx.close()


def test_self_check_prints_answers_and_result(site):
    """In print media the chosen answers and the result table show; the buttons do not."""
    ctx, page, _ = open_page(site, "en", READY)
    answer(page, {"skills": ["yes", "partly", "yes"]})
    page.emulate_media(media="print")
    assert page.locator(".kb-readiness-table").is_visible()
    assert page.locator('input[name="skills-2"][data-answer="partly"]').is_checked()
    assert page.locator('input[name="skills-2"]').first.is_visible()
    assert not page.locator("[data-kb-print]").is_visible()
    ctx.close()


def test_tools_without_javascript_show_the_reduced_forms(site):
    """With JavaScript off: the members table and the paper form, no chooser, no result panel."""
    ctx, page, _ = open_page(site, "en", FIND, java_script_enabled=False)
    assert page.locator("table.kb-network-table").is_visible()
    assert not page.locator("#kb-country").is_visible()
    assert page.locator(".kb-find-network [data-kb-nojs]").is_visible()
    goto(page, url(site[0], "en", READY))
    assert page.locator('fieldset.kb-question input[type="radio"]').count() >= 12
    assert page.locator('fieldset.kb-question input[type="radio"]').first.is_visible()
    assert not page.locator(".kb-readiness-table").is_visible()
    assert page.locator("[data-kb-readiness-result] [data-kb-nojs]").is_visible()
    ctx.close()


A11Y = """() => {
  const named = el => {
    const text = [...el.labels].map(l => l.textContent.trim()).join(' ') || el.getAttribute('aria-label') || '';
    return text.length > 0;
  };
  const controls = [...document.querySelectorAll('article input, article select, article textarea')];
  const unnamed = controls.filter(c => !named(c)).map(c => c.outerHTML.slice(0, 80));
  const legends = [...document.querySelectorAll('article fieldset')].filter(f => {
    const l = f.querySelector(':scope > legend'); return !l || !l.textContent.trim(); }).length;
  const levels = [...document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6')]
    .filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]));
  return {controls: controls.length, unnamed, legends, levels};
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", [FIND, READY])
def test_tools_accessibility_smoke(site, lang, path):
    """Every control has a label, every fieldset a legend, one h1 and no skipped heading level."""
    ctx, page, _ = open_page(site, lang, path)
    if path == FIND:
        page.select_option("#kb-country", "AU")
    result = page.evaluate(A11Y)
    assert result["controls"] > 0
    assert result["unnamed"] == []
    assert result["legends"] == 0
    levels = result["levels"]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
    ctx.close()
