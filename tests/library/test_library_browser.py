"""Real Chromium: the library's filters under a strict script policy, with no outside request; with
JavaScript off, the whole list grouped by type and no filter form."""
from __future__ import annotations

from libproject import RESOURCE_ID

from browser_support import goto, serve
from sitebuild import Build

# No inline script or eval may run: the filters must work under this policy.
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def visible(page) -> list[str]:
    """The ids of the library entries the browser shows."""
    return sorted(page.eval_on_selector_all(
        ".kb-library__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"))


def visible_groups(page) -> list[str]:
    return page.eval_on_selector_all(
        ".kb-library__group", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.group)")


def test_filters_by_network_type_and_language(libsite: Build, browser) -> None:
    with serve(libsite.site, headers={"Content-Security-Policy": CSP}) as base:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        goto(page, f"{base}/fr/library/")
        page.wait_for_selector("form.kb-library__filter select", state="visible")
        everything = visible(page)
        assert RESOURCE_ID in everything and len(everything) >= 12
        page.select_option("#kb-library-language", "es")
        assert visible(page) == [RESOURCE_ID]
        assert visible_groups(page) == ["training"]
        assert "1" in page.inner_text(".kb-filter__status")
        page.select_option("#kb-library-language", "")
        page.select_option("#kb-library-type", "training")
        assert visible(page) == sorted([RESOURCE_ID, "e-module-understanding-trafficking"])
        page.select_option("#kb-library-network", "apmn")
        assert visible(page) == ["e-module-understanding-trafficking"]
        page.select_option("#kb-library-type", "pledge")
        page.select_option("#kb-library-language", "es")
        assert visible(page) == []
        assert page.is_visible(".kb-library__none")
        for name in ("network", "type", "language"):
            page.select_option(f"#kb-library-{name}", "")
        assert visible(page) == everything
        assert not page.is_visible(".kb-library__none")
        assert requests and all(url.startswith(base + "/") for url in requests), requests
        assert any(url.endswith("/assets/library-filter.js") for url in requests)
        assert page.evaluate("() => document.cookie") == ""
        page.close()


def test_without_javascript_the_whole_list_shows_grouped(libsite: Build, browser) -> None:
    with serve(libsite.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        goto(page, f"{base}/es/library/")
        shown = visible(page)
        assert RESOURCE_ID in shown and len(shown) == page.locator(".kb-library__entry").count()
        assert visible_groups(page) == ["guidance", "policy", "pledge", "report", "training"]
        assert not page.is_visible("form.kb-library__filter")
        context.close()
