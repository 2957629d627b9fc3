"""The versions of an English page in git history, and which one a translation's recorded hash names.

A translation records `translation.source_hash`: a prefix of the SHA-256 of the English page's
translatable text (`kb.translations.source_digest`). The hash is of content, not of a commit, so it
survives squash merges and rebases; to show a translator what changed, this module walks the
English page's history (newest first in topological order, so that a commit with an odd date cannot
put an older version first; following renames) and hashes each version with the same
function until one matches.

Git is run with `subprocess`: `git log --follow --format=... --name-only -- PATH` lists the commits
that changed the page and its path in each; `git cat-file --batch` reads those versions in one process.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.translations import hash_matches, source_digest

RECORD_SEPARATOR, FIELD_SEPARATOR = "\x1e", "\x1f"
WORKING_TREE = "working tree"


class HistoryUnavailable(RuntimeError):
    """Git or the repository's history cannot be read (no git, not a repository)."""


@dataclass(frozen=True)
class Version:
    """One version of an English page: where it comes from, its text and the digest of its translatable text."""

    commit: str | None  # None: the file as it is on disk now
    date: str  # committer date, YYYY-MM-DD ("" for the working tree)
    subject: str  # first line of the commit message
    path: str  # the file's path in that commit, relative to the repository root
    text: str
    digest: str

    # "commit 1a2b3c4d (2026-11-20, "subject")" or "the working tree".
    def describe(self) -> str:
        if self.commit is None:
            return f"the file on disk ({self.path})"
        return f'commit {self.commit[:10]} ({self.date}, "{self.subject}")'

    # "commit 1a2b3c4d of 2026-11-20" (or the file on disk): for one-line reports.
    def short(self) -> str:
        return "the file on disk" if self.commit is None else f"commit {self.commit[:10]} of {self.date}"


@dataclass(frozen=True)
class Lookup:
    """The result of looking a recorded hash up in the history of an English page."""

    version: Version | None  # the version the hash names; None when not found
    searched: int  # how many versions were hashed
    shallow: bool  # the clone's history is cut short: "not found" may mean "not fetched"


# Run git in `cwd`; its standard output as bytes; HistoryUnavailable if git fails.
def git(cwd: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise HistoryUnavailable(f"cannot run git: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryUnavailable(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout


# The top folder of the git repository holding `path` (a file or folder).
def repository_root(path: Path) -> Path:
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    return Path(git(folder, "rev-parse", "--show-toplevel").decode("utf-8").strip())


# Whether the repository holding `root` is a shallow clone (its history cut short).
def is_shallow(root: Path) -> bool:
    try:
        return git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"
    except HistoryUnavailable:
        return False


# The commits that changed `relpath` (relative to root), newest first: (commit, date, subject, path then).
def commits(root: Path, relpath: str, rev: str = "HEAD") -> list[tuple[str, str, str, str]]:
    revs = ["--all"] if rev == "--all" else [rev]
    out = git(root, "log", *revs, "--topo-order", "--follow", f"--format={RECORD_SEPARATOR}%H{FIELD_SEPARATOR}%cs{FIELD_SEPARATOR}%s",
              "--name-only", "--", relpath).decode("utf-8", "replace")
    found = []
    for chunk in out.split(RECORD_SEPARATOR)[1:]:
        header, _, rest = chunk.partition("\n")
        commit, date, subject = (header.split(FIELD_SEPARATOR) + ["", ""])[:3]
        names = [line for line in rest.splitlines() if line.strip()]
        found.append((commit, date, subject, names[0] if names else relpath))
    return found


# The contents of `commit:path` for many (commit, path) pairs in one git process; None where absent.
def read_blobs(root: Path, specs: list[tuple[str, str]]) -> list[str | None]:
    if not specs:
        return []
    out = git(root, "cat-file", "--batch", data="".join(f"{c}:{p}\n" for c, p in specs).encode("utf-8"))
    texts: list[str | None] = []
    position = 0
    for _spec in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[-1] == b"missing" or header[1] != b"blob":
            texts.append(None)
            continue
        size = int(header[2])
        texts.append(out[position:position + size].decode("utf-8", "replace"))
        position += size + 1
    return texts


# The text of `relpath` at a revision (None if the file does not exist there).
def read_at(root: Path, rev: str, relpath: str) -> str | None:
    return read_blobs(root, [(rev, relpath)])[0]


# Every committed version of the English page at `path`, newest first (consecutive equal texts merged).
def versions(path: Path, rev: str = "HEAD") -> list[Version]:
    path = Path(path).resolve()
    root = repository_root(path)
    relpath = path.relative_to(root).as_posix()
    return _versions(str(root), relpath, rev, _head(root))


# The commit HEAD names (part of the cache key: a new commit is new history).
def _head(root: Path) -> str:
    try:
        return git(root, "rev-parse", "HEAD").decode().strip()
    except HistoryUnavailable:
        return ""


@lru_cache(maxsize=256)
def _versions(root: str, relpath: str, rev: str, _head_commit: str) -> list[Version]:
    found = commits(Path(root), relpath, rev)
    texts = read_blobs(Path(root), [(commit, name) for commit, _date, _subject, name in found])
    out: list[Version] = []
    for (commit, date, subject, name), text in zip(found, texts, strict=False):
        if text is None:  # the commit deleted the file
            continue
        out.append(Version(commit, date, subject, name, text, source_digest(text, name)))
    return out


# The version of the English page at `path` whose digest the recorded hash names (the file on disk first).
def find_version(path: Path, recorded: str | None) -> Lookup:
    path = Path(path).resolve()
    root = repository_root(path)
    relpath = path.relative_to(root).as_posix()
    searched = 0
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        searched += 1
        if recorded and hash_matches(recorded, source_digest(text, relpath)):
            return Lookup(Version(None, "", "", relpath, text, source_digest(text, relpath)), searched, False)
    if recorded:
        seen: set[str | None] = set()
        for rev in ("HEAD", "--all"):  # this branch first, then every branch and tag
            try:
                history = versions(path, rev)
            except HistoryUnavailable:
                if rev == "HEAD":
                    raise
                continue
            for version in history:
                if version.commit in seen:
                    continue
                seen.add(version.commit)
                searched += 1
                if hash_matches(recorded, version.digest):
                    return Lookup(version, searched, False)
    return Lookup(None, searched, is_shallow(root))


# The newest committed version whose translatable text differs from `current_digest` (the one before an edit).
def previous_version(path: Path, current_digest: str) -> Version | None:
    for version in versions(path):
        if version.digest != current_digest:
            return version
    return None
