"""The library's data: the shipped resources are sourced; each kind of bad entry fails with its
exact message, file and line (the same loader as make check-data and the build)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kb.catalogue import DataError, load_catalogue
from kb.fields import MIRROR_HOSTS, UNKNOWN
from kb.models import LANGUAGES

from sitebuild import ROOT

TODAY = date(2026, 6, 1)
F = "data/resources/doc.yml"


def test_the_shipped_library_holds_at_least_ten_sourced_resources() -> None:
    resources = load_catalogue(ROOT, TODAY).resources
    assert len(resources) >= 10
    for resource in resources.values():
        for address in (resource.url, resource.source):
            host = urlsplit(address).hostname or ""
            assert address.startswith("https://"), address
            assert not any(host == m or host.endswith("." + m) for m in MIRROR_HOSTS), address
        assert all(resource.summary.get(lang) for lang in LANGUAGES)
        assert resource.title_language in resource.languages
        assert resource.date != UNKNOWN or resource.note is not None, resource.id
    assert {r.type.value for r in resources.values()} >= {"guidance", "policy", "pledge", "report", "training"}


def test_no_shipped_resource_names_a_person_or_an_email_address() -> None:
    for path in sorted((ROOT / "data" / "resources").glob("*.yml")):
        assert "@" not in path.read_text(encoding="utf-8"), path


GOOD = """\
# yaml-language-server: $schema=../schema/resource.schema.json
id: doc
title: A document
title_language: en
languages: [en, fr]
publisher:
  en: Example Publisher
date: 2020-05
type: report
networks: [apmn]
url: https://www.example.org/doc
summary:
  en: One sentence.
  fr: Une phrase.
  es: Una frase.
  ar: جملة واحدة.
source: https://www.example.org/doc
"""
NETWORK = """\
# yaml-language-server: $schema=../schema/network.schema.json
id: {id}
acronym: {acronym}
name:
  en: Test network
founded: 2004
region: europe
members:
  - organisation: test-red-cross
    roles: [member]
sources:
  - https://www.example.org/
"""
ORG = """\
# yaml-language-server: $schema=../schema/organisation.schema.json
id: test-red-cross
kind: national-society
country: AU
name:
  en: Test Red Cross
sources:
  - https://www.example.org/
"""


def problems(tmp_path: Path, resource: str) -> list[str]:
    """What the loader says about a repository with two networks and this resource file."""
    for rel, text in (("data/organisations/test-red-cross.yml", ORG),
                      ("data/networks/apmn.yml", NETWORK.format(id="apmn", acronym="APMN")),
                      ("data/networks/atn.yml", NETWORK.format(id="atn", acronym="ATN")),
                      (F, resource)):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    try:
        load_catalogue(tmp_path, TODAY)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_a_valid_resource_loads(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD) == []
    assert load_catalogue(tmp_path, TODAY).resources["doc"].languages == ["en", "fr"]


@pytest.mark.parametrize(("change", "expected"), [
    (("url: https://www.example.org/doc", "url: https://www.yumpu.com/en/document/view/1/doc"),
     f"{F}:11: url: yumpu.com is a document-mirror site, not the publisher; cite the publisher's own "
     "https:// address (the organisation that issued the document)"),
    (("url: https://www.example.org/doc", "url: https://fr.scribd.com/document/1/doc"),
     f"{F}:11: url: scribd.com is a document-mirror site, not the publisher; cite the publisher's own "
     "https:// address (the organisation that issued the document)"),
    (("url: https://www.example.org/doc", "url: http://www.example.org/doc"),
     f"{F}:11: url: use the secure address starting with https:// instead of http://"),
    (("date: 2020-05\n", ""),
     f"{F}:2: date: is missing; add date: with the publication date as the source gives it "
     "(YYYY, YYYY-MM or YYYY-MM-DD), or date: unknown with a note: saying that the source gives no date"),
    (("date: 2020-05", "date: unknown"),
     f"{F}:8: date: is unknown: add a note: saying that the source gives no date (or write the date as "
     "YYYY, YYYY-MM or YYYY-MM-DD)"),
    (("networks: [apmn]", "networks: [apmn, nope]"),
     f"{F}:10: networks[1]: there is no network 'nope'; use apmn or atn (the file names in data/networks/)"),
    (("type: report", "type: leaflet"),
     f"{F}:9: type: 'leaflet' is not allowed here; use 'guidance', 'policy', 'pledge', 'report', "
     "'evaluation' or 'training'"),
    (("title_language: en", "title_language: es"),
     f"{F}:4: title_language: es is not in languages: (en, fr); the title is in a language the document "
     "exists in"),
])
def test_each_bad_entry_fails_with_its_message_file_and_line(tmp_path: Path, change: tuple[str, str],
                                                             expected: str) -> None:
    old, new = change
    assert old in GOOD
    assert problems(tmp_path, GOOD.replace(old, new)) == [expected]


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    bad = (GOOD.replace("url: https://www.example.org/doc", "url: http://www.example.org/doc")
           .replace("type: report", "type: leaflet").replace("networks: [apmn]", "networks: [nope]"))
    found = problems(tmp_path, bad)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in found] == [
        f"{F}:9: type", f"{F}:10: networks[0]", f"{F}:11: url"]
