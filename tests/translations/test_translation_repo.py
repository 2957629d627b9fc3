"""The repository's own translations: every translated page has a valid, complete record."""
from __future__ import annotations

from kb.translations import parse_record, project_settings, scan

from sitebuild import ROOT


def test_every_translated_page_has_a_valid_record_with_a_hash():
    """Each docs/<lang>/*.md (lang not English) has a translation record naming its English version."""
    docs_dir, languages, default = project_settings(ROOT / "mkdocs.yml")
    checked = 0
    for lang in languages:
        if lang == default:
            continue
        for path in sorted((docs_dir / lang).rglob("*.md")):
            record = parse_record(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
            assert record is not None, f"{path} has no translation record"
            assert record.source_hash is not None, f"{path} has no source_hash: make translations MARK=..."
            checked += 1
    assert checked > 0


def test_the_status_page_exists_in_every_language_with_its_marker():
    """translation-status.md is in every language and carries the marker the hook replaces."""
    docs_dir, languages, _default = project_settings(ROOT / "mkdocs.yml")
    for lang in languages:
        assert "<!-- kb:translation-status -->" in (docs_dir / lang / "translation-status.md").read_text(encoding="utf-8")


def test_the_repository_report_reads(built):
    """The real build's English status page lists every English page (read from the files)."""
    docs_dir, languages, default = project_settings(ROOT / "mkdocs.yml")
    report = scan(docs_dir, languages, default)
    rows = {tr["data-page"] for tr in built.page("en", "translation-status/").select("tr[data-page]")}
    assert rows == {p.relative_to(docs_dir / default).as_posix() for p in (docs_dir / default).rglob("*.md")}
    assert report.pages == sorted(rows)
