"""The marker dispatcher: unknown, misplaced, unclosed and wrong-stage markers fail naming file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.catalogue import Catalogue
from kb.context import BuildContext, Language, PageLanguage, PageView
from kb.errors import MarkerError
from kb.labels import Labels
from kb.markers import expand, marker_lines, scan

from project import copy_project
from sitebuild import ROOT, build_site

NETWORKS = ["apmn", "atn"]


def view() -> PageView:
    ctx = BuildContext(root=ROOT, docs_dir=ROOT / "docs", languages=(Language("en", "English", True),),
                       edition="public", offline=False, catalogue=Catalogue(ROOT), labels=Labels({}),
                       templates=ROOT / "overrides" / "kb")
    return PageView(ctx=ctx, lang=PageLanguage("en", "en"), src="docs/en/x.md", url="x/", url_of=lambda p: None)


def test_unknown_and_misplaced_markers_are_all_reported_with_lines():
    """One error lists every problem: an unknown name, a marker inside a paragraph, a bad network."""
    text = "# T\n\n<!-- kb:nope -->\n\nSee <!-- kb:directory apmn --> here.\n\n<!-- kb:map mars -->\n"
    with pytest.raises(MarkerError) as info:
        scan(text, "docs/en/x.md", NETWORKS)
    message = str(info.value)
    assert "docs/en/x.md:3: unknown marker 'kb:nope'" in message
    assert "docs/en/x.md:5: marker '<!-- kb:directory apmn -->' must stand alone on its line" in message
    assert "docs/en/x.md:7: marker '<!-- kb:map mars -->': unknown network 'mars'" in message


def test_unclosed_region_names_its_line():
    """A region marker without its closing marker fails at the line where it opens."""
    with pytest.raises(MarkerError, match=r"docs/en/t\.md:2: region 'kb:readiness' is never closed"):
        scan("x\n<!-- kb:readiness -->\n\n## A\n", "docs/en/t.md", NETWORKS)


def test_examples_in_code_are_not_markers():
    """A marker shown in a fenced block or in inline code is an example, not a marker."""
    text = "Write `<!-- kb:nope -->` like this:\n\n```\n<!-- kb:nope -->\n```\n"
    assert scan(text, "docs/en/x.md", NETWORKS) == []


def test_a_marker_found_after_its_stage_fails_with_its_line():
    """A markdown-stage marker met at the html stage (it never went through Markdown) names its line."""
    found = scan("a\n\n<!-- kb:updates -->\n", "docs/en/x.md", NETWORKS)
    with pytest.raises(MarkerError, match=r"docs/en/x\.md:3: marker '<!-- kb:updates -->' runs at the markdown "
                                          r"stage but was found at the html stage"):
        expand("<p>a</p>\n<!-- kb:updates -->\n", "html", view(), marker_lines(found))


def test_the_build_fails_on_an_unknown_marker_naming_file_and_line(tmp_path: Path):
    """A misspelt marker in a page stops the strict build; the log names the page and line."""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "fr" / "approach.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines), "")
    lines.append("<!-- kb:directroy apmn -->")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_site(tmp_path / "site", project=root, env={"KB_ONLY_LANG": "fr"})  # the page's language
    assert build.returncode != 0
    assert f"docs/fr/approach.md:{len(lines)}: unknown marker 'kb:directroy'" in build.log
