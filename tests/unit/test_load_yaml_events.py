"""The event reader (`load_yaml._parse_events`) builds exactly what the node reader builds.

`_parse_events` builds values from libyaml's events without composing nodes; it takes only
plain documents and hands everything else to `_parse_fast` (tags, anchors, aliases, merge keys,
duplicate keys, deep nesting, errors). Two readers must never disagree: whenever the event
reader gives a document, the node reader must give the same values, in the same order, with no
problem. Checked on every YAML text of the repository and of the corpora, on the front matter
of every Markdown file, and on thousands of generated and mutated documents.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hub import load_yaml
from hub.load_yaml import split_front_matter

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(load_yaml._CLoader is None, reason="PyYAML without libyaml")


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO).as_posix()
        if not path.is_file() or rel.startswith((".", "site/", "node_modules/")) or "/." in rel:
            continue
        if path.suffix not in (".yaml", ".yml", ".md", ".markdown", ".mdown", ".mkd"):
            continue
        raw = path.read_bytes()
        if len(raw) > 2_000_000:
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        if path.suffix not in (".yaml", ".yml"):
            front = split_front_matter(text, rel)[0]
            if front is None:
                continue
            text = front
        out.append((rel, text))
    return out


def _same(text: str) -> bool:
    """Whether the event reader, when it reads `text`, agrees with the node reader."""
    events = load_yaml._parse_events(text, "f.yaml", 0, "")
    if events is None:
        return True  # handed on: `_parse_fast` (and the strict reader) decide
    nodes = load_yaml._parse_fast(text, "f.yaml", 0, "")
    assert nodes is not None, text
    (edoc, eprobs), (ndoc, nprobs) = events, nodes
    assert eprobs == nprobs == [], text
    # repr: the same types (None, text, list, dict) and the same order of the fields
    assert repr(edoc.data) == repr(ndoc.data), text
    assert (edoc.path, edoc.line_offset, edoc.root, edoc.text) == (ndoc.path, ndoc.line_offset,
                                                                   ndoc.root, ndoc.text)
    return True


TEXTS = _texts()


def test_the_corpora_are_read() -> None:
    rels = [rel for rel, _ in TEXTS]
    assert any(r.startswith("tests/hostile/") for r in rels)
    assert any(r.startswith("tests/bad/") for r in rels)
    assert any(r.startswith("tests/fixtures/") for r in rels)
    assert "partners.yaml" in rels
    # and most of them by the event reader (it is the fast path, not a path never taken)
    taken = sum(load_yaml._parse_events(t, "f", 0, "") is not None for _, t in TEXTS)
    assert taken > len(TEXTS) // 2


@pytest.mark.parametrize("rel,text", TEXTS, ids=[rel for rel, _ in TEXTS])
def test_event_and_node_readers_agree_on_files(rel: str, text: str) -> None:
    assert _same(text)


# --- generated documents ---------------------------------------------------------------------

SCALARS = [
    "", "x", "~", "null", "Null", "NULL", "nul", "''", '""', "'~'", '"null"', "no", "NO", "yes", "on",
    "010", "0x1F", "1:20", "3.10", "2024-01-01", "true", "'a: b'", '"a\\tb"', '"\\u0041"', "|\n  lit\n  x",
    ">\n  fold\n  y", "a b  c", "é", "ß", "日本", "'it''s'", "-", "- x", "?", ":", "a:b", "#", "x #c",
    "!!str 1", "!!int 1", "!foo x", "! x", "&a x", "*a", "<<", "'<<'", "[a, b]", "{a: 1}", "[]", "{}",
    "\t", "a\u0085b", "'\x07'", "\ufeff", "...", "---", "@x", "`x", "%x",
]
KEYS = ["a", "b", "id", "name", "<<", "'a'", '"b"', "~", "null", "", "? a", "[a]", "{a: 1}", "!!str a",
        "&k a", "*k", "1", "é"]


def _value(rng: random.Random, depth: int, indent: int) -> str:
    pad = " " * indent
    roll = rng.random()
    if depth > 6 or roll < 0.45:
        return " " + rng.choice(SCALARS)
    if roll < 0.6:  # flow
        items = [rng.choice(SCALARS).replace("\n", " ") for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.5:
            return " [" + ", ".join(items) + "]"
        return " {" + ", ".join(f"{rng.choice(KEYS)}: {v}" for v in items) + "}"
    prefix = rng.choice(["", "", "", " &x", " !!map", " !!seq", " !t"])
    if roll < 0.8:  # block list
        return prefix + "".join(f"\n{pad}-{_value(rng, depth + 1, indent + 2)}"
                                for _ in range(rng.randint(1, 3)))
    return prefix + "".join(f"\n{pad}  {rng.choice(KEYS)}:{_value(rng, depth + 1, indent + 2)}"
                            for _ in range(rng.randint(1, 4)))


def _document(rng: random.Random) -> str:
    lines = [f"{rng.choice(KEYS)}:{_value(rng, 0, 0)}" for _ in range(rng.randint(1, 5))]
    text = "\n".join(lines) + rng.choice(["\n", "", "\n\n", "\n# end\n", "\n---\nx: 1\n", "\n...\n"])
    return rng.choice(["", "", "---\n", "%YAML 1.1\n---\n", "# c\n", "- "]) + text


def _mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.4:
            piece = rng.choice([":", "-", " ", "\n", "'", '"', "[", "]", "{", "}", "&a ", "*a", "!", "#",
                                "\t", "<<: ", "|", ">", "? ", ",", "\x07", "~"])
            text = text[:i] + piece + text[i:]
        elif op < 0.7:
            text = text[:i] + text[i + rng.randint(1, 4):]
        else:
            j = rng.randrange(len(text) + 1)
            text = text[:i] + text[j:j + 20] + text[i:]
    return text


def test_event_and_node_readers_agree_on_generated_documents() -> None:
    rng = random.Random(20261207)
    taken = 0
    for _ in range(4000):
        text = _document(rng)
        assert _same(text)
        taken += load_yaml._parse_events(text, "f", 0, "") is not None
    assert taken > 200  # plain documents among them are read by the event reader


def test_event_and_node_readers_agree_on_mutated_records() -> None:
    rng = random.Random(7)
    sources = [t for rel, t in TEXTS if len(t) < 20_000 and not rel.startswith("tests/hostile/")]
    for _ in range(3000):
        assert _same(_mutate(rng, rng.choice(sources)))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",               # duplicate key: reported by the node reader
    "x: &a [1]\ny: *a\n",         # alias
    "x: &a 1\n",                  # an anchor alone
    "a: !!str 1\n",               # a tag
    "<<: {a: 1}\n",               # merge key
    "[a]: 1\n",                   # a list as a field name
    "[" * 45 + "]" * 45,          # deep nesting
    "a: 1\n---\nb: 2\n",          # two documents
    "a: 'x\x07'\n",               # a control character
    "a: 1\n b: 2\n",              # a syntax error
])
def test_event_reader_hands_on_what_it_does_not_take(text: str) -> None:
    assert load_yaml._parse_events(text, "f.yaml", 0, "") is None


def test_event_reader_takes_plain_documents() -> None:
    doc, problems = load_yaml._parse_events('a:\nb: ""\nc: ~\nd: "~"\ne: [x, {f: NO}]\n', "f.yaml", 0, "")
    assert problems == [] and repr(doc.data) == repr({"a": None, "b": "", "c": None, "d": "~",
                                                      "e": ["x", {"f": "NO"}]})
