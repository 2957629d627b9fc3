"""The quick exit: which neutral page each language leaves for (extra.quick_exit.url in mkdocs.yml,
checked once per build) and the exit control and practice block, rendered from overrides/kb/."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from kb.context import PageView
from kb.errors import ConfigError
from kb.labels import Labels
from kb.markers import handler
from kb.render import render

URLS = "quick_exit.urls"  # BuildContext.extra key: the checked neutral page of each language (hooks/safety.py)

# Everything the script says, by data attribute of the control (data-kb-NAME) and labels.yml key.
SCRIPT_TEXTS = {
    "two-left": "quick_exit.two_left",
    "one-left": "quick_exit.one_left",
    "reset": "quick_exit.reset",
    "leaving": "quick_exit.leaving",
    "stalled": "quick_exit.stalled",
    "retry": "quick_exit.retry",
    "return": "quick_exit.return",
}


class QuickExitConfigError(ConfigError):
    """extra.quick_exit in mkdocs.yml is missing or wrong; the message lists every problem."""


# The neutral page of every language: {lang: url}. `value` is extra.quick_exit.url, either one
# address for every language or a mapping by language. Each must be an absolute https:// address of
# another site than this one (site_url); every built language needs one.
def neutral_urls(value: object, languages: list[str], site_url: str | None) -> dict[str, str]:
    if isinstance(value, str):
        value = {lang: value for lang in languages}
    if not isinstance(value, dict):
        raise QuickExitConfigError(
            "mkdocs.yml: extra.quick_exit.url: give one https:// address per language (en: https://…), "
            f"got {value!r}")
    problems = []
    own_host = (urlsplit(site_url).hostname or "").lower() if site_url else ""
    for lang in languages:
        url = value.get(lang)
        if url is None:
            problems.append(f"extra.quick_exit.url.{lang}: missing: every language needs a neutral page")
            continue
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme != "https" or not parts.hostname or any(c in url for c in "\"'<> "):
            problems.append(f"extra.quick_exit.url.{lang}: must be an absolute https:// address, got {url!r}")
        elif own_host and parts.hostname.lower() == own_host:
            problems.append(f"extra.quick_exit.url.{lang}: {url} is this site ({site_url}): "
                            "the quick exit must leave for another site")
    unknown = sorted(set(value) - set(languages))
    problems += [f"extra.quick_exit.url.{lang}: not a language of this site" for lang in unknown]
    if problems:
        raise QuickExitConfigError("mkdocs.yml: " + "; ".join(problems))
    return {lang: value[lang] for lang in languages}


# The host name a reader would see for a neutral page ("www.bbc.com").
def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


# The quick-exit control in the reader's language: a plain link (works without JavaScript) that
# quick-exit.js enhances, with every text the script says in data attributes.
def exit_markup(folder: str | Path, lang: str, url: str, labels: Labels) -> str:
    return render(folder, "exit.html", url=url, lang=lang,
                  region=labels.get("quick_exit.region", lang),
                  button=labels.get("quick_exit.button", lang),
                  hint=labels.get("quick_exit.hint", lang),
                  texts={name: labels.get(key, lang) for name, key in SCRIPT_TEXTS.items()})


# The safety page's practice block (<!-- kb:exit-practice -->): a toggle that makes the exit show
# what it would do, without leaving, naming the reader's neutral site.
@handler("exit-practice", "html")
def practice_marker(page: PageView, _target: str, _inner: str | None) -> str:
    urls = page.ctx.extra.get(URLS)
    if not urls or page.lang.reader not in urls:
        raise QuickExitConfigError("mkdocs.yml: extra.quick_exit.url: no neutral page for "
                                   f"'{page.lang.reader}' (hooks/safety.py checks it first)")
    return practice_markup(page.ctx.templates, page.lang.reader, urls[page.lang.reader], page.ctx.labels)


def practice_markup(folder: str | Path, lang: str, url: str, labels: Labels) -> str:
    host = host_of(url)
    return render(folder, "exit_practice.html",
                  heading=labels.get("quick_exit.practice_heading", lang),
                  intro=labels.get("quick_exit.practice_intro", lang).replace("{host}", host),
                  toggle=labels.get("quick_exit.practice_toggle", lang),
                  result=labels.get("quick_exit.practice_result", lang).replace("{host}", host),
                  nojs=labels.get("quick_exit.practice_nojs", lang))
