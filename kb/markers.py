"""One marker dispatcher: `<!-- kb:NAME [TARGET] -->` in a page's Markdown, expanded by its handler.

Authors place generated content with a marker, an HTML comment that Markdown keeps as it is. Every
marker is registered here once, with the handler that expands it and the stage it runs at:

- `markdown`: before Markdown is converted (the handler returns Markdown or raw HTML blocks);
- `html`: in the page's HTML, once Markdown is converted;
- `context`: when every page of the language build holds its HTML (the printable page).

A region marker (`<!-- kb:NAME -->` ... `<!-- /kb:NAME -->`) hands its handler what lies between.
`scan` reads the Markdown once and reports, all at once and by file and line, every unknown
marker, every marker that does not stand alone on its line and every unclosed region;
`expand` runs one stage, and fails naming file and line when it meets a marker of an earlier stage
that was left unexpanded (it came from somewhere its stage never looked).
Handlers register themselves with `@handler(...)` in the module that holds their logic; the
registry imports those modules, so the list of markers is complete wherever it is read.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import PageView
from .errors import KbError, MarkerError

STAGES = ("markdown", "html", "context")
MARKER_RE = re.compile(r"<!--\s*(/?)kb:([A-Za-z0-9_.-]*)(?:[ \t]+([^\s]*?))?\s*-->")
FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Modules whose handlers make up the registry.
HANDLER_MODULES = ("kb.directory", "kb.tools", "kb.updates", "kb.translations_view", "kb.downloads",
                   "kb.printing", "kb.glossary", "kb.timeline", "kb.zim_downloads", "kb.quick_exit",
                   "kb.traces", "kb.library")

Handler = Callable[[PageView, str, "str | None"], str]


@dataclass(frozen=True)
class Marker:
    """A registered marker: its handler, stage, whether it encloses a region, what targets it takes."""

    name: str
    stage: str
    handle: Handler
    region: bool = False
    target: str = "none"  # none | network | network-or-all | any


_REGISTRY: dict[str, Marker] = {}


# Register a handler for a marker (used as a decorator in the module that holds the logic).
def handler(name: str, stage: str, *, region: bool = False, target: str = "none") -> Callable[[Handler], Handler]:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")

    def register(function: Handler) -> Handler:
        _REGISTRY[name] = Marker(name, stage, function, region, target)
        return function

    return register


# Every registered marker, by name (importing the handler modules on first use).
def registry() -> dict[str, Marker]:
    for module in HANDLER_MODULES:
        importlib.import_module(module)
    return _REGISTRY


@dataclass(frozen=True)
class Found:
    """A marker as written in a page's Markdown."""

    name: str
    target: str
    closing: bool
    line: int
    text: str


# Every marker of a page's Markdown with its line (fenced code blocks are examples, not markers);
# every problem at once, as `src:line: ...` lines, in one MarkerError.
def scan(markdown: str, src: str, networks: list[str], first_line: int = 1) -> list[Found]:
    known = registry()
    found: list[Found] = []
    problems: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        fenced = FENCE_RE.match(line)
        if fenced:
            mark = fenced.group(2)[0]
            fence = None if fence == mark else (fence or mark)
            continue
        if fence:
            continue
        line = CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), line)  # `<!-- kb:x -->` in code is an example
        for match in MARKER_RE.finditer(line):
            closing, name, target = match.group(1) == "/", match.group(2), match.group(3) or ""
            item = Found(name, target, closing, number, match.group(0))
            found.append(item)
            marker = known.get(name)
            if marker is None:
                problems.append(f"{src}:{number}: unknown marker 'kb:{name}'; known markers: "
                                + ", ".join(f"kb:{n}" for n in sorted(known)))
                continue
            if line.strip() != match.group(0):
                problems.append(f"{src}:{number}: marker '{match.group(0)}' must stand alone on its line "
                                "(a blank line before and after it), not inside a paragraph")
            if closing and not marker.region:
                problems.append(f"{src}:{number}: 'kb:{name}' is not a region marker; remove '/kb:{name}'")
            elif not closing:
                problem = _check_target(marker, target, networks)
                if problem:
                    problems.append(f"{src}:{number}: marker '{match.group(0)}': {problem}")
    problems += _check_regions(found, known, src)
    if problems:
        raise MarkerError("\n".join(problems))
    return found


def _check_target(marker: Marker, target: str, networks: list[str]) -> str | None:
    if marker.target == "any":
        return None
    if marker.target == "none":
        return f"'kb:{marker.name}' takes no argument" if target else None
    allowed = list(networks) + (["all"] if marker.target == "network-or-all" else [])
    if marker.target == "network-optional" and not target:
        return None
    if target not in allowed:
        what = f"unknown network '{target}'" if target else "no network given"
        return f"{what}; use one of {', '.join(allowed)}"
    return None


def _check_regions(found: list[Found], known: dict[str, Marker], src: str) -> list[str]:
    problems: list[str] = []
    open_: dict[str, Found] = {}
    for item in found:
        marker = known.get(item.name)
        if marker is None or not marker.region:
            continue
        if item.closing:
            if item.name not in open_:
                problems.append(f"{src}:{item.line}: '/kb:{item.name}' closes a region that was never opened")
            open_.pop(item.name, None)
        elif item.name in open_:
            problems.append(f"{src}:{item.line}: 'kb:{item.name}' opened again before "
                            f"'/kb:{item.name}' closed the region opened at line {open_[item.name].line}")
        else:
            open_[item.name] = item
    problems += [f"{src}:{item.line}: region 'kb:{name}' is never closed; add '<!-- /kb:{name} -->' after it"
                 for name, item in open_.items()]
    return problems


# Expand the markers of one stage in `text`; a marker of an earlier stage still present is an error.
def expand(text: str, stage: str, page: PageView, lines: dict[str, list[int]] | None = None) -> str:
    if "kb:" not in text:
        return text
    known = registry()
    order = STAGES.index(stage)
    seen: dict[str, int] = {}

    def line_of(marker_text: str) -> str:
        index = seen.get(marker_text, 0)
        seen[marker_text] = index + 1
        numbers = (lines or {}).get(marker_text, [])
        return str(numbers[index]) if index < len(numbers) else "?"

    out, position = [], 0
    for match in MARKER_RE.finditer(text):
        if match.start() < position:
            continue  # inside a region already handled
        closing, name, target = match.group(1) == "/", match.group(2), match.group(3) or ""
        marker = known.get(name)
        where = f"{page.src}:{line_of(match.group(0))}"
        if marker is None:
            raise MarkerError(f"{where}: unknown marker 'kb:{name}'")
        if STAGES.index(marker.stage) < order:
            raise MarkerError(f"{where}: marker '{match.group(0)}' runs at the {marker.stage} stage but was "
                              f"found at the {stage} stage, unexpanded; it must be written in the page's "
                              "Markdown itself (not produced by a template, an include or another marker)")
        if marker.stage != stage or closing:
            continue
        inner = None
        end = match.end()
        if marker.region:
            close = re.compile(r"<!--\s*/kb:" + re.escape(name) + r"\s*-->").search(text, match.end())
            if close is None:
                raise MarkerError(f"{where}: region 'kb:{name}' is never closed")
            inner, end = text[match.end():close.start()], close.end()
        out.append(text[position:match.start()])
        try:
            out.append(marker.handle(page, target, inner))
        except MarkerError:
            raise
        except (KbError, KeyError, ValueError) as error:
            raise MarkerError(f"{where}: {error}") from None
        position = end
    out.append(text[position:])
    return "".join(out)


# True when the text holds a marker that runs at `stage`.
def has_stage(text: str, stage: str) -> bool:
    known = registry()
    return any(m.group(1) != "/" and (marker := known.get(m.group(2))) is not None and marker.stage == stage
               for m in MARKER_RE.finditer(text))


# The line numbers of each marker text in a page (from `scan`), for `expand`'s messages.
def marker_lines(found: list[Found]) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    for item in found:
        lines.setdefault(item.text, []).append(item.line)
    return lines


# Anything still looking like a marker once every stage ran (in the page's final HTML): an error.
def leftovers(html: str, page: PageView, lines: dict[str, list[int]] | None = None) -> None:
    for match in MARKER_RE.finditer(html):
        numbers = (lines or {}).get(match.group(0)) or []
        line = str(numbers[0]) if numbers else "?"
        raise MarkerError(f"{page.src}:{line}: marker '{match.group(0)}' was never expanded")
