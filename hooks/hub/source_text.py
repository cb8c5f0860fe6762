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


# --- titles the theme shows (navigation, header, footer) ---------------------------------------

_ELLIPSIS = 'class="md-ellipsis"'
_ELLIPSIS_TEXT = re.compile(r'class="md-ellipsis"(?=>([^<]*)</)')
_LAST_PATTERN: list = [None]  # (titles, pattern) of the general way, for the next page


def mark_titles(html: str, titles: set[str], lang: str) -> str:
    """Each `md-ellipsis` element (Material's titles) whose text, spaces around it aside, is one
    of `titles`, marked `lang="<lang>"`. Each record page has its own title: the text of each
    element is looked up in the set instead of compiling a pattern of the titles for each page
    (`title_pattern`, still used when a title holds markup; the same output)."""
    if not titles:
        return html
    if any("<" in t or _ELLIPSIS in t for t in titles):
        return title_pattern(titles).sub(rf'\1 lang="{lang}"\2', html)
    padded = any(t != t.strip() for t in titles)
    out: list[str] = []
    last, mark = 0, f' lang="{lang}"'
    for m in _ELLIPSIS_TEXT.finditer(html):
        if _is_title(m.group(1), titles, padded):
            out += (html[last:m.end()], mark)
            last = m.end()
    return "".join(out) + html[last:] if out else html


def title_pattern(titles: set[str]) -> re.Pattern[str]:
    """`class="md-ellipsis">` followed by one of `titles` between spaces and the element's end."""
    key = frozenset(titles)
    if _LAST_PATTERN[0] is None or _LAST_PATTERN[0][0] != key:
        alts = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        _LAST_PATTERN[0] = (key, re.compile(rf'(class="md-ellipsis")(>\s*(?:{alts})\s*</)'))
    return _LAST_PATTERN[0][1]


def _is_title(text: str, titles: set[str], padded: bool) -> bool:
    """`text` is a title with spaces before and after it (as `\\s*title\\s*` matches); `padded`:
    some title itself begins or ends with a space."""
    body = text.strip()
    if body in titles:
        return True
    if not padded:
        return False
    lead = len(text) - len(text.lstrip())
    end = lead + len(body)
    return any(text[i:j] in titles for i in range(lead + 1) for j in range(end if body else i, len(text) + 1))
