"""`mark_languages` visits only the marks of a page (hub.source_text); it must do exactly what the
first version did, which walked every `<` and `>` of the page (kept here as the reference):
the same output for real page shapes and for any mix of tags, raw-text elements and marks."""

from __future__ import annotations

import random
import re

import pytest

from hub.source_text import (
    BLOCK_CLOSE,
    BLOCK_OPEN,
    CLOSE,
    MARKS,
    OPEN,
    mark_languages,
    mark_titles,
    title_pattern,
)

_TOKEN = re.compile(r"<(/?)(title|script|style|textarea)\b|[<>" + MARKS + "]", re.I)
_P_BLOCK = re.compile(f"<p>([{BLOCK_OPEN}{BLOCK_CLOSE}])</p>")


def reference(html: str, lang: str) -> str:
    """The first `mark_languages`, a token at a time."""
    if not any(m in html for m in MARKS):
        return html
    html = _P_BLOCK.sub(r"\1", html)
    out: list[str] = []
    at, in_tag, raw = 0, False, ""
    depth: list[str] = []
    for m in _TOKEN.finditer(html):
        ch = m.group(0)
        if m.group(2):
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
            continue
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


PAGE = (f"<html><head><title>{OPEN}Alpha{CLOSE} - Hub</title><style>p{{}}{OPEN}</style>"
        f'<meta content="{OPEN}Alpha{CLOSE}"></head><body><h1>{OPEN}Alpha{CLOSE}</h1>'
        f"<p>{BLOCK_OPEN}</p><p>Body <em>text</em></p><p>{BLOCK_CLOSE}</p>"
        f'<a title="{OPEN}x{CLOSE}" href="#">{OPEN}link{CLOSE}</a>'
        f"<script>var a = '<b>{OPEN}';</script><TEXTAREA>{OPEN}</TEXTAREA>{OPEN}open at the end")


@pytest.mark.parametrize("html", [
    PAGE, "", "no marks <p>at all</p>", f"{OPEN}a{CLOSE}", f"{CLOSE}{CLOSE}{OPEN}", f"<{OPEN}>",
    f"<title>{OPEN}</titles>{OPEN}", f"<script>{OPEN}</SCRIPT >{OPEN}x{CLOSE}", f"</title>{OPEN}",
    f"<script><title></script>{OPEN}", f"<script>{OPEN}", f"a > {OPEN}b{CLOSE} < c",
])
def test_same_as_the_reference(html: str) -> None:
    assert mark_languages(html, "en") == reference(html, "en")


def test_a_real_page_shape() -> None:
    out = mark_languages(PAGE, "en")
    assert out.startswith("<html><head><title>Alpha - Hub</title><style>p{}</style>")
    assert '<meta content="Alpha">' in out and '<h1><span lang="en">Alpha</span></h1>' in out
    assert '<div lang="en"><p>Body <em>text</em></p></div>' in out
    assert '<a title="x" href="#"><span lang="en">link</span></a>' in out
    assert "<script>var a = '<b>';</script><TEXTAREA></TEXTAREA>" in out
    assert out.endswith('<span lang="en">open at the end</span>')


def test_same_as_the_reference_on_random_markup() -> None:
    pieces = ["<", ">", "<p>", "</p>", "<title>", "</title>", "<TITLE ", "<script>", "</script >",
              "<style>", "</Style>", "<textarea>", "</textarea>", "<titles>", "</scriptx", "a", " ",
              'x="', '"', "<a href=", "<div>", OPEN, CLOSE, BLOCK_OPEN, BLOCK_CLOSE, OPEN, CLOSE,
              f"<p>{BLOCK_OPEN}</p>", f"<p>{BLOCK_CLOSE}</p>"]
    rnd = random.Random(14)
    for _ in range(20000):
        html = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        assert mark_languages(html, "fr") == reference(html, "fr"), repr(html)


# --- the titles Material shows (`mark_titles`): the same as one pattern of all the titles ------

def test_titles_are_marked_where_material_shows_them() -> None:
    html = ('<a class="md-ellipsis">\n  Brief A\n</a><span class="md-ellipsis">Brief AB</span>'
            '<span class="x md-ellipsis">Brief A</span><span class="md-ellipsis">Q &amp; A</span>')
    out = mark_titles(html, {"Brief A", "Q &amp; A"}, "en")
    assert out == ('<a class="md-ellipsis" lang="en">\n  Brief A\n</a>'
                   '<span class="md-ellipsis">Brief AB</span><span class="x md-ellipsis">Brief A</span>'
                   '<span class="md-ellipsis" lang="en">Q &amp; A</span>')


def test_titles_marked_as_one_pattern_of_them_marks() -> None:
    """The lookup (`mark_titles`) against the pattern it replaced (`title_pattern`), on random
    titles (spaces around them, one inside another, markup) and Material-like markup."""
    words = ["A", "B", "A B", " A", "B ", "\u00a0", "<b>", "&amp;", "x"]
    pieces = ['<span class="md-ellipsis">', '<a class="md-ellipsis">', "</span>", "</a>", "<", ">", "</",
              " ", "\n  ", "\u00a0", "A", "B", "A B", "x", 'class="md-ellipsis"', "<b>", "&amp;"]
    rnd = random.Random(14)
    for _ in range(20000):
        titles = {"".join(rnd.choice(words) for _ in range(rnd.randint(1, 2)))
                  for _ in range(rnd.randint(1, 4))}
        html = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        expected = title_pattern(titles).sub(r'\1 lang="en"\2', html)
        assert mark_titles(html, titles, "en") == expected, (titles, html)
