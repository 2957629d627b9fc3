"""A one-language build (preview or offline edition) still treats English as the source of posts."""
from sitebuild import build_site, soup
from updates_support import ENGLISH_ONLY, copy_project, write_post


def test_english_only_post_in_a_one_language_build(tmp_path):
    """With KB_ONLY_LANG=fr (preview, offline edition) an English-only post does not fail the build.

    static-i18n builds no English fallback pages in a one-language build, so the post is not listed
    there; the four-language site lists it with its fallback mark (test_updates_site.py)."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    write_post(project, "en", ENGLISH_ONLY,
               "title: Only in English\ndate: 2023-11-05\nnetwork: atn\nsummary: An update with no translation.",
               "Nothing else.")
    build = build_site(tmp_path / "site", project=project, env={"KB_ONLY_LANG": "fr"})
    assert build.returncode == 0, build.log[-3000:]
    listing = soup(build.site / "updates" / "index.html")
    titles = [li.select_one(".kb-update__title").get_text(strip=True) for li in listing.select("li.kb-update")]
    french = sorted((project / "docs" / "fr" / "updates" / "posts").glob("*.md"))
    assert len(titles) == len(french) and "Only in English" not in titles
