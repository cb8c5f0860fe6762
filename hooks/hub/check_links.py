"""Check every internal link and anchor of a built site, and that no page gives one id to two
elements (a link to it would find only the first).

MkDocs checks the links written in Markdown; the templates write many more (listings, record
pages, navigation, the theme's own assets). Every HTML file of the site is read: every relative
`href`/`src` must resolve to a file of the site (a directory URL means its `index.html`) and
every `#fragment` to an id of the target page. External links (a scheme or `//host`) are not
followed: the build must not need a network.

Two ways in, one verdict:

* `make build` (`python -m hub build`) hands each page to a `LinkIndex` while it is still in
  memory (hooks/links.py, after every other hook has changed it), then checks the links once
  the whole site is written (every language, when a build per language writes into one
  folder); files the build wrote without rendering them (HTML copied from `content/`) are
  read from disk then.
* `check_site(folder)` (`python -m hub check-links site/`) reads every HTML file from disk.

A page is read by `read_page`: one regular expression steps over text, comments, end tags,
scripts and every start tag without a link or an id; only the tags that have one are taken
apart, with the standard library's own `html.parser` patterns, so the ids and links found are
those `html.parser` finds (tests/quality/test_link_checker_equivalence.py compares both on
whole sites and on odd markup). Markup that the fast reader does not handle the same way (an
unclosed comment or tag, `<?`, `<![`) is read by `html.parser` itself (`_PageParser`).
Most of a page is Material's frame (head, header, sidebar, footer), the same on every page of
a folder: a page is cut at the frame's landmarks (`_CUTS`) and a piece met before is not read
again (`_read_pieces`; the piece met last at a place is tried first); the other pieces are
read token by token (`_read_tokens`: one `findall`, each distinct tag judged once, the commonest
by one regular expression), or by the fast reader when a token needs it. What the verdict keeps
of a page is its ids and the distinct links of its pieces met on other pages and of the rest of
the page, without lines (`LinkIndex`): a piece's links are judged once per folder
(`_Resolver.page_verdict`), a plain path down from a folder without `urlsplit` and `normpath`,
and the lines of a broken link or a repeated id are found by reading that page again.
tests/quality/test_link_checker_fast_paths.py compares each short cut with html.parser.
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from collections import namedtuple
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that hold a URL the browser loads or follows.
URL_ATTRS = {"href", "src", "action", "poster", "data"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the HTML file, relative to the site
    line: int
    url: str
    reason: str

    def format(self) -> str:
        return f"{self.page}:{self.line}: {self.url!r}: {self.reason}"


class PageRefs:
    """The ids and links of one page, as `html.parser` sees them."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, url as written)
        self.first_line: dict[str, int] = {}  # id -> line of its first element
        self.duplicates: list[tuple[int, str]] = []  # (line, id) of each repeated id

    def tag(self, tag: str, attrs: list[tuple[str, str | None]], line: int) -> None:
        self.apply(_effects(tag, attrs), line)

    def apply(self, effects: tuple[tuple[int, str], ...], line: int) -> None:
        for kind, value in effects:
            if kind == _ID:
                if value in self.first_line:
                    self.duplicates.append((line, value))
                self.first_line.setdefault(value, line)
                self.ids.add(value)
            elif kind == _ANCHOR_NAME:
                self.ids.add(value)
            else:
                self.links.append((line, value))


_ID, _ANCHOR_NAME, _LINK = 0, 1, 2


def _effects(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[tuple[int, str], ...]:
    """What one start tag adds to its page: ids, `<a name>` anchors and links, in order."""
    out: list[tuple[int, str]] = []
    for name, value in attrs:
        if value is None:
            continue
        if name == "id":
            out.append((_ID, value))
        elif name == "name" and tag == "a":
            out.append((_ANCHOR_NAME, value))
        elif name in URL_ATTRS and not (tag == "link" and ("rel", "canonical") in attrs):
            out.append((_LINK, value))
        elif name == "srcset":
            out.extend((_LINK, part.split()[0]) for part in value.split(",") if part.strip())
    return tuple(out)


class _PageParser(HTMLParser):
    """The reference reader (the standard library's parser); used for unusual markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs = PageRefs()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs.tag(tag, attrs, self.getpos()[0])

    handle_startendtag = handle_starttag


def _parse_reference(text: str) -> PageRefs:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser.refs


# --- the fast reader ----------------------------------------------------------------------------
# html.parser's `locatestarttagend_tolerant` (where a start tag ends), with `{names}` standing
# for the attribute names it accepts.
_LOCATE = (r"<{tag}[a-zA-Z][^\t\n\r\f />\x00]*"
           r"(?:[\s/]*"
           r"(?:(?<=['\"\s/]){names}[^\s/=>]*"
           r"(?:\s*=+\s*(?:'[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*)\s*)?(?:\s|/(?!>))*"
           r")*)?\s*")
# A start tag none of whose attributes is one of these (followed by `=`) holds no link and no id.
_NAMES = r"(?:id|name|href|src|action|poster|data|srcset)"
# Such a tag, not <script>/<style> (their content is not markup), ending where html.parser ends
# it (an atomic group: no other way to split it), with the `>` or `/>` of a whole tag.
_PLAIN_TAG = "(?>" + _LOCATE.format(tag=r"(?!(?i:script|style)(?:[\t\n\r\f />\x00]|$))",
                                    names=r"(?!(?i:" + _NAMES + r")\s*=)[^\s/>]") + ")/?>"
_SKIP = (r"(?:[^<]+"                 # text
         r"|<!--.*?--\s*>"           # a comment (html.parser: `--\s*>` closes it)
         r"|</[^>]*>"                # an end tag: up to the first `>`, as html.parser reads it
         r"|<!(?!--|\[)[^>]*>"       # <!doctype ...>, a bogus comment
         r"|" + _PLAIN_TAG +
         r"|<(?![a-zA-Z!/?]))")      # a `<` that starts nothing: text
# From `pos`: skip all of the above, then stop at a whole start tag to take apart, at something
# unusual (an unclosed comment or tag, `<?`, `<![`), or at the end.
_SCAN = re.compile(r"(?>" + _SKIP + r"*)(?:(?P<tag>(?>" + _LOCATE.format(tag="", names=r"[^\s/>]")
                   + r")/?>)|(?P<odd><)|\Z)", re.S)
_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")
_CDATA_END = {"script": re.compile(r"</\s*script\s*>", re.I), "style": re.compile(r"</\s*style\s*>", re.I)}
_UNUSUAL = None  # a tag html.parser reads as text


def _take_apart(tag_text: str):
    """(tag name, effects) of one whole start tag, as `HTMLParser.parse_starttag` reads it;
    _UNUSUAL when it would read it as text."""
    attrs: list[tuple[str, str | None]] = []
    k = tagfind_tolerant.match(tag_text, 1).end()
    endpos = len(tag_text)
    while k < endpos:
        a = attrfind_tolerant.match(tag_text, k)
        if not a:
            break
        name, rest, value = a.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = a.end()
    end = tag_text[k:].strip()
    if end not in (">", "/>"):
        return _UNUSUAL
    tag = _NAME.match(tag_text).group(1).lower()
    cdata = _CDATA_END.get(tag) if end == ">" else None  # its content is text, up to its end tag
    return tag, _effects(tag, attrs), cdata


def _read_fast(text: str, cache: dict, refs=None, line: int = 1):
    """The page's ids and links, or None when its markup is unusual (the caller then uses
    html.parser). `cache`: tag text -> what it adds (the same tags recur on every page).
    `refs` (anything with `apply(effects, line)`) and `line` (the line `text` starts on): for
    reading one piece of a page (`_read_piece`)."""
    refs = PageRefs() if refs is None else refs
    pos, counted = 0, 0
    scan, get = _SCAN.match, cache.get
    while True:
        m = scan(text, pos)
        tag_text = m.group("tag")
        if tag_text is None:
            return None if m.group("odd") is not None else refs
        parsed = get(tag_text, cache)
        if parsed is cache:
            parsed = cache[tag_text] = _take_apart(tag_text)
        if parsed is _UNUSUAL:
            return None
        pos = m.end()
        _, effects, cdata = parsed
        if effects:
            i = m.start("tag")
            line += text.count("\n", counted, i)
            counted = i
            refs.apply(effects, line)
        if cdata is not None:
            close = cdata.search(text, pos)
            if close is None:
                return None
            pos = close.end()


# --- the token reader: most pieces, at the speed of one `findall` -------------------------------
# A piece is split into tokens, each from a `<` up to the first `>` (or the end of the piece),
# the next starting at the next `<` (`_TOKEN`); `findall` steps over text, over bare tags (`<p>`;
# not `<script>` or `<style>`, whose text is not markup) and end tags, and takes a <script> or
# <style> whose text holds no `<` whole. A token is judged once (`_judge`, remembered by its
# text) as the fast reader reads it on its own, and a start tag only when the fast reader would
# end it at that same `>` whatever follows (`_FAST`, `_STRICT`, `_ends_here`). Comments, other
# scripts and styles and anything unusual are left to the fast reader (the whole piece).
_SP = r"[ \t\n\r\f]"
_TOKENS = ("tokens",)  # the key of the judged tokens in a reader's cache
_REFUSED = None  # a token left to the fast reader
_LOCATE_BOTH = tuple(re.compile("(?>" + _LOCATE.format(tag="", names=names) + ")")  # _SCAN's tag, _PLAIN_TAG
                     for names in (r"[^\s/>]", r"(?!(?i:" + _NAMES + r")\s*=)[^\s/>]"))


def _ends_here(token: str) -> bool:
    """Whether a start tag that ends at the `>` ending `token` alone ends there in any page (as
    the fast reader's two ways to end a tag end it): only a quoted value could take the reading
    past that `>`, and then it does with the quotes closed right after it, too."""
    ext = token + "'\""
    return all(locate.match(token).end() == locate.match(ext).end() for locate in _LOCATE_BOTH)


# A start tag in the plainest form: every attribute a plain name with a double-quoted value or
# none, spaces between them, no `<` or `>` inside: html.parser reads it to its `>` whatever
# follows, and its attributes as `_ATTR` finds them (`_STRICT`). `_PLAIN_ATTR`: such an
# attribute that cannot hold a link or an id.
_NOT_CDATA = r"(?!(?i:script|style)[ \t\n\r\f/>])"  # not <script>, <style> (their text is not markup)
_PLAIN_ATTR = (_SP + r"++(?!(?i:" + _NAMES + r")" + _SP + r"*+=)[a-zA-Z_:][-a-zA-Z0-9_:.]*+"
               r"(?:=\"[^\"<>]*+\")?+")
_STRICT = re.compile(r"<" + _NOT_CDATA + r"([a-zA-Z][a-zA-Z0-9-]*)((?:" + _SP
                     + r"+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>]*\")?)*)" + _SP + r"*/?>")
_ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(=\"([^\"<>]*)\")?")
# The commonest tags, each read by one regular expression: `_FAST`, the plainest form with at
# most one attribute that holds something, an `id`, `href` or `src` whose value has no `&`
# (nothing to unescape): `<span class="x">`, `<a href="../x/">`, `<h2 id="y">` (a <link> with
# an href is left to `_STRICT`: `rel="canonical"` makes its href no link); `_META`, a <meta>
# whose attributes are plain or `name` (a name is an anchor only on <a>); and the canonical
# link in its plainest form.
# (A double-quoted value holds anything but `"`, as html.parser reads it; `[^"]` is quicker to
# step over than `[^"<>]`.)
_QUOTED_ATTR = _PLAIN_ATTR.replace(r'[^\"<>]*+', r'[^\"]*+')
_FAST = re.compile("<" + _NOT_CDATA + r"([a-zA-Z][a-zA-Z0-9-]*+)(?:" + _QUOTED_ATTR + ")*+(?:" + _SP
                   + r"++(?i:(id)|href|src)=\"([^\"&]*+)\"(?:" + _QUOTED_ATTR + ")*+)?+" + _SP + r"*+/?>")
_META = re.compile(r"<(?i:meta)(?:" + _SP + r"++(?:(?i:name)(?![-a-zA-Z0-9_:.])|(?!(?i:" + _NAMES + r")" + _SP
                   + r"*+=)[a-zA-Z_:][-a-zA-Z0-9_:.]*+)(?:=\"[^\"]*+\")?+)*+" + _SP + r"*+/?>")
_CANONICAL = re.compile(r"<link rel=\"canonical\" href=\"[^\"<>]*+\">")
# A <script> or <style> in the plainest form, no attribute holding a link, whose text holds no
# `<`, with its end tag: the fast reader skips such text to the first `</script>`, which is then
# its end tag: it adds nothing.
_CDATA_UNIT_SRC = "|".join("<(?i:" + name + ")(?:" + _PLAIN_ATTR + ")*+" + _SP + r"*+>[^<]*+</" + name + ">"
                           for name in ("script", "style"))
_CDATA_UNIT = re.compile(_CDATA_UNIT_SRC)
_CDATA_ENDS = ("</script>", "</style>")
_COMMENT = re.compile(r"<!--.*?--\s*>", re.S)  # (html.parser's `_commentclose`, from after the `<!--`)
# The token reader's tokens: from a `<` up to the first `>` (or to the end of the piece), each
# `<` after a token's end starting the next (a `<` inside a token is one html.parser reads as
# part of that tag, or the token is left to the fast reader); a <script> or <style> of
# `_CDATA_UNIT` is one token with its text. Not returned (they add nothing, and `findall` then
# makes no string of them): bare start tags other than <script>/<style> (`<p>`, `<li>`), and
# end tags with no `<` inside, which html.parser ends at their first `>`.
_TOKEN = re.compile(r"<(?!/[^<>]*>|(?!(?i:script|style)>)[a-zA-Z][a-zA-Z0-9]*>)(?:"
                    + _CDATA_UNIT_SRC.replace("<(?i:", "(?i:") + r"|[^>]*>?)")


def _judge(token: str, cache: dict):
    """What one token adds to a page (effects; () for nothing), or _REFUSED."""
    m = _FAST.fullmatch(token)
    if m is not None:
        if m[3] is None:
            return ()
        if m[2] is not None:
            return ((_ID, m[3]),)
        if m[1].lower() != "link":
            return ((_LINK, m[3]),)
        if _CANONICAL.fullmatch(token):
            return ()
    elif _META.fullmatch(token) or _CANONICAL.fullmatch(token):
        return ()
    if token.endswith(_CDATA_ENDS) and _CDATA_UNIT.fullmatch(token):
        return ()
    m = _STRICT.fullmatch(token)
    if m is not None:
        attrs = [(name.lower(), (unescape(value) if value else value) if given else None)
                 for name, given, value in _ATTR.findall(m[2])]
        return _effects(m[1].lower(), attrs)
    if token.startswith("<!--") and _COMMENT.fullmatch(token):
        return ()  # a whole comment: html.parser ends it at the first `--\s*>`, here its only `>`
    if token.startswith(("<!--", "<![", "<?")) or not token.endswith(">") and token[1:2].isalpha():
        return _REFUSED
    m = _SCAN.match(token)
    if m.end() != len(token) or m.group("odd") is not None:
        return _REFUSED
    if token[1:2].isascii() and token[1:2].isalpha() and not _ends_here(token):
        return _REFUSED  # a start tag (with or without a link) that a quote could prolong
    tag_text = m.group("tag")
    if tag_text is None:
        return ()  # text, an end tag, a doctype, a start tag without a link or an id
    if m.start("tag") != 0:
        return _REFUSED
    parsed = _take_apart(token)
    if parsed is _UNUSUAL or parsed[2] is not None:  # a script's or style's text follows
        return _REFUSED
    return parsed[1]


def _read_tokens(text: str, cache: dict, refs, start: int = 0, end: int | None = None) -> bool:
    """Read `text[start:end]` token by token into `refs` (lines aside); False when a token is
    left to the fast reader (`refs` is then untouched). Each distinct token is judged once and
    remembered: those that add nothing in a set (a piece's tokens, less that set, leave the
    few that add something), those that add one link and nothing else with their link (added
    to `refs` in one go); the others one by one, a token adding an id as often as it occurs
    (a repeated id). `refs`: a `_Piece` (anything with `apply(effects, line)` and `links`)."""
    memo = cache.get(_TOKENS)
    if memo is None or len(memo[1]) + len(memo[0]) > 400_000:  # (the pages' own tags: keep the memory flat)
        memo = cache[_TOKENS] = ({}, set(), {}, set())
    # token -> effects or _REFUSED; tokens adding nothing; token -> its one link; tokens adding an id
    judged, empty, link_of, counted = memo
    tokens = _TOKEN.findall(text, start, len(text) if end is None else end)
    new = set(tokens)
    new -= empty
    others = []
    for token in new.difference(link_of):
        effects = judged.get(token, judged)
        if effects is judged:
            effects = _judge(token, cache)
            if effects == ():
                if not token.endswith(_CDATA_ENDS):  # (not a script with its text, met once)
                    empty.add(token)
                continue
            judged[token] = effects
            if effects is not _REFUSED:
                if len(effects) == 1 and effects[0][0] == _LINK:
                    link_of[token] = effects[0][1].strip()
                    continue
                if any(kind == _ID for kind, _ in effects):
                    counted.add(token)
        if effects is _REFUSED:
            return False
        others.append((token, effects))
    links = refs.links
    links.update(map(link_of.get, new))
    links.discard(None)
    for token, effects in others:
        for _ in range(tokens.count(token) if token in counted else 1):
            refs.apply(effects, 0)
    return True


# Where a page is cut into pieces (Material's page, in order): the pieces between them that
# recur on many pages (the head's fixed parts, the header, the sidebar of a folder, the footer
# and scripts) are read once and remembered by their text. A cut inside a comment, a script, a
# tag or an attribute value leaves a piece with unclosed markup, which the fast reader refuses:
# the whole page is then read in one go, so the pieces are always read as the whole would be.
# (Each cut starts with `<` and a letter or `/`: a piece ending in a lone `<` reads the same
# alone as followed by the next piece.)
_CUTS = ('<link rel="icon"', '<script type="application/ld+json"', "</title>",
         '<header class="md-header', '<div class="md-header__title"', '<form class="md-header__option"',
         '<div class="md-container"', '<div class="md-sidebar md-sidebar--secondary"',
         '<article class="md-content__inner', "</article>")
_PIECES = ("pieces",)  # the key of the remembered pieces in a reader's cache


class _Piece:
    """What one piece of a page adds to it, lines aside: its ids, `<a name>` anchors and
    distinct links (stripped, as the verdict reads them). Pieces met again are shared."""

    __slots__ = ("ids", "names", "repeats", "links", "shared")

    def __init__(self) -> None:
        self.ids: set[str] | frozenset[str] = set()  # of `id` attributes
        self.names: set[str] | frozenset[str] = set()  # of `<a name>`
        self.repeats = False  # an id used twice in this piece
        self.links: set[str] | frozenset[str] = set()
        self.shared = False  # remembered: met on other pages (its verdict is shared too)

    def apply(self, effects: tuple[tuple[int, str], ...], line: int) -> None:
        for kind, value in effects:
            if kind == _ID:
                if value in self.ids:
                    self.repeats = True
                self.ids.add(value)
            elif kind == _ANCHOR_NAME:
                self.names.add(value)
            else:
                self.links.add(value.strip())

    def merge(self, other: _Piece) -> None:
        """Add what `other` adds (an id of both: used twice)."""
        if other.repeats or not self.ids.isdisjoint(other.ids):
            self.repeats = True
        self.ids.update(other.ids)
        self.names.update(other.names)
        self.links.update(other.links)

    def freeze(self) -> _Piece:
        self.ids, self.names, self.links = frozenset(self.ids), frozenset(self.names), frozenset(self.links)
        return self

    @classmethod
    def of(cls, refs: PageRefs) -> _Piece:
        """A whole page read by `read_page` as one piece."""
        piece = cls()
        piece.ids = frozenset(refs.first_line)
        piece.names = frozenset(refs.ids.difference(refs.first_line))
        piece.repeats = bool(refs.duplicates)
        piece.links = frozenset(url.strip() for _, url in refs.links)
        return piece


def _read_pieces(text: str, cache: dict) -> list[_Piece] | None:
    """The page read piece by piece (`_CUTS`); a piece met on an earlier page is not read
    again: the second time a piece is met, it is remembered with what it adds, found again by
    its place and length and compared in full. None when a piece is unusual (then read the
    page whole)."""
    memo = cache.get(_PIECES)
    if memo is None:
        memo = cache[_PIECES] = ({}, set(), set(), {})
    known, recent = memo[0], memo[3]
    own = _Piece()  # what the page's pieces not remembered add, together
    pieces: list[_Piece] = [own]
    start, find, starts, n, size = 0, text.find, text.startswith, len(_CUTS), len(text)
    for i in range(n + 1):
        last = recent.get(i)  # the piece met last at this place: if it is here again and its cut
        if last is not None:  # follows, `find` would find the cut there (the piece holds none)
            after = start + len(last[0])
            if starts(last[0], start) and (starts(_CUTS[i], after) if i < n else after == size):
                pieces.append(last[1])
                start = after
                continue
        if i < n:
            end = find(_CUTS[i], start) if i < n - 1 else text.rfind(_CUTS[i], start)
            if end <= start:
                if end == start:
                    start = end
                continue
        else:
            end = len(text)
        found = None
        for piece_text, piece in known.get((i, end - start), ()):
            if starts(piece_text, start):
                found = piece
                if i != n - 1:  # (not the piece up to the last `</article>`: `rfind`)
                    recent[i] = (piece_text, piece)
                break
        if found is None:
            found = _read_piece(text, start, end, i, cache, memo, own)
            if found is None:
                return None
        if found is not own:
            pieces.append(found)
        start = end
    return pieces


_QUOTES = "'\""  # after a piece: a tag with a quote left open then runs on, and fails


def _read_piece(page: str, start: int, end: int, i: int, cache: dict, memo: tuple,
                own: _Piece) -> _Piece | None:
    """The piece page[start:end], at place `i`, not remembered yet: read token by token
    (`_read_tokens`), or by the fast reader when a token needs it, into `own` (what the page's
    pieces not remembered add); remembered the third time it is met (the first time only a
    short sample of it is kept, the second time its hash), then read into a piece of its own
    (returned). None when it is unusual."""
    known, sampled, seen = memo[:3]
    mid = (start + end) // 2
    sample = (i, end - start, page[mid:mid + 40])
    shared = False
    if sample in sampled:  # perhaps met before: then its hash tells
        h = hash(page[start:end])
        if h in seen:
            shared = True
        else:
            seen.add(h)
    else:
        sampled.add(sample)
    piece = _Piece() if shared else own
    if not _read_tokens(page, cache, piece, start, end):
        text = page[start:end]
        alone = _Piece()
        if _read_fast(text, cache, alone) is None or _read_fast(text + _QUOTES, cache, _Piece()) is None:
            return None  # (the second: a quote left open in a tag could run on into the next piece)
        if not shared:
            own.merge(alone)
            return own
        piece = alone
    if shared:
        piece.shared = True
        known.setdefault((i, end - start), []).append((page[start:end], piece.freeze()))
    return piece


def _summary(pieces: list[_Piece], memo: dict | None = None) -> tuple[
        frozenset[str], bool, tuple[frozenset[str], ...], frozenset[str]]:
    """What the verdict needs of a page read in pieces: its ids (and `<a name>` anchors),
    whether an id is used twice (in one piece or in two), the distinct links of each piece met
    on other pages too, and those of the page's other pieces. `memo`: what the pieces met on
    other pages add together, remembered by those pieces (the same on every page of a folder)."""
    own = [p for p in pieces if not p.shared]
    key = tuple(p for p in pieces if p.shared)
    known = None if memo is None else memo.get(key)
    if known is None:
        shared_ids = frozenset().union(*[p.ids for p in key])
        known = (shared_ids, any(p.repeats for p in key) or sum(len(p.ids) for p in key) != len(shared_ids),
                 frozenset().union(*[p.names for p in key]), tuple(p.links for p in key if p.links))
        if memo is not None:
            memo[key] = known
    shared_ids, repeated, names, shared = known
    own_ids = frozenset().union(*[p.ids for p in own])
    ids = shared_ids | own_ids
    repeated = (repeated or any(p.repeats for p in own) or sum(len(p.ids) for p in own) != len(own_ids)
                or len(shared_ids) + len(own_ids) != len(ids))
    names = names.union(*[p.names for p in own])
    if names:
        ids = ids | names
    others = frozenset().union(*[p.links for p in own])
    return ids, repeated, shared, others


def read_page(text: str, cache: dict | None = None) -> PageRefs:
    """The ids and links of one HTML page (text as read from its file), with their lines."""
    refs = _read_fast(text, {} if cache is None else cache)
    return refs if refs is not None else _parse_reference(text)


def _as_read_from_disk(html: str) -> str:
    """The text a reader of the written file gets: MkDocs writes a lone surrogate as a
    character reference; a file read with universal newlines turns `\\r` into `\\n`."""
    if not html.isascii():
        try:  # no character above U+00FF, so no surrogate (a copy, cheaper than UTF-8)
            html.encode("latin-1")
        except UnicodeEncodeError:
            try:
                html.encode("utf-8")
            except UnicodeEncodeError:
                html = html.encode("utf-8", "xmlcharrefreplace").decode("utf-8")
    if "\r" in html:
        html = html.replace("\r\n", "\n").replace("\r", "\n")
    return html


def _read_file(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


# --- a whole site -------------------------------------------------------------------------------


def _list_site(site: Path) -> tuple[set[str], set[str]]:
    """(files, folders) of the site, as paths relative to it ("" is the site itself); as
    `os.walk` lists them: a link to a folder is a folder, not entered."""
    files: set[str] = set()
    dirs: set[str] = {""}
    todo = [("", str(site))]
    while todo:
        prefix, here = todo.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.add(rel)
                if not entry.is_symlink():
                    todo.append((rel + "/", entry.path))
            else:
                files.add(rel)
    return files, dirs


class LinkIndex:
    """The ids and distinct links of each page of one site, added one page at a time, then
    checked against the files of the written site (`broken`).

    Only what the verdict needs is kept per page: its ids, and the distinct links of each of
    its pieces (`_read_pieces`), shared by every page the piece is on; so 10,000 pages take a
    few MB, and the verdict is given once per piece and folder rather than once per page and
    link. The lines of a broken link or a repeated id are found by reading that page again.
    """

    def __init__(self, base_path: str = "/", site: Path | None = None) -> None:
        self.base_path = base_path.rstrip("/") + "/"
        self.site = None if site is None else os.path.abspath(site)  # for `add_written`
        self._prefix = "\0" if self.site is None else self.site.rstrip("/") + "/"
        # page -> (its ids, the distinct links of each of its pieces met on other pages too, and
        # of its other pieces)
        self.pages: dict[str, tuple[frozenset[str], tuple[frozenset[str], ...], frozenset[str]]] = {}
        self.duplicates: list[BrokenLink] = []
        self.cpu_seconds = 0.0  # spent reading pages and checking, by this thread (`make build`'s phases)
        self._tags: dict = {}  # tag text -> what it adds to a page, and the pieces (read cache)
        self._summaries: dict = {}  # pieces met on other pages -> what they add together (`_summary`)

    def add(self, rel: str, html: str, *, from_disk: bool = False) -> None:
        """Read the page written to `rel` (a path inside the site); `html` as written."""
        start = time.thread_time()  # (the process's clock sums every thread's: slow with many)
        if len(self._tags) > 200_000:  # the record pages' own tags: keep the memory flat
            self._tags.clear()
            self._summaries.clear()
        text = html if from_disk else _as_read_from_disk(html)
        pieces = _read_pieces(text, self._tags)
        if pieces is None:  # unusual markup: the page read whole
            pieces = [_Piece.of(read_page(text, self._tags))]
        ids, repeated, shared, others = _summary(pieces, self._summaries)
        if repeated:  # an id used twice: a link to it finds only the first; where, from the page
            refs = read_page(text, self._tags)
            for line, dup in refs.duplicates:
                first = refs.first_line[dup]
                self.duplicates.append(BrokenLink(rel, line, f"#{dup}", f"the id {dup!r} is used twice on "
                                                  f"this page (first on line {first}): ids must be unique"))
        self.pages[rel] = (ids, shared, others)
        self.cpu_seconds += time.thread_time() - start

    def add_written(self, path: str, html: str) -> None:
        """The page MkDocs writes to `path` (a file under `site`, given to the constructor)."""
        if os.sep == "/" and path.startswith(self._prefix) and "/." not in path and "//" not in path:
            rel = path[len(self._prefix):]  # what relpath would give, without its work
        else:
            rel = os.path.relpath(os.path.abspath(path), self.site).replace(os.sep, "/")
        self.add(rel, html)

    def broken(self, site: Path) -> list[BrokenLink]:
        """Every broken internal link or anchor, sorted by page and line. HTML files of `site`
        not added yet are read from disk; pages added but not written are left out."""
        start = time.process_time()
        site = site.resolve()
        files, dirs = _list_site(site)
        for rel in sorted(f for f in files.difference(self.pages) if f.endswith(".html")):
            self.add(rel, _read_file(site / rel), from_disk=True)
        resolver = _Resolver(site, files, dirs, self.base_path, self.pages)
        bad: dict[str, dict[str, str]] = {}  # page -> url -> reason
        for rel, (ids, shared, others) in self.pages.items():
            if rel in files:
                reasons = resolver.page_verdict(rel, ids, shared, others)
                if reasons:
                    bad[rel] = reasons
        found = [d for d in self.duplicates if d.page in files]
        for rel, reasons in bad.items():  # the lines: read the page again (only broken ones)
            for line, url in read_page(_read_file(site / rel), self._tags).links:
                url = url.strip()
                if url in reasons:
                    found.append(BrokenLink(rel, line, url, reasons[url]))
        self.cpu_seconds += time.process_time() - start
        return sorted(set(found))


# A relative link of plain characters (no scheme, host, query or escape): its path and fragment
# are what `urlsplit` would find on each side of the `#`.
_PLAIN_URL = re.compile(r"[A-Za-z0-9_.~-][A-Za-z0-9_.~/-]*(?:#[A-Za-z0-9_.~-]*)?")
# A path down from a folder, each name not starting with `.` (so neither `.` nor `..`), then
# perhaps a fragment: `_Resolver._plain_verdict` (what `_PLAIN_URL`'s urlsplit and normpath give).
_PLAIN_REST = re.compile(r"((?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*/)*[A-Za-z0-9_~-][A-Za-z0-9_.~-]*/?)"
                         r"(?:#([A-Za-z0-9_.~-]*))?")
_Parts = namedtuple("_Parts", "scheme netloc path query fragment")


class _Resolver:
    """Where a link of a page leads, on the site's file list (same rules as a web server
    serving the folder: a directory URL means its index.html)."""

    def __init__(self, site: Path, files: set[str], dirs: set[str], base_path: str, pages=None) -> None:
        self.site, self.files, self.dirs, self.base_path = site, files, dirs, base_path
        self.pages = {} if pages is None else pages
        self._cache: dict[tuple[str, str], str | None] = {}  # (folder, URL) -> verdict
        self._plans: dict[tuple, tuple] = {}  # the links of pieces met elsewhere, sorted for the verdict
        self._groups: dict = {}  # links -> climbed -> folder -> url -> reason
        self._kinds: dict[str, int | str] = {}  # link -> folders climbed (-1: external) or the id it needs
        self._verdicts: dict[tuple, dict] = {}  # (folder, climbed) -> link -> verdict

    def page_verdict(self, rel: str, ids: frozenset[str], shared, others: frozenset[str]) -> dict[str, str]:
        """url -> why it leads nowhere, for the links of page `rel`: those of its pieces met on
        other pages (`shared`, per piece) and its own (`others`).

        A link with a path leads where the page's folder and the link say: it climbs `n`
        folders (`../`), so the verdict depends only on the folder `n` levels up and on `n`
        (`verdict`'s rule); it is given once per piece and such folder. A link without a path
        (`#top`, `?q`) points at the page itself: checked against this page's ids."""
        folder = rel.rpartition("/")[0]
        ups = [folder]
        while folder:
            folder = folder.rpartition("/")[0]
            ups.append(folder)
        depth = len(ups) - 1
        reasons: dict[str, str] = {}
        if shared:  # the links of all the page's pieces met elsewhere, planned together
            plan = self._plans.get(shared)
            if plan is None:
                plan = self._plans[shared] = self._plan(frozenset().union(*shared))
            own, climbs = plan
            for n, some in climbs:
                up = n if n < depth else depth
                by_up = self._groups.get(some)  # (dicts in dicts: no key to build per page)
                if by_up is None:
                    by_up = self._groups[some] = {}
                by_folder = by_up.get(up)
                if by_folder is None:
                    by_folder = by_up[up] = {}
                found = by_folder.get(ups[up])
                if found is None:
                    found = by_folder[ups[up]] = {}
                    for url in some:
                        reason = self.verdict(rel, url, self.pages)
                        if reason is not None:
                            found[url] = reason
                if found:
                    reasons.update(found)
            for url, frag in own:
                if frag and frag not in ids and rel.endswith(".html"):
                    reasons[url] = f"no element with id {frag!r} on {rel}"
        kinds, tables, miss = self._kinds, {}, self
        for url in others:
            kind = kinds.get(url, miss)
            if kind is miss:  # the folders it climbs (-1: external), or the id it needs on this page
                n, frag = self._kind(url)
                kind = kinds[url] = n if frag is None else frag
            if kind.__class__ is int:
                if kind < 0:
                    continue
                up = kind if kind < depth else depth
                table = tables.get(up)  # url -> verdict, for the folder `up` levels up and `up`
                if table is None:
                    key = (ups[up], up)
                    table = self._verdicts.get(key)
                    if table is None:
                        table = self._verdicts[key] = {}
                    tables[up] = table
                reason = table.get(url, miss)
                if reason is miss:
                    reason = table[url] = self.verdict(rel, url, self.pages)
                if reason is not None:
                    reasons[url] = reason
            elif kind and kind not in ids and rel.endswith(".html"):
                reasons[url] = f"no element with id {kind!r} on {rel}"
        return reasons

    def _kind(self, url: str) -> tuple[int, str | None]:
        """(how many folders it climbs, None) for a link with a path; (0, the id it needs, or
        "") for a link to the page itself."""
        if url.startswith(("https://", "http://")):
            return -1, None  # external (`urlsplit` finds the scheme): nothing to check
        frag = self._own_fragment(url)
        if frag is not None:
            return 0, frag
        n, rest = 0, url
        while rest.startswith("../"):
            n, rest = n + 1, rest[3:]
        return n, None

    def _plan(self, links: frozenset[str]) -> tuple:
        """(((link to the page itself, the id it needs), ...), ((n, links climbing n folders), ...))."""
        own, climbing = [], {}
        for url in links:
            n, frag = self._kind(url)
            if frag is not None:
                own.append((url, frag))
            elif n >= 0:
                climbing.setdefault(n, []).append(url)
        return tuple(own), tuple((n, frozenset(u)) for n, u in climbing.items())

    @staticmethod
    def _own_fragment(url: str) -> str | None:
        """For a link without a path (to the page itself): the id it must find on the page
        ("" for none); None when it is not such a link (or needs no check: external, empty)."""
        if url and url[0] > " " and url[0] not in "#?":  # urlsplit would find a path (or a host)
            return None
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//") or not url or parts.path:
            return None
        return unquote(parts.fragment)

    def _target(self, base: str, url_path: str) -> str | None:
        """The file (relative to the site) a relative URL path points at, or None."""
        joined = posixpath.normpath(posixpath.join(base, unquote(url_path)))
        if joined.startswith("../") or joined == "..":
            return None  # outside the site
        if joined.startswith("/"):  # an absolute path after unquoting: as the file system sees it
            target = self.site / joined
            if target.is_dir():
                target = target / "index.html"
            return target.as_posix() if target.is_file() else None
        joined = "" if joined == "." else joined
        if joined in self.dirs:
            joined = f"{joined}/index.html" if joined else "index.html"
        return joined if joined in self.files else None

    def verdict(self, rel: str, url: str, pages) -> str | None:
        """None when `url` (on page `rel`) leads somewhere, else why not. Remembered per
        folder and URL, with each leading `../` taken off the URL and one folder off the page's
        folder (the same target), so that the pages of all records share their verdicts."""
        base, rest = rel.rpartition("/")[0], url
        while rest.startswith("../") and base:
            base, rest = base.rpartition("/")[0], rest[3:]
        if not rest or rest[0] in "#?":  # the page itself, or a folder's index with a fragment
            return self._verdict(rel, url, pages)[0]
        key = (base, rest)
        found = self._cache.get(key, self)
        if found is self:
            m = _PLAIN_REST.fullmatch(rest)
            if m is not None:  # a plain path down from `base` (what `_verdict` finds, without its work)
                found = self._cache[key] = self._plain_verdict(base, m[1], m[2], pages)
                return found
            found, cacheable = self._verdict(rel, url, pages)
            if cacheable:
                self._cache[key] = found
        return found

    def _plain_verdict(self, base: str, path: str, frag: str | None, pages) -> str | None:
        """`_verdict` for a link `path#frag` from a page of folder `base`, the path made of
        names not starting with `.`, no `//` and no escapes: where it leads is the folder and
        the path joined (less a last `/`), as `posixpath.normpath` would join them."""
        joined = path[:-1] if path[-1] == "/" else path
        if base:
            joined = base + "/" + joined
        if joined in self.dirs:
            joined += "/index.html"
        if joined not in self.files:
            return "no such file in the site"
        if frag and joined.endswith(".html"):
            ids = (pages[joined][0] if joined in pages  # (as `_verdict` reads them)
                   else read_page(_read_file(Path(joined))).ids)
            if frag not in ids:
                return f"no element with id {frag!r} on {joined}"
        return None

    def _verdict(self, rel: str, url: str, pages) -> tuple[str | None, bool]:
        if _PLAIN_URL.fullmatch(url):  # what urlsplit gives, without it (most links)
            path, _, fragment = url.partition("#")
            parts = _Parts("", "", path, "", fragment)
        else:
            parts = urlsplit(url)
        if parts.scheme or url.startswith("//") or not url:
            return None, True  # external, mailto:, data: (the security scan judges schemes)
        path = parts.path
        if path.startswith("/"):  # only 404.html: served at any depth, so MkDocs
            if not path.startswith(self.base_path):  # writes it from the site's root
                return f"absolute path outside {self.base_path}", True
            target = self._target("", path[len(self.base_path):])
        elif not path:
            target = rel  # the page itself: not the same for every page of the folder
        else:
            target = self._target(posixpath.dirname(rel), path)
        if target is None:
            return "no such file in the site", True
        frag = unquote(parts.fragment)
        if frag and target.endswith(".html"):
            ids = pages[target][0] if target in pages else read_page(_read_file(Path(target))).ids
            if frag not in ids:
                shown = Path(target).relative_to(self.site).as_posix() if target.startswith("/") else target
                return f"no element with id {frag!r} on {shown}", bool(path)
        return None, bool(path)


def check_site(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every broken internal link or anchor of the built site, sorted by page and line.

    `base_path` is the path of `site_url` (absolute links, as in 404.html, start with it).
    """
    return LinkIndex(base_path).broken(site)


def report(broken: list[BrokenLink], where: str) -> str:
    """What `check-links` and `make build` print: each broken link, then a count."""
    n = len(broken)
    lines = [b.format() for b in broken]
    lines.append(f"{n} broken internal link{'s' * (n != 1)} in {where}" if n
                 else f"No broken internal links in {where}.")
    return "\n".join(lines)


def main(site: str, base_path: str = "/") -> int:
    """`python -m hub check-links site/`: print each broken link; 1 if there is any.
    `base_path`: the path of the site's address (hub.yml's site_url), e.g. `/hub/`."""
    import sys

    root = Path(site)
    if not root.is_dir():
        print(f"{site}: no such folder (build the site first)", file=sys.stderr)
        return 1
    broken = check_site(root, base_path)
    print(report(broken, site), file=sys.stderr)
    return 1 if broken else 0
