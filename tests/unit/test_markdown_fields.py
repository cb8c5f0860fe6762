"""Contributor Markdown fields: images need alternative text; unsafe markup is refused."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from hub.fields import MarkdownText

MD = TypeAdapter(MarkdownText)


@pytest.mark.parametrize("text", [
    "See ![](assets/map.png).", "![ ](https://example.org/x.png)", "![]\t(x.png)", "Ref ![][map]",
])
def test_image_without_alt_text_is_rejected_with_a_hint(text: str) -> None:
    with pytest.raises(ValidationError) as exc:
        MD.validate_python(text)
    err = exc.value.errors()[0]
    assert "no alternative text" in err["msg"] and "describe what the image shows" in err["ctx"]["hub:hint"]


@pytest.mark.parametrize("text", [
    "![Map of the districts served](assets/map.png)", "Plain [link](https://example.org) text.",
    "An array a[] (x) is not an image.",
])
def test_images_with_alt_text_and_plain_text_pass(text: str) -> None:
    assert MD.validate_python(text) == text


@pytest.mark.parametrize("text, words", [
    ("<img src=x onerror=alert(1)>", "event-handler attribute"),
    ("[x](javascript:alert(1))", "javascript:"),
    ("[x]( JavaScript:alert(1))", "javascript:"),
    ("{{ 7*7 }}", "template code"),
    ("{% raw %}", "template code"),
])
def test_unsafe_markup_is_rejected(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as exc:
        MD.validate_python(text)
    assert words in exc.value.errors()[0]["msg"]
