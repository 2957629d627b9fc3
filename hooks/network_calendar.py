"""MkDocs hook: one iCalendar file per network and language, next to the network's page
(networks/atn/atn.ics, fr/networks/atn/atn.ics). The offline editions have none: subscribing to a
calendar is for the hosted site. The file's text comes from kb.calendar."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import kbglue
from kb import calendar
from kb.updates import url_of_path


# After static-i18n has chosen this language's files (-100): add the calendar of each network page.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = kbglue.context(config)
    if ctx.offline:
        return files
    pages = kbglue.page_files(files)
    lang = kbglue.build_language(config)
    with kbglue.build_errors():
        today = calendar.build_today()
        for network_id, network in sorted(ctx.catalogue.networks.items()):
            page_url = url_of_path(pages, f"networks/{network_id}.md")
            if page_url is None or not page_url.endswith("/"):
                continue
            text = calendar.ics(network, lang, ctx.labels, today)
            files.append(File.generated(config, page_url + calendar.ics_name(network_id),
                                        content=text.encode("utf-8")))
    return files
