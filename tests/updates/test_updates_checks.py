"""Checks before merge: mistakes in posts and broken links fail with a first line naming file, line and fix."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from kb.updates import PostError, check_posts

from sitebuild import ROOT, build_site
from updates_support import copy_project, write_post

GOOD = "title: A title\ndate: 2024-03-12\nnetwork: apmn\nsummary: A summary."


# Load tools/build.py as a module (it is a script, not a package).
def build_tool():
    spec = importlib.util.spec_from_file_location("kb_build_tool", ROOT / "tools" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_broken_link_in_a_post_fails_the_build_naming_file_line_and_link(tmp_path):
    """A French post linking to a missing page fails the strict build; the first line names it."""
    project = copy_project(tmp_path)
    body = "First paragraph.\n\nSee [the missing page](../missing-page.md)."
    post = write_post(project, "fr", "2024-03-12-broken", GOOD + "\ntranslation:\n  reviewed: false", body)
    write_post(project, "en", "2024-03-12-broken", GOOD, "Fine.")
    line = next(n for n, text in enumerate(post.read_text(encoding="utf-8").splitlines(), 1) if "missing-page" in text)

    strict = build_site(tmp_path / "site", project=project)
    assert strict.returncode != 0
    assert "fr/updates/posts/2024-03-12-broken.md" in strict.log and "../missing-page.md" in strict.log

    result = subprocess.run([sys.executable, "tools/build.py", "--site-dir", str(tmp_path / "site2")],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    first = result.stdout.splitlines()[0]
    assert first == (f"docs/fr/updates/posts/2024-03-12-broken.md:{line}: link '../missing-page.md': "
                     "target not found — fix the link or create the page")


def test_a_post_mistake_stops_the_build_with_file_and_line(tmp_path):
    """A post whose network is misspelt fails the build; tools/build.py's first line says where and what to write."""
    project = copy_project(tmp_path)
    write_post(project, "en", "2024-03-12-typo", GOOD.replace("network: apmn", "network: apnm"), "Body.")
    result = subprocess.run([sys.executable, "tools/build.py", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert result.stdout.splitlines()[0] == ("docs/en/updates/posts/2024-03-12-typo.md:4: network 'apnm' is not "
                                             "a network — write one of: apmn, atn")


# (file name, front matter, expected start of the message)
MISTAKES = [
    ("2024-03-12-a", GOOD.replace("summary: A summary.", ""), "docs/en/updates/posts/2024-03-12-a.md:1: 'summary' is missing"),
    ("2024-03-12-b", GOOD.replace("2024-03-12", "12/03/2024"), "docs/en/updates/posts/2024-03-12-b.md:4: date '12/03/2024' is not a date"),
    ("2024-03-12-c", GOOD.replace("2024-03-12", "2024-02-30"), "docs/en/updates/posts/2024-03-12-c.md:4: date is not a real date"),
    ("2024-03-13-d", GOOD, "docs/en/updates/posts/2024-03-13-d.md:4: the file name must start with the date '2024-03-12-'"),
    ("2024-03-12-e", GOOD.replace("title: A title", "title: 2024"), "docs/en/updates/posts/2024-03-12-e.md:3: 'title' must be text"),
]


@pytest.mark.parametrize("name,front,expected", MISTAKES)
def test_post_mistakes_are_named_with_file_and_line(tmp_path, name, front, expected):
    """Each kind of front matter mistake raises a message starting with file:line and the field."""
    write_post(tmp_path, "en", name, "# a comment line\n" + front, "Body.")
    with pytest.raises(PostError) as error:
        check_posts(tmp_path / "docs", tmp_path, "en", ("apmn", "atn"))
    assert str(error.value).startswith(expected)


def test_translation_must_match_its_english_original(tmp_path):
    """A translation whose date differs from the English one, or that has no English one, is refused."""
    write_post(tmp_path, "en", "2024-03-12-x", GOOD, "Body.")
    write_post(tmp_path, "fr", "2024-03-12-x", GOOD.replace("network: apmn", "network: atn"), "Corps.")
    with pytest.raises(PostError, match=r"^docs/fr/updates/posts/2024-03-12-x.md:4: network 'atn' differs"):
        check_posts(tmp_path / "docs", tmp_path, "en", ("apmn", "atn"))
    (tmp_path / "docs/fr/updates/posts/2024-03-12-x.md").unlink()
    write_post(tmp_path, "es", "2024-03-12-y", GOOD, "Cuerpo.")
    with pytest.raises(PostError, match=r"^docs/es/updates/posts/2024-03-12-y.md:1: no English original"):
        check_posts(tmp_path / "docs", tmp_path, "en", ("apmn", "atn"))


def test_summary_of_other_mkdocs_warnings(tmp_path):
    """Anchor, absolute-link and nav warnings are summarised with file, line and the fix."""
    page = tmp_path / "docs" / "es" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_text("# X\n\nText.\n\n[a](y.md#nope) and [b](/abs/)\n", encoding="utf-8")
    tool = build_tool()
    anchor = ("WARNING -  Doc file 'es/x.md' contains a link 'y.md#nope', but the doc 'es/y.md' does not "
              "contain an anchor '#nope'.")
    assert tool.summarise(anchor, tmp_path)[0] == ("docs/es/x.md:5: link 'y.md#nope': docs/es/y.md has no heading "
                                                   "with the anchor '#nope' — fix the anchor or add it to the heading")
    absolute = "INFO - fine\nWARNING -  Doc file 'es/x.md' contains an absolute link '/abs/', it was left as is."
    assert tool.summarise(absolute, tmp_path)[0].startswith("docs/es/x.md:5: link '/abs/' starts with /")
    nav = ("WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is not found in "
           "the documentation files.")
    assert tool.summarise(nav, tmp_path)[0].startswith("mkdocs.yml: nav lists 'gone.md'")
    assert tool.summarise("INFO - all good", tmp_path) is None
