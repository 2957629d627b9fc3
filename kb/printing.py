"""One printable page per language: the guidance pages' rendered HTML, combined in nav order.

Each page becomes a <section> whose heading is the page's front-matter title; its own H1 is dropped,
its other headings go one level down, every id gets the page's prefix (`approach--where`) so ids
stay unique, and links are rewritten: to an included page or heading -> the in-page anchor; to any
other page -> a path relative to the print page; off-site links unchanged.
"""
from __future__ import annotations

import posixpath
from html import escape
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

# The guidance pages, by source path inside a language folder, printed in nav order.
PRINT_PAGES = (
    "approach.md", "principles.md", "before-you-engage.md",
    "networks/apmn.md", "networks/atn.md", "safety.md",
)
MARKER = "<!-- kb:print-all -->"
DROP = ".kb-notice--unreviewed"  # the print page carries its own notice once


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
def rewrite_page(html: str, *, path: str, page_url: str, print_url: str, included: dict[str, str]) -> str:
    doc = BeautifulSoup(html, "html.parser")
    for node in doc.select(DROP):
        node.decompose()
    first_h1 = doc.find("h1")
    if first_h1 is not None:
        first_h1.decompose()
    for level in range(5, 1, -1):  # h5 -> h6 ... h2 -> h3, deepest first
        for heading in doc.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"
    prefix = slug(path)
    for node in doc.find_all(id=True):
        node["id"] = f"{prefix}--{node['id']}"
    for attr, tag in (("href", "a"), ("src", "img")):
        for node in doc.find_all(tag, attrs={attr: True}):
            node[attr] = rewrite_link(node[attr], page_url=page_url, print_url=print_url,
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
    relative = get_relative_url(target.path.lstrip("/") or ".", print_url or ".")
    return relative + (f"#{target.fragment}" if target.fragment else "")


# The combined HTML: a list of contents, then one section per page. `pages`: (path, title, url, html).
def combine(pages: list[tuple[str, str, str, str]], *, print_url: str, contents_label: str) -> str:
    included = {path: url for path, _, url, _ in pages}
    items = "".join(f'<li><a href="#{section_id(p)}">{escape(t)}</a></li>' for p, t, _, _ in pages)
    parts = [f'<nav class="kb-print-toc" aria-label="{escape(contents_label)}">'
             f'<p class="kb-print-toc__title"><strong>{escape(contents_label)}</strong></p><ol>{items}</ol></nav>']
    for path, title, url, html in pages:
        body = rewrite_page(html, path=path, page_url=url, print_url=print_url, included=included)
        parts.append(f'<section class="kb-print-page" id="{section_id(path)}">'
                     f'<h2 class="kb-print-page__title">{escape(title)}</h2>{body}</section>')
    return "\n".join(parts)
