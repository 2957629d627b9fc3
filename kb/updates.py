"""Updates published by the network secretariats: posts, listings by network and year, Atom feeds.

A post is `docs/<lang>/updates/posts/<date>-<slug>.md` with front matter `title`, `date`
(YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known), `network` (apmn or atn) and
`summary`. English is the source; a translation carries the same file name, date and network.
Material's blog plugin is not used: its `blog_dir` cannot follow static-i18n's per-language
folders (the posts are not found, and its generated archive/category pages are "unhandled" by
static-i18n), and it writes no feed.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date, format_skeleton

from .context import PageFile, PageView
from .errors import KbError
from .markers import handler
from .urls import relative_url
from .yamlload import BadTimestamp, load_front_matter

SECTION = "updates/"
POSTS = "updates/posts/"
FEED_NAME = "feed.xml"
REQUIRED = ("title", "date", "network", "summary")
MARKER = re.compile(r"<!--\s*kb:updates(?:\s+([a-z]+))?\s*-->")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ATOM = "http://www.w3.org/2005/Atom"


class PostError(KbError):
    """A mistake in a post, already worded as `file:line: what to change`."""


@dataclass(frozen=True)
class PostDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    # The date as written in front matter: YYYY-MM-DD, YYYY-MM or YYYY.
    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p is not None)]
        return "-".join(parts)

    # A key that sorts newest first when reversed (a month-only date sorts after its days).
    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 13, self.day or 32)

    # The first day the date may mean: Atom needs a full timestamp.
    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    # The date in the reader's language, only as precise as it is known.
    def display(self, lang: str) -> str:
        if self.day is not None:
            return format_date(self.first_day, format="long", locale=lang)
        if self.month is not None:
            return format_skeleton("yMMMM", self.first_day, locale=lang)
        return format_skeleton("y", self.first_day, locale=lang)


@dataclass(frozen=True)
class Post:
    """One post as read from its file (its URL depends on the language build)."""

    path: str  # relative to the project, for messages: docs/fr/updates/posts/x.md
    lang: str  # the language the file is written in
    name: str  # file name without .md, the same in every language
    date: PostDate
    network: str
    title: str
    summary: str


@dataclass(frozen=True)
class Listed:
    """A post as listed in one language build: where it is and whether it is a fallback."""

    post: Post
    url: str
    fallback: bool


# ---------------------------------------------------------------- reading and checking posts

# Parse a front matter date (YAML gives a date for YYYY-MM-DD, an int for YYYY, a str for YYYY-MM).
def parse_date(value: object) -> PostDate:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PostDate(value.year, value.month, value.day)
    match = DATE.match(str(value).strip())
    if not match:
        raise ValueError(value)
    year = int(match.group(1))
    month, day = (int(p) if p else None for p in match.groups()[1:])
    if month is not None:
        dt.date(year, month, day or 1)  # raises ValueError for month 13 or 31 February
    return PostDate(year, month, day)


# The 1-based line of a front matter key in a file's text (1 when absent).
def line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


# The front matter of a file as a dict ({} when there is none); unreadable YAML raises PostError.
def front_matter(text: str, rel: str) -> dict:
    loaded = load_front_matter(text, rel)
    if loaded is None:
        return {}
    if loaded.problems:
        problem = loaded.problems[0]
        raise PostError(f"{rel}:{problem.line}: the front matter is not valid YAML "
                        f"({problem.field}: {problem.message}) — compare it with the post template in CONTRIBUTING.md")
    meta = loaded.data if loaded.data is not None else {}
    if not isinstance(meta, dict):
        raise PostError(f"{rel}:2: the front matter must be `key: value` lines — compare it with the post template")
    for key, value in meta.items():
        if isinstance(value, BadTimestamp):  # YAML reads 2024-02-30 as a date that does not exist
            raise PostError(f"{rel}:{loaded.line_of((key,))}: {key} is not a real date — write YYYY-MM-DD "
                            "(or YYYY-MM, or YYYY when only the month or year is known)")
    return meta


# Read and check one post file; every mistake raises PostError naming file, line and the fix.
def read_post(path: Path, docs_dir: Path, project: Path, networks: Iterable[str]) -> Post:
    rel = path.relative_to(project).as_posix()
    lang = path.relative_to(docs_dir).parts[0]
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text, rel)
    if not meta:
        raise PostError(f"{rel}:1: no front matter — start the file with the block between --- lines "
                        "from the post template in CONTRIBUTING.md")
    for key in REQUIRED:
        value = meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PostError(f"{rel}:{line_of(text, key)}: '{key}' is missing or empty — add `{key}:` "
                            "to the front matter (see the post template in CONTRIBUTING.md)")
    try:
        date = parse_date(meta["date"])
    except ValueError:
        raise PostError(f"{rel}:{line_of(text, 'date')}: date '{meta['date']}' is not a date — write "
                        "YYYY-MM-DD (or YYYY-MM, or YYYY when only the month or year is known)") from None
    network = str(meta["network"]).strip()
    if network not in networks:
        raise PostError(f"{rel}:{line_of(text, 'network')}: network '{network}' is not a network — "
                        f"write one of: {', '.join(sorted(networks))}")
    name = path.stem
    if not name.startswith(date.iso + "-"):
        raise PostError(f"{rel}:{line_of(text, 'date')}: the file name must start with the date "
                        f"'{date.iso}-' — rename it to {date.iso}-<short-name>.md or correct the date")
    for key in ("title", "summary"):
        if not isinstance(meta[key], str):
            raise PostError(f"{rel}:{line_of(text, key)}: '{key}' must be text — put it in quotes")
    return Post(rel, lang, name, date, network, meta["title"].strip(), " ".join(meta["summary"].split()))


# Every post of the project, checked: each file alone, then each translation against its English.
def check_posts(docs_dir: Path, project: Path, default: str, networks: Iterable[str]) -> list[Post]:
    posts = [read_post(p, docs_dir, project, networks) for p in sorted(docs_dir.glob(f"*/{POSTS}*.md"))]
    originals = {p.name: p for p in posts if p.lang == default}
    for post in posts:
        if post.lang == default:
            continue
        original = originals.get(post.name)
        if original is None:
            raise PostError(f"{post.path}:1: no English original — add docs/{default}/{POSTS}{post.name}.md "
                            "first (English is the source), or give this file the same name as its original")
        for key in ("date", "network"):
            if getattr(post, key) != getattr(original, key):
                text = (project / post.path).read_text(encoding="utf-8")
                mine = getattr(post, key)
                theirs = getattr(original, key)
                mine, theirs = (v.iso if isinstance(v, PostDate) else v for v in (mine, theirs))
                raise PostError(f"{post.path}:{line_of(text, key)}: {key} '{mine}' differs from the English "
                                f"original ({original.path}: '{theirs}') — make them the same")
    return posts


# ---------------------------------------------------------------- one language build

# The posts this language build holds (its own and English fallbacks), newest first.
def listed_posts(pages: list[PageFile], lang: str, docs_dir: Path, project: Path, networks: Iterable[str],
                 network: str | None = None) -> list[Listed]:
    listed = []
    for file in pages:
        if not file.path.startswith(POSTS):
            continue
        post = read_post(file.abs_src, docs_dir, project, networks)
        if network is None or post.network == network:
            listed.append(Listed(post, file.url, fallback=post.lang != lang))
    return sorted(listed, key=lambda item: (item.post.date.sort_key, item.post.name), reverse=True)


# The URL of a page of this build by its path in the language folder ("updates/apmn.md"), or None.
def url_of_path(pages: list[PageFile], path: str) -> str | None:
    return next((f.url for f in pages if f.path == path), None)


@handler("updates", "markdown", target="network-optional")
def updates_marker(page: PageView, target: str, _inner: str | None) -> str:
    """The posts of this language build (of one network, or all), by year, newest first."""
    ctx, lang = page.ctx, page.lang.reader
    items = listed_posts(page.pages, lang, ctx.docs_dir, ctx.root, ctx.catalogue.networks, target or None)
    networks = {n: url for n in ctx.catalogue.networks if (url := url_of_path(page.pages, f"{SECTION}{n}.md"))}
    years: list[dict] = []
    for item in items:
        if not years or years[-1]["year"] != item.post.date.year:
            years.append({"year": item.post.date.year, "items": []})
        post = item.post
        years[-1]["items"].append({
            "post": post, "href": relative_url(item.url, page.url), "fallback": item.fallback,
            "date": post.date.display(lang),
            "network_url": relative_url(networks[post.network], page.url) if post.network in networks else None})
    feed = None
    if not ctx.offline:  # the offline edition (file://): feeds are for subscribing online
        title = f"{page.state.get('site_name', '')} — {page.t('updates.feed.title')}"
        feed = {"href": FEED_NAME, "title": title + (f" — {target.upper()}" if target else "")}
        page.state["feed"] = feed
    return page.render("updates_listing.html", years=years, feed=feed)


# The header shown on a post page: date, network and, for a fallback, the "English only" notice.
def post_header(page: PageView, post: Post, network_url: str | None) -> str:
    return page.render("updates_post_header.html", post=post, date=post.date.display(page.lang.reader),
                       network_url=network_url)


# An Atom feed (RFC 4287) of the listed posts: title, link, date and summary of each, nothing else.
def atom_feed(items: list[Listed], *, lang: str, feed_url: str, page_url: str, title: str,
              author: str, site_url: str | None) -> bytes:
    ET.register_namespace("", ATOM)

    def q(tag: str) -> str:
        return f"{{{ATOM}}}{tag}"

    def href(url: str) -> str:
        # Absolute with site_url; otherwise relative to the feed, which RFC 4287 allows.
        return site_url.rstrip("/") + "/" + url if site_url else relative_url(url, feed_url)

    def ident(url: str) -> str:
        if site_url:
            return site_url.rstrip("/") + "/" + url
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'kb:' + url)}"

    def stamp(post: Post) -> str:
        return post.date.first_day.isoformat() + "T00:00:00Z"

    feed = ET.Element(q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, q("title")).text = title
    ET.SubElement(feed, q("id")).text = ident(feed_url)
    ET.SubElement(feed, q("link"), {"rel": "self", "type": "application/atom+xml", "href": href(feed_url)})
    ET.SubElement(feed, q("link"), {"rel": "alternate", "type": "text/html", "href": href(page_url)})
    newest = max((stamp(i.post) for i in items), default="1970-01-01T00:00:00Z")
    ET.SubElement(feed, q("updated")).text = newest
    ET.SubElement(ET.SubElement(feed, q("author")), q("name")).text = author
    for item in items:
        entry = ET.SubElement(feed, q("entry"))
        if item.fallback:
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", item.post.lang)
        ET.SubElement(entry, q("title")).text = item.post.title
        ET.SubElement(entry, q("link"), {"rel": "alternate", "type": "text/html", "href": href(item.url)})
        ET.SubElement(entry, q("id")).text = ident(item.url)
        ET.SubElement(entry, q("updated")).text = stamp(item.post)
        ET.SubElement(entry, q("summary")).text = item.post.summary
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


# Where a section page's feed goes: updates/feed.xml, updates/apmn/feed.xml.
def feed_url(section_url: str) -> str:
    return posixpath.join(section_url, FEED_NAME)
