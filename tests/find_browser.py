"""Find Chromium for the browser tests, or install it: Debian's package where apt works,
Playwright's own download elsewhere. Prints the browser's path."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

DEBIAN_CHROMIUM = "/usr/bin/chromium"


# The first Chromium found on this machine, or None.
def find() -> str | None:
    if os.environ.get("KB_CHROMIUM") and os.path.exists(os.environ["KB_CHROMIUM"]):
        return os.environ["KB_CHROMIUM"]
    if os.path.exists(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    return None


# Install Debian's chromium (root and apt), else Playwright's Chromium.
def install() -> None:
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid"):
        sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
        if sudo is not None:
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            print("Installing Debian's chromium for the browser tests…", file=sys.stderr)
            if subprocess.run([*sudo, apt, "-o", "Acquire::Retries=3", "update", "-qq"], env=env).returncode == 0 and \
               subprocess.run([*sudo, apt, "install", "-y", "-qq", "chromium"], env=env).returncode == 0:
                return
    print("Installing Playwright's Chromium for the browser tests…", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)


if __name__ == "__main__":
    path = find()
    if path is None:
        install()
        path = find() or "playwright"
    print(f"browser: {path}")
