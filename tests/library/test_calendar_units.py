"""RFC 5545 details of kb.calendar: escaping, folding at 75 octets, today from KB_TODAY, next event."""
from __future__ import annotations

from datetime import date

import pytest

from kb.calendar import escape, fold
from kb.errors import ConfigError
from kb.models import Network
from kb.timeline import build_today, next_event


def test_text_is_escaped() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "é" * 80  # 8 + 160 octets
    parts = fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
    assert fold("SHORT:x") == ["SHORT:x"]
    assert len(fold("X:" + "a" * 73)) == 1 and len(fold("X:" + "a" * 74)) == 2


def test_today_comes_from_kb_today() -> None:
    assert build_today({"KB_TODAY": "2027-01-15"}) == date(2027, 1, 15)
    with pytest.raises(ConfigError, match="KB_TODAY='15/01/2027' is not a date"):
        build_today({"KB_TODAY": "15/01/2027"})


def network(*events: dict) -> Network:
    return Network.model_validate({
        "id": "net", "acronym": "NET", "name": {"en": "Net"}, "founded": "2004", "region": "europe",
        "members": [{"organisation": "x", "roles": ["member"]}], "sources": ["https://www.example.org/"],
        "events": [{"kind": "meeting", "title": {"en": e["id"]}, "source": "https://www.example.org/e",
                    **e} for e in events]})


def test_next_event_is_the_first_not_over_and_not_cancelled() -> None:
    net = network({"id": "past", "date": "2026-12-01"}, {"id": "cancelled", "date": "2027-02-01", "status": "cancelled"},
                  {"id": "running", "date": "2027-01-10", "end": "2027-01-20"}, {"id": "later", "date": "2027-06"})
    assert next_event(net, date(2027, 1, 15)).id == "running"
    assert next_event(net, date(2027, 1, 21)).id == "later"
    assert next_event(net, date(2027, 7, 1)) is None
