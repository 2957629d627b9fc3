"""SITE_URL: canonical links, absolute hreflang alternates with x-default, a sitemap that lists them,
Atom feeds with absolute ids; without it, no invalid (relative) alternates and an empty sitemap."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hostsupport import url_path

from sitebuild import LANGUAGES, build_site, soup

SITE_URL = "https://example.org/kb/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def with_url(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("siteurl") / "site", env={"SITE_URL": SITE_URL.rstrip("/")})
    assert build.returncode == 0, build.log
    return build


def pages(build) -> list:
    return [p for p in build.html_files() if p.name != "404.html"]


def head_alternates(html) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in html.head.find_all("link", hreflang=True)
            if "alternate" in link.get("rel", [])}


def test_every_page_has_a_canonical_and_absolute_alternates(with_url):
    """Every page: canonical = SITE_URL + its path; alternates for the four languages and x-default, all absolute, itself among them."""
    for path in pages(with_url):
        html = soup(path)
        own = SITE_URL + url_path(with_url.site, path).lstrip("/")
        assert html.head.find("link", rel="canonical")["href"] == own, path
        alternates = head_alternates(html)
        assert set(alternates) == {*LANGUAGES, "x-default"}, path
        assert all(href.startswith(SITE_URL) for href in alternates.values()), path
        assert own in alternates.values(), path
        assert alternates["x-default"] == alternates["en"], path


def test_sitemap_parses_and_lists_the_alternates(with_url):
    """The sitemap is valid XML listing every page once, absolute, each with its four alternates and x-default."""
    root = ET.parse(with_url.site / "sitemap.xml").getroot()
    urls = root.findall(f"{SM}url")
    locs = [u.find(f"{SM}loc").text for u in urls]
    assert len(locs) == len(set(locs)) == len(pages(with_url))
    for url in urls:
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(links) == {*LANGUAGES, "x-default"}
        assert all(href.startswith(SITE_URL) for href in links.values())
        assert url.find(f"{SM}loc").text in links.values()


def test_feeds_are_atom_with_absolute_ids_and_links(with_url):
    """Every feed is Atom with an absolute id, title and updated, and so is each entry; links are absolute."""
    feeds = sorted(with_url.site.rglob("feed.xml"))
    assert len(feeds) >= len(LANGUAGES) - 1
    for path in feeds:
        feed = ET.parse(path).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.find(f"{ATOM}id").text.startswith(SITE_URL), path
        assert feed.find(f"{ATOM}title").text and feed.find(f"{ATOM}updated").text
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE_URL + path.relative_to(with_url.site).as_posix()
        for entry in feed.findall(f"{ATOM}entry"):
            assert entry.find(f"{ATOM}id").text.startswith(SITE_URL)
            assert entry.find(f"{ATOM}title").text and entry.find(f"{ATOM}updated").text
            assert entry.find(f"{ATOM}link").get("href").startswith(SITE_URL)


def test_without_site_url_no_alternates_and_an_empty_sitemap(built):
    """Without SITE_URL: no canonical, no hreflang alternates in any page (relative ones are invalid), a sitemap with no entries."""
    for path in built.html_files():
        html = soup(path)
        assert head_alternates(html) == {}, path
        assert html.head.find("link", rel="canonical") is None, path
    root = ET.parse(built.site / "sitemap.xml").getroot()
    assert root.findall(f"{SM}url") == [] and "None" not in (built.site / "sitemap.xml").read_text(encoding="utf-8")
