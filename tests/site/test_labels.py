"""The interface translation table is complete."""
from kb.labels import LANGUAGES, labels_for
from sitebuild import ROOT


def test_every_label_has_every_language():
    """Each key of data/labels.yml has a non-empty text in en, fr, es and ar."""
    labels = labels_for(str(ROOT / "mkdocs.yml"))
    assert labels.table, "labels.yml is empty"
    assert labels.missing() == []
    assert all(set(entry) <= set(LANGUAGES) for entry in labels.table.values())
