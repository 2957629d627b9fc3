"""Serve a built site as a host would (`make host`): Debian's nginx with the project's configuration
(kb/hosting/nginx.conf.j2): the security headers of kb/policy.py, gzip (and brotli where the module
is installed), a year of immutable caching for fingerprinted assets and a short one for the rest, the
404 page in the reader's language, and for the network edition HTTP basic authentication on every path.

    python -m kb.host [--site site] [--port 8080] [--edition public|network]
    python -m kb.host --config-only nginx.conf [--bind 0.0.0.0 --port 443 --server-name kb.example.org
                      --tls-cert /etc/ssl/... --tls-key /etc/ssl/... --htpasswd /etc/nginx/kb.htpasswd]

The build records its edition (site/kb-build.json): a public-edition host refuses a network build, and
a network-edition host refuses to start without credentials: KB_NETWORK_USER and KB_NETWORK_PASSWORD,
or KB_NETWORK_PASSWORD_FILE (a file holding the password), or KB_NETWORK_HTPASSWD (an htpasswd file
with one line per user).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kb import policy

TEMPLATES = Path(__file__).with_name("hosting")
BUILD_RECORD = "kb-build.json"
MODULES_DIR = Path("/usr/lib/nginx/modules")
BROTLI_MODULE = "ngx_http_brotli_filter_module.so"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")
REALM = "Network edition"
SAFE_PATH = re.compile(r"^[A-Za-z0-9_./+@:-]+$")   # what may go into the configuration unquoted
USER_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class HostError(Exception):
    """The site cannot be served as asked; the message says why and what to do."""


# ---------------------------------------------------------------- the build

# The build's record (edition, site_url, languages), written by hooks/policy.py.
def read_record(site: Path) -> dict:
    path = site / BUILD_RECORD
    if not path.is_file():
        raise HostError(f"{site}/ is not a build of this project ({BUILD_RECORD} is missing): run `make build` first")
    record = json.loads(path.read_text(encoding="utf-8"))
    if record.get("edition") not in policy.EDITIONS:
        raise HostError(f"{path}: unknown edition {record.get('edition')!r}")
    return record


# Refuse to serve a build of another edition than the host's.
def check_edition(record: dict, edition: str, site: Path) -> None:
    if record["edition"] == edition:
        return
    if record["edition"] == "network":
        raise HostError(f"{site}/ is a NETWORK-edition build (network-only contacts): a public host never serves it. "
                        "Serve it with `make host EDITION=network` (credentials required), or rebuild the public "
                        "edition with `make build`.")
    raise HostError(f"{site}/ is a public-edition build, not the network edition: run `make build EDITION=network` first")


# ---------------------------------------------------------------- credentials

# One htpasswd line, salted SHA-1 ({SSHA}), a scheme nginx reads without extra modules.
def htpasswd_line(user: str, password: str) -> str:
    salt = secrets.token_bytes(8)
    digest = hashlib.sha1(password.encode("utf-8") + salt).digest()
    return f"{user}:{{SSHA}}{base64.b64encode(digest + salt).decode('ascii')}\n"


# The htpasswd text for the network edition, from the environment; refuses to go on without it.
def credentials(env: dict[str, str]) -> str:
    if env.get("KB_NETWORK_HTPASSWD"):
        path = Path(env["KB_NETWORK_HTPASSWD"])
        if not path.is_file():
            raise HostError(f"KB_NETWORK_HTPASSWD: no file {path}")
        text = path.read_text(encoding="utf-8")
        if not any(line.strip() and ":" in line for line in text.splitlines()):
            raise HostError(f"KB_NETWORK_HTPASSWD: {path} has no user:password line")
        return text
    user = env.get("KB_NETWORK_USER", "")
    password = env.get("KB_NETWORK_PASSWORD", "")
    if env.get("KB_NETWORK_PASSWORD_FILE"):
        path = Path(env["KB_NETWORK_PASSWORD_FILE"])
        if not path.is_file():
            raise HostError(f"KB_NETWORK_PASSWORD_FILE: no file {path}")
        password = path.read_text(encoding="utf-8").strip()
    if not user or not password:
        raise HostError("the network edition needs credentials and none were given: set KB_NETWORK_USER and "
                        "KB_NETWORK_PASSWORD (or KB_NETWORK_PASSWORD_FILE, a file holding the password), or "
                        "KB_NETWORK_HTPASSWD (an htpasswd file). Nothing was served.")
    if not USER_NAME.match(user):
        raise HostError("KB_NETWORK_USER: use letters, digits and . _ @ - only (at most 64)")
    if len(password) < 12:
        raise HostError("KB_NETWORK_PASSWORD: use at least 12 characters")
    return htpasswd_line(user, password)


# ---------------------------------------------------------------- the server

# nginx's path, installing Debian's package (and its brotli module) where it is missing and apt works.
def find_nginx(install: bool = True) -> str:
    found = shutil.which("nginx") or next((p for p in NGINX_CANDIDATES if os.path.exists(p)), None)
    if found or not install:
        if not found:
            raise HostError("nginx is not installed: `apt-get install nginx libnginx-mod-http-brotli-filter`")
        return found
    apt = shutil.which("apt-get")
    sudo = [] if hasattr(os, "geteuid") and os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt is None or sudo is None:
        raise HostError("nginx is not installed and apt-get cannot install it here: install Debian's `nginx` package")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("Installing Debian's nginx (and its brotli module where available)…", file=sys.stderr)
    subprocess.run([*sudo, apt, "-o", "Acquire::Retries=3", "update", "-qq"], env=env, check=False)
    if subprocess.run([*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", "nginx"], env=env).returncode != 0:
        raise HostError("apt-get could not install nginx")
    subprocess.run([*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", "libnginx-mod-http-brotli-filter"],
                   env=env, check=False)
    return find_nginx(install=False)


def _safe(value: str, what: str) -> str:
    if not SAFE_PATH.match(value):
        raise HostError(f"{what}: {value!r} contains characters the configuration does not accept (use a plain path)")
    return value


# The nginx configuration for a site, from kb/hosting/nginx.conf.j2.
def render_config(*, site: Path, record: dict, work_dir: Path, address: str, port: int, htpasswd: Path | None,
                  foreground: bool = True, user: str | None = None, server_name: str = "_",
                  tls_cert: str | None = None, tls_key: str | None = None, brotli: bool | None = None,
                  root_dir: Path | None = None, logs_to_stderr: bool = True) -> str:
    edition = record["edition"]
    prefix = urlsplit(record.get("site_url") or "/").path or "/"
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    languages = [lang for lang in record.get("languages", []) if lang != record.get("default_language")]
    if brotli is None:
        brotli = (MODULES_DIR / BROTLI_MODULE).is_file()
    headers = policy.security_headers(policy.site_policy(), edition)
    for name, value in headers.items():
        if '"' in value or "\n" in value:
            raise HostError(f"header {name}: a value with a double quote or newline cannot be written")
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined, autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("nginx.conf.j2").render(
        edition=edition, brotli=brotli, modules_dir=str(MODULES_DIR), user=user, workers=1 if foreground else "auto",
        foreground=foreground, work_dir=_safe(str(work_dir), "work folder"),
        pid_file=_safe(str(work_dir / "nginx.pid"), "work folder") if foreground else "/run/nginx.pid",
        error_log="stderr" if logs_to_stderr else _safe(str(work_dir / "error.log"), "log"),
        access_log="off" if foreground else _safe(str(work_dir / "access.log"), "log"),
        short_cache=600, cache_scope="private" if edition == "network" else "public",
        languages=languages, prefix=prefix, tls=bool(tls_cert and tls_key),
        tls_cert=_safe(tls_cert, "--tls-cert") if tls_cert else None,
        tls_key=_safe(tls_key, "--tls-key") if tls_key else None,
        address=_safe(address, "--bind"), port=int(port), server_name=_safe(server_name, "--server-name") if server_name != "_" else "_",
        root_dir=_safe(str(root_dir or site), "site folder"), site_dir=str(site),
        auth=edition == "network", realm=REALM, htpasswd=_safe(str(htpasswd), "htpasswd") if htpasswd else None,
        headers=headers,
    )


# Prepare the work folder (configuration, password file, the site under its path) and return nginx's command.
def prepare(site: Path, edition: str, port: int, address: str, work_dir: Path, env: dict[str, str],
            install: bool = True) -> list[str]:
    site = site.resolve()
    record = read_record(site)
    check_edition(record, edition, site)
    htpasswd = None
    if record["edition"] == "network":
        text = credentials(env)
        work_dir.mkdir(parents=True, exist_ok=True)
        htpasswd = work_dir / "htpasswd"
        htpasswd.write_text(text, encoding="utf-8")
        htpasswd.chmod(0o600)
    nginx = find_nginx(install=install)
    work_dir.mkdir(parents=True, exist_ok=True)
    prefix = (urlsplit(record.get("site_url") or "/").path or "/").strip("/")
    root_dir = site
    if prefix:  # serve the site at the path of its SITE_URL, as the real host does
        root_dir = work_dir / "www"
        link = root_dir / prefix
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(site, target_is_directory=True)
    user = "root" if hasattr(os, "geteuid") and os.geteuid() == 0 else None  # local preview only
    config = render_config(site=site, record=record, work_dir=work_dir, address=address, port=port,
                           htpasswd=htpasswd, user=user, root_dir=root_dir)
    path = work_dir / "nginx.conf"
    path.write_text(config, encoding="utf-8")
    return [nginx, "-p", str(work_dir), "-c", str(path), "-e", "stderr"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.host", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--edition", choices=policy.EDITIONS, default=os.environ.get("KB_EDITION", "public"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8080))
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the generated configuration (default: build/host/<port>)")
    parser.add_argument("--config-only", type=Path, metavar="FILE",
                        help="write a configuration for a real machine to FILE and exit (see README: Deploying)")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--htpasswd", help="with --config-only: the password file's path on the real machine")
    parser.add_argument("--no-install", action="store_true", help="do not install nginx where it is missing")
    parser.add_argument("--install-only", action="store_true", help="find or install nginx, print its path, exit")
    args = parser.parse_args(argv)
    try:
        if args.install_only:
            print(f"server: {find_nginx(install=True)}")
            return 0
        if args.config_only:
            site = args.site.resolve()
            record = read_record(site)
            check_edition(record, args.edition, site)
            if record["edition"] == "network" and not args.htpasswd:
                raise HostError("the network edition needs --htpasswd (the password file's path on the machine)")
            config = render_config(site=site, record=record, work_dir=Path("/var/lib/nginx"), address=args.bind,
                                   port=args.port, htpasswd=Path(args.htpasswd) if args.htpasswd else None,
                                   foreground=False, user="www-data", server_name=args.server_name,
                                   tls_cert=args.tls_cert, tls_key=args.tls_key, logs_to_stderr=False)
            args.config_only.write_text(config, encoding="utf-8")
            print(f"wrote {args.config_only} ({record['edition']} edition, site {site})")
            return 0
        work = args.work or Path("build") / "host" / str(args.port)
        command = prepare(args.site, args.edition, args.port, args.bind, work.resolve(), dict(os.environ),
                          install=not args.no_install)
    except HostError as error:
        print(f"make host: {error}", file=sys.stderr)
        return 2
    record = read_record(args.site.resolve())
    path = urlsplit(record.get("site_url") or "/").path or "/"
    print(f"Serving {args.site}/ ({record['edition']} edition) on http://{args.bind}:{args.port}{path} — Ctrl+C stops",
          flush=True)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
