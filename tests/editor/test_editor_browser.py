"""The form editor in real Chromium against `make editor` on a temporary clone (local Git backend).

One walkthrough, as a secretariat officer would do it: a form that would write an invalid file
cannot be saved and says why; a fictional organisation with a public and a network contact, and an
update in English and French, go through the editorial workflow (a branch per entry: draft, in
review, ready, then published = merged); the files written read like hand-written ones; the data
check and the strict build pass on the clone; the update is listed in both languages and the
network contact is absent from the public build.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import goto
from sitebuild import ROOT, build_site

SHOTS = os.environ.get("KB_EDITOR_SHOTS")  # a folder for the report's screenshots (optional)
ORG = "antarctic-test-society"
POST = "2026-11-20-editor-walkthrough"
PUBLIC_EMAIL = "public-desk@example.org"
NETWORK_EMAIL = "network-desk@example.org"
COPY_SKIP = ("editor/node_modules/", "site/", "build/", ".venv/")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def temporary_clone(dest: Path) -> Path:
    """The project as committed plus this worktree's changes, in a new repository on main."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], check=True, capture_output=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        if rel.startswith(COPY_SKIP) or not (ROOT / rel).is_file():
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "start")
    git(dest, "config", "user.name", "Test")
    git(dest, "config", "user.email", "test@example.org")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """`make editor` on a temporary clone; yields (base URL, clone)."""
    clone = temporary_clone(tmp_path_factory.mktemp("clone"))
    port = free_port()
    log = (tmp_path_factory.mktemp("log") / "editor.log").open("w+")
    process = subprocess.Popen(["make", "--no-print-directory", "editor", f"REPO={clone}",
                                f"EDITOR_PORT={port}"], cwd=ROOT, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, Path(log.name).read_text()
            time.sleep(0.5)
        yield base, clone
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


class Form:
    """Decap's form, found by the labels a person reads."""

    def __init__(self, page) -> None:
        self.page = page

    def control(self, label: str, nth: int = 0):
        pattern = re.compile(rf"^{re.escape(label)}( \(optional\))?$")
        target = self.page.locator("label", has_text=pattern).nth(nth).get_attribute("for")
        return self.page.locator(f"[id='{target}']")

    def ready(self, label: str) -> None:
        """Wait until the form has mounted for good (it mounts twice when coming from an entry)."""
        previous = None
        for _ in range(120):
            labels = self.page.locator("label", has_text=re.compile(rf"^{re.escape(label)}( \(optional\))?$"))
            current = labels.first.get_attribute("for") if labels.count() else None
            if current and current == previous and self.page.locator(f"[id='{current}']").is_visible():
                return
            previous = current
            self.page.wait_for_timeout(1000)
        raise AssertionError(f"the form with {label} never appeared")

    def fill(self, label: str, value: str, nth: int = 0) -> None:
        self.control(label, nth).fill(value)

    def replace(self, label: str, value: str) -> None:
        """Correct a value as a person does: select it all, type the new one."""
        control = self.control(label)
        control.click()
        control.press("Control+A")
        control.press_sequentially(value)
        assert control.input_value() == value

    def choose(self, label: str, value: str, nth: int = 0) -> None:
        control = self.control(label, nth)
        control.click()
        control.press_sequentially(value)
        self.page.locator("[id*='-option-']").first.wait_for()  # the matching choices
        self.page.keyboard.press("Enter")

    def add(self, button: str, count_text: str) -> None:
        """Add a list item (a click that lands while the form re-renders is repeated)."""
        for _ in range(5):
            self.page.get_by_role("button", name=button).click()
            try:
                self.page.get_by_text(count_text, exact=True).wait_for(timeout=3000)
                return
            except PlaywrightTimeout:
                continue
        raise AssertionError(f"{button}: the list never showed {count_text}")

    def save(self) -> None:
        self.page.get_by_role("button", name="Save", exact=True).click()

    def saved(self) -> None:
        """Wait until the entry is on its branch (a new form also says "Changes saved")."""
        try:
            self.page.get_by_role("button", name="Status: Draft").wait_for(timeout=120000)
        except PlaywrightTimeout:
            shot(self.page, "failed-save.png")
            problems = [line for line in self.page.inner_text("body").splitlines()
                        if re.search("required|match|oops|error", line, re.I)]
            raise AssertionError(f"not saved: {problems}") from None

    def workflow_to_published(self) -> None:
        """Draft -> In review -> Ready -> Publish now (each step a real branch operation)."""
        page = self.page
        self.saved()
        for status in ("In review", "Ready"):
            page.get_by_role("button", name=re.compile("^Status:")).click()
            page.get_by_role("menuitem", name=status).click()
            page.get_by_role("button", name=f"Status: {status}").wait_for()
        page.get_by_role("button", name="Publish", exact=True).click()
        page.get_by_role("menuitem", name="Publish now").click()
        page.get_by_role("button", name="Status: Draft").wait_for(state="detached", timeout=120000)
        page.get_by_text("Published").first.wait_for(timeout=120000)


def open_fresh(page, url: str) -> None:
    """Open a view with a fresh start of the editor (still signed in), as after a bookmark."""
    page.goto(url, wait_until="domcontentloaded", timeout=180000)  # often only the #fragment changes: no response
    response = page.reload(wait_until="domcontentloaded", timeout=180000)
    assert response is not None and response.status == 200, url


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


EXPECTED_ORG = f"""\
# yaml-language-server: $schema=../schema/organisation.schema.json
id: {ORG}
kind: national-society
country: AQ
name:
  en: Antarctic Test Society (fictional)
  fr: Société d’essai antarctique (fictive)
website: https://www.example.org/
contacts:
  - role: Public enquiries desk
    email: {PUBLIC_EMAIL}
    visibility: public
    last_verified: 2026-11-01
  - role: Network focal point
    email: {NETWORK_EMAIL}
    phone: "+442079460000"
    visibility: network
    last_verified: 2026-11-01
sources:
  - https://www.example.org/
"""

EXPECTED_POST_EN = """\
---
title: "The APMN tries the form editor"
date: 2026-11-20
network: apmn
summary: "A fictional update written through the form editor in a test."
---

This update is **fictional**: it exists only in a test.

Source: [example](https://www.example.org/)
"""

EXPECTED_POST_FR = """\
---
title: "L’APMN essaie l’éditeur de formulaires"
date: 2026-11-20
network: apmn
summary: "Une actualité fictive écrite avec l’éditeur de formulaires dans un test."
---

Cette actualité est **fictive** : elle n’existe que dans un test.

Source : [exemple](https://www.example.org/) (en anglais).
"""


def write_post(page, base: str, lang: str, title: str, summary: str, body: str) -> None:
    open_fresh(page, f"{base}/#/collections/updates-apmn-{lang}/new")
    form = Form(page)
    form.ready("Title")
    form.fill("Title", title)
    form.fill("Date", "2026-11-20")
    form.fill("Summary", summary)
    form.fill("Short name in the file name", "editor-walkthrough")
    editor = page.locator('[data-slate-editor="true"]').last  # the Markdown field, raw mode
    editor.click()
    page.keyboard.insert_text(body)
    shot(page, f"post-form-{lang}.png")
    form.save()
    form.workflow_to_published()


def test_editor_walkthrough(editor, browser, tmp_path):
    base, clone = editor
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 2000})
    page = context.new_page()
    page.set_default_timeout(90000)  # Decap on a loaded 2-core CI machine: a save can take over 30 s
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((base, "data:", "blob:")) else None)
    page.on("dialog", lambda dialog: dialog.accept())
    goto(page, base + "/", wait_until="domcontentloaded", timeout=180000)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Organisations").first.wait_for()

    # An organisation the data check would reject cannot be saved, and the form says why.
    page.goto(f"{base}/#/collections/organisations/new")  # a same-document navigation: no response
    form = Form(page)
    form.ready("Id")
    form.fill("Id", ORG)
    form.choose("Kind", "national")
    form.fill("Country", "UK")
    form.fill("English", "Antarctic Test Society (fictional)")
    form.fill("French", "Société d’essai antarctique (fictive)")
    form.fill("Website", "http://www.example.org/")
    form.add("Add sources", "1 sources")
    form.fill("Sources", "https://www.example.org/", nth=1)
    form.save()
    country_error = page.get_by_text(re.compile("not an ISO 3166-1 alpha-2 country code", re.I))
    website_error = page.get_by_text(re.compile("starting with https:// \\(not http://\\)", re.I))
    country_error.wait_for()
    website_error.wait_for()
    shot(page, "organisation-form-invalid.png")
    page.wait_for_timeout(1000)
    assert "cms/organisations/" + ORG not in git(clone, "branch", "--list")
    assert not (clone / f"data/organisations/{ORG}.yml").exists()

    # Corrected, with a public and a network contact: saved on its own branch, then published.
    form.replace("Country", "AQ")
    form.replace("Website", "https://www.example.org/")
    for n, (role, email, visibility) in enumerate(
            [("Public enquiries desk", PUBLIC_EMAIL, "public"),
             ("Network focal point", NETWORK_EMAIL, "network")]):
        form.add("Add contacts", f"{n + 1} contacts")
        form.fill("Role", role, nth=n)
        form.fill("Email", email, nth=n)
        if visibility == "network":
            form.fill("Phone", "+442079460000", nth=n)
        form.choose("Visibility", visibility, nth=n)
        form.fill("Last verified", "2026-11-01", nth=n)
    form.save()
    form.saved()
    assert country_error.count() == 0 and website_error.count() == 0
    shot(page, "organisation-form.png")
    assert f"cms/organisations/{ORG}" in git(clone, "branch", "--list")
    assert not (clone / f"data/organisations/{ORG}.yml").exists()  # not on main yet
    form.workflow_to_published()

    # The new member joins the APMN: one item added to an existing file, nothing else changed.
    open_fresh(page, f"{base}/#/collections/networks/entries/apmn")
    form.ready("Acronym")
    page.wait_for_function("""() => {
        const label = [...document.querySelectorAll('label')].find(l => l.textContent === 'Acronym');
        return label && document.getElementById(label.htmlFor)?.value === 'APMN';
    }""", timeout=120000)  # the entry's data has loaded
    members = page.get_by_text(re.compile(r"^\d+ members$"))
    count = int(members.inner_text().split()[0])
    form.add("Add members", f"{count + 1} members")
    form.choose("Organisation", "Antarctic", nth=count)
    form.choose("Roles", "member", nth=count)
    form.save()
    form.workflow_to_published()

    write_post(page, base, "en", "The APMN tries the form editor",
               "A fictional update written through the form editor in a test.",
               "This update is **fictional**: it exists only in a test.\n\n"
               "Source: [example](https://www.example.org/)")
    write_post(page, base, "fr", "L’APMN essaie l’éditeur de formulaires",
               "Une actualité fictive écrite avec l’éditeur de formulaires dans un test.",
               "Cette actualité est **fictive** : elle n’existe que dans un test.\n\n"
               "Source : [exemple](https://www.example.org/) (en anglais).")
    context.close()
    assert outside == [], f"the editor fetched from elsewhere: {outside[:5]}"

    # Published = merged into main; nothing is left on a cms/ branch.
    assert git(clone, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    # The backend deletes the merged branch after the page shows "Published": wait for it (bounded).
    deadline = time.monotonic() + 120
    while "cms/" in git(clone, "branch", "--list") and time.monotonic() < deadline:
        time.sleep(1)
    assert "cms/" not in git(clone, "branch", "--list")
    assert git(clone, "status", "--porcelain") == ""

    # The files read like hand-written ones; an edited file keeps its comments and layout.
    before = (ROOT / "data/networks/apmn.yml").read_text(encoding="utf-8")
    tail = "    roles: [partner]\nsources:\n"
    assert before.count(tail) == 1
    assert (clone / "data/networks/apmn.yml").read_text(encoding="utf-8") == before.replace(
        tail, f"    roles: [partner]\n  - organisation: {ORG}\n    roles: [member]\nsources:\n")
    assert (clone / f"data/organisations/{ORG}.yml").read_text(encoding="utf-8") == EXPECTED_ORG
    assert (clone / f"docs/en/updates/posts/{POST}.md").read_text(encoding="utf-8") == EXPECTED_POST_EN
    assert (clone / f"docs/fr/updates/posts/{POST}.md").read_text(encoding="utf-8") == EXPECTED_POST_FR

    # make check-data and the strict build pass on the clone.
    check = subprocess.run(["make", "--no-print-directory", "check-data",
                            f"VENV={ROOT / '.venv'}"], cwd=clone, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "data/ is valid: 8 organisations" in check.stdout
    build = build_site(tmp_path / "site", project=clone)
    assert build.returncode == 0, build.log

    # The update is listed and published in both languages; the network contact is not public.
    for prefix, title in (("", "The APMN tries the form editor"),
                          ("fr/", "L’APMN essaie l’éditeur de formulaires")):
        listing = (build.site / prefix / "updates/index.html").read_text(encoding="utf-8")
        assert title in listing
        post = build.site / prefix / f"updates/posts/{POST}/index.html"
        assert title in post.read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in build.site.rglob("*")
             if p.is_file() and p.suffix in (".html", ".xml", ".json", ".js", ".txt")]
    assert any(PUBLIC_EMAIL in t for t in texts)
    assert not any(NETWORK_EMAIL in t for t in texts)
    assert not any("decap" in t.lower() for t in texts)


def front_matter(path: Path) -> dict[str, str]:
    """Title and summary of an update, read with a plain line parser (not the editor's)."""
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    out = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        if key in ("title", "summary", "date"):
            out[key] = value.strip().strip('"')
    return out


def test_translation_is_edited_beside_its_english_original(editor, browser):
    """A translator sees the English original next to the French form, field by field.

    Fails when the French form has no English-original field, when it finds the wrong English
    update (or none), or when the right-hand pane does not follow what is typed in the form."""
    base, _clone = editor
    name = "2012-12-apmn-set-up"
    english = front_matter(ROOT / f"docs/en/updates/posts/{name}.md")
    french = front_matter(ROOT / f"docs/fr/updates/posts/{name}.md")
    assert english["title"] != french["title"]
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(60000)
    goto(page, base + "/", wait_until="domcontentloaded", timeout=180000)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Organisations").first.wait_for()
    open_fresh(page, f"{base}/#/collections/updates-apmn-fr/entries/{name}")
    form = Form(page)
    form.ready("Title")
    page.wait_for_function("""() => {
        const label = [...document.querySelectorAll('label')]
            .find(l => /^English original/.test(l.textContent));
        return label && document.getElementById(label.htmlFor)?.value;
    }""", timeout=120000)  # the English updates have been read and the original found
    original = form.control("English original")
    assert original.input_value() == name
    preview = page.frame_locator("iframe").first
    cell = lambda kind, field: preview.locator(f"[data-kb-{kind}='{field}']")  # noqa: E731
    cell("original", "title").filter(has_text=english["title"]).wait_for()
    assert cell("original", "summary").inner_text() == english["summary"]
    assert cell("translation", "title").inner_text() == french["title"]
    assert cell("original", "title").get_attribute("lang") == "en"
    shot(page, "post-form-side-by-side.png")
    # The pane follows the form.
    form.replace("Title", "Titre modifié")
    cell("translation", "title").filter(has_text="Titre modifié").wait_for()
    # Choosing no original empties the English column; the field is never saved.
    original.select_option("")
    cell("original", "title").filter(has_text=re.compile("^$")).wait_for()
    context.close()
