"""The sections a brief's page generates itself, and body headings that would repeat them.

The page shows the front matter's `recommendations:` and `references:` under their own
headings, and a "Cite this brief" section (overrides/hub/facts/brief.html, brief.html). A body
heading with the same id would show the section twice and give the page two elements with one
id (links to `#recommendations` go to the first). So such a heading is refused, with where to
put its content instead: one heading, whatever the writer does.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from .problems import Problem

# id -> (the page's own heading, where the content belongs instead)
GENERATED = {
    "brief-title": ("the brief's title", "the title comes from `title:` in the front matter"),
    "recommendations": ("Recommendations", "write each recommendation as an item of the "
                        "`recommendations:` list in the front matter; the page shows them under "
                        "their own heading"),
    "references": ("References", "list the sources under `references:` in the front matter; the "
                   "page shows them under their own heading"),
    "cite": ("Cite this brief", "the page adds how to cite the brief by itself"),
}
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


# ASCII characters a slug keeps as they are (lower-case): its others are hyphens for spaces.
_NOT_IN_SLUG = {c: None for c in range(128) if not (chr(c).islower() or chr(c).isdigit() or chr(c) == "_")}
_SIGNATURES: dict[tuple[str, ...], frozenset[str]] = {}


def _signatures(generated: dict[str, tuple[str, str]]) -> frozenset[str]:
    """The ids of `generated` without their hyphens. The slug of an ASCII heading (`slugify`:
    letters, digits and `_` kept in lower case, every other character dropped or, for runs of
    spaces and hyphens, made one hyphen) is one of the ids only if the heading's letters, digits
    and `_`, in lower case, are one of these: other headings need no slug (tests/unit/
    test_validation_fast_paths.py)."""
    ids = tuple(generated)
    found = _SIGNATURES.get(ids)
    if found is None:
        found = _SIGNATURES[ids] = frozenset(k.replace("-", "") for k in ids)
    return found


def _heading_id(text: str) -> tuple[str, str, bool]:
    """(id, text, id given?) of a heading: `{#id}` (attr_list) wins over the slug of its text."""
    m = _ATTR_ID.search(text)
    if m:
        return m.group(1), text[:m.start()].strip(), True
    return slugify(text, "-"), text, False


def duplicate_section_problems(body: str, rel: str, first_line: int,
                               generated: dict[str, tuple[str, str]] | None = None) -> list[Problem]:
    """`generated`: the sections the page makes itself (a brief's, `GENERATED`, by default)."""
    generated = GENERATED if generated is None else generated
    signatures = _signatures(generated)
    out: list[Problem] = []
    lines, fenced = body.split("\n"), False
    for i, line in enumerate(lines):
        first = line[:4].lstrip(" ")[:1]
        if not first or first not in "#=-`~":
            continue  # (neither a fence, a heading nor an underline: the patterns need one first)
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        found = None
        m = _ATX.match(line)
        if m:
            found = (line.index(m.group(2)) + 1, m.group(2))
        elif i > 0 and _SETEXT.match(line) and lines[i - 1].strip() and not _ATX.match(lines[i - 1]):
            if not (line.lstrip().startswith("-") and lines[i - 1].lstrip().startswith(("-", "*", "+"))):
                found = (len(lines[i - 1]) - len(lines[i - 1].lstrip()) + 1, lines[i - 1].strip())
                i -= 1
        if not found:
            continue
        col, text = found
        if "{" not in text and text.isascii() and text.lower().translate(_NOT_IN_SLUG) not in signatures:
            continue  # (its slug cannot be one of the ids: see `_signatures`)
        hid, title, given = _heading_id(text)
        # Ids of the theme's own elements (`__config`, ...): text_guards.theme_id_problems says so.
        if hid in generated:
            shown, hint = generated[hid]
            what = f"takes the id {hid!r} of" if given else "repeats"
            out.append(Problem(rel, first_line + i, col, "body",
                               f"the heading {title!r} {what} a section the page already has "
                               f"({shown!r})", f"remove this heading; {hint}"))
    return out
