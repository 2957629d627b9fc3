"""One render layer: every generated HTML fragment comes from an autoescaped Jinja template.

Templates live in `overrides/kb/`. The environment escapes every value (`autoescape` for all names,
strings included) and fails on any missing one (`StrictUndefined`), so a hostile string in the data
cannot become markup and a forgotten field cannot silently render empty.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket


# The environment for one templates folder (cached: made once per process and folder).
@lru_cache(maxsize=8)
def environment(folder: str) -> Environment:
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )


# Render one template of `folder` with the given values.
def render(folder: str | Path, name: str, **values: Any) -> str:
    return environment(str(folder)).get_template(name).render(**values)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, checked against their source.

    MkDocs makes a new theme environment for each build and static-i18n builds once per language, so
    the theme's templates were compiled four times per build (a tenth of its time at 100 pages per
    language). Jinja stores each template's code with a checksum of its source and compiles again
    whenever the source has changed (`mkdocs serve` after an edit)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


# The process's one cache, for the theme's environments (hooks/theme_markup.py, on_env).
THEME_BYTECODE = MemoryBytecodeCache()

