"""One ZIM file per language, for Kiwix (Android, iOS, desktop, kiwix-serve).

`python -m kb.zim` (`make zim`) builds each language with kb.offline's one-language offline build
(`KB_OFFLINE=true`, `KB_ONLY_LANG`) plus `KB_ZIM=true`, which makes hooks/zim.py leave out what
cannot work inside Kiwix (the site's search box: Kiwix searches the ZIM's own index; the quick exit:
Kiwix does not open an outside page in place, so it could not hide the page) and record every
page's title. The one-language build has no language switcher (the other languages are other
files). Every file of the build becomes an entry; pages are front articles with their titles, in a
full-text and title index in the page language. The ZIM metadata and its title are discreet (the
Kiwix library shows them). `make zim` prints each file's size and entry count, writes
`manifest.json` like the offline zips (with the edition), and stops with the page named when a page
cannot be packed.

libzim is imported only where a ZIM is written or read, so the hooks can import this module cheaply.
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import os
import re
import struct
import sys
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kb.errors import KbError
from kb.labels import Labels, load_labels
from kb.models import LANGUAGES
from kb.offline import MANIFEST, build_date, build_language, current_edition, human, prune, read_manifest, sha256

# Where `make zim` writes the ZIM files and their manifest, from the project folder (KB_ZIM_DIR overrides).
DEFAULT_OUT = Path("build") / "zim"
# ZIM metadata wants ISO 639-3 language codes.
ISO639_3 = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara"}
# The page list (path -> title) a ZIM build writes for the packer (hooks/zim.py); never packed.
PAGES_FILE = "kb-zim-pages.json"
MAIN_PAGE = "index.html"
ILLUSTRATION_SIZE = 48
# openZIM's metadata rules: Title at most 30 characters, Description at most 80.
TITLE_MAX, DESCRIPTION_MAX = 30, 80
# Files of the offline build that a Kiwix reader never loads (the site search is off in a ZIM build).
DROP_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.", "search/")
DROP_FILES = ("_headers",)
# Link relations whose href the browser loads (the others, such as canonical, are not fetched).
LOADED_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "prefetch", "manifest",
               "apple-touch-icon", "mask-icon"}


class ZimError(KbError):
    """A ZIM cannot be written; the message names every page that cannot be packed and why."""


# ---------------------------------------------------------------- used by the hooks

# True when this build is the ZIM variant of the offline build (KB_ZIM=true -> extra.zim).
def zim_enabled(config) -> bool:
    return str(config.extra.get("zim", "false")).strip().lower() in ("true", "1", "yes")


# The folder holding the ZIM files and their manifest for a project (KB_ZIM_DIR, else build/zim).
def zim_dir(project: Path) -> Path:
    project = Path(project).resolve()
    override = os.environ.get("KB_ZIM_DIR")
    return (project / override) if override else project / DEFAULT_OUT


# The ZIM file name of a language: discreet (the Kiwix library and the phone's file list show it).
def zim_name(lang: str) -> str:
    return f"kb-guide-{lang}.zim"


# The ZIM's metadata texts in a language, from data/labels.yml (zim.title, zim.description, ...).
def metadata_texts(labels: Labels, lang: str) -> dict[str, str]:
    return {key: labels.get(f"zim.{key.lower()}", lang) for key in ("Title", "Description", "Creator", "Publisher")}


# ---------------------------------------------------------------- the illustration

# The 48x48 illustration: an open book (the site's logo is Material's book-open-variant icon),
# white on a neutral slate square, drawn here with 4x4 supersampling and written as a PNG with zlib
# alone. Deliberately no red and no cross: nothing that could pass for an emblem.
def illustration_png(size: int = ILLUSTRATION_SIZE) -> bytes:
    scale = size / 48
    background = (0x37, 0x47, 0x4F)
    left = [(8, 13), (23, 16), (23, 37), (8, 34)]
    right = [(25, 16), (40, 13), (40, 34), (25, 37)]
    pages = [[(x * scale, y * scale) for x, y in poly] for poly in (left, right)]
    radius = 9 * scale
    samples = [(i + 0.5) / 4 for i in range(4)]
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter type 0 for each scan line
        for x in range(size):
            inside = white = 0
            for sy in samples:
                for sx in samples:
                    px, py = x + sx, y + sy
                    if _in_rounded_square(px, py, size, radius):
                        inside += 1
                        if any(_in_polygon(px, py, poly) for poly in pages):
                            white += 1
            alpha = round(255 * inside / 16)
            mix = white / inside if inside else 0
            rgb = [round(c + (255 - c) * mix) for c in background]
            rows.extend((*rgb, alpha))
    return _png(size, size, bytes(rows))


def _in_rounded_square(x: float, y: float, size: int, radius: float) -> bool:
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def _in_polygon(x: float, y: float, poly: list[tuple[float, float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


# A PNG file from raw RGBA scan lines (each preceded by its filter byte).
def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


# ---------------------------------------------------------------- checking a build before packing

class _Resources(HTMLParser):
    """The addresses a page makes the reader's browser load (scripts, styles, images, frames, media)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        loads_src = tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track", "input")
        if loads_src and values.get("src"):
            self.found.append(values["src"])
        if tag in ("img", "source") and values.get("srcset"):
            self.found.extend(part.split()[0] for part in values["srcset"].split(",") if part.strip())
        if tag == "object" and values.get("data"):
            self.found.append(values["data"])
        if tag == "link" and LOADED_RELS & set(values.get("rel", "").lower().split()) and values.get("href"):
            self.found.append(values["href"])


# The addresses a page loads.
def page_resources(html: str) -> list[str]:
    parser = _Resources()
    parser.feed(html)
    parser.close()
    return parser.found


# True for an address on another server (http:, https:, protocol-relative //host).
def is_remote(address: str) -> bool:
    split = urlsplit(address.strip())
    return bool(split.netloc) or split.scheme in ("http", "https", "ftp")


# Every problem that keeps the files of `folder` from being packed, as "path: message".
def check_build(folder: Path, pages: dict[str, str]) -> list[str]:
    problems: list[str] = []
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    for path in sorted(present):
        if path.endswith(".html") and path not in pages:
            problems.append(f"{path}: an HTML file that is not a page of the build (no title recorded)")
    if MAIN_PAGE not in pages:
        problems.append(f"{MAIN_PAGE}: the home page is missing from the build (the ZIM needs a main page)")
    for path, title in sorted(pages.items()):
        if path not in present:
            problems.append(f"{path}: page recorded by the build but its file is missing")
            continue
        if not title.strip():
            problems.append(f"{path}: the page has no title (give it a '# heading' or a title: in its front matter)")
        try:
            html = (folder / path).read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"{path}: not UTF-8 ({error})")
            continue
        for address in page_resources(html):
            if address.startswith("data:"):
                continue
            if is_remote(address):
                problems.append(f"{path}: loads {address} from another server (a ZIM must hold everything it shows)")
                continue
            target = _resolve(path, address)
            if target is not None and target not in present:
                problems.append(f"{path}: loads {address}, which is not part of the build")
    for path in sorted(p for p in present if p.endswith(".css")):
        text = (folder / path).read_text(encoding="utf-8", errors="replace")
        for address in _css_urls(text):
            if is_remote(address):
                problems.append(f"{path}: loads {address} from another server")
    return problems


# The build-relative path an address of `page` points to (None for fragments and empty addresses).
def _resolve(page: str, address: str) -> str | None:
    split = urlsplit(address)
    if not split.path:
        return None
    parts = Path(page).parent.as_posix().split("/") if "/" in page else []
    for segment in unquote(split.path).split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if parts:
                parts.pop()
        else:
            parts.append(segment)
    return "/".join(parts)


def _css_urls(text: str) -> list[str]:
    urls = [m.group(2) for m in re.finditer(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", text)]
    urls += [m.group(2) for m in re.finditer(r"@import\s+(['\"])([^'\"]+)\1", text)]
    return urls


# ---------------------------------------------------------------- packing

@dataclass
class Packed:
    """One written ZIM: its file, size and counts as read back from the file."""

    path: Path
    bytes: int
    entries: int
    articles: int


# The MIME type of a packed file.
def mimetype_of(path: str) -> str:
    special = {".js": "application/javascript", ".css": "text/css", ".svg": "image/svg+xml",
               ".json": "application/json", ".woff2": "font/woff2", ".woff": "font/woff",
               ".xml": "application/xml", ".webmanifest": "application/manifest+json"}
    suffix = Path(path).suffix.lower()
    if suffix == ".html":
        return "text/html"
    return special.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


# Write the ZIM of one language's build: every file an entry, pages as front articles with their
# titles, main page, metadata, illustration and the full-text index in that language.
def pack(folder: Path, target: Path, lang: str, pages: dict[str, str], meta: dict[str, str], built: str) -> Packed:
    from libzim.reader import Archive  # type: ignore[import-untyped]
    from libzim.writer import Creator, Hint, Item, StringProvider  # type: ignore[import-untyped]

    problems = check_build(folder, pages)
    if problems:
        raise ZimError(f"{lang}: {len(problems)} page(s) cannot be packed into {target.name}:\n"
                       + "\n".join(f"  {lang}/{p}" for p in problems))

    class Entry(Item):
        def __init__(self, path: str, title: str, mimetype: str, content: bytes, front: bool):
            super().__init__()
            self.path, self.title, self.mimetype, self.content, self.front = path, title, mimetype, content, front

        def get_path(self) -> str:
            return self.path

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return self.mimetype

        def get_contentprovider(self):
            return StringProvider(self.content)

        def get_hints(self) -> dict:
            compress = self.mimetype.startswith("text/") or self.mimetype in (
                "application/javascript", "application/json", "image/svg+xml", "application/xml")
            return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: compress}

    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    creator = Creator(str(target)).config_indexing(True, ISO639_3[lang])
    current = ""
    try:
        with _quiet_stdout(), creator:
            creator.set_mainpath(MAIN_PAGE)
            for name in ("Title", "Description", "Creator", "Publisher"):
                creator.add_metadata(name, meta[name])
            creator.add_metadata("Name", meta["Name"])
            creator.add_metadata("Language", ISO639_3[lang])
            creator.add_metadata("Date", built)
            creator.add_metadata("Tags", "_ftindex:yes;_pictures:yes;_videos:no;_details:yes")
            creator.add_illustration(ILLUSTRATION_SIZE, illustration_png())
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                current = file.relative_to(folder).as_posix()
                title = pages.get(current, "")
                creator.add_item(Entry(current, title, mimetype_of(current), file.read_bytes(), current in pages))
            current = ""
    except Exception as error:  # libzim reports RuntimeError; any failure leaves no half-written file
        if target.exists():
            target.unlink()
        where = f"{lang}/{current}: " if current else f"{lang}: "
        raise ZimError(f"{where}cannot be packed into {target.name}: {error}") from error
    archive = Archive(str(target))
    return Packed(path=target, bytes=target.stat().st_size, entries=archive.entry_count,
                  articles=archive.article_count)


# libzim's C++ side prints its progress on file descriptor 1: silence it so that `make zim` prints
# only its own summary lines (errors still surface as exceptions).
@contextmanager
def _quiet_stdout():
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as sink:
            os.dup2(sink.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


# Drop what a Kiwix reader never loads (on top of kb.offline.prune) and read the page list.
def prepare(folder: Path, lang: str) -> dict[str, str]:
    prune(folder, lang)
    for path in list(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and (rel in DROP_FILES or rel.startswith(DROP_PREFIXES)):
            path.unlink()
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    listing = folder / PAGES_FILE
    if not listing.is_file():
        raise ZimError(f"{lang}: the build wrote no {PAGES_FILE}: is hooks/zim.py listed in mkdocs.yml?")
    pages = json.loads(listing.read_text(encoding="utf-8"))
    listing.unlink()
    return {str(k): unescape(str(v)) for k, v in pages.items()}


# Build and pack every requested language; write the manifest; print sizes and entry counts.
def build_all(project: Path, out: Path, languages: list[str], report=print) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    built = build_date()
    labels = load_labels(project / "data" / "labels.yml")
    editions = []
    with tempfile.TemporaryDirectory(prefix="kb-zim-") as work:
        for lang in languages:
            folder = Path(work) / lang
            build_language(project, lang, folder, extra_env={"KB_ZIM": "true"})
            pages = prepare(folder, lang)
            meta = {**metadata_texts(labels, lang), "Name": f"kb-guide_{lang}"}
            packed = pack(folder, out / zim_name(lang), lang, pages, meta, built.isoformat())
            editions.append({"lang": lang, "name": packed.path.name, "bytes": packed.bytes,
                             "sha256": sha256(packed.path), "built": built.isoformat(),
                             "entries": packed.entries, "pages": len(pages)})
            report(f"{packed.path.name}: {human(packed.bytes)} ({packed.bytes} bytes), "
                   f"{packed.entries} entries ({len(pages)} pages, {packed.articles} front articles)")
    manifest = {"built": built.isoformat(), "edition": current_edition(), "editions": editions}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


# The ZIM manifest a hosted build may list (None when absent or built for another edition).
def read_zim_manifest(project: Path, edition: str) -> dict | None:
    return read_manifest(zim_dir(project), edition)


# Command line: python -m kb.zim [--out DIR] [--lang fr ...]
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build one ZIM file per language for Kiwix.")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--out", type=Path, default=None, help="folder for the ZIM files (default build/zim)")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="one language (repeatable)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    out = (args.out or zim_dir(project)).resolve()
    for stale in [*out.glob("kb-guide-*.zim"), out / MANIFEST] if out.is_dir() else []:
        stale.unlink(missing_ok=True)
    try:
        build_all(project, out, args.lang or list(LANGUAGES))
    except ZimError as error:
        for written in out.glob("kb-guide-*.zim"):  # nothing half-built is published
            written.unlink()
        print(f"make zim: {error}", file=sys.stderr)
        return 1
    print(f"manifest: {out / MANIFEST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
