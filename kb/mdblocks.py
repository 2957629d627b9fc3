"""A Markdown page as translators see it: sections (headings) and paragraphs (blocks).

What a translator translates is what `kb.translations.source_text` hashes: the front-matter `title`
and `description` and the Markdown body. This module splits the same text into blocks, in order:

- `title` and `description`: one block each (section "front matter");
- a heading line (`#` to `######`): one block, and the start of a new section;
- a fenced code block (``` or ~~~): one block, whatever blank lines it holds;
- anything else: a run of non-blank lines (a paragraph, a list, a table, an admonition's first
  lines, ...); a blank line ends it.

Every block keeps its 1-based line in the file, the section it belongs to and its kind, so a
diff can say "changed, line 19, section 'A range of responses' {#responses}".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kb.translations import load_front_matter, normalise, split_front_matter

HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"[ \t]*\{[^}]*?#([\w:.-]+)[^}]*\}[ \t]*$")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
FRONT_MATTER_SECTION = "front matter"
TOP_SECTION = ""


@dataclass(frozen=True)
class Section:
    """A page section: its heading's text, level and anchor ("" anchor: before the first heading)."""

    title: str
    level: int
    anchor: str

    # How a section is named in reports: "## A range of responses {#responses}".
    def label(self) -> str:
        if self.anchor == FRONT_MATTER_SECTION:
            return "(front matter: title and description)"
        if not self.level:
            return "(top of the page, before the first heading)"
        return f"{'#' * self.level} {self.title} {{#{self.anchor}}}"


FRONT = Section(FRONT_MATTER_SECTION, 0, FRONT_MATTER_SECTION)
TOP = Section(TOP_SECTION, 0, TOP_SECTION)


@dataclass(frozen=True)
class Block:
    """One paragraph-level block: its kind, its text (as written), its line in the file, its section."""

    kind: str  # title, description, heading, code, admonition, list, table, quote, html, paragraph
    text: str
    line: int
    section: Section

    # The text with runs of white space (line breaks included) made one space: what "same paragraph" means.
    @property
    def key(self) -> str:
        return f"{self.kind}:{' '.join(self.text.split())}"

    # The text as shown in a report: indentation common to all lines removed.
    def display(self) -> str:
        lines = self.text.split("\n")
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        return "\n".join(x[indent:] for x in lines)


# The anchor Python-Markdown's toc extension gives a heading without an explicit id (its default slugify).
def slugify(text: str) -> str:
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


# A heading line's (level, title, anchor), or None if the line is not a heading.
def parse_heading(line: str) -> tuple[int, str, str] | None:
    match = HEADING.match(line)
    if not match:
        return None
    level, title = len(match.group(1)), match.group(2)
    explicit = EXPLICIT_ID.search(title)
    if explicit:
        return level, title[:explicit.start()].strip(), explicit.group(1)
    return level, title.strip(), slugify(title)


# The kind of a non-heading, non-code block, from its first line.
def block_kind(first_line: str) -> str:
    stripped = first_line.lstrip()
    if re.match(r"^(!!!|\?\?\?\+?)[ \t]*[\w-]", stripped):
        return "admonition"
    if re.match(r"^([-*+]|\d{1,9}[.)])[ \t]+", stripped):
        return "list"
    if stripped.startswith("|"):
        return "table"
    if stripped.startswith(">"):
        return "quote"
    if stripped.startswith("<"):
        return "html"
    return "paragraph"


# The blocks of a Markdown body whose first line is line `first_line` of the file.
def body_blocks(body: str, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    section = TOP
    current: list[str] = []
    start = first_line
    fence: tuple[str, int] | None = None

    def flush(kind: str | None = None) -> None:
        nonlocal current
        if current:
            blocks.append(Block(kind or block_kind(current[0]), "\n".join(current), start, section))
        current = []

    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if fence is not None:
            current.append(line)
            closing = FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= fence[1] and not line.strip()[len(closing.group(1)):].strip():
                flush("code")
                fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            flush()
            fence, current, start = (opening.group(1)[0], len(opening.group(1))), [line], number
            continue
        heading = parse_heading(line)
        if heading:  # a heading line is a block of its own, even right after a paragraph line
            flush()
            level, title, anchor = heading
            section = Section(title, level, anchor)
            blocks.append(Block("heading", line, number, section))
            continue
        if not line.strip():
            flush()
            continue
        if not current:
            start = number
        current.append(line)
    if fence is not None:
        flush("code")
    flush()
    return blocks


# Every block of a page's translatable text: title, description, then the body's blocks.
def page_blocks(text: str, path: str = "<page>") -> list[Block]:
    yaml_text, body, first_line = split_front_matter(normalise(text))
    blocks: list[Block] = []
    body_first = 1
    if yaml_text is not None:
        loaded = load_front_matter(normalise(text), path)
        meta = loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}
        lines = yaml_text.split("\n")
        for key in ("title", "description"):
            value = str(meta.get(key, "") or "")
            line = next((first_line + i for i, x in enumerate(lines) if re.match(rf"^{key}[ \t]*:", x)), first_line)
            if value:
                blocks.append(Block(key, value, line, FRONT))
        body_first = first_line + len(lines)  # yaml_text ends with a line break: the line after the closing ---
    return blocks + body_blocks(body.rstrip(), body_first)
