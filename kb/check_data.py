"""Command line check of data/: ``python -m kb.check_data [--root DIR] [--today YYYY-MM-DD]``.

Prints every problem as ``file:line: field: message`` and exits 1, or prints the notices and a
summary and exits 0. The messages are the same as in a MkDocs build.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

# The check uses no pydantic plugin: without this, pydantic's first model scans the entry points of
# every installed package for plugins (a good part of a check's start-up).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from .catalogue import DataError, load_catalogue  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """--root (the repository, holding data/) and --today (for stale-contact notices)."""
    parser = argparse.ArgumentParser(prog="python -m kb.check_data", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository root that holds data/ (default: current directory)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="date used to find stale contacts (default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Check data/ and print the result; return the exit code."""
    args = parse_args(argv)
    if not (args.root / "data").is_dir():
        print(f"{args.root}: no data/ folder here; run from the repository root or pass --root")
        return 2
    try:
        catalogue = load_catalogue(args.root, args.today)
    except DataError as exc:
        print(exc.report())
        return 1
    for notice in catalogue.notices:
        print(f"notice: {notice}")
    print(f"data/ is valid: {len(catalogue.organisations)} organisations, "
          f"{len(catalogue.networks)} networks, {len(catalogue.resources)} resources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
