"""kb/cssprune.py's renaming of the pruned stylesheets in the pages' text."""
from __future__ import annotations

import re

from kb import cssprune


def one_pass(text: str, names: dict[str, str]) -> str:
    """Every old name replaced once, leftmost first: what the pages must end up with."""
    return re.sub("|".join(re.escape(old) for old in names), lambda m: names[m.group(0)], text)


def rename_links(text: str, names: dict[str, str]) -> str:
    """kb.cssprune.rename_links, which works on a page's bytes, on text."""
    return cssprune.rename_links(text.encode(), {old.encode(): new.encode() for old, new in names.items()}).decode()


def test_renaming_replaces_every_old_name_once():
    """Each old name is replaced everywhere; a new name that holds another old name (or an old name
    that holds another) is not replaced again. Fails when the fast path replaces names one after the
    other where that would rename a replacement."""
    page = '<link href="a/main.1.min.css"><link href="a/palette.2.min.css"><a href="main.1.min.css">x</a>'
    plain = {"main.1.min.css": "main.3.min.css", "palette.2.min.css": "palette.4.min.css"}
    assert rename_links(page, plain) == one_pass(page, plain)
    assert "main.1" not in rename_links(page, plain) and rename_links(page, plain).count("main.3") == 2
    chained = {"main.1.min.css": "palette.2.min.css", "palette.2.min.css": "palette.4.min.css"}
    assert rename_links(page, chained) == one_pass(page, chained)
    nested = {"1.min.css": "5.min.css", "main.1.min.css": "main.6.min.css"}
    assert rename_links(page, nested) == one_pass(page, nested)
    assert rename_links("no stylesheet", plain) == "no stylesheet"
