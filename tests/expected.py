"""Expected values read straight from the project's files, independently of the code under test:
interface words from data/labels.yml and data files with ruamel.yaml (never through kb.labels or
kb.catalogue), the quick exit's neutral pages from mkdocs.yml."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML

from sitebuild import ROOT


# A YAML file as plain data (ruamel's safe loader, no kb code).
@cache
def read_yaml(path: Path) -> dict:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


# An interface word of data/labels.yml in a language (root: another project's copy).
def label(key: str, lang: str, root: Path = ROOT) -> str:
    return read_yaml(root / "data" / "labels.yml")[key][lang]


# A data file of data/ (e.g. "organisations/australian-red-cross.yml") as plain data.
def data(rel: str, root: Path = ROOT) -> dict:
    return read_yaml(root / "data" / rel)


# The name of an organisation in a language as its file writes it (English where none is written).
def org_name(org_id: str, lang: str, root: Path = ROOT) -> str:
    names = data(f"organisations/{org_id}.yml", root)["name"]
    return names.get(lang) or names["en"]


# The ids of a network's members holding a role, in file order.
def with_role(network: str, role: str, root: Path = ROOT) -> list[str]:
    return [m["organisation"] for m in data(f"networks/{network}.yml", root)["members"] if role in m["roles"]]


# The neutral page of one language (mkdocs.yml gives one per language, or one for all); the file
# uses !ENV tags, so only its quick_exit block is read.
def neutral_url(lang: str = "en") -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  quick_exit:\n((?:    .*\n)+)", text, re.M)
    url = YAML(typ="safe", pure=True).load(block.group(1))["url"]
    return url[lang] if isinstance(url, dict) else url


# The glossary's terms by id, as the file writes them: term[lang], also[lang], definition[lang], sources.
def glossary_terms(root: Path = ROOT) -> dict[str, dict]:
    return {t["id"]: t for t in read_yaml(root / "data" / "glossary.yml")["terms"]}


# Every way a term is written in a language: the term first, then its other forms.
def term_forms(term: dict, lang: str) -> list[str]:
    return [term["term"][lang], *(term.get("also") or {}).get(lang, [])]


# The countries (lower-case ISO codes) of every organisation file that has one.
def organisation_countries(root: Path = ROOT) -> set[str]:
    return {str(d["country"]).lower() for f in sorted((root / "data" / "organisations").glob("*.yml"))
            if (d := read_yaml(f)).get("country")}
