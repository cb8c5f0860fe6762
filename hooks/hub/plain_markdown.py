"""Plain prose to HTML without Python-Markdown: exactly what the full converters make of it.

Most record texts are paragraphs of ordinary prose (words, digits, commas, full stops, colons,
hyphens, parentheses, apostrophes) that no Markdown rule or extension reacts to except the
paragraph rule and, in `render_markdown`, smarty's apostrophe. For such a text, `plain_html`
gives the final, already sanitised HTML directly; for anything else it returns None and the
caller runs the full converter. The whitelist is conservative on purpose: a character or line
start is only let through when the differential test (tests/unit/test_plain_markdown.py, many
thousands of generated texts and every text of the sample records) shows the same output as
the full path.

- `smart=True`: `render_markdown`'s converter (abbr, attr_list, def_list, sane_lists, smarty),
  then nh3. An apostrophe right after a letter and not before a digit is smarty's closing quote.
- `smart=False`: MkDocs' converter with mkdocs.yml's extensions (no smarty), then
  `sanitise_page`: quotes, dashes and dots stay as typed, and the backslash escapes that
  `md_text` writes (member bios) become the character (not a backslash before `*` or
  another backslash: a text with either takes the full path).
"""

from __future__ import annotations

import re

# The Markdown extensions of a page body that the differential test checks (the repo's
# mkdocs.yml): none of them reacts to plain prose. A hub whose mkdocs.yml adds another one
# (smarty, magiclink, emoji, nl2br, ...) could change that prose, so its page bodies take
# the full path (`page_shortcut`; MkDocs adds toc, tables and fenced_code itself).
PAGE_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list",
                             "footnotes", "pymdownx.details", "pymdownx.superfences"})


def page_shortcut(extensions: list) -> bool:
    """Whether `plain_html(text, smart=False)` is what MkDocs makes of a page body with these
    Markdown extensions (mkdocs.yml `markdown_extensions`)."""
    return all(isinstance(e, str) and e in PAGE_EXTENSIONS for e in extensions)

# Non-ASCII characters let through besides letters and digits: Latin-1 and general
# punctuation, arrows. Not U+00A0 (nh3 writes `&nbsp;`), U+00AD (soft hyphen), nor the
# zero-width, bidi and line/paragraph separator characters of U+200B-U+200F, U+2028-U+202F,
# U+205F-U+206F.
_PUNCT = "\u00a1-\u00ac\u00ae-\u00bf\u2010-\u2027\u2030-\u205e\u2190-\u21ff"
_LETTER = r"[^\W\d_]"  # a letter (any script); \w without digits and underscore
_COMMON = rf"[^\W_]|[ ,;:?!()/%$@{_PUNCT}]|&(?= )"
_SMART_CHAR = rf"{_COMMON}|\.(?!\.)|-(?!-)|\n|(?<={_LETTER})'(?!\d)"
_PAGE_CHAR = rf"""{_COMMON}|[.\-'"\n\ue002\ue003]|\\[`_{{}}\[\]()#+\-.!>]"""


def _text(char: str) -> re.Pattern[str]:
    """Characters, and `**strong**` or `*emphasis*` around some of them: the content starts
    and ends with neither a space nor an asterisk, holds no asterisk, and the asterisks
    touch no other asterisk."""
    emphasis = rf"(?<!\*)(\*\*?)(?=[^\s*])(?:(?!\n\n)(?:{char}))+?(?<=[^\s*])\1(?!\*)"
    return re.compile(rf"(?:{char}|{emphasis})*")


_SMART_TEXT, _PAGE_TEXT = _text(_SMART_CHAR), _text(_PAGE_CHAR)
# A line (after a line break, or the text's first) that does not start with a letter, `(`, an
# asterisk before a non-space (emphasis, not a list item), or digits followed by something
# other than `.`, `)` or a digit: lists, headings, quotes, definitions... An empty line is fine
# (a paragraph break). Page texts may also start with an escape or a language mark.
_START = rf"[\n(]|{_LETTER}|\*\*?[^\s*]|\d+[^\d.)\n]"
_SMART_BAD_START = re.compile(rf"(?:^|\n)(?!{_START})")
_PAGE_BAD_START = re.compile(rf"(?:^|\n)(?!{_START}|[\\\ue002\ue003])")
_STRONG = re.compile(r"\*\*(.+?)\*\*", re.S)
_EM = re.compile(r"\*(.+?)\*", re.S)
_PARAGRAPHS = re.compile(r"\n\n+")
_ESCAPE = re.compile(r"\\(.)")


def _paragraphs(body: str) -> str:
    if "*" in body:
        body = _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", body))
    return "\n".join(f"<p>{p}</p>" for p in _PARAGRAPHS.split(body))


def plain_html(text: str, smart: bool) -> str | None:
    """The sanitised HTML of `text`, or None when it is not provably plain prose."""
    if not text.strip():
        return ""  # as Python-Markdown's first line
    body = text.strip("\n")
    if not body or body[0] == " " or body[-1] == " " or " \n" in body or "\n " in body:
        return None
    if smart:
        if _SMART_BAD_START.search(body) or _SMART_TEXT.fullmatch(body) is None:
            return None
        return _paragraphs(body.replace("&", "&amp;").replace("'", "\u2019"))
    if _PAGE_BAD_START.search(body) or _PAGE_TEXT.fullmatch(body) is None:  # a heading fails at once
        return None
    if "\\" in body:
        body = _ESCAPE.sub(r"\1", body)
    return _paragraphs(body.replace("&", "&amp;").replace(">", "&gt;"))
