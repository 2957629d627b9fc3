"""What a translator needs beyond "outdated": what changed, what differs, and cosmetic English edits.

Built on `kb.translations` (records and the content hash), `kb.translation_history` (the English
versions in git), `kb.translation_diff` (paragraph diff), `kb.parity` (structure) and
`kb.cosmetic` (typo fixes). Used by `make translations` (DIFF=, TOUCH=), the build (a recorded hash
that names no English version; the status page's details) and the pull-request summary.

- `review`: for every translated page: its state, the English version it translates (looked up in
  history for outdated pages), how many English paragraphs changed since, and structural parity.
  Parity compares a translation with the English version it translates when that version is known,
  else with the current English (an outdated page is not blamed for the English changes).
- `diff_report`: `make translations DIFF=fr/approach.md` or `DIFF=fr`.
- `touch`: `make translations TOUCH=approach.md [FORCE=1]`.
- `pr_summary`: the Markdown job summary of a pull request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb import cosmetic
from kb.mdblocks import page_blocks
from kb.parity import Difference, compare_texts
from kb.translation_diff import PageDiff, diff_pages, format_diff, format_page
from kb.translation_history import (
    HistoryUnavailable,
    Version,
    find_version,
    git,
    previous_version,
    read_blobs,
    repository_root,
)
from kb.translations import (
    DEFAULT_LANGUAGE,
    FRONT_MATTER,
    MISSING,
    OUTDATED,
    Record,
    Report,
    hash_matches,
    normalise,
    parse_record,
    scan,
    source_digest,
    source_hash,
)

FOUND, NOT_FOUND, NO_RECORD, NO_HISTORY = "found", "not-found", "no-record", "no-history"
REVIEW = "translation_review"  # the key of the build's Review in BuildContext.extra
SUMMARY_DIFF_LIMIT = 12000  # characters of diff per English page in a pull-request summary (a comment holds 65536)


class TouchRefused(ValueError):
    """TOUCH was asked for an English edit that is more than cosmetic (or cannot be checked)."""


@dataclass
class PageReview:
    """One translated page: its state, the English version it translates, English changes since, parity."""

    page: str
    lang: str
    state: str  # CURRENT or OUTDATED (missing pages are not reviewed)
    recorded: str | None  # the recorded source_hash
    line: int | None  # the line of `source_hash` in the translated file
    lookup: str | None = None  # outdated pages: FOUND, NOT_FOUND, NO_RECORD or NO_HISTORY
    version: Version | None = None  # the English version the record names (outdated and found)
    changes: PageDiff | None = None  # English changes since that version
    searched: int = 0  # English versions hashed while looking
    shallow: bool = False  # the clone's history is cut short
    parity: list[Difference] = field(default_factory=list)

    @property
    def target(self) -> str:
        return f"{self.lang}/{self.page}"


@dataclass
class Review:
    """Every translated page's review, and the hash each English page has now."""

    report: Report
    default: str
    pages: dict[tuple[str, str], PageReview] = field(default_factory=dict)  # (page, lang)
    english_hashes: dict[str, str] = field(default_factory=dict)  # page -> current source_hash
    history_problem: str | None = None  # why git history could not be read (None: it could)

    def get(self, page: str, lang: str) -> PageReview | None:
        return self.pages.get((page, lang))

    # Translations whose recorded hash names no English version in a complete history.
    def unknown_versions(self) -> list[PageReview]:
        return [r for r in self.pages.values() if r.lookup == NOT_FOUND and not r.shallow]

    def with_parity_problems(self) -> list[PageReview]:
        return [r for r in self.pages.values() if r.parity]


# The 1-based line of `source_hash` in a translated page's front matter (None if it has none).
def record_line(text: str) -> int | None:
    match = FRONT_MATTER.match(normalise(text))
    if not match:
        return None
    for number, line in enumerate((match.group(2) or "").split("\n"), start=2):
        if re.match(r"^[ \t]+source_hash[ \t]*:", line) or re.search(r"[{,][ \t]*source_hash[ \t]*:", line):
            return number
    return None


# Review every translated page of docs_dir (git history read only for outdated pages).
def review(docs_dir: Path, languages: list[str], default: str = DEFAULT_LANGUAGE, report: Report | None = None) -> Review:
    docs_dir = Path(docs_dir)
    report = report or scan(docs_dir, languages, default)
    result = Review(report=report, default=default)
    for page in report.pages:
        english_path = docs_dir / default / page
        english = english_path.read_text(encoding="utf-8")
        result.english_hashes[page] = source_hash(english, f"{default}/{page}")
        for lang in report.languages:
            cell = report.cell(page, lang)
            if cell.state == MISSING:
                continue
            translated = (docs_dir / lang / page).read_text(encoding="utf-8")
            record = parse_record(translated, f"{lang}/{page}")
            item = PageReview(page, lang, cell.state, record.source_hash if record else None, record_line(translated))
            compared_with = english
            if cell.state == OUTDATED:
                _look_up(item, english_path, english, result)
                if item.version is not None:
                    compared_with = item.version.text
            item.parity = compare_texts(compared_with, translated, f"{default}/{page}", f"{lang}/{page}")
            result.pages[(page, lang)] = item
    return result


# Find the English version an outdated page records, and what changed since (fills `item`).
def _look_up(item: PageReview, english_path: Path, english: str, result: Review) -> None:
    if not item.recorded:
        item.lookup = NO_RECORD
        return
    try:
        found = find_version(english_path, item.recorded)
    except HistoryUnavailable as error:
        item.lookup = NO_HISTORY
        result.history_problem = str(error)
        return
    item.searched, item.shallow = found.searched, found.shallow
    if found.version is None:
        item.lookup = NOT_FOUND
        return
    item.lookup, item.version = FOUND, found.version
    item.changes = diff_pages(found.version.text, english, found.version.path, str(english_path))


# ---------------------------------------------------------------- DIFF

# `make translations DIFF=fr/approach.md` (one page) or `DIFF=fr` (every outdated page of a language).
def diff_report(docs_dir: Path, target: str, languages: list[str], default: str = DEFAULT_LANGUAGE) -> str:
    docs_dir = Path(docs_dir)
    lang, _, page = target.strip("/").partition("/")
    if lang not in languages or lang == default:
        others = ", ".join(x for x in languages if x != default)
        raise ValueError(f"{target}: give a translated language ({others}) or LANG/PATH.md, for example fr/approach.md")
    if page:
        if not page.endswith(".md"):
            raise ValueError(f"{target}: give LANG/PATH.md, for example fr/approach.md")
        if not (docs_dir / default / page).is_file():
            raise ValueError(f"{target}: no English page {default}/{page}")
        if not (docs_dir / lang / page).is_file():
            raise ValueError(f"{target}: not translated yet; translate docs/{default}/{page} (copy it to docs/{lang}/{page})")
        return _page_diff(docs_dir, lang, page, default)
    report = scan(docs_dir, languages, default)
    outdated = [p for p in report.pages if report.cell(p, lang).state == OUTDATED]
    missing = [p for p in report.pages if report.cell(p, lang).state == MISSING]
    out = [f"{lang}: {len(outdated)} outdated page(s)" + (f": {', '.join(outdated)}" if outdated else "") + "\n\n"]
    for page in outdated:
        out.append("=" * 78 + "\n" + _page_diff(docs_dir, lang, page, default) + "\n")
    if missing:
        out.append(f"Not translated yet in {lang} (translate the whole English page): {', '.join(missing)}\n")
    return "".join(out)


# The diff of one translated page: from the English version it records to the current English.
def _page_diff(docs_dir: Path, lang: str, page: str, default: str) -> str:
    english_path = docs_dir / default / page
    english = english_path.read_text(encoding="utf-8")
    translated = (docs_dir / lang / page).read_text(encoding="utf-8")
    record = parse_record(translated, f"{lang}/{page}")
    english_rel = f"{docs_dir.name}/{default}/{page}"
    target = f"{lang}/{page}"
    digest = source_digest(english, english_rel)
    head = f"{target} translates {english_rel}"
    after = f"\nAfter updating {target}: make translations MARK={target}\n"
    if record is not None and hash_matches(record.source_hash, digest):
        return f"{head}: up to date (it records {record.source_hash}, the current English version). Nothing changed.\n"
    if record is None or not record.source_hash:
        return (f"{head}: it records no English version (no translation.source_hash), so there is nothing to compare with.\n"
                f"The whole current English page follows.\n\n{format_page(page_blocks(english, english_rel), english_rel)}{after}")
    try:
        found = find_version(english_path, record.source_hash)
    except HistoryUnavailable as error:
        return (f"{head}: it records {record.source_hash}, but the English page's git history cannot be read ({error}).\n"
                f"The whole current English page follows.\n\n{format_page(page_blocks(english, english_rel), english_rel)}{after}")
    if found.version is None:
        why = (" This clone's history is shallow: fetch it all (git fetch --unshallow) and try again."
               if found.shallow else "")
        return (f"{head}: it records {record.source_hash}, which matches none of the {found.searched} versions of "
                f"{english_rel} in this repository's history (the file on disk, every commit of this branch and of every "
                f"other branch).{why}\nThe whole current English page follows.\n\n"
                f"{format_page(page_blocks(english, english_rel), english_rel)}{after}")
    version = found.version
    changes = diff_pages(version.text, english, version.path, english_rel)
    lines = [f"{head}: it records {record.source_hash}, the English of {version.describe()}.\n",
             f"English changes since then, in the file on disk: {changes.summary()} paragraph(s)"
             f" (unchanged paragraphs are not shown).\n\n"]
    if not changes.changes:
        lines.append("The English text differs only in ways that do not split into paragraphs (white space).\n")
    lines.append(format_diff(changes, english_rel))
    return "".join(lines) + after.lstrip("\n")


# ---------------------------------------------------------------- TOUCH

# Replace the recorded hash (and nothing else) in a translated page's text; None if it cannot be done safely.
def retouch_text(text: str, old_hash: str, new_hash: str) -> str | None:
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    match = FRONT_MATTER.match(text[len(bom):])
    if not match or (match.group(2) or "").count(old_hash) != 1:
        return None
    start = len(bom) + match.start(2)
    yaml_text = match.group(2).replace(old_hash, new_hash)
    return text[:start] + yaml_text + text[start + len(match.group(2)):]


# `make translations TOUCH=approach.md`: after a cosmetic English edit, re-record the new English hash in
# every translation that recorded the version before the edit. Returns the lines to print.
def touch(docs_dir: Path, page: str, languages: list[str], default: str = DEFAULT_LANGUAGE, force: bool = False) -> list[str]:
    docs_dir = Path(docs_dir)
    page = re.sub(rf"^(?:{re.escape(docs_dir.name)}/)?{re.escape(default)}/", "", page.strip("/"))
    english_path = docs_dir / default / page
    english_rel = f"{docs_dir.name}/{default}/{page}"
    if not page.endswith(".md") or not english_path.is_file():
        raise ValueError(f"{page}: give the path of an English page inside {docs_dir.name}/{default}/, for example approach.md")
    english = english_path.read_text(encoding="utf-8")
    digest = source_digest(english, english_rel)
    new_hash = source_hash(english, english_rel)
    try:
        before = previous_version(english_path, digest)
    except HistoryUnavailable as error:
        raise TouchRefused(f"{english_rel}: cannot read its git history ({error}); TOUCH needs the version before the edit") from None
    if before is None:
        raise TouchRefused(f"{english_rel}: no committed version differs from the file on disk, so there is no earlier version to compare with")
    problems = cosmetic.differences(before.text, english, english_rel)
    out = [f"{english_rel}: compared with {before.describe()}."]
    if problems and not force:
        raise TouchRefused(
            f"{english_rel}: the English change since {before.describe()} is more than cosmetic, so its translations"
            " must be updated, not touched:\n" + "\n".join(f"  - {p}" for p in problems)
            + f"\nTranslators see the change with: make translations DIFF=fr/{page} (or es/, ar/)."
            + f"\nIf you are sure the meaning did not change: make translations TOUCH={page} FORCE=1")
    if problems:
        out.append("More than cosmetic, touched anyway (FORCE):" + "".join(f"\n  - {p}" for p in problems))
    else:
        out.append("The change is cosmetic (white space, punctuation, capitals or spelling only).")
    for lang in languages:
        if lang == default:
            continue
        target = f"{lang}/{page}"
        path = docs_dir / lang / page
        if not path.is_file():
            out.append(f"  {target}: not translated; nothing to do")
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        record = parse_record(text, target)
        if record is None or not record.source_hash:
            out.append(f"  {target}: records no English version; left as it is (update it, then MARK it)")
        elif hash_matches(record.source_hash, digest):
            out.append(f"  {target}: already records the current English ({record.source_hash}); unchanged")
        elif not hash_matches(record.source_hash, before.digest):
            out.append(f"  {target}: was already outdated before this edit (it records {record.source_hash}); left as it is"
                       f" (make translations DIFF={target})")
        else:
            edited = retouch_text(text, record.source_hash, new_hash)
            if edited is None or parse_record(edited, target) != Record(new_hash, record.reviewed) or \
                    _changed_lines(text, edited) != 1:
                raise ValueError(f"{target}: could not replace the source_hash line safely; edit it by hand (set it to {new_hash})")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(edited)
            out.append(f"  {target}: {record.source_hash} -> {new_hash} (line {record_line(edited)}; nothing else changed)")
    return out


# How many lines differ between two texts with the same number of lines (-1 if the counts differ).
def _changed_lines(a: str, b: str) -> int:
    x, y = a.splitlines(keepends=True), b.splitlines(keepends=True)
    return sum(p != q for p, q in zip(x, y, strict=False)) if len(x) == len(y) else -1


# ---------------------------------------------------------------- plain-text report and build messages

# The part of `make translations` after the status table: English changes, unknown versions, parity.
def format_review(result: Review) -> str:
    out = []
    outdated = [r for r in result.pages.values() if r.state == OUTDATED]
    if outdated:
        out.append("\nOutdated translations: what changed in the English since the version each translates\n")
        for item in sorted(outdated, key=lambda r: (r.lang, r.page)):
            out.append(f"  {item.target}: {lookup_words(item)}   (make translations DIFF={item.target})\n")
    if result.history_problem:
        out.append(f"\nGit history unavailable ({result.history_problem}): English changes cannot be shown.\n")
    problems = sorted(result.with_parity_problems(), key=lambda r: (r.lang, r.page))
    if problems:
        out.append("\nStructure differs from the English (headings, anchors, kb: markers, internal links, images, admonitions)\n")
        for item in problems:
            versus = f" (compared with the English it translates, {item.version.short()})" if item.version and item.version.commit else ""
            out.append(f"  {item.target}{versus}:\n" + "".join(f"    - {d.describe()}\n" for d in item.parity))
    else:
        out.append("\nStructure: every translation has the English page's headings, anchors, kb: markers, internal links,"
                   " images and admonitions.\n")
    return "".join(out)


# What is known about an outdated page's English changes, in words.
def lookup_words(item: PageReview) -> str:
    if item.lookup == FOUND and item.changes is not None and item.version is not None:
        return f"{item.changes.summary()} paragraph(s) since {item.version.short()}"
    if item.lookup == NO_RECORD:
        return "records no English version"
    if item.lookup == NO_HISTORY:
        return f"records {item.recorded}; git history unavailable"
    if item.shallow:
        return f"records {item.recorded}, not in this shallow clone's history (git fetch --unshallow)"
    return f"records {item.recorded}, which matches NO version of the English page ({item.searched} searched)"


# The build's message for a translation whose recorded hash names no English version.
def unknown_version_message(item: PageReview, docs_name: str, new_hash: str, default: str = DEFAULT_LANGUAGE) -> str:
    where = f"{docs_name}/{item.target}" + (f":{item.line}" if item.line else "")
    return (f"{where}: translation.source_hash {item.recorded} matches no version of {docs_name}/{default}/{item.page}"
            f" in the repository's history ({item.searched} versions searched), so nobody can tell what this page translates."
            f" If it translates the current English page, set source_hash to {new_hash}"
            f" (or run: make translations MARK={item.target}).")


# ---------------------------------------------------------------- pull-request summary

# The English pages and translated pages of docs_dir at a git revision: {path relative to docs_dir: text}.
def _tree_at(root: Path, docs_dir: Path, rev: str) -> dict[str, str]:
    prefix = docs_dir.resolve().relative_to(root).as_posix()
    names = [n for n in git(root, "ls-tree", "-r", "--name-only", rev, "--", prefix).decode("utf-8").splitlines() if n.endswith(".md")]
    texts = read_blobs(root, [(rev, n) for n in names])
    return {n[len(prefix) + 1:]: t for n, t in zip(names, texts, strict=False) if t is not None}


# The Markdown summary of what a pull request does to translations (base: the branch it merges into).
def pr_summary(docs_dir: Path, languages: list[str], default: str, base: str) -> str:
    docs_dir = Path(docs_dir)
    root = repository_root(docs_dir)
    merge_base = git(root, "merge-base", base, "HEAD").decode().strip()
    before = _tree_at(root, docs_dir, merge_base)
    result = review(docs_dir, languages, default)
    made_outdated = []
    for (page, lang), item in sorted(result.pages.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if item.state != OUTDATED:
            continue
        old_english, old_translation = before.get(f"{default}/{page}"), before.get(f"{lang}/{page}")
        if old_english is None or old_translation is None:
            continue
        old_record = parse_record(old_translation, f"{lang}/{page}")
        if old_record is None or not hash_matches(old_record.source_hash, source_digest(old_english)):
            continue  # it was already outdated before this pull request
        english = (docs_dir / default / page).read_text(encoding="utf-8")
        made_outdated.append((item, diff_pages(old_english, english)))
    out = ["## Translations\n\n"]
    if made_outdated:
        out.append(f"This pull request changes the English of translated pages, so **{len(made_outdated)} translation(s)"
                   " become outdated**. Nothing is wrong with that: the site says so on those pages until a translator"
                   " updates them.\n\n")
        out.append("| Translation | English paragraphs since the translated version | What changed (run in a clone) |\n|---|---|---|\n")
        for item, changes in made_outdated:
            out.append(f"| `{item.target}` | {changes.summary()} | `make translations DIFF={item.target}` |\n")
        pages = sorted({item.page for item, _ in made_outdated})
        out.append("\nIf an English change is only cosmetic (a typo, punctuation, white space), its author can keep the"
                   " translations up to date with " + ", ".join(f"`make translations TOUCH={p}`" for p in pages)
                   + " (it refuses when the change is more than cosmetic).\n\n")
        out.append("A translator who has updated a page records the English version it now translates with"
                   " `make translations MARK=<lang>/<page>`, or in the web editor by setting the page's `source_hash` line to:\n\n")
        for page in pages:
            out.append(f"- `{page}`: `source_hash: {result.english_hashes[page]}`\n")
        out.append("\n")
        shown: set[str] = set()
        for item, changes in made_outdated:
            if item.page in shown:
                continue
            shown.add(item.page)
            english_rel = f"{docs_dir.name}/{default}/{item.page}"
            text = format_diff(changes, english_rel)
            if len(text) > SUMMARY_DIFF_LIMIT:
                text = text[:SUMMARY_DIFF_LIMIT].rsplit("\n", 1)[0] + f"\n[... cut: run make translations DIFF={item.target}]\n"
            out.append(f"<details><summary>What changed in <code>{english_rel}</code></summary>\n\n"
                       f"```text\n{text.replace('```', '` ` `')}```\n\n</details>\n\n")
    else:
        out.append("This pull request makes no translation outdated.\n\n")
    unknown = sorted(result.unknown_versions(), key=lambda r: r.target)
    if unknown:
        out.append("### Recorded versions that match no English version\n\n")
        for item in unknown:
            out.append(f"- `{item.target}` (line {item.line}): `{item.recorded}` matches no version of `{default}/{item.page}`;"
                       f" if it translates the current English, set `source_hash: {result.english_hashes[item.page]}`\n")
        out.append("\n")
    new_problems = []
    for (page, lang), item in sorted(result.pages.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if not item.parity:
            continue
        old_english, old_translation = before.get(f"{default}/{page}"), before.get(f"{lang}/{page}")
        old = compare_texts(old_english, old_translation) if old_english is not None and old_translation is not None else []
        fresh = [d for d in item.parity if d not in old]
        if fresh:
            new_problems.append((item, fresh))
    if new_problems:
        out.append("### Structure differs from the English\n\n")
        for item, differences in new_problems:
            out.append(f"- `{item.target}`: " + "; ".join(d.describe() for d in differences) + "\n")
        out.append("\n")
    if result.history_problem:
        out.append(f"_Git history could not be read ({result.history_problem})._\n")
    return "".join(out)



# ---------------------------------------------------------------- status page details (plain values for a template)

# What the status table shows under one cell, in the reader's words (`t`, a PageView's): English
# paragraphs changed since the translated version (outdated pages), a recorded version that names no
# English version, and structural differences. Rendered by overrides/kb/translation_detail.html.
def status_detail(result: Review, page: str, lang: str, t) -> dict | None:
    item = result.get(page, lang)
    if item is None:
        return None
    detail = {"changed": None, "changed_text": "", "unknown": False, "unknown_text": "", "parity": [],
              "parity_title": t("status.parity"), "colon": t("dir.colon"), "separator": t("dir.list_separator")}
    if item.state == OUTDATED and item.changes is not None:
        detail["changed"] = item.changes.total
        detail["changed_text"] = t("status.changed", count=item.changes.total)
    if item.lookup == NOT_FOUND and not item.shallow:
        detail["unknown"] = True
        detail["unknown_text"] = t("status.version_unknown")
    for difference in item.parity:
        detail["parity"].append({
            "kind": difference.kind, "label": t(f"parity.{difference.kind}"),
            "counts": t("parity.counts", here=difference.translated, english=difference.english),
            "missing": list(difference.missing), "extra": list(difference.extra),
            "missing_label": t("parity.missing"), "extra_label": t("parity.extra")})
    return detail


# The current English version of a page for the status table's row: what a translator puts in source_hash.
def status_hash(result: Review, page: str, t) -> dict | None:
    value = result.english_hashes.get(page)
    return {"label": t("status.hash"), "value": value} if value else None
