"""The theme's stylesheets without the rules no page of this site can use.

Material's main stylesheet (137 KB, 22 KB compressed) styles every feature of the theme; a page of this
site uses a fifth of it, and a stylesheet blocks the first paint until it has arrived. After the build
(every language), the rules whose selectors name a class that appears in no built page and in none of
the site's scripts (the theme's bundle adds classes at run time: they are in its text) are dropped. A
selector is kept when in doubt: classes inside :is()/:not()/… are not looked at, at-rules other than
@media and @supports are kept whole, and so are rules without classes.

The result gets its own fingerprinted name (the host caches fingerprinted files for a year), and the
pages' links are pointed at it.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

CLASS_ATTR = re.compile(rb' class="([^"]*)"')  # read in the pages' bytes: no decoding of whole pages
WORD = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_CLASS = re.compile(r"\.((?:[\w-]|\\.)+)")
PALETTE_ATTR = re.compile(r'\[data-md-color-(primary|accent|scheme)=["\']?([\w-]+)["\']?\]')
PAGE_PALETTE = re.compile(rb'data-md-color-(primary|accent|scheme)="([\w-]+)"')


# ---------------------------------------------------------------- parsing

# Top-level blocks of a stylesheet: (prelude, body) for rules and block at-rules; (statement, None)
# for statements such as @charset or @import. Strings and comments are skipped whole.
SPECIAL = re.compile(r"[{};\"']|/\*")


def blocks(css: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    i, start, depth, body_start = 0, 0, 0, 0
    prelude = ""
    while True:
        match = SPECIAL.search(css, i)
        if match is None:
            break
        token, i = match.group(0), match.end()
        if token in "\"'":
            i = _skip_string(css, match.start())
        elif token == "/*":
            end = css.find("*/", i)
            i = len(css) if end < 0 else end + 2
        elif token == "{":
            if depth == 0:
                prelude, body_start = css[start:match.start()].strip(), i
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                out.append((prelude, css[body_start:match.start()]))
                start = i
        elif token == ";" and depth == 0:
            statement = css[start:i].strip()
            if statement:
                out.append((statement, None))
            start = i
    rest = css[start:].strip()
    if rest and depth == 0:
        out.append((rest, None))
    return out


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while True:
        j = css.find(quote, i)
        if j < 0:
            return len(css)
        backslashes = len(css[i:j]) - len(css[i:j].rstrip("\\"))
        if backslashes % 2 == 0:
            return j + 1
        i = j + 1


# A selector list split at its top-level commas.
def selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


# The text of a selector outside any parentheses (:is(), :not(), …).
def _outside_parentheses(selector: str) -> str:
    if "(" not in selector:
        return selector
    out, depth = [], 0
    for c in selector:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out)


# ---------------------------------------------------------------- pruning

# Whether a selector can match in this site: every class it needs is used, and every palette value too.
def selector_used(selector: str, used: set[str], palette: set[tuple[str, str]]) -> bool:
    outside = _outside_parentheses(selector)
    outside = re.sub(r"\[[^\]]*\]", lambda m: m.group(0) if PALETTE_ATTR.fullmatch(m.group(0)) else "", outside)
    for match in SELECTOR_CLASS.finditer(outside):
        if match.group(1).replace("\\", "") not in used:
            return False
    return all((kind, value) in palette for kind, value in PALETTE_ATTR.findall(outside))


def prune(css: str, used: set[str], palette: set[tuple[str, str]]) -> str:
    out = []
    for prelude, body in blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith("@"):
            if re.match(r"@(media|supports)\b", prelude):
                inner = prune(body, used, palette)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            else:
                out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in selectors(prelude) if selector_used(s, used, palette)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


# The declarations of a rule body, split at top-level semicolons (data: URLs hold semicolons too).
DECLARATION_SPECIAL = re.compile(r"[;()\"']")


def declarations(body: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while True:
        match = DECLARATION_SPECIAL.search(body, i)
        if match is None:
            break
        c, i = match.group(0), match.end()
        if c in "\"'":
            i = _skip_string(body, match.start())
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            parts.append(body[start:match.start()])
            start = i
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


CUSTOM = re.compile(r"^(--[\w-]+)\s*:")
VAR = re.compile(r"var\(\s*(--[\w-]+)")


# Drop the custom properties (--name: …) that nothing reads: no var(--name) in the kept rules, the
# other stylesheets (`readers`) or in the values of custom properties that are read themselves.
def prune_custom_properties(css: str, readers: str) -> str:
    defined: dict[str, list[str]] = {}

    def collect(text: str) -> None:
        for prelude, body in blocks(text):
            if body is None or (prelude.startswith("@") and not re.match(r"@(media|supports)\b", prelude)):
                continue
            if prelude.startswith("@"):
                collect(body)
                continue
            for declaration in declarations(body):
                match = CUSTOM.match(declaration)
                if match:
                    defined.setdefault(match.group(1), []).append(declaration)

    collect(css)
    # Any --name in the other stylesheets and scripts (they may set or read it) counts as read.
    read = set(re.findall(r"(?<![\w-])--[A-Za-z][\w-]*", readers))
    for _prelude, body in _rules(css):
        for declaration in declarations(body):
            if not CUSTOM.match(declaration):
                read.update(VAR.findall(declaration))
    frontier = list(read)
    while frontier:
        name = frontier.pop()
        for declaration in defined.get(name, []):
            for ref in VAR.findall(declaration.split(":", 1)[1]):
                if ref not in read:
                    read.add(ref)
                    frontier.append(ref)
    return _drop_custom(css, read)


def _rules(css: str):
    for prelude, body in blocks(css):
        if body is None:
            continue
        if prelude.startswith("@"):
            if re.match(r"@(media|supports)\b", prelude):
                yield from _rules(body)
            continue
        yield prelude, body


def _custom_name(declaration: str) -> str | None:
    match = CUSTOM.match(declaration)
    return match.group(1) if match else None


def _drop_custom(css: str, read: set[str]) -> str:
    out = []
    for prelude, body in blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith("@"):
            if re.match(r"@(media|supports)\b", prelude):
                inner = _drop_custom(body, read)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            else:
                out.append(f"{prelude}{{{body}}}")
        else:
            kept = [d for d in declarations(body) if _custom_name(d) in read or _custom_name(d) is None]
            if kept:
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "".join(out)


# Every class a page or a script of the site can put on an element: the class attributes of the built
# pages, and every word of the scripts (class names the scripts add are in their text).
def used_classes(html_files: list[Path], scripts: list[Path]) -> tuple[set[str], set[tuple[str, str]]]:
    used: set[str] = set()
    palette: set[tuple[str, str]] = set()
    for path in html_files:
        data = path.read_bytes()
        for value in set(CLASS_ATTR.findall(data)):
            used.update(value.decode("utf-8", errors="replace").split())
        palette.update((key.decode(), value.decode()) for key, value in PAGE_PALETTE.findall(data))
    for path in scripts:
        used.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return used, palette


# Prune each stylesheet in place of the site: write the pruned copy under a new fingerprint, remove
# the original, point every page at the copy. Returns {old name: (new name, bytes before, bytes after)}.
def prune_site(site: Path, sheets: list[str]) -> dict[str, tuple[str, int, int]]:
    html_files = sorted(site.rglob("*.html"))
    # The scripts that touch the page (not the search worker, not the lunr language files).
    scripts = sorted(p for p in site.rglob("*.js") if not re.search(r"/(lunr|workers)/", p.as_posix()))
    used, palette = used_classes(html_files, scripts)
    own = "".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.css"))
                  if p.parent != site / Path(sheets[0]).parent) if sheets else ""
    # Custom properties the scripts or the pages' style attributes read are kept too.
    readers = own + "".join(p.read_text(encoding="utf-8", errors="replace") for p in scripts)
    renamed: dict[str, tuple[str, int, int]] = {}
    originals = {rel: (site / rel).read_text(encoding="utf-8") for rel in sheets if (site / rel).is_file()}
    by_class = {rel: prune(re.sub(r"/\*#\s*sourceMappingURL=.*?\*/", "", css), used, palette)
                for rel, css in originals.items()}
    for rel, css in originals.items():
        path = site / rel
        others = "".join(text for other, text in by_class.items() if other != rel)
        pruned = prune_custom_properties(by_class[rel], readers + others)
        digest = hashlib.sha256(pruned.encode("utf-8")).hexdigest()[:8]
        name = re.sub(r"\.[0-9a-f]{8}\.min\.css$", f".{digest}.min.css", path.name)
        if name == path.name:
            name = path.stem + f".{digest}.css"
        path.with_name(name).write_text(pruned, encoding="utf-8")
        path.unlink()
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # the map of the original only
        renamed[path.name] = (name, len(css.encode("utf-8")), len(pruned.encode("utf-8")))
    if renamed:  # in bytes (the names are ASCII): a build's pages are read and written without decoding
        names = {old.encode(): name.encode() for old, (name, _before, _after) in renamed.items()}
        for html in html_files:
            data = html.read_bytes()
            new = rename_links(data, names)
            if new != data:
                html.write_bytes(new)
    return renamed


# Every old stylesheet name in a page's bytes replaced by its new one. One replace per name
# (a regular expression of the names scanned each page several times slower); when a name occurs
# inside another old or new name, one pass with the alternation, so no replacement is replaced again.
def rename_links(text: bytes, names: dict[bytes, bytes]) -> bytes:
    olds, words = list(names), [*names, *names.values()]
    if any(old in other for i, old in enumerate(olds) for j, other in enumerate(words) if i != j):
        pattern = re.compile(b"|".join(re.escape(old) for old in names))
        return pattern.sub(lambda m: names[m.group(0)], text)
    for old, new in names.items():
        text = text.replace(old, new)
    return text
