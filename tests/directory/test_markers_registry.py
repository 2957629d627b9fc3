"""Markers: one registry; every marker used in docs/ is known, every known marker is handled."""
import re

from kb.markers import STAGES, registry

from sitebuild import ROOT

MARKER = re.compile(r"<!--\s*kb:([A-Za-z0-9_.-]+)")
# Written by hand: the markers the site's pages use and the stage each must run at.
EXPECTED = {
    "directory": "html", "network-facts": "html", "map": "html", "updates": "markdown",
    "translation-status": "html", "find-network": "html", "network-table": "html",
    "readiness": "html", "readiness-result": "html", "print-all": "context", "downloads": "html",
}


def test_every_marker_in_the_docs_is_registered():
    """A marker written in a page is one the registry knows (else the build fails on it)."""
    used = {m for md in (ROOT / "docs").rglob("*.md") for m in MARKER.findall(md.read_text(encoding="utf-8"))}
    assert used and used <= set(registry())


def test_every_marker_has_a_handler_and_its_stage():
    """Each expected marker is registered with a callable handler, at the stage written above."""
    known = registry()
    for name, stage in EXPECTED.items():
        assert name in known, f"kb:{name} is not registered"
        assert callable(known[name].handle)
        assert known[name].stage == stage, name
    assert {m.stage for m in known.values()} <= set(STAGES)


def test_no_marker_survives_in_the_built_site(built):
    """The built pages hold no kb: marker: each was replaced by its handler."""
    left = [p for p in built.html_files() if MARKER.search(p.read_text(encoding="utf-8"))]
    assert left == []
