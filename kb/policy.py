"""One security policy for every host: the Content-Security-Policy and the security headers, written
once here and generated into `_headers` (Netlify, Cloudflare Pages), the nginx configuration of
`make host` (kb/host.py) and a `<meta http-equiv>` policy in every page (hosts that cannot set headers,
such as GitHub Pages).

Only known scripts run: the inline scripts the theme and the project ship are listed in
kb/inline_scripts.yml, the policy allows exactly their hashes, and `find_unsafe` reports any other
inline script, inline event handler (on...=) or javascript: URL in a built page. The policy never
depends on what the pages contain.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

from ruamel.yaml import YAML

ALLOWLIST = Path(__file__).with_name("inline_scripts.yml")
EDITIONS = ("public", "network")


class PolicyError(Exception):
    """The allowlist is missing or malformed."""


@dataclass(frozen=True)
class AllowedScript:
    name: str
    source: str
    code: str


@dataclass(frozen=True)
class Allowlist:
    theme: str
    theme_version: str
    scripts: tuple[AllowedScript, ...]

    # The CSP hash sources of the allowed scripts.
    def hashes(self) -> set[str]:
        return {script_hash(s.code) for s in self.scripts}


# Read the allowlist (kb/inline_scripts.yml by default).
@lru_cache(maxsize=4)
def load_allowlist(path: str | Path = ALLOWLIST) -> Allowlist:
    data = YAML(typ="safe").load(Path(path).read_text(encoding="utf-8"))
    try:
        scripts = tuple(AllowedScript(str(s["name"]), str(s["source"]), str(s["code"])) for s in data["scripts"])
        return Allowlist(str(data["theme"]), str(data["theme_version"]), scripts)
    except (KeyError, TypeError) as error:
        raise PolicyError(f"{path}: every script needs name, source and code; theme and theme_version are required ({error})") from None


# The CSP hash source ('sha256-...') of a script's text.
def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# ---------------------------------------------------------------- the policy

# Directives a <meta> policy cannot carry (the browser ignores them there, with a console error).
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "sandbox")


# The Content-Security-Policy: everything from the site itself, inline scripts only by hash.
# meta=True leaves out what a <meta http-equiv> policy cannot carry.
def content_security_policy(script_hashes: set[str], *, meta: bool = False) -> str:
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    directives = [
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
    ]
    if meta:
        directives = [d for d in directives if d.split(" ", 1)[0] not in HEADER_ONLY_DIRECTIVES]
    return "; ".join(directives)


# The policy of the allowlist (the one the site uses).
def site_policy(*, meta: bool = False, allowlist: Allowlist | None = None) -> str:
    return content_security_policy((allowlist or load_allowlist()).hashes(), meta=meta)


PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "interest-cohort", "magnetometer", "microphone", "midi",
    "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
))


# The security headers of every response, in order. The network edition also asks robots not to index.
def security_headers(csp: str, edition: str = "public") -> dict[str, str]:
    headers = {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if edition == "network":
        headers["X-Robots-Tag"] = "noindex, nofollow"
    return headers


# The _headers file (Netlify / Cloudflare Pages format): the same headers for every path.
def headers_file(csp: str, edition: str = "public") -> str:
    lines = ["# Written by the build from kb/policy.py and kb/inline_scripts.yml (do not edit).", "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(csp, edition).items()]
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


# ---------------------------------------------------------------- what the pages contain

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
CONTROL = re.compile(r"[\x00-\x20]+")


@dataclass(frozen=True)
class Finding:
    """Something in a built page that would run code the policy does not list."""
    kind: str      # "inline script", "event handler", "javascript: URL"
    line: int      # line in the built HTML
    needle: str    # text to look for in the page's source (e.g. "onclick", "javascript:", the script's first line)
    detail: str    # short description for the message


class _Scanner(HTMLParser):
    def __init__(self, allowed: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.findings: list[Finding] = []
        self._script: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        names = {name for name, _ in attrs}
        for name, value in attrs:
            if name.startswith("on") and len(name) > 2:
                self.findings.append(Finding("event handler", line, name, f"<{tag} {name}=…>"))
            if name in URL_ATTRIBUTES and value and CONTROL.sub("", value).lower().startswith("javascript:"):
                self.findings.append(Finding("javascript: URL", line, "javascript:", f"<{tag} {name}=\"{value[:40]}\">"))
        if tag == "script" and "src" not in names:
            kind = (dict(attrs).get("type") or "").strip().lower()
            if kind in SCRIPT_TYPES:
                self._script = (line, [])

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, parts = self._script
            self._script = None
            code = "".join(parts)
            if script_hash(code) not in self.allowed:
                first = next((text.strip() for text in code.splitlines() if text.strip()), "")
                self.findings.append(Finding("inline script", line, first or "<script", f"<script>{first[:40]}</script>"))


# Every inline script not in the allowlist, every on...= attribute and every javascript: URL in html.
# A page that a quick look proves clean is not parsed (a quarter of a build's time went to parsing
# every page); anything the quick look cannot prove clean gets the full parse.
def find_unsafe(html: str, allowed: set[str] | None = None) -> list[Finding]:
    allowed = load_allowlist().hashes() if allowed is None else allowed
    if surely_clean(html, allowed):
        return []
    scanner = _Scanner(allowed)
    scanner.feed(html)
    scanner.close()
    return scanner.findings


# The quick look: True only when the full parse cannot find anything. The parser reads a start tag
# wherever "<" and a letter begin one; from there to the next ">" must hold an even number of each
# quote (else a quoted ">" may hide the rest of the tag). A tag that may hold an event handler ("on"
# after a quote, space or slash) or a javascript: URL ("&", which may spell it, or "java" however
# spaced) is read attribute by attribute, as the parser would; written any less plainly, it gets the
# full parse. Each <script> has a src attribute or a non-script type, or its text is an allowed one.
TAG = re.compile(r"<[a-zA-Z][^>]*>?")
TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*")
ALARM = re.compile(r"""(?<=['"\s/])on|&|j[\x00-\x20]*a[\x00-\x20]*v[\x00-\x20]*a""", re.I)
SCRIPT_TAG = re.compile(r"<script(?=[\s/>])([^>]*)>", re.I)
SCRIPT_END = re.compile(r"</script", re.I)
# ALARM's parts, searched one by one in surely_clean ("&" by str.find): faster than the alternation.
# They search the tags lowercased (at the same positions), not with re.I: a pattern that starts with
# a letter is then found by a fast literal search instead of being tried at every position. No other
# character lowers to, or matches under re.I, o, n, j, a or v (tests/host checks it).
ALARM_ON = re.compile(r"""on(?<=['"\s/]on)""")
ALARM_JAVA = re.compile(r"j[\x00-\x20]*a[\x00-\x20]*v[\x00-\x20]*a")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
SIMPLE_ATTR = re.compile(r"""[\s/]*([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?[\s/]*""")


def surely_clean(html: str, allowed: set[str]) -> bool:
    if "\x00" in html:  # the separator of the tag list below: read tag by tag instead
        return _surely_clean_tag_by_tag(html, allowed)
    # The same checks with the per-tag work in C: the tags are listed once, their quotes counted in
    # one pass, and the alarms found by three searches over the tags joined by NUL (in no tag here);
    # only the tags that hold an alarm are read attribute by attribute, found from the alarm's place
    # (the NULs around it), not by walking every tag. A page holds ~750 tags: a Python loop running a
    # search in each was most of a build's policy time.
    tags = TAG.findall(html)
    if tags and not tags[-1].endswith(">"):  # only the last tag can run to the end without ">"
        return False
    if any((tag.count('"') | tag.count("'")) & 1 for tag in tags):
        return False
    joined = "\x00".join(tags)
    lowered = joined.lower()  # fast; when a character lowers to two, positions would move: A-Z only
    if len(lowered) != len(joined):
        lowered = joined.translate(ASCII_LOWER)
    hits = [m.start() for m in ALARM_ON.finditer(lowered)] + [m.start() for m in ALARM_JAVA.finditer(lowered)]
    position = joined.find("&")
    while position >= 0:
        hits.append(position)
        position = joined.find("&", position + 1)
    read: set[int] = set()
    for hit in hits:  # the tag around each hit, read once: between the NULs before and after it
        start = joined.rfind("\x00", 0, hit) + 1
        if start in read:
            continue
        read.add(start)
        end = joined.find("\x00", hit)
        if not _plain_tag_is_clean(joined[start:end if end >= 0 else len(joined)]):
            return False
    return _scripts_clean(html, allowed)


# The quick look one tag at a time (pages that hold a NUL character).
def _surely_clean_tag_by_tag(html: str, allowed: set[str]) -> bool:
    for match in TAG.finditer(html):
        tag = match.group(0)
        if not tag.endswith(">") or tag.count('"') % 2 or tag.count("'") % 2:
            return False
        if ALARM.search(tag) and not _plain_tag_is_clean(tag):
            return False
    return _scripts_clean(html, allowed)


# Each <script> has a src attribute or a non-script type, or its text is an allowed one.
def _scripts_clean(html: str, allowed: set[str]) -> bool:
    for match in SCRIPT_TAG.finditer(html):
        attrs = _simple_attributes(match.group(1))
        if attrs is None:
            return False
        if "src" in {key for key, _ in attrs} or (dict(attrs).get("type") or "").strip().lower() not in SCRIPT_TYPES:
            continue
        end = SCRIPT_END.search(html, match.end())
        if end is None or script_hash(html[match.end():end.start()]) not in allowed:
            return False
    return True


# A start tag read plainly: no on… attribute, no URL attribute that unescapes to javascript:.
def _plain_tag_is_clean(tag: str) -> bool:
    name = TAG_NAME.match(tag)
    attrs = _simple_attributes(tag[name.end() if name else 1:-1])
    if attrs is None:
        return False
    for key, value in attrs:
        if key.startswith("on") and len(key) > 2:
            return False
        if key in URL_ATTRIBUTES and CONTROL.sub("", html_unescape(value)).lower().startswith("javascript:"):
            return False
    return True


# The attributes of a start tag's text after its name, in order, or None when not plainly written.
def _simple_attributes(text: str) -> list[tuple[str, str]] | None:
    attrs: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = SIMPLE_ATTR.match(text, position)
        if match is None or match.end() == position:
            return None if text[position:].strip(" \t\n\r\f/") else attrs
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        attrs.append((match.group(1).lower(), value))
        position = match.end()
    return attrs


# The 1-based line of the page's source (Markdown) that holds the finding, or None.
def source_line(source: str, finding: Finding) -> int | None:
    needle = finding.needle.lower()
    if finding.kind == "event handler":
        pattern = re.compile(rf"\b{re.escape(needle)}\s*=", re.I)
    elif finding.kind == "javascript: URL":
        pattern = re.compile(r"javascript\s*:", re.I)
    else:
        pattern = re.compile(re.escape(needle) if needle != "<script" else r"<script\b", re.I)
    for number, text in enumerate(source.splitlines(), start=1):
        if pattern.search(text):
            return number
    if finding.kind == "inline script":
        for number, text in enumerate(source.splitlines(), start=1):
            if re.search(r"<script\b", text, re.I):
                return number
    return None


# The CSP hash source of every inline script the browser would run in this HTML (any script).
def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for match in re.finditer(r"<script\b([^>]*)>(.*?)</script\s*>", html, re.I | re.S):
        attrs = match.group(1)
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
        if (kind.group(1).lower() if kind else "") in SCRIPT_TYPES:
            hashes.add(script_hash(match.group(2)))
    return hashes
