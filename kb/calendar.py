"""A network's events as an iCalendar file (RFC 5545), and its next event for the network page.

    ics(network, lang, labels, today)     # the text of networks/<id>/<id>.ics in one language
    next_event(network, today)            # the first event that has not ended yet, or None
    build_today()                         # "today" for a build: KB_TODAY, else the build date

The one event list of data/networks/<id>.yml feeds both the timeline and the calendar. A calendar
entry needs a day: events whose source gives only a month or a year stay on the timeline and are
left out of the file (an all-day entry a month or a year long would say more than the source).
Each entry is an all-day event (DTSTART;VALUE=DATE, DTEND the day after the last day, exclusive),
with a UID made from the event's id, so a calendar that subscribes keeps it across builds. The
file holds titles, dates, places, kinds and public sources only: no contact, no person. Lines end
in CRLF and are folded at 75 octets; text is escaped as RFC 5545 section 3.3.11 says.
"""
from __future__ import annotations

from datetime import date, timedelta

from .labels import Labels
from .localise import country_name
from .models import Event, EventStatus, Network
from .timeline import build_today, first_day, in_order, last_day, next_event, precision, text_in

__all__ = ["build_today", "next_event", "calendar_events", "ics", "ics_name", "escape", "fold"]
UID_DOMAIN = "apmn-atn.kb.invalid"  # UIDs: <event id>@this; stable whatever the site's address
PRODID = "-//APMN and ATN knowledge base//network calendar//EN"
STATUS = {EventStatus.HELD: "CONFIRMED", EventStatus.PLANNED: "TENTATIVE", EventStatus.CANCELLED: "CANCELLED"}
LINE_OCTETS = 75


# Events a calendar can hold: those dated to the day.
def calendar_events(network: Network) -> list[Event]:
    return [e for e in in_order(list(network.events)) if precision(e.date) == "day"]


# ---------------------------------------------------------------- RFC 5545 serialisation

# TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


# One content line folded at 75 octets (3.1): continuation lines start with a space; a UTF-8
# character is never split.
def fold(line: str) -> list[str]:
    out: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += width
    out.append(current)
    return out


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


# The iCalendar text of a network's events in one language (CRLF line ends).
def ics(network: Network, lang: str, labels: Labels, today: date) -> str:
    name = labels.get("calendar.name", lang).format(network=network.acronym)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"NAME;LANGUAGE={lang}:{escape(name)}", f"X-WR-CALNAME:{escape(name)}"]
    for event in calendar_events(network):
        lines += _vevent(event, lang, labels, today)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in fold(line))


def _vevent(event: Event, lang: str, labels: Labels, today: date) -> list[str]:
    title = text_in(event.title, lang)
    start = first_day(event.date)
    end = last_day(event.end or event.date) + timedelta(days=1)  # DTEND is exclusive
    lines = ["BEGIN:VEVENT", f"UID:{event.id}@{UID_DOMAIN}", f"DTSTAMP:{_day(today)}T000000Z",
             f"DTSTART;VALUE=DATE:{_day(start)}", f"DTEND;VALUE=DATE:{_day(end)}",
             f"SUMMARY;LANGUAGE={title.lang or lang}:{escape(title.text)}"]
    place = event.place
    if place is not None:
        parts = ([text_in(place.city, lang).text] if place.city else []) + \
                ([country_name(place.country, lang)] if place.country else [])
        lines.append(f"LOCATION;LANGUAGE={lang}:{escape(labels.get('dir.list_separator', lang).join(parts))}")
    about = [labels.get(f"timeline.kind.{event.kind.value}", lang)]
    if event.attendance is not None:
        about.append(labels.get(f"timeline.attendance.{event.attendance.value}", lang))
    if event.status is not EventStatus.HELD:
        about.append(labels.get(f"timeline.status.{event.status.value}", lang))
    description = [" · ".join(about)]
    if event.note is not None:
        description.append(text_in(event.note, lang).text)
    description.append(f"{labels.get('timeline.source', lang)}{labels.get('dir.colon', lang)}{event.source}")
    lines += [f"DESCRIPTION;LANGUAGE={lang}:{escape(chr(10).join(description))}", f"URL:{event.source}",
              f"STATUS:{STATUS[event.status]}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


# Where a network's calendar goes, next to its page: networks/atn/ -> networks/atn/atn.ics.
def ics_name(network: str) -> str:
    return f"{network}.ics"
