"""Checks across files: ids and file names, memberships, roles."""
from __future__ import annotations

from conftest import NET_HEAD, Repo, org

N = "data/networks/net.yml"


def network(members: str) -> str:
    """A network file: members: is line 8, the first member's organisation line 9."""
    return NET_HEAD + """\
id: net
acronym: NET
name:
  en: Test Network
founded: 2004
region: europe
members:
""" + members + """\
sources:
  - https://www.example.org/
"""


def test_id_differs_from_file_name(repo: Repo) -> None:
    repo.org("test-red-cross", org(id_="other-red-cross"))
    assert repo.problems() == [
        "data/organisations/test-red-cross.yml:2: id: is 'other-red-cross' but the file is named "
        "test-red-cross.yml; make them the same (rename the file or change the id)"]


def test_same_id_twice(repo: Repo) -> None:
    repo.org("a-red-cross", org(id_="a-red-cross"))
    repo.org("b-red-cross", org(id_="a-red-cross"))
    assert repo.problems() == [
        "data/organisations/b-red-cross.yml:2: id: 'a-red-cross' is already used by "
        "data/organisations/a-red-cross.yml; every file needs its own id",
        "data/organisations/b-red-cross.yml:2: id: is 'a-red-cross' but the file is named "
        "b-red-cross.yml; make them the same (rename the file or change the id)"]


def test_member_names_missing_organisation(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network("  - organisation: tset-red-cross\n    roles: [member]\n"))
    assert repo.problems() == [
        f"{N}:9: members[0].organisation: there is no organisation 'tset-red-cross'; add "
        "data/organisations/tset-red-cross.yml or correct the id"]


def test_same_organisation_twice(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network("  - organisation: test-red-cross\n    roles: [member]\n"
                            "  - organisation: test-red-cross\n    roles: [chair]\n"))
    assert repo.problems() == [
        f"{N}:11: members[1].organisation: 'test-red-cross' is already listed (line 9); list each "
        "organisation once with all its roles"]


def test_two_secretariat_hosts(repo: Repo) -> None:
    repo.org("a-red-cross", org(id_="a-red-cross"))
    repo.org("b-red-cross", org(id_="b-red-cross"))
    repo.net("net", network("  - organisation: a-red-cross\n    roles: [secretariat-host]\n"
                            "  - organisation: b-red-cross\n    roles: [member, secretariat-host]\n"))
    assert repo.problems() == [
        f"{N}:12: members[1].roles: only one organisation can be secretariat-host; a-red-cross "
        "already is"]


def test_role_outside_the_list(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network("  - organisation: test-red-cross\n    roles:\n      - member\n"
                            "      - president\n"))
    assert repo.problems() == [
        f"{N}:12: members[0].roles[1]: 'president' is not allowed here; use 'member', 'partner', "
        "'chair', 'co-chair', 'vice-chair' or 'secretariat-host'"]


def test_role_twice(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network("  - organisation: test-red-cross\n    roles: [member, member]\n"))
    assert repo.problems() == [
        f"{N}:10: members[0].roles: the role member is listed twice; keep it once"]


def test_founded_forms(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    repo.net("net", network("  - organisation: test-red-cross\n    roles: [member]\n")
             .replace("founded: 2004", "founded: 2012-13"))
    assert repo.problems() == [
        f"{N}:6: founded: '2012-13' is not a year or year-month; write YYYY or YYYY-MM "
        "(like 2012-12)"]


def test_fact_needs_date_or_note(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    text = network("  - organisation: test-red-cross\n    roles: [member]\n").replace(
        "members:\n", "facts:\n  - key: working-groups\n    value: 4\n"
        "    source: https://www.example.org/\nmembers:\n")
    repo.net("net", text)
    assert repo.problems() == [
        f"{N}:9: facts[0].as_of: add as_of: (YYYY, YYYY-MM or YYYY-MM-DD); if the source gives "
        "no date, add a note: saying so instead"]


def test_same_fact_twice(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    fact = "  - key: working-groups\n    value: 4\n    as_of: 2019\n    source: a.b\n"
    fact = fact.replace("a.b", "https://www.example.org/")
    text = network("  - organisation: test-red-cross\n    roles: [member]\n").replace(
        "members:\n", "facts:\n" + fact + fact + "members:\n")
    repo.net("net", text)
    assert repo.problems() == [
        f"{N}:13: facts[1]: working-groups as of 2019 is already given on line 9; keep one"]


def test_fact_value_is_a_whole_number(repo: Repo) -> None:
    repo.org("test-red-cross", org())
    text = network("  - organisation: test-red-cross\n    roles: [member]\n").replace(
        "members:\n", "facts:\n  - key: working-groups\n    value: \"4\"\n    as_of: 2019\n"
        "    source: https://www.example.org/\nmembers:\n")
    repo.net("net", text)
    assert repo.problems() == [
        f"{N}:10: facts[0].value: must be a whole number, written without quotes (like 35)"]


def test_all_problems_across_all_files_at_once(repo: Repo) -> None:
    repo.org("a-red-cross", org(id_="a-red-cross", country="ZZ"))
    repo.org("b-red-cross", org(id_="b-red-cross").replace("https://", "http://"))
    repo.net("net", network("  - organisation: c-red-cross\n    roles: [member]\n"))
    assert [p.split(": ")[0] for p in repo.problems()] == [
        "data/networks/net.yml:9", "data/organisations/a-red-cross.yml:4",
        "data/organisations/b-red-cross.yml:8"]
