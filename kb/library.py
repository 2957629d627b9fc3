"""The library: the documents the networks share (data/resources/), on one page per language.

    <!-- kb:library -->    every resource, grouped by type, with its filters (library-filter.js)

An html-stage marker of the one dispatcher (kb.markers). Without JavaScript the page is the full
list grouped by type; the script only shows the filter form rendered here (hidden until then) and
hides the entries that do not match: no request, no storage. Each entry's anchor is the resource's
id (`library/#atn-guidance-2018`), so guidance pages can link to it. Dates are written by Babel in
the reader's language, as precise as the source; an unknown date says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import RTL, PageView
from .fields import UNKNOWN
from .localise import collate, language_name
from .markers import handler
from .models import Resource, ResourceType
from .timeline import Source, Text, first_day, format_when, source_link, text_in


@dataclass
class Choice:
    """One option of a filter: the value matched against an entry, and its label."""

    value: str
    label: str


@dataclass
class Entry:
    """One resource as the library shows it, in the reader's language."""

    id: str
    title: str
    title_lang: str
    title_dir: str
    summary: str
    publisher: Text
    when: str | None  # None: the source gives no date
    datetime: str | None
    type: str
    type_label: str
    languages: list[Choice]
    networks: list[Choice]  # value: id, label: acronym
    network_names: list[str]
    url: str
    source: Source | None  # None when it is the document's own address
    note: Text | None


@dataclass
class Group:
    """The entries of one type, under a heading."""

    type: str
    heading: str
    entries: list[Entry]


def entry_view(resource: Resource, page: PageView) -> Entry:
    lang = page.lang.reader
    nets = page.ctx.catalogue.networks
    known = resource.date != UNKNOWN
    return Entry(
        id=resource.id, title=resource.title, title_lang=resource.title_language,
        title_dir="rtl" if resource.title_language in RTL else "ltr",
        summary=resource.summary.get(lang), publisher=text_in(resource.publisher, lang),
        when=format_when(resource.date, None, lang) if known else None,
        datetime=resource.date if known else None,
        type=resource.type.value, type_label=page.t(f"library.type.{resource.type.value}"),
        languages=[Choice(code, language_name(code, lang)) for code in resource.languages],
        networks=[Choice(n, nets[n].acronym) for n in resource.networks],
        network_names=[text_in(nets[n].name, lang).text for n in resource.networks],
        url=resource.url, source=None if resource.source == resource.url else source_link(resource.source),
        note=text_in(resource.note, lang) if resource.note else None)


# Newest first; an unknown date after every known one; then by title.
def _order(resources: list[Resource]) -> list[Resource]:
    def key(r: Resource) -> tuple[int, int, str]:
        if r.date == UNKNOWN:
            return (1, 0, r.title.casefold())
        return (0, -first_day(r.date).toordinal(), r.title.casefold())
    return sorted(resources, key=key)


def groups(page: PageView) -> list[Group]:
    resources = list(page.ctx.catalogue.resources.values())
    out = []
    for kind in ResourceType:
        chosen = [r for r in resources if r.type is kind]
        if chosen:
            out.append(Group(kind.value, page.t(f"library.group.{kind.value}"),
                             [entry_view(r, page) for r in _order(chosen)]))
    return out


def library_html(page: PageView) -> str:
    lang = page.lang.reader
    found = groups(page)
    entries = [e for g in found for e in g.entries]
    networks = {c.value: c for e in entries for c in e.networks}
    languages = {c.value: c for e in entries for c in e.languages}
    filters = {
        "network": [Choice(n, f"{networks[n].label} — {text_in(page.ctx.catalogue.networks[n].name, lang).text}")
                    for n in sorted(networks)],
        "type": [Choice(g.type, g.heading) for g in found],
        "language": collate(languages.values(), lambda c: c.label, lang),
    }
    return page.render("library.html", groups=found, filters=filters, total=len(entries),
                       count_text=page.t("library.count", count=len(entries)))


# <!-- kb:library -->: every resource, grouped by type, with filters, in the reader's language.
@handler("library", "html")
def library_marker(page: PageView, _target: str, _inner: str | None) -> str:
    return library_html(page)
