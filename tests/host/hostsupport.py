"""Helpers of the hosting tests: a copy of the project, `make host`'s server command on a free
loopback port, and a page with a planted inline script."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from base64 import b64encode
from contextlib import contextmanager
from pathlib import Path

from sitebuild import NETWORK_CANARY, ROOT

CANARY = NETWORK_CANARY

PLANT = "<script>window.__planted=1</script>"
USER, PASSWORD = "network-reader", "correct-horse-battery-19"


# Copy a built site and add planted/index.html: the approach page with an inline script that no list allows.
def site_with_planted_page(site: Path, target: Path) -> Path:
    shutil.copytree(site, target)
    html = (site / "approach" / "index.html").read_text(encoding="utf-8")
    (target / "planted").mkdir()
    (target / "planted" / "index.html").write_text(html.replace("</body>", PLANT + "</body>", 1), encoding="utf-8")
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The server command of `make host` (python -m kb.host), as a process.
def host_process(site: Path, edition: str, port: int, work: Path, env: dict | None = None) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KB_NETWORK_")}
    environment.update(env or {})
    return subprocess.Popen([sys.executable, "-m", "kb.host", "--site", str(site), "--edition", edition,
                             "--port", str(port), "--work", str(work)],
                            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


# Run `make host`'s server on a free loopback port while the block runs; yields the base URL.
@contextmanager
def hosted(site: Path, edition: str, work: Path, env: dict | None = None):
    port = free_port()
    process = host_process(site, edition, port, work, env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # the first run may install nginx
        while True:
            if process.poll() is not None:
                raise AssertionError(f"the server stopped: {process.stdout.read()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("the server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def basic(user: str = USER, password: str = PASSWORD) -> dict[str, str]:
    return {"Authorization": "Basic " + b64encode(f"{user}:{password}".encode()).decode()}


# GET a URL; returns (status, headers, body) without raising on 4xx/5xx.
def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


# The URL path of a built file ("fr/approach/index.html" -> "/fr/approach/").
def url_path(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
