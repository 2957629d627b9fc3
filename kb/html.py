"""Placing rendered fragments into a page's HTML (the fragments themselves come from templates)."""
from __future__ import annotations

import re

BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
HEAD_CLOSE = "</head>"
H1_CLOSE = "</h1>"


# Insert a fragment just before </head>.
def into_head(output: str, fragment: str) -> str:
    return output.replace(HEAD_CLOSE, fragment + HEAD_CLOSE, 1)


# Insert a fragment right after <body ...>.
def after_body_open(output: str, fragment: str) -> str:
    return BODY_OPEN.sub(lambda m: m.group(0) + fragment, output, count=1)


# True when the HTML has a first-level heading.
def has_h1(html: str) -> bool:
    return "<h1" in html


# Insert a fragment right after the first </h1>.
def after_h1(html: str, fragment: str) -> str:
    end = html.index(H1_CLOSE) + len(H1_CLOSE)
    return html[:end] + fragment + html[end:]
