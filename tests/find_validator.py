"""Install what the Nu HTML Checker test needs, the way find_browser.py installs Chromium: Java
(Debian's default-jre-headless where it is missing and apt works) and vnu.jar from the npm package
pinned in tests/validator/package-lock.json, into that folder (never globally). Prints both paths."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "validator"
JAR = FOLDER / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# Install Debian packages as root (or with passwordless sudo); False when that is not possible.
def apt_install(*packages: str) -> bool:
    apt = shutil.which("apt-get")
    if not apt or not hasattr(os, "geteuid"):
        return False
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if sudo is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing {' '.join(packages)} for the HTML checker…", file=sys.stderr)
    return subprocess.run([*sudo, apt, "-o", "Acquire::Retries=3", "update", "-qq"], env=env).returncode == 0 and \
        subprocess.run([*sudo, apt, "install", "-y", "-qq", *packages], env=env).returncode == 0


def main() -> int:
    if shutil.which("java") is None and not apt_install("default-jre-headless"):
        print("Java is missing and could not be installed: install a Java runtime", file=sys.stderr)
        return 1
    if shutil.which("npm") is None and not apt_install("npm"):
        print("npm is missing and could not be installed: install Node.js and npm", file=sys.stderr)
        return 1
    if not JAR.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=FOLDER, check=True)
    print(f"java: {shutil.which('java')}\nvnu.jar: {JAR}")
    return 0 if JAR.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
