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


_TOKEN = re.compile(r"<(/?)(title|script|style|textarea)\b|[<>" + MARKS + "]", re.I)
_P_BLOCK = re.compile(f"<p>([{BLOCK_OPEN}{BLOCK_CLOSE}])</p>")


def mark_languages(html: str, lang: str) -> str:
    """Each marked span of `html` as an element with `lang`, or unmarked where no element may be."""
    if not any(m in html for m in MARKS):
        return html
    html = _P_BLOCK.sub(r"\1", html)  # a marker alone in a paragraph (a wrapped page body)
    out: list[str] = []
    at, in_tag, raw = 0, False, ""
    depth: list[str] = []  # the marks open where elements may be
    for m in _TOKEN.finditer(html):
        ch = m.group(0)
        if m.group(2):  # <title>, </script>, ...: text in them is not HTML
            name = m.group(2).lower()
            if m.group(1) and raw == name:
                raw = ""
            elif not m.group(1) and not raw:
                raw = name
            in_tag = True
            continue
        if ch == "<":
            if not raw:
                in_tag = True
            continue
        if ch == ">":
            in_tag = False
            continue
        out.append(html[at:m.start()])
        at = m.end()
        if in_tag or raw:
            continue  # dropped
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
