"""Member directories, network facts and maps, rendered from data/ into the pages that ask for them.

Authors place generated content with a marker in a page's Markdown:

    <!-- kb:directory apmn -->       the member table of a network (or `all`: every organisation)
    <!-- kb:network-facts apmn -->   roles, founding date, region and dated, sourced figures
    <!-- kb:map apmn -->             member countries on a world outline (or `all`)

The dispatcher (kb.markers) calls the handlers below at the HTML stage; they render templates of
overrides/kb/ through the build context (autoescaped, StrictUndefined), in the reader's language,
from the edition's view of the data only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from babel.dates import format_date, format_skeleton

from .context import PageView
from .errors import KbError
from .localise import collate, country_name
from .markers import handler
from .models import Kind, Network, Organisation, Role, Visibility
from .worldmap import MapError, WorldMap, load_world

ALL = "all"
# Roles shown on a network's page, in this order (members are the directory's business).
FACT_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR, Role.SECRETARIAT_HOST, Role.PARTNER)
ROLE_ORDER = {role: index for index, role in enumerate(
    (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR, Role.SECRETARIAT_HOST, Role.MEMBER, Role.PARTNER))}
# Source texts named by file in data/, and where readers can find them.
SOURCE_TEXTS = {"000_d097e74188e04625.txt": "https://trafficking-response.org/about-us/our-approach"}
SMALL_COUNTRY = 6.0  # px: highlighted countries smaller than this also get a dot


# ---------------------------------------------------------------- markers

@handler("directory", "html", target="network-or-all")
def directory_marker(page: PageView, target: str, _inner: str | None) -> str:
    """The member table of a network, or of every organisation (`all`)."""
    return Renderer(page).directory(target)


@handler("network-facts", "html", target="network")
def network_facts_marker(page: PageView, target: str, _inner: str | None) -> str:
    """Founding date, region, role holders and dated, sourced figures of a network."""
    return Renderer(page).network_facts(target)


@handler("map", "html", target="network-or-all")
def map_marker(page: PageView, target: str, _inner: str | None) -> str:
    """Member countries highlighted on the world outline."""
    return Renderer(page).map(target)


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
    """Renders the data markers of one page, in its reader's language, from its edition's data."""

    def __init__(self, page: PageView) -> None:
        self.page, self.cat = page, page.ctx.catalogue
        self.lang = page.lang.reader
        self.t = page.t

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
        return self.page.render(
            "directory.html", rows=rows, caption=caption, combined=network is None,
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
            networks=nets, website=org.website, contacts=[contact_view(c) for c in org.contacts])

    def roles(self, roles: list[Role]) -> list[tuple[str, str]]:
        """Role keys and labels, most senior first."""
        return [(r.value, self.t(f"role.{r.value}")) for r in sorted(roles, key=ROLE_ORDER.__getitem__)]

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
        directory = self.page.url_of(f"directory/{net.id}.md")
        name = self.name(net.name).text
        return self.page.render(
            "network_facts.html", network=net, founded=self.period(net.founded),
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
        world = world_map()
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
        shapes = collate(shapes, lambda s: str(s["name"]), self.lang)
        return self.page.render(
            "map.html", world=world, shapes=shapes, note_id=f"kb-map-{target}-note",
            label=self.t("map.label"))


# The world outline (kb/data/worldmap.json, read once per file version); errors stop the build.
def world_map() -> WorldMap:
    try:
        return load_world()
    except (MapError, OSError) as exc:
        raise KbError(f"world map: {exc}") from exc


# A contact as shown everywhere (directory, find your network): phone written for reading.
def contact_view(contact: Any) -> Contact:
    display = phone_display(contact.phone) if contact.phone else None
    return Contact(contact.role, contact.email, contact.phone, display,
                   contact.visibility is Visibility.NETWORK)


# An E.164 number in international format ("+44 20 7946 0000"); cached: each number is shown in
# every language and in more than one directory.
@lru_cache(maxsize=4096)
def phone_display(phone: str) -> str:
    return str(phonenumbers.format_number(phonenumbers.parse(phone), phonenumbers.PhoneNumberFormat.INTERNATIONAL))
