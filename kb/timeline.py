"""A network's history as a timeline: its dated, sourced events in date order, in the reader's language.

    timeline_html(network, lang, labels, templates)   # the HTML of <!-- kb:timeline <network> -->

`<!-- kb:timeline apmn -->` is an html-stage marker of the one dispatcher (kb.markers).

Dates keep the precision of their source: a year ("2004"), a month ("décembre 2012") or a day
("20 juin 2018"), and a range ("20–21 juin 2018", "2015–2019") when the event has an `end`; Babel
writes them in the reader's language (CLDR). Events are ordered by the first day they may have
happened; at the same first day a coarser date comes first ("2018" before "June 2018"), then file
order. The date helpers (`first_day`, `last_day`, `precision`) are for any other use of the events,
such as a calendar file.
"""
from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from babel.dates import format_date, format_interval, format_skeleton

from .context import RTL, PageView
from .errors import ConfigError
from .labels import Labels
from .localise import country_name
from .markers import handler
from .models import Event, EventStatus, Names, Network
from .offline import build_date
from .render import render

TODAY_ENV = "KB_TODAY"  # YYYY-MM-DD: the day a build takes as today (tests, previews)
SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}
STAGING_HOSTS = ("preprod.",)  # staging copies of the publisher's site, cited where no production copy exists


# ---------------------------------------------------------------- dates

# "year", "month" or "day": how precise a date written YYYY, YYYY-MM or YYYY-MM-DD is.
def precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


# The first day a date may stand for ("2012-12" -> 2012-12-01).
def first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


# The last day a date may stand for ("2012-12" -> 2012-12-31, "2004" -> 2004-12-31).
def last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


# The day a build takes as today: KB_TODAY (YYYY-MM-DD, for tests and previews), else the build date.
def build_today(environ: dict[str, str] | None = None) -> date:
    value = (environ if environ is not None else os.environ).get(TODAY_ENV, "").strip()
    if not value:
        return build_date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{TODAY_ENV}={value!r} is not a date; write YYYY-MM-DD") from None


# The last day an event may last (its end, else its date), as precise as the source allows.
def ends(event: Event) -> date:
    return last_day(event.end or event.date)


# The next event of a network: the first (in date order) not cancelled and not over by `today`.
def next_event(network: Network, today: date) -> Event | None:
    return next((e for e in in_order(list(network.events))
                 if e.status is not EventStatus.CANCELLED and ends(e) >= today), None)


# Events in date order: first possible day, coarser precision first, then file order (stable sort).
def in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (first_day(e.date), len(e.date)))


# A date or range written for readers of a language, with Babel (CLDR patterns).
def format_when(value: str, end: str | None, lang: str) -> str:
    kind = precision(value)
    start = first_day(value)
    if end is not None:
        return format_interval(start, first_day(end), SKELETONS[kind], locale=lang)
    if kind == "day":
        return format_date(start, "long", locale=lang)
    return format_skeleton(SKELETONS[kind], start, locale=lang)


# ---------------------------------------------------------------- view

@dataclass
class Text:
    """A text and, when it is not in the reader's language (an English fallback), its own language."""

    text: str
    lang: str | None


@dataclass
class Source:
    """A source as a link: its address, the text shown, and whether it is a staging copy."""

    href: str
    text: str
    staging: bool


@dataclass
class EventView:
    """One event as the timeline shows it, in the reader's language."""

    id: str
    when: str
    datetime: str | None  # machine-readable date for <time> (single dates only)
    kind: str
    title: Text
    place: str | None
    attendance: str | None
    status: str | None
    note: Text | None
    source: Source


# A multilingual text in a language, marked as English where it falls back.
def text_in(names: Names, lang: str) -> Text:
    own = getattr(names, lang, None)
    return Text(own, None) if own else Text(names.en, "en")


# A source address as a link labelled by its host, flagged when it is a staging copy.
def source_link(href: str) -> Source:
    host = urlsplit(href).hostname or href
    return Source(href, host, host.startswith(STAGING_HOSTS))


def event_view(event: Event, lang: str, labels: Labels) -> EventView:
    place = None
    if event.place is not None:
        parts = ([text_in(event.place.city, lang).text] if event.place.city else []) + \
                ([country_name(event.place.country, lang)] if event.place.country else [])
        place = labels.get("dir.list_separator", lang).join(parts)
    status = None if event.status is EventStatus.HELD else labels.get(f"timeline.status.{event.status.value}", lang)
    return EventView(
        id=event.id, when=format_when(event.date, event.end, lang),
        datetime=None if event.end else event.date,
        kind=labels.get(f"timeline.kind.{event.kind.value}", lang),
        title=text_in(event.title, lang), place=place,
        attendance=labels.get(f"timeline.attendance.{event.attendance.value}", lang) if event.attendance else None,
        status=status, note=text_in(event.note, lang) if event.note else None,
        source=source_link(event.source))


# ---------------------------------------------------------------- render

# The timeline of a network in a language: an ordered list of its events, oldest first; above it
# the next event (`upcoming`, the id of an event of the network) and the calendar file's address
# (`calendar`, None in the offline editions: subscribing is an online thing).
def timeline_html(network: Network, lang: str, labels: Labels, templates: str | Path,
                  upcoming: str | None = None, calendar: str | None = None) -> str:
    events = [event_view(e, lang, labels) for e in in_order(list(network.events))]
    coming = next((e for e in events if e.id == upcoming), None)
    return render(templates, "timeline.html", events=events, lang=lang,
                  dir="rtl" if lang in RTL else "ltr", network=network.id, upcoming=coming,
                  calendar=calendar, t=lambda key: labels.get(key, lang))


# <!-- kb:timeline <network> -->: the network's next event, calendar link and history, in the
# reader's language; "next" is relative to the build's today (KB_TODAY for tests and previews).
@handler("timeline", "html", target="network")
def timeline_marker(page: PageView, target: str, inner: str | None) -> str:
    network = page.ctx.catalogue.networks[target]
    coming = next_event(network, build_today())
    return timeline_html(network, page.lang.reader, page.ctx.labels, page.ctx.templates,
                         upcoming=coming.id if coming else None,
                         calendar=None if page.ctx.offline else f"{target}.ics")
