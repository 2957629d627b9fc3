"""Do no harm online: placing the quick-exit control (kb/quick_exit.py renders it), outbound-link
hygiene, the security headers file and isolation of Latin runs inside right-to-left text. Pure
functions over HTML strings; hooks/safety.py wires them to MkDocs events."""
from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urlsplit

# ---------------------------------------------------------------- quick exit

BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
SKIP_DIV = re.compile(r'<div data-md-component="skip">.*?</div>\s*', re.S)
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')


# Put the quick-exit control first in the body, so it is the first thing Tab reaches. The theme's
# "skip to content" link moves into the same landmark, right after it (every control in a landmark).
def insert_exit(output: str, markup: str) -> str:
    if "data-kb-exit" in output:
        return output
    match = BODY_OPEN.search(output)
    if match is None:
        return output
    head, rest = output[: match.end()], output[match.end():]
    skip = SKIP_DIV.search(rest)
    if skip is not None:
        rest = rest[: skip.start()] + rest[skip.end():]
        markup = markup.replace("</nav>", skip.group(0).strip() + "</nav>")
    return head + markup + rest


# Name the theme's search dialog (axe: aria-dialog-name), in the page's language.
def name_search_dialog(output: str, name: str) -> str:
    return SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{escape(name, quote=True)}"', output, count=1)


# ---------------------------------------------------------------- outbound links

A_START = re.compile(r"<a\b[^>]*>", re.I)
# An attribute by its whole name (not data-href), its value double-, single- or unquoted.
HREF = re.compile(r"""(?<![\w-])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
REL = re.compile(r"""(?<![\w-])rel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


# An href as a browser reads it on an http(s) page (the WHATWG URL parser): leading and trailing
# controls and spaces dropped, tabs and newlines removed wherever they are, backslashes read as slashes
# ("/\example.org" and "\\example.org" leave the site like "//example.org").
EDGES = "".join(map(chr, range(0x21)))
TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")


def browser_href(href: str) -> str:
    return href.strip(EDGES).translate(TAB_NEWLINE).replace("\\", "/")


# True when href leaves the site: it resolves to an http(s) URL of another origin than site_origin.
# "https:example.org" stays on a page served over https (a relative path there) but leaves one served
# over http; without a site origin it is taken to leave (the extra rel words harm nothing).
def is_outbound(href: str, site_origin: str | None) -> bool:
    href = browser_href(href)
    here = site_origin.partition(":")[0].lower() if site_origin else "https"
    scheme, colon, rest = href.partition(":")
    if colon and SCHEME.fullmatch(scheme):
        scheme = scheme.lower()
        if scheme not in ("http", "https"):
            return False
        if not rest.startswith("//") and site_origin is not None and scheme == here:
            return False  # "https:example.org" on an https page: a relative path
    elif href.startswith("//"):  # protocol-relative: the page's own scheme
        scheme, rest = here, href
    else:
        return False
    url = f"{scheme}://{rest.lstrip('/')}"  # any number of slashes before the host, as a browser reads it
    if not urlsplit(url).netloc:
        return False
    return site_origin is None or origin_of(url) != site_origin


# The scheme://host[:port] of a URL, lowercased; None for a relative or empty URL.
def origin_of(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


# Give every link to another origin rel="noopener noreferrer" (keeping any other rel words).
def add_noopener(html: str, site_origin: str | None = None) -> str:
    def fix(match: re.Match) -> str:
        tag = match.group(0)
        # An outbound href holds "//" or "http" once read as a browser does, or a character reference
        # ("&#92;", "&sol;") that may spell either: most links are relative and have none.
        plain = browser_href(tag)
        if "//" not in plain and "http" not in plain.lower() and "&" not in tag:
            return tag
        href = HREF.search(tag)
        if href is None:
            return tag
        value = next(group for group in href.groups() if group is not None)
        if not is_outbound(unescape(value), site_origin):  # the attribute's value, its references decoded
            return tag
        rel = REL.search(tag)
        if rel is None:
            return tag[:2] + ' rel="noopener noreferrer"' + tag[2:]
        words = next(group for group in rel.groups() if group is not None).split()
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        return tag[: rel.start()] + f'rel="{" ".join(words)}"' + tag[rel.end():]

    return A_START.sub(fix, html)


# ---------------------------------------------------------------- content security policy
# The policy and the headers live in kb/policy.py (one policy for every host); re-exported here.
from kb.policy import (  # noqa: E402,F401
    PERMISSIONS_POLICY,
    content_security_policy,
    headers_file,
    inline_script_hashes,
    parse_headers_file,
)

# ---------------------------------------------------------------- right-to-left text

TOKEN = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")
OPEN_OR_CLOSE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
# Left alone: code keeps its own direction (CSS isolates it) and existing isolates are respected.
SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "bdi", "bdo", "svg", "math", "textarea"}
# A run of Latin letters or digits, possibly joined by spaces and light punctuation, that starts and
# ends on a letter or digit: "APMN", "Red Cross Red Crescent", "+61 2 9229 4111", "2019-2023".
LATIN_RUN = re.compile(
    r"(?:\+(?=\d))?[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,'’&/:+\-]|\s(?=[A-Za-z0-9\u00C0-\u024F+]))*"
    r"(?<=[A-Za-z0-9\u00C0-\u024F])"
)
HAS_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


# Wrap Latin runs of right-to-left text in <bdi dir="ltr"> so numbers, codes and names keep their order.
def isolate_latin_runs(html: str) -> str:
    out: list[str] = []
    skipping: list[str] = []
    for token in TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            tag = OPEN_OR_CLOSE.match(token)
            if tag:
                closing, name = tag.group(1) == "/", tag.group(2).lower()
                if name in SKIP_TAGS and not token.endswith("/>"):
                    if closing and name in skipping:
                        while skipping and skipping.pop() != name:
                            pass
                    elif not closing:
                        skipping.append(name)
            out.append(token)
        elif token.startswith("&") or skipping:
            out.append(token)
        else:
            out.append(LATIN_RUN.sub(_isolate, token))
    return "".join(out)


def _isolate(match: re.Match) -> str:
    run = match.group(0)
    # Lone digits in Arabic text read correctly; isolate runs with a letter or with joined numbers.
    if not HAS_LETTER.search(run) and not re.search(r"\d[\s+\-/:.]\d|^\+", run):
        return run
    return f'<bdi dir="ltr">{run}</bdi>'
