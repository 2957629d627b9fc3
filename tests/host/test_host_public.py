"""What `make build` ships (the public edition built after `make offline` and `make zim`, from a
project copy holding a network-only canary contact) served by `make host` (Debian's nginx, the
project's configuration, the headers of the build's own _headers file) and by a plain static server
without headers (as GitHub Pages), both checked in real Chromium on every page of every language:
no error, no request to another origin, no CSP violation, no cookie, nothing in web storage; a
planted inline script is the negative control."""
from __future__ import annotations

import gzip
import re
import zipfile
from urllib.parse import urljoin

import pytest
from expected import neutral_url
from hostsupport import get, host_process, hosted, site_with_planted_page
from sweep import page_paths, planted, sweep

from kb import policy
from kb.safety import parse_headers_file

from browser_support import NEUTRAL_PAGE, goto, serve
from sitebuild import NETWORK_CANARY, soup


@pytest.fixture(scope="module")
def planted_site(shipped, tmp_path_factory):
    """A copy of what `make build` ships, with the planted page added."""
    return site_with_planted_page(shipped.site, tmp_path_factory.mktemp("planted") / "site")


@pytest.fixture(scope="module")
def public_host(planted_site, tmp_path_factory):
    with hosted(planted_site, "public", tmp_path_factory.mktemp("host-work")) as base:
        yield base


@pytest.fixture(scope="module")
def static_base(planted_site):
    with serve(planted_site) as base:
        yield base


def test_make_host_every_page_every_language_without_error(browser, public_host, planted_site):
    """Under make host, every page of every language of the shipped build (the two tools, the filtered
    directory, print, download, translation status, updates, posts and the 404 pages included) loads
    with no 4xx/5xx, failed request, request to another origin, console error, CSP violation, cookie or
    web-storage entry, and carries the headers of the build's _headers file. Fails listing each page and
    what happened there (e.g. a page script writing localStorage, an off-site font, an unhashed inline
    script), or the header that differs from _headers."""
    paths = page_paths(planted_site)
    assert {"/download/", "/fr/tools/readiness/", "/es/tools/find-your-network/", "/ar/print/", "/404.html",
            "/fr/404.html", "/translation-status/", "/updates/"} <= set(paths)
    result = sweep(browser, public_host, paths)
    assert result.pages == len(paths) > 80
    assert result.requests > result.pages  # the pages and their assets were seen by the recorder
    assert {p.split("/")[1] for p in paths} >= {"fr", "es", "ar", "approach"}
    assert result.problems() == []
    headers = result.first_html_headers
    shipped_rules = parse_headers_file((planted_site / "_headers").read_text(encoding="utf-8"))["/*"]
    assert shipped_rules["Content-Security-Policy"] == policy.site_policy()
    for name, value in shipped_rules.items():
        assert headers[name.lower()] == value, name
    expected = policy.security_headers(policy.site_policy())
    for name, value in expected.items():
        assert headers[name.lower()] == value, name
    assert "x-robots-tag" not in headers


def test_shipped_build_lists_and_serves_its_downloads(public_host, planted_site):
    """The shipped Download page lists the four zips and four ZIM files, and make host serves each from
    downloads/. Fails when the build no longer reads the manifests (the page then says the editions are
    not in this build) or a listed file is missing."""
    html = soup(planted_site / "download" / "index.html")
    links = [a["href"] for a in html.select('article a[href$=".zip"], article a[href$=".zim"]')]
    assert len(links) == 8, links
    for href in links:
        status, _, body = get(urljoin(public_host + "/download/", href))
        assert status == 200 and len(body) > 10_000, href


def test_shipped_build_holds_no_network_canary(shipped, canary_project):
    """The network-only contact planted in the data reaches no file of the shipped public build: pages,
    search indexes, feeds, and every file inside every zip of downloads/ (ZIM files are compressed:
    tests/zim reads their entries). Fails naming the files that hold it."""
    assert NETWORK_CANARY in (canary_project / "data/organisations/australian-red-cross.yml").read_text(encoding="utf-8")
    holders, zips = [], 0
    for path in sorted(p for p in shipped.site.rglob("*") if p.is_file()):
        if path.suffix == ".zip":
            zips += 1
            with zipfile.ZipFile(path) as archive:
                holders += [f"{path.name}:{n}" for n in archive.namelist() if NETWORK_CANARY.encode() in archive.read(n)]
        elif NETWORK_CANARY.encode() in path.read_bytes():
            holders.append(str(path.relative_to(shipped.site)))
    assert zips == 4
    assert holders == []


def test_make_host_blocks_a_planted_inline_script(browser, public_host):
    """Negative control: an inline script added to a copied page does not run; the browser reports a script-src violation."""
    ran, violations, console = planted(browser, public_host)
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


def test_plain_static_server_every_page_without_error(browser, static_base, planted_site):
    """On a server that sends no security headers (as GitHub Pages), every page of every language still loads cleanly, with the policy in its meta tag."""
    paths = page_paths(planted_site)
    result = sweep(browser, static_base, paths)
    assert result.pages == len(paths)
    assert result.problems() == []
    assert "content-security-policy" not in result.first_html_headers
    meta = soup(planted_site / "fr" / "approach" / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == policy.site_policy(meta=True)


def test_plain_static_server_meta_policy_blocks_a_planted_inline_script(browser, static_base):
    """Negative control without headers: the meta policy alone stops the planted inline script."""
    ran, violations, _ = planted(browser, static_base)
    assert ran is None
    assert any(v.startswith("script-src") for v in violations), violations


def test_plain_static_server_search_exit_switcher_and_tools_work(browser, static_base):
    """Under the meta policy alone: French search finds French pages, the language switch keeps the page, quick exit leaves, the network finder answers."""
    context = browser.new_context()
    target = neutral_url()
    context.route(target + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    goto(page, static_base + "/fr/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("approche", delay=30)
    page.wait_for_function("document.querySelectorAll('.md-search-result__item a').length > 0", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert hrefs and all("/fr/" in h for h in hrefs)

    goto(page, static_base + "/approach/", wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(static_base + "/fr/approach/")

    goto(page, static_base + "/tools/find-your-network/", wait_until="networkidle")
    page.select_option("#kb-country", "AU")
    assert page.eval_on_selector_all(".kb-network-panel:not([hidden])", "els => els.map(e => e.dataset.network)") == ["apmn"]

    goto(page, static_base + "/principles/", wait_until="networkidle")
    page.locator("[data-kb-exit-link]").click()
    page.wait_for_url(target + "**")
    assert errors == []
    context.close()
