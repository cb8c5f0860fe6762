"""A contributor's Markdown cannot run code: validation refuses every known trick, and the
renderer of Markdown fields sanitises its output as well (defence in depth)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from hub.fields import markdown_problems
from hub.render_markdown import render_markdown

ATTACKS = [
    "<script>alert(1)</script>",
    "< script >alert(1)</script>",
    "<SCRIPT SRC=https://example.org/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    "<iframe src=https://example.org/>",
    "<!-- a comment -->",
    '![x](x.png){: onerror="alert(1)"}',
    "![x](x.png){: onload=alert(1) }",
    'Text{: style="position:fixed"}',
    "Some text\n{: onmouseover hidden }",  # bare words set attributes too
    "*x*{ onclick }",
    "## Heading {: #x onfocus autofocus }",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](jav&#97;script:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "[x](file:///etc/passwd)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x][r]\n\n[r]:\n   javascript:alert(1)",
    '[x][r]\n\n[r]: <javascript:alert(1)> "title"',
    "  [r]: data:text/html,x",
    "<javascript:alert(1)>",
    "<data:text/html,x>",
    "{{ config }}",
    "{% for x in y %}{% endfor %}",
    "{# comment #}",
    "}}",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_validation_refuses_it(text: str) -> None:
    assert markdown_problems(text), text


@pytest.mark.parametrize("text", ATTACKS)
def test_rendered_fields_stay_safe_anyway(text: str) -> None:
    soup = BeautifulSoup(str(render_markdown(text)), "html.parser")
    assert not soup.find_all(["script", "iframe", "svg", "img", "object", "embed", "style"]), text
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on") and name.lower() != "style", (text, tag)
            if name in ("href", "src"):
                seen = re.sub(r"[\x00-\x20]", "", value).lower()
                assert not seen.startswith(("javascript:", "vbscript:", "data:", "file:")), (text, tag)


@pytest.mark.parametrize("text", [
    "Plain text with **bold**, *italic* and a [link](https://www.who.int/).",
    "A [relative link](../partners/) and an [anchor](#evidence).",
    "An autolink: <https://www.who.int/>.",
    "[r]: https://www.who.int/\n\nSee [the report][r].",
    "Maternal deaths fell by one third; 3 < 5 and 7 > 2 in prose are fine.",
    "## A heading {: #evidence }",
    "## A heading {: #evidence .wide }",
    "The sets {1, 2} and {a, b} in the middle of a sentence.",
    "Based on the WHO one-page summary; online = available; onerror= is only text here.",
    "- a list\n- of items",
])
def test_ordinary_markdown_passes(text: str) -> None:
    assert markdown_problems(text) == []


@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text: str) -> None:
    for offset, message, hint in markdown_problems(text):
        assert 0 <= offset <= len(text) and message and hint


def test_page_bodies_are_sanitised_but_keep_mkdocs_markup() -> None:
    from hub.render_markdown import sanitise_page

    html = ('<h2 id="the-problem">The problem<a class="headerlink" href="#the-problem" '
            'title="Permanent link">&para;</a></h2><div class="admonition note"><p>x</p></div>'
            '<p><a href="../partners/a/">ok</a> <img src="x.png" alt="A map" onerror="alert(1)">'
            '<a href="javascript:alert(1)">bad</a></p><script>alert(1)</script>')
    out = sanitise_page(html)
    assert 'id="the-problem"' in out and 'class="headerlink"' in out and 'href="#the-problem"' in out
    assert 'class="admonition note"' in out and 'href="../partners/a/"' in out and 'alt="A map"' in out
    assert "onerror" not in out and "javascript:" not in out and "<script" not in out
