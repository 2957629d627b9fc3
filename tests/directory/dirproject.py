"""A copy of the site with fixture data (sort-sensitive names, a hostile name, a network-only canary)."""
from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import ROOT

ORG_HEAD = "# yaml-language-server: $schema=../schema/organisation.schema.json\n"
NET_HEAD = "# yaml-language-server: $schema=../schema/network.schema.json\n"
CANARY_EMAIL = "canary-5b1e7d@example.org"
CANARY_PHONE = "+442079460991"
CANARY_PIECES = (CANARY_EMAIL, "canary-5b1e7d", CANARY_PHONE, "2079460991", "7946 0991")
PUBLIC_EMAIL = "desk-public@example.org"
HOSTILE = "<img src=x onerror=alert(1)>"

# id -> (kind, country, names by language, website)
ORGS: dict[str, dict] = {
    "elan-red-crescent": {"kind": "national-society", "country": "EG", "website": "https://www.example.org/elan",
                          "name": {"en": "Elan Red Crescent", "fr": "Élan Croissant-Rouge",
                                   "es": "Ñandú Media Luna Roja", "ar": "أمل الهلال الأحمر"}},
    "zebra-red-cross": {"kind": "national-society", "country": "ZA", "website": None,
                        "name": {"en": "Zebra Red Cross", "fr": "Zèbre Croix-Rouge",
                                 "es": "Nube Cruz Roja", "ar": "يمامة الصليب الأحمر"}},
    "eau-red-cross": {"kind": "national-society", "country": "NZ", "website": "https://www.example.org/eau",
                      "name": {"en": "Eau Red Cross", "fr": "Eau Croix-Rouge", "ar": "باب الصليب الأحمر"}},
    "hostile-red-cross": {"kind": "national-society", "country": "JP", "website": None,
                          "name": {"en": HOSTILE}},
    "icrc": {"kind": "icrc", "country": None, "website": "https://www.example.org/icrc",
             "name": {"en": "International Committee of the Red Cross", "fr": "Comité international de la Croix-Rouge",
                      "es": "Comité Internacional de la Cruz Roja", "ar": "اللجنة الدولية للصليب الأحمر"}},
}
CONTACTS = {
    "elan-red-crescent": f"""contacts:
  - role: Network secretariat
    email: {CANARY_EMAIL}
    phone: "{CANARY_PHONE}"
    visibility: network
    last_verified: 2026-01-15
  - role: Public desk
    email: {PUBLIC_EMAIL}
    visibility: public
    last_verified: 2026-01-15
""",
}
# network -> [(organisation, roles)]
MEMBERS = {
    "apmn": [("elan-red-crescent", ["member", "co-chair", "secretariat-host"]),
             ("zebra-red-cross", ["member", "co-chair"]), ("hostile-red-cross", ["member"]),
             ("eau-red-cross", ["member"]), ("icrc", ["partner"])],
    "atn": [("eau-red-cross", ["member", "vice-chair"]), ("zebra-red-cross", ["member"])],
}
EXTRA = ("extra-red-cross", {"kind": "national-society", "country": "NO", "website": None,
                             "name": {"en": "Extra Red Cross", "fr": "Croix-Rouge supplémentaire",
                                      "es": "Cruz Roja Adicional", "ar": "الصليب الأحمر الإضافي"}})


# The YAML of one organisation file.
def org_yaml(id_: str, spec: dict) -> str:
    lines = [ORG_HEAD, f"id: {id_}\n", f"kind: {spec['kind']}\n"]
    if spec["country"]:
        lines.append(f"country: {spec['country']}\n")
    lines.append("name:\n")
    lines += [f"  {lang}: '{text}'\n" for lang, text in spec["name"].items()]
    if spec["website"]:
        lines.append(f"website: {spec['website']}\n")
    lines.append(CONTACTS.get(id_, ""))
    lines.append("sources:\n  - https://www.example.org/\n")
    return "".join(lines)


# The YAML of one network file.
def net_yaml(id_: str, members: list[tuple[str, list[str]]]) -> str:
    facts = ("facts:\n  - key: engaged-national-societies\n    value: 35\n    as_of: 2018-10\n"
             "    source: 000_d097e74188e04625.txt\n") if id_ == "apmn" else ""
    body = "".join(f"  - organisation: {o}\n    roles: [{', '.join(r)}]\n" for o, r in members)
    return (NET_HEAD + f"id: {id_}\nacronym: {id_.upper()}\nname:\n  en: Test network {id_}\n"
            f"  fr: Réseau test {id_}\nfounded: 2012-12\nregion: europe\n{facts}members:\n{body}"
            "sources:\n  - 000_d097e74188e04625.txt\n")


# A copy of the project (config, hooks, templates, pages, labels) with the fixture data in `root`.
def make_project(root: Path, extra: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "data" / "organisations").mkdir(parents=True)
    (root / "data" / "networks").mkdir()
    shutil.copy(ROOT / "data" / "labels.yml", root / "data" / "labels.yml")
    orgs = dict(ORGS)
    members = {k: list(v) for k, v in MEMBERS.items()}
    if extra:
        orgs[EXTRA[0]] = EXTRA[1]
        members["apmn"].append((EXTRA[0], ["member"]))
    for id_, spec in orgs.items():
        (root / "data" / "organisations" / f"{id_}.yml").write_text(org_yaml(id_, spec), encoding="utf-8")
    for id_, rows in members.items():
        (root / "data" / "networks" / f"{id_}.yml").write_text(net_yaml(id_, rows), encoding="utf-8")
    return root
