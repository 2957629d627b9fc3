"""editor/config.yml is what `make editor-config` writes from the models, and says what they say."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML

from kb import editor_config
from kb.fields import COUNTRIES, check_country, check_https
from kb.models import Kind, Role, Visibility

from sitebuild import ROOT as REPO


def load(root: Path = REPO) -> dict:
    return YAML(typ="safe").load((root / "editor/config.yml").read_text(encoding="utf-8"))


def fields_of(collection: dict) -> dict:
    out = {}

    def walk(fields, prefix=""):
        for f in fields:
            out[prefix + f["name"]] = f
            walk(f.get("fields", []), f"{prefix}{f['name']}.")
            if "field" in f:
                out[prefix + f["name"] + "[]"] = f["field"]
    walk(collection["fields"])
    return out


def test_committed_config_is_what_make_editor_config_writes() -> None:
    assert editor_config.stale(REPO) is False, "run: make editor-config"
    assert editor_config.main(["--check", "--root", str(REPO)]) == 0


def test_check_detects_a_stale_config(tmp_path: Path) -> None:
    shutil.copytree(REPO / "data/networks", tmp_path / "data/networks")
    assert editor_config.main(["--check", "--root", str(tmp_path)]) == 1  # missing
    assert editor_config.main(["--root", str(tmp_path)]) == 0
    assert (tmp_path / "editor/config.yml").read_text() == (REPO / "editor/config.yml").read_text()
    path = tmp_path / "editor/config.yml"
    path.write_text(path.read_text().replace("- network\n", "- netwrk\n", 1))
    assert editor_config.main(["--check", "--root", str(tmp_path)]) == 1


def test_organisation_fields_follow_the_models() -> None:
    config = load()
    orgs = fields_of(next(c for c in config["collections"] if c["name"] == "organisations"))
    assert orgs["kind"]["options"] == [k.value for k in Kind]
    assert orgs["contacts.visibility"]["options"] == [v.value for v in Visibility]
    assert orgs["contacts.visibility"]["required"] is True
    assert orgs["name.en"]["required"] is True and orgs["name.fr"]["required"] is False
    assert orgs["sources"]["min"] == 1
    country = re.compile(orgs["country"]["pattern"][0])
    assert all(country.match(code) for code in COUNTRIES)
    for wrong in ("UK", "au", "ZZ", "XK"):  # the form refuses what the data check refuses
        assert not country.match(wrong)
        with pytest.raises(PydanticCustomError):
            check_country(wrong)
    website = re.compile(orgs["website"]["pattern"][0])
    assert website.match("https://www.redcross.org.au/")
    assert not website.match("http://www.redcross.org.au/")
    with pytest.raises(PydanticCustomError):
        check_https("http://www.redcross.org.au/")
    email = re.compile(orgs["contacts.email"]["pattern"][0])
    assert email.match("apmn-secretariat@example.org") and not email.match("mailto:a@example.org")


def test_networks_and_posts() -> None:
    config = load()
    nets = fields_of(next(c for c in config["collections"] if c["name"] == "networks"))
    assert nets["members.roles"]["options"] == [r.value for r in Role]
    assert nets["members.roles"]["multiple"] is True
    assert nets["members.organisation"]["widget"] == "relation"
    posts = [c for c in config["collections"] if c["name"].startswith("updates-")]
    assert sorted(c["folder"] for c in posts) == sorted(
        f"docs/{lang}/updates/posts" for lang in ("en", "fr", "es", "ar") for _ in ("apmn", "atn"))
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"


def test_editor_is_not_in_the_site_sources() -> None:
    assert not list((REPO / "docs").rglob("*decap*"))
    assert shutil.which("node"), "make editor needs node"
