"""The values of a plain block-style YAML document, read line by line in Python.

libyaml parses a record file in C in a fifth of the time it then takes to hand each of its
events to Python as an object (an event and two marks per value: 450,000 values at 10,000
records). Record files are written in one small part of YAML: `key: value` lines, `- ` items,
plain or quoted one-line values, plain values folded over several lines. This reader takes
exactly that part, one regular expression per line, and gives up (`None`) on anything else:
a tab, a comment after a value, an anchor, a tag, a flow collection other than `[]` and `{}`,
a block scalar (`|`, `>`), a backslash in double quotes, a blank line inside a folded value,
a duplicate key, a line it does not expect. Whatever it gives up on is read by libyaml
(`load_yaml._parse_events`, then the node readers), which also words every error; so this
reader never reports anything, and wherever it gives values, they are those libyaml gives
(tests/unit/test_load_yaml_lines.py compares the two on every corpus and on generated and
mutated documents).
"""

from __future__ import annotations

import re
from typing import Any

# Each line that is neither blank nor a comment: the blank and comment lines just above it (if
# any), its indentation, an optional `- ` (with the spaces after it), an optional key (a plain
# word, then `:` and a space or the end of the line), and the rest. Keys are plain words only:
# quoted, complex, merge (`<<`) and long keys go to libyaml. Indentations are kept as text: a
# run of spaces compares with another as its length does.
# (Possessive: the pattern cannot fail to match a line, and a word is never followed by `:`
# once one of its letters is taken back, so nothing is ever given back.)
_LINES_RE = re.compile(r"(?m)^((?:[ ]*(?:#.*)?\n)+)?( *+)(-(?: ++|$))?+"
                       r"(?:([A-Za-z_][A-Za-z0-9_-]{0,63}+):(?: ++|$))?+(.*)$")
# The same for a text with no blank or comment line (a third faster): its first group is empty.
_PLAIN_LINES_RE = re.compile(r"(?m)^()( *+)(-(?: ++|$))?+"
                             r"(?:([A-Za-z_][A-Za-z0-9_-]{0,63}+):(?: ++|$))?+(.*)$")
_SPACES_RE = re.compile(r"[ \n]*")
# A plain value is read by YAML as exactly its text when it starts with no indicator and holds
# no `: ` or ` #` (nor ends with `:`; trailing spaces are left to `_scalar`).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# Characters that make YAML read a text otherwise than it looks: tab (indentation and
# separation rules), carriage return and the other line breaks YAML knows, byte order mark.
_AWKWARD_RE = re.compile("[\t\r\x85\u2028\u2029\ufeff]")
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])
_MAX_DEPTH = 30

Line = tuple[str, str, str, str, str]  # (blank or comment lines above, indent, dash, key, rest)


class _GiveUp(Exception):
    """Not in the part of YAML read here."""


def parse_lines(text: str) -> Any:
    """The document's values, as `load_yaml._parse_events` builds them, or None (give up).

    `text` must already be known to hold no character that YAML's reader refuses."""
    if text.isascii():
        # (ASCII: one deletion of the control characters, the refused ones and tab and carriage
        # return, instead of two searches; only line feeds may be deleted)
        if len(text.encode().translate(None, _ASCII_CONTROLS)) != len(text) - text.count("\n"):
            return None
    elif _AWKWARD_RE.search(text) is not None:
        return None
    # The comments and blank lines above the first line of data (a file's usual heading) are
    # left out; below it, they are looked for only where they may be.
    body = text[_first_data_line(text):]
    if "#" in body or "\n\n" in body or " \n" in body:
        lines: list[Line] = _LINES_RE.findall(body)
    else:  # (a blank line at the very end is taken off below)
        lines = _PLAIN_LINES_RE.findall(body)
    while lines and not lines[-1][2] and not lines[-1][3] and (
            not lines[-1][4].strip(" ") or lines[-1][4][0] == "#"):
        lines.pop()  # the blank or comment lines at the end (without a line after them)
    if not lines or lines[0][1]:
        return None
    try:
        value, at = _node(lines, 0, "", 0)
    except (_GiveUp, IndexError, RecursionError):
        return None
    return value if at == len(lines) else None


def _first_data_line(text: str) -> int:
    """Where the first line that is neither blank nor a comment starts (the text's length if
    there is none). Only spaces and line feeds are blank here: tabs and other line breaks were
    refused before."""
    at = 0
    while True:
        at = _SPACES_RE.match(text, at).end()
        if at == len(text):
            return at
        if text[at] != "#":
            return text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            return len(text)
        at = end + 1


def _node(lines: list[Line], at: int, indent: str, depth: int) -> tuple[Any, int]:
    """The list or mapping whose first line is `lines[at]`, at `indent`; and the next line."""
    if depth > _MAX_DEPTH:
        raise _GiveUp
    _, _, dash, key, _ = lines[at]
    if dash:
        return _sequence(lines, at, indent, depth)
    if not key:
        raise _GiveUp  # a document that is one value, or a line that is not `key:`
    return _mapping(lines, at, indent, depth)


def _sequence(lines: list[Line], at: int, indent: str, depth: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    end = len(lines)
    while at < end:
        skipped, line_indent, dash, key, rest = lines[at]
        if line_indent != indent or not dash:
            if line_indent > indent:
                raise _GiveUp
            break
        if key:  # `- key: value`: a mapping whose keys line up with this one
            # (the dash and the spaces after it are its indentation: its other keys sit there)
            inner = indent + " " * len(dash)
            lines[at] = (skipped, inner, "", key, rest)
            value, at = _mapping(lines, at, inner, depth + 1)
            out.append(value)
            continue
        if not rest or rest[0] == "#":
            raise _GiveUp  # `-` alone, its value below it
        at += 1
        if (rest[0] not in _INDICATORS and ": " not in rest and " #" not in rest
                and rest[-1] not in ": " and (at == end or lines[at][1] <= indent)):
            out.append(None if len(rest) < 5 and rest in _NULLS else rest)  # (as in `_mapping`)
            continue
        value, at = _scalar(lines, at, rest, indent)
        out.append(value)
    return out, at


def _mapping(lines: list[Line], at: int, indent: str, depth: int) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    end = len(lines)
    indicators, nulls = _INDICATORS, _NULLS
    while at < end:
        _, line_indent, dash, key, rest = lines[at]
        if line_indent != indent or dash or not key:
            if line_indent > indent or (line_indent == indent and not dash):
                raise _GiveUp
            break
        if key in out:
            raise _GiveUp  # a duplicate: libyaml's reader reports it
        at += 1
        if rest:
            if (rest[0] not in indicators and ": " not in rest and " #" not in rest
                    and rest[-1] not in ": " and (at == end or lines[at][1] <= indent)):
                # (the usual line: plain, on one line; a long text is not hashed to look it up)
                out[key] = None if len(rest) < 5 and rest in nulls else rest
            elif rest[0] == "'" and rest[-1] == "'" and len(rest) > 1 and "'" not in rest[1:-1]:
                out[key] = rest[1:-1]  # (the next usual one: quoted, on one line, no '' in it)
            else:
                out[key], at = _scalar(lines, at, rest, indent)
            continue
        # `key:` alone: a list or mapping below it (a list may also start at the key's own
        # column), or nothing (null)
        if at < end:
            _, below, below_dash, _, _ = lines[at]
            if below > indent or (below == indent and below_dash):
                out[key], at = _node(lines, at, below, depth + 1)
                continue
        out[key] = None
    return out, at


def _scalar(lines: list[Line], at: int, rest: str, indent: str) -> tuple[Any, int]:
    """The value that starts with `rest`, on a line of a block at `indent`; a plain value goes
    on over the next lines (from `lines[at]`) that are indented more than `indent`."""
    rest = rest.rstrip(" ")
    first = rest[0]
    if first == "'":
        if len(rest) < 2 or rest[-1] != "'" or "'" in rest[1:-1].replace("''", ""):
            raise _GiveUp  # not closed on this line, or text after the closing quote
        return rest[1:-1].replace("''", "'"), at
    if first == '"':
        if len(rest) < 2 or rest[-1] != '"' or '"' in rest[1:-1] or "\\" in rest:
            raise _GiveUp
        return rest[1:-1], at
    if first == "[" and rest[-1] == "]":
        return _flow_list(rest[1:-1]), at
    if rest == "{}":
        return {}, at
    _plain(rest)
    parts = [rest]
    end = len(lines)
    while at < end:
        skipped, line_indent, dash, key, more = lines[at]
        if line_indent <= indent:
            break
        # A line further in goes on with the value: it must be plain text itself (no `- `, no
        # `key:`, which libyaml reads as a mistake or as something else), right below (a blank
        # line folds into a line break; a comment ends the value)
        if skipped or dash or key:
            raise _GiveUp
        more = more.rstrip(" ")
        _plain(more)
        parts.append(more)
        at += 1
    if len(parts) > 1:
        return " ".join(parts), at
    return (None if rest in _NULLS else rest), at


def _plain(text: str) -> None:
    if text[0] in _INDICATORS or ": " in text or " #" in text or text[-1] == ":":
        raise _GiveUp


def _flow_list(inside: str) -> list[Any]:
    """`[a, 'b', "c"]` on one line: plain or quoted items with no comma, colon, bracket or
    brace in them (a flow list holding anything else goes to libyaml)."""
    if not inside.strip(" "):
        return []
    if any(c in inside for c in ":[]{}#\\&*!|>%@`?"):
        raise _GiveUp
    out: list[Any] = []
    for item in inside.split(","):
        item = item.strip(" ")
        if not item:
            raise _GiveUp  # `[a,, b]`, `[a, ]`: libyaml's reader says what it makes of them
        first = item[0]
        if first == "'" or first == '"':
            if len(item) < 2 or item[-1] != first or "'" in item[1:-1] or '"' in item[1:-1]:
                raise _GiveUp
            out.append(item[1:-1])
        elif first in _INDICATORS or "'" in item or '"' in item:
            raise _GiveUp
        else:
            out.append(None if item in _NULLS else item)
    return out
