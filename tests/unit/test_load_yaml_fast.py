"""The fast (libyaml) reader gives exactly what the strict pure-Python reader gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub import load_yaml
from hub.load_yaml import parse

REPO = Path(__file__).resolve().parents[2]
FILES = sorted([*REPO.glob("*.yaml"), *(REPO / "curriculum").rglob("*.yaml"),
                *(REPO / "tests" / "fixtures" / "hub").rglob("*.yaml"),
                *(REPO / "tests" / "bad").rglob("*.yaml")])


def _strict(text: str, path: str):
    fast = load_yaml._CLoader
    load_yaml._CLoader = None
    try:
        return parse(text, path)
    finally:
        load_yaml._CLoader = fast


@pytest.mark.skipif(load_yaml._CLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_fast_and_strict_readers_agree(path: Path) -> None:
    text, problems = load_yaml.decode(path.read_bytes(), path.name)
    if text is None:  # a bad-input case that is not UTF-8: neither reader sees it
        assert problems
        return
    fast, fast_problems = parse(text, path.name)
    strict, strict_problems = _strict(text, path.name)
    assert fast_problems == strict_problems
    assert (fast is None) == (strict is None)
    if fast is not None and strict is not None:
        assert (fast.data, fast.values, fast.keys) == (strict.data, strict.values, strict.keys)


@pytest.mark.skipif(load_yaml._CLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", [
    "x: &a [1]\ny: *a\n",          # alias: reported by the strict reader, at the alias
    "[" * 60 + "]" * 60,           # deeper than MAX_DEPTH
    "a: 1\n b: 2\n",               # syntax error
    "a: 'x\x07'\n",                # control character
])
def test_fast_reader_leaves_mistakes_to_the_strict_one(text: str) -> None:
    assert load_yaml._parse_fast(text, "f.yaml", 0, "") is None
    assert parse(text, "f.yaml")[1] == _strict(text, "f.yaml")[1] != []


def test_plain_and_quoted_empty_values() -> None:
    doc, _ = parse('a:\nb: ""\nc: ~\nd: "~"\n', "f.yaml")
    assert doc.data == {"a": None, "b": "", "c": None, "d": "~"}
