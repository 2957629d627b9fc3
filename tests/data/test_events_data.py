"""A network's events (its history): dated as precisely as the source, each with a source on the
publisher's own https:// site; mistakes named with file, line and field."""
from __future__ import annotations

from conftest import NET_HEAD, Repo, org

N = "data/networks/net.yml"


def network(events: str, id_: str = "net") -> str:
    """A valid network whose events: block starts on line 13 (first event's id on line 14)."""
    return NET_HEAD + f"""\
id: {id_}
acronym: NET
name:
  en: Test Network
founded: 2004
region: europe
members:
  - organisation: test-red-cross
    roles: [member]
sources:
  - https://www.example.org/
events:
""" + events


def event(id_: str = "net-created", *, date: str = "2004", extra: str = "",
          source: str | None = "https://www.example.org/history") -> str:
    """One event: id +0, kind +1, date +2, title +3 (en +4), then extra lines, then source."""
    text = (f"  - id: {id_}\n    kind: creation\n    date: {date}\n    title:\n      en: Created\n" + extra)
    return text + (f"    source: {source}\n" if source is not None else "")


def setup(repo: Repo, *events: str) -> list[str]:
    repo.org("test-red-cross", org())
    repo.net("net", network("".join(events)))
    return repo.problems()


def test_valid_events_with_year_month_day_and_range_load(repo: Repo) -> None:
    assert setup(repo, event(), event("net-meeting", date="2019-06-20",
                                      extra="    end: 2019-06-21\n    place:\n      country: BE\n"
                                            "    attendance: in-person\n"),
                 event("net-plan", date="2024-05", extra="    status: planned\n")) == []
    events = repo.load().networks["net"].events
    assert [(e.date, e.end) for e in events] == [("2004", None), ("2019-06-20", "2019-06-21"), ("2024-05", None)]


def test_an_event_without_a_source_fails_with_file_line_and_field(repo: Repo) -> None:
    assert setup(repo, event(source=None)) == [
        f"{N}:14: events[0].source: is missing; add source: with the https:// address of the "
        "publisher's page that reports this"]


def test_an_event_sourced_from_a_mirror_or_by_file_name_fails(repo: Repo) -> None:
    problems = setup(repo, event(source="https://pdfslide.us/documents/report.html"),
                     event("net-two", source="000_d097e74188e04625.txt"))
    assert problems[0] == (f"{N}:19: events[0].source: pdfslide.us is a document-mirror site, not the "
                           "publisher; cite the publisher's own https:// address (the organisation that "
                           "issued the document)")
    assert problems[1].startswith(f"{N}:25: events[1].source: give the public https:// address")
    assert len(problems) == 2


def test_dates_ranges_and_kinds_are_checked(repo: Repo) -> None:
    problems = setup(repo,
                     event(date="2018-13"),
                     event("net-b", date="2018-06", extra="    end: 2018-06-21\n"),
                     event("net-c", date="2019", extra="    end: 2018\n"),
                     event("net-d").replace("kind: creation", "kind: party"))
    assert problems == [
        f"{N}:16: events[0].date: '2018-13' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
        f"{N}:25: events[1].end: write end: like date: (2018-06 has month precision, 2018-06-21 has day "
        "precision)",
        f"{N}:32: events[2].end: 2018 is not after 2019; end: is the last year, month or day of the event",
        f"{N}:35: events[3].kind: 'party' is not allowed here; use 'creation', 'meeting', 'conference', "
        "'pledge', 'evaluation', 'publication' or 'training'"]


def test_event_ids_are_unique_across_networks(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network(event()))
    repo.net("other", network(event(), id_="other"))
    assert repo.problems() == [
        "data/networks/other.yml:14: events[0].id: 'net-created' is already used by the event at "
        f"{N}:14; give each event its own id"]


def test_a_place_needs_a_city_or_a_country(repo: Repo) -> None:
    assert setup(repo, event(extra="    place:\n      city:\n        en: Brussels\n"),
                 event("net-b", extra="    place: {}\n")) == [
        f"{N}:28: events[1].place.country: a place needs a country: (ISO code) or a city: (or both); remove "
        "place: if the source does not say where"]


def test_a_missing_title_translation_is_a_notice_not_an_error(repo: Repo) -> None:
    setup(repo, event())
    notices = [str(n) for n in repo.load().notices]
    assert f"{N}:17: events[0].title: no translation in French (fr), Spanish (es), Arabic (ar); those " \
           "pages show the English text" in notices


def test_titles_and_notes_have_length_bounds(repo: Repo) -> None:
    """An event title stops at 300 characters and a note at 2,000 (a 2,000-character note passes)."""
    repo.org("test-red-cross", org())
    long_title = event().replace("      en: Created\n", "      en: " + "T" * 301 + "\n")
    long_note = event("net-met", extra="    note:\n      en: " + "x" * 2001 + "\n      fr: " + "y" * 2000 + "\n")
    repo.net("net", network(long_title + long_note))
    assert repo.problems() == [
        f"{N}:18: events[0].title.en: is 301 characters long; a title has at most 300 characters: shorten it",
        f"{N}:26: events[1].note.en: is 2,001 characters long; a text has at most 2,000 characters: shorten it"]
