"""The line reader (`load_yaml_lines.parse_lines`) builds exactly what libyaml's events build.

`parse_lines` reads the usual small part of YAML line by line in Python and gives up (None) on
anything else; `load_yaml._parse_events` (libyaml) then reads the text. Whenever the line reader
gives values, the event reader must give the same values, of the same types, in the same order,
with no problem. Checked on every YAML text of the repository and of the corpora (and the front
matter of every Markdown file), and on thousands of generated and mutated documents made of the
forms the line reader takes and of those it must leave alone.
"""

from __future__ import annotations

import random

import pytest
from test_load_yaml_events import SCALARS, TEXTS, _document, _mutate

from hub import load_yaml
from hub.load_yaml_lines import parse_lines

pytestmark = pytest.mark.skipif(load_yaml._CLoader is None, reason="PyYAML without libyaml")


def _same(text: str) -> bool:
    """Whether the line reader, when it reads `text`, agrees with libyaml's event reader (True
    when it gives up: the event reader then reads the text)."""
    if load_yaml._non_printable(text) and not text.isascii():
        return True  # never given to the line reader (`load_yaml._parse_lines`)
    lines = parse_lines(text)
    if lines is None:
        return True
    # (ASCII text is given as it is: the line reader refuses the control characters itself)
    assert not load_yaml._non_printable(text), text
    events = load_yaml._parse_events(text, "f.yaml", 0, "")
    assert events is not None, text
    doc, problems = events
    assert problems == [], text
    # repr: the same types (None, text, list, dict) and the same order of the fields
    assert repr(lines) == repr(doc.data), text
    return True


def _taken(text: str) -> bool:
    return not load_yaml._non_printable(text) and parse_lines(text) is not None


def test_line_reader_refuses_every_control_character() -> None:
    for code in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029, 0xFEFF]:
        if chr(code) == "\n":
            continue
        c = chr(code)
        for text in (f"a: x{c}y\n", f"a: 'x{c}'\n", f"{c}a: x\n", f"a: x\n{c}"):
            assert parse_lines(text) is None, repr(text)


def test_the_line_reader_reads_most_record_files() -> None:
    # the fast path, not a path never taken: the sample's files with no block text (`|`, `>`)
    # and no quoted text over several lines are read by it
    sample = {rel: t for rel, t in TEXTS if rel in ("partners.yaml", "members.yaml")
              or rel.startswith(("curriculum/", "content/briefs/", "content/exchanges/"))}
    assert len(sample) > 10
    assert _taken(sample["members.yaml"])
    assert sum(_taken(t) for t in sample.values()) >= 8


@pytest.mark.parametrize("rel,text", TEXTS, ids=[rel for rel, _ in TEXTS])
def test_line_and_event_readers_agree_on_files(rel: str, text: str) -> None:
    assert _same(text)


# --- generated documents: the forms of record files, with the traps around them ---------------

GOOD_WORDS = ["a", "b", "id", "name", "title", "x_y", "x-y", "A1", "_k", "k" * 64, "null", "true", "no"]
TRAP_WORDS = ["k" * 65, "é", "a b", "<<", "'q'", '"q"', "~", "-a", "a:b", "a#", "?", "[a]", ""]
GOOD_VALUES = [
    "x", "Asha Rai", "a b  c", "plain text, with [brackets] and {braces}", "C#", "a#b", "50%", "a:b",
    "https://example.org/x?a=1#frag", "10.1371/journal.pmed", "2024-01-01", "'2015-01-01'", "'it''s'",
    "''", "''''", "'a'' b'", "'a: b # c'", '"q"', '"a: b"', '""', "~", "null", "Null", "NULL", "nul",
    "NO", "[]", "{}", "[a]", "[a, 'b', \"c\"]", "[ ~ , null]", "[a,b]", "...", ". x", "(a)", "<b>", "=x",
    "~x", "x~", "é ü 日本", "x ", "'x' ", "x\u00a0y", "Ω x", "x  y",
]
TRAP_VALUES = [
    '"a\\"b"', '"a\\nb"', "[ ]", "[a,]", "[a,,b]", "[a: b]", "[[a]]", "[a] x", "{a: 1}", "x #c", "x:",
    "x: y", "a ::b", "---", "@x", "`x`", "%x", "!x", "&x", "*x", "|", ">", "-1", "- x", "-", "?x", ":x",
    ",x", "x\t", "'x'y", "'x", "\"x", "x\u2028y", "x\ufeffy", "x\ry", "Ω: x", "x  #  y", "#x", "|-\n  a",
    "['a,b']", "[\"a, b\"]", "[a #b]", "['it''s']",
]
WORDS = GOOD_WORDS + TRAP_WORDS
VALUES = GOOD_VALUES + TRAP_VALUES


def _pick(rng: random.Random, good: list[str], traps: list[str]) -> str:
    return rng.choice(traps if rng.random() < 0.03 else good)


def _keys(rng: random.Random, n: int) -> list[str]:
    """`n` keys, most often all different (a duplicate sends the whole document to libyaml)."""
    keys = [_pick(rng, GOOD_WORDS, TRAP_WORDS) for _ in range(n)]
    return keys if rng.random() < 0.1 else list(dict.fromkeys(keys))


def _lines_value(rng: random.Random, depth: int, indent: int) -> list[str]:
    """The lines of a value (after `key:` or `-`), each without its line break."""
    roll = rng.random()
    if depth > 4 or roll < 0.55:
        first = _pick(rng, GOOD_VALUES, TRAP_VALUES)
        out = [" " + first if rng.random() < 0.97 else "  " + first]
        for _ in range(rng.choice([0, 0, 0, 1, 2])):  # folded over more lines
            more = _pick(rng, GOOD_VALUES, TRAP_VALUES)
            gap = rng.choice([""] * 12 + ["\n", "\n# c"])
            step = rng.choice([indent + 2] * 8 + [indent + 1, indent + 4, indent, max(indent - 2, 0)])
            out.append(gap + " " * step + more)
        return out
    if roll < 0.6:
        return [""]  # nothing: null
    step = indent + rng.choice([2] * 6 + [0, 4, 1])
    inner = " " * step
    if roll < 0.8:  # a list below, at the key's column or further in
        items = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.4:  # `- key: value` and the item's other keys lined up
                dash = rng.choice(["- ", "- ", "-  "])
                keys = [f"{_pick(rng, GOOD_WORDS, TRAP_WORDS)}:" for _ in range(rng.randint(1, 3))]
                body = [inner + dash + keys[0] + "\n".join(_lines_value(rng, depth + 1, step + len(dash)))]
                for k in keys[1:]:
                    col = step + len(dash) + rng.choice([0] * 12 + [1, -1])
                    body.append(" " * max(col, 0) + k + "\n".join(_lines_value(rng, depth + 1, col)))
                items.append("\n".join(body))
            else:
                items.append(inner + "-" + "\n".join(_lines_value(rng, depth + 1, step)))
        return ["", *items]
    body = [inner + _pick(rng, GOOD_WORDS, TRAP_WORDS) + ":" + "\n".join(_lines_value(rng, depth + 1, step))
            for _ in range(rng.randint(1, 4))]
    return ["", *body]


def _record_document(rng: random.Random) -> str:
    if rng.random() < 0.5:  # a list file
        records = []
        for _ in range(rng.randint(1, 3)):
            keys = _keys(rng, rng.randint(1, 5))
            first = "- " + keys[0] + ":" + "\n".join(_lines_value(rng, 1, 2))
            rest = ["  " + k + ":" + "\n".join(_lines_value(rng, 1, 2)) for k in keys[1:]]
            records.append("\n".join([first, *rest]))
        text = "\n".join(records)
    else:  # one record: a module file, a front matter
        text = "\n".join(k + ":" + "\n".join(_lines_value(rng, 0, 0))
                         for k in _keys(rng, rng.randint(1, 6)))
    head = rng.choice([""] * 6 + ["# c\n", "\n", "  # c\n", " ", "---\n"])
    tail = rng.choice(["\n", "", "\n\n", "\n# end", "\n  \n", " \n", "\n...\n"])
    return head + text + tail


def test_line_and_event_readers_agree_on_generated_records() -> None:
    rng = random.Random(20261207)
    taken = 0
    for _ in range(6000):
        text = _record_document(rng)
        assert _same(text)
        taken += _taken(text)
    assert taken > 400  # the generated documents reach the line reader's own code


def test_line_and_event_readers_agree_on_generated_documents() -> None:
    rng = random.Random(11)
    for _ in range(4000):
        assert _same(_document(rng))


def test_line_and_event_readers_agree_on_mutated_records() -> None:
    rng = random.Random(7)
    sources = [t for _, t in TEXTS if len(t) < 20_000]
    for _ in range(4000):
        assert _same(_mutate(rng, rng.choice(sources)))
    rng = random.Random(8)
    records = [_record_document(rng) for _ in range(300)]
    for _ in range(4000):
        assert _same(_mutate(rng, rng.choice(records)))


def test_every_scalar_alone_and_folded() -> None:
    for a in SCALARS + VALUES:
        for b in VALUES:
            for text in (f"k: {a}\n", f"k: {a}\n  {b}\n", f"- {a}\n  {b}\n", f"- k: {a}\n   {b}\n",
                         f"k:\n- {a}\n- {b}\n", f"k: {a}\n\n  {b}\n", f"a:\n  k: {a}\n  {b}\n"):
                assert _same(text)


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                # a duplicate key: libyaml's readers report it
    "a: 1 # c\n",                  # a comment after a value
    "a: |\n  x\n",                 # a block scalar
    "a: &x 1\n",                   # an anchor
    "a: !t 1\n",                   # a tag
    "a: [x, [y]]\n",               # a flow list in a flow list
    "a: 'x\n  y'\n",               # a quoted value over two lines
    'a: "x\\ty"\n',                # an escape
    "a: x\n\n  y\n",               # a blank line inside a folded value
    "a:\tx\n",                     # a tab
    "a: x\r\nb: y\r\n",            # carriage returns
    "a: 1\n b: 2\n",               # a mistake
    "x\n",                         # a document that is one value
    "  a: 1\n",                    # a document indented
    "-\n  a: 1\n",                 # `-` alone
    "'a': 1\n",                    # a quoted key
])
def test_line_reader_gives_up_on_what_it_does_not_take(text: str) -> None:
    assert parse_lines(text) is None


def test_line_reader_reads_the_usual_forms() -> None:
    text = ("# c\n- id: a\n  name: Asha  Rai\n  focus:\n  - x\n  - y\n  since: '2020-01-01'\n"
            "  bio: one\n    two\n  tier:\n  links: []\n  c:\n    public: true\n    n: ~\n-   id: b\n"
            "    q: 'it''s'\n")
    assert parse_lines(text) == [
        {"id": "a", "name": "Asha  Rai", "focus": ["x", "y"], "since": "2020-01-01", "bio": "one two",
         "tier": None, "links": [], "c": {"public": "true", "n": None}},
        {"id": "b", "q": "it's"},
    ]
