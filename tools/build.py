#!/usr/bin/env python3
"""Run `mkdocs build --strict`; when it fails, print first ONE line naming the file, the line and
what to change (from the first warning or error), then the full log.

    python tools/build.py [mkdocs build options, e.g. --site-dir site]
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kb.buildlog import summarise

ROOT = Path(__file__).resolve().parent.parent


# Run the strict build; on failure print the summary line first, then the full log.
def main(argv: list[str]) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", *argv]
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = result.stdout
    if result.returncode == 0:
        sys.stdout.write(log)
        return 0
    summary = summarise(log, ROOT)
    if summary is not None:
        message, path, line = summary
        print(message)
        if os.environ.get("GITHUB_ACTIONS") == "true" and path:
            where = f"file={path}" + (f",line={line}" if line else "")
            print(f"::error {where}::{message}")
    else:
        print("BUILD FAILED (see the log below)")
    print("(mkdocs build --strict failed; the full log follows)\n")
    sys.stdout.write(log)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
