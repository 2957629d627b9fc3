"""The quick exit beyond GOV.UK's component, in real Chromium: the announced overlay is in the
accessibility tree while the neutral page is still loading; coming back or a navigation that does not
happen restores the page; Shift x3 counts on key-up, ignores Shift used as a modifier, restarts its
window on every press and says when it was reset; Ctrl-click, middle click and the context menu leave
this tab for the reader's own neutral page; practice mode opens nothing; the exit is not printed and
covers no content at 320 px or at 200 % zoom."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from expected import label, neutral_url

from browser_support import goto, neutral_context, on_localhost, serve, settle
from sitebuild import LANGUAGES


def url(base: str, lang: str, path: str = "") -> str:
    return f"{base}/{path}" if lang == "en" else f"{base}/{lang}/{path}"


def neutral_urls() -> dict[str, str]:
    return {lang: neutral_url(lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def base(built):
    with serve(built.site) as address:
        yield address


class Neutral:
    """Requests to any neutral page are recorded and answered, or refused with a 204 (the page stays)."""

    def __init__(self, browser, mode: str = "answer", **options):
        self.context, self._requests, self._refuse = neutral_context(browser, on_localhost, **options)
        self.mode = mode

    @property
    def mode(self) -> str:
        return "refuse" if self._refuse[0] else "answer"

    @mode.setter
    def mode(self, value: str) -> None:
        self._refuse[0] = value == "refuse"

    @property
    def seen(self) -> list[str]:
        return [r["url"] for r in self._requests]


def js(page, expression: str):
    """Evaluate in the page through the DevTools protocol: Playwright's own evaluate waits while a navigation is pending."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"].get("value")
    finally:
        session.detach()


def poll(page, expression: str, seconds: float = 15) -> None:
    """Wait until expression is true, without waiting for a pending navigation."""
    for _ in range(int(seconds * 10)):
        if js(page, expression):
            return
        time.sleep(0.1)
    raise AssertionError(f"never true: {expression}")


def until_seen(page, neutral: Neutral, seconds: float = 15) -> None:
    """Wait until the neutral page has been requested (Playwright delivers the request while it waits)."""
    deadline = time.monotonic() + seconds
    while not neutral.seen:
        assert time.monotonic() < deadline, "the neutral page was never requested"
        page.wait_for_timeout(50)


def ax_nodes(page) -> list[dict]:
    """Chromium's own accessibility tree of the page (CDP), not Playwright's approximation."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def spoken(nodes: list[dict]) -> set[str]:
    return {n["name"]["value"] for n in nodes if not n.get("ignored") and n.get("name", {}).get("value")}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_overlay_alert_is_in_the_accessibility_tree_while_leaving(built, browser, base, lang):
    """While the neutral page has not replaced the page (its answer is a 204 here, so the page stays), the tree
    has one alert with the leaving text and none of the page. Fails when the overlay is not an alert,
    is inside the hidden page, or the page's heading is still in the tree (screen readers would read it)."""
    neutral = Neutral(browser, mode="refuse")
    page = neutral.context.new_page()
    goto(page, url(base, lang, "approach/"))
    heading = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    assert heading in spoken(ax_nodes(page))  # control: the page's heading is there before
    page.locator("[data-kb-exit-link]").click()
    poll(page, "!!(document.querySelector('[role=alert]') && document.querySelector('[role=alert]').textContent)")
    time.sleep(0.2)
    assert neutral.seen, "the neutral page was requested"
    nodes = ax_nodes(page)
    alerts = [n for n in nodes if n.get("role", {}).get("value") == "alert" and not n.get("ignored")]
    assert len(alerts) == 1
    assert label("quick_exit.leaving", lang) in spoken(nodes)
    assert heading not in spoken(nodes)  # the page behind is hidden from screen readers too
    assert js(page, "document.querySelector('[role=alert]').parentElement === document.body")
    neutral.context.close()


def test_a_navigation_that_does_not_happen_offers_to_return_and_restores(built, browser, base):
    """A 204 from the neutral page leaves the page covered; the overlay then offers to retry or to show it
    again, which restores it. Fails when a stalled exit shows the page again by itself, offers no way
    back, or the way back leaves the title, content or focus unrestored."""
    neutral = Neutral(browser, mode="refuse")
    page = neutral.context.new_page()
    page.clock.install()  # the page's timers: the 6 s stall delay is run through, not waited for
    reading = url(base, "fr", "principles/")
    goto(page, reading)
    title = page.title()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    poll(page, "document.title === ''")  # leaving: covered, and the neutral page asked for
    until_seen(page, neutral)
    back = page.get_by_role("button", name=label("quick_exit.return", "fr"))
    page.clock.run_for(6000)
    back.wait_for(timeout=15000)
    assert page.url == reading and neutral.seen
    assert page.title() == ""  # hidden while it could still leave
    assert not page.locator("article h1").is_visible()
    assert page.get_by_role("alert").inner_text().startswith(label("quick_exit.stalled", "fr"))
    assert page.get_by_role("button", name=label("quick_exit.retry", "fr")).is_visible()
    back.click()
    assert page.title() == title
    assert page.locator("article h1").is_visible()
    assert page.locator("[role=alert]").count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-kb-exit-link')")
    neutral.context.close()


def test_back_after_exit_and_pageshow_restore_the_page(built, browser, base):
    """Back after an exit shows a usable page (title, content, no overlay); a page restored with the
    overlay on (pageshow) is uncovered. Fails when the back-forward cache brings back a blank or covered page."""
    neutral = Neutral(browser)
    page = neutral.context.new_page()
    home, reading = url(base, "es"), url(base, "es", "approach/")
    goto(page, home)
    home_title = page.title()
    goto(page, reading)
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(neutral_urls()["es"])
    page.go_back()
    assert page.url == home
    assert page.title() == home_title and page.locator("article h1").is_visible()
    assert page.locator("[role=alert]").count() == 0
    # The same page coming back from the back-forward cache with the overlay still on.
    neutral.mode = "refuse"
    page.locator("[data-kb-exit-link]").click()
    poll(page, "!!document.querySelector('[role=alert]')")
    hidden = "getComputedStyle(document.querySelector('article h1')).display === 'none' || !document.querySelector('article h1').offsetParent"
    assert js(page, "document.title") == "" and js(page, hidden)
    js(page, "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert js(page, "document.title") == home_title and not js(page, hidden)
    assert js(page, "document.querySelectorAll('[role=alert]').length") == 0
    neutral.context.close()


def test_shift_counts_on_key_up_alone_restarts_and_says_when_reset(built, browser, base):
    """Key-up counts, Shift with another key or with Ctrl does not, each press restarts the 5 s window,
    and running out is announced. Fails when typing a capital letter counts towards leaving, when the
    window is fixed rather than restarted, or the reset is silent."""
    neutral = Neutral(browser)
    page = neutral.context.new_page()
    page.clock.install()  # the page's timers run through the seconds below, exactly, without waiting them out
    goto(page, url(base, "en", "approach/"))
    status = page.locator("[data-kb-exit-status]")
    page.keyboard.down("Shift")
    assert status.inner_text() == ""  # nothing on key-down
    page.keyboard.up("Shift")
    assert status.inner_text() == label("quick_exit.two_left", "en")
    page.keyboard.down("Shift")
    page.keyboard.press("KeyA")  # a capital A: Shift as a modifier
    page.keyboard.up("Shift")
    assert status.inner_text() == ""  # the count started again, and this Shift did not count
    page.keyboard.down("Control")
    page.keyboard.press("Shift")
    page.keyboard.up("Control")
    assert status.inner_text() == ""
    # Each press restarts the window: three presses 3 s apart (6 s in all) still count.
    page.keyboard.press("Shift")
    assert status.inner_text() == label("quick_exit.two_left", "en")
    page.clock.run_for(3000)
    page.keyboard.press("Shift")
    assert status.inner_text() == label("quick_exit.one_left", "en")
    page.clock.run_for(3000)
    assert status.inner_text() == label("quick_exit.one_left", "en")
    # Then 5 s without a press: reset, and said.
    page.clock.run_for(2600)
    assert status.inner_text() == label("quick_exit.reset", "en")
    page.keyboard.press("Shift")
    assert status.inner_text() == label("quick_exit.two_left", "en")
    assert neutral.seen == []
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_urls()["en"])
    neutral.context.close()


GESTURES = {"en": {"modifiers": ["Control"]}, "fr": {"button": "middle"}, "es": {"button": "right"},
            "ar": {"modifiers": ["Meta"]}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_way_of_opening_exit_leaves_this_tab_for_the_readers_neutral_page(built, browser, base, lang):
    """Ctrl-click, middle click, the context menu and Cmd-click open no new tab: this tab goes to its
    language's neutral page. Fails when a gesture opens a second tab (the page read stays open behind)
    or goes to another language's neutral page."""
    neutral = Neutral(browser)
    page = neutral.context.new_page()
    goto(page, url(base, lang, "principles/"))
    page.locator("[data-kb-exit-link]").click(**GESTURES[lang])
    page.wait_for_url(neutral_urls()[lang])
    settle(page)  # a second tab opening late would make requests within this watch
    assert len(neutral.context.pages) == 1
    assert neutral.seen == [neutral_urls()[lang]]
    neutral.context.close()


def test_practice_mode_shows_what_would_happen_and_opens_nothing(built, browser, base):
    """On the safety page, practice mode turns the button and Shift x3 into a demonstration: no request,
    no navigation. Fails when practice requests the neutral page or navigates, or practice off no longer leaves."""
    neutral = Neutral(browser)
    page = neutral.context.new_page()
    page.clock.install()  # the page's timers run through the stall delay below without waiting it out
    safety = url(base, "ar", "safety/")
    goto(page, safety)
    toggle = page.locator("[data-kb-practice-toggle]")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    assert not page.locator("[data-kb-practice-nojs]").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    host = urlsplit(neutral_urls()["ar"]).hostname
    page.locator("[data-kb-exit-link]").click()
    alert = page.get_by_role("alert")
    assert host in alert.inner_text()
    page.get_by_role("button", name=label("quick_exit.return", "ar")).click()
    assert page.locator("[role=alert]").count() == 0
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert host in page.get_by_role("alert").inner_text()
    page.clock.run_for(7000)  # longer than the stall delay: every timer of the page has run
    settle(page)  # and then no request for 500 ms: still nothing requested
    assert page.url == safety and neutral.seen == []
    assert page.locator("[role=alert]").count() == 1
    page.get_by_role("button", name=label("quick_exit.return", "ar")).click()
    toggle.click()  # practice off: the real exit again
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(neutral_urls()["ar"])
    neutral.context.close()


def test_practice_toggle_is_hidden_without_javascript(built, browser, base):
    """Without JavaScript the page says practice needs it and shows no dead button. Fails when the toggle
    is shown without the script that makes it work."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, url(base, "en", "safety/"))
    assert not page.locator("[data-kb-practice-toggle]").is_visible()
    assert page.locator("[data-kb-practice-nojs]").is_visible()
    context.close()


def test_exit_is_not_printed(built, browser, base):
    """Printed, the page has no exit button, countdown or practice block. Fails when print.css stops
    hiding one of them (e.g. a renamed class)."""
    context = browser.new_context()
    page = context.new_page()
    goto(page, url(base, "en", "safety/"))
    page.keyboard.press("Shift")
    page.emulate_media(media="print")
    for selector in ("[data-kb-exit]", "[data-kb-exit-link]", "[data-kb-exit-status]", "[data-kb-practice]"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("article h1").is_visible()
    context.close()


def overlaps(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("width,zoom", [(320, 1), (1280, 2)])
def test_exit_and_countdown_cover_no_content_at_320px_and_200_percent(built, browser, base, lang, width, zoom):
    """At 320 px, and at 200 % zoom of a 1280 px window, the button and the countdown cover neither the
    header's controls nor the content. Fails with the boxes that overlap, or when the page scrolls sideways."""
    context = browser.new_context(viewport={"width": width // zoom, "height": 800 // zoom}, device_scale_factor=zoom)
    page = context.new_page()
    goto(page, url(base, lang, "approach/"))
    exit_box = page.locator("[data-kb-exit-link]").bounding_box()
    page.keyboard.press("Shift")
    status_box = page.locator("[data-kb-exit-status]").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert status_box["height"] > 0 and status_box["y"] + status_box["height"] <= header["y"] + header["height"] + 1
    assert not overlaps(status_box, exit_box)
    content = [page.locator("article h1").bounding_box(), page.locator("article p").first.bounding_box()]
    for box in content:
        assert not overlaps(exit_box, box), (box, exit_box)
        assert not overlaps(status_box, box), (box, status_box)
    checked = 0
    for control in page.locator(".md-header label.md-header__button, .md-header .md-header__button.md-logo").all():
        other = control.bounding_box()
        if other and other["width"] and control.is_visible():
            assert not overlaps(exit_box, other), (other, exit_box)
            checked += 1
    assert checked, "no visible header control: the overlap check checked nothing"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
