"""Positive controls of the host sweep (tests/host/sweep.py): each kind of problem the sweeps of every
page report as absent (web storage, cookies, requests to another origin, failed or 4xx responses,
console errors, CSP violations, sitemap lookups) is planted in a small site of its own, and the sweep
must report it on the page where it happens; a clean page must give no problem at all. Nothing leaves
the machine: "another origin" is a second local server on another port."""
from __future__ import annotations

from pathlib import Path

import pytest
from sweep import sweep

from browser_support import serve

PAGE = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}</title><link rel='icon' href='data:,'>{head}</head><body><p>{name}</p>{body}</body></html>"


def page(folder: Path, name: str, body: str = "", head: str = "") -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "index.html").write_text(PAGE.format(name=name, head=head, body=body), encoding="utf-8")


@pytest.fixture(scope="module")
def other_origin(tmp_path_factory):
    folder = tmp_path_factory.mktemp("other-origin")
    (folder / "pixel.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>", encoding="utf-8")
    with serve(folder) as base:
        yield base


@pytest.fixture(scope="module")
def planted(tmp_path_factory, other_origin):
    folder = tmp_path_factory.mktemp("sweep-controls")
    page(folder, "clean", "<p>Nothing happens here.</p>")
    page(folder, "local-storage", "<script>localStorage.setItem('k', '1')</script>")
    page(folder, "session-storage", "<script>sessionStorage.setItem('k', '1')</script>")
    page(folder, "cookie", "<script>document.cookie = 'k=1; path=/'</script>")
    page(folder, "late-write", "<script>setTimeout(() => localStorage.setItem('late', '1'), 300)</script>")
    page(folder, "off-origin", f"<img src='{other_origin}/pixel.svg' alt='pixel'>")
    page(folder, "missing-asset", "<img src='/nowhere.png' alt='missing'>")
    page(folder, "console-error", "<script>console.error('planted error')</script>")
    page(folder, "csp", "<script>window.x = 1</script>",
         head="<meta http-equiv='Content-Security-Policy' content=\"script-src 'none'\">")
    page(folder, "sitemap", "<script>fetch('/sitemap.xml').catch(() => {})</script>")
    with serve(folder) as base:
        yield base


def test_a_clean_page_gives_no_problem(browser, planted):
    result = sweep(browser, planted, ["/clean/"])
    assert result.pages == 1 and result.requests >= 1
    assert result.problems() == []


@pytest.mark.parametrize(("path", "expected"), [
    ("/local-storage/", {"local": 1, "session": 0, "cookie": ""}),
    ("/session-storage/", {"local": 0, "session": 1, "cookie": ""}),
    ("/cookie/", {"local": 0, "session": 0, "cookie": "k=1"}),
])
def test_storage_and_cookies_written_by_a_page_are_reported_on_that_page(browser, planted, path, expected):
    result = sweep(browser, planted, ["/clean/", path])
    assert (path, expected) in result.stored
    assert all(p != "/clean/" for p, _ in result.stored)  # the page before it was clean
    if expected["cookie"]:
        assert ("cookie", "k") in result.stored  # the context's cookie jar, at the end


def test_a_write_after_the_load_is_reported_at_the_end(browser, planted):
    result = sweep(browser, planted, ["/late-write/"])
    assert ("at the end", {"local": 1, "session": 0, "cookie": ""}) in result.stored


def test_a_request_to_another_origin_is_reported(browser, planted, other_origin):
    result = sweep(browser, planted, ["/off-origin/"])
    assert result.off_origin == [("another origin", f"{other_origin}/pixel.svg")]


def test_a_missing_asset_console_error_csp_violation_and_sitemap_lookup_are_reported(browser, planted):
    result = sweep(browser, planted, ["/missing-asset/", "/console-error/", "/csp/", "/sitemap/"])
    assert (404, f"{planted}/nowhere.png") in result.bad_responses
    assert any(url.endswith("/console-error/") and "planted error" in text for url, text in result.console)
    assert any(path == "/csp/" and v.startswith("script-src") for path, v in result.violations)
    assert ("sitemap lookup", f"{planted}/sitemap.xml") in result.failed
