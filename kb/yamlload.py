"""Strict, line-aware YAML loading (ruamel.yaml, YAML 1.2, no object construction).

The file is parsed into events (to see tags, anchors, aliases and documents) and composed into
nodes (to know the line of every key and item). Plain Python values are then built from the nodes
by this module itself, so no YAML tag can ever create an arbitrary object.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

Path_ = tuple[str | int, ...]

# A plain scalar such as 12:30 that YAML 1.1 tools (PyYAML, many editors) read as a base-60 number.
SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")

TAG = "tag:yaml.org,2002:"
# Words for what YAML turned an unquoted value into, by resolved tag.
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
    """One YAML file: its data as plain Python, the line of every path, and the problems found."""

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


def _yaml() -> YAML:
    """A pure-Python ruamel loader fixed to YAML 1.2 (its composer and 1.2 resolver build the nodes)."""
    y = YAML(typ="safe", pure=True)
    y.version = (1, 2)
    return y


def _parser() -> YAML:
    """The same parser with libyaml's C scanner where ruamel.yaml.clib is installed (8x faster)."""
    y = YAML(typ="safe")
    y.version = (1, 2)
    return y


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
    """Check YAML text strictly and build plain Python data with line numbers."""
    out = Loaded(rel, first_line=text.split("\n", 1)[0].rstrip("\r"))
    if _check_tabs(text, out):
        return out
    try:
        events = list(_parser().parse(io.StringIO(text)))
        marks = _scan_events(events, out)
        docs = _compose_all(events)
    except YAMLError as exc:
        _add_parse_error(exc, out)
        return out
    if not docs or docs[0] is None:
        out.add(1, "(file)", "is empty; fill in the fields (see data/README.md)")
        return out
    out.lines[()] = docs[0].start_mark.line + 1
    out.data = _Builder(out, marks).build(docs[0], ())
    return out


def _check_tabs(text: str, out: Loaded) -> bool:
    """Report every line indented with a tab (YAML forbids it); True if any was found."""
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.add(number, "(indentation)", "line is indented with a tab; indent with spaces only")
            found = True
    return found


@dataclass
class _Marks:
    """Positions (line, column) of explicit tags and anchors, and lines of aliases in order."""

    tags: dict[tuple[int, int], str] = field(default_factory=dict)
    anchors: dict[tuple[int, int], str] = field(default_factory=dict)
    aliases: list[tuple[int, str]] = field(default_factory=list)


class _Replay:
    """Serves recorded parser events to ruamel's composer, so each file is scanned only once."""

    def __init__(self, events: list) -> None:
        self.events = events
        self.index = 0

    def check_event(self, *choices: type) -> bool:
        """True if an event is left (of one of the given classes, when any are given)."""
        if self.index >= len(self.events):
            return False
        return not choices or isinstance(self.events[self.index], choices)

    def peek_event(self) -> Any:
        """The next event, left in place."""
        return self.events[self.index]

    def get_event(self) -> Any:
        """The next event, consumed."""
        self.index += 1
        return self.events[self.index - 1]

    def dispose(self) -> None:
        """Nothing to release."""


def _compose_all(events: list) -> list[Node]:
    """Nodes of every document, composed by ruamel (YAML 1.2 resolver) from recorded events."""
    loader = _yaml()
    loader._parser = _Replay(events)
    composer = loader.composer
    docs = []
    while composer.check_node():
        docs.append(composer.get_node())
    return docs


def _scan_events(events: list, out: Loaded) -> _Marks:
    """Walk parser events: note tags, anchors and aliases; report extra documents and directives."""
    marks = _Marks()
    documents = 0
    for event in events:
        pos = (event.start_mark.line, event.start_mark.column)
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents == 2:
                out.add(pos[0] + 1, "(file)", "a second YAML document starts here (---); "
                        "keep exactly one document per file and remove the extra ---")
            if getattr(event, "version", None):
                out.add(pos[0] + 1, "(file)",
                        "remove the %YAML directive; files are read as YAML 1.2")
        elif isinstance(event, AliasEvent):
            marks.aliases.append((pos[0] + 1, str(event.anchor)))
        elif isinstance(event, NodeEvent):
            if event.anchor is not None:
                marks.anchors[pos] = str(event.anchor)
            if _explicit_tag(event):
                marks.tags[pos] = str(event.tag)
    return marks


def _explicit_tag(event: NodeEvent) -> bool:
    """True if the value carries a tag written in the file (e.g. !!python/object, !!str, !x)."""
    return isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag is not None


def _add_parse_error(exc: YAMLError, out: Loaded) -> None:
    """Turn a ruamel parse error into one problem at its line, in plain words."""
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    if mark is None or "end of stream" in what:  # e.g. an unclosed quote: show where it opened
        mark = getattr(exc, "context_mark", None) or mark
    line = mark.line + 1 if mark is not None else 1
    out.add(line, "(yaml)", f"YAML cannot read this line ({what}); "
            "check the indentation, the colon after each field name, and matching quotes")


class _Builder:
    """Builds plain Python values from composed nodes, recording lines and YAML problems."""

    def __init__(self, out: Loaded, marks: _Marks) -> None:
        self.out = out
        self.marks = marks
        self.seen: set[int] = set()
        self.alias_index = 0

    def build(self, node: Node, path: Path_) -> Any:
        """Value of a node at a path; aliases, anchors and tags are reported, never followed."""
        if id(node) in self.seen:
            return self._alias(path)
        self.seen.add(id(node))
        pos = (node.start_mark.line, node.start_mark.column)
        if pos in self.marks.anchors:
            self.out.add(pos[0] + 1, path, f"anchors (&{self.marks.anchors[pos]}) are not allowed; "
                         "write the value out in full and remove the &name")
        if pos in self.marks.tags:
            self.out.add(pos[0] + 1, path, f"the YAML tag {self._tag_text(pos)} is not allowed; "
                         "remove it and write a plain value")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self._item(i, item, path) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _tag_text(self, pos: tuple[int, int]) -> str:
        """A tag as a secretariat would have typed it (!!python/object rather than the URI)."""
        tag = self.marks.tags[pos]
        return "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag

    def _alias(self, path: Path_) -> None:
        """Report the next alias (*name) in document order; its value is not copied."""
        line, name = self.marks.aliases[self.alias_index] if self.alias_index < len(
            self.marks.aliases) else (self.out.line_of(path), "?")
        self.alias_index += 1
        self.out.lines[path] = line
        self.out.add(line, path, f"aliases (*{name}) are not allowed; write the value out in full")
        return None

    def _item(self, index: int, node: Node, path: Path_) -> Any:
        """One list item: record its line, then build it."""
        self.out.lines[path + (index,)] = node.start_mark.line + 1
        return self.build(node, path + (index,))

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        """A mapping with string keys; duplicate keys and merge keys (<<) are problems."""
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.out.add(line, path, "a field name must be a plain word followed by a colon")
                continue
            key = str(key_node.value)
            if key == "<<" and key_node.tag.endswith(":merge"):
                self.out.add(line, path + (key,), "merge keys (<<) are not allowed; "
                             "write the fields out in full")
                continue
            if key in first_line:
                self.out.add(line, path + (key,), f"appears twice (first on line "
                             f"{first_line[key]}); keep only one of them")
                continue
            first_line[key] = line
            self.out.lines[path + (key,)] = line
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        """Record a scalar's raw text and resolved tag, and return its YAML 1.2 value."""
        plain = not node.style  # None from the Python parser, '' from the C one
        tag = str(node.tag)
        line = node.start_mark.line + 1
        self.out.scalars[path] = Scalar(line, str(node.value), tag, plain)
        raw = str(node.value)
        if plain and tag == TAG + "str" and SEXAGESIMAL.match(raw):
            self.out.add(line, path, f"some YAML tools read {raw} as a number, not text; "
                         f'put it in quotes: "{raw}"')
        return construct(raw, tag.removeprefix(TAG)) if plain else raw


def construct(raw: str, kind: str) -> Any:
    """YAML 1.2 core value of a plain scalar with a resolved tag name (int, bool, timestamp...)."""
    if kind == "null":
        return None
    if kind == "bool":
        return raw.lower() == "true"
    if kind == "int":
        return _to_int(raw)
    if kind == "float":
        return _to_float(raw)
    if kind == "timestamp":
        return _to_timestamp(raw)
    return raw


def _to_int(raw: str) -> int | str:
    """An integer written in decimal (leading zeros allowed), 0x hex or 0o octal."""
    text = raw.replace("_", "")
    try:
        return int(text, 0) if text.lstrip("+-")[:2].lower() in ("0x", "0o", "0b") else int(text)
    except ValueError:
        return raw


def _to_float(raw: str) -> float | str:
    """A float, including YAML's .inf and .nan spellings."""
    text = raw.replace("_", "").lower().replace(".inf", "inf").replace(".nan", "nan")
    try:
        return float(text)
    except ValueError:
        return raw


def _to_timestamp(raw: str) -> date | datetime | BadTimestamp:
    """A date (YYYY-MM-DD) or date-time; an impossible one becomes BadTimestamp."""
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        return BadTimestamp(raw)
