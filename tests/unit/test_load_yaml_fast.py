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


def _no_data_by_lines(text: str) -> bool:
    """What `load_yaml._no_data` answers, as it was written first: every line split off."""
    return not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def test_empty_file_check_agrees_with_splitting_every_line() -> None:
    import random

    rng = random.Random(5)
    pieces = ["", " ", "#", "# c", "x", "a: 1", "\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x1c", "\x1d",
              "\x1e", "\x1f", "\x85", "\u2028", "\u2029", "\u00a0", "\u3000", "  #", "x#", "\ufeff"]
    texts = ["", "\n", "# only\n", "# a\n\n  # b\n", "# a\nx: 1\n", "\u2028# a\u2029#b", "# a\x1cb"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    for text in texts:
        assert load_yaml._no_data(text) == _no_data_by_lines(text), repr(text)
