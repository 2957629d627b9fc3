"""Timeline dates: as precise as the source, in the reader's language, events in date order.

Expected strings are written by hand from the CLDR patterns of each language."""
from __future__ import annotations

from datetime import date

import pytest

from kb.models import Event
from kb.timeline import first_day, format_when, in_order, last_day, precision


@pytest.mark.parametrize("value, end, lang, expected", [
    ("2004", None, "fr", "2004"),
    ("2012-12", None, "en", "December 2012"),
    ("2012-12", None, "fr", "décembre 2012"),
    ("2012-12", None, "es", "diciembre de 2012"),
    ("2012-12", None, "ar", "ديسمبر 2012"),
    ("2018-06-20", None, "fr", "20 juin 2018"),
    ("2018-05-22", None, "es", "22 de mayo de 2018"),
    ("2018-06-20", "2018-06-21", "fr", "20–21 juin 2018"),
    ("2015", "2019", "es", "2015–2019"),
])
def test_dates_are_written_for_the_reader(value, end, lang, expected):
    assert format_when(value, end, lang) == expected


def test_first_and_last_days_of_a_period():
    assert (first_day("2004"), last_day("2004")) == (date(2004, 1, 1), date(2004, 12, 31))
    assert (first_day("2024-02"), last_day("2024-02")) == (date(2024, 2, 1), date(2024, 2, 29))
    assert first_day("2018-06-20") == last_day("2018-06-20") == date(2018, 6, 20)
    assert [precision(v) for v in ("2004", "2012-12", "2018-06-20")] == ["year", "month", "day"]


def event(id_: str, when: str) -> Event:
    return Event.model_validate({"id": id_, "kind": "meeting", "date": when, "title": {"en": id_},
                                 "source": "https://www.example.org/"})


def test_events_in_date_order_coarser_first_then_file_order():
    events = [event("e", "2019"), event("d", "2018-06-20"), event("c", "2018-06"), event("b", "2018"),
              event("a", "2012-12"), event("f", "2019")]
    assert [e.id for e in in_order(events)] == ["a", "b", "c", "d", "e", "f"]
