"""What counts as a cosmetic English edit (kb.cosmetic): each rule, and what must never count."""
from __future__ import annotations

import pytest

from kb.cosmetic import differences

PAGE = """---
title: Our approach
description: How National Societies respond.
---

# Our approach

## Responses {#responses}

What you can do depends on your skills and capacities. Read the "do no harm" principle and
the [Fundamental Principles](principles.md) first.

- first aid and medical support;
- legal aid.

You must refer a person only with their informed consent, within 48 hours.
"""


@pytest.mark.parametrize("old, new", [
    ("skills and capacities.", "skills and\ncapacities."),  # re-wrapping
    ('the "do no harm" principle', "the “do no harm” principle"),  # typographic quotes
    ("skills and capacities.", "skills, and capacities."),  # punctuation
    ("first aid and medical", "First aid and medical"),  # capital letter
    ("informed consent", "infromed consent"),  # two neighbouring letters swapped
    ("capacities", "capacites"),  # one letter
    ("What you can do", "What you can can do"),  # reversed below: a doubled word removed is cosmetic
    ("the [Fundamental Principles]", "the [*Fundamental* Principles]"),  # emphasis
])
def test_cosmetic_edits(old, new):
    assert old in PAGE
    if "can can" in new:  # the fix removes the doubled word
        assert differences(PAGE.replace(old, new), PAGE) == []
    else:
        assert differences(PAGE, PAGE.replace(old, new)) == []


@pytest.mark.parametrize("old, new, reason", [
    ("within 48 hours", "within 24 hours", "numbers changed: 48 became 24"),
    ("(principles.md)", "(safety.md)", "link and image targets changed: principles.md became safety.md"),
    ("You must refer", "You may refer", "'must' became 'may'"),
    ("only with their", "not with their", "'only' became 'not'"),
    ("skills and capacities", "skills and resources", "'capacities' became 'resources'"),
    ("depends on your skills", "depends on your own skills", "words added: 'own'"),
    ("- legal aid.", "- legal aid;\n- cash.", "list items"),
    ("## Responses {#responses}", "## Responses {#answers}", "heading level or anchor changed"),
    ("## Responses {#responses}", "### Responses {#responses}", "heading level or anchor changed"),
    ("first.\n\n- first aid", "first.\n\nA new paragraph.\n\n- first aid", "added paragraph"),
    ("description: How National Societies respond.", "description: How National Societies respond quickly.", "words added: 'quickly'"),
    ("depends on your skills", "depends on your skill", "'skills' became 'skill'"),  # grammar, not spelling
])
def test_more_than_cosmetic(old, new, reason):
    assert old in PAGE
    problems = differences(PAGE, PAGE.replace(old, new))
    assert problems and any(reason in p for p in problems), problems
