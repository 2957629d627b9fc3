"""The build context, made once per build, and the language of each page.

`BuildContext` holds what every part of the build needs and would otherwise re-derive: the site's
languages (code, own name, direction, default), the edition, whether this is the offline edition,
the edition's view of the data, the interface words and the templates. The MkDocs glue
(hooks/kbglue.py) makes it from mkdocs.yml and the i18n plugin; nothing under kb/ reads MkDocs.

`PageLanguage` is the one answer to "which language is this page in": the language of its content
and the language of its reader. They differ on a fallback page (an English page shown in the French
site because the French translation is missing): the text is English, every piece of interface
around it (exit, notices, labels, dates) is French.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .errors import ConfigError
from .labels import Labels
from .render import render

EDITIONS = ("public", "network")
RTL = frozenset({"ar", "fa", "he", "ur"})


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str  # its name in itself ("Français")
    default: bool = False

    @property
    def dir(self) -> str:
        return "rtl" if self.code in RTL else "ltr"


@dataclass(frozen=True)
class PageLanguage:
    """The language of a page's content and of its reader (they differ on a fallback page)."""

    content: str
    reader: str

    @property
    def fallback(self) -> bool:
        return self.content != self.reader


@dataclass
class BuildContext:
    """Everything a build's hooks share, made once per build (not per language)."""

    root: Path
    docs_dir: Path
    languages: tuple[Language, ...]
    edition: str
    offline: bool
    catalogue: Catalogue  # the edition's view: network-only contacts only in the network edition
    labels: Labels
    templates: Path
    site_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # per-build results (translation report...)

    def __post_init__(self) -> None:
        if self.edition not in EDITIONS:
            raise ConfigError(f"unknown edition {self.edition!r} (extra.edition / KB_EDITION): "
                              f"use one of {', '.join(EDITIONS)}")
        if sum(lang.default for lang in self.languages) != 1:
            raise ConfigError("exactly one language must be the default")

    @property
    def default(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    # The language pages are written in first and translated from: the first one configured. (In a
    # one-language build, static-i18n makes that language the default; the source stays English.)
    @property
    def source(self) -> str:
        return self.languages[0].code

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    # The Language of a code (an unknown code is the default language's settings with that code).
    def language(self, code: str) -> Language:
        return next((lang for lang in self.languages if lang.code == code), Language(code, code))

    # Language code -> its own name, in configured order.
    @property
    def names(self) -> dict[str, str]:
        return {lang.code: lang.name for lang in self.languages}

    # An interface word in a language, with {placeholders} filled in.
    def t(self, key: str, lang: str, **values: Any) -> str:
        text = self.labels.get(key, lang)
        return text.format(**values) if values else text

    # The interface words of one language as a function (what templates call `t`).
    def words(self, lang: str) -> Callable[..., str]:
        return lambda key, **values: self.t(key, lang, **values)

    # Render a template of overrides/kb/ (autoescaped, StrictUndefined).
    def render(self, name: str, **values: Any) -> str:
        return render(self.templates, name, **values)


@dataclass(frozen=True)
class PageFile:
    """A page of the language build being made: its URL, its path in its language folder, its file."""

    url: str  # "fr/updates/posts/2024-01-01-x/"
    path: str  # "updates/posts/2024-01-01-x.md"
    abs_src: Path
    locale: str  # the language the file is written in


@dataclass
class PageView:
    """What a marker handler knows of the page it renders into."""

    ctx: BuildContext
    lang: PageLanguage
    src: str  # docs/fr/approach.md, for messages
    url: str  # the page's URL in this build ("fr/approach/")
    url_of: Callable[[str], str | None]  # a page's path in the reader's language -> relative URL, or None
    pages: list[PageFile] = field(default_factory=list)  # every page of this language build
    state: dict[str, Any] = field(default_factory=dict)  # shared by the handlers of one page

    # An interface word in the reader's language.
    def t(self, key: str, **values: Any) -> str:
        return self.ctx.t(key, self.lang.reader, **values)

    # Render a template with `t` (reader's words) and `lang` already given.
    def render(self, name: str, **values: Any) -> str:
        return self.ctx.render(name, t=self.t, lang=self.lang.reader, **values)
