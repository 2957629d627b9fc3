"""Outside checks over every built page: axe-core in real Chromium and the Nu HTML Checker (vnu.jar)."""
from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from browser_support import CHROMIUM_FLAGS, chromium_path

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
VALIDATOR = Path(__file__).resolve().parent.parent / "validator"
VNU_JAR = VALIDATOR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# The URL path of every HTML file of a built site ("" for the home page, "404.html" for the 404 page).
def page_paths(site: Path) -> list[str]:
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths


# Run axe-core on every page of the site served at base, a few tabs at a time in one Chromium:
# ([(path, rule, [targets])] of every violation, number of pages checked).
def axe_every_page(base: str, paths: list[str], tabs: int = 4) -> tuple[list[tuple], int]:
    return asyncio.run(_axe_every_page(base, paths, tabs))


# Colours are measured as the reader sees them once the page has settled: the theme animates the
# colour and opacity of its navigation (125-250 ms transitions, some started by its scripts a frame or
# two after load), and axe measuring mid-transition reported sidebar links a few times in hundreds of
# pages. So transitions and animations are switched off for the check (the end state is applied at
# once) and axe runs after two frames, when the theme's scripts have laid out the sidebars.
NO_MOTION = """
document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(style);
});
"""


# Load a page (it must answer 200: a wrong path must not hand axe the server's 404 page) and run axe.
async def _axe_page(page, url: str, source: str) -> dict:
    response = await page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    await page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert await page.evaluate("document.getAnimations().length") == 0, url
    await page.evaluate(source)
    return await page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)


async def _axe_every_page(base: str, paths: list[str], tabs: int) -> tuple[list[tuple], int]:
    from playwright.async_api import async_playwright

    source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    problems: list[tuple] = []
    checked: list[str] = []

    async def worker(context) -> None:
        page = await context.new_page()
        while not queue.empty():
            path = queue.get_nowait()
            result = await _axe_page(page, f"{base}/{path}", source)
            if result["passes"] is not None and result["url"].startswith(base):
                checked.append(path)
            problems.extend((path, v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"])
        await page.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        try:
            # The page's CSP (tested elsewhere) would refuse the no-motion style: bypassed here only.
            context = await browser.new_context(bypass_csp=True)
            await context.add_init_script(NO_MOTION)
            # The search worker downloads and indexes the language's whole index on every page load;
            # axe checks the page's DOM, which the index does not change (results appear only when
            # typing), so the index is not served here: most of the CPU time of a page load.
            await context.route("**/search_index.json", lambda route: route.fulfill(status=200, body='{"config":{},"docs":[]}', content_type="application/json"))
            await asyncio.gather(*(worker(context) for _ in range(tabs)))
        finally:
            await browser.close()
    return sorted(problems), len(checked)


# The java executable, or None.
def java() -> str | None:
    return shutil.which("java")


# Run the Nu HTML Checker on every HTML file under site: its error messages (url, line, message).
def nu_errors(site: Path) -> list[dict]:
    result = subprocess.run(
        [java(), "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(result.stderr or result.stdout)
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")
            or m.get("subType") == "fatal"]
