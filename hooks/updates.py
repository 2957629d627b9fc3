"""Updates section: checks every post, fills the `<!-- kb:updates [network] -->` listings, heads each
post with its localized date, and writes one Atom feed per language and per network. Logic: kb.updates."""
from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import updates as up
from kb.labels import DEFAULT_LANGUAGE, labels_for

log = logging.getLogger("mkdocs.hooks.updates")

WORDS = {
    "none": "updates.none", "tag": "updates.only_english.tag", "fallback_title": "updates.only_english.title",
    "fallback_body": "updates.only_english.body", "feed": "updates.feed.link", "feed_title": "updates.feed.title",
}


# ---------------------------------------------------------------- events

# After static-i18n has chosen this language's files (-100): check every post, then add the feeds.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    project, docs_dir, default, languages = context(config)
    try:
        up.check_posts(docs_dir, project, DEFAULT_LANGUAGE)  # English is the source, whatever this build serves at its root
    except up.PostError as error:
        raise PluginError(str(error)) from None
    urls = {f.url for f in files.documentation_pages()}
    index = next((url for url in sorted(urls)
                  if url == up.prefix(up.url_language(url, languages, default), default) + up.SECTION), None)
    if index is None:
        return files
    lang = up.url_language(index, languages, default)
    words = words_for(config, lang)
    for network in (None, *up.NETWORKS):
        section = index + (f"{network}/" if network else "")
        if section not in urls:
            continue
        items = up.listed_posts(files, lang, default, docs_dir, project, network)
        title = f"{config.site_name} — {words['feed_title']}" + (f" — {network.upper()}" if network else "")
        feed = up.atom_feed(items, lang=lang, feed_url=up.feed_url(section), page_url=section, title=title,
                            author=config.site_name, site_url=config.site_url or None)
        files.append(File.generated(config, up.feed_url(section), content=feed))
    return files


# Replace a `<!-- kb:updates -->` (or `<!-- kb:updates apmn -->`) marker with the list of posts.
def fill_markers(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project, docs_dir, default, languages = context(config)
    lang = up.url_language(page.file.url, languages, default)
    words = words_for(config, lang)
    section = up.prefix(lang, default) + up.SECTION
    urls = {f.url for f in files.documentation_pages()}
    network_urls = {n: f"{section}{n}/" for n in up.NETWORKS if f"{section}{n}/" in urls}

    def replace(match) -> str:
        network = match.group(1)
        if network is not None and network not in up.NETWORKS:
            raise PluginError(f"docs/{page.file.src_uri}: marker 'kb:updates {network}' names no network — "
                              f"use one of: {', '.join(up.NETWORKS)}")
        items = up.listed_posts(files, lang, default, docs_dir, project, network)
        if not config.use_directory_urls:  # the offline edition (file://): feeds are for subscribing online
            return up.render_listing(items, lang, page.file.url, network_urls, words)
        page.meta["kb_feed"] = {"href": up.FEED_NAME, "title": f"{config.site_name} — {words['feed_title']}"
                                + (f" — {network.upper()}" if network else "")}
        feed = (f'\n<p class="kb-updates__feed"><a href="{up.FEED_NAME}" type="application/atom+xml">'
                f'{escape(words["feed"])}</a></p>\n')
        return up.render_listing(items, lang, page.file.url, network_urls, words) + feed

    try:
        return up.MARKER.sub(replace, markdown)
    except up.PostError as error:
        raise PluginError(str(error)) from None


# Fill listing markers in any page of the site.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not up.MARKER.search(markdown):
        return markdown
    return fill_markers(markdown, page, config, files)


# Head a post with its date and network; a post shown in another language says it is English only.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    project, docs_dir, default, languages = context(config)
    lang = up.url_language(page.file.url, languages, default)
    if not page.file.url.startswith(up.prefix(lang, default) + up.POSTS):
        return html
    post = up.read_post(Path(page.file.abs_src_path), docs_dir, project)
    section = up.prefix(lang, default) + up.SECTION
    network_file = next((f for f in files.documentation_pages() if f.url == f"{section}{post.network}/"), None)
    network_url = get_relative_url(network_file.url, page.file.url) if network_file else None
    header = up.render_post_header(post, lang, network_url, words_for(config, lang))
    body = html if post.lang == lang else f'<div lang="{escape(post.lang)}" dir="ltr">{html}</div>'
    if "<h1" in html and post.lang == lang:
        end = html.index("</h1>") + len("</h1>")
        return html[:end] + header + html[end:]
    heading = f'<h1 id="{escape(post.name)}">{escape(post.title)}</h1>' if "<h1" not in html else ""
    return heading + header + body


# Announce the feed of a listing page to feed readers.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    feed = page.meta.get("kb_feed")
    if not isinstance(feed, dict):
        return output
    link = f'<link rel="alternate" type="application/atom+xml" href="{escape(feed["href"])}" title="{escape(feed["title"])}">'
    return output.replace("</head>", link + "</head>", 1)


# ---------------------------------------------------------------- helpers

# Project folder, docs folder, default language and all languages, from mkdocs.yml and static-i18n.
def context(config: MkDocsConfig) -> tuple[Path, Path, str, list[str]]:
    project = Path(config.config_file_path).resolve().parent
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n is not None else DEFAULT_LANGUAGE
    languages = list(i18n.all_languages) if i18n is not None else [default]
    return project, Path(config.docs_dir).resolve(), default, languages


# The interface words the updates section uses, in one language.
def words_for(config: MkDocsConfig, lang: str) -> dict[str, str]:
    labels = labels_for(config.config_file_path)
    return {name: labels.get(key, lang) for name, key in WORDS.items()}
