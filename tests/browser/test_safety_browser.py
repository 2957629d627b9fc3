"""Do no harm online, proven in real Chromium: same-origin loads only, CSP honoured, no cookies or
storage, quick exit by button and by Shift x3 (Back does not return), first in the tab order and
always visible, WCAG 2.2 AA by axe-core in all four languages, and a screenshot of the Arabic home."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from expected import label, neutral_url

from kb.safety import add_noopener, is_outbound, parse_headers_file

from browser_support import goto, on_localhost, serve, settle, until
from browser_support import neutral_context as shared_neutral_context
from sitebuild import LANGUAGES, ROOT, english_pages

PAGES = ["", "approach/", "principles/", "networks/apmn/"] + [p for p in english_pages() if "directory" in p][:1]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ARTIFACTS = ROOT / "test-artifacts"


def url(base: str, lang: str, path: str = "") -> str:
    return f"{base}/{path}" if lang == "en" else f"{base}/{lang}/{path}"


@pytest.fixture(scope="module")
def base(built):
    with serve(built.site) as address:
        yield address


@pytest.fixture(scope="module")
def csp_headers(built) -> dict[str, str]:
    rules = parse_headers_file((built.site / "_headers").read_text(encoding="utf-8"))
    return rules["/*"]


@pytest.fixture(scope="module")
def csp_base(built, csp_headers):
    with serve(built.site, headers=csp_headers) as address:
        yield address


def neutral_context(browser, **options):
    """A context in which the neutral site is a local stub and every other off-site request fails."""
    context, seen, _refuse = shared_neutral_context(browser, on_localhost, **options)
    return context, seen


def use_search(page, word: str = "ab") -> None:
    """Open the search box and type, so the search worker and index load too; wait until the theme
    has answered the query (its result line changes), then until no request is in flight for 500 ms."""
    meta = page.locator(".md-search-result__meta")
    before = meta.inner_text()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(word, delay=30)
    page.keyboard.press("End")  # a key-up the theme searches on, for scripts typed as text input
    until(page, "b => document.querySelector('.md-search-result__meta').innerText !== b", before)
    settle(page)


def test_every_request_is_same_origin(built, browser, base):
    """Every request of every tested page, in all four languages, goes to the site's own origin.
    Fails when a page, its theme or the search loads anything from another origin (a web font, a CDN
    script, an analytics beacon): that address is listed."""
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    for lang in LANGUAGES:
        for path in PAGES:
            goto(page, url(base, lang, path), wait_until="networkidle")
        use_search(page)
        page.keyboard.press("Escape")
    context.close()
    loaded = [u for u in requests if not u.startswith("data:")]
    assert len(loaded) > len(LANGUAGES) * len(PAGES)  # the pages themselves, their assets, the index
    assert any("search_index.json" in u for u in loaded)
    assert [u for u in loaded if not u.startswith(base + "/")] == []


def test_pages_load_under_the_csp_without_violation(built, browser, csp_base, csp_headers):
    """Served with the headers of the built _headers file, no page reports a CSP violation; an injected
    inline script does. Fails when a page needs something the policy refuses (an inline script whose hash
    is not listed, an off-site asset): the directive and the blocked address are listed per page; fails
    too when the policy stops being enforced (the injected script runs)."""
    policy = csp_headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    context = browser.new_context()
    context.add_init_script(
        "window.__violations=[];document.addEventListener('securitypolicyviolation',"
        "e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI))"
    )
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    for lang in LANGUAGES:
        for path in PAGES:
            response = goto(page, url(csp_base, lang, path), wait_until="networkidle")
            assert response.headers.get("content-security-policy") == policy
            page.keyboard.press("Shift")  # the quick-exit script runs and writes its status
            assert page.locator("[data-kb-exit-status]").inner_text() == label("quick_exit.two_left", lang)
            page.keyboard.press("a")
            if path == "":
                use_search(page)  # the search worker and the language's index load under the policy too
            assert page.evaluate("window.__violations") == [], (lang, path)
            assert page.evaluate("typeof window.__md_get") == "function"  # Material's inline helper ran
    assert console == []
    # Negative control: the policy is enforced, and both the event and the console report a violation.
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
    page.wait_for_function("window.__violations.length >= 1")
    assert page.evaluate("window.__ran") is None
    context.close()


def test_no_cookie_and_no_storage(built, browser, base):
    """Reading every tested page, searching and using the theme's storage helper leaves no cookie and
    nothing in web storage. Fails when a script writes localStorage/sessionStorage (the theme's own
    __md_set once the in-memory override is gone) or a response sets a cookie."""
    context = browser.new_context()
    page = context.new_page()
    for lang in LANGUAGES:
        for path in PAGES:
            goto(page, url(base, lang, path))
        use_search(page)
    page.evaluate("__md_set('__palette', {color: {scheme: 'slate'}}); __md_set('__outdated', true, sessionStorage)")
    assert page.evaluate("__md_get('__palette')") == {"color": {"scheme": "slate"}}  # memory still works
    assert context.cookies() == []
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exit_button_leaves_and_back_does_not_return(built, browser, base, lang):
    """The Exit button hides the page, opens the neutral site without a referrer, and Back skips the page
    read. Fails when the button is missing or mislabelled, when the neutral site receives a Referer
    (the page's no-referrer policy and rel=noreferrer gone), or when Back returns to the page read
    (location.assign instead of replace)."""
    context, seen = neutral_context(browser)
    page = context.new_page()
    home, reading = url(base, lang), url(base, lang, "approach/")
    goto(page, home)
    goto(page, reading)
    exit_link = page.locator("[data-kb-exit-link]")
    assert exit_link.inner_text() == label("quick_exit.button", lang)
    exit_link.click()
    page.wait_for_url(neutral_url(lang))
    assert page.title() == "Neutral"
    assert seen and "referer" not in seen[-1]["headers"]
    page.go_back()
    assert page.url == home
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_three_times_leaves_and_counts_down(built, browser, base, lang):
    """Shift pressed three times shows the presses left, then replaces the page (Back skips it); another
    key resets the count. Fails when the countdown text is wrong or missing, when another key does not
    reset it, when the page does not leave on the third press, or when Back returns to it."""
    context, seen = neutral_context(browser)
    page = context.new_page()
    home, reading = url(base, lang), url(base, lang, "principles/")
    goto(page, home)
    goto(page, reading)
    status = page.locator("[data-kb-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")  # typing is not the shortcut: the count starts again
    assert status.inner_text() == ""
    page.keyboard.press("Shift")
    assert status.inner_text() == label("quick_exit.two_left", lang)
    page.keyboard.press("Shift")
    assert status.inner_text() == label("quick_exit.one_left", lang)
    assert page.url == reading
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_url(lang))
    assert seen and "referer" not in seen[-1]["headers"]
    page.go_back()
    assert page.url == home
    context.close()


def test_exit_works_without_javascript(built, browser, base):
    """With JavaScript off the Exit link still opens the neutral site, sending no referrer. Fails when
    the exit depends on a script (a button instead of a link) or the link sends a Referer."""
    context, seen = neutral_context(browser, java_script_enabled=False)
    page = context.new_page()
    goto(page, url(base, "fr", "approach/"))
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(neutral_url("fr"))
    assert seen and "referer" not in seen[-1]["headers"]
    context.close()


def test_referrer_control_the_same_exit_without_the_policy_sends_a_referer(built, browser, base):
    """Control for the referrer checks above: the same page with its no-referrer meta tag and the link's
    rel=noreferrer removed (nothing else changed) does send a Referer to the neutral site, so the
    checks can see one. Fails when the stub stops recording request headers (then the checks above
    would pass whatever the page does)."""
    context, seen = neutral_context(browser)
    reading = url(base, "en", "approach/")

    def without_policy(route, request):
        html = route.fetch().text()
        assert '<meta name="referrer" content="no-referrer">' in html and "noreferrer" in html
        html = html.replace('<meta name="referrer" content="no-referrer">', "").replace("noreferrer", "")
        route.fulfill(status=200, content_type="text/html", body=html)

    context.route(reading, without_policy)
    page = context.new_page()
    goto(page, reading)
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(neutral_url("en"))
    assert seen and seen[-1]["headers"].get("referer", "").startswith(base + "/"), seen
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exit_is_first_in_tab_order_and_always_visible(built, browser, base, lang):
    """Tab once from a fresh page focuses Exit; it stays on screen, uncovered, after scrolling and at
    360px wide. Fails when anything precedes it in the tab order, when its focus outline is removed,
    when it scrolls away or is covered, or when it overlaps a header control."""
    for width, height in ((1280, 800), (360, 640)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        goto(page, url(base, lang, "approach/"))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.hasAttribute('data-kb-exit-link')"), (lang, width)
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.mouse.wheel(0, 5000)
        until(page, "() => scrollY > 0")
        box = page.locator("[data-kb-exit-link]").bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and 0 <= box["y"] <= height - box["height"]
        hit = page.evaluate(
            f"document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2})"
            ".closest('[data-kb-exit-link]') !== null")
        assert hit, (lang, width)
        # It sits at the inline end: right in left-to-right pages, left in Arabic.
        assert (box["x"] < width / 2) == (lang == "ar")
        # It covers none of the header's own controls.
        controls = page.locator(".md-header label.md-header__button, .md-header .md-header__button.md-logo").all()
        assert controls, "no header control found: the overlap check below would check nothing"
        for control in controls:
            other = control.bounding_box()
            if other and other["width"]:
                overlap = not (other["x"] + other["width"] <= box["x"] or box["x"] + box["width"] <= other["x"])
                assert not overlap, (lang, width, other, box)
        context.close()


# Links written every way a browser still reads as leaving the site, or as staying (kb.safety.is_outbound).
HREFS = ["https://example.org/", "HTTP://example.org", "//example.org/", "/\\example.org/", "\\\\example.org/",
         "https:\\\\example.org/", "https:/\\example.org", "/\t/example.org", "ht\ttp://example.org/", " \x01//example.org",
         "https:example.org", "http:example.org", "https:/example.org", "http:///example.org", "///example.org", "\\kb.example/x",
         "//kb.example/x", "https://kb.example/x", "http://kb.example/x", "../x/", "/x", "#//x", "?//x",
         "mailto:a@example.org", "tel:+61", "javascript://example.org/%0a", "data:text/html,x", "HTTPS://KB.EXAMPLE/"]


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_outbound_links_are_those_chromium_resolves_to_another_origin(browser, scheme):
    """For a page of kb.example served over https or http, kb.safety.is_outbound calls a link outbound
    exactly when Chromium resolves it (new URL(href, page)) to an http(s) URL of another origin; with no
    site origin known it calls outbound every link that leaves under either scheme. Fails when a way of
    writing a link (a backslash, a tab, a scheme without slashes) leaves the site unnoticed."""
    page = browser.new_page()
    base = f"{scheme}://kb.example/p/"
    leaves = page.evaluate("([hrefs, base]) => hrefs.map(h => { const u = new URL(h, base);"
                           " return /^https?:$/.test(u.protocol) && u.origin !== new URL(base).origin; })", [HREFS, base])
    page.close()
    assert dict(zip(HREFS, [is_outbound(h, f"{scheme}://kb.example") for h in HREFS], strict=True)) == dict(
        zip(HREFS, leaves, strict=True))
    assert [h for h, out in zip(HREFS, leaves, strict=True) if out and not is_outbound(h, None)] == []
    assert sum(leaves) >= 10 and len(HREFS) - sum(leaves) >= 10  # both answers are exercised


# Link tags as an author or a page's HTML may write them: character references in the address, an
# unquoted or upper-case attribute, a data-href before the real one, an existing rel.
TAGS = ['<a href="/&#92;example.org/">x</a>', '<a href="&#104;ttps://example.org/">x</a>',
        '<a href="&sol;&sol;example.org">x</a>', '<a href="/&#x5C;example.org">x</a>',
        "<a href=https://example.org/x>x</a>", '<A HREF="HTTPS://EXAMPLE.ORG">x</A>',
        '<a data-href="../local/" href="https://example.org/">x</a>', '<a rel=external href="//example.org/">x</a>',
        "<a href='//example.org/'>x</a>", '<a href="../x/?a=1&amp;b=2">x</a>', '<a href="&#47;x/">x</a>',
        '<a data-href="https://example.org/" href="../x/">x</a>', '<a href="https://kb.example/&amp;x">x</a>',
        '<a href="mailto:a@example.org">x</a>', '<a href="#&#47;&#47;x">x</a>', "<a href=../x/>x</a>"]


def test_add_noopener_marks_the_links_chromium_reads_as_leaving(browser):
    """Each link tag, parsed by Chromium's HTML parser and resolved against a page of https://kb.example,
    leaves the site exactly when kb.safety.add_noopener gives it rel="noopener noreferrer" (keeping any
    rel word already there). Fails when a character reference, an unquoted value or a data-href hides
    an outbound address from the rewrite, or when a local link is marked."""
    page = browser.new_page()
    leaves = page.evaluate(
        "tags => tags.map(t => { const a = new DOMParser().parseFromString(t, 'text/html').querySelector('a');"
        " const u = new URL(a.getAttribute('href'), 'https://kb.example/p/');"
        " return /^https?:$/.test(u.protocol) && u.origin !== 'https://kb.example'; })", TAGS)
    page.close()
    marked = []
    for tag in TAGS:
        out = add_noopener(tag, "https://kb.example")
        rel = BeautifulSoup(out, "html.parser").a.get("rel") or []
        marked.append({"noopener", "noreferrer"} <= set(rel))
        if "rel=external" in tag:
            assert "external" in rel, out
    assert dict(zip(TAGS, marked, strict=True)) == dict(zip(TAGS, leaves, strict=True))
    assert sum(leaves) >= 6 and len(TAGS) - sum(leaves) >= 6  # both answers are exercised


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_wcag22_violation(built, browser, base, lang):
    """axe-core, with the WCAG 2.0-2.2 A/AA and best-practice rules on, finds no violation on the tested
    pages. Fails with the page, rule and elements of each violation (e.g. a contrast or a missing
    label), and when axe ran no rule at all on a page."""
    source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path in PAGES:
        goto(page, url(base, lang, path))
        page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS)
        assert result["passes"], (path, "axe ran no rule that passed: it did not run on this page")
        problems += [(path, v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    context.close()
    assert problems == []


def test_arabic_home_is_right_to_left_and_screenshot_saved(built, browser, base):
    """The Arabic home is laid out right to left, Latin names are isolated, and its screenshot is saved
    as a PNG. Fails when dir="rtl" is lost (the sidebar moves left) or names are no longer <bdi>."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    goto(page, url(base, "ar"), wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The navigation sidebar is mirrored: the primary sidebar sits on the right.
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert sidebar["x"] > content["x"]
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content bdi')).unicodeBidi") == "isolate"
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "ar-home.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)
    context.close()
    data = Path(target).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
