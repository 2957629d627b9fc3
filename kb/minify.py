"""The project's own stylesheet and scripts, minified in the built site.

The sources in docs/assets/ keep their comments and layout for the people who maintain them; the
built copies (site/assets/*.css and *.js, not the theme's already minified files below assets/) lose
comments and needless white space. On a phone's first view this is about 4 KB of the 70 KB budget
(issue 22). rcssmin and rjsmin are small, long-maintained minifiers that only remove what the
languages allow to be removed (no renaming, no rewriting).
"""
from __future__ import annotations

from pathlib import Path


# Minify site/assets/*.css and *.js in place; {file: (bytes before, bytes after)}.
def minify_site(site: Path) -> dict[str, tuple[int, int]]:
    from rcssmin import cssmin
    from rjsmin import jsmin

    done: dict[str, tuple[int, int]] = {}
    for path in sorted((site / "assets").glob("*")):
        if path.suffix not in (".css", ".js") or not path.is_file() or ".min." in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        small = (cssmin(text) if path.suffix == ".css" else jsmin(text)).strip() + "\n"
        if len(small) < len(text):
            path.write_text(small, encoding="utf-8")
        done[path.name] = (len(text.encode("utf-8")), path.stat().st_size)
    return done
