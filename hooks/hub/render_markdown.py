"""Render a contributor's Markdown field (assessment, recommendations, ...) to safe HTML.

Validation already rejects raw HTML, template code and unsafe link schemes; the output is
also passed through `nh3` (the Ammonia sanitiser) so that a gap in validation cannot become
script injection. Python-Markdown itself is not a sanitiser.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from . import language_reuse
from .plain_markdown import plain_html
from .source_text import SourceText, wrap_block

EXTENSIONS = ["abbr", "attr_list", "def_list", "sane_lists", "smarty"]
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "hr", "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter, reset between texts: setting up the extensions costs more than a field."""
    return markdown.Markdown(extensions=EXTENSIONS, output_format="html")


# Keyed by the text: the same source text renders once for every language of `hub build` (a
# translation is another text). Large enough for every text of a 10,000-record hub: with fewer
# entries than texts, a build in page order would evict each text before the next language.
@lru_cache(maxsize=1 << 16)
def _render(text: str, inline: bool) -> str:
    html = plain_html(text, smart=True)  # plain prose: the same HTML, already clean
    if html is not None:
        return html[3:-4] if inline and html.count("<p>") == 1 else html
    return _full(text, inline)


def _full(text: str, inline: bool) -> str:
    """Python-Markdown, then nh3: what `plain_html` must match (tests/unit/test_plain_markdown.py)."""
    html = _converter().reset().convert(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener")


def render_markdown(text: str | None, inline: bool = False) -> Markup:
    """Markdown to sanitised HTML, marked safe for Jinja (it must not be escaped again)."""
    if not text:
        return Markup("")
    if isinstance(text, SourceText):  # untranslated text on a page of another language: marked
        return wrap_block(_render(str(text), inline), inline)
    return Markup(_render(str(text), inline))


# What MkDocs' Markdown (with the extensions in mkdocs.yml) makes of a contributor's page body:
# headings with ids and permalinks, admonitions, details, tables, footnotes, images.
PAGE_TAGS = ALLOWED_TAGS | {
    "h1", "h5", "h6", "div", "span", "details", "summary", "img", "cite", "figure",
    "figcaption", "caption", "col", "colgroup", "tfoot", "kbd", "mark", "small", "s", "u",
}
PAGE_ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "details": {"open"},
}


def _attribute(tag: str, name: str, value: str) -> str | None:
    # Ids that start with `__` are the theme's (`__config`, `__search`...): validation refuses
    # markup that makes one; a page body that still carries one loses it here.
    return None if name == "id" and value.startswith("__") else value


# Bodies that hub.plain_markdown.page_body rendered, with what nh3 makes of them (the differential
# test, tests/unit/test_page_markdown.py, checks `sanitise_page(html) == clean` for each): taken
# out again by the page's `sanitise_page`. A page that is not cleaned (a maintainer's page) leaves
# its entry; the cap keeps those few from adding up over a long preview session.
_PROVEN: dict[str, str] = {}


def proven_clean(html: str, clean: str) -> None:
    """Note that `clean` is `sanitise_page(html)` (hub.plain_markdown.page_body)."""
    if len(_PROVEN) >= 4096:
        _PROVEN.clear()
    _PROVEN[html] = clean


def sanitise_page(html: str) -> str:
    """The rendered body of a contributor's page (a brief, a partner's description, lesson
    notes), with anything that could run script removed. Validation refuses such input
    already; this is the second line of defence. The same body in another language's build
    (source text) is cleaned once (`language_reuse`: keyed by the HTML itself)."""
    clean = _PROVEN.pop(html, None)
    if clean is not None:
        return clean
    key = ("sanitised", html)
    clean = language_reuse.get(key)
    if clean is None:
        clean = nh3.clean(html, tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, attribute_filter=_attribute,
                          url_schemes={"http", "https", "mailto"}, link_rel=None)
        language_reuse.put(key, clean)
    return clean
