"""The allowlist follows the installed theme; the scanner finds what would run unlisted code."""
from __future__ import annotations

import random
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


HOSTILE = [
    "<img src=x onerror=go()>", "<img/onerror=go() src=x>", '<a href="x"onclick="go()">x</a>', "<a ONCLICK>x</a>",
    "<a href=' JavaScript:void(0)'>x</a>", "<a href='&#106;avascript:go()'>x</a>",
    "<a href='java\tscript:go()'>x</a>", "<a href=\"javascript&colon;go()\">x</a>", "<script>alert(1)</script>",
    "<script data-src=x>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>", '<a title="x>y" onclick=go()>x</a>',
    "<a title='it\"s' onclick=go()>x</a>", "<a href=x href='javascript:go()'>x</a>",
    "<script type=module>go()</script>", "<svg><a xlink:href='javascript:go()'>x</a></svg>",
    "<form><button formaction='javascript:go()'>x</button></form>", "<a title=\"based on\" onclick=go()>x</a>",
    "<A HREF='JAVA\tSCRIPT:go()'>x</A>", "<DIV\nOnMouseOver=go()>x</DIV>",
    # "İ" lowers to two characters: a quick look that lowered the tags without care would look for
    # the alarm's tag 20 characters too far on, in a clean tag.
    '<p title="' + "İ" * 20 + '">x</p><b onclick=go()>y</b><i>z</i><i>z</i><i>z</i>',
]


def test_the_quick_looks_lowercasing_finds_what_re_ignorecase_finds():
    """The quick look searches the tags lowercased for "on" after a quote, space or slash and for
    "java" however spaced. That finds what the case-insensitive patterns find only if no character
    other than these letters lowers to, or case-insensitively matches, one of them, and no character
    lowers into the quote/space/slash or control classes. Checked over every code point."""
    letters = set("onjav")
    for code in range(0x110000):
        char = chr(code)
        if char in "onjavONJAV" or 0xD800 <= code <= 0xDFFF:
            continue
        lowered = char.lower()
        assert not re.fullmatch("(?i)[onjav]", char), hex(code)
        if len(lowered) == 1:
            assert lowered not in letters, hex(code)
            assert bool(re.fullmatch(r"""['"\s/]|[\x00-\x20]""", lowered)) == bool(
                re.fullmatch(r"""['"\s/]|[\x00-\x20]""", char)), hex(code)


def test_the_quick_look_never_calls_unsafe_html_clean():
    """find_unsafe skips the full parse only for pages it proves clean: each hostile snippet gets the
    parse (and the parser's findings), on its own and inside a clean page; a clean page needs no parse."""
    allowed = policy.load_allowlist().hashes()
    listed = policy.load_allowlist().scripts[0].code
    clean = (f"<html><head><script>{listed}</script><script src='../a.js'></script></head><body>"
             "<p title=\"based on &amp; near\">Based on the text</p><a href='/ok/?a=1&amp;b=2'>ok</a>\nSNIPPET</body></html>")
    assert policy.surely_clean(clean.replace("SNIPPET", ""), allowed)
    # A page holding a NUL character is looked at tag by tag (the fast look joins tags with NUL).
    assert policy.surely_clean(clean.replace("SNIPPET", "\x00"), allowed)
    for snippet in HOSTILE:
        for html in (snippet, clean.replace("SNIPPET", snippet), clean.replace("SNIPPET", "\x00" + snippet)):
            scanner = policy._Scanner(allowed)
            scanner.feed(html)
            scanner.close()
            assert scanner.findings, html
            assert not policy.surely_clean(html, allowed), html
            assert policy.find_unsafe(html, allowed) == scanner.findings


def test_the_fast_quick_look_agrees_with_the_tag_by_tag_one():
    """The quick look over the NUL-joined tags (quote parity and alarm lookup done in C) answers as the
    one that reads each tag in turn, on 4000 generated pages of tags with quotes, alarms and "&" in
    every order (seeded), and on the hostile snippets. Fails when the joined look calls a page with an
    odd-quoted tag or an unsafe tag clean that the tag-by-tag look would send to the full parse."""
    allowed = policy.load_allowlist().hashes()
    parts = ["<a", "<p ", "<script", "</script>", ">", '"', "'", " on", "/on", "click=go()", "&amp;", "&",
             " href=", "java", "script:", "\t", "x", " ", "=", "İ", "\n", "<b title='", '">']
    rng = random.Random(22)
    seen = {True: 0, False: 0}
    for html in HOSTILE + ["".join(rng.choice(parts) for _ in range(rng.randint(1, 40))) for _ in range(4000)]:
        expected = policy._surely_clean_tag_by_tag(html, allowed)
        assert policy.surely_clean(html, allowed) == expected, html
        seen[expected] += 1
    assert min(seen.values()) > 200, seen  # both answers are exercised


def test_meta_policy_leaves_out_what_a_meta_tag_cannot_carry():
    header, meta = policy.site_policy(), policy.site_policy(meta=True)
    assert "frame-ancestors 'none'" in header and "frame-ancestors" not in meta
    assert header.replace("; frame-ancestors 'none'", "") == meta
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
