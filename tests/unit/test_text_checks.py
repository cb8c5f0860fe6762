"""Text fields refuse e-mail addresses, phone numbers, template code, raw HTML and unsafe links
(the cheap substring prechecks in hub.fields must never let one of these through)."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from hub.fields import MarkdownText, PlainText

PLAIN = TypeAdapter(PlainText)
MARKDOWN = TypeAdapter(MarkdownText)


@pytest.mark.parametrize(("adapter", "text", "words"), [
    (PLAIN, "Write to ana@example.org today", "e-mail address"),
    (PLAIN, "Call +977 1 4412 345 now", "phone number"),
    (PLAIN, "Call (01) 442 3345", "phone number"),
    (PLAIN, "Hello {{ config }}", "template code"),
    (PLAIN, "a {% if x %}", "template code"),
    (PLAIN, "a < b", "< or >"),
    (MARKDOWN, "See <b>this</b>", "raw HTML"),
    (MARKDOWN, "x {# y", "template code"),
    (MARKDOWN, "[click](javascript:alert(1))", "are not allowed"),
    (MARKDOWN, "[x]( data:text/html,hi)", "are not allowed"),
    (MARKDOWN, "mail ana@example.org", "e-mail address"),
    (MARKDOWN, "tel 0044 20 7946 0958", "phone number"),
])
def test_refused(adapter: TypeAdapter, text: str, words: str) -> None:
    with pytest.raises(ValidationError) as exc:
        adapter.validate_python(text)
    assert words in str(exc.value)


@pytest.mark.parametrize("text", [
    "In 2024, 38 of 77 districts met the target {a set}.",
    "Coverage rose from 45% to 61% [see the report](https://example.org/r).",
    "Braces { and } alone are fine, and so is 3.8.",
])
def test_accepted(text: str) -> None:
    assert MARKDOWN.validate_python(text) == text
