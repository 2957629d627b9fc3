"""Nothing the browser loads by itself comes from another origin (static scan of the built site)."""
from __future__ import annotations

import re

LOADING = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"], "source": ["src", "srcset"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
    "image": ["href", "xlink:href"], "use": ["href", "xlink:href"], "input": ["src"],
}
LINK_RELS_THAT_LOAD = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
                       "icon", "shortcut", "apple-touch-icon", "manifest", "prerender"}
OFF_SITE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)
JS_ORIGIN = re.compile(r"""["'`](?:https?:)?//(?!www\.w3\.org/)[a-z0-9.-]+\.[a-z]{2,}[^"'`]*["'`]""", re.I)


def _off_site(value: str) -> bool:
    return any(OFF_SITE.match(part.strip().split(" ")[0]) for part in value.split(",") if part.strip())


def test_no_html_element_loads_from_another_origin(built):
    """No script, style, font, image, frame, prefetch or preconnect points off the site. Fails naming the page and the off-site address."""
    offenders = []
    for path in built.html_files():
        html = built_soup(path)
        for tag, attrs in LOADING.items():
            for element in html.find_all(tag):
                offenders += [(path, tag, element[a]) for a in attrs if element.get(a) and _off_site(element[a])]
        for link in html.find_all("link"):
            rels = {r.lower() for r in link.get("rel", [])}
            if rels & LINK_RELS_THAT_LOAD and link.get("href") and _off_site(link["href"]):
                offenders.append((path, "link", link["href"]))
        for element in html.find_all(style=True):
            offenders += [(path, "style", u) for u in _css_urls(element["style"]) if _off_site(u)]
        for style in html.find_all("style"):
            offenders += [(path, "style", u) for u in _css_urls(style.get_text()) if _off_site(u)]
    assert offenders == []


def test_no_stylesheet_loads_from_another_origin(built):
    """No CSS file imports a font or image from another origin (Google Fonts included).
    Fails naming the CSS file and the address (e.g. the theme's Google Fonts import when font: false is removed)."""
    offenders = [(p, u) for p in built.site.rglob("*.css") for u in _css_urls(p.read_text(encoding="utf-8"))
                 if _off_site(u)]
    assert offenders == []


def test_site_scripts_name_no_other_origin(built):
    """The site's own scripts (not the theme's bundle) contain no address of another origin to fetch. Fails naming the script and the address it holds."""
    own = [p for p in built.site.rglob("*.js") if "/assets/javascripts/" not in p.as_posix()]
    offenders = [(p, m.group(0)) for p in own for m in JS_ORIGIN.finditer(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_google_fonts_anywhere(built):
    """Fonts are not requested from Google in any page. Fails on the first page that names fonts.googleapis.com or fonts.gstatic.com."""
    for path in built.html_files():
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def built_soup(path):
    from sitebuild import soup
    return soup(path)
