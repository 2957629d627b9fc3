"""Structural parity: does a translation keep the English page's structure?

A translation should keep, from the English page it translates:

- headings: the same explicit anchors (`## Title {#anchor}`), which other pages link to, and the
  same number of headings at each level (anchors made from the text differ by language, so
  headings without an explicit anchor are compared by count);
- `kb:` markers (`<!-- kb:directory apmn -->`): each one becomes generated content;
- internal links: link targets that are not a full address (`principles.md`, `sources.md#facts`,
  `#where`), inline or in reference definitions;
- images (their sources);
- admonitions (`!!! note`, `??? tip`): their number.

Fenced code and inline code are not read (an example link in code is not a link). External links
(`https://...`, `mailto:`) may differ: a translation may point to the same publisher's page in its
own language. `compare` lists every difference; an empty list means parity.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kb.mdblocks import Block, page_blocks

MARKER = re.compile(r"<!--\s*(kb:[a-z0-9-]+(?:[ \t]+[^>]*?)?)\s*-->")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)
IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$", re.M)
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+", re.M)
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")

KINDS = ("headings", "anchors", "markers", "links", "images", "admonitions")
KIND_WORDS = {"headings": "headings", "anchors": "heading anchors", "markers": "kb: markers",
              "links": "internal links", "images": "images", "admonitions": "admonitions"}


@dataclass(frozen=True)
class Structure:
    """The structure of one page: what parity compares."""

    headings: Counter  # level ("h2") -> count
    anchors: Counter  # explicit heading anchors ("#where")
    markers: Counter  # "kb:directory apmn"
    links: Counter  # internal link targets
    images: Counter  # image sources
    admonitions: int


@dataclass(frozen=True)
class Difference:
    """One kind of structural difference: what the translation lacks and what it adds."""

    kind: str  # one of KINDS
    missing: tuple[str, ...]  # in the English, not in the translation
    extra: tuple[str, ...]  # in the translation, not in the English
    english: int  # how many the English has
    translated: int  # how many the translation has

    # "heading anchors: missing #responses; extra #other".
    def describe(self) -> str:
        if self.kind == "admonitions":
            return f"admonitions: {self.translated} here, {self.english} in English"
        parts = []
        if self.missing:
            parts.append("missing " + ", ".join(self.missing))
        if self.extra:
            parts.append("extra " + ", ".join(self.extra))
        if self.kind == "headings":
            parts = [f"{self.translated} here, {self.english} in English ({'; '.join(parts)})"]
        return f"{KIND_WORDS[self.kind]}: {'; '.join(parts)}"


# The link target as compared: "./x.md" is "x.md"; a trailing "/" stays (it is part of the target).
def _target(target: str) -> str:
    return target[2:] if target.startswith("./") else target


# The structure of a page's text (front matter not included). Cached: an English page is compared
# with each of its three translations. Callers only read it.
@lru_cache(maxsize=2048)
def structure(text: str, path: str = "<page>") -> Structure:
    return structure_of(page_blocks(text, path))


# The structure of a page's blocks.
def structure_of(blocks: list[Block]) -> Structure:
    headings: Counter = Counter()
    anchors: Counter = Counter()
    markers: Counter = Counter()
    links: Counter = Counter()
    images: Counter = Counter()
    admonitions = 0
    for block in blocks:
        if block.kind in ("title", "description", "code"):
            continue
        if block.kind == "heading":
            headings[f"h{block.section.level}"] += 1
            if re.search(r"\{[^}]*#[\w:.-]+[^}]*\}\s*$", block.text):
                anchors[f"#{block.section.anchor}"] += 1
            continue
        markers.update(" ".join(m.split()) for m in MARKER.findall(block.text))
        text = CODE_SPAN.sub("", MARKER.sub("", block.text))
        images.update(_target(t) for t in IMAGE.findall(text))
        text_without_images = IMAGE.sub("", text)
        for target in LINK.findall(text_without_images) + REFERENCE.findall(text_without_images):
            if not EXTERNAL.match(target):
                links[_target(target)] += 1
        admonitions += len(ADMONITION.findall(text))
    return Structure(headings, anchors, markers, links, images, admonitions)


# Sorted items of a counter, each repeated by its count.
def _items(counter: Counter) -> tuple[str, ...]:
    return tuple(sorted(counter.elements()))


# Every structural difference of a translation from the English (empty: parity).
def compare(english: Structure, translated: Structure) -> list[Difference]:
    out = []
    for kind in KINDS:
        if kind == "admonitions":
            if english.admonitions != translated.admonitions:
                out.append(Difference(kind, (), (), english.admonitions, translated.admonitions))
            continue
        theirs, ours = getattr(english, kind), getattr(translated, kind)
        if theirs != ours:
            missing, extra = theirs - ours, ours - theirs
            out.append(Difference(kind, _items(missing), _items(extra), sum(theirs.values()), sum(ours.values())))
    return out


# The differences between an English text and its translation's text.
def compare_texts(english: str, translated: str, english_path: str = "<english>", translated_path: str = "<translation>") -> list[Difference]:
    return compare(structure(english, english_path), structure(translated, translated_path))
