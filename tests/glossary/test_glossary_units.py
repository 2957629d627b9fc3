"""First use of a glossary term: only the first use, only in the authors' text, the definition in the
reader's language, escaped."""
from __future__ import annotations

from bs4 import BeautifulSoup

from kb.glossary import annotate, glossary_html
from kb.labels import labels_for
from kb.models import Glossary

from sitebuild import ROOT

TEMPLATES = ROOT / "overrides" / "kb"
LABELS = labels_for(str(ROOT / "mkdocs.yml"))


def entry(id_: str, terms: dict[str, str], definitions: dict[str, str], also: dict | None = None) -> dict:
    return {"id": id_, "term": terms, "definition": definitions, "also": also or {},
            "sources": ["https://www.example.org/source"]}


GLOSSARY = Glossary.model_validate({"terms": [
    entry("national-society",
          {"en": "National Society", "fr": "Société nationale", "es": "Sociedad Nacional", "ar": "الجمعية الوطنية"},
          {"en": "EN definition of NS.", "fr": "Définition FR de SN.", "es": "Definición ES de SN.",
           "ar": "تعريف عربي للجمعية."},
          {"en": ["National Societies"], "fr": ["Sociétés nationales"]}),
    entry("referral-mechanism",
          {"en": "referral mechanism", "fr": "mécanisme d’orientation", "es": "mecanismo de derivación",
           "ar": "آلية الإحالة"},
          {"en": "EN referral <b>definition</b> & more.", "fr": "Définition FR d’orientation.",
           "es": "Definición ES de derivación.", "ar": "تعريف الإحالة."},
          {"en": ["national referral mechanism"]}),
]})


def run(html: str, content: str = "en", reader: str = "en", href: str | None = "../glossary/") -> BeautifulSoup:
    return BeautifulSoup(annotate(html, GLOSSARY, content, reader, LABELS, TEMPLATES, href), "html.parser")


def test_only_the_first_use_of_each_term_is_wrapped():
    doc = run("<p>A National Society can help. Every National Society is different.</p>"
              "<p>National Societies and the national referral mechanism; a referral mechanism.</p>")
    buttons = doc.select("button.kb-term__button")
    assert [b.get_text() for b in buttons] == ["National Society", "national referral mechanism"]
    assert [b["popovertarget"] for b in buttons] == ["kb-term-national-society", "kb-term-referral-mechanism"]
    tip = doc.find(id="kb-term-national-society")
    assert tip.has_attr("popover") and tip.has_attr("data-search-exclude")
    assert "EN definition of NS." in tip.get_text()
    assert tip.find("a")["href"] == "../glossary/#national-society"
    for node in doc.select(".kb-term__tip"):
        node.decompose()
    assert doc.get_text().count("National Societ") == 3  # the later two uses stay plain text


def test_headings_links_code_and_generated_content_are_left_alone():
    doc = run('<h2 id="x">National Society</h2><p><a href="#">National Society</a> <code>National Society</code>'
              '</p><div class="kb-notice"><p>National Society</p></div>'
              '<p class="admonition-title">National Society</p><p>Then a National Society.</p>')
    (button,) = doc.select("button.kb-term__button")
    assert button.parent.parent.name == "p" and button.parent.parent.get_text().startswith("Then a")
    assert doc.h2.get_text() == "National Society" and doc.a.get_text() == "National Society"


def test_the_definition_is_in_the_readers_language_on_a_page_in_another_language():
    """A fallback page: written in English, read by a Spanish reader."""
    doc = run("<p>The referral mechanism of a National Society.</p>", content="en", reader="es")
    tip = doc.find(id="kb-term-referral-mechanism")
    assert tip["lang"] == "es" and tip["dir"] == "ltr"
    assert "Definición ES de derivación." in tip.get_text() and "mecanismo de derivación" in tip.get_text()
    ar = run("<p>A National Society.</p>", content="en", reader="ar").find(id="kb-term-national-society")
    assert ar["lang"] == "ar" and ar["dir"] == "rtl" and "تعريف عربي للجمعية." in ar.get_text()


def test_matching_ignores_case_line_breaks_and_apostrophe_style_and_needs_whole_words():
    doc = run("<p>Les Sociétés\nnationales et le mécanisme d'orientation. Une Sociétés nationalesX.</p>",
              content="fr", reader="fr")
    assert [b.get_text() for b in doc.select("button")] == ["Sociétés\nnationales", "mécanisme d'orientation"]
    assert run("<p>Internationalsocietys National Societyx</p>").select("button") == []


def test_definitions_are_escaped_and_no_link_without_a_glossary_page():
    html = annotate("<p>a referral mechanism</p>", GLOSSARY, "en", "en", LABELS, TEMPLATES, None)
    assert "<b>definition</b>" not in html and "&lt;b&gt;definition&lt;/b&gt; &amp; more." in html
    assert BeautifulSoup(html, "html.parser").find("a") is None


def test_no_glossary_leaves_the_page_unchanged():
    html = "<p>A National Society.</p>"
    assert annotate(html, None, "en", "en", LABELS, TEMPLATES, None) == html


def test_glossary_page_is_sorted_for_the_reader_and_shows_the_english_term():
    doc = BeautifulSoup(glossary_html(GLOSSARY, "fr", LABELS, TEMPLATES), "html.parser")
    terms = [dt.dfn.get_text() for dt in doc.select("dt")]
    assert terms == ["mécanisme d’orientation", "Société nationale"]  # m before S, case-insensitively
    assert [dt["id"] for dt in doc.select("dt")] == ["referral-mechanism", "national-society"]
    assert doc.select_one("dt span[lang=en]").get_text() == "referral mechanism"
    assert "Sociétés nationales" in doc.select("dd")[1].get_text()
