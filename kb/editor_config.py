"""The form editor's configuration (Decap CMS), generated from the data models' JSON Schema.

Usage: ``python -m kb.editor_config [--check] [--root DIR]`` (``make editor-config``).

Writes editor/config.yml: one collection for organisations (data/organisations/), one for the
networks' memberships and roles (data/networks/), one for the library (data/resources/), and one
collection of update posts per network and language (docs/<lang>/updates/posts/). Every data field,
its required flag, its choices (enumerations) and its pattern come from kb.schema (the same
pydantic models the build validates with); only the wording of the messages shown next to a pattern
lives here. With --check, writes nothing and exits 1 when the committed file differs from what the
models produce.

Decap's `multiple_folders` i18n keeps the language folder below the collection folder
(`<folder>/<lang>/<slug>`); this site keeps it at the root (`docs/<lang>/updates/posts/`), which
Decap cannot list, so each language gets its own collection, writing to the same file name.
"""
from __future__ import annotations

import argparse
import sys
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from . import schema as kb_schema
from .fields import ID_RE
from .models import LANGUAGES
from .updates import REQUIRED

CONFIG = Path("editor") / "config.yml"
# Interface languages: Decap ships English, French and Spanish; it has no Arabic interface.
UI_LANGUAGES = ("en", "fr", "es")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic"}
# The folders the editor writes to, and the custom formats (editor/public/formats.js) that write
# files the way a person does: schema comment first, keys in model order, other comments kept.
FOLDERS = {"organisation": "data/organisations", "network": "data/networks", "resource": "data/resources"}
# Shown next to a field whose pattern does not match (the data check's wording, shortened).
PATTERN_MESSAGES = {
    "id": "Use lower-case letters, digits and single hyphens, like australian-red-cross",
    "country": "Not an ISO 3166-1 alpha-2 country code: use the country's two capital letters "
               "(AU for Australia, GB for the United Kingdom)",
    "email": "Write only the address, like migration@example.org (no name, no mailto:)",
    "phone": "Write + then the country code and digits only, like +442079460000",
    "https": "Use the secure address starting with https:// (not http://), copied from the "
             "browser's address bar",
    "source": "An https:// link, or the file name of a source text like 000_d097e74188e04625.txt",
    "period": "Write the date as YYYY or YYYY-MM (or YYYY-MM-DD where a day is allowed), "
              "like 2012-12",
    "day": "Write YYYY-MM-DD, like 2026-01-15",
    "date_or_unknown": "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source; "
                       "unknown (with a note) when the source gives none",
    "language": "Write the two lower-case letters of ISO 639-1, like en, fr, es or ar",
}
# An e-mail address as the form can check it (the data check also validates it fully).
EMAIL_PATTERN = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PERIOD_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


class Generator:
    """Turns one JSON Schema (with its $defs) into Decap fields."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.defs = schema.get("$defs", {})

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """A node with its $ref followed (the node's own keys win, as in JSON Schema)."""
        if "$ref" in node:
            target = self.defs[node["$ref"].rsplit("/", 1)[1]]
            return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def fields(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        """Decap fields for the properties of an object node, in model order."""
        node = self.resolve(node)
        required = set(node.get("required", []))
        return [self.field(name, prop, name in required)
                for name, prop in node.get("properties", {}).items()]

    def field(self, name: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        """One Decap field from one schema property."""
        prop = self.resolve(prop)
        options = [self.resolve(o) for o in prop.get("anyOf", [])]
        non_null = [o for o in options if o.get("type") != "null"]
        if len(non_null) == 1:
            prop = {**non_null[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
        out: dict[str, Any] = {"name": name, "label": label(name), "required": required}
        if prop.get("description") and prop["description"] != out["label"]:
            out["hint"] = prop["description"]
        kind = prop.get("type")
        if kind == "object":
            fields = self.fields(prop)
            if not required:  # Decap checks the fields of an optional, empty object: it cannot
                for sub in fields:  # say "English if any", so the data check says it
                    sub["required"] = False
            out.update(widget="object", collapsed=False, fields=fields)
        elif kind == "array":
            self.array(out, prop)
        elif "enum" in prop and len(prop["enum"]) <= 20:
            out.update(widget="select", options=list(prop["enum"]))
        elif kind == "integer":
            out.update(widget="number", value_type="int")
            if "minimum" in prop:
                out["min"] = prop["minimum"]
        else:
            out["widget"] = "string"
            pattern = self.pattern(name, prop, non_null)
            if pattern:
                out["pattern"] = pattern
        return out

    def array(self, out: dict[str, Any], prop: dict[str, Any]) -> None:
        """A list: of objects (a sub-form per item), of choices, or of single values."""
        items = self.resolve(prop["items"])
        if "minItems" in prop:
            out["min"] = prop["minItems"]
        if items.get("type") == "object":
            out.update(widget="list", collapsed=False, fields=self.fields(items))
        elif "enum" in items:
            out.update(widget="select", multiple=True, options=list(items["enum"]))
        else:
            inner = self.field(out["name"], items, True)
            inner.pop("hint", None)
            out.update(widget="list", field=inner)

    def pattern(self, name: str, prop: dict[str, Any],
                options: list[dict[str, Any]]) -> list[str] | None:
        """[regex, message] for a string field, taken from the schema."""
        if "enum" in prop:  # a long enumeration (countries): one regex of the allowed codes
            return ["^(" + "|".join(prop["enum"]) + ")$", PATTERN_MESSAGES["country"]]
        if prop.get("format") == "email":
            return [EMAIL_PATTERN, PATTERN_MESSAGES["email"]]
        if prop.get("format") == "date":
            return [DAY_PATTERN, PATTERN_MESSAGES["day"]]
        if len(options) > 1:  # a year as a number, or a period as text: the text's pattern
            texts = [o["pattern"] for o in options if o.get("type") == "string" and "pattern" in o]
            if texts and "unknown" in texts[0]:
                return [texts[0], PATTERN_MESSAGES["date_or_unknown"]]
            return [texts[0] if texts else PERIOD_PATTERN, PATTERN_MESSAGES["period"]]
        regex = prop.get("pattern")
        if regex is None:
            return None
        if regex == ID_RE.pattern:
            return [regex, PATTERN_MESSAGES["id"]]
        if regex == "^[a-z]{2,3}$":
            return [regex, PATTERN_MESSAGES["language"]]
        if regex.startswith("^\\+"):
            return [regex, PATTERN_MESSAGES["phone"]]
        if regex.startswith("^(https://"):
            return [regex, PATTERN_MESSAGES["source"]]
        if regex.startswith("^https://"):
            return [regex, PATTERN_MESSAGES["https"]]
        return [regex, f"Must match {regex}"]


def label(name: str) -> str:
    """A field label from its key: last_verified -> Last verified; en -> English."""
    if name in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[name]
    return name.replace("_", " ").capitalize()


def data_collections() -> list[dict[str, Any]]:
    """Organisations (create new ones), networks (edit memberships, roles and events), and the
    library's resources (create new ones)."""
    org = Generator(kb_schema.SCHEMAS["organisation"].model_json_schema())
    res = Generator(kb_schema.SCHEMAS["resource"].model_json_schema())
    res_fields = res.fields(res.schema)
    net = Generator(kb_schema.SCHEMAS["network"].model_json_schema())
    org_fields = org.fields(org.schema)
    net_fields = net.fields(net.schema)
    for field in net_fields:
        if field["name"] == "members":  # pick an organisation by name, not by typing its id
            for sub in field["fields"]:
                if sub["name"] == "organisation":
                    sub.update(widget="relation", collection="organisations", value_field="id",
                               search_fields=["id", "name.en"], display_fields=["name.en"])
                    sub.pop("pattern", None)
    return [
        {"name": "organisations", "label": "Organisations", "label_singular": "Organisation",
         "folder": FOLDERS["organisation"], "extension": "yml", "format": "kb-organisation",
         "create": True, "delete": False, "identifier_field": "id", "slug": "{{id}}",
         "summary": "{{name.en}} ({{id}})", "fields": org_fields},
        {"name": "networks", "label": "Networks: members and roles", "label_singular": "Network",
         "folder": FOLDERS["network"], "extension": "yml", "format": "kb-network",
         "create": False, "delete": False, "identifier_field": "id", "slug": "{{id}}",
         "summary": "{{acronym}}: {{name.en}}", "fields": net_fields},
        {"name": "resources", "label": "Library: documents", "label_singular": "Document",
         "folder": FOLDERS["resource"], "extension": "yml", "format": "kb-resource",
         "create": True, "delete": False, "identifier_field": "id", "slug": "{{id}}",
         "summary": "{{title}} ({{date}})", "fields": res_fields},
    ]


def networks(root: Path) -> list[str]:
    """The networks' ids: the file names in data/networks/."""
    return sorted(p.stem for p in (root / FOLDERS["network"]).glob("*.yml"))


def post_collections(root: Path) -> list[dict[str, Any]]:
    """Update posts: one collection per network and language (same file name in every language)."""
    collections = []
    for network in networks(root):
        for lang in LANGUAGES:
            fields: list[dict[str, Any]] = [
                {"name": "title", "label": "Title", "widget": "string", "required": True},
                {"name": "date", "label": "Date", "widget": "string", "required": True,
                 "hint": "The day of the event (YYYY-MM-DD); YYYY-MM or YYYY when only the "
                         "month or the year is known. Never guess a day.",
                 "pattern": [PERIOD_PATTERN, PATTERN_MESSAGES["period"]]},
                {"name": "network", "label": "Network", "widget": "hidden", "default": network},
                {"name": "summary", "label": "Summary", "widget": "text", "required": True,
                 "hint": "One or two sentences that make sense on their own (feeds show only "
                         "these)."},
                {"name": "file_name", "label": "Short name in the file name", "widget": "string",
                 "required": False,
                 "hint": "For a new update only: lower-case words joined by hyphens, the same "
                         "in every language (the file is <date>-<short name>.md).",
                 "pattern": [ID_RE.pattern, PATTERN_MESSAGES["id"]]},
                {"name": "body", "label": "Text", "widget": "markdown",
                 "modes": ["raw"], "required": True,
                 "hint": "Markdown, as in CONTRIBUTING (no rich-text mode: it would escape "
                         "Markdown). What happened, with the date and the place; end with the "
                         "source."},
            ]
            if lang != "en":
                # The English original, read only, beside the translation (editor/public/editor.js):
                # the kb-original widget finds it by file name; the preview pane shows both.
                fields.insert(0, {
                    "name": "original", "label": "English original", "widget": "kb-original",
                    "required": False, "collection": f"updates-{network}-en",
                    "language": LANGUAGE_NAMES[lang],
                    "hint": "Read only, never saved: the English update with the same file name, "
                            "shown next to this translation in the right-hand pane."})
                fields.append(
                    {"name": "translation", "label": "Translation record", "widget": "object",
                     "required": False, "collapsed": True,
                     "hint": "Written by make translations MARK=...; leave as it is.",
                     "fields": [
                         {"name": "source_hash", "label": "Source hash", "widget": "string",
                          "required": False},
                         {"name": "reviewed", "label": "Reviewed by a native speaker",
                          "widget": "boolean", "required": False, "default": False}]})
            collections.append({
                "name": f"updates-{network}-{lang}",
                "label": f"Updates {network.upper()} ({LANGUAGE_NAMES[lang]})",
                "label_singular": f"Update {network.upper()} ({LANGUAGE_NAMES[lang]})",
                "folder": f"docs/{lang}/updates/posts", "extension": "md", "format": "kb-post",
                "filter": {"field": "network", "value": network},
                "create": True, "delete": False, "identifier_field": "title",
                "slug": "{{fields.date}}-{{fields.file_name}}",
                "summary": "{{date}}: {{title}}", "sortable_fields": ["date", "title"],
                **({"editor": {"preview": True}} if lang != "en" else {}),
                "fields": fields})
    assert set(REQUIRED) <= {f["name"] for f in fields}
    return collections


def build(root: Path) -> dict[str, Any]:
    """The whole configuration, as plain data."""
    return {
        "backend": {"name": "github", "repo": "OWNER/REPOSITORY", "branch": "main",
                    "squash_merges": True, "cms_label_prefix": "editor/"},
        "local_backend": {"url": "http://127.0.0.1:8081/api/v1"},
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/assets/editor-uploads",
        "locale": "en",
        "site_url": "http://127.0.0.1:8000/",
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": data_collections() + post_collections(root),
    }


HEADER = ("# Generated by `make editor-config` (python -m kb.editor_config) from kb/models.py.\n"
          "# Do not edit by hand: change the models, then run make editor-config.\n")


def render(root: Path) -> str:
    """The configuration file's text."""
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 4096
    out = StringIO()
    yaml.dump(build(root), out)
    return HEADER + out.getvalue()


def stale(root: Path) -> bool:
    """True when editor/config.yml is missing or differs from the models."""
    path = root / CONFIG
    return not path.is_file() or path.read_text(encoding="utf-8") != render(root)


def main(argv: list[str] | None = None) -> int:
    """Write editor/config.yml, or with --check exit 1 when it is out of date."""
    parser = argparse.ArgumentParser(prog="python -m kb.editor_config", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check, exit 1 if stale")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    args = parser.parse_args(argv)
    if args.check:
        if stale(args.root):
            print(f"{CONFIG} is out of date: run make editor-config")
            return 1
        print(f"{CONFIG} is up to date")
        return 0
    path = args.root / CONFIG
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(args.root), encoding="utf-8")
    print(f"wrote {CONFIG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
