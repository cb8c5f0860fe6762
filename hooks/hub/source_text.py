"""Text shown in the source language on a page of another language: marked with its language.

WCAG 3.1.2 (language of parts): where a French page shows a partner's description that is not
translated yet, the description is English and must say so (`lang="en"`), or a screen reader
reads it with French pronunciation. The localised catalogue (`localize.py`) hands the
templates such text as `SourceText`: a `str` that, when a template escapes it (`|e`), wraps
itself in two private-use characters; `mark_languages` turns each pair into
`<span lang="en">...</span>` (or a `<div>` around a block of Markdown), or drops the pair where
an element cannot be (inside a tag, an attribute, `<title>`, `<script>`). So every template
that escapes its data marks source text without knowing about languages, and a value used in
an attribute stays plain.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markupsafe import Markup, escape

OPEN, CLOSE = "\ue000", "\ue001"  # inline text
BLOCK_OPEN, BLOCK_CLOSE = "\ue002", "\ue003"  # a block of Markdown (a <div>)
MARKS = OPEN + CLOSE + BLOCK_OPEN + BLOCK_CLOSE
_ACTIVE: list[bool] = [False]  # on only while pages of a language build are rendered


class SourceText(str):
    """Text in the source language, shown untranslated (see the module's docstring)."""

    def __html__(self) -> str:
        text = str(escape(str(self)))
        return f"{OPEN}{text}{CLOSE}" if _ACTIVE[0] else text


def activate(on: bool) -> None:
    _ACTIVE[0] = on


def active() -> bool:
    return _ACTIVE[0]


def wrap_block(html: str, inline: bool = False) -> Markup:
    """Rendered Markdown of a source text: marked as a whole (`render_markdown`)."""
    if not _ACTIVE[0] or not html:
        return Markup(html)
    return Markup(f"{OPEN}{html}{CLOSE}" if inline else f"{BLOCK_OPEN}{html}{BLOCK_CLOSE}")


_RAW = re.compile(r"<(/?)(title|script|style|textarea)\b", re.I)  # their text is not HTML


def _raw_spans(html: str, end: int) -> tuple[list[int], list[int]]:
    """Where text is not HTML, before `end`: from after `<title`, `<script`, ... to its closing
    tag (or the end), as sorted starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    raw = ""
    for m in _RAW.finditer(html, 0, end):
        name = m.group(2).lower()
        if m.group(1):
            if raw == name:
                raw = ""
                ends.append(m.start())
        elif not raw:
            raw = name
            starts.append(m.end())
    if raw:
        ends.append(len(html))
    return starts, ends


def _marks(html: str) -> list[int]:
    """The positions of the marks, in order (a page has a few: `str.find` is the fastest scan)."""
    out: list[int] = []
    for ch in MARKS:
        at = html.find(ch)
        while at >= 0:
            out.append(at)
            at = html.find(ch, at + 1)
    return sorted(out)


def mark_languages(html: str, lang: str) -> str:
    """Each marked span of `html` as an element with `lang`, or unmarked where no element may be:
    inside a tag (the last `<` or `>` before the mark is a `<`) or in the text of `<title>`,
    `<script>`, `<style>`, `<textarea>`. Only the marks are visited, not every tag of the page."""
    if BLOCK_OPEN in html or BLOCK_CLOSE in html:  # a marker alone in a paragraph (a wrapped page body)
        html = html.replace(f"<p>{BLOCK_OPEN}</p>", BLOCK_OPEN).replace(f"<p>{BLOCK_CLOSE}</p>", BLOCK_CLOSE)
    marks = _marks(html)
    if not marks:
        return html
    starts, ends = _raw_spans(html, marks[-1])
    out: list[str] = []
    at = 0
    depth: list[str] = []  # the marks open where elements may be
    for pos in marks:
        out.append(html[at:pos])
        at = pos + 1
        i = bisect_right(starts, pos) - 1
        if (i >= 0 and pos < ends[i]) or html.rfind("<", 0, pos) > html.rfind(">", 0, pos):
            continue  # dropped
        ch = html[pos]
        if ch == OPEN:
            out.append(f'<span lang="{lang}">')
            depth.append("span")
        elif ch == BLOCK_OPEN:
            out.append(f'<div lang="{lang}">')
            depth.append("div")
        elif depth:
            out.append(f"</{depth.pop()}>")
    out.append(html[at:])
    out.extend(f"</{d}>" for d in reversed(depth))
    return "".join(out)
