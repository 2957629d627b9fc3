"""Strict, line-aware YAML loading through ruamel.yaml's public API (YAML 1.2).

The one YAML reader for data files, data/labels.yml and the front matter of Markdown pages.
`YAML(typ="safe").parse()` gives the parser's events (libyaml's C parser where ruamel.yaml.clib is
installed), which carry the line of every value and every tag, anchor, alias and document written
in the file. This module builds plain dicts, lists and scalars from them and reports what a file
must not contain; an unquoted value's type comes from ruamel's YAML 1.2 resolver (`YAML.resolver`)
and its value from ruamel's safe constructor (`YAML.constructor`), so no tag can create an object.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import ScalarNode

from .problems import Problem

Path_ = tuple[str | int, ...]

# A plain scalar such as 12:30 that YAML 1.1 tools (PyYAML, many editors) read as a base-60 number.
SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
# Front matter: a first line ---, the YAML, a closing --- or ... line.
FRONT_MATTER = re.compile(r"\A(---[ \t]*\r?\n)(.*?\r?\n)?((?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S)

TAG = "tag:yaml.org,2002:"
# How deep lists and mappings may nest. The data needs a handful of levels; a hostile file nested
# thousands of levels deep gets one problem at its line instead of exhausting Python's stack.
MAX_DEPTH = 20
# Words for what YAML turned an unquoted value into, by resolved tag; only these are constructed.
KIND_WORDS = {
    "int": "a number",
    "float": "a number",
    "bool": "a true/false value",
    "null": "an empty value",
    "timestamp": "a date",
}


class BadTimestamp:
    """A plain scalar that looks like a date or time but is not a real one (e.g. 2024-02-30)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def __repr__(self) -> str:
        return f"BadTimestamp({self.raw!r})"


@dataclass(frozen=True)
class Scalar:
    """Where a scalar was written and how: its line, its text as typed, its resolved tag."""

    line: int
    raw: str
    tag: str
    plain: bool

    @property
    def kind(self) -> str | None:
        """What YAML made of an unquoted value ('a number', 'a date'...), None for text."""
        if not self.plain:
            return None
        return KIND_WORDS.get(self.tag.removeprefix(TAG))


@dataclass
class Loaded:
    """One YAML text: its data as plain Python, the line of every path, and the problems found."""

    file: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    scalars: dict[Path_, Scalar] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    first_line: str = ""

    def line_of(self, path: Path_) -> int:
        """Line of a path, or of its nearest written parent (for a missing key), else 1."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def add(self, line: int, path: Path_ | str, message: str) -> None:
        """Record a problem at a line; path may be a tuple or an already formatted field name."""
        name = path if isinstance(path, str) else format_path(path)
        self.problems.append(Problem(self.file, line, name, message))


def format_path(path: Path_) -> str:
    """('contacts', 0, 'email') -> 'contacts[0].email'; the empty path is '(file)'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def load_file(path: Path, rel: str) -> Loaded:
    """Read and check one YAML file; rel is the name used in messages (relative to the repo)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        out = Loaded(rel)
        out.add(1, "(file)", f"is not UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return out
    return load_text(text, rel)


def load_text(text: str, rel: str) -> Loaded:
    """Check the YAML text of a data file strictly and build plain Python data with line numbers."""
    out, found = _load(text, rel, 0)
    if not found and not out.problems:
        out.add(1, "(file)", "is empty; fill in the fields (see data/README.md)")
    return out


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, 1-based file line of the first YAML line)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(2) or "", text[match.end():], 2


def load_front_matter(text: str, rel: str) -> Loaded | None:
    """The front matter of a Markdown text, checked like a data file (None without front matter).

    Lines are those of the Markdown file; an empty front matter gives {}.
    """
    yaml_text, _body, first_line = split_front_matter(text)
    if yaml_text is None:
        return None
    out, found = _load(yaml_text, rel, first_line - 1)
    if not found and not out.problems:
        out.data = {}
    return out


def _load(text: str, rel: str, offset: int) -> tuple[Loaded, bool]:
    """Loaded data of a YAML text whose line 1 is file line offset + 1; and whether it has a document."""
    out = Loaded(rel, first_line=text.split("\n", 1)[0].rstrip("\r"))
    if _check_tabs(text, out, offset):
        return out, False
    try:
        events = list(_yaml().parse(io.StringIO(text)))
    except YAMLError as exc:
        _add_parse_error(exc, out, offset)
        return out, False
    return out, _Builder(out, offset).document(iter(events))


@cache
def _yaml() -> YAML:
    """The process's one safe YAML 1.2 parser, made once and used for every text (as ruamel advises)."""
    yaml = YAML(typ="safe")  # libyaml's C parser where ruamel.yaml.clib is installed
    yaml.version = (1, 2)
    return yaml


@cache
def _types() -> YAML:
    """A second one that never parses: its resolver and constructor stay at YAML 1.2 whatever a
    file's %YAML directive told the parser (that directive is reported as a problem)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    return yaml


@lru_cache(maxsize=4096)
def _resolve(raw: str) -> str:
    """The tag ruamel's YAML 1.2 resolver gives an unquoted scalar (e.g. tag:yaml.org,2002:int)."""
    return str(_types().resolver.resolve(ScalarNode, raw, (True, False)))


@lru_cache(maxsize=4096)
def _construct(tag: str, raw: str) -> Any:
    """The value ruamel's safe constructor makes of an unquoted scalar of a core tag (int, date...).

    Cached by text, so the constructor's own memo of constructed nodes stays small.
    """
    try:
        return _types().constructor.construct_object(ScalarNode(tag, raw))
    except (ValueError, YAMLError):
        # a date that does not exist (2024-02-30); other kinds cannot fail once resolved
        return BadTimestamp(raw) if tag == TAG + "timestamp" else raw


def _check_tabs(text: str, out: Loaded, offset: int) -> bool:
    """Report every line indented with a tab (YAML forbids it); True if any was found."""
    found = False
    for number, line in enumerate(text.splitlines(), start=1 + offset):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.add(number, "(indentation)", "line is indented with a tab; indent with spaces only")
            found = True
    return found


def _add_parse_error(exc: YAMLError, out: Loaded, offset: int) -> None:
    """Turn a ruamel parse error into one problem at its line, in plain words."""
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    if mark is None or "end of stream" in what:  # e.g. an unclosed quote: show where it opened
        mark = getattr(exc, "context_mark", None) or mark
    line = mark.line + 1 + offset if mark is not None else 1 + offset
    out.add(line, "(yaml)", f"YAML cannot read this line ({what}); "
            "check the indentation, the colon after each field name, and matching quotes")


class _Builder:
    """Builds plain Python values from parser events, recording lines and YAML problems."""

    def __init__(self, out: Loaded, offset: int) -> None:
        self.out = out
        self.offset = offset

    def line(self, event: Event) -> int:
        """1-based file line where an event starts."""
        return int(event.start_mark.line) + 1 + self.offset

    def document(self, events: Iterator[Event]) -> bool:
        """Build the first document into out.data; report directives and further documents."""
        documents = 0
        for event in events:
            if not isinstance(event, DocumentStartEvent):
                continue
            documents += 1
            if documents == 2:
                self.out.add(self.line(event), "(file)", "a second YAML document starts here (---); "
                             "keep exactly one document per file and remove the extra ---")
            if event.version:
                self.out.add(self.line(event), "(file)",
                             "remove the %YAML directive; files are read as YAML 1.2")
            root = next(events)
            if documents == 1:
                self.out.lines[()] = self.line(root)
                self.out.data = self.value(root, events, ())
            else:
                _skip(root, events)
        return documents > 0

    def value(self, event: Event, events: Iterator[Event], path: Path_) -> Any:
        """Value of the node starting at event; aliases, anchors and tags are reported."""
        line = self.line(event)
        if isinstance(event, AliasEvent):
            self.out.lines[path] = line
            self.out.add(line, path, f"aliases (*{event.anchor}) are not allowed; "
                         "write the value out in full")
            return None
        assert isinstance(event, NodeEvent)
        if self.marks(event, path):
            _skip(event, events)
            return None
        if isinstance(event, CollectionStartEvent) and len(path) >= MAX_DEPTH:
            self.out.add(line, _field(path), f"lists and fields are nested more than {MAX_DEPTH} levels "
                         "deep here; the data never needs this: check the brackets and the indentation")
            _skip(event, events)
            return None
        if isinstance(event, MappingStartEvent):
            return self.mapping(events, path)
        if isinstance(event, CollectionStartEvent):
            return self.sequence(events, path)
        assert isinstance(event, ScalarEvent)
        return self.scalar(event, path)

    def marks(self, event: NodeEvent, path: Path_) -> bool:
        """Report an anchor (&name) and an explicit tag (!!str, !x); True if there is a tag."""
        line = self.line(event)
        if event.anchor is not None:
            self.out.add(line, path, f"anchors (&{event.anchor}) are not allowed; "
                         "write the value out in full and remove the &name")
        tag = getattr(event, "tag", None)  # only tags written in the file: resolving comes later
        if tag is not None:
            self.out.add(line, path, f"the YAML tag {_tag_text(str(tag))} is not allowed; "
                         "remove it and write a plain value")
        return tag is not None

    def sequence(self, events: Iterator[Event], path: Path_) -> list[Any]:
        """The items of a sequence, each with its line."""
        items: list[Any] = []
        for event in events:
            if isinstance(event, CollectionEndEvent):
                break
            item = path + (len(items),)
            self.out.lines[item] = self.line(event)
            items.append(self.value(event, events, item))
        return items

    def mapping(self, events: Iterator[Event], path: Path_) -> dict[str, Any]:
        """A mapping with text keys; duplicate keys, merge keys (<<) and odd keys are problems."""
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key in events:
            if isinstance(key, CollectionEndEvent):
                break
            line = self.line(key)
            if not isinstance(key, ScalarEvent) or self.marks(key, path + (str(key.value),)):
                if not isinstance(key, ScalarEvent):
                    self.out.add(line, path, "a field name must be a plain word followed by a colon")
                _skip(key, events)
                _skip(next(events), events)
                continue
            value = next(events)
            name = str(key.value)
            if name == "<<" and not key.style and _resolve(name).endswith(":merge"):
                self.out.add(line, path + (name,), "merge keys (<<) are not allowed; "
                             "write the fields out in full")
                _skip(value, events)
                continue
            if name in first_line:
                self.out.add(line, path + (name,), f"appears twice (first on line "
                             f"{first_line[name]}); keep only one of them")
                _skip(value, events)
                continue
            first_line[name] = line
            self.out.lines[path + (name,)] = line
            result[name] = self.value(value, events, path + (name,))
        return result

    def scalar(self, event: ScalarEvent, path: Path_) -> Any:
        """Record a scalar's raw text and resolved tag, and return its YAML 1.2 value."""
        raw = str(event.value)
        plain = not event.style  # None from ruamel's parser, '' from libyaml's
        tag = _resolve(raw) if plain else TAG + "str"
        line = self.line(event)
        self.out.scalars[path] = Scalar(line, raw, tag, plain)
        if plain and tag == TAG + "str" and SEXAGESIMAL.match(raw):
            self.out.add(line, path, f"some YAML tools read {raw} as a number, not text; "
                         f'put it in quotes: "{raw}"')
        if not plain or tag.removeprefix(TAG) not in KIND_WORDS:
            return raw
        return _construct(tag, raw)


def _field(path: Path_) -> Path_:
    """The field a reader wrote, for a problem deep inside it: the first three steps of the path
    without the list positions that follow ('name.en' for name.en[0][0][0]...)."""
    short = path[:3]
    while short and isinstance(short[-1], int):
        short = short[:-1]
    return short


def _skip(event: Event, events: Iterator[Event]) -> None:
    """Consume the rest of the node that starts at event (nothing more for a scalar or alias)."""
    depth = 1 if isinstance(event, CollectionStartEvent) else 0
    while depth:
        following = next(events)
        if isinstance(following, CollectionStartEvent):
            depth += 1
        elif isinstance(following, CollectionEndEvent):
            depth -= 1


def _tag_text(tag: str) -> str:
    """A tag as a secretariat would have typed it (!!python/object rather than the URI)."""
    return "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag
