"""The contribution guide: the same copy-ready templates everywhere, and they pass the checks."""
from __future__ import annotations

import shutil

import pytest
import yaml

from kb import check_data
from kb.catalogue import load_catalogue

from sitebuild import LANGUAGES, ROOT
from updates_support import code_blocks

GUIDES = [ROOT / "CONTRIBUTING.md", *(ROOT / "docs" / lang / "contributing.md" for lang in LANGUAGES)]


@pytest.mark.parametrize("guide", GUIDES[1:], ids=LANGUAGES)
def test_every_guide_has_the_same_templates(guide):
    """Each language's guide carries exactly the templates of CONTRIBUTING.md."""
    for tag in ("yaml", "markdown"):
        assert code_blocks(guide, tag) == code_blocks(GUIDES[0], tag), (guide, tag)


def test_guide_covers_every_task():
    """CONTRIBUTING.md explains members, roles, contacts with visibility, updates, translations."""
    text = GUIDES[0].read_text(encoding="utf-8")
    for heading in ("## Add a member", "## Change a role", "## Add a contact", "## Publish an update",
                    "## Add a document to the library", "## Add an event to a network's calendar",
                    "## Add a translation", "## Translations"):
        assert heading in text
    assert "`public`" in text and "`network`" in text


def test_data_templates_pass_the_data_check(tmp_path, capsys):
    """The organisation, member, role and contact templates, filled in as shown, pass make check-data."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    organisation, member, role, contact, resource, event, _translation = code_blocks(GUIDES[0], "yaml")
    for block in (organisation, member, role, contact, resource, event):
        yaml.safe_load(block)
    (tmp_path / "data/resources/example-guidance-2024.yml").write_text(resource, encoding="utf-8")
    (tmp_path / "data/organisations/example-red-cross.yml").write_text(organisation + contact, encoding="utf-8")
    network = tmp_path / "data/networks/atn.yml"
    text = network.read_text(encoding="utf-8")
    text = text.replace("members:\n", "members:\n" + role.replace("]\n", "]\n    since: 2024\n"), 1)
    network.write_text(text.replace("\nevents:\n", "\nevents:\n" + event, 1), encoding="utf-8")
    assert check_data.main(["--root", str(tmp_path), "--today", "2026-06-01"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "data/ is valid: 8 organisations" in out and "resources" in out
    loaded = load_catalogue(tmp_path)
    assert "example-guidance-2024" in loaded.resources
    assert "example-meeting-2027" in [e.id for e in loaded.networks["atn"].events]
