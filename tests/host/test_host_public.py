"""The public edition served by `make host` (Debian's nginx, the project's configuration) and by a
plain static server without headers (as GitHub Pages), both checked in real Chromium on every page of
every language, with a planted inline script as the negative control."""
from __future__ import annotations

import gzip
import re

import pytest
from hostsupport import get, host_process, hosted, site_with_planted_page
from neutral import neutral_url
from sweep import page_paths, planted, sweep

from kb import policy

from browser_support import serve
from sitebuild import soup

NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Neutral</title><p>Weather</p></html>"


@pytest.fixture(scope="module")
def planted_site(built, tmp_path_factory):
    return site_with_planted_page(built.site, tmp_path_factory.mktemp("planted") / "site")


@pytest.fixture(scope="module")
def public_host(planted_site, tmp_path_factory):
    with hosted(planted_site, "public", tmp_path_factory.mktemp("host-work")) as base:
        yield base


@pytest.fixture(scope="module")
def static_base(planted_site):
    with serve(planted_site) as base:
        yield base


def test_make_host_every_page_every_language_without_error(host_browser, public_host, planted_site):
    """Under make host, every page of every language loads with no 4xx/5xx, failed request, console error or CSP violation, and carries the policy headers."""
    paths = page_paths(planted_site)
    result = sweep(host_browser, public_host, paths)
    assert result.pages == len(paths) > 80
    assert {p.split("/")[1] for p in paths} >= {"fr", "es", "ar", "approach"}
    assert result.problems() == []
    headers = result.first_html_headers
    assert headers["content-security-policy"] == policy.site_policy()
    expected = policy.security_headers(policy.site_policy())
    for name, value in expected.items():
        assert headers[name.lower()] == value, name
    assert "x-robots-tag" not in headers


def test_make_host_blocks_a_planted_inline_script(host_browser, public_host):
    """Negative control: an inline script added to a copied page does not run; the browser reports a script-src violation."""
    ran, violations, console = planted(host_browser, public_host)
    assert ran is None
    assert any(v.startswith("script-src") for v in violations), violations
    assert any("Content Security Policy" in text for text in console)


def test_make_host_compresses_text_and_caches_fingerprinted_assets(public_host, planted_site):
    """HTML, CSS and JS come gzip-compressed (brotli when asked and installed); theme assets with a hash in the name are immutable for a year, pages are checked again soon."""
    bundle = next(planted_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(planted_site).as_posix()
    css = next(planted_site.glob("assets/stylesheets/main.*.min.css")).relative_to(planted_site).as_posix()
    for path in ("/fr/approach/", "/" + css, "/" + bundle, "/assets/quick-exit.js"):
        status, headers, body = get(public_host + path, {"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(body), path
    status, headers, _ = get(public_host + "/" + bundle, {"Accept-Encoding": "gzip"})
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    status, headers, _ = get(public_host + "/fr/approach/")
    cache = headers["cache-control"]
    assert "immutable" not in cache and int(re.search(r"max-age=(\d+)", cache).group(1)) <= 3600
    assert headers["referrer-policy"] == "no-referrer"
    brotli = get(public_host + "/", {"Accept-Encoding": "br"})[1].get("content-encoding")
    assert brotli in ("br", None)  # br where Debian's brotli module is installed (make host installs it)


def test_make_host_answers_404_in_the_readers_language(public_host):
    """A missing page answers 404 with the project's 404 page in the language of its folder, or of Accept-Language at the root; the headers are there too."""
    cases = [("/fr/nulle-part/", {}, "fr"), ("/ar/missing/", {}, "ar"),
             ("/nowhere/", {"Accept-Language": "es-ES,es;q=0.9"}, "es"), ("/nowhere/", {}, "en")]
    for path, headers, lang in cases:
        status, response_headers, body = get(public_host + path, headers)
        assert status == 404, path
        html = body.decode("utf-8")
        assert re.search(rf'<html lang="{lang}"', html), (path, lang)
        assert 'data-kb-exit' in html
        assert response_headers["content-security-policy"] == policy.site_policy()


def test_public_make_host_refuses_a_network_build(network_built, tmp_path):
    """The public edition's server never serves a network build: it exits with a message and serves nothing."""
    process = host_process(network_built.site, "public", 1, tmp_path)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "NETWORK-edition" in output and "never serves it" in output


def test_plain_static_server_every_page_without_error(host_browser, static_base, planted_site):
    """On a server that sends no security headers (as GitHub Pages), every page of every language still loads cleanly, with the policy in its meta tag."""
    paths = page_paths(planted_site)
    result = sweep(host_browser, static_base, paths)
    assert result.pages == len(paths)
    assert result.problems() == []
    assert "content-security-policy" not in result.first_html_headers
    meta = soup(planted_site / "fr" / "approach" / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == policy.site_policy(meta=True)


def test_plain_static_server_meta_policy_blocks_a_planted_inline_script(host_browser, static_base):
    """Negative control without headers: the meta policy alone stops the planted inline script."""
    ran, violations, _ = planted(host_browser, static_base)
    assert ran is None
    assert any(v.startswith("script-src") for v in violations), violations


def test_plain_static_server_search_exit_switcher_and_tools_work(host_browser, static_base):
    """Under the meta policy alone: French search finds French pages, the language switch keeps the page, quick exit leaves, the network finder answers."""
    context = host_browser.new_context()
    target = neutral_url()
    context.route(target + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    page.goto(static_base + "/fr/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("approche", delay=30)
    page.wait_for_function("document.querySelectorAll('.md-search-result__item a').length > 0", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert hrefs and all("/fr/" in h for h in hrefs)

    page.goto(static_base + "/approach/", wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(static_base + "/fr/approach/")

    page.goto(static_base + "/tools/find-your-network/", wait_until="networkidle")
    page.select_option("#kb-country", "AU")
    assert page.eval_on_selector_all(".kb-network-panel:not([hidden])", "els => els.map(e => e.dataset.network)") == ["apmn"]

    page.goto(static_base + "/principles/", wait_until="networkidle")
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(target + "**")
    assert errors == []
    context.close()
