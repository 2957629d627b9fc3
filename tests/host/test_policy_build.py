"""Only known scripts: the policy comes from the allowlist (kb/inline_scripts.yml), never from the
pages, and content with an inline script, an on...= handler or a javascript: URL fails the build."""
from __future__ import annotations

import re

from kb import policy

from sitebuild import build_site, copy_project, soup


def test_every_page_carries_the_meta_policy_before_any_script(built):
    """Every page, 404 pages included, has the meta policy (without frame-ancestors) before its first script."""
    expected = policy.site_policy(meta=True)
    assert "frame-ancestors" not in expected and "script-src 'self' 'sha256-" in expected
    for path in built.html_files():
        html = soup(path)
        meta = html.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None and meta["content"] == expected, path
        first_script = html.find("script")
        assert first_script is None or meta in first_script.find_all_previous("meta"), path


def test_headers_file_is_the_allowlist_policy(built):
    """_headers carries the policy computed from the allowlist, and every inline script of the build is in the list."""
    rules = policy.parse_headers_file((built.site / "_headers").read_text(encoding="utf-8"))["/*"]
    assert rules["Content-Security-Policy"] == policy.site_policy()
    listed = set(re.findall(r"'sha256-[^']+'", rules["Content-Security-Policy"]))
    assert listed == policy.load_allowlist().hashes()
    seen = set()
    for path in built.html_files():
        seen |= policy.inline_script_hashes(path.read_text(encoding="utf-8"))
    assert seen == listed


def test_inline_script_handler_and_javascript_url_fail_with_file_and_line(tmp_path):
    """Content with <script>, onclick= or a javascript: link fails the strict build, naming file and line of each."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "approach.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    start = len(lines) + 2
    lines += ["", "<script>window.__evil=1</script>", "",
              '<p onclick="steal()">Click</p>', "", "[Go](javascript:alert(1))", ""]
    page.write_text("\n".join(lines), encoding="utf-8")
    build = build_site(project / "site", project=project)
    assert build.returncode != 0
    assert re.search(rf"docs/en/approach\.md:{start}: inline script", build.log), build.log[-3000:]
    assert re.search(rf"docs/en/approach\.md:{start + 2}: event handler", build.log), build.log[-3000:]
    assert re.search(rf"docs/en/approach\.md:{start + 4}: javascript: URL", build.log), build.log[-3000:]


def test_ordinary_content_leaves_the_policy_unchanged(built, tmp_path):
    """Adding ordinary content (text, a table, a new page) changes neither _headers nor the meta policy."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "principles.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nA new paragraph.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                    encoding="utf-8")
    build = build_site(project / "site", project=project)
    assert build.returncode == 0, build.log
    assert (build.site / "_headers").read_text(encoding="utf-8") == (built.site / "_headers").read_text(encoding="utf-8")
    meta = soup(build.site / "principles" / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == policy.site_policy(meta=True)
