"""Member directories, network facts and maps, rendered from data/ into the pages that ask for them.

Authors place generated content with a marker in a page's Markdown:

    <!-- kb:directory apmn -->       the member table of a network (or `all`: every organisation)
    <!-- kb:network-facts apmn -->   roles, founding date, region and dated, sourced figures
    <!-- kb:map apmn -->             member countries on a world outline (or `all`)

Markers survive Markdown as HTML comments; `render_markers` replaces them in the page's HTML with
templates from overrides/kb/ rendered by an Environment of our own (autoescape, StrictUndefined).
Only the edition's view of the data (Catalogue.for_edition) is ever rendered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from babel.dates import format_date, format_skeleton
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from mkdocs.exceptions import PluginError

from .catalogue import Catalogue
from .labels import Labels
from .localise import collate, country_name
from .markers import OWNERS
from .models import Kind, Network, Organisation, Role, Visibility
from .worldmap import MapError, WorldMap, load_world

EDITIONS = ("public", "network")

MARKER_RE = re.compile(r"<!--\s*kb:([A-Za-z0-9_.-]*)(?:[ \t]+([^\s]*?))?\s*-->")
MARKERS = {"directory": True, "network-facts": False, "map": True}  # kind -> accepts `all`
ALL = "all"
# Roles shown on a network's page, in this order (members are the directory's business).
FACT_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR, Role.SECRETARIAT_HOST, Role.PARTNER)
ROLE_ORDER = {role: index for index, role in enumerate(
    (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR, Role.SECRETARIAT_HOST, Role.MEMBER, Role.PARTNER))}
# Source texts named by file in data/, and where readers can find them.
SOURCE_TEXTS = {"000_d097e74188e04625.txt": "https://trafficking-response.org/about-us/our-approach"}
SMALL_COUNTRY = 6.0  # px: highlighted countries smaller than this also get a dot


# ---------------------------------------------------------------- editions

# The edition being built (config.extra.edition, from KB_EDITION): 'public' or 'network', else an error.
def edition_of(config: Any) -> str:
    edition = (config.get("extra") or {}).get("edition", "public")
    if edition not in EDITIONS:
        raise PluginError(f"unknown edition {edition!r} (extra.edition / KB_EDITION): "
                          f"use one of {', '.join(EDITIONS)}")
    return str(edition)


# ---------------------------------------------------------------- markers

@dataclass
class PageInfo:
    """What rendering needs to know about the page: its file, language and URL."""

    src: str
    lang: str
    url: str
    directories: dict[str, str] = field(default_factory=dict)  # network id -> relative URL of its directory page


# Replace every kb: marker of a page's HTML with its rendered content; unknown ones are errors.
def render_markers(html: str, page: PageInfo, catalogue: Catalogue, labels: Labels,
                   templates: Path, world: WorldMap | None = None) -> str:
    if "kb:" not in html:
        return html
    renderer: Renderer | None = None

    def replace(match: re.Match[str]) -> str:
        nonlocal renderer
        kind, target = match.group(1), match.group(2) or ""
        if kind not in MARKERS and kind in OWNERS:
            return match.group(0)  # another hook's marker, left in place for it
        check_marker(kind, target, page.src, catalogue)
        renderer = renderer or Renderer(page, catalogue, labels, environment(str(templates)), world)
        return renderer.render(kind, target)

    return MARKER_RE.sub(replace, html)


# A marker names a known kind and an existing network (or `all` where allowed); else a build error.
def check_marker(kind: str, target: str, src: str, catalogue: Catalogue) -> None:
    if kind not in MARKERS:
        raise PluginError(f"{src}: unknown marker 'kb:{kind}'; use one of "
                          + ", ".join(f"kb:{k}" for k in sorted(OWNERS)))
    allowed = sorted(catalogue.networks) + ([ALL] if MARKERS[kind] else [])
    if target not in allowed:
        what = f"unknown network '{target}'" if target else "no network given"
        raise PluginError(f"{src}: marker 'kb:{kind} {target}': {what}; use one of {', '.join(allowed)}")


# The Jinja environment for overrides/kb/ templates: autoescaped, failing on any missing value.
@lru_cache(maxsize=4)
def environment(folder: str) -> Environment:
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True,
                      default_for_string=True), undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=False)
    return env


# ---------------------------------------------------------------- view models

@dataclass
class Contact:
    """A contact as shown: role, e-mail, phone (E.164 and display form), network-only flag."""

    role: str
    email: str | None
    phone: str | None
    phone_display: str | None
    network_only: bool


@dataclass
class Text:
    """A text with the language it is really in (a fallback to English is marked as such)."""

    text: str
    lang: str | None  # None: the page's language


@dataclass
class Row:
    """One organisation in a directory table, in the page's language."""

    id: str
    name: Text
    country: str  # ISO code or ""
    country_name: str
    kind: str
    roles: list[tuple[str, str]]  # (role key, label)
    networks: list[dict[str, Any]]  # {id, acronym, roles: [(key, label)]}
    website: str | None
    contacts: list[Contact] = field(default_factory=list)


class Renderer:
    """Renders markers for one page: its language, its edition's data, its labels."""

    def __init__(self, page: PageInfo, catalogue: Catalogue, labels: Labels, env: Environment,
                 world: WorldMap | None) -> None:
        self.page, self.cat, self.labels, self.env, self.world = page, catalogue, labels, env, world
        self.lang = page.lang

    # The HTML for one marker.
    def render(self, kind: str, target: str) -> str:
        if kind == "directory":
            return self.directory(target)
        if kind == "network-facts":
            return self.network_facts(target)
        return self.map(target)

    # A label in the page's language.
    def t(self, key: str, **values: Any) -> str:
        text = self.labels.get(key, self.lang)
        return text.format(**values) if values else text

    # A name in the page's language, marked as English where it falls back.
    def name(self, names: Any) -> Text:
        own = getattr(names, self.lang, None)
        return Text(own, None) if own else Text(names.en, None if self.lang == "en" else "en")

    # ------------------------------------------------------------ directory

    def directory(self, target: str) -> str:
        """The member table of a network, or of every organisation (`all`)."""
        if target == ALL:
            orgs = [o for o in self.cat.organisations.values() if self.cat.networks_of(o.id)]
            network = None
        else:
            network = self.cat.networks[target]
            orgs = [self.cat.organisations[m.organisation] for m in network.members]
        rows = collate([self.row(o, network) for o in orgs], lambda r: r.name.text, self.lang)
        caption = (self.t("dir.caption.all") if network is None
                   else self.t("dir.caption.network", network=self.name(network.name).text))
        return self.env.get_template("directory.html").render(
            t=self.t, rows=rows, caption=caption, combined=network is None,
            table_id=f"kb-directory-{target}", count=len(rows),
            count_text=self.t("dir.organisations_listed", count=len(rows)))

    def row(self, org: Organisation, network: Network | None) -> Row:
        """One organisation's row, in the page's language."""
        nets = []
        for net in self.cat.networks_of(org.id):
            membership = net.member(org.id)
            nets.append({"id": net.id, "acronym": net.acronym, "name": self.name(net.name),
                         "roles": self.roles(membership.roles if membership else [])})
        membership = network.member(org.id) if network else None
        return Row(
            id=org.id, name=self.name(org.name), country=org.country or "",
            country_name=country_name(org.country, self.lang) if org.country else "",
            kind=self.t(f"kind.{org.kind.value}"), roles=self.roles(membership.roles if membership else []),
            networks=nets, website=org.website, contacts=[self.contact(c) for c in org.contacts])

    def roles(self, roles: list[Role]) -> list[tuple[str, str]]:
        """Role keys and labels, most senior first."""
        return [(r.value, self.t(f"role.{r.value}")) for r in sorted(roles, key=ROLE_ORDER.__getitem__)]

    @staticmethod
    def contact(contact: Any) -> Contact:
        """A contact with its phone number written for reading (+44 20 7946 0000)."""
        display = None
        if contact.phone:
            display = phonenumbers.format_number(phonenumbers.parse(contact.phone),
                                                 phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return Contact(contact.role, contact.email, contact.phone, display,
                       contact.visibility is Visibility.NETWORK)

    # ------------------------------------------------------------ network facts

    def network_facts(self, target: str) -> str:
        """Founding date, region, role holders and dated, sourced figures of a network."""
        net = self.cat.networks[target]
        holders = []
        for role in FACT_ROLES:
            ids = net.with_role(role)
            if ids:
                names = collate([self.name(self.cat.organisations[i].name) for i in ids],
                                lambda n: n.text, self.lang)
                holders.append({"label": self.t(f"roles.{role.value}"), "names": names})
        facts = [{"label": self.t(f"fact.{f.key.value}"), "value": f.value,
                  "as_of": self.period(f.as_of) if f.as_of else None,
                  "note": self.name(f.note) if f.note else None,
                  "source": self.source(f.source)} for f in net.facts]
        directory = self.page.directories.get(net.id)
        name = self.name(net.name).text
        return self.env.get_template("network_facts.html").render(
            t=self.t, network=net, founded=self.period(net.founded),
            region=self.t(f"region.{net.region.value}"), holders=holders, facts=facts,
            sources=[self.source(s) for s in net.sources], directory=directory,
            directory_text=self.t("dir.link.directory", network=name),
            count_text=self.t("dir.members_listed", count=len(net.members)))

    def period(self, value: str) -> str:
        """YYYY, YYYY-MM or YYYY-MM-DD written for the page's language (October 2018)."""
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return format_skeleton("yMMMM", date(parts[0], parts[1], 1), locale=self.lang)
        return format_date(date(*parts), "long", locale=self.lang)

    def source(self, ref: str) -> dict[str, str]:
        """A source as a link: the source text by its title, a web page by its host."""
        if ref in SOURCE_TEXTS:
            return {"href": SOURCE_TEXTS[ref], "text": self.t("facts.source_text")}
        return {"href": ref, "text": urlsplit(ref).hostname or ref}

    # ------------------------------------------------------------ map

    def map(self, target: str) -> str:
        """Member countries highlighted on the world outline, each named in the page's language."""
        world = self.world or world_map()
        orgs = (self.cat.organisations.values() if target == ALL else
                [self.cat.organisations[m.organisation] for m in self.cat.networks[target].members])
        codes = {o.country for o in orgs if o.kind is Kind.NATIONAL_SOCIETY and o.country
                 and (target != ALL or self.cat.networks_of(o.id))}
        shapes = []
        for code in codes:
            shape = world.countries.get(code.lower())
            if shape is not None:
                shapes.append({"code": code, "name": country_name(code, self.lang), "d": shape.d,
                               "cx": shape.cx, "cy": shape.cy, "dot": shape.size < SMALL_COUNTRY})
        shapes = collate(shapes, lambda s: s["name"], self.lang)
        return self.env.get_template("map.html").render(
            t=self.t, world=world, shapes=shapes, note_id=f"kb-map-{target}-note",
            label=self.t("map.label"))


# The world outline shipped by the map package (parsed once per file version); errors stop the build.
def world_map() -> WorldMap:
    try:
        return load_world()
    except (MapError, OSError) as exc:
        raise PluginError(f"world map: {exc}") from exc
