"""JSON Schema for editors, generated from the models.

Usage: ``python -m kb.schema [--check] [--root DIR]``.

Writes data/schema/organisation.schema.json, network.schema.json, resource.schema.json and
glossary.schema.json; with --check, writes nothing
and exits 1 if the committed files differ from what the models produce.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .models import Glossary, Network, Organisation, Resource

SCHEMAS: dict[str, type[BaseModel]] = {"organisation": Organisation, "network": Network,
                                       "resource": Resource, "glossary": Glossary}


def render(name: str, model: type[BaseModel]) -> str:
    """The schema of one model as stable, pretty JSON text (ending in a newline)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"{name}.schema.json", **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def expected(root: Path) -> dict[Path, str]:
    """Each schema file's path and the text the models produce for it."""
    return {root / "data" / "schema" / f"{name}.schema.json": render(name, model)
            for name, model in SCHEMAS.items()}


def stale(root: Path) -> list[Path]:
    """Schema files that are missing or differ from the models."""
    return [path for path, text in expected(root).items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    """Write the schemas, or with --check report the stale ones and return 1."""
    parser = argparse.ArgumentParser(prog="python -m kb.schema", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check, exit 1 if stale")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    args = parser.parse_args(argv)
    if args.check:
        outdated = stale(args.root)
        for path in outdated:
            print(f"{path.relative_to(args.root)} is out of date: run python -m kb.schema")
        return 1 if outdated else 0
    for path, text in expected(args.root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(args.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
