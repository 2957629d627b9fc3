"""A fixture project with real git history: English approach.md version 1, translated; then version 2.

Version 2 of the English page changes one paragraph (CHANGED_OLD -> CHANGED_NEW) and adds one
(ADDED); every other paragraph (UNCHANGED) stays. The French, Spanish and Arabic approach.md
translate version 1 and keep its structure (same anchors, links, admonition).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kb.translations import source_hash

from fixture_site import make_site, page_text, write

PARAGRAPH_A = "National Societies meet people at risk of trafficking in emergencies and in their daily work."
PARAGRAPH_B = "Read the [Fundamental Principles](principles.md) before you act."
CHANGED_OLD = "What you can do depends on your skills and capacities, and on the services near you."
CHANGED_NEW = "What you can do depends on your skills and capacities, on the services near you and on what the person wants."
LIST = "- first aid;\n- legal aid."
NOTE = '!!! note "Consent"\n    Refer a person to another service only with their informed consent.'
PARAGRAPH_E = "If you consider working directly with survivors, read the guidance first."
ADDED = "Keep a record of every referral, and keep it safe."
UNCHANGED = [PARAGRAPH_A, PARAGRAPH_B, "- first aid;", "Refer a person to another service", PARAGRAPH_E]


# The English body of version 1 or 2.
def english_body(version: int) -> str:
    changed = CHANGED_OLD if version == 1 else CHANGED_NEW
    added = f"{ADDED}\n\n" if version == 2 else ""
    return (f"# Our approach\n\n## Where we meet people {{#where}}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n"
            f"## Responses {{#responses}}\n\n{changed}\n\n{LIST}\n\n{NOTE}\n\n"
            f"## Next {{#next}}\n\n{added}{PARAGRAPH_E}\n")


# A translated body with the same structure as version 1 (words marked with the language).
def translated_body(lang: str) -> str:
    return (f"# Approach [{lang}]\n\n## Where [{lang}] {{#where}}\n\nA [{lang}].\n\nB [{lang}] [principles](principles.md).\n\n"
            f"## Responses [{lang}] {{#responses}}\n\nC [{lang}].\n\n- one [{lang}];\n- two [{lang}].\n\n"
            f'!!! note "Consent [{lang}]"\n    D [{lang}].\n\n## Next [{lang}] {{#next}}\n\nE [{lang}].\n')


def english_text(version: int) -> str:
    return page_text("Our approach", "Fixture approach page.", english_body(version))


# Run git in `root`; its output (fails the test on error).
def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.invalid",
           "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


# The fixture project in `root` with two commits on `main`: v1 translated, then the English v2.
def make_history(root: Path) -> Path:
    make_site(root)
    english = root / "docs" / "en" / "approach.md"
    write(english, english_text(1))
    v1 = source_hash(english_text(1))
    for lang in ("fr", "es", "ar"):
        record = f"translation:\n  source_hash: {v1}\n  reviewed: false\n"
        write(root / "docs" / lang / "approach.md", page_text(f"Approach [{lang}]", f"Approach [{lang}].", translated_body(lang), record))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Version 1, translated")
    write(english, english_text(2))
    git(root, "commit", "-q", "-am", "English version 2: one paragraph changed, one added")
    return root


# A clone of the fixture repository (origin is the fixture; `main` checked out).
def clone(source: Path, target: Path) -> Path:
    git(source.parent, "clone", "-q", str(source), str(target))
    return target
