"""The built fixture site: the library in four languages with localized dates, the next event on
the network page, the .ics files read back by a real iCalendar parser, the search index."""
from __future__ import annotations

import json
from datetime import date

import icalendar
from libproject import EVENT_ID, RESOURCE_ID, TITLES

from sitebuild import Build

LANGS = ("en", "fr", "es", "ar")
# Written by hand (CLDR long dates), not by the product's formatter.
RESOURCE_DATE = {"en": "March 14, 2025", "fr": "14 mars 2025", "es": "14 de marzo de 2025",
                 "ar": "14 مارس 2025"}
EVENT_WHEN = {"en": "May 4 – 6, 2027", "fr": "4–6 mai 2027", "es": "4–6 de mayo de 2027",
              "ar": "4–6 مايو 2027"}
LANGUAGE_NAMES = {"en": ["French", "Spanish"], "fr": ["français", "espagnol"],
                  "es": ["francés", "español"], "ar": ["الفرنسية", "الإسبانية"]}
TYPE = {"en": "training", "fr": "formation", "es": "formación", "ar": "تدريب"}
SUMMARY = {"en": "A test handbook for the library.", "fr": "Un manuel d’essai pour la bibliothèque.",
           "es": "Un manual de prueba para la biblioteca.", "ar": "دليل تجريبي للمكتبة."}


def spaces(text: str) -> str:
    """Thin and narrow no-break spaces as plain spaces (CLDR puts them around some dashes)."""
    return " ".join(text.replace("\u2009", " ").replace("\u202f", " ").split())


def test_the_library_lists_the_new_resource_in_every_language(libsite: Build) -> None:
    for lang in LANGS:
        page = libsite.page(lang, "library/")
        entry = page.find(id=RESOURCE_ID)
        assert entry is not None, lang
        assert entry["data-network"] == "atn" and entry["data-type"] == "training"
        assert entry["data-language"] == "fr es"
        cite = entry.find("cite")
        assert cite.get_text() == "Manuel d’essai pour les réseaux" and cite["lang"] == "fr"
        assert entry.find("time").get_text() == RESOURCE_DATE[lang]
        assert entry.find("time")["datetime"] == "2025-03-14"
        text = entry.get_text(" ")
        assert SUMMARY[lang] in text
        assert TYPE[lang] in text
        assert all(name in text for name in LANGUAGE_NAMES[lang]), (lang, text)
        assert entry.find("a")["href"] == "https://www.example.org/handbook"
        # the shipped resources are there too, each with its stable anchor
        assert page.find(id="atn-guidance-2018") is not None
        assert len(page.select(".kb-library__entry")) >= 11
        # the filter form is in the page, hidden until the script shows it
        form = page.select_one("form.kb-library__filter")
        assert form.has_attr("hidden")
        assert [o["value"] for o in form.select("#kb-library-language option")][1:] != []


def test_the_library_is_in_each_languages_search_index(libsite: Build) -> None:
    for lang in LANGS:
        index = json.loads((libsite.lang_dir(lang) / "search" / "search_index.json").read_text("utf-8"))
        docs = [d for d in index["docs"] if d["location"].startswith("library/")]
        assert docs, lang
        assert any(SUMMARY[lang] in d["text"] for d in docs), lang


def test_the_network_page_shows_the_upcoming_event_as_next(libsite: Build) -> None:
    for lang in LANGS:
        box = libsite.page(lang, "networks/atn/").select_one(".kb-next-event")
        assert box["data-next-event"] == EVENT_ID
        assert TITLES[lang] in box.get_text()
        assert spaces(box.select_one(".kb-next-event__when").get_text()).startswith(spaces(EVENT_WHEN[lang]))
        link = box.select_one("a[data-kb-calendar]")
        assert link["href"] == "atn.ics"
        assert box.select_one(f'a[href="#event-{EVENT_ID}"]') is not None
    # the APMN has no upcoming event: the page says so, and still offers its calendar
    apmn = libsite.page("fr", "networks/apmn/").select_one(".kb-next-event")
    assert apmn["data-next-event"] == ""
    assert "Aucun événement à venir" in apmn.get_text()


def test_the_ics_files_parse_and_hold_the_event_with_its_dates(libsite: Build) -> None:
    for lang in LANGS:
        raw = (libsite.lang_dir(lang) / "networks" / "atn" / "atn.ics").read_bytes()
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
        assert all(len(line) <= 75 for line in lines), [line for line in lines if len(line) > 75]
        cal = icalendar.Calendar.from_ical(raw)
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        event = events[f"{EVENT_ID}@apmn-atn.kb.invalid"]
        assert event.decoded("DTSTART") == date(2027, 5, 4)
        assert event.decoded("DTEND") == date(2027, 5, 7)  # exclusive: the meeting ends on the 6th
        assert str(event["SUMMARY"]) == TITLES[lang]  # commas and semicolons survive escaping
        assert str(event["STATUS"]) == "TENTATIVE"
        assert str(event["URL"]) == "https://www.example.org/atn-meeting"
        assert {"Lisbon", "Lisbonne", "Lisboa", "لشبونة"} & set(str(event["LOCATION"]).replace("،", ",").split(", "))
        # only events dated to the day: the guidance publication of 2018, not the 2019 meeting
        assert sorted(events) == sorted([f"{EVENT_ID}@apmn-atn.kb.invalid", "atn-guidance-2018@apmn-atn.kb.invalid"])
        assert b"@example.org" not in raw and b"mailto:" not in raw
    # the same event keeps the same UID in every language and every build
    en = icalendar.Calendar.from_ical((libsite.lang_dir("en") / "networks/atn/atn.ics").read_bytes())
    assert [str(e["UID"]) for e in en.walk("VEVENT")][-1] == f"{EVENT_ID}@apmn-atn.kb.invalid"


def test_the_apmn_calendar_is_valid_and_empty_of_undated_events(libsite: Build) -> None:
    cal = icalendar.Calendar.from_ical((libsite.lang_dir("ar") / "networks/apmn/apmn.ics").read_bytes())
    assert str(cal["VERSION"]) == "2.0"
    for event in cal.walk("VEVENT"):
        assert isinstance(event.decoded("DTSTART"), date)
