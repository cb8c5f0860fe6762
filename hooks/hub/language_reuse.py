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

from jinja2 import Environment, nodes
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.compiler import CodeGenerator

_ON: list[bool] = [False]
_CURRENT: dict[Hashable, Any] = {}
_PREVIOUS: dict[Hashable, Any] = {}


def enabled() -> bool:
    return os.environ.get("HUB_LANGUAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")


def begin_build(on: bool, first: bool = False) -> None:
    """A new language build starts: what the last one made stays available for this one;
    anything older is dropped. `first`: the first build of a `hub build` (the source language),
    which reuses nothing of an earlier run in this process (its files may have changed since).
    `on` False (one language, the live preview): keep nothing."""
    global _CURRENT, _PREVIOUS
    _ON[0] = on and enabled()
    _PREVIOUS, _CURRENT = (_CURRENT, {}) if _ON[0] and not first else ({}, {})


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


# --- compiled templates ----------------------------------------------------------------------
# Each build makes its own Jinja environments (MkDocs' theme, the record facts, the notices) and
# each compiles the same templates again: at 300 records a sixth of a four-language build. The
# compiled code is shared through one bytecode cache, keyed by the template's file and source.
# Jinja folds constant expressions at compile time (`{{ 5000 | number }}` becomes the text
# "5,000" in the code), and a filter's result can depend on the build's language: the
# environments that share code fold nothing but literal text, so a template's code is the same
# whatever language compiled it.


class _NeutralCodeGenerator(CodeGenerator):
    def _output_child_to_const(self, node, frame, finalize):  # type: ignore[no-untyped-def]
        if not isinstance(node, (nodes.TemplateData, nodes.Const)):
            raise nodes.Impossible()  # evaluated when rendered, with this build's filters
        return super()._output_child_to_const(node, frame, finalize)


class _SharedCode(BytecodeCache):
    """Compiled templates in memory, for every environment of every build of this process."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], object] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[(bucket.key, bucket.checksum)] = bucket.code


_CODE = _SharedCode()


def share_templates(env: Environment) -> Environment:
    """`env` compiles each template once for all the builds of this process (see above): it must
    be set up before its first template is loaded."""
    env.optimized = False  # Jinja's optimizer folds filters too
    env.code_generator_class = _NeutralCodeGenerator
    env.bytecode_cache = _CODE
    return env
