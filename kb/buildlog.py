"""The first problem of a MkDocs build log, in one line a secretariat can act on:
"file:line: what — what to change". Used by tools/build.py and by the offline build."""
from __future__ import annotations

import re
from pathlib import Path

DOCS = "docs"
PROBLEM = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(.*)$|^Error: (.*)$")
ALREADY_PLACED = re.compile(r"^(?:docs|data|hooks|overrides)/\S+?:\d+: ")

# (pattern of MkDocs's message, summary; {file} is docs/<src>, {line} the line of the link in it)
LINK_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target '[^']*' is not found"),
     "link '{link}': target not found — fix the link or create the page"),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' "
                r"does not contain an anchor '(?P<anchor>[^']+)'"),
     "link '{link}': docs/{doc} has no heading with the anchor '{anchor}' — fix the anchor or add it to the heading"),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link to '(?P<link>[^']+)' which is excluded"),
     "link '{link}': that page is not published — link to another page"),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'"),
     "link '{link}' does not lead to a page — link to the page's .md file (e.g. ../sources.md)"),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<link>[^']+)'"),
     "link '{link}' starts with / — write it relative to this file (e.g. ../sources.md)"),
]
NAV_MISSING = re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found")
NOT_IN_NAV = re.compile(r'The following pages exist in the docs directory, but are not included in the "nav"')


# The 1-based line of the first occurrence of a link target in a source file (1 when not found).
def line_of_link(path: Path, link: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for needle in (f"]({link}", f'"{link}"', link):
        for number, text in enumerate(lines, start=1):
            if needle in text:
                return number
    return 1


# One line for the first problem of a build log: "file:line: what — what to change", or None.
def summarise(log: str, root: Path) -> tuple[str, str | None, int | None] | None:
    lines = log.splitlines()
    for index, raw in enumerate(lines):
        match = PROBLEM.match(raw.strip())
        if not match:
            continue
        message = (match.group(1) or match.group(2)).strip()
        if ALREADY_PLACED.match(message):
            place = message.split(":", 2)
            return message, place[0], int(place[1])
        for rule, text in LINK_RULES:
            found = rule.search(message)
            if found:
                parts = found.groupdict()
                path = f"{DOCS}/{parts['src']}"
                line = line_of_link(root / path, parts["link"])
                return f"{path}:{line}: " + text.format(**parts), path, line
        found = NAV_MISSING.search(message)
        if found:
            return (f"mkdocs.yml: nav lists '{found['ref']}', which is not a file in docs/<language>/ — "
                    "fix the nav entry or create the page"), "mkdocs.yml", None
        if NOT_IN_NAV.search(message):
            page = next((x.strip(" -") for x in lines[index + 1:] if x.strip().startswith("- ")), "?")
            return (f"{DOCS}/{page}: this page is not in the navigation — add it to nav in mkdocs.yml",
                    f"{DOCS}/{page}", None)
        return message, None, None
    return None
