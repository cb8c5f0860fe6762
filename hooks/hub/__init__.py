"""The hub's data layer: load, validate and index the records, and describe the pages to build.

Nothing in this package imports MkDocs: the hooks in `hooks/*.py` are the only place that
knows about the renderer, so a move to another static-site generator touches only them.
"""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
