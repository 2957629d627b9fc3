"""One search index per language, written as UTF-8.

Stock static-i18n writes a single index holding every language (Arabic as \\uXXXX escapes) and
every visitor downloads it. Here each language build writes its own `<lang>/search/search_index.json`
with only its own pages and a lunr configuration for that language alone, and each page's
`__config.base` points the search at its language's root.
"""
from __future__ import annotations

import json
import logging
import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from kb.offline import offline_enabled

log = logging.getLogger("mkdocs.hooks.search_split")

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


# ---------------------------------------------------------------- events

# Point the search of a non-default language page at that language's own index.
# (An English page shown as the fallback of a missing translation has locale "en" but is built for,
# and searched in, the language it stands in for: static-i18n's locale_alternate_of.)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    prefix = language_prefix(config, getattr(page.file, "locale_alternate_of", None) or getattr(page.file, "locale", None))
    if not prefix:
        return output

    def rebase(match: re.Match) -> str:
        app = json.loads(match.group(2))
        app["base"] = f'{app["base"].rstrip("/")}/{prefix}/'
        return match.group(1) + json.dumps(app, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)


# After static-i18n (priority -100) has built the other languages and written its combined index,
# split whatever entries the search plugin holds by language and write each language's own index.
# A nested language build holds one language; the outer build ends holding all of them.
# The offline edition also gets each index as a script (search_index.js) for file://.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search, "search_index"):
        return
    for lang, docs in split_by_language(config, search.search_index.entries).items():
        index = {
            "config": {
                "lang": [lang],
                "separator": search.config.separator,
                "pipeline": search.config.pipeline,
                "fields": search.config.fields,
            },
            "docs": docs,
        }
        path = os.path.join(config.site_dir, language_prefix(config, lang), "search", "search_index.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(index, handle, ensure_ascii=False, separators=(",", ":"), default=str)
        if offline_enabled(config):
            # From file:// the theme loads search/search_index.js and reads the global __index.
            with open(path[: -len(".json")] + ".js", "w", encoding="utf-8") as handle:
                handle.write("var __index = ")
                json.dump(index, handle, ensure_ascii=False, separators=(",", ":"), default=str)
        log.debug("search index for %s: %d entries -> %s", lang, len(docs), path)


# ---------------------------------------------------------------- helpers

# Entries grouped by language, each location made relative to its language's root.
def split_by_language(config: MkDocsConfig, entries: list[dict]) -> dict[str, list[dict]]:
    default = default_language(config)
    others = [code for code in all_languages(config) if code != default]
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        location = entry["location"]
        lang = next((code for code in others if location.startswith(f"{code}/") or location == code), default)
        if lang != default:
            location = location[len(lang) + 1:]
        groups.setdefault(lang, []).append({**entry, "location": location})
    return groups


# The URL prefix of a language ("" for the default language).
def language_prefix(config: MkDocsConfig, lang: str | None) -> str:
    if not lang or lang == default_language(config):
        return ""
    return lang


# The default language of the i18n plugin.
def default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.default_language if i18n is not None else "en"


# Every configured language code.
def all_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    return list(i18n.all_languages) if i18n is not None else []
