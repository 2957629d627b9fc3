"""A hostile string in every field that reaches a page stays text on every page type."""
from __future__ import annotations

import json
import re

import pytest

from project import copy_project
from sitebuild import LANGUAGES, build_site, soup

HOSTILE = '<script>alert("kb-x")</script> " \' {{ 7*7 }}'
YAML_HOSTILE = json.dumps(HOSTILE)  # a double-quoted YAML scalar is a JSON string
POST = "docs/en/updates/posts/2012-12-apmn-set-up.md"
ORG = "data/organisations/australian-red-cross.yml"


def _plant(root):
    """Put the hostile string in names, a contact's role, a fact note, a post title and summary, a label."""
    org = (root / ORG).read_text(encoding="utf-8")
    org = re.sub(r"^(  (en|fr|es|ar)): .*$", lambda m: f"{m.group(1)}: {YAML_HOSTILE}", org, count=4, flags=re.M)
    assert YAML_HOSTILE in org
    org = org.replace("\nsources:", f"""
contacts:
  - role: {YAML_HOSTILE}
    email: desk@example.org
    visibility: public
    last_verified: 2026-10-01
sources:""", 1)
    (root / ORG).write_text(org, encoding="utf-8")
    net = (root / "data/networks/apmn.yml").read_text(encoding="utf-8")
    net = re.sub(r'^(      (en|fr|es|ar)): ".*$', lambda m: f"{m.group(1)}: {YAML_HOSTILE}", net, flags=re.M)
    assert YAML_HOSTILE in net
    (root / "data/networks/apmn.yml").write_text(net, encoding="utf-8")
    for lang in LANGUAGES:  # the post and its translations
        path = root / POST.replace("docs/en/", f"docs/{lang}/")
        post = path.read_text(encoding="utf-8")
        post = re.sub(r"^title: .*$", f"title: {YAML_HOSTILE}", post, count=1, flags=re.M)
        post = re.sub(r"^summary: .*$", f"summary: {YAML_HOSTILE}", post, count=1, flags=re.M)
        path.write_text(post, encoding="utf-8")
    labels = (root / "data/labels.yml").read_text(encoding="utf-8")
    labels, count = re.subn(r"^(dir\.caption\.all:\n  en): .*$", lambda m: f"{m.group(1)}: {YAML_HOSTILE}",
                            labels, count=1, flags=re.M)
    assert count == 1
    (root / "data/labels.yml").write_text(labels, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    _plant(root)
    build = build_site(root / "site", project=root)
    assert build.returncode == 0, build.log[-3000:]
    return build


# Pages where each planted field shows (path in every language).
PAGES = ("directory/", "directory/apmn/", "networks/apmn/", "tools/find-your-network/", "updates/",
         "updates/apmn/", "updates/posts/2012-12-apmn-set-up/", "print/", "translation-status/")


def test_no_planted_script_runs_anywhere(hostile_build):
    """No built file holds the planted <script> as markup; JSON data blocks hold it with "<" escaped."""
    for path in hostile_build.html_files():
        page = soup(path)
        scripts = page.find_all("script")
        assert not [s for s in scripts if "kb-x" in s.get_text() and s.get("type") != "application/json"], path
        assert not [s for s in scripts if s.get("type") == "application/json" and "<" in s.get_text()], path
        raw = path.read_text(encoding="utf-8")
        assert '<script>alert("kb-x")' not in raw, path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_path", PAGES)
def test_hostile_text_shows_as_text(hostile_build, lang, page_path):
    """On every page type where a planted field appears, it reads back as the exact string."""
    page = hostile_build.page(lang, page_path)
    text = page.get_text()
    assert HOSTILE in text or HOSTILE in str(page.find_all(attrs={"title": HOSTILE})), page_path


def test_hostile_text_in_feeds_is_escaped(hostile_build):
    """The Atom feeds carry the planted title as escaped text."""
    feed = (hostile_build.site / "updates" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in feed and "<script>" not in feed
