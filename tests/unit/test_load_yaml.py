"""The strict YAML reader: values stay text, every problem has a position, nothing raises."""

from __future__ import annotations

import pytest

from hub.load_yaml import decode, parse, split_front_matter


def only(text: str) -> str:
    doc, problems = parse(text, "f.yaml", root="partners")
    assert doc is None or problems, "expected a problem"
    assert len(problems) == 1, problems
    return problems[0].format()


@pytest.mark.parametrize("text, value", [
    ("country: NO", {"country": "NO"}),  # Norway, not False
    ("n: 010", {"n": "010"}),  # not 8
    ("t: 1:20", {"t": "1:20"}),  # not 80
    ("d: 2024-01-01", {"d": "2024-01-01"}),  # not a datetime.date
    ("s: [3.10, 3.8]", {"s": ["3.10", "3.8"]}),
    ("b: yes", {"b": "yes"}),
    ("e:", {"e": None}),
    ("e: ~", {"e": None}),
    ("q: 'null'", {"q": "null"}),
])
def test_plain_scalars_stay_text(text: str, value: object) -> None:
    doc, problems = parse(text, "f.yaml")
    assert problems == [] and doc is not None and doc.data == value


def test_positions_of_values_and_keys() -> None:
    doc, _ = parse("- id: a\n  country: NP\n", "f.yaml")
    assert doc is not None
    assert doc.position((0, "country")) == (2, 12)
    assert doc.position((0, "country"), key=True) == (2, 3)
    assert doc.position((0, "missing")) == (1, 3)  # falls back to the record


def test_line_offset_for_front_matter() -> None:
    doc, _ = parse("title: x\ndate: y\n", "b.md", line_offset=1)
    assert doc is not None and doc.position(("date",)) == (3, 7)


@pytest.mark.parametrize("text, expected", [
    ("- a: 1\n  a: 2\n", "f.yaml:2:3: partners[1].a: the field 'a' appears twice in the same "
     "record (first on line 1); keep one of the two and delete the other"),
    ("x: &a [1]\ny: *a\n", "f.yaml:2:4: aliases (*name) are not allowed in record files; "
     "write the value out in full instead of referring to an anchor"),
    ("x: !!python/object:os.system 1\n", "f.yaml:1:4: the YAML tag "
     "'tag:yaml.org,2002:python/object:os.system' is not allowed in record files; remove the tag "
     "(the word starting with !) or put the value in quotes"),
    ("a:\n  <<: {b: 1}\n", "f.yaml:2:3: merge keys (<<) are not allowed in record files; "
     "write every field out in full"),
    ("a: b: c\n", "f.yaml:1:5: YAML syntax error: mapping values are not allowed here; a value "
     "that contains ': ' must be put in quotes, e.g. title: \"Health: a right\""),
    ("\ta: 1\n", "f.yaml:1:1: YAML syntax error: found character '\\t' that cannot start any token "
     "(while scanning for the next token); indent with spaces, not tabs"),
    ("a: [1, 2\n", "f.yaml:1:4: YAML syntax error: expected ',' or ']', but got '<stream end>' "
     "(while parsing a flow sequence); a [ list ] opened here is never closed with ], or an item "
     "in it needs quotes (the problem shows on line 2)"),
    ("", "f.yaml:1:1: the file is empty; see CONTRIBUTING.md for a complete example of this kind of file"),
    ("# just a comment\n\n", "f.yaml:1:1: the file is empty; see CONTRIBUTING.md for a complete "
     "example of this kind of file"),
    ("[" * 60 + "]" * 60, "f.yaml:1:41: the data is nested more than 40 levels deep; records need "
     "only a few levels; check the indentation"),
])
def test_problems_have_positions(text: str, expected: str) -> None:
    assert only(text) == expected


def test_alias_bomb_is_one_error_not_a_hang() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    assert "aliases (*name) are not allowed" in only(bomb)


def test_not_utf8_points_at_the_byte() -> None:
    text, problems = decode(b"name: ok\ncity: Bogot\xe1\n", "p.yaml")
    assert text is None
    assert [p.format() for p in problems] == [
        "p.yaml:2:12: the file is not UTF-8 text (byte 0xE1); save the file with UTF-8 encoding "
        "(in most editors: Save with encoding > UTF-8)"]


def test_utf8_bom_is_accepted() -> None:
    text, problems = decode("\ufeffname: Bogotá\n".encode(), "p.yaml")
    assert problems == [] and text == "name: Bogotá\n"


def test_front_matter_split() -> None:
    front, body, line, problems = split_front_matter("---\ntitle: x\n---\n## Body\n", "b.md")
    assert (front, body, line, problems) == ("title: x\n", "## Body\n", 4, [])
    front, _, _, problems = split_front_matter("## no front matter\n", "b.md")
    assert front is None and problems[0].format().startswith("b.md:1:1: the file does not start")
