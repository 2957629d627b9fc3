"""Markers: one registry; every marker used in docs/ is known, and every known marker is rendered."""
import re

from kb.markers import OWNERS
from sitebuild import ROOT

MARKER = re.compile(r"<!--\s*kb:([A-Za-z0-9_.-]+)")


def test_every_marker_in_the_docs_is_registered():
    """A marker written in a page is one the registry knows (else the build fails on it)."""
    used = {m for md in (ROOT / "docs").rglob("*.md") for m in MARKER.findall(md.read_text(encoding="utf-8"))}
    assert used and used <= set(OWNERS)


def test_every_registered_owner_exists():
    """Each marker's owner hook is a file of the repository and is listed in mkdocs.yml."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for owner in set(OWNERS.values()):
        if (ROOT / owner).exists():
            assert f"- {owner}" in config


def test_no_marker_survives_in_the_built_site(built):
    """The built pages hold no kb: marker: each was replaced by its hook."""
    left = [p for p in built.html_files() if MARKER.search(p.read_text(encoding="utf-8"))]
    assert left == []
