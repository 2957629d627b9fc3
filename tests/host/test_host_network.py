"""The network edition under `make host`: nothing without credentials (every file of the build, the
404 page included), everything with them, no robots, no sitemap, and no start without credentials."""
from __future__ import annotations

import zipfile

import pytest
from hostsupport import CANARY, PASSWORD, USER, basic, get, host_process, hosted, url_path
from sweep import page_paths, sweep

from kb import policy
from kb.safety import parse_headers_file

from sitebuild import soup

CREDENTIALS = {"KB_NETWORK_USER": USER, "KB_NETWORK_PASSWORD": PASSWORD}


@pytest.fixture(scope="module")
def network_host(network_built, tmp_path_factory):
    with hosted(network_built.site, "network", tmp_path_factory.mktemp("net-work"), CREDENTIALS) as base:
        yield base


def test_network_host_refuses_to_start_without_credentials(network_built, tmp_path):
    """Without KB_NETWORK_USER/KB_NETWORK_PASSWORD (or a password file) the server does not start and says why."""
    process = host_process(network_built.site, "network", 1, tmp_path)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "needs credentials" in output and "KB_NETWORK_USER" in output and "KB_NETWORK_PASSWORD" in output


def test_network_host_refuses_a_public_build(built, tmp_path):
    """A network host asked to serve a public build says so instead of serving it."""
    process = host_process(built.site, "network", 1, tmp_path, CREDENTIALS)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 2 and "public-edition build" in output


def test_every_file_answers_401_without_credentials_and_200_with(network_built, network_host):
    """Walk the build: every file (pages, assets, search indexes, feeds, zips, 404 pages) answers 401 without credentials, 200 with them; a missing path answers 401, then 404."""
    files = sorted(p for p in network_built.site.rglob("*") if p.is_file())
    kinds = {p.suffix for p in files}
    assert {".html", ".js", ".css", ".json", ".xml"} <= kinds
    assert any(p.name == "404.html" for p in files) and any(p.name == "search_index.json" for p in files)
    assert any(p.name == "feed.xml" for p in files) and any(p.suffix == ".zip" for p in files)
    wrong = []
    for path in files:
        address = network_host + url_path(network_built.site, path)
        without, headers, body = get(address)
        if without != 401 or CANARY.encode() in body or "basic" not in headers.get("www-authenticate", "").lower():
            wrong.append(("without", without, address))
        with_status, headers, _ = get(address, basic())
        if with_status != 200 or headers.get("x-robots-tag") != "noindex, nofollow":
            wrong.append(("with", with_status, address))
    for path in ("/nowhere/", "/fr/nulle-part/", "/sitemap.xml"):
        assert get(network_host + path)[0] == 401, path
        assert get(network_host + path, basic())[0] == 404, path
        assert get(network_host + path, basic(USER, "wrong-password-123"))[0] == 401, path
    assert wrong == []
    print(f"\n401 sweep: {len(files)} files, each 401 without credentials and 200 with")


def test_canary_contact_only_with_credentials(network_built, network_host):
    """The network-only canary contact is in the network build and reachable only with credentials."""
    holders = [p for p in network_built.site.rglob("*.html") if CANARY in p.read_text(encoding="utf-8")]
    assert holders
    for path in holders:
        address = network_host + url_path(network_built.site, path)
        status, _, body = get(address)
        assert status == 401 and CANARY.encode() not in body
        status, _, body = get(address, basic())
        assert status == 200 and CANARY.encode() in body


def test_network_edition_has_no_sitemap_and_asks_robots_not_to_index(network_built, network_host):
    """No sitemap in the network build; every response says noindex; the policy headers are sent too."""
    assert not (network_built.site / "sitemap.xml").exists() and not (network_built.site / "sitemap.xml.gz").exists()
    status, headers, _ = get(network_host + "/", basic())
    assert status == 200 and headers["x-robots-tag"] == "noindex, nofollow"
    assert headers["content-security-policy"] == policy.site_policy()
    assert headers["cache-control"].startswith("private")
    assert get(network_host + "/")[1].get("x-robots-tag") == "noindex, nofollow"


def test_network_every_page_every_language_without_error(browser, network_built, network_host):
    """With credentials, every page of every language of the network edition loads with no 4xx/5xx, console error or CSP violation."""
    paths = page_paths(network_built.site)
    result = sweep(browser, network_host, paths, http_credentials={"username": USER, "password": PASSWORD})
    assert result.pages == len(paths) > 80
    assert result.problems() == []


# Written by hand: what every response of the network edition must carry (the policy's CSP is
# recomputed independently in tests/safety).
NETWORK_HEADERS = {"referrer-policy": "no-referrer", "x-content-type-options": "nosniff", "x-frame-options": "DENY",
                   "cross-origin-opener-policy": "same-origin", "cross-origin-resource-policy": "same-origin",
                   "x-robots-tag": "noindex, nofollow"}


def test_network_headers_match_its_headers_file_and_say_noindex(network_built, network_host):
    """A page, an asset and the zip of the network edition each carry the hand-written headers above and
    every header of the build's own _headers file. Fails naming the path and header that differ (e.g.
    X-Robots-Tag dropped from the network configuration)."""
    rules = parse_headers_file((network_built.site / "_headers").read_text(encoding="utf-8"))["/*"]
    assert rules["X-Robots-Tag"] == "noindex, nofollow"
    for path in ("/", "/fr/approach/", "/assets/quick-exit.js", "/downloads/kb-offline-en.zip"):
        status, headers, _ = get(network_host + path, basic())
        assert status == 200, path
        for name, value in NETWORK_HEADERS.items():
            assert headers.get(name) == value, (path, name)
        for name, value in rules.items():
            assert headers.get(name.lower()) == value, (path, name)


def test_every_network_page_says_noindex_in_the_page(network_built):
    """Every HTML page of the network edition asks robots not to index it in the page itself (a host
    that ignores _headers, as GitHub Pages, still sends it). Fails naming the pages without it."""
    pages = network_built.html_files()
    assert len(pages) > 80
    missing = [p for p in pages if soup(p).find("meta", attrs={"name": "robots", "content": "noindex, nofollow"}) is None]
    assert missing == []


def test_network_offline_zip_holds_the_network_contact_and_says_noindex(network_built):
    """The network edition's own offline zip (downloads/) carries the network-only contact (the
    control for the public zips, which must not) and every page in it says noindex. Fails when the
    zip is missing, lost its network data, or a page lacks the robots tag."""
    target = network_built.site / "downloads" / "kb-offline-en.zip"
    assert target.is_file()
    with zipfile.ZipFile(target) as archive:
        pages = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".html")}
    assert len(pages) > 20
    assert any(CANARY in html for html in pages.values())
    robots = '<meta name="robots" content="noindex, nofollow">'
    assert [n for n, html in pages.items() if robots not in html] == []
