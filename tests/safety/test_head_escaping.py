"""Front matter reaches <head> as text: the theme does not escape it, the safety hook does."""
import shutil

from sitebuild import ROOT, build_site, soup

HOSTILE = 'Say "hi" <script>alert(1)</script> & go'


def test_quotes_and_markup_in_front_matter_stay_text(tmp_path):
    """A description and title holding quotes and a script tag are escaped in <head>. Fails when the script tag reaches <head> as markup (the theme's Jinja does not autoescape)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", "build", ".git", "__pycache__",
                                                                  "test-artifacts", ".pytest_cache"))
    page = project / "docs" / "en" / "sources.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("---\n", 2)[1], text.split("---\n", 2)[2]
    lines = [x for x in head.splitlines() if not x.startswith(("title:", "description:"))]
    lines += ["title: '" + HOSTILE.replace("'", "''") + "'", "description: '" + HOSTILE.replace("'", "''") + "'"]
    page.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    build = build_site(tmp_path / "site", project=project, env={"KB_ONLY_LANG": "en"})
    assert build.returncode == 0, build.log[-3000:]
    html = soup(build.site / "sources" / "index.html")
    assert html.find("meta", attrs={"name": "description"})["content"] == HOSTILE
    assert HOSTILE in html.title.get_text()
    assert HOSTILE in html.select_one(".md-header__topic[data-md-component=header-topic]").get_text()
    assert not [s for s in html.find_all("script") if "alert(1)" in (s.string or "")]
