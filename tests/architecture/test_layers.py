"""The code's shape: hooks are glue without markup, kb/ is plain Python, nothing edits sys.path."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from sitebuild import ROOT

TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module except docstrings, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_the_tag_pattern_finds_markup():
    """The check below is able to fail: it sees tags, closing tags and comments, not comparisons."""
    assert TAG.search('<div class="x">') and TAG.search("</h1>") and TAG.search("<!-- kb:x -->")
    assert not TAG.search("a < b and c > d")


def test_no_html_in_python_strings_under_hooks():
    """Generated HTML comes from templates: no string literal in hooks/*.py holds a tag."""
    found = [f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
             for path in sorted((ROOT / "hooks").glob("*.py"))
             for line, text in _strings(path) if TAG.search(text)]
    assert found == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_kb_never_imports_mkdocs():
    """kb/ is plain Python: no module of it imports MkDocs or its plugins."""
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.split(".")[0].startswith("mkdocs"))
                 for p in sorted((ROOT / "kb").rglob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_nothing_edits_sys_path():
    """kb is an installed package: no module of the project inserts into sys.path or sets PYTHONPATH."""
    pattern = re.compile(r"sys\.path\.(insert|append)|PYTHONPATH")
    offenders = [str(p.relative_to(ROOT)) for folder in ("kb", "hooks", "tools", "benchmarks", "tests")
                 for p in sorted((ROOT / folder).rglob("*.py"))
                 if pattern.search(p.read_text(encoding="utf-8")) and p != Path(__file__)]
    assert offenders == []
    assert "PYTHONPATH" not in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_every_hook_file_is_listed_and_the_glue_is_not():
    """Each hooks/*.py is an event hook listed in mkdocs.yml, except the glue module they import."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*-\s*(hooks/[a-z0-9_]+\.py)\s*$", config, re.M))
    files = {f"hooks/{p.name}" for p in (ROOT / "hooks").glob("*.py")}
    assert listed == files - {"hooks/kbglue.py"}


def test_only_the_glue_reads_the_i18n_plugin_or_file_locale():
    """The page's language comes from one place: kbglue (file.locale, locale_alternate_of, the plugin)."""
    pattern = re.compile(r"locale_alternate_of|\.locale\b|plugins\.get\(\"i18n\"\)|current_language")
    offenders = [str(p.relative_to(ROOT)) for folder in ("hooks", "kb") for p in sorted((ROOT / folder).rglob("*.py"))
                 if p.name != "kbglue.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
