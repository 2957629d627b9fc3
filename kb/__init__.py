"""Data layer of the knowledge base: strict YAML loading, models, cross-file checks.

Other hooks import from here, e.g. ``from kb.catalogue import get_catalogue, Catalogue``.
"""
