"""The two tools for National Societies, rendered from data/ and the page's own Markdown.

- Find your network: which network lists a member in a country, as a JSON blob for the script,
  a (script-only) country chooser with result panels, and a plain table that works without script.
- Readiness self-check: the Markdown of each area (a heading and a list of questions) becomes a
  form of yes / partly / not yet radio groups; the result panel is filled in by the script.

Every text that reaches HTML is escaped here; the scripts only show, hide and fill in text nodes.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from typing import Callable

from .catalogue import Catalogue
from .fields import COUNTRIES
from .localise import collate, country_name
from .models import Kind, Network, Organisation, Role

# The six areas the source text names, in its order (ids are the same in every language).
AREAS = ("skills", "knowledge", "resources", "processes", "procedures", "expertise")
# Scores of the three answers (documented on the page; the script uses the values in the HTML).
ANSWERS = (("yes", 2), ("partly", 1), ("not-yet", 0))
# Roles that lead a network, in the order they are shown.
LEAD_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR)

Label = Callable[[str], str]


class ToolError(ValueError):
    """A tool page's Markdown does not have the structure the tool needs."""


# ---------------------------------------------------------------- find your network

# Organisation ids covering each country, per network: {country: [(network id, org id)]}.
def coverage(cat: Catalogue) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for net_id, network in sorted(cat.networks.items()):
        for member in network.members:
            org = cat.organisations[member.organisation]
            if org.country:
                found.setdefault(org.country, []).append((net_id, org.id))
    return found


# The data the find-your-network script reads, in one language (public edition only).
def network_blob(cat: Catalogue, lang: str) -> dict:
    return {
        "lang": lang,
        "coverage": {code: [{"network": n, "organisation": o} for n, o in entries]
                     for code, entries in sorted(coverage(cat).items())},
        "networks": {net_id: {"acronym": net.acronym, "name": net.name.get(lang),
                              "region": net.region.value}
                     for net_id, net in sorted(cat.networks.items())},
        "organisations": {org_id: {"name": org.name.get(lang), "country": org.country}
                          for org_id, org in sorted(cat.organisations.items())},
    }


# JSON safe inside a <script> element: "</" (and "<!--") can never close or open anything.
def script_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class Links:
    """Relative URLs from the tool page: network pages (by id), directory pages if they exist."""

    networks: dict[str, str]
    directories: dict[str, str]
    find_network: str | None


# An organisation's name as escaped, emphasised HTML.
def _org_html(org: Organisation, lang: str) -> str:
    return f"<strong>{escape(org.name.get(lang))}</strong>"


# The contacts block of one organisation: public contacts, or an honest "none listed", and website.
def _contact_html(org: Organisation, lang: str, label: Label) -> str:
    items = []
    for contact in org.contacts:
        parts = [escape(contact.role)]
        if contact.email:
            parts.append(f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>')
        if contact.phone:
            parts.append(f'<a href="tel:{escape(contact.phone)}" dir="ltr">{escape(contact.phone)}</a>')
        items.append(f"<li>{' · '.join(parts)}</li>")
    if not items:
        items.append(f"<li>{escape(label('tools.network.no_public_contact'))}</li>")
    if org.website:
        items.append(f'<li>{escape(label("tools.network.website"))} '
                     f'<a href="{escape(org.website)}" dir="ltr">{escape(org.website)}</a></li>')
    return (f'<li>{_org_html(org, lang)}<ul>{"".join(items)}</ul></li>')


# The lead roles of a network as <li> lines: "Co-chairs: A, B".
def _leads_html(cat: Catalogue, network: Network, lang: str, label: Label) -> list[str]:
    lines = []
    host = network.with_role(Role.SECRETARIAT_HOST)
    if host:
        lines.append(f"<li>{escape(label('tools.lead.secretariat-host'))} "
                     f"{_org_html(cat.organisations[host[0]], lang)}</li>")
    else:
        lines.append(f"<li>{escape(label('tools.network.no_host'))}</li>")
    for role in LEAD_ROLES:
        ids = network.with_role(role)
        if ids:
            names = escape(label("tools.list_separator")).join(
                _org_html(cat.organisations[i], lang) for i in ids)
            key = f"tools.lead.{role.value}" + ("" if len(ids) == 1 else ".plural")
            lines.append(f"<li>{escape(label(key))} {names}</li>")
    return lines


# Whom to contact in a network: its secretariat host, else the organisations that lead it.
def _contacts_for(cat: Catalogue, network: Network) -> list[Organisation]:
    ids = network.with_role(Role.SECRETARIAT_HOST)
    if not ids:
        ids = [i for role in LEAD_ROLES for i in network.with_role(role)]
    return [cat.organisations[i] for i in dict.fromkeys(ids)]


# One network's result panel (hidden until the script shows it for a covered country).
def _network_panel(cat: Catalogue, net_id: str, lang: str, label: Label, links: Links) -> str:
    network = cat.networks[net_id]
    name = escape(f"{network.name.get(lang)} ({network.acronym})")
    more = [f'<li><a href="{escape(links.networks[net_id])}">{name}</a></li>']
    if net_id in links.directories:
        more.append(f'<li><a href="{escape(links.directories[net_id])}">'
                    f'{escape(label("tools.network.directory"))}</a></li>')
    contacts = "".join(_contact_html(o, lang, label) for o in _contacts_for(cat, network))
    return (
        f'<section class="kb-network-panel" data-network="{escape(net_id)}" hidden>'
        f'<h3>{name}</h3>'
        f'<p data-slot="member"></p>'
        f'<ul class="kb-network-leads">{"".join(_leads_html(cat, network, lang, label))}</ul>'
        f'<p class="kb-network-asof">{escape(label("tools.network.roles_as_of"))}</p>'
        f'<h4>{escape(label("tools.network.read_more"))}</h4><ul>{"".join(more)}</ul>'
        f'<h4>{escape(label("tools.network.whom_to_contact"))}</h4>'
        f'<ul class="kb-network-contacts">{contacts}</ul>'
        "</section>"
    )


# The panel for a country no network lists a member in: what is known, and where to turn.
def _fallback_panel(cat: Catalogue, lang: str, label: Label, links: Links) -> str:
    known = []
    for net_id, network in sorted(cat.networks.items()):
        name = escape(f"{network.name.get(lang)} ({network.acronym})")
        try:  # a sentence about the network, where labels.yml has one (a new network may not yet)
            about = f'{escape(label("tools.colon"))} {escape(label(f"tools.network.about.{net_id}"))}'
        except KeyError:
            about = ""
        known.append(f'<li><a href="{escape(links.networks[net_id])}">{name}</a>{about}</li>')
    ifrc = next((o for o in cat.organisations.values() if o.kind is Kind.IFRC), None)
    pgi = escape(label("tools.network.pgi"))
    if ifrc and ifrc.website:
        pgi += (f' <a href="{escape(ifrc.website)}" dir="ltr">{escape(ifrc.website)}</a>')
    return (
        '<section class="kb-network-panel kb-network-fallback" data-network="" hidden>'
        f'<h3>{escape(label("tools.network.none_title"))}</h3>'
        f'<p data-slot="none"></p>'
        f'<p>{escape(label("tools.network.known"))}</p><ul>{"".join(known)}</ul>'
        f"<p>{pgi}</p>"
        "</section>"
    )


# The members table (works without script): network, National Society or organisation, country, roles.
def members_table(cat: Catalogue, lang: str, label: Label, links: Links) -> str:
    rows = []
    for net_id, network in sorted(cat.networks.items()):
        orgs = collate(network.members, lambda m: cat.organisations[m.organisation].name.get(lang), lang)
        for member in orgs:
            org = cat.organisations[member.organisation]
            country = escape(country_name(org.country, lang)) if org.country else "—"
            roles = escape(label("tools.list_separator")).join(
                escape(label(f"tools.role.{r.value}")) for r in member.roles)
            rows.append(
                f'<tr data-network="{escape(net_id)}" data-country="{escape(org.country or "")}">'
                f'<td><a href="{escape(links.networks[net_id])}">{escape(network.acronym)}</a></td>'
                f"<td>{escape(org.name.get(lang))}</td><td>{country}</td><td>{roles}</td></tr>")
    heads = "".join(f'<th scope="col">{escape(label(k))}</th>' for k in (
        "tools.table.network", "tools.table.organisation", "tools.table.country", "tools.table.roles"))
    return (f'<table class="kb-network-table"><caption>{escape(label("tools.table.caption"))}'
            f"</caption><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# The <option>s of the chooser: National Societies in the directory, then every country, collated.
def country_options(cat: Catalogue, lang: str, label: Label) -> str:
    societies = collate([o for o in cat.organisations.values() if o.country],
                        lambda o: o.name.get(lang), lang)
    countries = collate(sorted(COUNTRIES), lambda c: country_name(c, lang), lang)
    ns = "".join(f'<option value="{escape(o.country)}">{escape(o.name.get(lang))}</option>'
                 for o in societies)
    all_ = "".join(f'<option value="{escape(c)}">{escape(country_name(c, lang))}</option>'
                   for c in countries)
    return (f'<option value="">{escape(label("tools.network.choose_placeholder"))}</option>'
            f'<optgroup label="{escape(label("tools.network.group_societies"))}">{ns}</optgroup>'
            f'<optgroup label="{escape(label("tools.network.group_countries"))}">{all_}</optgroup>')


# The whole find-your-network block for one language.
def find_network_html(cat: Catalogue, lang: str, label: Label, links: Links) -> str:
    panels = "".join(_network_panel(cat, n, lang, label, links) for n in sorted(cat.networks))
    templates = (
        f'<template data-template="member">{escape(label("tools.network.member_line"))}</template>'
        f'<template data-template="none">{escape(label("tools.network.none_line"))}</template>')
    return (
        '<div class="kb-find-network" data-kb-find-network>'
        f'<script type="application/json" id="kb-networks-data">{script_json(network_blob(cat, lang))}</script>'
        '<div class="kb-find-network__chooser" hidden>'
        f'<label for="kb-country">{escape(label("tools.network.choose"))}</label> '
        f'<select id="kb-country" name="country" autocomplete="off">{country_options(cat, lang, label)}</select>'
        f"{templates}"
        f'<div class="kb-find-network__result" aria-live="polite">{panels}'
        f"{_fallback_panel(cat, lang, label, links)}</div>"
        "</div>"
        f'<p class="kb-nojs-note" data-kb-nojs>{escape(label("tools.network.nojs"))}</p>'
        "</div>"
    )


# ---------------------------------------------------------------- readiness self-check

AREA_RE = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)</h2>\s*<ul>(?P<items>.*?)</ul>', re.S)
ITEM_RE = re.compile(r"<li>(?P<text>.*?)</li>", re.S)
TAG_RE = re.compile(r"<[^>]+>")


# The HTML Markdown made of the areas (a heading with an id and a list of questions), as a form.
def readiness_form(region: str, label: Label) -> str:
    areas = list(AREA_RE.finditer(region))
    ids = [m["id"] for m in areas]
    if tuple(ids) != AREAS:
        raise ToolError(f"the self-check needs the six areas in this order, each a '## Title {{#id}}' "
                        f"heading followed by a list of questions: {', '.join(AREAS)}; found {ids}")
    leftover = AREA_RE.sub("", region).strip()
    if TAG_RE.sub("", leftover).strip():
        raise ToolError("the self-check block may hold only area headings and their question lists; "
                        f"found other text: {TAG_RE.sub('', leftover).strip()[:80]!r}")
    out = []
    for match in areas:
        area = match["id"]
        questions = [re.sub(r"</?p>", "", q["text"]).strip() for q in ITEM_RE.finditer(match["items"])]
        if not 1 <= len(questions) <= 5:
            raise ToolError(f"area {area}: write between 1 and 5 questions, found {len(questions)}")
        fields = "".join(_question(area, n, text, label) for n, text in enumerate(questions, 1))
        out.append(f'<section class="kb-area" data-area="{area}">'
                   f'<h2 id="{area}"{_rest_of_h2(match[0])}>{match["title"]}</h2>{fields}</section>')
    return ('<form class="kb-readiness" id="kb-readiness" data-kb-readiness autocomplete="off" '
            f'aria-label="{escape(label("tools.readiness.form"))}">{"".join(out)}</form>')


# The attributes of an <h2> after its id (Markdown may add none, but keep them if it does).
def _rest_of_h2(h2: str) -> str:
    head = h2[: h2.index(">")]
    return head[head.index('"', head.index('id="') + 4) + 1:]


# One question: a fieldset whose legend is the question, with three labelled radios.
def _question(area: str, number: int, text: str, label: Label) -> str:
    name = f"{area}-{number}"
    radios = "".join(
        f'<label class="kb-answer"><input type="radio" name="{name}" value="{score}" '
        f'data-answer="{key}"> <span>{escape(label(f"tools.readiness.answer.{key}"))}</span></label>'
        for key, score in ANSWERS)
    return (f'<fieldset class="kb-question" data-area="{area}"><legend>{text}</legend>'
            f'<div class="kb-answers">{radios}</div></fieldset>')


# The result panel: a row per area and the overall suggestion (all shown by the script).
def readiness_result(area_titles: dict[str, str], label: Label, links: Links,
                     ifrc: Organisation | None, lang: str) -> str:
    states = ("unanswered", "ready", "partly", "not-yet")
    rows = []
    for area in AREAS:
        cells = "".join(f'<span data-state="{s}" hidden>{escape(label(f"tools.readiness.state.{s}"))}</span>'
                        for s in states)
        rows.append(f'<tr data-area-result="{area}"><th scope="row">{area_titles[area]}</th>'
                    f"<td>{cells}</td></tr>")
    heads = (f'<th scope="col">{escape(label("tools.readiness.col.area"))}</th>'
             f'<th scope="col">{escape(label("tools.readiness.col.result"))}</th>')
    where = []
    if ifrc is not None and ifrc.website:
        where.append(f'<li>{escape(ifrc.name.get(lang))}{escape(label("tools.colon"))} '
                     f'<a href="{escape(ifrc.website)}" dir="ltr">{escape(ifrc.website)}</a></li>')
    if links.find_network:
        where.append(f'<li><a href="{escape(links.find_network)}">'
                     f'{escape(label("tools.readiness.find_network"))}</a></li>')
    overall = (
        f'<p data-overall="incomplete" hidden>{escape(label("tools.readiness.overall.incomplete"))}</p>'
        f'<p data-overall="ready" hidden>{escape(label("tools.readiness.overall.ready"))}</p>'
        f'<div data-overall="refer" hidden><p>{escape(label("tools.readiness.overall.refer"))}</p>'
        f'<ul>{"".join(where)}</ul></div>')
    return (
        '<div class="kb-readiness-result" data-kb-readiness-result>'
        f'<p class="kb-nojs-note" data-kb-nojs>{escape(label("tools.readiness.nojs"))}</p>'
        '<div class="kb-readiness-result__live" hidden>'
        f'<table class="kb-readiness-table"><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<div class="kb-readiness-overall" role="status" aria-live="polite">{overall}</div>'
        f'<p class="kb-readiness-judgement">{escape(label("tools.readiness.judgement"))}</p>'
        f'<p><button type="button" class="md-button md-button--primary" data-kb-print>'
        f'{escape(label("tools.readiness.print"))}</button> '
        f'<button type="button" class="md-button" data-kb-reset>{escape(label("tools.readiness.reset"))}</button></p>'
        "</div></div>"
    )


# The plain text of each area heading in a region of HTML (for the result table).
def area_titles(region: str) -> dict[str, str]:
    titles = {}
    for match in AREA_RE.finditer(region):
        title = re.sub(r'<a class="headerlink".*?</a>', "", match["title"], flags=re.S)
        titles[match["id"]] = title.strip()
    return titles
