"""One render layer: every generated HTML fragment comes from an autoescaped Jinja template.

Templates live in `overrides/kb/`. The environment escapes every value (`autoescape` for all names,
strings included) and fails on any missing one (`StrictUndefined`), so a hostile string in the data
cannot become markup and a forgotten field cannot silently render empty.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


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
