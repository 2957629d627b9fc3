"""The one translation table for interface words: data/labels.yml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .models import LANGUAGES
from .problems import DataError
from .yamlload import load_file

DEFAULT_LANGUAGE = "en"


class Labels:
    """Interface words by key and language; English where a language lacks one."""

    def __init__(self, table: dict[str, dict[str, str]]):
        self.table = table

    # The word for a key in a language (falls back to English).
    def get(self, key: str, lang: str) -> str:
        entry = self.table[key]
        return entry.get(lang) or entry[DEFAULT_LANGUAGE]

    # Keys that lack a language: used by the completeness test and check-data.
    def missing(self) -> list[tuple[str, str]]:
        return [(k, lang) for k, v in self.table.items() for lang in LANGUAGES if not v.get(lang)]


# Load labels.yml (cached by path, size and mtime: an edit is seen on the next build).
def load_labels(path: Path) -> Labels:
    stat = path.stat()
    return _load(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, _size: int, _mtime: int) -> Labels:
    loaded = load_file(Path(path), "/".join(Path(path).parts[-2:]))  # data/labels.yml in messages
    if loaded.problems:
        raise DataError(loaded.problems)
    raw = loaded.data or {}
    return Labels({str(k): {str(lang): str(text) for lang, text in v.items()} for k, v in raw.items()})


# The labels of the project whose mkdocs.yml is config_file.
def labels_for(config_file: str) -> Labels:
    return load_labels(Path(config_file).parent / "data" / "labels.yml")
