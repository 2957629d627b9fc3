"""The guidance pages from the public record (issue 17): present in four languages with a translation
record, every fact-bearing paragraph carrying its source link, no link to a document mirror, staging
links labelled as such, and a path from "what is trafficking" to "who can help" in every language.

"Fact-bearing", as checked here: in the page's main content (the <article>), every paragraph, every
list item (its own text, nested lists set aside) and every table body row, except
- headings (not paragraphs), the site's own notices (`.kb-notice`) and admonition titles;
- elements the page marks with the class `kb-nav` (attr_list `{: .kb-nav }`): sentences that only
  introduce a page, point to other pages of this site, or say what the sources do not cover.
Such an element must hold at least one link to another site (http or https): its source.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from kb.translations import hash_matches, parse_record, source_digest

from sitebuild import DEFAULT, LANGUAGES, ROOT

# The pages issue 17 adds, by source path inside a language folder.
NEW_PAGES = ("key-terms.md", "working-with-people.md", "national-society-services.md", "referral.md",
             "policy-frame.md", "learning.md")
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != DEFAULT)

# Document-mirror hosts, from /work/shared/sources/FACTS-GUIDANCE.md ("scribd, pdfslide, lawsdocbox,
# readkong and the like", and the hosts that file records only as copies or relays of a publisher's
# document). A link to one of these hosts or any of its subdomains fails.
MIRROR_HOSTS = (
    "scribd.com", "pdfslide.us", "pdfslide.net", "lawsdocbox.com", "readkong.com",
    "einpresswire.com", "webarchive.archive.unhcr.org", "ketlib.lib.unipi.gr", "core-prod.cambridgecore.org",
)
# Staging hosts (FACTS-GUIDANCE.md: "preprod/staging ... only where no production copy exists, and then
# the page says so"): a link there must sit next to a `.kb-staging-note` saying so.
STAGING_HOSTS = ("preprod.rcrcconference.org",)
SKIP_CLASS = "kb-nav"


# ---------------------------------------------------------------- checks (plain functions)

# Whether a link leaves the site (an absolute http(s) address).
def is_outside(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https")


# Whether a host is `domain` or one of its subdomains.
def host_in(host: str, domains: tuple[str, ...]) -> bool:
    host = (host or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


# The fact-bearing elements of an article (see the module docstring).
def fact_bearing(article) -> list:
    found = []
    for node in article.find_all(["p", "li", "tr"]):
        if node.name == "tr" and node.parent.name != "tbody":
            continue
        if node.name == "p" and node.find_parent("li") is not None:
            continue  # a loose list item's paragraph: its list item is checked
        if "admonition-title" in (node.get("class") or []):
            continue
        if any(SKIP_CLASS in (n.get("class") or []) for n in [node, *node.parents] if hasattr(n, "get")):
            continue
        if node.find_parent(class_="kb-notice") is not None:
            continue
        found.append(node)
    return found


# The element without its nested lists (a list item's nested items are checked on their own).
def own_part(node) -> BeautifulSoup:
    copy = BeautifulSoup(str(node), "html.parser")
    for nested in copy.find_all(["ul", "ol"]):
        nested.decompose()
    return copy


# Fact-bearing elements without a link to another site, as short texts.
def unsourced(article) -> list[str]:
    missing = []
    for node in fact_bearing(article):
        own = own_part(node)
        if not any(is_outside(a["href"]) for a in own.find_all("a", href=True)):
            missing.append(own.get_text(" ", strip=True)[:90])
    return missing


# mkdocs.yml, read without its !ENV values.
def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# The English navigation label of a page under Guidance.
def nav_label(path: str) -> str:
    guidance = next(item["Guidance"] for item in mkdocs_config()["nav"] if isinstance(item, dict) and "Guidance" in item)
    return next(label for entry in guidance for label, target in entry.items() if target == path)


# A language's nav_translations.
def nav_translations(lang: str) -> dict:
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    return next(x for x in i18n["languages"] if x["locale"] == lang).get("nav_translations") or {}


# The main content of a built page.
def article_of(built, lang: str, path: str):
    html = built.page(lang, path.replace(".md", "/"))
    article = html.select_one("article")
    assert article is not None, (lang, path)
    return article


# ---------------------------------------------------------------- the check itself can fail

def test_the_check_finds_a_paragraph_without_a_source():
    """A paragraph without an outside link is reported; a marked navigation sentence and a sourced item are not."""
    article = BeautifulSoup(
        '<article><h2>Title</h2><p>A fact with no source.</p>'
        '<p class="kb-nav">See <a href="../referral/">Referral</a>.</p>'
        '<p>A fact that only links inside <a href="../approach/">the site</a>.</p>'
        '<ul><li>Sourced <a href="https://example.org/">here</a><ul><li>nested, unsourced</li></ul></li>'
        '<li>Only a nested source<ul><li><a href="https://example.org/">x</a></li></ul></li></ul>'
        '<table><thead><tr><th>Head</th></tr></thead><tbody><tr><td>Row without source</td></tr></tbody></table>'
        '<div class="kb-notice"><p class="admonition-title">Notice</p><p>Not reviewed.</p></div></article>',
        "html.parser").article
    assert unsourced(article) == ["A fact with no source.", "A fact that only links inside the site .",
                                  "nested, unsourced", "Only a nested source", "Row without source"]


def test_mirror_hosts_match_subdomains_only():
    """ja.scribd.com is a mirror; a host that merely ends with the same letters is not."""
    assert host_in("ja.scribd.com", MIRROR_HOSTS)
    assert not host_in("notscribd.com", MIRROR_HOSTS)


# ---------------------------------------------------------------- the pages

@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("path", NEW_PAGES)
def test_translation_exists_with_a_current_unreviewed_record(lang, path):
    """docs/<lang>/<page> exists and records the current English page, not yet reviewed."""
    english = (ROOT / "docs" / DEFAULT / path).read_text(encoding="utf-8")
    target = ROOT / "docs" / lang / path
    assert target.is_file(), f"docs/{lang}/{path} is missing"
    record = parse_record(target.read_text(encoding="utf-8"), f"docs/{lang}/{path}")
    assert record is not None, f"docs/{lang}/{path} has no translation record"
    assert hash_matches(record.source_hash, source_digest(english)), f"docs/{lang}/{path} is outdated"
    assert record.reviewed is False


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", NEW_PAGES)
def test_built_page_is_in_its_language(built, lang, path):
    """Each page is built in each language from its own file (no fallback notice), and the
    translations say they are not yet reviewed."""
    article = article_of(built, lang, path)
    assert article.select(".kb-notice--fallback") == []
    assert len(article.select(".kb-notice--unreviewed")) == (0 if lang == DEFAULT else 1)
    page = built.page(lang, path.replace(".md", "/"))
    active = page.select("nav.md-nav--primary a.md-nav__link--active")
    assert active, f"{lang}/{path} is not in the navigation"
    label = nav_label(path)
    expected = label if lang == DEFAULT else nav_translations(lang)[label]
    assert active[0].get_text(" ", strip=True) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", NEW_PAGES)
def test_every_fact_bearing_paragraph_has_a_source_link(built, lang, path):
    """No paragraph, list item or table row of the page's content lacks a link to its source."""
    article = article_of(built, lang, path)
    assert fact_bearing(article), "nothing checked: the page has no fact-bearing content"
    assert unsourced(article) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", NEW_PAGES)
def test_staging_links_say_they_are_staging(built, lang, path):
    """A link to a staging host sits in a paragraph or item that carries the staging note."""
    bad = []
    for a in article_of(built, lang, path).find_all("a", href=True):
        if host_in(urlsplit(a["href"]).hostname, STAGING_HOSTS):
            holder = a.find_parent(["p", "li"])
            if holder is None or holder.select_one(".kb-staging-note") is None:
                bad.append(a["href"])
    assert bad == []


def test_no_link_on_the_site_points_to_a_mirror(built):
    """No link on any page of any language points to a document-mirror host."""
    bad = []
    for html_file in built.html_files():
        html = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        bad += [(html_file.relative_to(built.site).as_posix(), a["href"]) for a in html.find_all("a", href=True)
                if host_in(urlsplit(a["href"]).hostname, MIRROR_HOSTS)]
    assert bad == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reader_gets_from_key_terms_to_who_can_help(built, lang):
    """From Key terms, following links inside the article only, a reader reaches the services page,
    the referral page and the Find your network tool."""
    prefix = "" if lang == DEFAULT else f"{lang}/"
    start = f"/{prefix}key-terms/"
    seen, queue = {start}, [start]
    while queue:
        here = queue.pop()
        file = built.site / here.lstrip("/") / "index.html"
        if not file.is_file():
            continue
        for a in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("article a[href]"):
            if is_outside(a["href"]) or a["href"].startswith("#"):
                continue
            target = urlsplit(urljoin(here, a["href"])).path
            if target.startswith(f"/{prefix}") and target not in seen and target.endswith("/"):
                seen.add(target)
                queue.append(target)
    for goal in ("national-society-services/", "referral/", "tools/find-your-network/", "directory/"):
        assert f"/{prefix}{goal}" in seen, goal
