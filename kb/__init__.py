"""The knowledge base's logic, as plain Python (no MkDocs import): data loading and checks, the build
context, the marker dispatcher and its handlers, rendering through autoescaped templates.

The MkDocs hooks (hooks/*.py) are thin: they make the context (hooks/kbglue.py) and call in here.
"""
