"""What the builds of one `hub build` reuse from each other, language after language.

`hub build` runs one MkDocs build per language in one process (`hub.build`). Much of a page is
the same in every language where its text is not translated: the Markdown of a record page's
body is the source text, wrapped as such, in French, Spanish and Portuguese alike. The hooks
reload with every build (MkDocs executes a hook file anew), so what they keep from one build
to the next lives here, in a module that stays loaded.

Everything is keyed by the exact input it was made from (a page's Markdown, not its name): a
translated text is another key, so it can never be given another language's rendering. Only
the previous build's results are kept (two generations): the builds follow one another.
`HUB_LANGUAGE_CACHE=off` turns reuse off (the build test compares both, file by file).
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from typing import Any

_ON: list[bool] = [False]
_CURRENT: dict[Hashable, Any] = {}
_PREVIOUS: dict[Hashable, Any] = {}


def enabled() -> bool:
    return os.environ.get("HUB_LANGUAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")


def begin_build(on: bool) -> None:
    """A new language build starts: what the last one made stays available for this one;
    anything older is dropped. `on` False (one language, the live preview): keep nothing."""
    global _CURRENT, _PREVIOUS
    _ON[0] = on and enabled()
    _PREVIOUS, _CURRENT = (_CURRENT, {}) if _ON[0] else ({}, {})


def active() -> bool:
    return _ON[0]


def get(key: Hashable) -> Any:
    """The value made for `key` in this build or the one before (None: not made)."""
    if not _ON[0]:
        return None
    hit = _CURRENT.get(key)
    if hit is None:
        hit = _PREVIOUS.get(key)
        if hit is not None:
            _CURRENT[key] = hit  # still needed by the next language
    return hit


def put(key: Hashable, value: Any) -> None:
    if _ON[0]:
        _CURRENT[key] = value
