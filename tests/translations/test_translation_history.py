"""DIFF, parity, TOUCH and the pull-request summary on a fixture repository with real git history."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from history_repo import ADDED, CHANGED_NEW, CHANGED_OLD, UNCHANGED, clone, english_text, git, make_history

from kb.translations import parse_record, project_settings, scan, source_hash

from fixture_site import translations_cli
from sitebuild import ROOT, build_site

LANGS = ("fr", "es", "ar")


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """The fixture repository: v1 translated into fr, es, ar; then English v2 committed on main."""
    return make_history(tmp_path_factory.mktemp("history") / "origin")


@pytest.fixture
def repo(origin, tmp_path) -> Path:
    """A fresh clone of the fixture repository for one test."""
    return clone(origin, tmp_path / "work")


def _states(root: Path) -> dict[tuple[str, str], str]:
    docs_dir, languages, default = project_settings(root / "mkdocs.yml")
    report = scan(docs_dir, languages, default)
    return {(page, lang): report.cell(page, lang).state for page in report.pages for lang in report.languages}


def _changed_lines(root: Path, path: str) -> list[str]:
    """The lines git diff shows as removed or added in one file (file headers left out)."""
    diff = git(root, "diff", "--unified=0", "--", path)
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# ---------------------------------------------------------------- DIFF

def test_diff_prints_the_changed_and_the_added_paragraph_and_nothing_unchanged(repo):
    """fr/approach.md translates v1: DIFF shows v1 -> v2, i.e. one paragraph changed and one added."""
    result = translations_cli(repo, "--diff", "fr/approach.md")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 changed, 1 added, 0 removed" in out
    assert f"- {CHANGED_OLD}" in out and f"+ {CHANGED_NEW}" in out
    assert f"+ {ADDED}" in out
    for text in UNCHANGED:
        assert text not in out, f"unchanged paragraph shown: {text}"
    # by section: the changed paragraph under #responses, the added one under #next
    responses, after = out.split("{#responses}", 1)
    assert CHANGED_NEW in after.split("{#next}", 1)[0] and ADDED in after.split("{#next}", 1)[1]
    assert "on what the person wants" in out.split("words:", 1)[1]  # the changed words are named
    first_commit = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    assert first_commit[:10] in out
    assert "make translations MARK=fr/approach.md" in out


def test_diff_of_a_language_covers_every_outdated_page_only(repo):
    """DIFF=fr shows fr/approach.md (outdated) and no page that is up to date."""
    result = translations_cli(repo, "--diff", "fr")
    assert result.returncode == 0, result.stderr
    assert "fr: 1 outdated page(s): approach.md" in result.stdout
    assert result.stdout.count("translates docs/en/") == 1
    assert f"+ {ADDED}" in result.stdout


def test_a_hash_that_matches_no_version_is_reported_with_the_whole_page(repo):
    """A recorded hash found nowhere in history: DIFF says so and prints the whole English page."""
    page = repo / "docs" / "fr" / "approach.md"
    page.write_text(re.sub(r"sha256:[0-9a-f]+", "sha256:0123456789abcdef", page.read_text(encoding="utf-8")), encoding="utf-8")
    result = translations_cli(repo, "--diff", "fr/approach.md")
    assert result.returncode == 0, result.stderr
    versions = len(git(repo, "log", "--format=%H", "--", "docs/en/approach.md").split()) + 1  # + the file on disk
    assert f"sha256:0123456789abcdef, which matches none of the {versions} versions" in result.stdout
    assert "The whole current English page follows" in result.stdout
    for text in UNCHANGED + [CHANGED_NEW, ADDED]:
        assert text in result.stdout
    status = translations_cli(repo)
    assert "fr/approach.md: records sha256:0123456789abcdef, which matches NO version of the English page" in status.stdout


def test_a_hash_that_matches_no_version_fails_the_build_with_file_line_and_value(repo, tmp_path):
    """The strict build names the file, the line of source_hash and the value to record."""
    page = repo / "docs" / "es" / "approach.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"sha256:[0-9a-f]+", "sha256:fedcba9876543210", text), encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), start=1) if "source_hash" in x)
    build = build_site(tmp_path / "site", project=repo)
    assert build.returncode != 0
    current = source_hash(english_text(2))
    assert f"docs/es/approach.md:{line}: translation.source_hash sha256:fedcba9876543210 matches no version" in build.log
    assert f"set source_hash to {current}" in build.log
    assert build.log.count("matches no version") == 1  # once per build, not once per language


# ---------------------------------------------------------------- parity

def test_a_heading_removed_from_a_translation_is_reported(repo):
    """Removing '## Responses {#responses}' from fr: make translations lists the missing anchor and heading."""
    page = repo / "docs" / "fr" / "approach.md"
    text = page.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.endswith("{#responses}"))
    page.write_text(text.replace(heading + "\n\n", ""), encoding="utf-8")
    result = translations_cli(repo)
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("Structure differs from the English", 1)[1]
    entries = re.findall(r"^  (\S+/\S+\.md)", section, re.M)
    assert entries == ["fr/approach.md"]
    assert "heading anchors: missing #responses" in section
    assert "headings: 3 here, 4 in English (missing h2)" in section


def test_parity_lists_markers_links_images_and_admonitions(repo):
    """Every kind of structure is compared: a marker, a link, an image, an admonition dropped."""
    from kb.parity import compare_texts
    english = ("# T\n\n## A {#a}\n\n<!-- kb:directory apmn -->\n\nSee [x](principles.md#top) and ![map](map.png).\n\n"
               '!!! note "N"\n    Text.\n\n```\n[not a link](nowhere.md)\n```\n')
    translated = "# T\n\n## A {#a}\n\nVoir [x](https://example.org/).\n"
    kinds = {d.kind: d for d in compare_texts(english, translated)}
    assert set(kinds) == {"markers", "links", "images", "admonitions"}
    assert kinds["markers"].missing == ("kb:directory apmn",)
    assert kinds["links"].missing == ("principles.md#top",)  # the link in code is not a link; external ones not compared
    assert kinds["images"].missing == ("map.png",)
    assert (kinds["admonitions"].english, kinds["admonitions"].translated) == (1, 0)


# ---------------------------------------------------------------- TOUCH

def _mark_all_and_commit(repo: Path) -> None:
    for lang in LANGS:
        assert translations_cli(repo, "--mark", f"{lang}/approach.md").returncode == 0
    git(repo, "commit", "-q", "-am", "Translations of version 2")


def test_touch_after_a_typo_fix_keeps_every_translation_current_with_one_line_changed(repo):
    """A typo fixed (and a line re-wrapped), then TOUCH: no page outdated, only the source_hash line changed."""
    english = repo / "docs" / "en" / "approach.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("informed consent", "informd consent"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "English with a typo")
    _mark_all_and_commit(repo)  # the translations translate the version with the typo
    english.write_text(text.replace("in their daily work.", "in their\ndaily work."), encoding="utf-8")  # the fix
    assert {s for (p, _l), s in _states(repo).items() if p == "approach.md"} == {"outdated"}
    result = translations_cli(repo, "--touch", "approach.md")
    assert result.returncode == 0, result.stderr
    assert "outdated" not in set(_states(repo).values())
    new = source_hash(english.read_text(encoding="utf-8"))
    for lang in LANGS:
        lines = _changed_lines(repo, f"docs/{lang}/approach.md")
        assert len(lines) == 2 and lines[0].startswith("-  source_hash: sha256:") and lines[1] == f"+  source_hash: {new}"
        assert parse_record((repo / "docs" / lang / "approach.md").read_text(encoding="utf-8"), lang).reviewed is False


def test_touch_refuses_after_a_paragraph_was_added(repo):
    """v1 -> v2 added a paragraph: TOUCH refuses, names it and changes no file; FORCE does it anyway."""
    before = {lang: (repo / "docs" / lang / "approach.md").read_bytes() for lang in LANGS}
    result = translations_cli(repo, "--touch", "approach.md")
    assert result.returncode == 1
    assert "more than cosmetic" in result.stderr and "added paragraph" in result.stderr
    assert {lang: (repo / "docs" / lang / "approach.md").read_bytes() for lang in LANGS} == before
    forced = translations_cli(repo, "--touch", "approach.md", "--force")
    assert forced.returncode == 0, forced.stderr
    assert all(len(_changed_lines(repo, f"docs/{lang}/approach.md")) == 2 for lang in LANGS)


def test_touch_refuses_a_changed_number_and_leaves_already_outdated_translations_alone(repo):
    """A number changed is not cosmetic; a translation outdated before a cosmetic edit stays outdated."""
    _mark_all_and_commit(repo)
    english = repo / "docs" / "en" / "approach.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("first aid;", "first aid (24 hours);"), encoding="utf-8")
    result = translations_cli(repo, "--touch", "approach.md")
    assert result.returncode == 1 and "numbers changed: none became 24" in result.stderr
    english.write_text(text, encoding="utf-8")
    # ar was outdated before the next edit (it records version 1): TOUCH must leave it alone
    ar = repo / "docs" / "ar" / "approach.md"
    ar.write_text(re.sub(r"sha256:[0-9a-f]+", source_hash(english_text(1)), ar.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "ar records version 1 again")
    english.write_text(text.replace("legal aid", "Legal aid"), encoding="utf-8")
    result = translations_cli(repo, "--touch", "approach.md")
    assert result.returncode == 0, result.stderr
    states = _states(repo)
    assert states[("approach.md", "fr")] == states[("approach.md", "es")] == "current"
    assert states[("approach.md", "ar")] == "outdated" and _changed_lines(repo, "docs/ar/approach.md") == []
    assert "ar/approach.md: was already outdated before this edit" in result.stdout


# ---------------------------------------------------------------- pull requests

def _pull_request(repo: Path) -> None:
    """A branch that edits the English principles page (translated in fr and ar, missing in es)."""
    git(repo, "checkout", "-q", "-b", "edit-principles")
    english = repo / "docs" / "en" / "principles.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new paragraph about principles.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Principles: one paragraph added")


def test_summary_lists_the_translations_this_pull_request_makes_outdated(repo):
    """Only pages this branch makes outdated are listed (approach.md was outdated before), with DIFF commands."""
    _pull_request(repo)
    result = translations_cli(repo, "--summary", "origin/main")
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^\| `(\w+/[\w/.-]+)` \| (.*?) \| `make translations DIFF=\1` \|$", result.stdout, re.M)
    assert rows == [("ar/principles.md", "0 changed, 1 added, 0 removed"), ("fr/principles.md", "0 changed, 1 added, 0 removed")]
    new = source_hash((repo / "docs" / "en" / "principles.md").read_text(encoding="utf-8"))
    assert f"`source_hash: {new}`" in result.stdout
    assert "make translations TOUCH=principles.md" in result.stdout
    folded = result.stdout.split("<details><summary>What changed in <code>docs/en/principles.md</code></summary>", 1)[1]
    assert "+ A new paragraph about principles." in folded.split("</details>", 1)[0]
    same = translations_cli(repo, "--summary", "HEAD")
    assert "This pull request makes no translation outdated." in same.stdout


def test_the_workflow_job_writes_the_summary(repo, tmp_path):
    """The pull-request job's summary step, run as written in .github/workflows/ci.yml, fills the job summary."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["translations"]
    assert job["if"] == "github.event_name == 'pull_request'"
    checkout = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the whole history: versions are looked up in it
    step = next(step for step in job["steps"] if "GITHUB_STEP_SUMMARY" in str(step.get("run", "")))
    _pull_request(repo)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "BASE_REF": "main"}
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Translations") and "`make translations DIFF=fr/principles.md`" in text
    assert (repo / "translation-summary.md").read_text(encoding="utf-8") == text


# ---------------------------------------------------------------- the status page

def test_status_page_shows_paragraphs_changed_and_structure(repo, tmp_path):
    """Outdated cells say how many English paragraphs changed (2: one changed, one added); the
    translation without its heading lists the missing anchor; each row shows the current hash."""
    page = repo / "docs" / "fr" / "approach.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(next(x for x in text.splitlines() if x.endswith("{#responses}")) + "\n\n", ""), encoding="utf-8")
    build = build_site(tmp_path / "site", project=repo)
    assert build.returncode == 0, build.log
    html = build.page("fr", "translation-status/")
    for lang in LANGS:
        cell = html.select_one(f'tr[data-page="approach.md"] td[data-lang="{lang}"]')
        assert cell["data-state"] == "outdated"
        assert cell.select_one(".kb-status__changed")["data-changed"] == "2"
        parity = cell.select_one("details.kb-status__parity")
        assert (parity is not None) is (lang == "fr")
    items = {li["data-kind"]: li.get_text(" ", strip=True) for li in html.select('td[data-lang="fr"] details.kb-status__parity li')}
    assert "#responses" in items["anchors"] and set(items) == {"anchors", "headings"}
    row = html.select_one('tr[data-page="approach.md"] th .kb-status__hash code').get_text(strip=True)
    assert row == f"source_hash: {source_hash(english_text(2))}"
    assert html.select_one('tr[data-page="index.md"] .kb-status__changed') is None
    assert "differs in structure from the English" in build.log


def test_diff_follows_a_renamed_english_page(repo):
    """After docs/*/approach.md is renamed (git mv), the version fr records is still found at its old path."""
    for lang in ("en", *LANGS):
        git(repo, "mv", f"docs/{lang}/approach.md", f"docs/{lang}/our-approach.md")
    git(repo, "commit", "-q", "-m", "Rename approach.md")
    result = translations_cli(repo, "--diff", "fr/our-approach.md")
    assert result.returncode == 0, result.stderr
    assert "1 changed, 1 added, 0 removed" in result.stdout and f"+ {ADDED}" in result.stdout
