"""python -m kb.check_data as a secretariat or CI runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, Repo, org


def run(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the check in a subprocess from the repository root, like make check-data."""
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "kb.check_data", "--root", str(root),
                           "--today", "2026-06-01"], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60)


def test_shipped_data_passes() -> None:
    result = run(REPO)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "data/ is valid: 7 organisations, 2 networks, 11 resources"


def test_three_mistakes_reported_at_once(repo: Repo) -> None:
    repo.org("test-red-cross", org(country="UK").replace("  en: Test Red Cross",
                                                         "  en: Test Red Cross\n  fr: \u200bCR")
             + "contacts:\n  - role: Desk\n    email: desk@example.org\n"
               "    last_verified: 2026-01-01\n")
    result = run(repo.root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/organisations/test-red-cross.yml:4: country: 'UK' is not an ISO 3166-1 country "
        "code; the United Kingdom is GB",
        "data/organisations/test-red-cross.yml:7: name.fr: contains the invisible character "
        "U+200B ZERO WIDTH SPACE at position 1; delete it (retype the text around it)",
        "data/organisations/test-red-cross.yml:11: contacts[0].visibility: is missing; add "
        "visibility: public (shown on the public website) or visibility: network (only in the "
        "network edition)",
        "3 problem(s) in 1 file(s)"]


def test_no_data_folder(tmp_path: Path) -> None:
    assert run(tmp_path).returncode == 2


def test_a_file_nested_five_thousand_levels_deep_is_one_message(repo: Repo) -> None:
    """A name nested 5,000 lists deep gets one file:line: field: message and exit code 1, not a
    RecursionError traceback (without the depth limit in kb/yamlload.py this test sees the traceback)."""
    deep = "[" * 5000 + "]" * 5000
    repo.org("test-red-cross", org().replace("  en: Test Red Cross", "  en: " + deep))
    result = run(repo.root)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr, result.stderr[-400:]
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/organisations/test-red-cross.yml:6: name.en: lists and fields are nested more than 20 levels "
        "deep here; the data never needs this: check the brackets and the indentation",
        "1 problem(s) in 1 file(s)"]


def test_a_twenty_megabyte_name_is_refused_with_its_length(repo: Repo) -> None:
    """A 20 MB organisation name is a clear error naming file, line and field (it used to be accepted,
    bloating every page and the search index)."""
    repo.org("test-red-cross", org().replace("  en: Test Red Cross", "  en: " + "A" * 20_000_000))
    result = run(repo.root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/organisations/test-red-cross.yml:6: name.en: is 20,000,000 characters long; a name has at most "
        "200 characters: shorten it",
        "1 problem(s) in 1 file(s)"]
