"""One printable page per language: the guidance pages' rendered HTML, combined in nav order.

Each page becomes a <section> whose heading is the page's front-matter title; its own H1 is dropped,
its other headings go one level down, every id gets the page's prefix (`approach--where`) so ids
stay unique, and links are rewritten: to an included page or heading -> the in-page anchor; to any
other page -> a path relative to the print page; off-site links unchanged.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from markupsafe import Markup

from .context import PageView
from .markers import handler
from .urls import relative_url

PAGES = "print_pages"  # PageView.state key: the pages to print, given by the glue
DROP_CLASS = "kb-notice--unreviewed"  # the print page carries its own notice once
DEMOTE = {f"h{level}": f"h{level + 1}" for level in range(2, 6)}
LINK_ATTRIBUTE = {"a": "href", "img": "src"}  # the links rewritten


# The slug of a page for ids ("networks/apmn.md" -> "networks-apmn").
def slug(path: str) -> str:
    return posixpath.splitext(path)[0].replace("/", "-")


# The id of an included page's section.
def section_id(path: str) -> str:
    return f"kb-print-{slug(path)}"


# An absolute site path ("/fr/approach/") for a page URL ("fr/approach/").
def site_path(url: str) -> str:
    return "/" + (url or "")


# Rewrite one included page's HTML: prefixed ids, demoted headings, links that still work.
# One walk over the parsed page does every rewrite (CSS selectors and one find_all per rule cost
# more than the parse itself).
def rewrite_page(html: str, *, path: str, page_url: str, print_url: str, included: dict[str, str]) -> str:
    doc = BeautifulSoup(html, "html.parser")
    for node in doc.find_all(class_=DROP_CLASS):
        node.decompose()
    first_h1 = doc.find("h1")
    if first_h1 is not None:
        first_h1.decompose()
    prefix = slug(path)
    for node in doc.find_all(True):
        attrs = node.attrs
        if node.name in DEMOTE:  # h2 -> h3 ... h5 -> h6
            node.name = DEMOTE[node.name]
        if "id" in attrs:
            attrs["id"] = f"{prefix}--{attrs['id']}"
        if "popovertarget" in attrs:  # glossary first uses (kb/glossary.py)
            attrs["popovertarget"] = f"{prefix}--{attrs['popovertarget']}"
        link = LINK_ATTRIBUTE.get(node.name)
        if link is not None and link in attrs:
            attrs[link] = rewrite_link(str(attrs[link]), page_url=page_url, print_url=print_url,
                                       included=included, own=path)
    return str(doc)


# Where a link of an included page must point from the print page.
def rewrite_link(href: str, *, page_url: str, print_url: str, included: dict[str, str], own: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href  # off-site, mailto:, tel:
    if not parts.path:  # "#id" on the same page
        return f"#{slug(own)}--{parts.fragment}" if parts.fragment else f"#{section_id(own)}"
    target = urlsplit(urljoin(site_path(page_url), href))
    for other, url in included.items():
        if target.path == site_path(url):
            return f"#{slug(other)}--{target.fragment}" if target.fragment else f"#{section_id(other)}"
    relative = relative_url(target.path.lstrip("/") or ".", print_url or ".")
    return relative + (f"#{target.fragment}" if target.fragment else "")


@dataclass(frozen=True)
class Printed:
    """A page to print: its path in its language folder, title, URL in this build and its HTML."""

    path: str
    title: str
    url: str
    html: str


# The print page's marker: every page to print (mkdocs.yml extra.print), in nav order.
@handler("print-all", "context")
def print_marker(page: PageView, _target: str, _inner: str | None) -> str:
    pages: list[Printed] = page.state.get(PAGES, [])
    included = {p.path: p.url for p in pages}
    sections = [{"id": section_id(p.path), "title": p.title,
                 "body": Markup(rewrite_page(p.html, path=p.path, page_url=p.url, print_url=page.url,
                                             included=included))} for p in pages]
    return page.render("print_all.html", sections=sections)
