"""Is an English edit cosmetic, so that its translations need not change?

An edit is cosmetic when a translator would translate both versions the same way. Precisely, the
old and new versions (title, description and body, as `kb.mdblocks` splits them) must have:

1. the same blocks in the same order: no paragraph, list, heading, admonition or code block added,
   removed, split, merged or moved, and each block of the same kind (a paragraph did not become a
   list, a list keeps its number of items, a table its number of rows);
2. the same headings: same level and same anchor (an anchor made from the heading's text changes
   when the text changes, so such a heading's words must stay the same);
3. the same facts, character for character: numbers (`3`, `2012`, `1.5`), link and image targets,
   `kb:` markers, inline code and fenced code;
4. the same words, where these differences do not count:
   - white space and line wrapping;
   - punctuation (a comma added, straight or curly quotes, hyphen or dash, `...` or `…`);
   - capital or small letters;
   - emphasis marks (`*`, `_`) and other Markdown punctuation;
   - a spelling fix: one word replaced by a word that differs by two neighbouring letters swapped
     (`teh`/`the`, `recieve`/`receive`), or by one letter inserted, removed or replaced (words of 4
     letters or more: `organization`/`organisation`, `adress`/`address`), or by two letters
     replaced (words of the same length, 7 letters or more: `definately`/`definitely`); but not an
     ending added or removed (`right`/`rights`, `help`/`helped`: that is grammar, not spelling);
   - a doubled word removed (`the the` to `the`), or a word split or joined (`web site`/`website`);
   but never a change to or from one of `GUARDED` (negations, modal verbs, quantifiers such as
   `not`, `must`, `may`, `all`): `must`/`most` or `now`/`not` differ by one letter and by meaning.

Anything else (a word added or removed, a word replaced by another word) is more than cosmetic.
`differences` returns every reason an edit is not cosmetic; an empty list means cosmetic.
"""
from __future__ import annotations

import difflib
import re

from kb.mdblocks import Block, page_blocks
from kb.parity import CODE_SPAN, IMAGE, LINK, MARKER, REFERENCE
from kb.translation_diff import diff_blocks

GUARDED = frozenset(["not", "no", "nor", "never", "none", "nothing", "nobody", "neither", "cannot", "can't", "can", "could", "couldn't", "won't", "will", "would", "wouldn't", "must", "mustn't", "may", "might", "shall", "should", "shouldn't", "need", "needn't", "do", "does", "don't", "doesn't", "did", "didn't", "is", "isn't", "are", "aren't", "was", "wasn't", "were", "weren't", "has", "hasn't", "have", "haven't", "had", "hadn't", "all", "any", "every", "each", "some", "only", "always", "sometimes", "often", "without", "with", "before", "after", "more", "less", "most", "least", "first", "last"])
NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
LINE_START = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)]|>|\||!!!|\?\?\?\+?)(?=[ \t]|$)", re.M)
WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-",
                            "…": "...", "\u00a0": " ", "\u202f": " "})


# The facts of a block that must not change at all: numbers, targets, markers, code.
def facts(block: Block) -> dict[str, list[str]]:
    text = block.text
    if block.kind == "code":
        return {"code": [line.rstrip() for line in text.split("\n")]}
    code = [m.group(0) for m in CODE_SPAN.finditer(text)]
    markers = [" ".join(m.split()) for m in MARKER.findall(text)]
    plain = CODE_SPAN.sub(" ", MARKER.sub(" ", text))
    targets = IMAGE.findall(plain) + LINK.findall(IMAGE.sub(" ", plain)) + REFERENCE.findall(plain)
    bare_urls = re.findall(r"<(?:https?|mailto):[^>]+>", plain)
    words = _strip_targets(plain)
    numbers = NUMBER.findall(LINE_START.sub(" ", words))
    return {"numbers": numbers, "link and image targets": targets + bare_urls, "kb: markers": markers,
            "inline code": code}


# The text with link targets, reference definitions and raw addresses removed (their words stay).
def _strip_targets(text: str) -> str:
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"^ {0,3}\[[^\]]+\]:.*$", " ", text, flags=re.M)
    text = re.sub(r"<(?:https?|mailto):[^>]+>", " ", text)
    return re.sub(r"<[^>]+>", " ", text)  # HTML tags: their attributes are not words


# A block's words, lower case, typography and Markdown punctuation ignored.
def words(block: Block) -> list[str]:
    text = block.text.translate(TYPOGRAPHY)
    if block.kind == "heading":
        text = re.sub(r"\{[^}]*\}\s*$", " ", text)
    text = _strip_targets(CODE_SPAN.sub(" ", MARKER.sub(" ", text)))
    text = LINE_START.sub(" ", text)
    return [w.lower() for w in WORDS.findall(text) if not w.isdigit()]


# The line-start shape of a block: list items, numbered items, quotes, table rows, admonitions.
def shape(block: Block) -> list[str]:
    return [re.sub(r"\d+", "1", m.strip()) for m in LINE_START.findall(block.text)]


# The edit distance between two words (insert, delete, replace one letter; swap two neighbours).
def distance(a: str, b: str) -> int:
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[len(b)]


# Whether replacing word `a` by word `b` is a spelling fix (see the module's rules).
def spelling_fix(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in GUARDED or b in GUARDED or any(c.isdigit() for c in a + b):
        return False
    shortest, d = min(len(a), len(b)), distance(a, b)
    if d == 1 and sorted(a) == sorted(b):  # two neighbouring letters swapped
        return True
    if a.startswith(b) or b.startswith(a):  # an ending added or removed: right/rights, help/helped
        return False
    return (d <= 1 and shortest >= 4) or (d <= 2 and shortest >= 7 and len(a) == len(b))


# Why the words of two versions of one block differ by more than spelling (empty: they do not).
def word_problems(old: list[str], new: list[str]) -> list[str]:
    problems = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        a, b = old[i1:i2], new[j1:j2]
        if tag == "equal":
            continue
        if tag == "replace" and len(a) == len(b) and all(spelling_fix(x, y) for x, y in zip(a, b, strict=False)):
            continue
        if tag == "replace" and "".join(a) == "".join(b):  # a word split or joined
            continue
        if tag == "delete" and len(a) == 1 and a[0] in old[max(0, i1 - 1):i1] + old[i2:i2 + 1]:
            continue  # a doubled word removed
        if tag == "insert":
            problems.append(f"words added: '{' '.join(b)}'")
        elif tag == "delete":
            problems.append(f"words removed: '{' '.join(a)}'")
        else:
            problems.append(f"'{' '.join(a)}' became '{' '.join(b)}'")
    return problems


# Every reason the edit from `old_text` to `new_text` is more than cosmetic (empty: it is cosmetic).
def differences(old_text: str, new_text: str, path: str = "<english>") -> list[str]:
    old_blocks, new_blocks = page_blocks(old_text, path), page_blocks(new_text, path)
    problems: list[str] = []
    if [b.kind for b in old_blocks] != [b.kind for b in new_blocks]:
        for change in diff_blocks(old_blocks, new_blocks).changes:
            where = change.new or change.old
            assert where is not None
            if change.kind != "changed":
                problems.append(f"line {where.line}: {change.kind} {where.kind} in section {where.section.label()}")
            elif change.old is not None and change.new is not None and change.old.kind != change.new.kind:
                problems.append(f"line {where.line}: a {change.old.kind} became a {change.new.kind}")
        return problems or ["the blocks (paragraphs, lists, headings) are not the same"]
    for old, new in zip(old_blocks, new_blocks, strict=False):
        place = f"line {new.line} ({new.kind})"
        if old.key == new.key:
            continue
        if new.kind == "heading" and (old.section.level, old.section.anchor) != (new.section.level, new.section.anchor):
            problems.append(f"{place}: heading level or anchor changed ({'#' * old.section.level} #{old.section.anchor}"
                            f" became {'#' * new.section.level} #{new.section.anchor})")
            continue
        if shape(old) != shape(new):
            problems.append(f"{place}: list items, table rows or quoted lines changed ({len(shape(old))} became {len(shape(new))})")
            continue
        old_facts, new_facts = facts(old), facts(new)
        changed = [name for name in old_facts if old_facts[name] != new_facts.get(name)]
        for name in changed:
            problems.append(f"{place}: {name} changed: {', '.join(old_facts[name]) or 'none'} became {', '.join(new_facts[name]) or 'none'}")
        if changed:
            continue
        problems += [f"{place}: {p}" for p in word_problems(words(old), words(new))]
    return problems
