"""Plain words for the YAML mistakes a contributor makes most, where PyYAML's own words
("expected <block end>, but found '?'", "could not find expected ':'") mislead.

Given the parser's error and the text, `explain` returns the line, column, message and hint
to show, or None to keep the general message (`load_yaml._syntax_problem`).
"""

from __future__ import annotations

import re

_KEY_LINE = re.compile(r"^(\s*)(?:- +)?([A-Za-z_][\w-]*):(?:\s+(.*))?$")
_BLOCK = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _owner(lines: list[str], row: int) -> tuple[int, str, str] | None:
    """The nearest `field:` line above `row`: (its indentation, field name, value after it)."""
    for i in range(row - 1, -1, -1):
        text = lines[i]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        m = _KEY_LINE.match(text.rstrip())
        if m:
            return len(m.group(1)), m.group(2), (m.group(3) or "").strip()
    return None


def explain(exc: object, text: str) -> tuple[int, int, str, str] | None:
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    lines = text.split("\n")

    if problem.startswith("expected <block end>, but found '?'") and mark is not None:
        row, col = mark.line, mark.column
        line = lines[row] if row < len(lines) else ""
        if col == 0 and any(ln.startswith("- ") for ln in lines[:row]):
            return (row + 1, 1, "this line starts at the left margin, so it belongs to no record",
                    "a new record starts with `- ` (e.g. `- id: ...`); a field of the record above "
                    "is indented by two spaces, like its other fields")
        if line.strip():
            return (row + 1, col + 1, "this field is indented less than the fields of its group",
                    "indent it by the same number of spaces as the fields around it")
    if problem.startswith("expected <block end>, but found '<block mapping start>'") and mark is not None:
        return (mark.line + 1, mark.column + 1,
                "this line is indented differently from the fields around it",
                "indent each field of a record by two spaces, like its other fields (spaces only)")
    if problem.startswith("could not find expected ':'") and "simple key" in context and start is not None:
        row, col = start.line, start.column
        owner = _owner(lines, row)
        if owner is not None and owner[0] >= _indent(lines[row]):
            depth, field, value = owner
            if _BLOCK.match(value) or not value:
                return (row + 1, col + 1,
                        f"this line is not indented enough to be part of the text of `{field}:`",
                        f"indent every line of the text by {depth + 2} spaces, two more than `{field}:`")
            return (row + 1, col + 1, "this line is neither a `field: value` line nor indented as text",
                    f"if it continues the text of `{field}:`, write `{field}: |` and indent the text "
                    f"below it by {depth + 2} spaces; if it is a field, add `:` after its name")
    return None
