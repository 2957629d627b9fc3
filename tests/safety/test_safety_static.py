"""Do no harm online, read from the built site: referrer meta, rel on outbound links, the quick-exit
control first on every page, one _headers file whose CSP covers every inline script, no search terms
in URLs, and Latin runs isolated in Arabic pages."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from urllib.parse import urlsplit

from expected import label

from kb.safety import parse_headers_file

from sitebuild import LANGUAGES, ROOT, soup


# The neutral page of each language, from mkdocs.yml's extra.quick_exit.url block.
def neutral_urls() -> dict[str, str]:
    block = re.search(r"^  quick_exit:\n    url:\n((?:      .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return dict(re.findall(r"^      (\w+): (\S+)$", block.group(1), re.M))


NEUTRAL = neutral_urls()


def page_language(html) -> str:
    return html.find("html")["lang"]


def test_every_page_has_no_referrer_meta(built):
    """Every built HTML page tells the browser to send no referrer. Fails naming the pages whose <head> lost the no-referrer meta tag (overrides/main.html)."""
    pages = built.html_files()
    assert len(pages) > 20
    missing = [p for p in pages if not soup(p).find("meta", attrs={"name": "referrer", "content": "no-referrer"})]
    assert missing == []


def test_every_outbound_link_is_noopener_noreferrer(built):
    """Every link to another origin, anywhere in any page, carries rel="noopener noreferrer". Fails naming each off-site link without both words (the rewrite in kb/safety.py skipped it)."""
    outbound, offenders = 0, []
    for path in built.html_files():
        for a in soup(path).find_all("a", href=True):
            href = a["href"].strip()
            if urlsplit(href).scheme in ("http", "https") or href.startswith("//"):
                outbound += 1
                rel = set(a.get("rel") or [])
                if not {"noopener", "noreferrer"} <= rel:
                    offenders.append((path, href, rel))
    assert outbound > len(built.html_files())  # the exit link on each page, plus the sources
    assert offenders == []


def test_quick_exit_is_first_in_every_page_in_its_language(built):
    """The first element of every page's body is the quick-exit landmark, linking to the configured neutral site, labelled in the page's language.
    Fails naming the page whose body starts with something else, links elsewhere or is labelled in another language."""
    for path in built.html_files():
        html = soup(path)
        first = html.body.find(True)
        assert first.name == "nav" and first.has_attr("data-kb-exit"), path
        lang = page_language(html)
        assert first["aria-label"] == label("quick_exit.region", lang)
        link = first.find("a", attrs={"data-kb-exit-link": True})
        assert link["href"] == NEUTRAL[lang]
        assert set(link["rel"]) == {"noopener", "noreferrer"}
        assert link.get_text(strip=True) == label("quick_exit.button", lang)
        # No focusable element of the theme comes before it (the skip link follows it).
        assert not link.find_all_previous(["a", "button", "select", "textarea"]), path
        # The theme writes a skip link only on pages with a table of contents; where it does, it is
        # moved into the exit landmark, and the guidance pages all have one.
        assert all(first in skip.parents for skip in html.find_all("a", class_="md-skip")), path
        guidance = any(f"/{name}/index.html" in path.as_posix() for name in ("approach", "principles", "before-you-engage"))
        assert first.find("a", class_="md-skip") is not None or not guidance, path


def test_exit_labels_are_the_words_the_pages_use(built):
    """The button reads Exit / Quitter / Salir / خروج, the word each language's safety page tells readers to select.
    Fails when a label in data/labels.yml and the safety page's instruction disagree."""
    expected = {"en": "Exit", "fr": "Quitter", "es": "Salir", "ar": "خروج"}
    for lang in LANGUAGES:
        text = built.page(lang, "safety/").find("a", attrs={"data-kb-exit-link": True}).get_text(strip=True)
        assert text == expected[lang]
        source = (ROOT / "docs" / lang / "safety.md").read_text(encoding="utf-8")
        assert f"**{expected[lang]}**" in source


def test_one_headers_file_at_the_site_root(built):
    """The build writes exactly one _headers file, at the site root, with the security headers. Fails when _headers is missing, duplicated in a language folder, or lacks a header."""
    found = sorted(built.site.rglob("_headers"))
    assert found == [built.site / "_headers"]
    headers = parse_headers_file(found[0].read_text(encoding="utf-8"))["/*"]
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    for directive, value in csp.items():
        assert "unsafe-eval" not in value and "*" not in value.split() and "http" not in value, directive
    assert "unsafe-inline" not in csp["script-src"] and "unsafe-inline" not in csp["style-src"]


def test_csp_hashes_every_inline_script_and_nothing_else(built):
    """Every inline script of every page has its SHA-256 in script-src, and every hash there belongs to a script.
    Fails naming an inline script whose hash is missing (the browser would block it) or a hash no script needs."""
    csp = parse_headers_file((built.site / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src")).split()[1:]
    listed = {s for s in script_src if s.startswith("'sha256-")}
    seen = set()
    for path in built.html_files():
        for script in soup(path).find_all("script"):
            if script.get("src") or script.get("type", "text/javascript") not in ("text/javascript", "module"):
                continue
            digest = hashlib.sha256(script.string.encode("utf-8")).digest()
            seen.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    assert seen and seen == listed


def test_search_terms_never_reach_urls_and_no_instant_navigation(built):
    """No page enables search.highlight, search.share or navigation.instant (they put terms in URLs or break exit). Fails when mkdocs.yml turns one of those features on."""
    for path in built.html_files():
        config = soup(path).find("script", id="__config")
        features = set(json.loads(config.string)["features"])
        assert not features & {"search.highlight", "search.share", "navigation.instant"}, path


def test_site_scripts_use_no_eval_and_set_no_cookie(built):
    """The site's own scripts use no eval/new Function/inline handlers and never touch cookies or web storage directly.
    Fails naming the script and the construct (eval, onclick=, document.cookie, localStorage)."""
    for name in ("quick-exit.js", "no-storage.js"):
        code = re.sub(r"/\*.*?\*/", "", (built.site / "assets" / name).read_text(encoding="utf-8"), flags=re.S)
        for banned in ("eval(", "new Function", "document.cookie", "localStorage", "sessionStorage", "innerHTML", "setAttribute(\"on"):
            assert banned not in code, (name, banned)
    for path in built.html_files():
        html = soup(path)
        assert not [t for t in html.find_all(True) if any(re.fullmatch(r"on[a-z]{3,}", a) for a in t.attrs)], path
        assert not html.find_all(style=True), path  # no inline style attributes: style-src needs no unsafe-inline


def test_arabic_latin_runs_are_isolated(built):
    """In Arabic pages, Latin names such as APMN sit in <bdi dir="ltr">; code is left alone; other languages get no bdi. Fails when the isolation hook stops running or wraps code too."""
    ar_home = built.page("ar")
    runs = [b.get_text() for b in ar_home.select("article bdi[dir=ltr]")]
    assert "APMN" in runs and "ATN" in runs
    for lang in LANGUAGES:
        for path in (built.lang_dir(lang)).glob("**/index.html"):
            if lang == "en" and any(part in ("fr", "es", "ar") for part in path.relative_to(built.site).parts):
                continue
            html = soup(path)
            if lang == "ar":
                assert not html.select("code bdi, pre bdi"), path
            elif not any(part in ("fr", "es", "ar") for part in path.relative_to(built.lang_dir(lang)).parts):
                # Only data rendered by the directories and tools (web addresses, phones) is isolated there.
                stray = [b for b in html.find_all("bdi") if not any(
                    c.startswith("kb-") for p in b.parents for c in (p.get("class") or []))]
                assert not stray, path
