"""The package's own exceptions. Hooks turn them into MkDocs build errors (PluginError)."""
from __future__ import annotations


class KbError(Exception):
    """A problem an author or a secretariat can fix; the message says where and how."""


class MarkerError(KbError):
    """An unknown, misplaced or unexpanded `<!-- kb:... -->` marker (message: `file:line: ...`)."""


class ConfigError(KbError):
    """A setting in mkdocs.yml (or its environment variables) that the build cannot use."""
