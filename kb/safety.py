"""Do no harm online: placing the quick-exit control (kb/quick_exit.py renders it), outbound-link
hygiene, the security headers file and isolation of Latin runs inside right-to-left text. Pure
functions over HTML strings; hooks/safety.py wires them to MkDocs events."""
from __future__ import annotations

import base64
import hashlib
import re
from html import escape
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
HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
REL = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


# True when href leaves the site: an absolute http(s) URL of another origin than site_origin.
def is_outbound(href: str, site_origin: str | None) -> bool:
    href = href.strip()
    if not (href[:4].lower() == "http" or href.startswith("//")):  # relative links: most of a page's
        return False
    if href.startswith("//"):
        href = "https:" + href
    parts = urlsplit(href)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return False
    return site_origin is None or origin_of(href) != site_origin


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
        href = HREF.search(tag)
        if href is None or not is_outbound(href.group(1) if href.group(1) is not None else href.group(2), site_origin):
            return tag
        rel = REL.search(tag)
        if rel is None:
            return tag[:2] + ' rel="noopener noreferrer"' + tag[2:]
        words = (rel.group(1) if rel.group(1) is not None else rel.group(2)).split()
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        return tag[: rel.start()] + f'rel="{" ".join(words)}"' + tag[rel.end():]

    return A_START.sub(fix, html)


# ---------------------------------------------------------------- content security policy

INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
SRC_ATTR = re.compile(r"\bsrc\s*=", re.I)
TYPE_ATTR = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


# The CSP hash source ('sha256-...') of every inline script the browser would run in this HTML.
def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if SRC_ATTR.search(attrs):
            continue
        kind = TYPE_ATTR.search(attrs)
        if (kind.group(1).lower() if kind else "") not in EXECUTABLE_TYPES:
            continue  # data blocks such as Material's JSON __config do not run
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


# The Content-Security-Policy of the site: everything from itself, inline scripts only by hash.
def content_security_policy(script_hashes: set[str]) -> str:
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        # Material's stylesheets embed their icons as data: URIs (CSS masks); nothing else is inline.
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
    ])


PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "interest-cohort", "magnetometer", "microphone", "midi",
    "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
))


# The _headers file (Netlify / Cloudflare Pages format): the same headers for every path.
def headers_file(csp: str) -> str:
    lines = [
        "# Written by hooks/safety.py at build time: script hashes are those of the built pages.",
        "/*",
        f"  Content-Security-Policy: {csp}",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
        "  Cross-Origin-Opener-Policy: same-origin",
        "  Cross-Origin-Resource-Policy: same-origin",
    ]
    return "\n".join(lines) + "\n"


# Parse a _headers file into {path pattern: {header: value}}.
def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            current[name.strip()] = value.strip()
    return rules


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
