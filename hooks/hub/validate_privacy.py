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
ID_FIELDS = frozenset({"id", "member", "partners", "track", "prerequisites"})
MESSAGE = "names a member of the network who has not agreed to a public profile"
HINT = ("remove the name, or ask the member to agree to a public profile first "
        "(consent.public in members.yaml; see Consent in CONTRIBUTING.md)")


def fold(text: str) -> str:
    """Lower case, without accents, compatibility forms unified (full-width letters...)."""
    if text.isascii():
        return text.lower()
    return _MARKS_RE.sub("", unicodedata.normalize("NFKD", text)).casefold()


def words(text: str) -> tuple[str, ...]:
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
        self.lengths = sorted({len(n) for n in self.names})
        self.firsts = {n[0] for n in self.names}
        self.singles = {n[0] for n in self.names if len(n) == 1}
        self.pairs = {n[:2] for n in self.names if len(n) >= 2}

    def __bool__(self) -> bool:
        return bool(self.names)

    def find(self, text: str) -> int:
        """Offset of the first name in `text`, or -1."""
        if not self.names:
            return -1
        tokens = words(text)
        # No single-word name and no name's first two words side by side: decided in C.
        if self.singles.isdisjoint(tokens) and self.pairs.isdisjoint(zip(tokens, tokens[1:], strict=False)):
            return -1
        for i, tok in enumerate(tokens):
            if tok in self.firsts:
                for n in self.lengths:
                    if tokens[i:i + n] in self.names:
                        return self._offset(text, i)
        return -1

    @staticmethod
    def _offset(text: str, index: int) -> int:
        for k, m in enumerate(_WORD_RE.finditer(text)):
            if k == index:
                return m.start()
        return 0  # folding changed the words (rare): point at the start of the text


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


def withheld_name_problems(cat: Catalog) -> list[Problem]:
    public = {words(m.name) for m in cat.members.values() if m.consent.public}
    finder = NameFinder([m.name for m in cat.members.values()
                         if not m.consent.public and words(m.name) not in public])
    if not finder:
        return []
    out: list[Problem] = []
    records: list[Origin] = [cat.origin("partner", k) for k in cat.partners]
    records += [cat.origin("member", k) for k, m in cat.members.items() if m.consent.public]
    records += [cat.origin("track", k) for k in cat.tracks]
    records += [cat.origin("module", k) for k in cat.modules]
    records += [b.origin for b in cat.briefs.values() if b.published]
    # One search over each whole file first: without a backslash (YAML's escapes) the file's
    # text holds every value as written, so no name in the file means none in its records.
    files: dict[int, bool] = {}
    for origin in records:
        doc = origin.doc
        if id(doc) not in files:
            text = doc.text or ""
            files[id(doc)] = "\\" in text or finder.find(text) >= 0
        if not files[id(doc)]:
            continue
        texts = [(loc, t) for loc, t in _strings(_record_data(origin))
                 if not ID_FIELDS.intersection(loc)]  # an id names a record, not a person
        if finder.find(" 0 ".join(t for _, t in texts)) < 0:  # ("0" ends any name)
            continue
        for loc, text in texts:
            if finder.find(text) >= 0:
                out.append(origin.problem(loc, MESSAGE, HINT))
    for b in cat.briefs.values():
        if not b.published:
            continue
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
