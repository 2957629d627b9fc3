"""A copy of the repository with one more resource (in two languages) and an upcoming ATN event."""
from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import ROOT

TODAY = "2027-01-15"  # KB_TODAY of the fixture builds: the event below is upcoming
RESOURCE_ID = "fixture-handbook"
RESOURCE = """\
# yaml-language-server: $schema=../schema/resource.schema.json
id: fixture-handbook
title: "Manuel d’essai pour les réseaux"
title_language: fr
languages: [fr, es]
publisher:
  en: Example Publisher
date: 2025-03-14
type: training
networks: [atn]
url: https://www.example.org/handbook
summary:
  en: "A test handbook for the library."
  fr: "Un manuel d’essai pour la bibliothèque."
  es: "Un manual de prueba para la biblioteca."
  ar: "دليل تجريبي للمكتبة."
source: https://www.example.org/handbook
"""
EVENT_ID = "atn-meeting-fixture"
TITLES = {"en": "ATN meeting: planning, reviews; next steps",
          "fr": "Réunion de l’ATN : planification, bilans ; suites",
          "es": "Reunión de la ATN: planificación, balances; próximos pasos",
          "ar": "اجتماع الشبكة: التخطيط، والمراجعات؛ الخطوات التالية"}
EVENT = f"""\
  - id: {EVENT_ID}
    kind: meeting
    date: 2027-05-04
    end: 2027-05-06
    status: planned
    place:
      city:
        en: Lisbon
        fr: Lisbonne
        es: Lisboa
        ar: لشبونة
      country: PT
    attendance: in-person
    title:
""" + "".join(f"      {lang}: \"{text}\"\n" for lang, text in TITLES.items()) + """\
    source: https://www.example.org/atn-meeting
"""


# The project in `root`: config, hooks, templates, pages and data of the repository, plus the fixtures.
def make_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "data" / "resources" / f"{RESOURCE_ID}.yml").write_text(RESOURCE, encoding="utf-8")
    network = root / "data" / "networks" / "atn.yml"
    text = network.read_text(encoding="utf-8")
    assert "\nmembers:\n" in text
    network.write_text(text.replace("\nmembers:\n", "\n" + EVENT + "members:\n", 1), encoding="utf-8")
    return root
