"""The data in the repository: valid, as the source text says, with a fresh JSON Schema."""
from __future__ import annotations

import re
from pathlib import Path

from kb import schema
from kb.catalogue import load_catalogue
from kb.models import Role

from conftest import REPO, TODAY

DATA = REPO / "data"


def test_shipped_data_is_valid() -> None:
    cat = load_catalogue(REPO, TODAY)
    assert sorted(cat.networks) == ["apmn", "atn"]
    assert sorted(cat.organisations) == [
        "australian-red-cross", "british-red-cross", "icrc", "ifrc", "italian-red-cross",
        "netherlands-red-cross", "philippine-red-cross"]


def test_apmn_as_in_the_source_text() -> None:
    apmn = load_catalogue(REPO, TODAY).networks["apmn"]
    assert apmn.founded == "2012-12"
    assert apmn.with_role(Role.CO_CHAIR) == ["australian-red-cross", "philippine-red-cross"]
    assert apmn.with_role(Role.SECRETARIAT_HOST) == ["australian-red-cross"]
    assert apmn.with_role(Role.PARTNER) == ["icrc", "ifrc"]
    facts = {(f.key.value, f.as_of): f.value for f in apmn.facts}
    assert facts == {("founding-members", "2012-12"): 17,
                     ("engaged-national-societies", "2018-10"): 35,
                     ("working-groups", None): 4,
                     ("national-societies-in-working-groups", None): 24}


def test_atn_as_in_the_source_text() -> None:
    atn = load_catalogue(REPO, TODAY).networks["atn"]
    assert (atn.founded, atn.region.value) == ("2004", "europe")
    assert atn.with_role(Role.VICE_CHAIR) == [
        "netherlands-red-cross", "italian-red-cross", "british-red-cross"]
    assert atn.with_role(Role.PARTNER) == ["ifrc"]


def test_philippine_correction_is_recorded() -> None:
    text = (DATA / "organisations/philippine-red-cross.yml").read_text(encoding="utf-8")
    assert "Croissant-Rouge philippin" in text and "https://redcross.org.ph/" in text


def test_no_contacts_and_no_personal_addresses_shipped() -> None:
    cat = load_catalogue(REPO, TODAY)
    assert all(not o.contacts for o in cat.organisations.values())
    for path in DATA.rglob("*.yml"):
        for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", path.read_text("utf-8")):
            assert address.endswith("@example.org"), (path, address)


def test_schema_is_fresh() -> None:
    assert schema.stale(REPO) == [], "run: make schema"


def test_schema_check_detects_a_stale_file(tmp_path: Path) -> None:
    assert schema.main(["--root", str(tmp_path)]) == 0
    assert schema.main(["--check", "--root", str(tmp_path)]) == 0
    path = tmp_path / "data/schema/network.schema.json"
    path.write_text(path.read_text().replace('"acronym"', '"acronyme"'))
    assert schema.main(["--check", "--root", str(tmp_path)]) == 1
