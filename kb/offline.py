"""The offline edition: one zip per language that works when opened from the file system.

`python -m kb.offline` (`make offline`) builds each language on its own (static-i18n's
`build_only_locale`, so that language is the root of its folder) with Material's offline plugin on
(`KB_OFFLINE=true`: links end in `.html`, the search index is also written as a script), drops
what a reader never loads, zips each folder as `kb-offline-<lang>.zip` holding one folder
`kb-offline-<lang>/`, writes `manifest.json` (name, bytes, sha256, build date) and prints each zip's
size and its ten heaviest files. The hosted build reads the manifest for its Download page.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from kb.buildlog import summarise
from kb.models import LANGUAGES

MANIFEST = "manifest.json"
# Where `make offline` writes the zips and the manifest, from the project folder (KB_OFFLINE_DIR overrides).
DEFAULT_OUT = Path("build") / "offline"
# Where the iframe worker shim is published inside an offline edition.
SHIM_URI = "assets/offline/iframe-worker.js"
SHIM_SOURCE = Path(__file__).resolve().parent / "assets" / "iframe-worker.js"


# ---------------------------------------------------------------- used by the hooks

# The folder holding the zips and manifest.json for a project (KB_OFFLINE_DIR, else build/offline).
def offline_dir(project: Path) -> Path:
    project = Path(project).resolve()
    override = os.environ.get("KB_OFFLINE_DIR")
    return (project / override) if override else project / DEFAULT_OUT


# The zip file name of a language's edition.
def zip_name(lang: str) -> str:
    return f"kb-offline-{lang}.zip"


# The edition the offline builds of this process make: they inherit KB_EDITION (public unless "network").
def current_edition() -> str:
    return "network" if os.environ.get("KB_EDITION") == "network" else "public"


# The manifest of the offline editions, or None when there is none (a plain `mkdocs build`) or when
# its zips were built for another edition: network-edition zips never reach a public site.
def read_manifest(folder: Path, edition: str | None = None) -> dict | None:
    path = folder / MANIFEST
    if not path.is_file():
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if edition is not None and manifest.get("edition", "public") != edition:
        return None
    editions = [e for e in manifest.get("editions", []) if (folder / e["name"]).is_file()]
    return {**manifest, "editions": editions} if editions else None


# ---------------------------------------------------------------- the build

# Build one language's offline edition into `folder` (mkdocs build --strict in a subprocess).
# `extra_env` adds variables (kb.zim sets KB_ZIM=true for the Kiwix variant of the same build).
def build_language(project: Path, lang: str, folder: Path, extra_env: dict[str, str] | None = None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_OFFLINE": "true", "KB_ONLY_LANG": lang, **(extra_env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(folder)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        log = result.stdout + result.stderr
        summary = summarise(log, project)
        first = f"{summary[0]}\n" if summary else ""
        what = "ZIM" if (extra_env or {}).get("KB_ZIM") == "true" else "offline"
        raise SystemExit(f"{first}(the {what} build of {lang} failed; its log follows)\n{log}")


# Remove what the offline reader never loads: source maps, the JSON index (file:// reads the .js
# copy), sitemaps, the 404 page (only a web server shows it; its links are absolute), and the
# search-language files of the other languages (kept: stemmer support and this language's
# stemmer; wordcut/tinyseg serve only Thai, Hindi and Japanese).
def prune(folder: Path, lang: str) -> None:
    keep = {"lunr.stemmer.support.min.js", f"lunr.{lang}.min.js"}
    for path in list(folder.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        drop = (
            rel.endswith(".map")
            or rel in ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html")
            or (rel.startswith("assets/javascripts/lunr/") and path.name not in keep)
        )
        if drop:
            path.unlink()


# Zip `folder` as `target`, every entry under `top/`, in a stable order with the build date.
def make_zip(folder: Path, target: Path, top: str, built: dt.date) -> None:
    stamp = (built.year, built.month, built.day, 0, 0, 0)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)


# The SHA-256 of a file, in hex.
def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


# The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC).
def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.date()


# A size for people: kB below one megabyte, else MB with one decimal.
def human(size: int) -> str:
    return f"{size / 1000:.0f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


# The ten heaviest files of a zip (uncompressed size), heaviest first.
def heaviest(target: Path, count: int = 10) -> list[tuple[str, int, int]]:
    with zipfile.ZipFile(target) as archive:
        rows = [(i.filename, i.file_size, i.compress_size) for i in archive.infolist()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:count]


# Build, prune and zip every requested language; write the manifest; print sizes. Returns the manifest.
def build_all(project: Path, out: Path, languages: list[str], report=print) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    built = build_date()
    editions = []
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as work:
        for lang in languages:
            top = zip_name(lang)[: -len(".zip")]
            folder = Path(work) / top
            build_language(project, lang, folder)
            prune(folder, lang)
            target = out / zip_name(lang)
            make_zip(folder, target, top, built)
            size = target.stat().st_size
            editions.append({"lang": lang, "name": target.name, "bytes": size, "sha256": sha256(target),
                             "built": built.isoformat()})
            report(f"{target.name}: {human(size)} ({size} bytes)")
            for name, raw, packed in heaviest(target):
                report(f"    {raw:>9,d} B  ({packed:>8,d} B zipped)  {name}")
    manifest = {"built": built.isoformat(), "edition": current_edition(), "editions": editions}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


# Command line: python -m kb.offline [--out DIR] [--lang fr ...]
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline edition of each language as a zip.")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--out", type=Path, default=None, help="folder for the zips (default build/offline)")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="one language (repeatable)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    out = (args.out or offline_dir(project)).resolve()
    for stale in out.glob("kb-offline-*.zip") if out.is_dir() else []:
        stale.unlink()
    build_all(project, out, args.lang or list(LANGUAGES))
    print(f"manifest: {out / MANIFEST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
