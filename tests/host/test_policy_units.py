"""The allowlist follows the installed theme; the scanner finds what would run unlisted code."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
from jinja2 import Environment

from kb import policy


def theme_scripts() -> set[str]:
    """The inline scripts the theme's partials write, rendered as this site configures them (extra.scope: /)."""
    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    env = Environment()
    found = set()
    for name in ("base.html", "content.html"):
        text = env.from_string((folder / name).read_text(encoding="utf-8")).render(
            config={"extra": {"scope": "/"}}, base_url="..", features=[])
        found |= set(re.findall(r"<script>(.*?)</script>", text, re.S))
    return found


def test_allowlist_is_in_step_with_the_installed_theme():
    """The allowlist names the installed theme version and exactly the scripts its partials write."""
    allowlist = policy.load_allowlist()
    assert allowlist.theme_version == version("mkdocs-material"), "theme upgraded: review kb/inline_scripts.yml"
    assert {s.code for s in allowlist.scripts} == theme_scripts()


def test_scanner_reports_unlisted_scripts_handlers_and_javascript_urls():
    allowed = policy.load_allowlist().hashes()
    listed = policy.load_allowlist().scripts[0].code
    html = (f"<html><head><script>{listed}</script><script src='a.js'></script>"
            "<script type='application/json'>{\"a\": 1}</script></head><body>\n"
            "<p>x</p>\n<script>alert(1)</script>\n<img src=x onerror=\"go()\">\n"
            "<a href=' JavaScript:void(0)'>x</a><a href='/ok/'>ok</a></body></html>")
    found = policy.find_unsafe(html, allowed)
    assert [(f.kind, f.line) for f in found] == [("inline script", 3), ("event handler", 4), ("javascript: URL", 5)]
    source = "# Title\n\ntext\n<script>alert(1)</script>\n<img src=x onerror=\"go()\">\n[x](javascript:void(0))\n"
    assert [policy.source_line(source, f) for f in found] == [4, 5, 6]


def test_meta_policy_leaves_out_what_a_meta_tag_cannot_carry():
    header, meta = policy.site_policy(), policy.site_policy(meta=True)
    assert "frame-ancestors 'none'" in header and "frame-ancestors" not in meta
    assert header.replace("; frame-ancestors 'none'", "") == meta
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
