"""What each way of reading the site leaves on a device, worked out from what this build produces:
the site's name and address, the offline zip's file and folder names (from the manifest that
`make offline` wrote, else the name it writes), and what printing keeps."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kb.context import PageView
from kb.labels import Labels
from kb.markers import handler
from kb.offline import offline_dir, read_manifest, zip_name
from kb.render import render


@dataclass(frozen=True)
class BuildFacts:
    """The facts of one build that a reader's device can keep."""

    site_name: str        # the name that ends every page title (history, tabs, prints)
    address: str | None   # the site's host from site_url, None when mkdocs.yml sets none
    zip_file: str         # the offline edition's file name in this language
    zip_folder: str       # the folder the zip unpacks into
    zips_in_build: bool   # the Download page of this build offers the zip


# The facts for one language. manifest: build/offline/manifest.json as read by kb.offline, or None.
def build_facts(site_name: str, site_url: str | None, lang: str, manifest: dict | None) -> BuildFacts:
    name = zip_name(lang)
    if manifest is not None:
        name = next((e["name"] for e in manifest.get("editions", []) if e.get("lang") == lang), name)
    address = urlsplit(site_url).hostname if site_url else None
    return BuildFacts(site_name=site_name, address=address, zip_file=name,
                      zip_folder=name[: -len(".zip")] if name.endswith(".zip") else name,
                      zips_in_build=manifest is not None)


# The table, in the reader's language.
def traces_markup(folder: str | Path, lang: str, facts: BuildFacts, labels: Labels) -> str:
    def t(key: str) -> str:
        text = labels.get(f"traces.{key}", lang)
        address = facts.address or labels.get("traces.no_address", lang)
        return (text.replace("{site_name}", facts.site_name).replace("{zip}", facts.zip_file)
                .replace("{folder}", facts.zip_folder).replace("{address}", address))

    rows = [
        {"way": t("website"), "left": [t("website_history"), t("website_cache"), t("website_nothing")]},
        {"way": t("offline"), "left": [t("offline_download"), t("offline_folder"), t("offline_history")]
         + ([] if facts.zips_in_build else [t("offline_not_in_build")])},
        {"way": t("print"), "left": [t("print_paper"), t("print_margins"), t("print_not_printed")]},
    ]
    return render(folder, "traces.html", caption=t("caption"), way=t("way"), left=t("left"), rows=rows,
                  facts=facts)


# The safety page's table (<!-- kb:traces -->), in the reader's language, from this build.
@handler("traces", "html")
def traces_marker(page: PageView, _target: str, _inner: str | None) -> str:
    ctx = page.ctx
    manifest = None if ctx.offline else read_manifest(offline_dir(ctx.root), ctx.edition)
    # kbglue.page_view puts the language build's site name (mkdocs.yml, per language) in the page state.
    facts = build_facts(str(page.state.get("site_name", "")), ctx.site_url, page.lang.reader, manifest)
    return traces_markup(ctx.templates, page.lang.reader, facts, ctx.labels)
