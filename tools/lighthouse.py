#!/usr/bin/env python3
"""Lighthouse (npm, pinned in tools/lighthouse/package.json) with Debian's chromium on three page
types of a running `make host`: prints the four category scores of each.

    make host &            # in another terminal
    make lighthouse        # PORT=8080 by default
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "/", "guidance (fr)": "/fr/approach/", "directory (ar)": "/ar/directory/apmn/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=f"http://127.0.0.1:{os.environ.get('PORT') or 8080}")
    parser.add_argument("--chrome", default=os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    env = {**os.environ, "CHROME_PATH": args.chrome}
    print(f"{'page':<16} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    with tempfile.TemporaryDirectory() as folder:
        for name, path in PAGES.items():
            out = Path(folder) / "report.json"
            command = [str(LIGHTHOUSE), args.base + path, "--quiet", "--output=json", f"--output-path={out}",
                       "--only-categories=" + ",".join(CATEGORIES),
                       "--chrome-flags=--headless --no-sandbox --disable-gpu"]
            subprocess.run(command, env=env, check=True)
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            print(f"{name:<16} " + " ".join(f"{round(s * 100):>15}" for s in scores))
            failed = [a["id"] for a in report["audits"].values()
                      if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
            if failed:
                print(f"{'':<16} not passed: {', '.join(sorted(failed))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
