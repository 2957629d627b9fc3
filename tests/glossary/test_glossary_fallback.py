"""A page missing in a language is shown in English (static-i18n's fallback): its terms are found in
the English text, and their definitions are given in the reader's language."""
from __future__ import annotations

import shutil
from io import StringIO

import pytest
from expected import glossary_terms
from ruamel.yaml import YAML

from kb.translations import source_hash

from sitebuild import LANGUAGES, ROOT, build_site, soup

TERMS = glossary_terms()  # read from data/glossary.yml, not through the product's loader
GLOSSARY = (ROOT / "docs" / "en" / "glossary.md").read_text(encoding="utf-8")
ENGLISH_ONLY = """---
title: Terms
description: A page only in English.
---

# Terms

Ask your National Society about the local referral mechanisms. A National Society asks for
informed consent before any referral.
"""


def page(title: str, body: str, english: str | None = None) -> str:
    record = f"translation:\n  source_hash: {source_hash(english)}\n  reviewed: false\n" if english else ""
    return f"---\ntitle: {title}\ndescription: {title}.\n{record}---\n\n{body}"


@pytest.fixture(scope="module")
def fallback(tmp_path_factory):
    root = tmp_path_factory.mktemp("glossary-fallback")
    for folder in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    yaml = YAML(typ="rt", pure=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": "index.md"}, {"Terms": "terms.md"}, {"Glossary": "glossary.md"}]
    out = StringIO()
    yaml.dump(config, out)
    (root / "mkdocs.yml").write_text(out.getvalue(), encoding="utf-8")
    home = page("Home", "# Home\n\nA fixture.\n")
    for lang in LANGUAGES:
        folder = root / "docs" / lang
        folder.mkdir(parents=True)
        if lang == "en":
            (folder / "index.md").write_text(home, encoding="utf-8")
            (folder / "terms.md").write_text(ENGLISH_ONLY, encoding="utf-8")
            (folder / "glossary.md").write_text(GLOSSARY, encoding="utf-8")
        else:
            (folder / "index.md").write_text(page("Home", "# Home\n\nA fixture.\n", home), encoding="utf-8")
            translated = (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
            (folder / "glossary.md").write_text(translated, encoding="utf-8")
    build = build_site(root / "site", project=root)
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terms_of_an_english_fallback_page_are_defined_in_the_readers_language(fallback, lang):
    doc = fallback.page(lang, "terms/")
    buttons = doc.select("article button.kb-term__button")
    assert [b.get_text() for b in buttons] == ["National Society", "local referral mechanisms", "informed consent"]
    for button in buttons:
        term = TERMS[button["popovertarget"].removeprefix("kb-term-")]
        tip = doc.find(id=button["popovertarget"])
        assert tip["lang"] == lang and tip["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert term["term"][lang] in tip.get_text()
        assert " ".join(term["definition"][lang].split()) in " ".join(tip.get_text().split())
        # The link goes to the glossary of the reader's language.
        link = (fallback.lang_dir(lang) / "terms" / tip.a["href"].split("#")[0] / "index.html").resolve()
        assert link == (fallback.lang_dir(lang) / "glossary" / "index.html").resolve()
        assert soup(link).find(id=term["id"]) is not None
