"""The offline edition (KB_OFFLINE=true, see kb.offline): a local Web Worker shim instead of the one
Material's offline plugin would load from a CDN, so that search works from file:// and nothing is
requested from another server."""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import kbglue
from kb.offline import SHIM_SOURCE, SHIM_URI

log = logging.getLogger("mkdocs.hooks.offline_edition")


# ---------------------------------------------------------------- events

# After the offline plugin has added its CDN shim to extra.polyfills, put our local copy in its place.
@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not kbglue.offline_enabled(config):
        return config
    polyfills = [SHIM_URI if "iframe-worker" in str(p) else p for p in config.extra.get("polyfills", [])]
    if SHIM_URI not in polyfills:
        polyfills.append(SHIM_URI)
    off_site = [p for p in polyfills if "//" in str(p)]
    if off_site:
        raise PluginError(f"offline edition: polyfills from another server: {off_site}")
    config.extra["polyfills"] = polyfills
    return config


# Publish the shim with the offline edition only (the hosted site has real workers).
@event_priority(-150)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if kbglue.offline_enabled(config) and files.get_file_from_path(SHIM_URI) is None:
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM_SOURCE)))
    return files
