"""Placeholders: the values `make new` writes for the contributor to replace.

One rule, shared by the templates (`templates/`) and the validator: a placeholder is text that
contains the marker `(replace` — "(replace)" or "(replace or delete)" — or a web address on
the reserved `.invalid` domain (a URL cannot carry the marker). Every placeholder left in a
record is an error naming its field, so an untouched template can never be published; in a
draft brief it is a warning, so the draft can be previewed while it is written
(tests/unit/test_placeholders.py checks that every template value that must be replaced
follows the rule).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .problems import Problem

MARKER = "(replace"
_BODY_MARKER_RE = re.compile(r"\(replace\b[^)\n]*\)", re.I)


def is_placeholder(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if MARKER in value.lower():
        return True
    if not value.strip().startswith("https://"):
        return False
    host = urlsplit(value.strip()).hostname or ""
    return host == "invalid" or host.endswith(".invalid")


# A string can be a placeholder only if it holds one of these, in any case (a cheap first look;
# is_placeholder decides).
_MAYBE = re.compile(r"\(replace|invalid", re.I)


def may_hold_placeholders(yaml_text: str) -> bool:
    """False when no value read from this YAML text can be a placeholder: the text holds
    neither `(replace` nor `invalid` in any case, and no backslash. Every value is the text's
    own characters (a line break may become a space, never nothing) except where a
    double-quoted escape writes a character (`\\x28`, `\\u0069`, a backslash at the end of a
    line), so without a backslash a value can hold only what the text holds. One search of a
    file in C instead of a walk over every value of every record."""
    if "\\" in yaml_text:
        return True
    if yaml_text.isascii():  # the same answer as `_MAYBE` (on ASCII text only i and I fold to
        low = yaml_text.lower()  # each other), by two substring searches: several times faster
        return "(replace" in low or "invalid" in low
    return _MAYBE.search(yaml_text) is not None


def _walk(data: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(location, value) of each placeholder in `data`, in document order. Run on every value
    of every record, so a plain recursion over the containers only."""
    found: list[tuple[tuple, str]] = []
    maybe = _MAYBE.search

    def visit(items, loc: tuple) -> None:
        for key, value in items:
            if isinstance(value, str):
                if maybe(value) and is_placeholder(value):
                    found.append((loc + (key,), value))
            elif isinstance(value, dict):
                visit(value.items(), loc + (key,))
            elif isinstance(value, list):
                visit(enumerate(value), loc + (key,))

    if isinstance(data, dict):
        visit(data.items(), loc)
    elif isinstance(data, list):
        visit(enumerate(data), loc)
    elif is_placeholder(data):
        found.append((loc, data))
    return found


def placeholder_problems(data: Any, origin: Any, *, draft: bool = False) -> list[Problem]:
    """One problem per placeholder in a record's data (`origin`: a load_records.Origin)."""
    severity = "warning" if draft else "error"
    hint = ("write the real value; a draft may keep placeholders while it is written"
            if draft else "write the real value in place of the template's text")
    out = []
    for loc, value in _walk(data):
        value = " ".join(value.split())
        short = value if len(value) <= 60 else value[:57] + "..."
        out.append(origin.problem(loc, f"still the template's placeholder {short!r}", hint, severity))
    return out


def body_placeholder_problems(body: str, rel: str, first_line: int, *, draft: bool = False) -> list[Problem]:
    """One problem per `(replace ...)` marker left in a brief's Markdown body."""
    out = []
    for m in _BODY_MARKER_RE.finditer(body):
        before = body[:m.start()]
        line = first_line + before.count("\n")
        col = m.start() - (before.rfind("\n") + 1) + 1
        out.append(Problem(rel, line, col, "body", f"still the template's placeholder {m.group(0)!r}",
                           "write the brief's own text here and remove the marker",
                           "warning" if draft else "error"))
    return out
