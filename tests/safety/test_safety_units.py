"""The pure functions behind hooks/safety.py, on small HTML they must handle."""
from __future__ import annotations

import base64
import hashlib

from kb.safety import (
    add_noopener,
    content_security_policy,
    headers_file,
    inline_script_hashes,
    insert_exit,
    isolate_latin_runs,
    parse_headers_file,
)


def test_noopener_added_to_other_origins_only():
    """Absolute links to another origin gain noopener noreferrer; relative, same-origin and mailto links do not. Fails when an off-site link is missed or a local link is changed."""
    html = ('<a href="https://example.org/x">a</a><a href="../x/">b</a><a href="mailto:x@y.z">c</a>'
            '<a href="https://kb.example/p/">d</a><a rel="external" href="//cdn.example.net/">e</a>')
    out = add_noopener(html, "https://kb.example")
    assert '<a rel="noopener noreferrer" href="https://example.org/x">' in out
    assert '<a href="../x/">' in out and '<a href="mailto:x@y.z">' in out
    assert '<a href="https://kb.example/p/">' in out
    assert '<a rel="external noopener noreferrer" href="//cdn.example.net/">' in out


def test_noopener_quick_skip_keeps_links_in_any_case_and_spacing():
    """Tags without "//" or "http" are skipped unread; an outbound href in upper or mixed case, after
    spaces or protocol-relative still gets the words, and a relative one never does. Fails when the
    quick skip looks for "http" case-sensitively or forgets protocol-relative links."""
    # A URL parser drops tabs and newlines, so "HTTP:/\t/" leaves the site with no "//" in the tag,
    # and reads a backslash as a slash on an http(s) page (tests/browser checks these against Chromium).
    for href in ("HTTP://example.org/", "hTtPs://example.org/x", "  https://example.org/", "//example.org/",
                 "HTTP:/\t/example.org/", "ht\ttp://example.org/", "/\\example.org/", "\\\\example.org",
                 "/\t/example.org", "https:\\\\example.org", "http:example.org"):
        out = add_noopener(f'<A HREF="{href}">x</A>', "https://kb.example")
        assert out == f'<A rel="noopener noreferrer" HREF="{href}">x</A>', out
    for href in ("../http/", "https:example.org", "https:/example.org", "#//x", "https://kb.example/p/",
                 "\\kb.example/p/", "mailto:x@example.org"):
        html = f'<a href="{href}">x</a>'
        assert add_noopener(html, "https://kb.example") == html


def test_noopener_is_idempotent():
    """Running the rewrite twice changes nothing the second time. Fails when the second run adds the words again."""
    once = add_noopener('<a href="https://example.org/">x</a>')
    assert add_noopener(once) == once


def test_inline_hashes_skip_json_and_external_scripts():
    """Only scripts the browser runs are hashed: not JSON data blocks, not src= scripts. Fails when a data block or src= script is hashed, or a real script is not."""
    html = ('<script>var a=1</script><script type="application/json">{"b":2}</script>'
            '<script src="x.js"></script>')
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert inline_script_hashes(html) == {f"'sha256-{expected}'"}


def test_csp_round_trips_through_headers_file():
    """The _headers text parses back into the same policy. Fails when the _headers format loses or changes a directive."""
    policy = content_security_policy({"'sha256-abc='"})
    parsed = parse_headers_file(headers_file(policy))
    assert parsed["/*"]["Content-Security-Policy"] == policy
    assert "script-src 'self' 'sha256-abc='" in policy


def test_exit_inserted_once_first_in_body_with_skip_link_after():
    """The exit control lands right after <body>, takes the skip link in, and a second run adds nothing. Fails when the exit is not first, appears twice, or the skip link is lost."""
    page = '<html><body dir="rtl"><input><div data-md-component="skip"><a class="md-skip" href="#t">Skip</a></div><main></main></body></html>'
    out = insert_exit(page, '<nav data-kb-exit><a>Exit</a></nav>')
    assert out.startswith('<html><body dir="rtl"><nav data-kb-exit><a>Exit</a><div data-md-component="skip">')
    assert out.count("md-skip") == 1 and out.index("md-skip") < out.index("<input>")
    assert insert_exit(out, '<nav data-kb-exit><a>Exit</a></nav>') == out


def test_latin_runs_isolated_but_not_code_entities_or_tags():
    """Latin runs get <bdi dir="ltr">; code, entities, attributes and lone digits stay as they are. Fails when a Latin run is left bare or code, an entity or an attribute is wrapped."""
    html = ('<p title="APMN">شبكة (APMN) و Red Cross Red Crescent &amp; <code>ATN</code> 3 '
            '<a href="x">+61 2 9229 4111</a></p><pre>abc</pre>')
    out = isolate_latin_runs(html)
    assert '<p title="APMN">' in out
    assert '(<bdi dir="ltr">APMN</bdi>)' in out
    assert '<bdi dir="ltr">Red Cross Red Crescent</bdi> &amp;' in out
    assert "<code>ATN</code>" in out and "<pre>abc</pre>" in out
    assert " 3 " in out
    assert '<bdi dir="ltr">+61 2 9229 4111</bdi>' in out
