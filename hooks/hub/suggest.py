"""Suggestions that follow meaning, not only spelling.

Spelling distance alone misleads a health professional: `maternal-health` is closest in
letters to `mental-health`, and `district-health-office` to `provincial-health-office`. Here
a controlled word is also matched by the words of its label (vocab.py: "Maternal and child
health"), weighted by how rare each word is in the vocabulary (every other topic has
"health"; only one has "maternal"), plus the synonyms of the network's own terms (hub.yml).
A record's id is matched by the record's name (a partner written by its name), and by a part
of the id (`sita-gurung` for `example-sita-gurung`), before spelling.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping

_STOP = {"and", "or", "of", "the", "for", "a", "an", "in", "on", "to"}
# Words a contributor uses for a word of the vocabularies (both sides are lower-case tokens):
# the network's own, from `synonyms:` in hub.yml.


def synonyms() -> dict[str, list[str]]:
    from .config import active

    return active().synonyms


def tokens(text: str) -> set[str]:
    words = {w for w in re.split(r"[^a-z0-9]+", text.lower()) if w and w not in _STOP}
    table = synonyms()
    for w in list(words):
        words |= set(table.get(w, ()))
    return words


def _weights(docs: Iterable[set[str]]) -> dict[str, float]:
    docs = list(docs)
    df: dict[str, int] = {}
    for d in docs:
        for t in d:
            df[t] = df.get(t, 0) + 1
    return {t: math.log((len(docs) + 1) / (n + 0.5)) for t, n in df.items()}


def by_meaning(value: str, words: Mapping[str, str]) -> str | None:
    """The word of `words` (word -> label) whose own words cover most of `value`'s meaning."""
    docs = {w: tokens(w) | tokens(label) for w, label in words.items()}
    weight = _weights(docs.values())
    unseen = max(weight.values(), default=1.0)
    asked = tokens(value)
    total = sum(weight.get(t, unseen) for t in asked)
    if not total:
        return None
    best, score = None, 0.0
    for w, have in docs.items():
        s = sum(weight.get(t, unseen) for t in asked & have) / total
        s += 0.01 * difflib.SequenceMatcher(None, value.lower(), w).ratio()  # ties: spelling
        if s > score:
            best, score = w, s
    return best if score >= 0.5 else None


def suggest_word(value: str, words: Mapping[str, str]) -> str | None:
    """The controlled word probably meant by `value`: its label, its meaning, then its spelling."""
    v = str(value).strip().lower()
    for w, label in words.items():
        if v == label.lower() or v.replace("-", " ") == label.lower():
            return w
    near = difflib.get_close_matches(v, list(words), n=1, cutoff=0.9)  # a typo: `ngoo`
    if near:
        return near[0]
    spelt = difflib.get_close_matches(v, list(words), n=1, cutoff=0.6)
    return by_meaning(v, words) or (spelt[0] if spelt else None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def suggest_id(value: str, names: Mapping[str, str], cutoff: float = 0.75) -> tuple[str, str] | None:
    """(id, why) of the record probably meant by `value`, given each id's name; None if unsure.

    `why` is "" for a near spelling, else a few words saying how it was matched."""
    v = str(value).strip()
    slug = _slug(v)
    for rid, name in names.items():
        if name and (v.lower() == name.lower() or slug == _slug(name)):
            return rid, f"the id of {name!r}: write the id, not the name"
    if len(slug) >= 4:
        parts = [rid for rid in names if rid.endswith("-" + slug) or rid.startswith(slug + "-")
                 or f"-{slug}-" in rid]
        if len(parts) == 1:
            return parts[0], ""
    near = difflib.get_close_matches(slug or v, list(names), n=1, cutoff=cutoff)
    if near:
        return near[0], ""
    by_name = by_meaning(v, {rid: name for rid, name in names.items()})
    if by_name and len(tokens(v) & tokens(by_name + " " + names[by_name])) >= 2:
        return by_name, f"the id of {names[by_name]!r}"
    return None


def word_hint(value: str, words: Mapping[str, str], noun: str) -> str:
    """The hint for a word that is not in `words`: the word meant, or where the list is."""
    v = str(value).strip().lower()
    near = difflib.get_close_matches(v, list(words), n=1, cutoff=0.6)
    meant = suggest_word(value, words)
    if meant and near and meant == near[0]:
        return f"did you mean '{meant}'?"
    if meant:  # matched by meaning: say what the word means
        return f"did you mean '{meant}' ({words[meant]})?"
    if len(words) <= 20:
        return "allowed: " + ", ".join(words)
    return f"see the list of {noun} in CONTRIBUTING.md"
