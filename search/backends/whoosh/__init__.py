"""The Whoosh backend: an on-disk index searched by our own NumPy engine.

Whoosh is imported only inside this package (tests/test_layout.py checks it), and Whoosh's
private API only in `internals`. `backend.WhooshBackend` implements `search.backends.base`.
"""

from search.backends.whoosh.backend import WhooshBackend

__all__ = ["WhooshBackend"]
