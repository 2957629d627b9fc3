"""What changed in an English page between two versions, by section and paragraph.

Both versions are split into blocks (`kb.mdblocks`: title, description, headings, paragraphs,
lists, admonitions, code). Two blocks are the same when their text is the same after runs of white
space are made one space (re-wrapping a paragraph changes nothing). The block sequences are
compared with difflib; where a run of old blocks is replaced by a run of new ones, blocks are paired
in order by similarity (a pair counts as "changed" when at least half of its text is shared, see
`PAIR_THRESHOLD`); the rest are "removed" or "added". Unchanged blocks are left out.

`format_diff` prints the result for a translator, grouped by section, with each changed paragraph's
old and new text and the words that changed.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kb.mdblocks import Block, Section, page_blocks

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
PAIR_THRESHOLD = 0.5  # difflib ratio at or above which an old and a new block are one changed paragraph
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Change:
    """One added, removed or changed block (old is None when added, new is None when removed)."""

    kind: str
    old: Block | None
    new: Block | None

    # The section the change is reported under: the new version's, or the old one's for a removal.
    @property
    def section(self) -> Section:
        return (self.new or self.old).section  # type: ignore[union-attr]


@dataclass
class PageDiff:
    """Every change between two versions of a page, in page order."""

    changes: list[Change] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.changes)

    # How many paragraphs (blocks) changed in any way: what the status page shows.
    @property
    def total(self) -> int:
        return len(self.changes)

    # "1 changed, 1 added, 0 removed".
    def summary(self) -> str:
        return f"{self.count(CHANGED)} changed, {self.count(ADDED)} added, {self.count(REMOVED)} removed"

    # The changes grouped by section, in order: [(section, [changes])].
    def by_section(self) -> list[tuple[Section, list[Change]]]:
        groups: list[tuple[Section, list[Change]]] = []
        for change in self.changes:
            if groups and groups[-1][0] == change.section:
                groups[-1][1].append(change)
            else:
                groups.append((change.section, [change]))
        return groups


# The similarity of two blocks' normalised text (0 to 1).
def similarity(old: Block, new: Block) -> float:
    if old.kind != new.kind and {old.kind, new.kind} & {"heading", "title", "description"}:
        return 0.0
    return difflib.SequenceMatcher(None, old.key.split(" "), new.key.split(" "), autojunk=False).ratio()


# Pair a run of old blocks with a run of new ones, in order, maximising total similarity (pairs below
# the threshold are not pairs). Returns the changes in order.
def pair_blocks(old: list[Block], new: list[Block]) -> list[Change]:
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    ratios = [[similarity(o, w) for w in new] for o in old]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if ratios[i][j] >= PAIR_THRESHOLD:
                best = max(best, ratios[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    changes: list[Change] = []
    i = j = 0
    while i < n and j < m:
        if ratios[i][j] >= PAIR_THRESHOLD and score[i][j] == ratios[i][j] + score[i + 1][j + 1]:
            changes.append(Change(CHANGED, old[i], new[j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            changes.append(Change(REMOVED, old[i], None))
            i += 1
        else:
            changes.append(Change(ADDED, None, new[j]))
            j += 1
    changes += [Change(REMOVED, block, None) for block in old[i:]]
    changes += [Change(ADDED, None, block) for block in new[j:]]
    return changes


# The changes between two lists of blocks.
def diff_blocks(old: list[Block], new: list[Block]) -> PageDiff:
    matcher = difflib.SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
    diff = PageDiff()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        diff.changes += pair_blocks(old[i1:i2], new[j1:j2])
    return diff


# The changes between two versions of a page's text (the same blocks a translator translates).
def diff_pages(old_text: str, new_text: str, old_path: str = "<old>", new_path: str = "<new>") -> PageDiff:
    return diff_blocks(page_blocks(old_text, old_path), page_blocks(new_text, new_path))


# The changed words of a changed paragraph, each with a few words around it, in git's word-diff style:
# "...on your skills{+, your+} capacities...". White space counts as one space; changes closer than
# 2 x context words are shown together.
def word_changes(old: str, new: str, context: int = 3) -> list[str]:
    a, b = TOKEN.findall(" ".join(old.split())), TOKEN.findall(" ".join(new.split()))
    groups: list[list[tuple[str, int, int, int, int]]] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, op in enumerate(opcodes):
        if op[0] == "equal":
            continue
        gap = opcodes[index - 1] if index > 0 else None
        if groups and gap is not None and sum(t != " " for t in a[gap[1]:gap[2]]) < 2 * context:
            groups[-1] += [gap, op]
        else:
            groups.append([op])
    out = []
    for group in groups:
        before, after = _words_before(a, group[0][1], context), _words_after(a, group[-1][2], context)
        middle = ""
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                middle += "".join(a[i1:i2])
                continue
            middle += (f"[-{''.join(a[i1:i2])}-]" if i2 > i1 else "") + (f"{{+{''.join(b[j1:j2])}+}}" if j2 > j1 else "")
        out.append(("..." if before[1] else "") + before[0] + middle + after[0] + ("..." if after[1] else ""))
    return out


# The text of up to `count` words before token i (and whether more came before).
def _words_before(tokens: list[str], i: int, count: int) -> tuple[str, bool]:
    start, seen = i, 0
    while start > 0 and seen < count:
        start -= 1
        seen += tokens[start] != " "
    return "".join(tokens[start:i]), start > 0


# The text of up to `count` words from token i (and whether more come after).
def _words_after(tokens: list[str], i: int, count: int) -> tuple[str, bool]:
    end, seen = i, 0
    while end < len(tokens) and seen < count:
        seen += tokens[end] != " "
        end += 1
    return "".join(tokens[i:end]), end < len(tokens)


# Indent every line of a block's text with a prefix ("    - ", "    + ").
def _quoted(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n")) + "\n"


# The diff as text for a translator: sections in order, each change with its English line and text.
def format_diff(diff: PageDiff, english_path: str) -> str:
    out = []
    for section, changes in diff.by_section():
        out.append(f"{section.label()}\n")
        for change in changes:
            if change.kind == CHANGED:
                assert change.old is not None and change.new is not None
                out.append(f"  changed paragraph ({english_path}:{change.new.line}, was line {change.old.line}):\n")
                out.append(_quoted(change.old.display(), "    - "))
                out.append(_quoted(change.new.display(), "    + "))
                words = word_changes(change.old.text, change.new.text)
                if words:
                    out.append("    words: " + "\n           ".join(words) + "\n")
            elif change.kind == ADDED:
                assert change.new is not None
                out.append(f"  added paragraph ({english_path}:{change.new.line}):\n")
                out.append(_quoted(change.new.display(), "    + "))
            else:
                assert change.old is not None
                out.append(f"  removed paragraph (was line {change.old.line}):\n")
                out.append(_quoted(change.old.display(), "    - "))
        out.append("\n")
    return "".join(out)


# A whole page, by section, for a translator who has no earlier version to compare with.
def format_page(blocks: list[Block], english_path: str) -> str:
    out: list[str] = []
    section = None
    for block in blocks:
        if block.section != section:
            section = block.section
            out.append(f"\n{section.label()}\n" if out else f"{section.label()}\n")
        if block.kind == "heading":
            continue
        out.append(f"  ({english_path}:{block.line})\n")
        out.append(_quoted(block.display(), "    "))
    return "".join(out) + "\n"
