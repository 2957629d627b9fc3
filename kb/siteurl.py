"""SITE_URL: the public address of the site (`make build SITE_URL=https://example.org/kb/`). With it,
pages carry a canonical link and absolute hreflang alternates (x-default: the default language); the
sitemap lists them. Without it, no alternates are written at all (relative ones are invalid)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

HEAD = re.compile(r"<head\b.*?</head>", re.S | re.I)
ALTERNATE_LINK = re.compile(r'<link rel="alternate"(?=[\s>])')


class SiteUrlError(ValueError):
    """SITE_URL is not an absolute http(s) address."""


# The site URL with one trailing slash, or None when unset; an invalid value raises SiteUrlError.
def normalise(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment \
            or any(c in value for c in "\"'<> \\"):
        raise SiteUrlError(f"SITE_URL must be an absolute https:// address such as https://example.org/kb/, got {value!r}")
    return value.rstrip("/") + "/"


# The absolute address of a site-relative URL ("fr/approach/", "" for the home page).
def absolute(site_url: str, url: str) -> str:
    url = "" if url in (".", "./") else url.lstrip("/")
    return site_url + url


# The hreflang alternates of a page: one per language that has it, then x-default (the default language's).
def alternates(site_url: str | None, urls: dict[str, str], default: str) -> list[dict[str, str]]:
    if not site_url or not urls:
        return []
    links = [{"lang": lang, "href": absolute(site_url, url)} for lang, url in urls.items()]
    if default in urls:
        links.append({"lang": "x-default", "href": absolute(site_url, urls[default])})
    return links


# The theme fetches sitemap.xml next to every <link rel="alternate"> of the head (its language
# selector looks the same page up there on click). static-i18n already links each language's same
# page, so those lookups only fail (a 404 and a console error each). A rel of "alternate " (a token
# list with a trailing space: the same link type for browsers and crawlers) is not matched by the
# theme's [rel=alternate] selector: no lookup, and the language switch is unchanged.
def hide_alternates(html: str) -> str:
    match = HEAD.search(html)
    if match is None:
        return html
    head = ALTERNATE_LINK.sub('<link rel="alternate "', match.group(0))
    return html[: match.start()] + head + html[match.end():]
