"""MkDocs hook: the updates section. Checks every post, writes one Atom feed per language and per
network, heads each post with its localized date, and announces feeds in <head>. Listings are the
`kb:updates` marker's (kb.updates, through the dispatcher)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import kbglue
from kb import updates as up
from kb.html import after_h1, has_h1, into_head


# After static-i18n has chosen this language's files (-100): check every post, then add the feeds.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = kbglue.context(config)
    networks = sorted(ctx.catalogue.networks)
    with kbglue.build_errors():
        # English is the source, whatever this build serves at its root.
        up.check_posts(ctx.docs_dir, ctx.root, ctx.source, networks)
        if ctx.offline:  # feeds are for subscribing online; the offline edition has none
            return files
        pages = kbglue.page_files(files)
        lang = kbglue.build_language(config)
        for network in (None, *networks):
            section = up.url_of_path(pages, f"{up.SECTION}{network}.md" if network else f"{up.SECTION}index.md")
            if section is None:
                continue
            items = up.listed_posts(pages, lang, ctx.docs_dir, ctx.root, networks, network)
            title = f"{config.site_name} — {ctx.t('updates.feed.title', lang)}"
            title += f" — {network.upper()}" if network else ""
            feed = up.atom_feed(items, lang=lang, feed_url=up.feed_url(section), page_url=section, title=title,
                                author=config.site_name, site_url=ctx.site_url)
            files.append(File.generated(config, up.feed_url(section), content=feed))
    return files


# Head a post with its date and network; a post shown in another language says it is English only.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not kbglue.page_path(page).startswith(up.POSTS):
        return html
    view = kbglue.page_view(page, config, files)
    ctx = view.ctx
    with kbglue.build_errors():
        post = up.read_post(ctx.docs_dir / page.file.src_uri, ctx.docs_dir, ctx.root, ctx.catalogue.networks)
    network_url = view.url_of(f"{up.SECTION}{post.network}.md")
    header = up.post_header(view, post, network_url)
    if has_h1(html) and not view.lang.fallback:
        return after_h1(html, header)
    heading = "" if has_h1(html) else view.render("updates_heading.html", post=post)
    return heading + header + html


# Announce the feed of a listing page to feed readers.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    feed = page.meta.get("kb_feed")
    if not isinstance(feed, dict):
        return output
    return into_head(output, kbglue.context(config).render("head_feed.html", feed=feed))

