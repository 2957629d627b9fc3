"""Find kiwix-serve for the Kiwix tests (tests/zim), or install Debian's kiwix-tools where apt works.
Prints the program's path; the tests fail with a clear message where it cannot be found."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys


def install() -> None:
    apt = shutil.which("apt-get")
    if not apt or not hasattr(os, "geteuid"):
        return
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if sudo is None:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("Installing Debian's kiwix-tools for the Kiwix tests…", file=sys.stderr)
    if subprocess.run([*sudo, apt, "-o", "Acquire::Retries=3", "update", "-qq"], env=env).returncode == 0:
        subprocess.run([*sudo, apt, "install", "-y", "-qq", "kiwix-tools"], env=env)


if __name__ == "__main__":
    if shutil.which("kiwix-serve") is None:
        install()
    print(f"kiwix-serve: {shutil.which('kiwix-serve') or 'missing (install Debian kiwix-tools)'}")
