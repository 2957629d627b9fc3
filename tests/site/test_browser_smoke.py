"""A real browser opens the built site and searches in French."""
from browser_support import goto, serve


def test_french_search_returns_french_pages(built, browser):
    """Typing a French word in the French search box lists French pages only, from the French index."""
    with serve(built.site) as base:
        page = browser.new_page()
        indexes = []
        page.on("request", lambda r: indexes.append(r.url) if "search_index" in r.url else None)
        goto(page, f"{base}/fr/")
        # The index is downloaded on first use of search (assets/search-on-demand.js).
        with page.expect_response(lambda r: "search_index.json" in r.url):
            page.locator("input.md-search__input").click()
        # Typed at once: the theme runs the query when its worker has built the index.
        page.locator("input.md-search__input").press_sequentially("approche", delay=50)
        page.wait_for_function("document.querySelectorAll('.md-search-result__item a').length > 0", timeout=15000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert hrefs
        assert all(h.startswith(f"{base}/fr/") for h in hrefs), hrefs
        assert indexes == [f"{base}/fr/search/search_index.json"]
