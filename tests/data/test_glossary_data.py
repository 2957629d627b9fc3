"""data/glossary.yml: every term in four languages, a short definition in four languages, sources on
the publisher's own https:// site; each mistake named with file, line and field, all at once."""
from __future__ import annotations

import subprocess
import sys

from kb.catalogue import load_catalogue

from conftest import REPO, Repo, write

G = "data/glossary.yml"
HEAD = "# yaml-language-server: $schema=schema/glossary.schema.json\n"


def term(id_: str = "informed-consent", *, term: str | None = None, definition: str | None = None,
         sources: str | None = None, also: str = "") -> str:
    """One glossary entry; with defaults its lines are: id +0, term +1 (en +2 .. ar +5),
    definition +6 (en +7 .. ar +10), sources +11, first source +12."""
    term = term if term is not None else (
        "    term:\n      en: informed consent\n      fr: consentement éclairé\n"
        "      es: consentimiento informado\n      ar: الموافقة المستنيرة\n")
    definition = definition if definition is not None else (
        "    definition:\n      en: Agreement given once the person fully understands what will happen.\n"
        "      fr: Accord donné une fois que la personne comprend pleinement ce qui va se passer.\n"
        "      es: Acuerdo dado una vez que la persona entiende plenamente lo que va a ocurrir.\n"
        "      ar: موافقة تُعطى بعد أن يفهم الشخص تمامًا ما سيحدث.\n")
    sources = sources if sources is not None else (
        "    sources:\n      - https://trafficking-response.org/about-us/our-approach\n")
    return f"  - id: {id_}\n" + term + also + definition + sources


def glossary(repo: Repo, *entries: str) -> None:
    write(repo.root, G, HEAD + "terms:\n" + "".join(entries))


def test_a_valid_glossary_loads(repo: Repo) -> None:
    glossary(repo, term())
    loaded = repo.load().glossary
    assert loaded is not None and [t.id for t in loaded.terms] == ["informed-consent"]
    assert loaded.terms[0].definition.get("es").startswith("Acuerdo")


def test_a_term_missing_a_language_names_file_line_and_field(repo: Repo) -> None:
    glossary(repo, term(term="    term:\n      en: informed consent\n      fr: consentement éclairé\n"
                             "      es: consentimiento informado\n"))
    assert repo.problems() == [
        f"{G}:4: terms[0].term.ar: is missing; add ar: with the Arabic text (this text is needed in "
        "every language: en, fr, es and ar)"]


def test_a_definition_missing_a_language_names_file_line_and_field(repo: Repo) -> None:
    lines = term().splitlines(keepends=True)
    del lines[9]  # es: of the definition
    glossary(repo, "".join(lines))
    assert repo.problems() == [
        f"{G}:9: terms[0].definition.es: is missing; add es: with the Spanish text (this text is "
        "needed in every language: en, fr, es and ar)"]


def test_a_term_without_definition_or_source_fails(repo: Repo) -> None:
    glossary(repo, term(definition=""), term("do-no-harm", term="    term:\n      en: do no harm\n"
                                             "      fr: ne pas nuire\n      es: no hacer daño\n"
                                             "      ar: عدم الإضرار\n", sources=""))
    assert repo.problems() == [
        f"{G}:3: terms[0].definition: is missing; add definition: with a short definition on "
        "indented lines en: ..., fr: ..., es: ..., ar: ...",
        f"{G}:11: terms[1].sources: is missing; add sources: with at least one https:// link "
        "(one per line, '- ')"]


def test_empty_sources_and_a_mirror_and_http_fail(repo: Repo) -> None:
    glossary(repo,
             term(sources="    sources: []\n"),
             term("do-no-harm", term="    term:\n      en: do no harm\n      fr: ne pas nuire\n"
                  "      es: no hacer daño\n      ar: عدم الإضرار\n",
                  sources="    sources:\n      - https://ja.scribd.com/document/76713112/x\n"
                          "      - http://www.ifrc.org/en/news\n"))
    assert repo.problems() == [
        f"{G}:14: terms[0].sources: needs at least one entry (a line starting with '- ')",
        f"{G}:27: terms[1].sources[0]: scribd.com is a document-mirror site, not the publisher; cite "
        "the publisher's own https:// address (the organisation that issued the document)",
        f"{G}:28: terms[1].sources[1]: use the secure address starting with https:// instead of http://"]


def test_a_source_text_file_name_is_not_a_public_source(repo: Repo) -> None:
    glossary(repo, term(sources="    sources:\n      - 000_d097e74188e04625.txt\n"))
    (problem,) = repo.problems()
    assert problem.startswith(f"{G}:15: terms[0].sources[0]: give the public https:// address")


def test_a_long_definition_and_an_unknown_key_fail(repo: Repo) -> None:
    long = "x" * 401
    glossary(repo, term(definition="    definition:\n      en: " + long + "\n      fr: a\n      es: b\n"
                                   "      ar: c\n", also="    aslo:\n      en: [consent]\n"))
    assert repo.problems() == [
        f"{G}:9: terms[0].aslo: unknown field 'aslo'; did you mean 'also'? allowed here: id, term, also, "
        "definition, sources",
        f"{G}:12: terms[0].definition.en: is 401 characters long; keep a definition to one or two "
        "sentences (at most 400 characters)"]


def test_a_form_of_two_terms_and_a_repeated_id_fail(repo: Repo) -> None:
    glossary(repo, term(also="    also:\n      en: [consent]\n"),
             term("consent", term="    term:\n      en: Consent\n      fr: accord\n      es: acuerdo\n"
                  "      ar: قبول\n"),
             term())
    assert repo.problems() == [
        f"{G}:20: terms[1].term.en: 'Consent' is also a form of the term 'informed-consent'; a text can "
        "belong to one term only",
        f"{G}:31: terms[2].id: 'informed-consent' is already used on line 3; every term needs its own id"]


def test_check_data_lists_every_glossary_problem_at_once(repo: Repo) -> None:
    glossary(repo, term(term="    term:\n      en: informed consent\n"),
             term("do-no-harm", definition="", sources=""))
    result = subprocess.run([sys.executable, "-m", "kb.check_data", "--root", str(repo.root)],
                            capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"{G}:4: terms[0].term.ar: is missing; add ar: with the Arabic text (this "
                         "text is needed in every language: en, fr, es and ar)",
                         f"{G}:4: terms[0].term.es: is missing; add es: with the Spanish text (this "
                         "text is needed in every language: en, fr, es and ar)",
                         f"{G}:4: terms[0].term.fr: is missing; add fr: with the French text (this "
                         "text is needed in every language: en, fr, es and ar)"]
    assert f"{G}:13: terms[1].definition: is missing" in result.stdout
    assert f"{G}:13: terms[1].sources: is missing" in result.stdout
    assert lines[-1] == "5 problem(s) in 1 file(s)"


def test_the_schema_line_is_required(repo: Repo) -> None:
    write(repo.root, G, "terms:\n" + term())
    assert repo.problems() == [
        f"{G}:1: (file): the first line must be: # yaml-language-server: $schema=schema/glossary.schema.json"]


def test_shipped_glossary_covers_the_key_terms_in_four_languages() -> None:
    glossary_ = load_catalogue(REPO).glossary
    assert glossary_ is not None
    ids = {t.id for t in glossary_.terms}
    assert {"trafficking-in-persons", "smuggling-of-migrants", "national-society", "referral-mechanism",
            "do-no-harm", "informed-consent", "recovery-and-reflection-period"} <= ids
    for t in glossary_.terms:
        for lang in ("en", "fr", "es", "ar"):
            assert getattr(t.term, lang) and getattr(t.definition, lang), (t.id, lang)
        assert all(s.startswith("https://") for s in t.sources)
