"""A real browser filters the combined directory, under a strict script policy, with no outside request."""
from __future__ import annotations

import pytest

from browser_support import goto, serve
from sitebuild import Build

# No inline script or eval may run: the filter must work under this policy.
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


@pytest.fixture(scope="module")
def site(dir_public: Build) -> Build:
    """The public edition of the fixture project (tests/directory/conftest.py; the filter is language-neutral,
    English is read)."""
    return dir_public


# The data-org of the rows the browser shows.
def visible(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.kb-directory__table tbody tr",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.org)")


def test_filter_hides_rows_and_requests_nothing_else(site: Build, browser) -> None:
    """Choosing a country, a role or a network hides the other rows; every request stays on the site."""
    with serve(site.site, headers={"Content-Security-Policy": CSP}) as base:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        goto(page, f"{base}/directory/")
        page.wait_for_selector("form.kb-filter select")
        everyone = visible(page)
        assert len(everyone) == 5
        page.select_option("#kb-filter-0-country", "NZ")
        assert visible(page) == ["eau-red-cross"]
        page.select_option("#kb-filter-0-country", "")
        page.select_option("#kb-filter-0-role", "vice-chair")
        assert visible(page) == ["eau-red-cross"]
        page.select_option("#kb-filter-0-role", "")
        page.select_option("#kb-filter-0-network", "atn")
        assert sorted(visible(page)) == ["eau-red-cross", "zebra-red-cross"]
        assert "2" in page.inner_text(".kb-filter__status")
        page.select_option("#kb-filter-0-network", "")
        assert sorted(visible(page)) == sorted(everyone)
        assert requests and all(url.startswith(base + "/") for url in requests), requests
        assert any(url.endswith("/assets/directory-filter.js") for url in requests)


def test_without_javascript_the_table_is_whole(site: Build, browser) -> None:
    """With JavaScript off the browser shows every row and no filter form."""
    with serve(site.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        goto(page, f"{base}/directory/apmn/")
        assert len(visible(page)) == 5
        assert page.locator("form.kb-filter").count() == 0
        context.close()
