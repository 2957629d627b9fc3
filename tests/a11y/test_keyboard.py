"""Keyboard alone, in real Chromium, left to right (English) and right to left (Arabic).

From the top of a page, Tab visits every stop in turn (the sequence of document.activeElement is
recorded) until it comes round to the first one again, so no widget keeps the focus. On the way it
reaches the quick exit, the language switch, the search field and each control of the directory
filters and of the two tools, and every stop is on screen with a focus indicator: its computed
outline or box-shadow differs from the same element's once the focus has moved on. Each control is
then used with Enter, Space or the arrow keys and its effect checked: Exit leaves for the reader's
neutral page, a search result reached with the arrows opens with Enter, the filters and the tools
change what the page shows, the language switch opens the other language's page."""
from __future__ import annotations

import json
import re
import time
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from browser_support import goto, neutral_context, serve
from sitebuild import ROOT

LANGS = ("en", "ar")
DIRECTORY = "directory/"
FIND = "tools/find-your-network/"
READY = "tools/readiness/"
LIBRARY = "library/"
MAX_STOPS = 400

# Runs in the page after each Tab: describes the focused element and the previous one, now unfocused.
STEP = """() => {
  const look = el => {
    const cs = getComputedStyle(el);
    return {outline: cs.outlineStyle === "none" ? "none" : cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor,
            width: parseFloat(cs.outlineWidth) || 0, shadow: cs.boxShadow};
  };
  const ids = window.__kbIds || (window.__kbIds = new Map());
  const id = el => { if (!ids.has(el)) ids.set(el, ids.size); return ids.get(el); };
  const prev = window.__kbPrev || null;
  const el = document.activeElement;
  const result = {previous: prev && prev !== el && prev.isConnected ? {id: id(prev), style: look(prev)} : null};
  window.__kbPrev = el && el !== document.body ? el : null;
  if (!window.__kbPrev) return {...result, none: true};
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const marks = (window.__kbMarks || []).filter(([name, node]) => node === el).map(([name]) => name);
  return {...result, none: false, id: id(el), marks, style: look(el),
          text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 60),
          tag: el.tagName.toLowerCase(), name: el.getAttribute("name") || "", svg: el instanceof SVGElement,
          cls: typeof el.className === "string" ? el.className : "",
          shown: r.width > 0 && r.height > 0 && cs.visibility === "visible" && r.bottom > 0 && r.right > 0
                 && r.top < innerHeight && r.left < innerWidth};
}"""

# Runs once before tabbing: names the controls the walk must reach (read from the page, not assumed).
MARK = """() => {
  const marks = [];
  const add = (name, el) => { if (el) marks.push([name, el]); };
  add("exit", document.querySelector("[data-kb-exit-link]"));
  add("language button", document.querySelector(".md-select .md-header__button"));
  document.querySelectorAll(".md-select__link").forEach(a => add("language " + a.hreflang, a));
  add("search", document.querySelector(".md-search__input"));
  document.querySelectorAll(".kb-filter select").forEach(s => add("filter " + s.id, s));
  document.querySelectorAll("form.kb-library__filter select").forEach(s => add("library " + s.dataset.filter, s));
  add("find network", document.querySelector("#kb-country"));
  const groups = new Set();
  document.querySelectorAll("[data-kb-readiness] input[type=radio]").forEach(r => {
    if (!groups.has(r.name)) { groups.add(r.name); add("question " + r.name, r); }
  });
  add("print", document.querySelector("[data-kb-print]"));
  add("reset", document.querySelector("[data-kb-readiness-result] [data-kb-reset]"));
  window.__kbMarks = marks;
  return marks.map(([name]) => name);
}"""


def url(base: str, lang: str, path: str = "") -> str:
    return f"{base}/{path}" if lang == "en" else f"{base}/{lang}/{path}"


def neutral_urls() -> dict[str, str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  quick_exit:\n((?:    .*\n)+)", text, re.M)  # the file has !ENV tags
    return yaml.safe_load(block.group(1))["url"]


@pytest.fixture(scope="module")
def site(built, browser):
    with serve(built.site) as base:
        yield base, browser


@pytest.fixture
def open_page(site):
    """A page of the built site in a fresh context; nothing leaves 127.0.0.1 except a neutral page,
    which is answered locally and recorded."""
    base, browser = site
    contexts = []

    def opener(lang: str, path: str, width: int = 1280):
        context, context.neutral, _refuse = neutral_context(browser, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        goto(page, url(base, lang, path))
        page.wait_for_load_state("networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()


def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
      return {tag: e.tagName.toLowerCase(), cls: String(e.className), href: e.href || "", id: e.id,
              name: e.getAttribute("name") || "", value: e.value || "",
              inSearch: !!e.closest(".md-search")}; }""")


def tab_to(page, selector: str, limit: int = MAX_STOPS) -> int:
    """Press Tab until the focused element matches selector; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"Tab never reached {selector}")


RUNNING = """() => document.getAnimations().filter(a => a.playState === 'running').map(a => {
  const t = a.effect && a.effect.target, timing = a.effect ? a.effect.getComputedTiming() : {};
  return [a.animationName || a.transitionProperty || a.constructor.name,
          t ? t.tagName.toLowerCase() + '.' + String(t.className).split(' ').join('.') : '',
          Math.round(timing.progress * 100) / 100, timing.iterations, Math.round(a.currentTime)];
})"""


def settle(page, seconds: float = 10) -> None:
    """Wait until no CSS transition or animation runs (a drawer sliding in, for one). The limit is in
    wall time: on a machine busy with other tests the page's frames come late. If something still
    runs, the failure names it (what, on which element, its progress, iterations and time)."""
    deadline = time.monotonic() + seconds
    while True:
        running = page.evaluate(RUNNING)
        if not running:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"animations still running after {seconds} s: {running[:5]}")
        page.wait_for_timeout(50)


def faster_animations(page, rate: float = 10) -> None:
    """Play the page's CSS transitions and animations `rate` times faster (DevTools' Animation domain): they
    still run and end as they do for a reader, and settle() waits a tenth of the time for each."""
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": rate})


def walk(page, wait: bool = False) -> tuple[list[str], list[dict]]:
    """Tab from the top until the first stop comes round again; returns the expected marks and the stops.
    With `wait`, each stop is read once no transition or animation runs (at ten times their speed)."""
    if wait:
        faster_animations(page)
    expected = page.evaluate(MARK)
    stops: list[dict] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if wait:
            settle(page)
        step = page.evaluate(STEP)
        if step["previous"] is not None:
            for stop in stops:
                if stop["id"] == step["previous"]["id"] and "after" not in stop:
                    stop["after"] = step["previous"]["style"]
        if step["none"]:
            continue  # the focus is in the browser's own interface, between the end and the start
        if stops and step["id"] == stops[0]["id"]:
            return expected, stops
        stops.append(step)
    raise AssertionError(f"Tab did not come round to the first stop in {MAX_STOPS} presses: "
                         f"{[s['text'] for s in stops[-5:]]} (a keyboard trap?)")


def indicator(stop: dict) -> bool:
    """The focused look differs from the unfocused one by a real outline or a box-shadow (which an SVG
    element does not draw: there only the outline counts)."""
    focused, after = stop["style"], stop["after"]
    outline = focused["outline"] != "none" and focused["width"] >= 2 and focused["outline"] != after["outline"]
    shadow = not stop["svg"] and focused["shadow"] not in ("none", "") and focused["shadow"] != after["shadow"]
    return outline or shadow


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["approach/", DIRECTORY, FIND, READY, LIBRARY])
def test_tab_reaches_every_control_with_a_visible_focus_and_comes_round(open_page, lang, path):
    """Every control named on the page is a Tab stop; every stop is on screen and shows a focus
    indicator; the Exit comes first, and Tab comes round to it again (no trap)."""
    page = open_page(lang, path)
    expected, stops = walk(page)
    reached = [mark for stop in stops for mark in stop["marks"]]
    assert len(expected) >= 7  # control: exit, language button and four languages, search
    if path == DIRECTORY:
        assert sum(m.startswith("filter ") for m in expected) == 3
    if path == FIND:
        assert "find network" in expected
    if path == LIBRARY:
        assert sum(m.startswith("library ") for m in expected) >= 2
    if path == READY:
        assert sum(m.startswith("question ") for m in expected) >= 6 and {"print", "reset"} <= set(expected)
    assert sorted(reached) == sorted(expected), set(expected) ^ set(reached)
    assert stops[0]["marks"] == ["exit"]
    assert len({s["id"] for s in stops}) == len(stops)  # each stop once per round
    hidden = [s["text"] or s["tag"] for s in stops if not s["shown"]]
    assert hidden == [], f"focus went to something not on screen: {hidden}"
    unmarked = [(s["text"] or s["tag"], s["style"], s.get("after")) for s in stops if "after" not in s or not indicator(s)]
    assert unmarked == [], f"no visible focus indicator: {unmarked[:5]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["approach/", DIRECTORY])
def test_on_a_narrow_screen_every_stop_is_on_screen_too(open_page, lang, path):
    """At 375 px (a phone, or 200 % zoom on a small laptop) the navigation drawer is off screen until
    opened: when Tab reaches its links it slides in, so every stop is still on screen, marked, and Tab
    comes round."""
    page = open_page(lang, path, width=375)
    expected, stops = walk(page, wait=True)
    reached = [mark for stop in stops for mark in stop["marks"]]
    assert sorted(reached) == sorted(expected), set(expected) ^ set(reached)
    assert sum("md-nav__link" in s["cls"] for s in stops) >= 20  # the drawer's links are stops
    hidden = [s["text"] or s["tag"] for s in stops if not s["shown"]]
    assert hidden == [], f"focus went to something not on screen: {hidden}"
    unmarked = [(s["text"] or s["tag"], s["style"], s.get("after")) for s in stops if "after" not in s or not indicator(s)]
    assert unmarked == [], f"no visible focus indicator: {unmarked[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_exit_is_the_first_stop_and_enter_leaves_for_the_neutral_page(open_page, lang):
    page = open_page(lang, "approach/")
    assert tab_to(page, "[data-kb-exit-link]") == 1
    page.keyboard.press("Enter")
    page.wait_for_url(neutral_urls()[lang] + "*")
    assert page.context.neutral and page.context.neutral[0]["url"].startswith(neutral_urls()[lang])
    assert page.title() == "Neutral"


@pytest.mark.parametrize("lang", LANGS)
def test_search_by_keyboard_arrows_to_a_result_and_enter_opens_it(open_page, built, lang):
    """Tab to the search field, type a page's title, reach that page's result with the arrow keys
    (its focus shows), Enter opens it."""
    target = "principles/"
    title = built.page(lang, target).select_one("article h1").get_text(" ", strip=True).split()[0].strip("¶")
    page = open_page(lang, "approach/")
    assert tab_to(page, ".md-search__input") <= 10
    page.keyboard.type(title)
    page.keyboard.press("End")  # a key-up (typing Arabic letters inserts text without key events)
    page.locator(".md-search-result__item").first.wait_for()
    for _ in range(30):
        page.keyboard.press("ArrowDown")
        now = active(page)
        assert now["inSearch"]
        if now["tag"] == "a" and urlsplit(now["href"]).path.endswith("/" + target):
            break
    else:
        raise AssertionError(f"the arrows never reached the result for {target}")
    ring = page.evaluate("() => { const cs = getComputedStyle(document.activeElement); return [cs.outlineStyle, cs.boxShadow]; }")
    assert ring[0] != "none" or ring[1] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + r"$"))
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_tab_and_escape_leave_the_search_for_something_on_screen(open_page, lang):
    """Tab from a search with results closes it and goes on to a visible stop outside it; Escape closes it."""
    page = open_page(lang, "approach/")
    tab_to(page, ".md-search__input")
    page.keyboard.type("a")
    page.keyboard.press("Tab")
    now = active(page)
    assert not now["inSearch"], now
    assert page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(document.activeElement).visibility === "visible"; }""")
    # The theme opens and closes the search from its scripts' focus and key handlers, a moment after
    # the event: each state is awaited (Playwright's expect retries up to its timeout), not read once.
    expect(page.locator("#__search")).not_to_be_checked()
    page.locator(".md-search__input").focus()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def shown_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "[data-kb-filter] tbody tr:not([hidden])",
        "rows => rows.map(r => ({country: r.dataset.country, roles: (r.dataset.roles || '').split(' '),"
        " networks: (r.dataset.networks || '').split(' ')}))")


@pytest.mark.parametrize("lang", LANGS)
def test_directory_filters_work_with_arrow_keys(open_page, lang):
    """Each filter is reached by Tab and an arrow key changes it: the rows shown are those that match,
    and Home brings back every row."""
    page = open_page(lang, DIRECTORY)
    total = len(shown_rows(page))
    assert total >= 3
    tab_to(page, "[data-kb-filter] select")
    for field, key in (("country", "country"), ("role", "roles"), ("network", "networks")):
        assert active(page)["id"].endswith("-" + field)
        page.keyboard.press("ArrowDown")
        chosen = active(page)["value"]
        assert chosen, f"ArrowDown did not change the {field} filter"
        rows = shown_rows(page)
        assert 0 < len(rows) < total or field != "country"
        assert all((row[key] == chosen) if key == "country" else (chosen in row[key]) for row in rows), (field, chosen)
        status = page.locator(".kb-filter__status").first.inner_text()
        assert str(len(rows)) in status and str(total) in status
        page.keyboard.press("Home")
        assert active(page)["value"] == ""
        assert len(shown_rows(page)) == total
        if field != "network":
            page.keyboard.press("Tab")


@pytest.mark.parametrize("lang", LANGS)
def test_library_filters_work_with_arrow_keys(open_page, lang):
    """Each library filter is reached by Tab; ArrowDown picks its first value and only the entries
    with that value stay shown; Home shows them all again."""
    page = open_page(lang, LIBRARY)
    entries = ".kb-library__entry"
    total = page.locator(entries).count()
    assert total >= 2
    count = page.locator("form.kb-library__filter select").count()
    tab_to(page, "form.kb-library__filter select")
    for index in range(count):
        field = page.evaluate("document.activeElement.dataset.filter")
        page.keyboard.press("ArrowDown")
        chosen = active(page)["value"]
        assert chosen, f"ArrowDown did not change the {field} filter"
        shown = page.eval_on_selector_all(f"{entries}:not([hidden])", f"els => els.map(e => (e.getAttribute('data-{field}') || '').split(' '))")
        assert shown and all(chosen in values for values in shown), (field, chosen)
        page.keyboard.press("Home")
        assert active(page)["value"] == ""
        assert page.locator(f"{entries}:not([hidden])").count() == total
        if index < count - 1:
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.matches('form.kb-library__filter select')")


def visible_panels(page) -> list[str]:
    return page.eval_on_selector_all(".kb-network-panel:not([hidden])", "els => els.map(e => e.dataset.network)")


@pytest.mark.parametrize("lang", LANGS)
def test_find_your_network_answers_to_the_arrow_keys(open_page, lang):
    """Tab to the country list; ArrowDown picks the first country and its networks' panels show."""
    page = open_page(lang, FIND)
    data = json.loads(page.locator("#kb-networks-data").text_content())
    tab_to(page, "#kb-country")
    assert visible_panels(page) == []
    page.keyboard.press("ArrowDown")
    code = active(page)["value"]
    assert re.fullmatch(r"[A-Z]{2}", code)
    expected = sorted({entry["network"] for entry in data["coverage"].get(code, [])})
    assert expected, code
    assert sorted(visible_panels(page)) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_readiness_self_check_by_keyboard(open_page, lang):
    """Space answers the focused question, the arrow keys move the answer (forward is the reading
    direction: right in English, left in Arabic), the result follows; Clear answers and Print work by
    keyboard."""
    page = open_page(lang, READY)
    page.evaluate("() => { window.__kbPrinted = 0; window.print = () => { window.__kbPrinted += 1; }; }")
    tab_to(page, "[data-kb-readiness] input[type=radio]")
    first = active(page)
    page.keyboard.press("Space")
    checked = "[data-kb-readiness] input:checked"
    assert page.eval_on_selector_all(checked, "els => els.map(e => e.dataset.answer)") == ["yes"]
    page.keyboard.press("ArrowLeft" if lang == "ar" else "ArrowRight")
    assert page.eval_on_selector_all(checked, "els => els.map(e => e.dataset.answer)") == ["partly"]
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector_all(checked, "els => els.map(e => e.dataset.answer)") == ["not-yet"]
    assert active(page)["name"] == first["name"]
    result = page.locator("[data-kb-readiness-result]")
    assert result.get_attribute("data-verdict") == "refer"
    area = page.evaluate("n => document.querySelector(`input[name='${n}']`).closest('.kb-question').dataset.area", first["name"])
    assert page.locator(f'[data-area-result="{area}"]').get_attribute("data-result") == "not-yet"
    page.keyboard.press("Tab")
    assert active(page)["name"] != first["name"]  # Tab leaves the group (one stop per question)
    tab_to(page, "[data-kb-print]")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__kbPrinted") == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-kb-reset]')")
    page.keyboard.press("Space")
    assert page.eval_on_selector_all(checked, "els => els.length") == 0
    assert result.get_attribute("data-verdict") == "incomplete"


@pytest.mark.parametrize(("lang", "other"), [("en", "ar"), ("ar", "en")])
def test_language_switch_by_keyboard(open_page, lang, other):
    """Tab to the language button opens the list on screen; Tab to the other language, Enter opens the
    same page in it, in its direction."""
    page = open_page(lang, "approach/")
    tab_to(page, ".md-select .md-header__button")
    tab_to(page, f".md-select__link[hreflang={other}]", limit=4)
    assert page.locator(f".md-select__link[hreflang={other}]").is_visible()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    page.keyboard.press("Enter")
    page.wait_for_url(url(origin, other, "approach/"))
    assert page.evaluate("document.documentElement.lang") == other
    assert page.evaluate("getComputedStyle(document.body).direction") == ("rtl" if other == "ar" else "ltr")
