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
  `md_text` writes (member bios) become the character (an escaped `*` is never emphasis).

`page_body` extends the page shortcut to the commonest page bodies that are not plain prose
(briefs, exchange stories, module notes): `## headings` and tight lists between paragraphs. It
gives what MkDocs needs besides the HTML (the table of contents, the anchors, the permalinks'
links) and what `sanitise_page` makes of it; tests/unit/test_page_markdown.py compares all of it
with MkDocs' own `Page.render` over generated bodies, the sample's, a synthetic hub's and the
hostile-input corpus's texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from markdown.extensions import toc

# The Markdown extensions of a page body that the differential test checks (the repo's
# mkdocs.yml): none of them reacts to plain prose. A hub whose mkdocs.yml adds another one
# (smarty, magiclink, emoji, nl2br, ...) could change that prose, so its page bodies take
# the full path (`page_shortcut`; MkDocs adds toc, tables and fenced_code itself).
PAGE_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list",
                             "footnotes", "pymdownx.details", "pymdownx.superfences"})


# Settings that only change headings or the table of contents drawn at a marker: plain prose
# (no heading, no marker) comes out the same whatever they are. Any other setting may change
# prose (abbr's `glossary` marks words in every paragraph; toc's `marker` turns a paragraph of
# its text into a table of contents), so a hub that sets one gets MkDocs' own rendering.
PROSE_NEUTRAL = {"toc": frozenset({"permalink", "permalink_title", "permalink_class", "permalink_leading",
                                   "anchorlink", "anchorlink_class", "baselevel", "slugify", "separator",
                                   "toc_depth", "title", "title_class", "toc_class"})}


def page_shortcut(extensions: list, configs: dict | None = None) -> bool:
    """Whether `plain_html(text, smart=False)` is what MkDocs makes of a page body with these
    Markdown extensions and their settings (mkdocs.yml `markdown_extensions`, `mdx_configs`)."""
    if not all(isinstance(e, str) and e in PAGE_EXTENSIONS for e in extensions):
        return False
    return all(isinstance(settings, dict) and set(settings) <= PROSE_NEUTRAL.get(name, frozenset())
               for name, settings in (configs or {}).items() if settings)

# Non-ASCII characters let through besides letters and digits: Latin-1 and general
# punctuation, arrows. Not U+00A0 (nh3 writes `&nbsp;`), U+00AD (soft hyphen), nor the
# zero-width, bidi and line/paragraph separator characters of U+200B-U+200F, U+2028-U+202F,
# U+205F-U+206F.
_PUNCT = "\u00a1-\u00ac\u00ae-\u00bf\u2010-\u2027\u2030-\u205e\u2190-\u21ff"
_LETTER = r"[^\W\d_]"  # a letter (any script); \w without digits and underscore
_COMMON = rf"[^\W_]|[ ,;:?!()/%$@{_PUNCT}]|&(?= )"
_SMART_CHAR = rf"{_COMMON}|\.(?!\.)|-(?!-)|\n|(?<={_LETTER})'(?!\d)"
_PAGE_CHAR = rf"""{_COMMON}|[.\-'"\n\ue002\ue003]|\\[`_{{}}\[\]()#+\-.!>*\\]"""


def _text(char: str) -> re.Pattern[str]:
    """Characters, and `**strong**` or `*emphasis*` around some of them: the content starts
    and ends with neither a space nor an asterisk, holds no asterisk, and the asterisks
    touch no other asterisk."""
    emphasis = rf"(?<!\*)(\*\*?)(?=[^\s*])(?:(?!\n\n)(?:{char}))+?(?<=[^\s*])\1(?!\*)"
    return re.compile(rf"(?:{char}|{emphasis})*")


_SMART_TEXT, _PAGE_TEXT = _text(_SMART_CHAR), _text(_PAGE_CHAR)
# Most page text needs no more than this: runs of one class, with none of `_`, `*` and `&` (whose
# rules need the alternatives above), and the escapes that md_text writes. Each character of the
# class and each escape is one `_PAGE_CHAR`, so a text it matches, `_PAGE_TEXT` matches too; it
# only answers sooner (a class is much quicker to match than an alternative per character).
# Possessive: no backtracking into the runs (which would be exponential on a text it refuses).
_PAGE_SIMPLE = re.compile(rf"""(?:[\w ,;:?!()/%$@{_PUNCT}.\-'"\n\ue002\ue003]++"""
                          r"""|\\[`_{}\[\]()#+\-.!>*\\])*+""")


def _page_text(text: str) -> bool:
    """Whether `text` is characters of the page rule and emphasis (`_PAGE_TEXT`)."""
    if "_" not in text and _PAGE_SIMPLE.fullmatch(text) is not None:
        return True
    return _PAGE_TEXT.fullmatch(text) is not None
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
    return "\n".join(f"<p>{p}</p>" for p in _PARAGRAPHS.split(_emphasis(body)))


# An escaped `*` or `\` is a character, never emphasis: as Python-Markdown, which swaps escapes
# for placeholders before its inline patterns, masked until the emphasis is done (the page rule
# lets neither control character through).
_MASKS = {"*": "\x02", "\\": "\x03"}


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
    if _PAGE_BAD_START.search(body) or not _page_text(body):  # a heading fails at once
        return None
    return "\n".join(f"<p>{p}</p>" for p in _PARAGRAPHS.split(_page_markup(body)))


def _page_markup(body: str) -> str:
    """The inline HTML of page text that passed the page rule (escapes, `&`, `>`, emphasis)."""
    if "\\" not in body:
        return _emphasis(body.replace("&", "&amp;").replace(">", "&gt;"))
    body = _ESCAPE.sub(lambda m: _MASKS.get(m[1], m[1]), body)
    html = _emphasis(body.replace("&", "&amp;").replace(">", "&gt;"))
    return html.replace("\x02", "*").replace("\x03", "\\")


def _emphasis(body: str) -> str:
    if "*" in body:
        body = _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", body))
    return body


# --- page bodies with headings and lists ------------------------------------------------------
# Briefs, exchange stories and module notes are mostly `## headings` and lists between paragraphs
# of plain prose. With mkdocs.yml's `toc: permalink: true` (and nothing else configured), Python-
# Markdown gives each heading an id made by the toc extension's own slugify and unique (called
# here), and a permalink after its text. A heading is taken only when it is a block of its own
# (blank lines around it), of level 2 to 6 (a first `#` heading would be the page's title), and
# of characters that no inline rule touches. A list is taken when it is a block of its own, not
# right after another list (Python-Markdown would join the two into one loose list), with no blank
# line inside (a tight list: no paragraphs in its items), every item marked by `-`, `*`, `+` or,
# in an ordered list, digits and `.`, then one space; a line that is not an item continues the
# item before it when it is indented by at most three spaces and starts as a paragraph line may.
_HEAD_CHAR = rf"""[^\W_]|[ ,;:?!()/%$@{_PUNCT}]|&(?= )|[.\-'"]"""
_HEADING = re.compile(rf"(#{{2,6}}) (?! )((?:{_HEAD_CHAR})+)")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*|_[0-9]+")  # never `__`: the theme's ids (sanitise_page)
_ITEM = re.compile(r"(?:([-*+])|\d+\.) (?! )")
TOC_CONFIG = {"permalink": True}


def heading_shortcut(configs: dict | None) -> bool:
    """Whether `page_body`'s headings, lists and prose are what MkDocs makes of them with these
    extension configs (mkdocs.yml `mdx_configs`): none but the toc extension's, `permalink: true`."""
    return dict(configs or {}) == {"toc": TOC_CONFIG}


@dataclass(frozen=True)
class PageBody:
    """A page body as MkDocs' Markdown converter renders it: `html` (page.content), `clean` (what
    `sanitise_page` makes of it), `toc_tokens` (the toc extension's `md.toc_tokens`, nested) and
    `ids` (the headings' ids, in order: the page's anchors, and its links to them)."""
    html: str
    clean: str
    toc_tokens: list = field(default_factory=list)
    ids: tuple[str, ...] = ()


def page_body(text: str, headings: bool = True) -> PageBody | None:
    """The rendering of a page body of plain prose and (with `headings`) headings and lists; None
    when it holds anything else."""
    plain = plain_html(text, smart=False)
    if plain is not None or not headings:
        return None if plain is None else PageBody(plain, plain)
    body = text.strip("\n")
    if not body or body[-1] == " " or " \n" in body:  # a line break (`  \n`), a line of spaces
        return None
    html: list[str] = []
    clean: list[str] = []
    tokens: list[dict] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    after_list = False
    for block in _PARAGRAPHS.split(body):
        heading = _HEADING.fullmatch(block)
        if heading is not None:
            level, inner = len(heading[1]), heading[2].replace("&", "&amp;")
            name = toc.strip_tags(inner)
            anchor = toc.unique(toc.slugify(unescape(name), "-"), used, counters)
            if _ID.fullmatch(anchor) is None:
                return None
            head = (f'<h{level} id="{anchor}">{inner}'
                    f'<a class="headerlink" href="#{anchor}" title="Permanent link">')
            html.append(f"{head}&para;</a></h{level}>")
            clean.append(f"{head}\u00b6</a></h{level}>")
            tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
            after_list = False
            continue
        if after_list or (item := _ITEM.match(block)) is None:
            part = plain_html(block, smart=False)
            after_list = False
        else:
            part = _list(block, ordered=item[1] is None)
            after_list = True
        if not part:  # not plain prose, or only white space (such as U+2029)
            return None
        html.append(part)
        clean.append(part)
    ids = tuple(t["id"] for t in tokens)
    return PageBody("\n".join(html), "\n".join(clean), toc.nest_toc_tokens(tokens), ids)


def _list(block: str, ordered: bool) -> str | None:
    items: list[str] = []
    for line in block.split("\n"):
        item = _ITEM.match(line)
        if item is not None:
            if (item[1] is None) != ordered:
                return None
            items.append(line[item.end():])
        elif len(line) - len(line.lstrip(" ")) > 3:
            return None
        else:
            items[-1] += "\n" + line
    html = []
    for text in items:
        if "\n" in text:
            first, *rest = text.split("\n")
            start = "\n".join([first, *(line.lstrip(" ") for line in rest)])  # where each line starts
        else:
            start = text
        if _PAGE_BAD_START.search(start) or not _page_text(text):
            return None
        html.append(f"<li>{_page_markup(text)}</li>")
    tag = "ol" if ordered else "ul"
    return f"<{tag}>\n" + "\n".join(html) + f"\n</{tag}>"
