"""Pass 2: no published text names a member who has not agreed to a public profile.

A member with `consent.public: false` appears nowhere on the site; their name written out in
a brief (an outside author `- name:`, the body), a description, a module or another member's
bio would publish it all the same. The search is one pass over each text: names and text are
compared as words, ignoring case, accents and spacing (`ASHA  Raí` is `Asha Rai`), by looking
up each run of words of a withheld name's length in a set: linear in the text, whatever the
number of names. The message never repeats the name: it points at the contributor's own line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .catalog import Catalog
from .load_records import Origin
from .problems import Problem

_WORD_RE = re.compile(r"[^\W_]+")
_MARKS_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
ID_FIELDS = frozenset({"id", "member", "partners", "track", "prerequisites", "members", "briefs", "modules"})
MESSAGE = "names a member of the network who has not agreed to a public profile"
HINT = ("remove the name, or ask the member to agree to a public profile first "
        "(consent.public in members.yaml; see Consent in CONTRIBUTING.md)")


def fold(text: str) -> str:
    """Lower case, without accents, compatibility forms unified (full-width letters...)."""
    if text.isascii():
        return text.lower()
    return _MARKS_RE.sub("", unicodedata.normalize("NFKD", text)).casefold()


# ASCII text: every character that is not a letter or a digit becomes a space, and `split` then
# gives the same words as `_WORD_RE` (on ASCII, `[^\W_]` is [A-Za-z0-9]), several times faster.
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def words(text: str) -> tuple[str, ...]:
    if text.isascii():
        return tuple(text.lower().translate(_ASCII_NON_WORD).split())
    return tuple(_WORD_RE.findall(fold(text)))


class NameFinder:
    """Finds any of a set of names in texts, in one pass over each text."""

    def __init__(self, names: list[str]) -> None:
        self.names: set[tuple[str, ...]] = set()
        for name in names:
            w = words(name)
            if w:
                self.names.add(w)
                if len(w) >= 2:  # "Rai, Asha" in a reference list
                    self.names.add((w[-1],) + w[:-1])
        self.singles = {n[0] for n in self.names if len(n) == 1}
        # A name of several words occurs only where each pair of its neighbouring words does.
        self.name_pairs = {n: frozenset(zip(n, n[1:], strict=False)) for n in self.names if len(n) > 1}
        self.pairs = frozenset().union(*self.name_pairs.values())
        # One word of each name -> its names' other words. The longest word of a name (usually
        # the family name) is the one looked up: the rarest, as a rule, in the texts searched, so
        # the fewest names are looked at further (which word it is changes nothing else).
        self._by_anchor: dict[str, list[tuple[str, ...]]] = {}
        for n in self.names:
            i = max(range(len(n)), key=lambda i: len(n[i]))
            self._by_anchor.setdefault(n[i], []).append(n[:i] + n[i + 1:])

    def __bool__(self) -> bool:
        return bool(self.names)

    def _may_hold(self, tokens: tuple[str, ...]) -> bool:
        """Whether some name has each of its words among `tokens` (if none has, no name can
        occur: one lookup per word, in C, instead of a pair of words made for each)."""
        present = set(tokens)
        anchors = self._by_anchor.keys() & present
        return any(present.issuperset(rest) for word in anchors for rest in self._by_anchor[word])

    def find(self, text: str) -> int:
        """Offset of the first name in `text`, or -1."""
        if not self.names:
            return -1
        tokens = words(text)
        if not self._may_hold(tokens):
            return -1
        # The names whose every pair of neighbouring words is in the text (sets, in C), then
        # those names alone are looked for word by word.
        present = self.pairs.intersection(zip(tokens, tokens[1:], strict=False))
        found = {n for n, pairs in self.name_pairs.items() if pairs <= present} if present else set()
        found |= {(w,) for w in self.singles.intersection(tokens)}
        if not found:
            return -1
        firsts, lengths = {n[0] for n in found}, sorted({len(n) for n in found})
        for i, tok in enumerate(tokens):
            if tok in firsts:
                for n in lengths:
                    if tokens[i:i + n] in found:
                        return self._offset(text, i)
        return -1

    @staticmethod
    def _offset(text: str, index: int) -> int:
        for k, m in enumerate(_WORD_RE.finditer(text)):
            if k == index:
                return m.start()
        return 0  # folding changed the words (rare): point at the start of the text


def _flat(data: Any, out: list[str]) -> list[str]:
    """The texts of a record, fast (no locations), leaving out ids. A record's data is what the
    YAML readers build: text, None, and lists and dicts (exactly these types) of them; the
    texts in a list or a dict are added here, without a call for each of them (200,000 at
    10,000 records)."""
    kind = type(data)
    if kind is str:
        out.append(data)
    elif kind is dict:
        for k, v in data.items():
            if k not in ID_FIELDS:
                kind = type(v)
                if kind is str:
                    out.append(v)
                elif kind is dict or kind is list:
                    _flat(v, out)
    elif kind is list:
        for v in data:
            kind = type(v)
            if kind is str:
                out.append(v)
            elif kind is dict or kind is list:
                _flat(v, out)
    return out


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, loc + (i,))


def _record_data(origin: Origin) -> Any:
    data = origin.doc.data
    for part in origin.loc:
        data = data[part]
    return data


# What the last search found per file (and per body), for the live preview's next validation:
# id(file's document or body) -> (that object, its records' places, found). The records of a file
# that was not read again are the same objects (`load_all`'s cache); only when the withheld
# names are the same too is the earlier answer still right.
_FOUND: dict[int, tuple[Any, tuple, bool]] = {}
_FOUND_NAMES: list[frozenset] = [frozenset()]


# The records whose texts named no one at the last search, by id (the live preview's next
# validation): a list file read again after an edit to one record keeps the other records (the
# same objects, with the same data), so only the edited one is searched again.
_CLEAN: dict[int, Any] = {}


def _file_texts(finder: NameFinder, pairs: list[tuple[Origin, Any]]) -> str:
    """The texts of one file's records joined ("0" ends any name), leaving out the records that
    named no one last time; "" when none is left."""
    if _CLEAN:
        pairs = [(o, r) for o, r in pairs if _CLEAN.get(id(r)) is not r]
    return " 0 ".join(t for o, _ in pairs for t in _flat(_record_data(o), []))


def _name_words(name: str) -> tuple[str, ...]:
    return _NAME_WORDS.get(name) or _NAME_WORDS.setdefault(name, words(name))


_NAME_WORDS: dict[str, tuple[str, ...]] = {}


def withheld_finder(cat: Catalog) -> NameFinder:
    """The finder of the names of the members without a public profile (unless a member with
    one has the same name). Made once for both passes that search (this one and the
    translations'), and again only when the names change."""
    if len(_NAME_WORDS) > 200_000:
        _NAME_WORDS.clear()
    public = {_name_words(m.name) for m in cat.members.values() if m.consent.public}
    names = tuple(m.name for m in cat.members.values()
                  if not m.consent.public and _name_words(m.name) not in public)
    if _FINDER[0] != names:
        _FINDER[:] = [names, NameFinder(list(names))]
    return _FINDER[1]


_FINDER: list = [None, None]


def withheld_name_problems(cat: Catalog) -> list[Problem]:
    finder = withheld_finder(cat)
    if not finder:
        return []
    names = frozenset(finder.names)
    if names != _FOUND_NAMES[0]:
        _FOUND.clear()
        _CLEAN.clear()
        _FOUND_NAMES[0] = names
    memo: dict[int, tuple[Any, tuple, bool]] = {}

    def found(obj: Any, places: tuple, text) -> bool:
        hit = _FOUND.get(id(obj))
        if hit is not None and hit[0] is obj and hit[1] == places:
            memo[id(obj)] = hit
            return hit[2]
        answer = finder.find(text()) >= 0
        memo[id(obj)] = (obj, places, answer)
        return answer

    out: list[Problem] = []
    # (origin, record): the record object tells a record that was not read again (hub.load_records)
    records: list[tuple[Origin, Any]] = [(cat.origin("partner", k), r) for k, r in cat.partners.items()]
    records += [(cat.origin("member", k), m) for k, m in cat.members.items() if m.consent.public]
    records += [(cat.origin("track", k), r) for k, r in cat.tracks.items()]
    records += [(cat.origin("module", k), r) for k, r in cat.modules.items()]
    records += [(b.origin, b.front) for b in cat.briefs.values() if b.published]
    records += [(e.origin, e.front) for e in cat.exchanges.values()]
    bodies = [b for b in cat.briefs.values() if b.published] + list(cat.exchanges.values())
    # One search per file over its texts joined ("0" ends any name), then one per text: only
    # where a name was found is it searched again, to say where.
    by_file: dict[int, list[tuple[Origin, Any]]] = {}
    for pair in records:
        by_file.setdefault(id(pair[0].doc), []).append(pair)
    hits = []
    clean: dict[int, Any] = {}  # id(record) -> record: its texts name no one (these names)
    for pairs in by_file.values():
        origins = [o for o, _ in pairs]
        places = tuple((o.path, o.loc) for o in origins)
        if found(origins[0].doc, places, lambda pairs=pairs: _file_texts(finder, pairs)):
            hits.append(origins)
        else:
            clean.update((id(r), r) for _, r in pairs)
    bodies = [b for b in bodies if found(b.body, (), lambda b=b: b.body)]
    _FOUND.clear()
    _FOUND.update(memo)
    _CLEAN.clear()
    _CLEAN.update(clean)
    for origins in hits:
        for origin in origins:
            for loc, text in _strings(_record_data(origin)):
                if not ID_FIELDS.intersection(loc) and finder.find(text) >= 0:
                    out.append(origin.problem(loc, MESSAGE, HINT))
    for b in bodies:
        offset = finder.find(b.body)
        if offset >= 0:
            out.append(_body_problem(b.origin, b.body, offset))
    return out


def _body_problem(origin: Origin, body: str, offset: int) -> Problem:
    text = origin.doc.text or ""
    # The body starts after the front matter: two `---` lines around the YAML.
    first_line = text.count("\n") + 3 + origin.doc.line_offset - 1
    before = body[:offset]
    line = first_line + before.count("\n")
    col = offset - (before.rfind("\n") + 1) + 1
    return Problem(origin.path, line, col, "body", MESSAGE, HINT)
