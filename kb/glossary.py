"""The glossary (data/glossary.yml): its page, and each term's definition at its first use in a page.

    glossary_html(glossary, lang, labels, templates)        # <!-- kb:glossary --> on the glossary page
    annotate(html, glossary, content_lang, reader_lang, labels, templates, glossary_href)

`<!-- kb:glossary -->` is an html-stage marker of the one dispatcher (kb.markers); `annotate` is
called by hooks/glossary.py before the markers are expanded.

First use. `annotate` walks a page's HTML (as Markdown produced it, before generated content is
put in) and wraps the first use of each term, in the language the page is written in, in a button
that opens a popover with the term's short definition in the reader's language and a link to the
glossary entry. Only the first use of a term is wrapped; later uses stay plain text.

Why a popover: the `popover` attribute and `popovertarget` are plain HTML, so the definition opens
with a click, a tap, Enter or Space and closes with Escape or a click elsewhere without any script
(nothing is added to the Content-Security-Policy), it is reached with the keyboard, and a screen
reader announces a button that expands. A browser without popover support shows the definition
inline, right after the term. Hover-only tooltips (`<abbr title>`) reach neither keyboard nor touch
users. The popover is left out of the search index (`data-search-exclude`), so searching a
definition finds the glossary page rather than every page that uses the term.

Never wrapped: headings, links, buttons, code, form controls, tables of contents and anything the
site generates (elements with a `kb-` class, admonition titles), so directory tables, notices and
the timeline stay as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .context import RTL, PageView
from .labels import Labels
from .localise import collate, language_name
from .markers import handler
from .models import LANGUAGES, Glossary, Term
from .render import render
from .timeline import Source, source_link

MARKER = "kb:glossary"
GLOSSARY_PAGE = "glossary.md"  # in each language folder
# Elements whose text is never annotated, and elements that hold no end tag.
SKIP = frozenset({"a", "abbr", "button", "code", "dfn", "details", "summary", "h1", "h2", "h3", "h4", "h5",
                  "h6", "kbd", "label", "math", "nav", "noscript", "option", "pre", "samp", "script",
                  "select", "style", "svg", "template", "textarea", "time", "title", "var", "iframe"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr"})
SKIP_CLASSES = ("kb-", "admonition-title", "headerlink", "toc")
TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.S)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
APOSTROPHES = "'\u2019"


# ---------------------------------------------------------------- the glossary page

@dataclass
class TermView:
    """One entry of the glossary page, in the reader's language."""

    id: str
    term: str
    english: str | None  # the English term on pages in other languages
    also: list[str]
    definition: str
    sources: list[Source]


# The glossary page's list: every term, ordered for readers of `lang`, with definition and sources.
def glossary_html(glossary: Glossary | None, lang: str, labels: Labels, templates: str | Path) -> str:
    terms = [] if glossary is None else [
        TermView(id=t.id, term=t.term.get(lang), english=None if lang == "en" else t.term.en,
                 also=list(getattr(t.also, lang)), definition=t.definition.get(lang),
                 sources=[source_link(s) for s in t.sources])
        for t in collate(glossary.terms, key=lambda t: t.term.get(lang), lang=lang)]
    return render(templates, "glossary.html", terms=terms, lang=lang, dir="rtl" if lang in RTL else "ltr",
                  english_name=language_name("en", lang), t=lambda key: labels.get(key, lang))


# <!-- kb:glossary -->: the glossary page's list, in the reader's language.
@handler("glossary", "html")
def glossary_marker(page: PageView, target: str, inner: str | None) -> str:
    return glossary_html(page.ctx.catalogue.glossary, page.lang.reader, page.ctx.labels, page.ctx.templates)


# ---------------------------------------------------------------- first use in a page

def _normal(text: str) -> str:
    """A form as compared: case-folded, one space between words, one kind of apostrophe."""
    return " ".join(text.casefold().replace("\u2019", "'").split())


@lru_cache(maxsize=16)
def _matcher(forms: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """One pattern for every (form, term id): longest forms first, whole words, any spacing."""
    if not forms:
        return None
    parts = []
    for form, _ in sorted(forms, key=lambda f: -len(f[0])):
        words = [re.escape(w).replace("'", f"[{APOSTROPHES}]").replace("\u2019", f"[{APOSTROPHES}]")
                 for w in form.split()]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.I)


def _forms(glossary: Glossary, lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((form, t.id) for t in glossary.terms for form in t.forms(lang))


def _skipped(tag: str, name: str) -> bool:
    """True if the text inside this start tag must not be annotated."""
    if name in SKIP or "data-search-exclude" in tag or "popover" in tag:
        return True
    match = CLASS_ATTR.search(tag)
    classes = (match.group(1) or match.group(2) or match.group(3) or "").split() if match else []
    return any(c.startswith(SKIP_CLASSES) for c in classes)


# Wrap the first use of each glossary term in `html` (written in content_lang) with its definition
# in reader_lang; glossary_href is the link to the glossary page (None: no link).
def annotate(html: str, glossary: Glossary | None, content_lang: str, reader_lang: str, labels: Labels,
             templates: str | Path, glossary_href: str | None) -> str:
    if glossary is None:
        return html
    forms = _forms(glossary, content_lang if content_lang in LANGUAGES else "en")
    pattern = _matcher(forms)
    if pattern is None:
        return html
    by_form = {_normal(form): term_id for form, term_id in forms}
    terms = {t.id: t for t in glossary.terms}
    used: set[str] = set()
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, skipped)
    skipping = 0
    pos = 0

    def wrap(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            term_id = by_form.get(_normal(match.group(0)))
            if term_id is None or term_id in used or len(used) == len(terms):
                return match.group(0)
            used.add(term_id)
            return _first_use(match.group(0), terms[term_id], reader_lang, labels, templates, glossary_href)
        return pattern.sub(one, text)

    for token in TOKEN.finditer(html):
        text = html[pos:token.start()]
        out.append(wrap(text) if text and not skipping and len(used) < len(terms) else text)
        tag = token.group(0)
        out.append(tag)
        pos = token.end()
        name_match = TAG_NAME.match(tag)
        if not name_match:
            continue  # comment, doctype, processing instruction
        name = name_match.group(1).lower()
        if tag.startswith("</"):
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    skipping -= sum(1 for _, skipped in stack[index:] if skipped)
                    del stack[index:]
                    break
        elif name not in VOID and not tag.endswith("/>"):
            skipped = _skipped(tag, name)
            stack.append((name, skipped))
            skipping += skipped
    rest = html[pos:]
    out.append(wrap(rest) if rest and not skipping else rest)
    return "".join(out)


def _first_use(text: str, term: Term, lang: str, labels: Labels, templates: str | Path,
               glossary_href: str | None) -> str:
    """The term as written in the page, as a button that opens its definition in `lang`."""
    href = f"{glossary_href}#{term.id}" if glossary_href is not None else None
    return render(templates, "glossary_term.html", text=text, id=term.id, term=term.term.get(lang),
                  definition=term.definition.get(lang), href=href, lang=lang,
                  dir="rtl" if lang in RTL else "ltr", t=lambda key: labels.get(key, lang))
