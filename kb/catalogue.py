"""Load every file of data/, validate it, check across files, and hand out one Catalogue.

    from kb.catalogue import load_catalogue     # load_catalogue(repo_root); the hooks cache it per build

Errors are collected from all files and raised together as DataError; notices (stale contacts,
missing translations) never fail and are kept in Catalogue.notices.
"""
from __future__ import annotations

import difflib
import typing
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .fields import ID_RE
from .models import LANGUAGES, Glossary, Names, Network, Organisation, Resource, Texts, Visibility
from .problems import DataError, Notice, Problem
from .yamlload import Loaded, Path_, format_path, load_file

__all__ = ["Catalogue", "DataError", "Problem", "Notice", "load_catalogue",
           "data_fingerprint", "STALE_AFTER", "LANGUAGES"]


STALE_AFTER = timedelta(days=365)
FOLDERS: dict[str, type[BaseModel]] = {"organisations": Organisation, "networks": Network,
                                       "resources": Resource}
SINGLE_FILES: dict[str, type[BaseModel]] = {"glossary": Glossary}  # data/<name>.yml, optional
KINDS: dict[str, type[BaseModel]] = {**FOLDERS, **SINGLE_FILES}
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{name}.schema.json"
SINGLE_SCHEMA_LINE = "# yaml-language-server: $schema=schema/{name}.schema.json"
SCHEMA_NAMES = {"organisations": "organisation", "networks": "network", "resources": "resource",
                "glossary": "glossary"}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic"}
MISSING_HINTS = {
    "visibility": "is missing; add visibility: public (shown on the public website) "
                  "or visibility: network (only in the network edition)",
    "last_verified": "is missing; add last_verified: with the date you checked the contact "
                     "(YYYY-MM-DD)",
    "sources": "is missing; add sources: with at least one https:// link (one per line, '- ')",
    "source": "is missing; add source: with the https:// address of the publisher's page that "
              "reports this",
    "definition": "is missing; add definition: with a short definition on indented lines "
                  "en: ..., fr: ..., es: ..., ar: ...",
}
# Hints for a field of one model only (model class name, field).
MODEL_MISSING_HINTS = {
    ("Resource", "date"): "is missing; add date: with the publication date as the source gives it "
                          "(YYYY, YYYY-MM or YYYY-MM-DD), or date: unknown with a note: saying that "
                          "the source gives no date",
    ("Resource", "url"): "is missing; add url: with the https:// address of the document on its "
                         "publisher's own site",
}


@dataclass
class Catalogue:
    """Everything in data/: organisations and networks by id, notices, and each item's file."""

    root: Path
    organisations: dict[str, Organisation] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # "organisations/<id>" -> relative path
    glossary: Glossary | None = None  # data/glossary.yml, when the repository has one
    resources: dict[str, Resource] = field(default_factory=dict)  # data/resources/, the library

    def networks_of(self, organisation: str) -> list[Network]:
        """Networks an organisation belongs to, ordered by network id."""
        return [n for _, n in sorted(self.networks.items()) if n.member(organisation)]

    def for_edition(self, edition: str) -> Catalogue:
        """The data an edition may show: only 'network' keeps non-public contacts.

        Any other value (including a typo) gets the public view, so a mistake never leaks.
        """
        if edition == "network":
            return self
        views = self.__dict__.setdefault("_views", {})
        if "public" in views:
            return views["public"]
        orgs = {i: o.model_copy(update={"contacts": [c for c in o.contacts
                                                     if c.visibility is Visibility.PUBLIC]})
                for i, o in self.organisations.items()}
        views["public"] = Catalogue(self.root, orgs, dict(self.networks), list(self.notices), dict(self.files),
                                    self.glossary, dict(self.resources))
        return views["public"]


@dataclass
class _File:
    """One data file on its way through loading: where it is, what kind, what was read."""

    kind: str  # "organisations" or "networks"
    path: Path
    rel: str
    loaded: Loaded
    model: BaseModel | None = None

    @property
    def raw(self) -> dict[str, Any]:
        """The file's data as a mapping (empty if the file is not a mapping)."""
        return self.loaded.data if isinstance(self.loaded.data, dict) else {}

    @property
    def id(self) -> str:
        """The id written in the file, else the file name."""
        value = self.raw.get("id")
        return value if isinstance(value, str) else self.path.stem


def load_catalogue(root: Path, today: date | None = None) -> Catalogue:
    """Load root/data/, raising DataError with every problem of every file."""
    root = Path(root)
    today = today or date.today()
    problems: list[Problem] = []
    files = _read_files(root, problems)
    for item in files:
        problems += _validate(item)
    problems += _check_ids(files) + _check_memberships(files) + _check_facts(files)
    problems += _check_events(files) + _check_glossary(files) + _check_resources(files)
    problems += _check_dates(files, today)
    if problems:
        raise DataError(_dedupe(problems))
    return _build(root, files, today)


def _read_files(root: Path, problems: list[Problem]) -> list[_File]:
    """Every .yml file of data/organisations and data/networks, loaded strictly."""
    files: list[_File] = []
    for kind in SINGLE_FILES:
        path = root / "data" / f"{kind}.yml"
        if path.is_file():
            files.append(_File(kind, path, path.relative_to(root).as_posix(),
                               load_file(path, path.relative_to(root).as_posix())))
    for kind in FOLDERS:
        folder = root / "data" / kind
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            if path.name.startswith(".") or not path.is_file():
                continue
            if path.suffix == ".yaml":
                problems.append(Problem(rel, 1, "(file)", "rename the file to end in .yml"))
            elif path.suffix == ".yml":
                files.append(_File(kind, path, rel, load_file(path, rel)))
    return files


def _validate(item: _File) -> list[Problem]:
    """YAML problems, the schema comment, then the model's errors mapped to lines."""
    loaded = item.loaded
    problems = list(loaded.problems)
    line = SINGLE_SCHEMA_LINE if item.kind in SINGLE_FILES else SCHEMA_LINE
    expected = line.format(name=SCHEMA_NAMES[item.kind])
    if loaded.first_line != expected:
        problems.append(Problem(item.rel, 1, "(file)", f"the first line must be: {expected}"))
    if loaded.data is None:
        return problems
    if not isinstance(loaded.data, dict):
        problems.append(Problem(item.rel, loaded.line_of(()), "(file)",
                                "the file must hold fields written as name: value, one per line"))
        return problems
    model = KINDS[item.kind]
    try:
        item.model = model.model_validate(loaded.data)
    except ValidationError as exc:
        flagged = [p.field for p in loaded.problems]
        problems += [p for p in (_problem(loaded, model, e) for e in exc.errors(include_url=False))
                     if not _already_flagged(p.field, flagged)]
    return problems


def _already_flagged(name: str, flagged: list[str]) -> bool:
    """True if the YAML check already reported this field (or the value it sits in)."""
    return any(name == f or name.startswith(f + ".") or name.startswith(f + "[") for f in flagged)


def _problem(loaded: Loaded, model: type[BaseModel], error: Any) -> Problem:
    """One pydantic error as a Problem at the line of its field, in plain words."""
    loc: Path_ = tuple(error["loc"])
    if error["type"] == "kb_at":
        loc = loc + tuple(error["ctx"]["at"])
    message = _message(loaded, model, loc, error)
    return Problem(loaded.file, loaded.line_of(loc), format_path(loc), message)


def _message(loaded: Loaded, model: type[BaseModel], loc: Path_, error: Any) -> str:
    """Words for a secretariat: what is wrong and what to write instead."""
    kind = error["type"]
    scalar = loaded.scalars.get(loc)
    if kind in ("kb", "kb_at"):
        return str(error["ctx"]["message"])
    if kind == "missing":
        return _missing(model, loc)
    if kind == "extra_forbidden":
        return _unknown_field(model, loc)
    if kind == "enum":
        typed = _typed(scalar, error["input"])
        return f"'{typed}' is not allowed here; use {error['ctx']['expected']}"
    if kind == "string_type":
        return _not_text(scalar, error["input"])
    if kind in ("int_type", "int_parsing"):
        return "must be a whole number, written without quotes (like 35)"
    if kind == "greater_than_equal":
        return "must be 0 or more"
    if kind == "list_type":
        return "must be a list: put each entry on its own line starting with '- '"
    if kind == "too_short":
        return "needs at least one entry (a line starting with '- ')"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if loc and loc[-1] in ("name", "note", "title", "term", "definition", "city"):
            return "give the text per language on indented lines below, starting with en: ..."
        return "must be a block of fields (name: value lines indented below it)"
    return str(error["msg"])


def _missing(model: type[BaseModel], loc: Path_) -> str:
    """A missing field: a hint for the field, or the language a multilingual text lacks."""
    name = str(loc[-1])
    parent = _model_at(model, loc[:-1])
    if name in LANGUAGES and parent is not None and issubclass(parent, Texts):
        return (f"is missing; add {name}: with the {LANGUAGE_NAMES[name]} text (this text is "
                "needed in every language: en, fr, es and ar)")
    if parent is not None and (parent.__name__, name) in MODEL_MISSING_HINTS:
        return MODEL_MISSING_HINTS[(parent.__name__, name)]
    return MISSING_HINTS.get(name, f"is missing; add a line {name}: ...")


def _typed(scalar: Any, value: Any) -> str:
    """The value as the secretariat typed it, when known."""
    return scalar.raw if scalar is not None else str(value)


def _not_text(scalar: Any, value: Any) -> str:
    """Message for a non-text value where text is expected (unquoted number, date, yes/no)."""
    if scalar is not None and scalar.kind:
        raw = scalar.raw
        return f'YAML reads {raw} as {scalar.kind}, not text; put it in quotes: "{raw}"'
    if isinstance(value, (list, dict)):
        return "must be a single text value, not a list or a block"
    return "must be text"


def _unknown_field(model: type[BaseModel], loc: Path_) -> str:
    """'unknown field' with the nearest allowed name and the list of allowed names."""
    parent = _model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown field '{loc[-1]}'; {hint}allowed here: {', '.join(allowed)}"


def _model_at(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class describing the mapping at a path (list indexes are skipped)."""
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside list[X], X | None, Annotated[X, ...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _check_ids(files: list[_File]) -> list[Problem]:
    """Each id equals its file name and is used once per folder."""
    problems: list[Problem] = []
    first: dict[tuple[str, str], str] = {}
    for item in files:
        line = item.loaded.line_of(("id",))
        written = isinstance(item.raw.get("id"), str) and ID_RE.match(item.id)
        if written and item.id != item.path.stem:
            problems.append(Problem(item.rel, line, "id", f"is '{item.id}' but the file is named "
                                    f"{item.path.name}; make them the same "
                                    "(rename the file or change the id)"))
        key = (item.kind, item.id)
        if key in first:
            problems.append(Problem(item.rel, line, "id", f"'{item.id}' is already used by "
                                    f"{first[key]}; every file needs its own id"))
        first.setdefault(key, item.rel)
    return problems


def _check_memberships(files: list[_File]) -> list[Problem]:
    """Members name existing organisations, once each; at most one secretariat host per network."""
    known = {item.id for item in files if item.kind == "organisations"}
    problems: list[Problem] = []
    for item in (f for f in files if f.kind == "networks"):
        members = item.raw.get("members")
        seen: dict[str, int] = {}
        hosts: list[int] = []
        for index, member in enumerate(members if isinstance(members, list) else []):
            if not isinstance(member, dict):
                continue
            problems += _check_member(item, index, member, known, seen)
            roles = member.get("roles")
            if isinstance(roles, list) and "secretariat-host" in roles:
                hosts.append(index)
        for index in hosts[1:]:
            path = ("members", index, "roles")
            problems.append(Problem(item.rel, item.loaded.line_of(path), format_path(path),
                                    f"only one organisation can be secretariat-host; "
                                    f"{_org_of(item, hosts[0])} already is"))
    return problems


def _org_of(item: _File, index: int) -> str:
    """The organisation id of a membership, as written."""
    return str(item.raw["members"][index].get("organisation"))


def _check_member(item: _File, index: int, member: dict[str, Any], known: set[str],
                  seen: dict[str, int]) -> list[Problem]:
    """One membership: its organisation exists and appears only once in the network."""
    org = member.get("organisation")
    if not isinstance(org, str):
        return []
    path = ("members", index, "organisation")
    line = item.loaded.line_of(path)
    out: list[Problem] = []
    if org not in known:
        out.append(Problem(item.rel, line, format_path(path), f"there is no organisation '{org}'; "
                           f"add data/organisations/{org}.yml or correct the id"))
    if org in seen:
        out.append(Problem(item.rel, line, format_path(path), f"'{org}' is already listed "
                           f"(line {seen[org]}); list each organisation once with all its roles"))
    seen.setdefault(org, line)
    roles = member.get("roles")
    repeated = [r for r, n in Counter(r for r in roles if isinstance(r, str)).items() if n > 1] \
        if isinstance(roles, list) else []
    for role in repeated:
        out.append(Problem(item.rel, item.loaded.line_of(("members", index, "roles")),
                           format_path(("members", index, "roles")),
                           f"the role {role} is listed twice; keep it once"))
    return out


def _check_facts(files: list[_File]) -> list[Problem]:
    """The same figure (key and date) is not given twice in one network."""
    problems: list[Problem] = []
    for item in files:
        first: dict[tuple[str, str], int] = {}
        for index, fact in enumerate(getattr(item.model, "facts", [])):
            path = ("facts", index)
            line = item.loaded.line_of(path)
            key = (fact.key.value, fact.as_of or "")
            if key in first:
                when = fact.as_of or "(no date)"
                problems.append(Problem(item.rel, line, format_path(path), f"{fact.key.value} "
                                        f"as of {when} is already given on line {first[key]}; "
                                        "keep one"))
            first.setdefault(key, line)
    return problems


def _check_events(files: list[_File]) -> list[Problem]:
    """Event ids are unique across every network (they become anchors and calendar UIDs)."""
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for item in (f for f in files if f.kind == "networks"):
        for index, event in enumerate(getattr(item.model, "events", [])):
            path = ("events", index, "id")
            where = f"{item.rel}:{item.loaded.line_of(path)}"
            if event.id in first:
                problems.append(Problem(item.rel, item.loaded.line_of(path), format_path(path),
                                        f"'{event.id}' is already used by the event at {first[event.id]}; "
                                        "give each event its own id"))
            first.setdefault(event.id, where)
    return problems


def _check_resources(files: list[_File]) -> list[Problem]:
    """A resource names networks that exist (the file names in data/networks/), each once."""
    known = sorted(item.id for item in files if item.kind == "networks")
    problems: list[Problem] = []
    for item in (f for f in files if f.kind == "resources"):
        networks = item.raw.get("networks")
        seen: set[str] = set()
        for index, network in enumerate(networks if isinstance(networks, list) else []):
            if not isinstance(network, str):
                continue
            path = ("networks", index)
            line = item.loaded.line_of(path)
            if network not in known:
                choices = " or ".join(known) if known else "an id from data/networks/"
                problems.append(Problem(item.rel, line, format_path(path),
                                        f"there is no network '{network}'; use {choices} "
                                        "(the file names in data/networks/)"))
            elif network in seen:
                problems.append(Problem(item.rel, line, format_path(path),
                                        f"{network} is listed twice; keep it once"))
            seen.add(network)
    return problems


def _check_glossary(files: list[_File]) -> list[Problem]:
    """Term ids are unique, and no way of writing a term (in one language) belongs to two terms."""
    problems: list[Problem] = []
    for item in (f for f in files if f.kind == "glossary" and f.model is not None):
        ids: dict[str, int] = {}
        forms: dict[tuple[str, str], str] = {}
        terms = getattr(item.model, "terms", [])
        for index, term in enumerate(terms):
            line = item.loaded.line_of(("terms", index, "id"))
            if term.id in ids:
                problems.append(Problem(item.rel, line, format_path(("terms", index, "id")),
                                        f"'{term.id}' is already used on line {ids[term.id]}; "
                                        "every term needs its own id"))
            ids.setdefault(term.id, line)
            for lang in LANGUAGES:
                for form in term.forms(lang):
                    key = (lang, " ".join(form.casefold().replace("\u2019", "'").split()))
                    if key in forms and forms[key] != term.id:
                        path = ("terms", index, "term", lang)
                        problems.append(Problem(item.rel, item.loaded.line_of(path), format_path(path),
                                                f"'{form}' is also a form of the term "
                                                f"'{forms[key]}'; a text can belong to one term only"))
                    forms.setdefault(key, term.id)
    return problems


def _check_dates(files: list[_File], today: date) -> list[Problem]:
    """A contact cannot have been verified in the future."""
    problems: list[Problem] = []
    for item in files:
        for index, contact in enumerate(getattr(item.model, "contacts", [])):
            if contact.last_verified > today:
                path = ("contacts", index, "last_verified")
                problems.append(Problem(item.rel, item.loaded.line_of(path), format_path(path),
                                        f"{contact.last_verified} is in the future; "
                                        "write the date you checked the contact"))
    return problems


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """Drop exact repeats, keep order."""
    return list(dict.fromkeys(problems))


def _build(root: Path, files: list[_File], today: date) -> Catalogue:
    """The Catalogue of valid files, with stale-contact and translation notices."""
    cat = Catalogue(root)
    for item in files:
        if item.kind == "glossary":
            cat.glossary = item.model  # type: ignore[assignment]
            cat.files["glossary"] = item.rel
            continue
        folders: dict[str, dict[str, Any]] = {"organisations": cat.organisations, "networks": cat.networks,
                                              "resources": cat.resources}
        target = folders[item.kind]
        target[item.id] = item.model
        cat.files[f"{item.kind}/{item.id}"] = item.rel
        cat.notices += _stale_notices(item, today) + _translation_notices(item)
    return cat


def _stale_notices(item: _File, today: date) -> list[Notice]:
    """Contacts last verified more than a year ago."""
    notices: list[Notice] = []
    for index, contact in enumerate(getattr(item.model, "contacts", [])):
        if today - contact.last_verified > STALE_AFTER:
            path = ("contacts", index, "last_verified")
            notices.append(Notice(item.rel, item.loaded.line_of(path), format_path(path),
                                  f"last verified on {contact.last_verified}, more than a year "
                                  "ago; check the contact and update the date"))
    return notices


def _translation_notices(item: _File) -> list[Notice]:
    """Names and notes without a translation in some language."""
    notices: list[Notice] = []
    for path, names in _texts(item.model):
        missing = names.missing()
        if missing:
            words = ", ".join(f"{LANGUAGE_NAMES[lang]} ({lang})" for lang in missing)
            notices.append(Notice(item.rel, item.loaded.line_of(path), format_path(path),
                                  f"no translation in {words}; those pages show the English text"))
    return notices


def _texts(model: BaseModel | None) -> list[tuple[Path_, Names]]:
    """Every multilingual text of a model with its path: name, and each fact's note."""
    found: list[tuple[Path_, Names]] = []
    if model is None:
        return found
    for key in ("name", "publisher", "note"):
        if isinstance(getattr(model, key, None), Names):
            found.append(((key,), getattr(model, key)))
    for index, fact in enumerate(getattr(model, "facts", [])):
        if fact.note is not None:
            found.append((("facts", index, "note"), fact.note))
    for index, event in enumerate(getattr(model, "events", [])):
        for key in ("title", "note"):
            if getattr(event, key) is not None:
                found.append((("events", index, key), getattr(event, key)))
        if event.place is not None and event.place.city is not None:
            found.append((("events", index, "place", "city"), event.place.city))
    return found


def data_fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Paths, modification times and sizes of the data files: changes when any file changes."""
    out = []
    for kind in SINGLE_FILES:
        path = Path(root) / "data" / f"{kind}.yml"
        if path.is_file():
            stat = path.stat()
            out.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    for kind in FOLDERS:
        folder = Path(root) / "data" / kind
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            stat = path.stat()
            out.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(out)
