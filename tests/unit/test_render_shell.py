"""Page shells (hub.render_shell): a page drawn from a shell is the page Jinja renders, and a
template the shell cannot hold is rendered the normal way, every time."""

from __future__ import annotations

import copy

import pytest
from jinja2 import DictLoader, Environment

from hub import render_shell

BASE = ('<title>{{ page.title | striptags | e }}</title><meta content="{{ page.meta.description | e }}">'
        "{% block hub_meta %}{% endblock %}<h>{{ page.meta.title }}</h>"
        "{% if page.toc | first is defined %}{% set skip = page.toc | first %}"
        '<a href="#{{ skip.id }}">skip</a>{% endif %}'
        "{% block content %}{% endblock %}<c>{{ page.canonical_url | e }}</c>"
        "{% block footer %}f{% endblock %}")
RECORD = ('{% extends "base.html" %}{% set note = "n" %}{% block content %}<p>{{ record | e }}{{ note }}</p>'
          "{% endblock %}")
TITLES = ['<b>"Ayu" & co</b>', "Plain", "Ünïcode  spaced\ttitle", "&amp; 'quoted'", "L<i>ast", "Sixth"]


class Heading:
    def __init__(self, id: str) -> None:
        self.id = id


class Page:
    def __init__(self, n: int, title: str) -> None:
        self.meta = {"title": title, "description": f"About {title} <{n}>", "hub_key": f"p{n}"}
        self.title, self.canonical_url, self.toc = title, f"https://x.org/p{n}/?a=1&b=2", [Heading(f"h{n}")]


def _values(context):
    page = context["page"]
    values = {"title": page.title, "description": page.meta["description"], "canonical": page.canonical_url}
    return ("key",), values


def _probe(context):
    page = copy.copy(context["page"])
    page.meta = {**page.meta, "title": render_shell.probe("title"),
                 "description": render_shell.probe("description")}
    page.title, page.canonical_url = page.meta["title"], render_shell.probe("canonical")
    return {**context, "page": page}


def _pages(record_template: str, shells: bool) -> tuple[list[str], object]:
    env = Environment(loader=DictLoader({"base.html": BASE, "hub/x.html": record_template}))
    stats = render_shell.install(env, ["hub/x.html"], _values, _probe).stats if shells else None
    template = env.get_template("hub/x.html")
    return [template.render(page=Page(n, t), record=f"r{n} <&>") for n, t in enumerate(TITLES)], stats


def test_pages_from_a_shell_are_the_pages_jinja_renders() -> None:
    fast, stats = _pages(RECORD, shells=True)
    assert fast == _pages(RECORD, shells=False)[0]
    assert "&lt;b&gt;&#34;Ayu&#34; &amp;amp; co" not in fast[0]  # striptags, then escaped once
    assert "<title>&#34;Ayu&#34; &amp; co</title>" in fast[0] and "<h><b>\"Ayu\" & co</b></h>" in fast[0]
    assert stats["shell"] == len(TITLES) - 1 and stats["refused"] == 0  # the first page of a key: normal


@pytest.mark.parametrize("frame", [
    '{{ page.title | truncate(4) }}',  # a filter the shell does not know
    '{{ page.meta.hub_key }}',  # a page value that is not probed: caught by the comparison
    '{{ record }}',  # the record outside the page's own blocks
])
def test_a_template_the_shell_cannot_hold_is_rendered_normally(frame: str) -> None:
    template = RECORD.replace("{% block content %}",
                              "{% block footer %}" + frame + "{% endblock %}{% block content %}")
    fast, stats = _pages(template, shells=True)
    assert fast == _pages(template, shells=False)[0]
    assert stats["refused"] == 1 and stats["shell"] <= 1


def test_stripped_titles_are_what_striptags_then_escape_give() -> None:
    """The `striptags|e` filter of a shell's value (hub.render_shell._stripped) skips MarkupSafe's
    tag scan for text without `<` or `&`: the same text for every kind of title."""
    import itertools

    from markupsafe import Markup, escape

    from hub.render_shell import _stripped

    pieces = ["Ayu", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "<b>", "</b>", "<!-- c -->", "&amp;", "&",
              "&lt;", "\"", "'", ">", "<", "é", "Nepal's", "x<y", "a & b"]
    for n in (1, 2, 3):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            assert _stripped(s) == str(escape(Markup(s).striptags())), repr(s)
