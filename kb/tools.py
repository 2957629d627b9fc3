"""The two tools for National Societies, rendered from data/ and the page's own Markdown.

- Find your network: which network lists a member in a country, as a JSON blob for the script,
  a (script-only) country chooser with result panels, and a plain table that works without script.
- Readiness self-check: the Markdown of each area (a heading and a list of questions) becomes a
  form of yes / partly / not yet radio groups; the result panel is filled in by the script.

The HTML comes from templates in overrides/kb/ (tools_*.html), rendered autoescaped; the scripts
only show, hide and fill in text nodes.
"""
from __future__ import annotations

import json
import re

from markupsafe import Markup

from .catalogue import Catalogue
from .context import PageView
from .directory import contact_view
from .errors import KbError
from .fields import COUNTRIES
from .localise import collate, country_name
from .markers import handler
from .models import Kind, Network, Organisation, Role

# The six areas the source text names, in its order (ids are the same in every language).
AREAS = ("skills", "knowledge", "resources", "processes", "procedures", "expertise")
# Scores of the three answers (documented on the page; the script uses the values in the HTML).
ANSWERS = (("yes", 2), ("partly", 1), ("not-yet", 0))
# Roles that lead a network, in the order they are shown.
LEAD_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR)

class ToolError(KbError):
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


# ---------------------------------------------------------------- markers

@handler("find-network", "html")
def find_network_marker(page: PageView, _target: str, _inner: str | None) -> str:
    """The country chooser (shown by its script), its result panels and the data it reads."""
    cat = page.ctx.catalogue.for_edition("public")
    return page.render("tools_find_network.html", **find_network_view(cat, page))


@handler("network-table", "html")
def network_table_marker(page: PageView, _target: str, _inner: str | None) -> str:
    """The networks and their members as a plain table (no script needed)."""
    cat = page.ctx.catalogue.for_edition("public")
    return page.render("tools_members_table.html", rows=members_rows(cat, page))


@handler("readiness", "html", region=True)
def readiness_marker(page: PageView, _target: str, inner: str | None) -> str:
    """The areas (headings and question lists) between the region markers become the form."""
    region = inner or ""
    page.state["readiness_titles"] = area_titles(region)
    return page.render("tools_readiness_form.html", areas=readiness_areas(region))


@handler("readiness-result", "html")
def readiness_result_marker(page: PageView, _target: str, _inner: str | None) -> str:
    """The result panel (filled in by the script): one row per area and the overall suggestion."""
    titles = page.state.get("readiness_titles")
    if titles is None:
        raise ToolError("kb:readiness-result must come after the <!-- kb:readiness --> ... "
                        "<!-- /kb:readiness --> region")
    cat = page.ctx.catalogue.for_edition("public")
    ifrc = next((o for o in cat.organisations.values() if o.kind is Kind.IFRC), None)
    return page.render("tools_readiness_result.html", areas=[(a, Markup(titles[a])) for a in AREAS],
                       states=("unanswered", "ready", "partly", "not-yet"),
                       ifrc={"name": ifrc.name.get(page.lang.reader), "website": ifrc.website}
                       if ifrc is not None and ifrc.website else None,
                       find_network=page.url_of("tools/find-your-network.md"))


# ---------------------------------------------------------------- find your network: views

# A network page's URL in this language; every network must have one.
def _network_url(page: PageView, net_id: str) -> str:
    url = page.url_of(f"networks/{net_id}.md")
    if url is None:
        raise ToolError(f"no page networks/{net_id}.md in {page.lang.reader}")
    return url


# Whom to contact in a network: its secretariat host, else the organisations that lead it.
def _contacts_for(cat: Catalogue, network: Network) -> list[Organisation]:
    ids = network.with_role(Role.SECRETARIAT_HOST)
    if not ids:
        ids = [i for role in LEAD_ROLES for i in network.with_role(role)]
    return [cat.organisations[i] for i in dict.fromkeys(ids)]


# What the find-your-network template shows, in the reader's language.
def find_network_view(cat: Catalogue, page: PageView) -> dict:
    lang = page.lang.reader
    panels = []
    for net_id, network in sorted(cat.networks.items()):
        host = network.with_role(Role.SECRETARIAT_HOST)
        leads = [{"key": f"tools.lead.{role.value}" + ("" if len(ids) == 1 else ".plural"),
                  "names": [cat.organisations[i].name.get(lang) for i in ids]}
                 for role in LEAD_ROLES if (ids := network.with_role(role))]
        panels.append({
            "id": net_id, "name": f"{network.name.get(lang)} ({network.acronym})",
            "url": _network_url(page, net_id), "directory": page.url_of(f"directory/{net_id}.md"),
            "host": cat.organisations[host[0]].name.get(lang) if host else None, "leads": leads,
            "contacts": [{"name": o.name.get(lang), "website": o.website,
                          "contacts": [contact_view(c) for c in o.contacts]}
                         for o in _contacts_for(cat, network)],
        })
    known = []
    for net_id, network in sorted(cat.networks.items()):
        key = f"tools.network.about.{net_id}"  # a new network may not have its sentence yet
        known.append({"name": f"{network.name.get(lang)} ({network.acronym})",
                      "url": _network_url(page, net_id),
                      "about": page.t(key) if key in page.ctx.labels.table else None})
    ifrc = next((o for o in cat.organisations.values() if o.kind is Kind.IFRC), None)
    societies = collate([o for o in cat.organisations.values() if o.country], lambda o: o.name.get(lang), lang)
    countries = collate(sorted(COUNTRIES), lambda c: country_name(c, lang), lang)
    return {
        "data": Markup(script_json(network_blob(cat, lang))), "panels": panels, "known": known,
        "ifrc_website": ifrc.website if ifrc else None,
        "societies": [(o.country, o.name.get(lang)) for o in societies],
        "countries": [(c, country_name(c, lang)) for c in countries],
    }


# The members table (works without script): network, organisation, country, roles.
def members_rows(cat: Catalogue, page: PageView) -> list[dict]:
    lang = page.lang.reader
    rows = []
    for net_id, network in sorted(cat.networks.items()):
        for member in collate(network.members, lambda m: cat.organisations[m.organisation].name.get(lang), lang):
            org = cat.organisations[member.organisation]
            rows.append({"network": net_id, "acronym": network.acronym, "url": _network_url(page, net_id),
                         "country": org.country or "", "organisation": org.name.get(lang),
                         "country_name": country_name(org.country, lang) if org.country else None,
                         "roles": [page.t(f"tools.role.{r.value}") for r in member.roles]})
    return rows


# ---------------------------------------------------------------- readiness self-check

AREA_RE = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)</h2>\s*<ul>(?P<items>.*?)</ul>', re.S)
ITEM_RE = re.compile(r"<li>(?P<text>.*?)</li>", re.S)
TAG_RE = re.compile(r"<[^>]+>")


# The areas of the self-check (a heading with an id and a list of questions, as Markdown made them).
# The headings and questions are the page's own converted Markdown, kept as markup.
def readiness_areas(region: str) -> list[dict]:
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
        questions = [Markup(re.sub(r"</?p>", "", q["text"]).strip()) for q in ITEM_RE.finditer(match["items"])]
        if not 1 <= len(questions) <= 5:
            raise ToolError(f"area {match['id']}: write between 1 and 5 questions, found {len(questions)}")
        out.append({"id": match["id"], "title": Markup(match["title"]), "questions": questions})
    return out


# The plain text of each area heading in a region of HTML (for the result table).
def area_titles(region: str) -> dict[str, str]:
    titles = {}
    for match in AREA_RE.finditer(region):
        title = re.sub(r'<a class="headerlink".*?</a>', "", match["title"], flags=re.S)
        titles[match["id"]] = title.strip()
    return titles
