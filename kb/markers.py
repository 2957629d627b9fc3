"""Every generated-content marker (`<!-- kb:NAME ... -->`) the site knows, and the hook that fills it.

One list, so that a misspelt marker is a build error however many hooks render markers: a hook
renders its own and leaves the others it knows to their owners.
"""
from __future__ import annotations

OWNERS: dict[str, str] = {
    "directory": "hooks/directory.py",
    "network-facts": "hooks/directory.py",
    "map": "hooks/directory.py",
    "updates": "hooks/updates.py",
    "translation-status": "hooks/i18n_pages.py",
    "find-network": "hooks/tools.py",
    "network-table": "hooks/tools.py",
    "readiness": "hooks/tools.py",
    "readiness-result": "hooks/tools.py",
    "print-all": "hooks/print_all.py",
    "downloads": "hooks/downloads.py",
}
