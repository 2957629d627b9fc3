"""A fixture copy of the site with planted posts, built once for the updates tests."""
from __future__ import annotations

import pytest

from sitebuild import ROOT, Build, build_site
from updates_support import CANARY_BODY, CANARY_CONTACT, ENGLISH_ONLY, FIXTURE, code_blocks, copy_project, write_post


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site plus a post in en and fr, an English-only post, the guide's post template and a canary contact."""
    project = copy_project(tmp_path_factory.mktemp("updates-project"))
    write_post(project, "en", FIXTURE,
               "title: Fixture post\ndate: 2024-03-12\nnetwork: apmn\nsummary: Fixture summary in English.",
               f"Body text {CANARY_BODY}.")
    write_post(project, "fr", FIXTURE,
               "title: Article de test\ndate: 2024-03-12\nnetwork: apmn\nsummary: Résumé de test en français.\n"
               "translation:\n  reviewed: false",
               f"Corps du texte {CANARY_BODY}.")
    write_post(project, "en", ENGLISH_ONLY,
               "title: Only in English\ndate: 2023-11-05\nnetwork: atn\nsummary: An update with no translation.",
               "Nothing else.")
    template = code_blocks(ROOT / "CONTRIBUTING.md", "markdown")[0]
    (project / "docs/en/updates/posts/2026-03-12-annual-meeting.md").write_text(template, encoding="utf-8")
    org = project / "data/organisations/australian-red-cross.yml"
    org.write_text(org.read_text(encoding="utf-8") + (
        "contacts:\n  - role: Canary desk\n    email: " + CANARY_CONTACT + "\n"
        "    visibility: network\n    last_verified: 2026-01-15\n"), encoding="utf-8")
    build = build_site(project / "site", project=project)
    assert build.returncode == 0, build.log
    return build
