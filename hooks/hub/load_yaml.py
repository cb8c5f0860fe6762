"""Read contributor YAML strictly, keeping the line and column of every value.

PyYAML alone is a poor fit for files written by hand by non-programmers: it resolves YAML 1.1
types (`NO` is False, `010` is 8, `1:20` is 80, `2024-01-01` a date), lets a duplicate key
silently win, expands aliases without limit and recurses until Python gives up. This module
uses PyYAML only to *compose* the node tree, then builds plain values itself:

* every plain (unquoted) scalar stays the text the contributor typed; the record models turn
  text into numbers, dates and booleans only where a field asks for one, so `country: NO`
  is Norway and `sdg_targets: [3.10]` stays "3.10";
* `~`, `null` and an empty value are null, so optional fields can be left blank;
* duplicate keys, aliases, merge keys, custom tags, very deep nesting and files that are not
  UTF-8 are reported as `Problem`s with a position, never raised.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .load_yaml_lines import parse_lines
from .problems import Problem

Path = tuple[str | int, ...]

MAX_DEPTH = 40
MAX_BYTES = 5_000_000
_NULLS = {"", "~", "null", "Null", "NULL"}
_STD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


class _Stop(Exception):
    """A problem that ends the reading of one file."""

    def __init__(self, line: int, col: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases and deep nesting as it reads."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            raise _Stop(
                mark.line + 1,
                mark.column + 1,
                "aliases (*name) are not allowed in record files",
                "write the value out in full instead of referring to an anchor",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Stop(
                    mark.line + 1,
                    mark.column + 1,
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                    "records need only a few levels; check the indentation",
                )
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


@dataclass
class Document:
    """A YAML document as plain values. The line and column of any value or key are found
    on demand (`position`), by composing `text` again: only files with a problem need them,
    and keeping a position for every value of every record cost a third of the validation
    time and tens of MB at 10,000 records (benchmarks/RESULTS.md)."""

    path: str
    data: Any
    line_offset: int = 0
    root: str = ""
    problems: list[Problem] = field(default_factory=list)
    text: str | None = field(default=None, repr=False)  # the YAML that was read
    _table: tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int]]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def values(self) -> dict[Path, tuple[int, int]]:
        """Position (line, column; 1-based, without `line_offset`) of each value, by location."""
        return self._positions()[0]

    @property
    def keys(self) -> dict[Path, tuple[int, int]]:
        """Position of each mapping key, by the location of its value."""
        return self._positions()[1]

    def _positions(self) -> tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int]]]:
        if self._table is None:
            values: dict[Path, tuple[int, int]] = {}
            keys: dict[Path, tuple[int, int]] = {}
            top = _compose(self.text) if self.text is not None else None
            if top is not None:
                _index(top, (), values, keys)
            self._table = (values, keys)
        return self._table

    def position(self, loc: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or key) at `loc`, or of its nearest ancestor that has one."""
        values, keys = self._positions()
        table = keys if key else values
        for n in range(len(loc), -1, -1):
            prefix = tuple(loc[:n])
            if prefix in table:
                line, col = table[prefix]
                return line + self.line_offset, col
            if key and prefix in values:
                line, col = values[prefix]
                return line + self.line_offset, col
        return 1 + self.line_offset, 1


def _compose(text: str) -> Node | None:
    """The node tree of a text that was read without error (libyaml when present)."""
    for loader_type in ((_CLoader,) if _CLoader is not None else ()) + (_StrictLoader,):
        loader = loader_type(text)
        try:
            return loader.get_single_node()
        except (yaml.YAMLError, _Stop, RecursionError):
            continue
        finally:
            loader.dispose()
    return None


def _index(node: Node, loc: Path, values: dict, keys: dict) -> None:
    """Record the positions `_build` would have seen, for the values it kept."""
    values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, loc + (i,), values, keys)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            sub = loc + (key_node.value,)
            if sub in keys:  # a duplicate key: `_build` kept the first
                continue
            keys[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _index(value_node, sub, values, keys)


def where(loc: Path, root: str = "") -> str:
    """`("x", 2, "country")` -> `x[3].country`: items are counted from 1, as people count."""
    out = root
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text, or one problem saying where the first byte that is not UTF-8 is."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(path, 1, 1, "", f"the file is larger than {MAX_BYTES // 1_000_000} MB",
                    "split it into smaller files")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            Problem(path, line, col, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X})",
                    "save the file with UTF-8 encoding (in most editors: Save with encoding > UTF-8)")
        ]
    return text, []


_HINTS = [
    (re.compile(r"found character '\\t'"), "indent with spaces, not tabs"),
    (re.compile(r"mapping values are not allowed"),
     "a value that contains ': ' must be put in quotes, e.g. title: \"Health: a right\""),
    (re.compile(r"could not find expected ':'"),
     "each line of a record needs `field: value`; check the line above for a missing colon or quote"),
    (re.compile(r"did not find expected key|expected <block end>"),
     "check that this line is indented like the fields around it (spaces only)"),
    (re.compile(r"expected ',' or '\]'"),
     "a [ list ] opened here is never closed with ], or an item in it needs quotes"),
    (re.compile(r"expected ',' or '\}'"),
     "a { group } opened here is never closed with }, or a value in it needs quotes"),
    (re.compile(r"while scanning a quoted scalar"), "a quote opened here is never closed"),
    (re.compile(r"found unexpected end of stream|found unexpected end of"),
     "a quote or bracket is opened but never closed"),
    (re.compile(r"found undefined tag handle|found character '@'|found character '`'"),
     "values that start with @, ` or ! must be put in quotes"),
    (re.compile(r"special characters are not allowed|unacceptable character"),
     "remove the invisible control character from this line"),
]


# Errors about something opened and never closed: point at where it was opened.
_OPENED = re.compile(r"while scanning a quoted scalar|while parsing a flow (?:sequence|mapping)")


def _syntax_problem(exc: yaml.YAMLError, path: str, line_offset: int, text: str = "") -> Problem:
    from .explain_yaml import explain

    plain = explain(exc, text) if text else None
    if plain is not None:  # the mistakes PyYAML's own words mislead about
        line, col, message, hint = plain
        return Problem(path, line + line_offset, col, "", message, hint)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {what}" + (f" ({context})" if context else "")
    hint = next((h for rx, h in _HINTS if rx.search(message)), "")
    opened = getattr(exc, "context_mark", None)
    if context and _OPENED.search(context) and opened is not None:
        if mark is not None and mark.line != opened.line:
            hint += f" (the problem shows on line {mark.line + 1 + line_offset})"
        mark = opened
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line + line_offset, col, "", message, hint)


def parse(text: str, path: str, *, line_offset: int = 0,
          root: str = "") -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document; on any problem return `None` and the problem, never raise."""
    if _no_data(text):
        return None, [Problem(path, 1 + line_offset, 1, "", "the file is empty",
                              "see CONTRIBUTING.md for a complete example of this kind of file")]
    fast = _parse_lines(text, path, line_offset, root)
    if fast is None:
        fast = _parse_events(text, path, line_offset, root)
    if fast is None:
        fast = _parse_fast(text, path, line_offset, root)
    if fast is not None:
        return fast
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:  # a control character: the reader refuses the text
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return None, [Problem(path, line + line_offset, col, "",
                              f"the file contains an invisible control character (#x{exc.character:04X})",
                              "delete it (retype the text around it if you cannot see it)")]
    try:
        top = loader.get_single_node()
        if top is None:
            return None, [Problem(path, 1 + line_offset, 1, "", "the file holds no data")]
        doc = Document(path, None, line_offset, root, text=text)
        doc.data = _build(top, (), doc)
        return doc, doc.problems
    except _Stop as stop:
        return None, [Problem(path, stop.line + line_offset, stop.col, "", stop.message, stop.hint)]
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(exc, path, line_offset, text)]
    except RecursionError:
        return None, [Problem(path, 1 + line_offset, 1, "", "the data is nested too deeply",
                              "records need only a few levels; check the indentation")]
    finally:
        loader.dispose()


_SPACE_RE = re.compile(r"\s*")
_LINE_END_RE = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # (those of `splitlines`)


def _no_data(text: str) -> bool:
    """Whether every line of `text` is blank or a comment: `not text.strip() or all(not ln.strip()
    or ln.lstrip().startswith("#") for ln in text.splitlines())`, without splitting a whole file
    to find that its first line holds data (tests/unit/test_load_yaml_fast.py compares the two)."""
    at = 0
    while True:
        at = _SPACE_RE.match(text, at).end()  # (`\s`: what `strip` removes, line ends included)
        if at == len(text):
            return True
        if text[at] != "#":
            return False
        end = _LINE_END_RE.search(text, at)
        if end is None:
            return True
        at = end.end()


class _Fallback(Exception):
    """The fast path met something the strict loader reports better (an alias, deep nesting)."""


_KIND_TAGS = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq",
              MappingNode: "tag:yaml.org,2002:map"}

if hasattr(yaml, "CSafeLoader"):  # libyaml, when PyYAML was built with it

    class _CLoaderType(yaml.CSafeLoader):  # type: ignore[name-defined, misc]
        """libyaml's composer, with no implicit type resolution.

        Plain values stay text (see the module docstring), so guessing int/bool/date tags
        with PyYAML's regexes for every scalar is wasted work; explicit tags (`!foo`) never
        reach `resolve` and are still refused by `_build`.
        """

        # libyaml calls `resolve(kind, value, implicit)` for every node without an explicit tag:
        # a built-in function (no Python frame for each of 447,821 nodes at 10,000 records) that
        # ignores its arguments and gives the one standard tag that `_build` needs to see (it
        # tells scalars, lists and mappings apart by their node class, never by this tag).
        resolve = _KIND_TAGS[ScalarNode].format  # type: ignore[assignment]

        # No path resolvers are registered: libyaml calls these for every node, for nothing.
        # Built-in functions (no Python frame per call; not bound to the loader): `is_(node,
        # index)` and `tuple()` do nothing that matters, and what they return is ignored.
        descend_resolver = operator.is_  # type: ignore[assignment]
        ascend_resolver = tuple  # type: ignore[assignment]

    _CLoader: type | None = _CLoaderType
else:
    _CLoader = None


def _parse_fast(text: str, path: str, line_offset: int, root: str
                ) -> tuple[Document, list[Problem]] | None:
    """Compose with libyaml (C, about 10x faster), build the values as the strict path does.

    `None` sends the file to the strict pure-Python loader: on any YAML error, alias or deep
    nesting, so that a contributor's mistake is reported with the same words and position
    whichever path read the file. libyaml itself refuses nesting deeper than 1,000 levels.
    """
    if _CLoader is None or _non_printable(text):
        return None  # (control characters: the strict reader words that error)
    loader = _CLoader(text)
    try:
        top = loader.get_single_node()
        if top is None:
            return None
        doc = Document(path, None, line_offset, root, text=text)
        # An alias needs a `*`: without one no node can be met twice, and tracking is skipped.
        doc.data = _build(top, (), doc, fast=True, visited=set() if "*" in text else None)
        return doc, doc.problems
    except (_Fallback, _Stop, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


# PyYAML's reader refuses these characters; in ASCII text they are the C0 controls but tab, line
# feed and carriage return, and DEL (one scan of a smaller class: twice as fast on 10 MB of records).
_ASCII_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _non_printable(text: str) -> bool:
    """Whether PyYAML's reader would refuse a character of `text` (`Reader.NON_PRINTABLE`)."""
    if text.isascii():
        return _ASCII_NON_PRINTABLE.search(text) is not None
    return yaml.reader.Reader.NON_PRINTABLE.search(text) is not None


_CParser = getattr(getattr(yaml, "cyaml", None), "CParser", None)  # libyaml's parser (with `_CLoader`)
_NO_KEY = object()  # (a mapping waits for its next key)


def _parse_events(text: str, path: str, line_offset: int, root: str
                  ) -> tuple[Document, list[Problem]] | None:
    """The values of a plain document straight from libyaml's events, without its node tree.

    Composing a node (a Python object, two marks) for each of the 450,000 values of a
    10,000-record hub, then walking the tree, takes half as long again as building the values
    from the events as they come (members.yaml at 10,000 records: 210 ms, 140 ms from the
    events; benchmarks/RESULTS.md). Only documents made of mappings, lists and
    scalars with no tag, no anchor, no alias, no merge key, no duplicate key and no deep nesting
    are built here, exactly as `_build` builds them from libyaml's nodes; on anything else
    (and on any error) `None` hands the text to `_parse_fast`, which reports it
    (tests/unit/test_load_yaml_events.py compares the two on every corpus).
    """
    if _CLoader is None or _CParser is None or _non_printable(text):
        return None
    get = _CParser(text).get_event
    scalar, map_start, seq_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    nulls, no_key, deepest = _NULLS, _NO_KEY, MAX_DEPTH - 2
    try:
        if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
            return None  # (no document: `_parse_fast` says what is wrong)
        stack: list[Any] = []  # the open lists and mappings above `current`
        keys: list[Any] = []  # for each: the key its next value goes under
        top: Any = None
        current: Any = None  # the list or mapping being filled (None: the document itself)
        key: Any = no_key
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    return None
                if key is no_key and type(current) is dict:  # a field name
                    key = event.value
                    if key == "<<" or key in current:
                        return None
                    continue
                value = None if not event.style and event.value in nulls else event.value
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag is not None or len(stack) >= deepest:
                    return None
                if key is no_key and type(current) is dict:
                    return None  # a list or mapping as a field name
                value = {} if kind is map_start else []
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                current, key = stack.pop(), keys.pop()
                if current is None:
                    break
                continue
            else:  # an alias, or anything unforeseen
                return None
            if current is None:
                top = value
            elif key is no_key:
                current.append(value)
            else:
                current[key] = value
                key = no_key
            if kind is not scalar:
                stack.append(current)
                keys.append(key)
                current, key = value, no_key
            elif current is None:
                break
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            return None  # (a second document: `_parse_fast` reports it)
    except Exception:  # noqa: BLE001 -- every error is reported by the next reader, in its words
        return None
    return Document(path, top, line_offset, root, text=text), []


def _parse_lines(text: str, path: str, line_offset: int, root: str
                 ) -> tuple[Document, list[Problem]] | None:
    """The values of a record file written in the usual small part of YAML (`key: value` lines,
    `- ` items, one-line or folded plain values, one-line quoted values), read line by line in
    Python (`hub.load_yaml_lines`): a third faster than taking libyaml's events one by one.
    `None` on anything else, which `_parse_events` and the node readers read (and word). Only
    where libyaml is there to compare with: tests/unit/test_load_yaml_lines.py checks that the
    two give the same values."""
    if _CLoader is None or (not text.isascii() and _non_printable(text)):
        return None  # (ASCII text: `parse_lines` refuses every control character itself)
    data = parse_lines(text)
    if data is None:
        return None
    return Document(path, data, line_offset, root, text=text), []


def _build(node: Node, loc: Path, doc: Document, fast: bool = False,
           visited: set[int] | None = None) -> Any:
    if fast:  # libyaml composed it: leave deep nesting and aliases to the strict loader
        if len(loc) >= MAX_DEPTH:
            raise _Fallback
        if visited is not None:  # an alias is the same node object met twice
            if id(node) in visited:
                raise _Fallback
            visited.add(id(node))
    if node.tag not in _STD_TAGS:
        raise _Stop(node.start_mark.line + 1, node.start_mark.column + 1,
                    f"the YAML tag {node.tag!r} is not allowed in record files",
                    "remove the tag (the word starting with !) or put the value in quotes")
    if isinstance(node, ScalarNode):
        if not node.style and node.value in _NULLS:  # plain: None (PyYAML) or "" (libyaml)
            return None
        return node.value
    # Most values are plain text: a scalar child whose checks cannot fail (a standard tag, not
    # too deep, no alias tracking) is built right here; any other goes through `_build`, which
    # reports it. Two thirds of the calls saved at 10,000 records (benchmarks/RESULTS.md).
    inline = visited is None and (not fast or len(loc) + 1 < MAX_DEPTH)
    if isinstance(node, SequenceNode):
        items: list[Any] = []
        for i, item in enumerate(node.value):
            if inline and type(item) is ScalarNode and item.tag in _STD_TAGS:
                items.append(None if not item.style and item.value in _NULLS else item.value)
            else:
                items.append(_build(item, loc + (i,), doc, fast, visited))
        return items
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.value == "<<" or key_node.value in seen:
                _key_problem(key_node, loc, doc, seen)
                continue
            key = key_node.value
            seen[key] = key_node
            if inline and type(value_node) is ScalarNode and value_node.tag in _STD_TAGS:
                out[key] = (None if not value_node.style and value_node.value in _NULLS
                            else value_node.value)
            else:
                out[key] = _build(value_node, loc + (key,), doc, fast, visited)
        return out
    raise _Stop(node.start_mark.line + 1, node.start_mark.column + 1, "unsupported YAML value")


def _key_problem(key_node: Node, loc: Path, doc: Document, seen: dict[str, Node]) -> None:
    """A field name that is not a word or a merge key (raise), or a duplicate (a problem)."""
    kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
    if not isinstance(key_node, ScalarNode):
        raise _Stop(kline, kcol, "a field name must be a plain word",
                    "write `name: value` with the name on the left")
    key = key_node.value
    if key == "<<":
        raise _Stop(kline, kcol, "merge keys (<<) are not allowed in record files",
                    "write every field out in full")
    first = seen[key].start_mark.line + 1
    doc.problems.append(Problem(
        doc.path, kline + doc.line_offset, kcol, where(loc + (key,), doc.root),
        f"the field {key!r} appears twice in the same record (first on line {first + doc.line_offset})",
        "keep one of the two and delete the other"))


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


class _Front:
    """What `_FRONT.match` gives that is used: the front matter (`group(1)`) and where it ends."""

    __slots__ = ("front", "stop")

    def __init__(self, front: str | None, stop: int) -> None:
        self.front, self.stop = front, stop

    def group(self, n: int) -> str | None:
        return self.front

    def end(self) -> int:
        return self.stop


def _front_match(text: str) -> _Front | None:
    """`_FRONT.match(text)`, found by two searches in C instead of a lazy `.*?` that tries to
    close the front matter at each of its characters (tests/unit/test_validation_fast_paths.py
    compares the two)."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return None
    start = opening.end()
    closing = _FRONT_CLOSE.search(text, start)
    if closing is not None:
        at = closing.start() + 1
        return _Front(text[start:at], closing.end())
    # (the pattern's group is tried first: a closing line right after the opening one closes
    # the front matter only when no line further down does)
    closing = _FRONT_CLOSE.match(text, start - 1)
    return None if closing is None else _Front(None, closing.end())


def split_front_matter(text: str, path: str) -> tuple[str | None, str, int, list[Problem]]:
    """Split Markdown into (front matter text, body, line number where the body starts)."""
    m = _front_match(text)
    if not m:
        if not text.strip():
            problem = Problem(path, 1, 1, "", "the file is empty",
                              "see CONTRIBUTING.md for a complete example of a brief")
        elif re.match(r"\A---[ \t]*\r?\n", text):
            problem = Problem(path, 1, 1, "", "the front matter is never closed",
                              "add a line with only `---` after the last field")
        else:
            problem = Problem(path, 1, 1, "", "the file does not start with front matter",
                              "the first line must be `---`, then the fields, then a line `---`")
        return None, text, 1, [problem]
    front = m.group(1) or ""
    body_line = text[: m.end()].count("\n") + 1
    return front, text[m.end():], body_line, []
