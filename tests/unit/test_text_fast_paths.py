"""Each first look that lets validation skip a pattern gives the pattern's own answer.

Validation reads every text of every record; the cheap first looks (substring tests, `isascii`,
`isprintable`, `str.translate`) decide most texts without running the patterns. Each is checked
here against the pattern it stands for, on generated texts built from the characters that
matter to the pattern (and their look-alikes), and on every text of the repository's records.
A first look that said "nothing here" where the pattern finds something would let a contact
detail, a placeholder or a control character through: these tests fail then.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml
from pydantic_core import PydanticCustomError

from hub import fields, load_records, load_yaml, placeholders, text_guards, validate_privacy

REPO = Path(__file__).resolve().parents[2]
RECORD_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(
    [*REPO.glob("*.yaml"), *(REPO / "curriculum").rglob("*.yaml"), *(REPO / "content").rglob("*.md"),
     *(REPO / "tests" / "fixtures").rglob("*.yaml"), *(REPO / "tests" / "fixtures").rglob("*.md")])]
PIECES = [
    "a", "t", "at", " at ", "\tat\t", "(at)", "[ at ]", "{at}", "<at>", "@", "＠", ".", ".me", ".com",
    ".group", ".dog", ".Com", ".ME", "wa.me", "t.me", "-", "_", "0", "1", "7", "٣", "१", "+", " ", "\t",
    "\n", "\r", "\x00", "\x07", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\xa0", "é", "İ", "ı", "K",
    "ſ", "(replace", "(REPLACE", "(replace)", "invalid", "INVALID", "ınvalid", "\\", "x", "y.z",
    "\u202e", "\u200b", "\ufeff", "2024-01-01", "+41 44 123 45 67", "a.b@c.org", "*" * 101, "_" * 100,
    "(" * 60, "~" * 50, "[" * 101, "`" * 99, "<" * 101, "](", "]:", "![", "*[", "]", "javascript:x",
    "http://a.b", "mailto:a@b.c", "{: onclick=x}", "<b>", "{{ x }}",
]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = [t for t in RECORD_TEXTS]
    for text in RECORD_TEXTS:  # each line of the records, as a field would hold it
        out.extend(text.splitlines())
    for _ in range(n):
        out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))))
    return out


TEXTS = _texts(16, 20_000)


def test_contact_first_looks_agree_with_the_patterns() -> None:
    for text in TEXTS:
        low = text.lower()
        if text_guards._AT_MARK_RE.search(low) is not None:
            assert text_guards._may_hold_at(low), repr(text)
        if text.isascii() and text_guards._EIGHT_DIGITS_RE.search(text) is not None:
            assert len(text.encode().translate(None, text_guards._NOT_DIGITS)) >= 8, repr(text)


def test_contact_problems_unchanged_by_the_first_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [text_guards.contact_problems(t) for t in TEXTS]
    monkeypatch.setattr(text_guards, "_may_hold_at", lambda low: True)
    monkeypatch.setattr(text_guards, "_NOT_DIGITS", b"")  # (every byte kept: the pattern runs)
    assert fast == [text_guards.contact_problems(t) for t in TEXTS]
    assert any(fast)  # (the texts hold contact details to find)


def test_markdown_first_looks_agree_with_the_patterns() -> None:
    for text in TEXTS:
        assert text_guards._may_run(text) == (text_guards._RUN_RE.search(text) is not None), repr(text)
    assert any(text_guards._may_run(t) for t in TEXTS)


def test_markdown_problems_unchanged_by_the_first_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS[len(RECORD_TEXTS)::3]  # (lines and generated texts: whole files are slow this way)
    fast = [fields.markdown_problems(t) for t in texts]
    monkeypatch.setattr(text_guards, "_may_run", lambda text: True)
    monkeypatch.setattr(text_guards, "_NOT_DIGITS", b"")
    monkeypatch.setattr(text_guards, "_may_hold_at", lambda low: True)

    class Everything(str):  # every `in` test says yes: the patterns run on every text
        def __contains__(self, item: object) -> bool:
            return True

    assert fast == [fields.markdown_problems(Everything(t)) for t in texts]
    assert sum(bool(f) for f in fast) > 300


def test_placeholder_first_look_agrees_with_the_pattern() -> None:
    for text in TEXTS:
        expected = "\\" in text or placeholders._MAYBE.search(text) is not None
        assert placeholders.may_hold_placeholders(text) == expected, repr(text)


def test_ascii_words_are_the_pattern_words() -> None:
    for text in TEXTS:
        assert validate_privacy.words(text) == tuple(validate_privacy._WORD_RE.findall(
            validate_privacy.fold(text))), repr(text)


def test_control_character_first_looks_agree_with_the_patterns() -> None:
    long = [t * 9 + "\x07" for t in TEXTS[-500:]] + [t * 9 for t in TEXTS[-500:]]  # (beyond `isprintable`)
    for text in TEXTS + long:
        if text.isascii():
            assert text_guards.ascii_clean(text) == (text_guards._ASCII_CONTROL_RE.search(text) is None)
        bad = text_guards._BAD_RE.search(text) is not None
        assert (text_guards.character_problems(text) != []) == bad, repr(text)
        assert load_yaml._non_printable(text) == (yaml.reader.Reader.NON_PRINTABLE.search(text) is not None)
        if text.isascii():  # `_text` lets it through unchanged, or reports what the pattern finds
            try:
                passed = fields._text(text) is text
            except PydanticCustomError:
                passed = False
            assert passed != bad, repr(text)


def test_only_comments_walks_lines_as_splitlines_does() -> None:
    rng = random.Random(3)
    parts = ["#", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
             "\u2028", "\u2029", "\xa0", "\u3000", "a", "-", "# c", "- id: x"]
    for _ in range(50_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        expected = bool(lines) and all(ln.startswith("#") for ln in lines)
        assert load_records._only_comments(text) == expected, repr(text)


def test_space_and_line_end_classes() -> None:
    for c in list(range(0x3000 + 1)) + [0x2028, 0x2029, 0x205F, 0xFEFF]:
        ch = chr(c)
        assert (re.fullmatch(load_records._SPACE_RE.pattern, ch) is not None) == ch.isspace(), hex(c)
        line_end = len(f"a{ch}b".splitlines()) == 2
        assert (load_records._LINE_END_RE.fullmatch(ch) is not None) == line_end, hex(c)


def test_name_search_unchanged_by_its_first_look(monkeypatch: pytest.MonkeyPatch) -> None:
    finder = validate_privacy.NameFinder(["Asha Rai", "Mei", "Lin Mei Rai"] + [
        " ".join(t.split()[:2]) for t in TEXTS[:2000] if len(t.split()) >= 2])
    fast = [finder.find(t) for t in TEXTS]
    monkeypatch.setattr(finder, "_may_hold", lambda tokens: True)
    assert fast == [finder.find(t) for t in TEXTS]
    assert sum(f >= 0 for f in fast) > 100
