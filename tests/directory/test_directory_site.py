"""Directories, network facts and maps in real builds of the site with fixture data, both editions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from ruamel.yaml import YAML

from dirproject import CANARY_EMAIL, CANARY_PIECES, EXTRA, HOSTILE, MEMBERS, ORGS, PUBLIC_EMAIL, make_project
from sitebuild import LANGUAGES, ROOT, Build, build_site, soup

NETWORKS = ("apmn", "atn")
LABELS = YAML(typ="safe", pure=True).load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


# A label from data/labels.yml, read here independently of kb.labels.
def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


# A fixture organisation's name in a language, English where it has none.
def name_of(org: str, lang: str) -> str:
    names = ORGS[org]["name"] if org in ORGS else EXTRA[1]["name"]
    return names.get(lang) or names["en"]


@pytest.fixture(scope="module")
def public(dir_public: Build) -> Build:
    """The public edition of the fixture project (tests/directory/conftest.py)."""
    return dir_public


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The network edition of the fixture project."""
    project = make_project(tmp_path_factory.mktemp("dir-network") / "project")
    build = build_site(project / "site", project=project, env={"KB_EDITION": "network"})
    assert build.returncode == 0, build.log
    return build


# The rows of the directory table of a page, as BeautifulSoup <tr> elements.
def rows(build: Build, lang: str, path: str) -> list:
    return build.page(lang, path).select("table.kb-directory__table tbody tr")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("net", NETWORKS)
def test_rows_show_localised_names_countries_and_roles(public: Build, lang: str, net: str) -> None:
    """Each member's name, country (CLDR via Babel) and roles (labels.yml) are in the page's language."""
    found = {tr["data-org"]: tr for tr in rows(public, lang, f"directory/{net}/")}
    assert set(found) == {org for org, _ in MEMBERS[net]}
    territories = Locale.parse(lang).territories
    for org, roles in MEMBERS[net]:
        cells = found[org].find_all(["th", "td"])
        assert cells[0].get_text(strip=True) == name_of(org, lang)
        country = ORGS[org]["country"]
        if country:
            assert cells[1].get_text(strip=True) == territories[country]
        assert {s.get_text() for s in cells[3].select("[data-role]")} == {label(f"role.{r}", lang) for r in roles}
        assert cells[2].get_text(strip=True) == label(f"kind.{ORGS[org]['kind']}", lang)


def test_a_known_country_name_in_french_and_arabic(public: Build) -> None:
    """A fixed check, not computed: Egypt is 'Égypte' in French and 'مصر' in Arabic."""
    assert "Égypte" in public.page("fr", "directory/apmn/").select_one("tr[data-org=elan-red-crescent]").get_text()
    assert "مصر" in public.page("ar", "directory/apmn/").select_one("tr[data-org=elan-red-crescent]").get_text()


# Written by hand, per language, from its alphabet (not computed by the product's collation): the
# names of the APMN's five members as each page shows them. Symbols come before letters; French
# sorts É with E; Spanish puts Ñ after N; Arabic follows its alphabet (ا ب ... ي). The two names that
# start with alef (أمل, with a hamza, and اللجنة) are one group whose inner order is not asserted: a
# dictionary treats أ as ا (اللجنة first), the Unicode default table sorts أ apart (أمل first).
ORDER = {
    "en": [HOSTILE, "Eau Red Cross", "Elan Red Crescent", "International Committee of the Red Cross",
           "Zebra Red Cross"],
    "fr": [HOSTILE, "Comité international de la Croix-Rouge", "Eau Croix-Rouge", "Élan Croissant-Rouge",
           "Zèbre Croix-Rouge"],
    "es": [HOSTILE, "Comité Internacional de la Cruz Roja", "Eau Red Cross", "Nube Cruz Roja",
           "Ñandú Media Luna Roja"],
    "ar": [HOSTILE, {"اللجنة الدولية للصليب الأحمر", "أمل الهلال الأحمر"}, "باب الصليب الأحمر",
           "يمامة الصليب الأحمر"],
}


# The shown names as ORDER's groups: a name in a group of several is replaced by that group.
def grouped(names: list[str], lang: str) -> list:
    groups = [g for g in ORDER[lang] if isinstance(g, set)]
    out: list = []
    for name in names:
        group = next((g & set(names) for g in groups if name in g), None)
        if group is None:
            out.append(name)
        elif not out or out[-1] != group:
            out.append(group)
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["directory/apmn/", "directory/atn/", "directory/"])
def test_rows_are_sorted_for_the_reader(public: Build, lang: str, path: str) -> None:
    """Rows follow the order of the page's language written above (accents, ñ and Arabic letters in
    place); the ATN page shows two of those names, in the same relative order."""
    shown = [tr.find("th").get_text(strip=True) for tr in rows(public, lang, path)]
    listed = {name_of(o, lang) for o, _ in MEMBERS["atn" if path == "directory/atn/" else "apmn"]}
    expected = [g for g in ORDER[lang] if (g & listed if isinstance(g, set) else g in listed)]
    assert len(expected) >= 2 and len(shown) == len(listed)
    assert grouped(shown, lang) == [g & listed if isinstance(g, set) else g for g in expected]


def test_sort_is_not_code_point_order(public: Build) -> None:
    """French puts Élan before Zèbre and Spanish puts Nube before Ñandú (code points would not)."""
    fr = [tr.find("th").get_text(strip=True) for tr in rows(public, "fr", "directory/apmn/")]
    assert fr.index("Élan Croissant-Rouge") < fr.index("Zèbre Croix-Rouge")
    es = [tr.find("th").get_text(strip=True) for tr in rows(public, "es", "directory/apmn/")]
    assert es.index("Nube Cruz Roja") < es.index("Ñandú Media Luna Roja")
    ar = [tr.find("th").get_text(strip=True) for tr in rows(public, "ar", "directory/apmn/")]
    assert ar.index("أمل الهلال الأحمر") < ar.index("باب الصليب الأحمر") < ar.index("يمامة الصليب الأحمر")


def test_public_edition_leaks_no_network_contact(public: Build) -> None:
    """No file of the public site (pages, search indexes, sitemap, 404, assets) holds the canary."""
    files = [p for p in public.site.rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files) and any(p.name == "404.html" for p in files)
    leaks = [(str(p.relative_to(public.site)), piece) for p in files
             for piece in CANARY_PIECES if piece.encode() in p.read_bytes()]
    assert leaks == []
    assert PUBLIC_EMAIL in (public.lang_dir("fr") / "directory" / "apmn" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_network_edition_shows_network_contacts(network: Build, lang: str) -> None:
    """The network edition lists the network-only contact with mailto/tel links, isolated left to right."""
    row = network.page(lang, "directory/apmn/").select_one("tr[data-org=elan-red-crescent]")
    mail = row.select_one(f'a[href="mailto:{CANARY_EMAIL}"]')
    assert mail is not None and mail.find("bdi")["dir"] == "ltr"
    assert row.select_one('a[href="tel:+442079460991"] bdi[dir=ltr]') is not None
    assert label("dir.network_only", lang) in row.get_text()


def test_every_network_edition_page_carries_the_notice(network: Build) -> None:
    """Every HTML page of the network edition shows the do-not-share notice in its own language."""
    pages = network.html_files()
    assert len(pages) > 20
    for path in pages:
        html = soup(path)
        lang = html.html["lang"]
        notice = html.select_one("body > .kb-edition-notice")
        assert notice is not None, path
        assert label("edition.network.title", lang) in notice.get_text(), path


def test_public_edition_has_no_notice(public: Build) -> None:
    """The public edition carries no network-edition notice."""
    assert not [p for p in public.html_files() if "kb-edition-notice" in p.read_text(encoding="utf-8")]


def test_hostile_name_is_text(public: Build) -> None:
    """A name written as HTML shows as text: no <img> element with onerror anywhere."""
    for lang in LANGUAGES:
        for path in ("directory/apmn/", "directory/", "networks/apmn/"):
            html = public.page(lang, path)
            assert not html.select("img[onerror]"), (lang, path)
        assert HOSTILE in public.page(lang, "directory/apmn/").select_one("tr[data-org=hostile-red-cross]").get_text()
        assert "&lt;img src=x onerror=alert(1)&gt;" in (public.lang_dir(lang) / "directory/apmn/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_highlights_member_countries_with_localised_titles(public: Build, lang: str) -> None:
    """The map highlights exactly the members' countries, each focusable and named in the page's language."""
    html = public.page(lang, "directory/apmn/")
    svg = html.select_one("svg.kb-map__svg")
    territories = Locale.parse(lang).territories
    expected = {ORGS[o]["country"] for o, _ in MEMBERS["apmn"] if ORGS[o]["country"]}
    shapes = svg.select("g.kb-map__on")
    assert {g["data-country"] for g in shapes} == expected
    for g in shapes:
        assert g.find("title").get_text() == territories[g["data-country"]] == g["aria-label"]
        assert g["tabindex"] == "0" and g["role"] == "img"
    assert [e for e in svg.select("[tabindex]") if e not in shapes] == []
    assert html.find(id=svg["aria-describedby"]) is not None
    # Never mirrored: no transform, and left to right by CSS (the Nu checker refuses dir on svg).
    assert "dir" not in svg.attrs and "transform" not in str(svg.attrs)
    css = (ROOT / "docs" / "assets" / "kb.css").read_text(encoding="utf-8")
    assert re.search(r"\.kb-map__svg\s*\{[^}]*direction:\s*ltr", css)


def test_maps_are_light(public: Build) -> None:
    """Each inline map stays under 60 KB of HTML."""
    for lang in LANGUAGES:
        for path in ("directory/apmn/", "directory/atn/", "directory/"):
            svg = str(public.page(lang, path).select_one("svg.kb-map__svg"))
            assert 5_000 < len(svg.encode()) < 60_000, (lang, path, len(svg))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_table_without_javascript(public: Build, lang: str) -> None:
    """Without scripts every row is in the HTML and none is hidden; the filter form is not in the HTML."""
    html = public.page(lang, "directory/")
    all_orgs = {o for members in MEMBERS.values() for o, _ in members}
    trs = html.select("table.kb-directory__table tbody tr")
    assert {tr["data-org"] for tr in trs} == all_orgs
    assert not [tr for tr in trs if tr.has_attr("hidden")]
    assert html.select("form.kb-filter") == []
    eau = html.select_one("tr[data-org=eau-red-cross]")
    assert {li["data-network"] for li in eau.select("[data-network]")} == {"apmn", "atn"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_network_page_shows_roles_and_dated_facts(public: Build, lang: str) -> None:
    """The network page lists the co-chairs and the dated, sourced figure from the data."""
    facts = public.page(lang, "networks/apmn/").select_one(".kb-network-facts")
    text = facts.get_text(" ", strip=True)
    assert label("roles.co-chair", lang) in text
    for org in ("elan-red-crescent", "zebra-red-cross"):
        assert name_of(org, lang) in text
    row = facts.select_one("table.kb-network-facts__figures tbody tr")
    assert row.find("th").get_text(strip=True) == label("fact.engaged-national-societies", lang)
    assert row.find_all("td")[0].get_text() == "35"
    assert "2018" in row.find_all("td")[1].get_text()
    assert row.select_one("a[href^='https://']") is not None
    assert label("dir.members_listed", lang).format(count=len(MEMBERS["apmn"])) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_marker_is_left_in_any_page(public: Build, lang: str) -> None:
    """Every kb: marker of the pages was replaced."""
    leftovers = [p for p in public.lang_dir(lang).rglob("index.html") if "kb:" in p.read_text(encoding="utf-8")]
    assert leftovers == []


def test_one_new_file_and_one_line_reach_all_four_directories(tmp_path: Path, public: Build) -> None:
    """Adding an organisation file and a membership line is all it takes for every language's directory."""
    project = make_project(tmp_path / "project", extra=True)
    build = build_site(project / "site", project=project, env={"KB_EDITION": "public"})
    assert build.returncode == 0, build.log
    new = EXTRA[0]
    for lang in LANGUAGES:
        for path in ("directory/apmn/", "directory/"):
            assert not public.page(lang, path).select(f"tr[data-org={new}]")
            row = build.page(lang, path).select_one(f"tr[data-org={new}]")
            assert row is not None and row.find("th").get_text(strip=True) == name_of(new, lang)
        assert build.page(lang, "directory/apmn/").select_one("g.kb-map__on[data-country=NO]") is not None


def test_unknown_marker_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    """A misspelt marker stops the build with the page's path in the message."""
    project = make_project(tmp_path / "project")
    page = project / "docs" / "fr" / "directory" / "atn.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- kb:directroy atn -->\n", encoding="utf-8")
    build = build_site(project / "site", project=project, env={"KB_EDITION": "public", "KB_ONLY_LANG": "fr"})
    assert build.returncode != 0
    assert "docs/fr/directory/atn.md" in build.log and "kb:directroy" in build.log


def test_unknown_network_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    """A marker naming a network that has no data file stops the build, naming the page."""
    project = make_project(tmp_path / "project")
    page = project / "docs" / "es" / "networks" / "atn.md"
    page.write_text(page.read_text(encoding="utf-8").replace("kb:network-facts atn", "kb:network-facts xyz"),
                    encoding="utf-8")
    build = build_site(project / "site", project=project, env={"KB_EDITION": "public", "KB_ONLY_LANG": "es"})
    assert build.returncode != 0
    assert "docs/es/networks/atn.md" in build.log and "unknown network 'xyz'" in build.log


def test_unknown_edition_fails_the_build(tmp_path: Path) -> None:
    """KB_EDITION must be public or network; a typo is a build error, not a silent public build."""
    project = make_project(tmp_path / "project")
    build = build_site(project / "site", project=project, env={"KB_EDITION": "netwrok"})
    assert build.returncode != 0 and "unknown edition 'netwrok'" in build.log


def test_arabic_table_keeps_logical_column_order(public: Build) -> None:
    """Arabic pages inherit right to left; the columns stay in logical order (name first)."""
    html = public.page("ar", "directory/apmn/")
    assert html.body["dir"] == "rtl"
    heads = [th.get_text(strip=True) for th in html.select("table.kb-directory__table thead th")]
    assert heads[:2] == [label("dir.col.organisation", "ar"), label("dir.col.country", "ar")]
    assert html.select_one("table.kb-directory__table").get("dir") is None
