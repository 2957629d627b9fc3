"""The theme's markup that the Nu HTML Checker rejects and no partial can reach: base.html writes
autocomplete="off" on its two checkbox toggles (drawer, search), which HTML allows only on text-like
inputs. Dropped here; quick-exit.js unchecks both toggles on pageshow, which is what the attribute
was for (a browser restoring a checked toggle on Back). The navigation's tabindex="" is fixed in
overrides/partials/nav-item.html instead."""
from __future__ import annotations

import re

TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                    r'id="__(?:drawer|search)") autocomplete="off">')


# The page's HTML with the theme's invalid attributes removed.
def fix(html: str) -> str:
    return TOGGLE.sub(r"\1>", html)
