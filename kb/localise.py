"""Names and order in the reader's language: countries and languages (CLDR via Babel), sorting."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from babel import Locale
from pyuca import Collator

from .models import LANGUAGES

T = TypeVar("T")


# A country's name in a language, from CLDR ("AU" -> "Australie" in French).
def country_name(code: str, lang: str) -> str:
    return _territories(lang).get(code.upper(), code.upper())


@lru_cache(maxsize=len(LANGUAGES))
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


# A language's own name in another language ("fr" in Arabic -> "الفرنسية").
def language_name(code: str, lang: str) -> str:
    return Locale.parse(lang).languages.get(code, code)


@lru_cache(maxsize=1)
def _collator() -> Collator:
    return Collator()


# Spanish tailoring of the root collation: ñ is a letter of its own, after n (CLDR "es").
# An unassigned code point after "n" gets an implicit weight above every letter.
_TAILORING = {"es": str.maketrans({"ñ": "n\U0010FFFF", "Ñ": "N\U0010FFFF"})}


# A sort key that orders text the way readers of a language expect (Unicode Collation
# Algorithm with the DUCET: accents, case and Arabic letters sort correctly, not by code point).
@lru_cache(maxsize=65536)
def sort_key(text: str, lang: str = "en") -> tuple:
    table = _TAILORING.get(lang)
    return _collator().sort_key(text.translate(table) if table else text)


# Sort items by a text taken from each, for readers of a language.
def collate(items: Iterable[T], key: Callable[[T], str], lang: str = "en") -> list[T]:
    return sorted(items, key=lambda item: sort_key(key(item), lang))
