"""One search index per language, written as UTF-8 (the hooks call these at the end of each build).

Stock static-i18n writes a single index holding every language (Arabic as \\uXXXX escapes) and
every visitor downloads it. Here each language gets its own `<lang>/search/search_index.json` with
only its own pages and a lunr configuration for that language alone, and each page's
`__config.base` points the search at its language's root.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


# Point the theme's search (the page's __config.base) at a language's folder ("fr").
def rebase_search(output: str, prefix: str) -> str:
    def rebase(match: re.Match[str]) -> str:
        app = json.loads(match.group(2))
        app["base"] = f'{app["base"].rstrip("/")}/{prefix}/'
        return match.group(1) + json.dumps(app, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)


# Entries grouped by language, each location made relative to its language's root.
def split_by_language(entries: list[dict], codes: list[str], default: str) -> dict[str, list[dict]]:
    others = [code for code in codes if code != default]
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        location = entry["location"]
        lang = next((code for code in others if location.startswith(f"{code}/") or location == code), default)
        if lang != default:
            location = location[len(lang) + 1:]
        groups.setdefault(lang, []).append({**entry, "location": location})
    return groups


# Write one language's index (and, for file://, the same as a script setting __index).
def write_index(path: Path, lang: str, docs: list[dict], settings: dict[str, Any], as_script: bool) -> None:
    index = {"config": {"lang": [lang], **settings}, "docs": docs}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
    path.write_text(text, encoding="utf-8")
    if as_script:  # from file:// the theme loads search/search_index.js and reads the global __index
        path.with_suffix(".js").write_text("var __index = " + text, encoding="utf-8")
