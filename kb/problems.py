"""Problem and Notice records shared by the loader, the models' checks and the CLI."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one file, reported as ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True, order=True)
class Notice(Problem):
    """Something to look at that never fails a build (stale contact, missing translation)."""


class DataError(Exception):
    """Raised when data/ has errors; carries every problem found, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, then a count a secretariat can act on."""
        files = {p.file for p in self.problems}
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} problem(s) in {len(files)} file(s)")
        return "\n".join(lines)
