"""Translation freshness: which English version each translated page translates, and its review state.

Every translated page (docs/<lang>/..., lang not English) records in its front matter

    translation:
      source_hash: sha256:<hex>   # the English source it translates (12 to 64 hex digits)
      reviewed: false             # true once a native speaker has reviewed it

The source hash covers what a translator translates: the English page's `title`, its `description`
and its Markdown body (everything after the front matter). Other front-matter keys (layout, search
settings, ...) do not count, so changing them does not make translations outdated. Before hashing,
a byte-order mark is dropped, line endings become LF and trailing blank space at the end of the file
is removed; see `source_text`. The record keeps the first 16 hex digits; any prefix of 12 to 64
digits is accepted.

Command line (`make translations`):

    python -m kb.translations                       # the status of every page in every language
    python -m kb.translations --mark fr/approach.md  # fr/approach.md now translates the current English
    python -m kb.translations --mark fr/approach.md --reviewed   # ... and a native speaker reviewed it

    python -m kb.translations --diff fr/approach.md  # what changed in the English since fr/approach.md was translated
    python -m kb.translations --diff fr              # ... for every outdated French page
    python -m kb.translations --touch approach.md    # after a cosmetic English edit: keep its translations current
    python -m kb.translations --summary origin/main  # Markdown summary for a pull request into main

`--mark` records the current English hash and sets `reviewed: false` (new text has not been reviewed)
unless `--reviewed` is given. It edits only the `translation` block of the front matter; every other
byte of the file stays as it was. `--diff`, `--touch` and `--summary` are in kb.translation_review
(with kb.translation_history, kb.translation_diff, kb.parity and kb.cosmetic); they read git history.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML

from .yamlload import FRONT_MATTER, Loaded, load_front_matter, split_front_matter

DEFAULT_LANGUAGE = "en"
HASH_PREFIX = "sha256:"
HASH_DIGITS = 16
HASH_FORMAT = re.compile(r"^sha256:[0-9a-f]{12,64}$")
RECORD_KEYS = ("source_hash", "reviewed")

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"


class TranslationRecordError(ValueError):
    """A translated page's `translation` record is malformed."""

    def __init__(self, path: str, line: int | None, field_name: str, problem: str):
        self.path, self.line, self.field, self.problem = path, line, field_name, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: front matter field '{field_name}': {problem}")


@dataclass(frozen=True)
class Record:
    """A page's translation record: the English hash it translates (if known) and its review state."""

    source_hash: str | None
    reviewed: bool


@dataclass(frozen=True)
class Cell:
    """The state of one page in one language: current, outdated or missing, and whether reviewed."""

    state: str
    reviewed: bool | None = None  # None where the page is missing

    @property
    def unreviewed(self) -> bool:
        return self.state != MISSING and self.reviewed is False


@dataclass
class Report:
    """The translation state of every English page in every other language."""

    languages: list[str]  # the translated languages (English excluded)
    pages: list[str]  # English page paths relative to docs/en, posix, sorted
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (page, lang) -> Cell
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (page, lang) -> title

    # The cell of a page in a language (pages unknown to English are "current": nothing to translate).
    def cell(self, page: str, lang: str) -> Cell:
        return self.cells.get((page, lang), Cell(CURRENT, True))

    # Totals of one language: pages per state, and translations not yet reviewed.
    def totals(self, lang: str) -> dict[str, int]:
        cells = [self.cell(page, lang) for page in self.pages]
        counts = {state: sum(c.state == state for c in cells) for state in (CURRENT, OUTDATED, MISSING)}
        counts["unreviewed"] = sum(c.unreviewed for c in cells)
        return counts


# ---------------------------------------------------------------- front matter and hashing

# LF line endings, no byte-order mark.
def normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# The front matter of a page, read by the one YAML loader (kb.yamlload): None without front matter;
# a YAML problem or a front matter that is not a mapping raises, naming file, line and field.
def read_front_matter(text: str, path: str) -> Loaded | None:
    loaded = load_front_matter(text, path)
    if loaded is None:
        return None
    if loaded.problems:
        problem = loaded.problems[0]
        name = "front matter" if problem.field.startswith("(") else problem.field
        raise TranslationRecordError(path, problem.line, name, problem.message)
    if loaded.data is None:
        loaded.data = {}
    if not isinstance(loaded.data, dict):
        raise TranslationRecordError(path, loaded.line_of(()), "front matter", "must be a mapping of keys to values")
    return loaded


# The front matter of a page as a mapping ({} without one).
def meta_of(text: str, path: str) -> dict:
    loaded = read_front_matter(text, path)
    return loaded.data if loaded is not None else {}


# What a translator translates, normalised: title, description and body of an English page.
def source_text(text: str, path: str = "<english>") -> str:
    text = normalise(text)
    return _source_text(text, meta_of(text, path))


# source_text of a normalised text whose front matter is already read.
def _source_text(text: str, meta: dict) -> str:
    _yaml, body, _line = split_front_matter(text)
    title = str(meta.get("title", "") or "")
    description = str(meta.get("description", "") or "")
    return f"title: {title}\ndescription: {description}\n---\n{body.rstrip()}\n"


# The full hex sha256 of an English page's translatable text.
def source_digest(text: str, path: str = "<english>") -> str:
    text = normalise(text)
    return _digest(text, meta_of(text, path))


# source_digest of a normalised text whose front matter is already read.
def _digest(text: str, meta: dict) -> str:
    return hashlib.sha256(_source_text(text, meta).encode("utf-8")).hexdigest()


# The value recorded in `translation.source_hash` for an English page's text.
def source_hash(text: str, path: str = "<english>") -> str:
    return HASH_PREFIX + source_digest(text, path)[:HASH_DIGITS]


# Whether a recorded hash names this digest (the record holds a prefix of the hex digest).
def hash_matches(recorded: str | None, digest: str) -> bool:
    if not recorded:
        return False
    return digest.startswith(recorded[len(HASH_PREFIX):])


# ---------------------------------------------------------------- records

# The translation record of a translated page's text; None when it has none; errors name file, line, field.
def parse_record(text: str, path: str) -> Record | None:
    loaded = read_front_matter(normalise(text), path)
    return _record(loaded, path) if loaded is not None else None


# The checked record of read front matter (None without one); errors name the line.
def _record(loaded: Loaded, path: str) -> Record | None:
    meta = loaded.data
    if "translation" not in meta:
        return None
    record = meta["translation"]
    line = loaded.line_of(("translation",))
    if not isinstance(record, dict):
        raise TranslationRecordError(path, line, "translation",
                                     f"must be a mapping with {' and '.join(RECORD_KEYS)}, not {record!r}")
    for key in record:
        if key not in RECORD_KEYS:
            raise TranslationRecordError(path, loaded.line_of(("translation", key)), f"translation.{key}",
                                         f"unknown key (allowed: {', '.join(RECORD_KEYS)})")
    if "reviewed" not in record:
        raise TranslationRecordError(path, line, "translation.reviewed", "missing (true or false)")
    reviewed = record["reviewed"]
    if not isinstance(reviewed, bool):
        raise TranslationRecordError(path, loaded.line_of(("translation", "reviewed")), "translation.reviewed",
                                     f"must be true or false, not {reviewed!r}")
    recorded = record.get("source_hash")
    if "source_hash" in record and (not isinstance(recorded, str) or not HASH_FORMAT.match(recorded)):
        raise TranslationRecordError(path, loaded.line_of(("translation", "source_hash")), "translation.source_hash",
                                     "must look like 'sha256:' followed by 12 to 64 lowercase hex digits, "
                                     f"not {recorded!r}")
    return Record(source_hash=recorded, reviewed=reviewed)


# ---------------------------------------------------------------- the report

# The state of a translation against the English digest (a page without a record is outdated and unreviewed).
def cell_for(record: Record | None, digest: str) -> Cell:
    if record is None:
        return Cell(OUTDATED, False)
    return Cell(CURRENT if hash_matches(record.source_hash, digest) else OUTDATED, record.reviewed)


# The front-matter title of a page's front matter ("" if none).
def _title(meta: dict) -> str:
    return str(meta.get("title", "") or "")


# Read docs/<lang>/ trees and compute every page's state in every language (English hashed once).
def scan(docs_dir: Path, languages: list[str], default: str = DEFAULT_LANGUAGE) -> Report:
    docs_dir = Path(docs_dir)
    english_root = docs_dir / default
    others = [lang for lang in languages if lang != default]
    pages = sorted(p.relative_to(english_root).as_posix() for p in english_root.rglob("*.md"))
    report = Report(languages=others, pages=pages)
    for page in pages:
        # Each file's front matter is read once: its hash (English), record (translations) and title.
        text = normalise((english_root / page).read_text(encoding="utf-8"))
        meta = meta_of(text, f"{docs_dir.name}/{default}/{page}")
        digest = _digest(text, meta)
        report.titles[(page, default)] = _title(meta)
        for lang in others:
            path = docs_dir / lang / page
            if not path.is_file():
                report.cells[(page, lang)] = Cell(MISSING)
                continue
            label = f"{docs_dir.name}/{lang}/{page}"
            loaded = read_front_matter(normalise(path.read_text(encoding="utf-8")), label)
            report.cells[(page, lang)] = cell_for(_record(loaded, label) if loaded is not None else None, digest)
            report.titles[(page, lang)] = _title(loaded.data if loaded is not None else {})
    # Pages that exist only in a translation are not translations, but their records must still be valid.
    for lang in others:
        for path in sorted((docs_dir / lang).rglob("*.md")) if (docs_dir / lang).is_dir() else []:
            page = path.relative_to(docs_dir / lang).as_posix()
            if page not in pages:
                parse_record(path.read_text(encoding="utf-8"), f"{docs_dir.name}/{lang}/{page}")
    return report


# A fingerprint of every Markdown file under docs_dir (path, size, mtime): a changed file changes it.
def fingerprint(docs_dir: Path) -> tuple:
    return tuple(sorted((p.as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in Path(docs_dir).rglob("*.md")))


# ---------------------------------------------------------------- marking a page

# The text of a translated page with its record set to `new_hash` and `reviewed`; every other byte kept.
def mark_text(text: str, new_hash: str, reviewed: bool) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body_text = text[len(bom):]
    block = [f"translation:{newline}", f"  source_hash: {new_hash}{newline}",
             f"  reviewed: {'true' if reviewed else 'false'}{newline}"]
    match = FRONT_MATTER.match(body_text)
    if not match:
        return bom + f"---{newline}" + "".join(block) + f"---{newline}" + body_text
    yaml_text = match.group(2) or ""
    lines = yaml_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^translation[ \t]*:", line)), None)
    if start is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        lines += block
    else:
        end = start + 1
        while end < len(lines) and (lines[end].strip() == "" or lines[end][0] in " \t"
                                    or lines[end].lstrip().startswith("#")):
            end += 1
        while end > start + 1 and lines[end - 1].strip() == "":  # leave blank lines after the block alone
            end -= 1
        inline = lines[start].split(":", 1)[1].split("#", 1)[0].strip()
        if inline:  # flow style or a scalar: write the block form in its place
            lines[start:start + 1] = block
        else:
            lines[start:end] = _edit_block(lines[start:end], new_hash, reviewed, newline)
    return bom + match.group(1) + "".join(lines) + match.group(3) + body_text[match.end():]


# Set source_hash and reviewed inside a block-style `translation:` mapping (first line is the key).
def _edit_block(lines: list[str], new_hash: str, reviewed: bool, newline: str) -> list[str]:
    children = [line for line in lines[1:] if line.strip() and not line.lstrip().startswith("#")]
    indent = children[0][: len(children[0]) - len(children[0].lstrip(" \t"))] if children else "  "
    out = list(lines)
    for key, value in (("source_hash", new_hash), ("reviewed", "true" if reviewed else "false")):
        pattern = re.compile(rf"^({re.escape(indent)}{key}[ \t]*:[ \t]*)([^\r\n#]*?)([ \t]*(?:#[^\r\n]*)?)(\r?\n?)$")
        for i, line in enumerate(out[1:], start=1):
            found = pattern.match(line)
            if found:
                out[i] = found.group(1) + value + found.group(3) + (found.group(4) or "")
                break
        else:
            if not out[-1].endswith(("\n", "\r")):
                out[-1] += newline
            position = 1 if key == "source_hash" else len(out)
            out.insert(position, f"{indent}{key}: {value}{newline}")
    return out


# Mark docs/<lang>/<page> as translating the current English page; returns the new record.
def mark(docs_dir: Path, target: str, reviewed: bool, default: str = DEFAULT_LANGUAGE) -> Record:
    lang, _, page = target.strip("/").partition("/")
    if not page.endswith(".md"):
        raise ValueError(f"{target}: give LANG/PATH.md, for example fr/approach.md")
    if lang == default:
        raise ValueError(f"{target}: {default} is the source language; mark its translations instead")
    path, english = Path(docs_dir) / lang / page, Path(docs_dir) / default / page
    if not path.is_file():
        raise ValueError(f"{target}: no such translated page ({path})")
    if not english.is_file():
        raise ValueError(f"{target}: no English source {default}/{page}")
    new_hash = source_hash(english.read_text(encoding="utf-8"), f"{default}/{page}")
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    edited = mark_text(text, new_hash, reviewed)
    record = parse_record(edited, target)
    if record != Record(new_hash, reviewed):  # never write a file we cannot read back
        raise ValueError(f"{target}: could not update the translation record safely; edit it by hand")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(edited)
    return record


# ---------------------------------------------------------------- command line

# docs_dir and languages from mkdocs.yml (the i18n plugin's languages; English first).
def project_settings(config_file: Path) -> tuple[Path, list[str], str]:
    config = YAML(typ="rt", pure=True).load(Path(config_file).read_text(encoding="utf-8"))
    docs_dir = Path(config_file).parent / str(config.get("docs_dir", "docs"))
    languages, default = [], DEFAULT_LANGUAGE
    for plugin in config.get("plugins", []) or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"].get("languages", []):
                languages.append(str(lang["locale"]))
                if lang.get("default"):
                    default = str(lang["locale"])
    return docs_dir, languages or [default], default


# The words `make translations` prints for a cell.
def describe(cell: Cell) -> str:
    words = {CURRENT: "up to date", OUTDATED: "OUTDATED", MISSING: "MISSING"}[cell.state]
    return words + (", unreviewed" if cell.unreviewed else "")


# The plain-text report: one row per page, one column per language, then totals.
def format_report(report: Report, default: str = DEFAULT_LANGUAGE) -> str:
    out = StringIO()
    width = max([len("page")] + [len(p) for p in report.pages]) + 2
    cols = {lang: max([len(lang)] + [len(describe(report.cell(p, lang))) for p in report.pages]) + 2
            for lang in report.languages}
    out.write(f"Translations of docs/{default}/ ({len(report.pages)} pages)\n\n")
    out.write("page".ljust(width) + "".join(lang.ljust(cols[lang]) for lang in report.languages).rstrip() + "\n")
    for page in report.pages:
        cells = "".join(describe(report.cell(page, lang)).ljust(cols[lang]) for lang in report.languages)
        out.write(page.ljust(width) + cells.rstrip() + "\n")
    out.write("\nTotals\n")
    for lang in report.languages:
        t = report.totals(lang)
        out.write(f"  {lang}: {t[CURRENT]} up to date, {t[OUTDATED]} outdated, {t[MISSING]} missing;"
                  f" {t['unreviewed']} not yet reviewed by a native speaker\n")
    out.write("\nAfter updating a translation: make translations MARK=fr/approach.md"
              " (add REVIEWED=1 once a native speaker has reviewed it)\n")
    return out.getvalue()


# `python -m kb.translations [--mark LANG/PATH ...] [--reviewed] | --diff LANG[/PATH] | --touch PATH [--force]
#  | --summary BASE [--summary-file FILE]`.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.translations",
                                     description="Translation status, and marking updated translations.")
    parser.add_argument("--config-file", type=Path, default=Path(__file__).resolve().parents[1] / "mkdocs.yml")
    parser.add_argument("--mark", action="append", default=[], metavar="LANG/PATH",
                        help="record that this translated page now matches the current English page")
    parser.add_argument("--reviewed", action="store_true", help="with --mark: a native speaker has reviewed it")
    parser.add_argument("--diff", action="append", default=[], metavar="LANG[/PATH]",
                        help="what changed in the English since the version this translation (or every outdated page of LANG) translates")
    parser.add_argument("--touch", action="append", default=[], metavar="PATH",
                        help="after a cosmetic edit of the English page PATH, record its new hash in the translations that were up to date")
    parser.add_argument("--force", action="store_true", help="with --touch: also when the edit is more than cosmetic")
    parser.add_argument("--summary", metavar="BASE", help="Markdown summary of the translations a pull request into BASE makes outdated")
    parser.add_argument("--summary-file", type=Path, metavar="FILE", help="with --summary: append it to FILE (the job summary)")
    args = parser.parse_args(argv)
    if args.reviewed and not args.mark:
        parser.error("--reviewed goes with --mark LANG/PATH")
    if args.force and not args.touch:
        parser.error("--force goes with --touch PATH")
    if sum(map(bool, (args.mark, args.diff, args.touch, args.summary))) > 1:
        parser.error("give one of --mark, --diff, --touch, --summary")
    docs_dir, languages, default = project_settings(args.config_file)
    from kb import translation_review as review  # imports this module: load it only when asked

    try:
        for target in args.mark:
            record = mark(docs_dir, target, args.reviewed, default)
            print(f"marked {target}: source_hash {record.source_hash}, reviewed {str(record.reviewed).lower()}")
        for target in args.diff:
            print(review.diff_report(docs_dir, target, languages, default), end="")
        for page in args.touch:
            print("\n".join(review.touch(docs_dir, page, languages, default, args.force)))
        if args.summary:
            text = review.pr_summary(docs_dir, languages, default, args.summary)
            if args.summary_file:
                with open(args.summary_file, "a", encoding="utf-8") as handle:
                    handle.write(text)
            print(text, end="")
        if args.mark or args.diff or args.touch or args.summary:
            return 0
        report = scan(docs_dir, languages, default)
        print(format_report(report, default), end="")
        print(review.format_review(review.review(docs_dir, languages, default, report)), end="")
    except review.TouchRefused as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    except (TranslationRecordError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except review.HistoryUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0

if __name__ == "__main__":
    sys.exit(main())
