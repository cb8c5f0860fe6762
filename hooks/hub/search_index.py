"""The site's search index, written at build time in small files that a reader's browser loads
only when a query needs them (the hub's replacement for Material's one-file lunr index).

Material's search plugin writes the text of every page into `search/search_index.json`, and
Material's script downloads it on every page view: about 0.2 KB gzip per page, 2 MB for a
10,000-record hub, before anyone searches. This index is split instead:

- `search/search_index.json`: what Material's script fetches at every page load (from
  `file://`, the `search_index.js` that Material's offline plugin makes of it). Constant size:
  settings only, no page text; its `config.hub` gives the index version and the manifest.
- `search/hub/m.js`: the manifest, loaded at the first query: the first term of every term
  chunk (chunks hold a sorted range of terms), the number of pages, the page-chunk size.
- `search/hub/t<N>.js`: term chunk N: the accent-folded surface words met in the pages, each
  with its stem (Snowball, the build language), and for each stem its postings: page number
  (delta-coded) and a precomputed BM25 weight (title words count `TITLE_BOOST` times).
- `search/hub/d<N>.js`: pages `N*DOCS_PER_CHUNK ...`: address, title and a short snippet.

Each file is a script calling `hubSearch(kind, n, data)`: the same file loads with
`importScripts` in a web worker (http) and by a `<script>` in the iframe that stands in for the
worker from `file://` (iframe-worker): no `fetch`, no CORS, the CSP's `script-src 'self'` holds.
The worker (`overrides/assets/hub/search-worker.js`) speaks Material's worker protocol.

This module imports nothing from MkDocs: `hooks/search.py` feeds it each page's rendered HTML.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat
from json.encoder import encode_basestring as _json_string  # = json.dumps(str, ensure_ascii=False)
from operator import is_
from pathlib import Path

INDEX_DIR = "search/hub"
TITLE_BOOST = 5          # a word of the title counts as this many words of the text
K1, B = 1.2, 0.75        # BM25
WEIGHT_SCALE = 8         # weights are stored as integers: round(score * WEIGHT_SCALE)
CHUNK_BYTES = 24_000     # target size of a term chunk before gzip (about 8 KB gzip)
DOCS_PER_CHUNK = 8       # pages per page chunk: a result list loads few small files
SNIPPET_CHARS = 180      # text shown under a result's title
MAX_RESULTS = 40         # results the worker lists (the best ones; documented in README)

# ISO 639-1 code of `theme.language` -> Snowball algorithm (snowballstemmer's names)
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch",
    "nb": "norwegian", "no": "norwegian", "nn": "norwegian", "pl": "polish", "pt": "portuguese",
    "pt-BR": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "fa": "persian", "yi": "yiddish",
}

_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Inline elements join their text to the neighbours' ("Country<span>:</span>" reads
# "Country:"); every other tag separates words ("<dt>Country</dt><dd>Nepal" is two words).
_INLINE = ("a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup"
           "|time|u|var")
# Not indexed: scripts, heading anchors, comments, and what is marked `data-search-exclude` (as
# Material's own search does), e.g. the notice above a page shown untranslated, which would
# otherwise open every result's snippet. Such an element must not hold another of its own tag.
_DROP = re.compile(r"<(script|style|template)\b.*?</\1\s*>"
                   r"|<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>|<!--.*?-->"
                   r"|<([a-z][a-z0-9]*)\b[^>]*\sdata-search-exclude\b[^>]*>.*?</\2\s*>", re.S | re.I)


def _trie(words: Iterable[str]) -> str:
    """An alternation of `words` as a prefix tree ("a|abbr" -> "a(?:bbr)?"): the same tags
    match, twice as fast (the regex tries one branch per first letter, not one per tag)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
        else:
            parts.append(re.escape(first) + "(?:" + _trie(longer) + ")" + ("?" if "" in rests else ""))
    return "|".join(parts)


# The same without the `data-search-exclude` branch, for a page that has no such attribute:
# that branch tries every tag's attributes (in any letter case; "\u017f", the long s, matches
# "s" too when the case is ignored, so a page with one takes the full pattern).
_DROP_PLAIN = re.compile(r"<(script|style|template)\b.*?</\1\s*>"
                         r"|<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>|<!--.*?-->", re.S | re.I)
# What each branch of `_DROP_PLAIN` must hold, in lower case: a page without them has nothing to
# drop. Checked in the page's UTF-8 with A-Z in lower case: `re`'s case-blind match also takes
# "\u017f" for s, "\u0130" and "\u0131" for i and "\u212a" for k; a page with one of them takes `_DROP`.
_DROP_MARKS = (b"<script", b"<style", b"<template", b"headerlink", b"<!--")
_INLINE_TAG = re.compile(rf"</?(?:{_trie(_INLINE.split('|'))})\b[^>]*>", re.I)
# The same in lower case only, twice as fast, for a page whose tag names hold no letter that the
# case-blind pattern takes for a lower-case one: A-Z, and the four that Python's `re` also folds
# to i, s or k ("\u0130", "\u0131", "\u017f", "\u212a"; tests/unit/test_build_fast_paths.py).
_INLINE_TAG_LOWER = re.compile(_INLINE_TAG.pattern)
_CASED_NAME = re.compile("<[/a-z]*+[A-Z\u0130\u0131\u017f\u212a]")  # (also takes "<a/B": no harm)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case without accents: what the worker does to a query (`fold` in the worker)."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


def plain_text(page_html: str) -> str:
    """The reader-visible text of a page's content HTML, words kept apart as a reader sees them."""
    return " ".join(text_pieces(page_html))


def text_pieces(page_html: str) -> list[str]:
    """The text of `plain_text` split at its spaces (`plain_text` joins them with one space)."""
    if "\u017f" in page_html or "\u0130" in page_html or "\u0131" in page_html or "\u212a" in page_html:
        text = _DROP.sub(" ", page_html)
    else:
        lower = page_html.encode("utf-8").lower()  # (only A-Z change: faster than `str.lower`)
        if b"data-search-exclude" in lower:
            text = _DROP.sub(" ", page_html)
        elif any(m in lower for m in _DROP_MARKS):
            text = _DROP_PLAIN.sub(" ", page_html)
        else:  # nothing `_DROP_PLAIN` could find (most pages: no script, comment or heading anchor)
            text = page_html
    text = (_INLINE_TAG if _CASED_NAME.search(text) else _INLINE_TAG_LOWER).sub("", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text).split()  # = _SPACE.sub(" ", ...).strip() once joined: same whitespace


def stemmer_for(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of `language` (a `theme.language` code); no stemming when Snowball
    has none for it (the words are then matched as they are, and by their beginnings)."""
    import snowballstemmer

    name = SNOWBALL.get(language) or SNOWBALL.get(language.split("-")[0].split("_")[0])
    if name is None:
        return lambda word: word
    stem = snowballstemmer.stemmer(name).stemWord
    cache: dict[str, str] = {}

    def cached(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = cache[word] = stem(word)
        return found

    return cached


@dataclass
class _Doc:
    location: str
    title: str
    snippet: str
    length: int
    weights: Counter  # stem -> title/text term frequency, title counted TITLE_BOOST times


@dataclass
class SearchIndex:
    """Collects pages during the build (`add`), then writes the index files (`write`)."""

    language: str = "en"
    docs: list[_Doc] = field(default_factory=list)
    surfaces: dict[str, str] = field(default_factory=dict)  # folded word -> folded stem

    def __post_init__(self) -> None:
        self._stem = stemmer_for(self.language)
        self._seen: dict[str, str] = {}  # word as written (lower case) -> its folded stem
        # text between spaces -> the stem of its word, or (no word, or several) the tuple of their stems
        self._pieces: dict[str, str | tuple[str, ...]] = {}
        self._odd: set[tuple[str, ...]] = set()  # those tuples

    def _terms(self, pieces: list[str]) -> Counter:
        """The stems of the words of `pieces` (a text split at its spaces) with their counts. A
        piece is split into words once for the whole build (`_pieces`); each new word is stemmed
        in the order the text gives it (the first word of a folded form names its stem)."""
        known = self._pieces
        stems = list(map(known.get, pieces))
        if None in stems:  # pieces not met before
            self._learn(compress(pieces, map(is_, stems, repeat(None))))
            stems = list(map(known.get, pieces))
        counts = Counter(stems)
        if not self._odd.isdisjoint(counts):  # pieces of no word or of several ("high-income")
            for several in self._odd.intersection(counts):
                n = counts.pop(several)
                for stem in several:
                    counts[stem] += n
        return counts

    def _learn(self, pieces: Iterable[str]) -> None:
        """The words of each new piece, with their stems, in the order of the text."""
        seen, known, surfaces = self._seen, self._pieces, self.surfaces
        for piece in pieces:
            if piece in known:  # met twice in the same page
                continue
            found = []
            for word in _WORD.findall(piece.lower()):
                stem = seen.get(word)
                if stem is None:
                    surface = word if word.isascii() else fold(word)  # = fold(word): it is in lower case
                    stem = surfaces.get(surface)
                    if stem is None:
                        stem = self._stem(word)
                        stem = surfaces[surface] = (stem.lower() if stem.isascii() else fold(stem)) or surface
                    seen[word] = stem
                found.append(stem)
            if len(found) == 1:
                known[piece] = found[0]
            else:
                known[piece] = stems = tuple(found)
                self._odd.add(stems)

    def add(self, location: str, title: str, content_html: str) -> None:
        """One page: its address (relative to the site root), title and rendered content."""
        pieces = text_pieces(content_html)
        title_terms = self._terms(title.split())  # before the text: its words are stemmed first
        weights = self._terms(pieces)
        length = weights.total()
        for stem, n in title_terms.items():
            weights[stem] += TITLE_BOOST * n
            length += TITLE_BOOST * n
        text = " ".join(pieces)
        snippet = text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        self.docs.append(_Doc(location, title, snippet, length, weights))

    def postings(self) -> dict[str, list[int]]:
        """stem -> [page delta, weight, page delta, weight, ...] (pages in ascending order)."""
        n = len(self.docs)
        avg = sum(d.length for d in self.docs) / n if n else 1.0
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.weights.keys())
        k1 = K1 + 1
        idf = {stem: math.log(1 + (n - f + 0.5) / (f + 0.5)) for stem, f in df.items()}
        out: dict[str, list[int]] = {}  # stem -> [last page, delta, weight, delta, weight, ...]
        for i, d in enumerate(self.docs):
            norm = K1 * (1 - B + B * d.length / (avg or 1.0))
            for stem, tf in d.weights.items():
                weight = round(idf[stem] * tf * k1 / (tf + norm) * WEIGHT_SCALE) or 1  # never below 1
                flat = out.get(stem)
                if flat is None:
                    out[stem] = [i, i, weight]
                else:
                    flat += (i - flat[0], weight)
                    flat[0] = i
        for flat in out.values():
            del flat[0]
        return out

    def files(self) -> dict[str, str]:
        """Relative path -> text of every file of the index."""
        postings = self.postings()
        keys = sorted(set(self.surfaces) | set(postings))
        chunks: list[tuple[dict[str, str], dict[str, list[int]]]] = []
        firsts: list[str] = []
        size = CHUNK_BYTES
        for key in keys:
            if size >= CHUNK_BYTES:
                chunks.append(({}, {}))
                firsts.append(key)
                size = 0
            words, posts = chunks[-1]
            if key in self.surfaces:
                stem = self.surfaces[key]
                words[key] = "" if stem == key else stem
                size += len(key) + len(stem) + 6
            if key in postings:
                posts[key] = postings[key]
                size += len(key) + 4 * len(postings[key]) + 4
        out: dict[str, str] = {}
        top = max((max(flat) for flat in postings.values() if flat), default=0)
        number = [str(i) for i in range(top + 1)].__getitem__  # each number's JSON, made once
        for n, (words, posts) in enumerate(chunks):
            out[f"{INDEX_DIR}/t{n}.js"] = _term_chunk(n, words, posts, number)
        for n in range(0, len(self.docs), DOCS_PER_CHUNK):
            part = [[d.location, d.title, d.snippet] for d in self.docs[n:n + DOCS_PER_CHUNK]]
            out[f"{INDEX_DIR}/d{n // DOCS_PER_CHUNK}.js"] = _script("d", n // DOCS_PER_CHUNK, part)
        version = hashlib.sha256("".join(out[k] for k in sorted(out)).encode("utf-8")).hexdigest()[:12]
        manifest = {"v": version, "lang": self.language, "t": firsts, "n": len(self.docs),
                    "g": DOCS_PER_CHUNK, "max": MAX_RESULTS}
        out[f"{INDEX_DIR}/m.js"] = _script("m", 0, manifest)
        stub = material_stub(version, self.language)
        out["search/search_index.json"] = stub  # offline, Material's plugin copies it into a .js
        return out

    def write(self, site_dir: str | Path) -> int:
        """Write the index into the built site; returns the number of files."""
        files = self.files()
        made: set[Path] = set()
        for rel, text in files.items():
            path = Path(site_dir, rel)
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(text.encode("utf-8"))
        return len(files)


def material_stub(version: str, language: str = "en") -> str:
    """What Material's script fetches at every page load and hands to the worker: settings
    only (the separator also drives the highlighting of `?h=` words on the result page)."""
    hub = {"v": version, "manifest": f"{INDEX_DIR}/m.js"}  # in `config`: Material passes only that on
    return json.dumps({"config": {"lang": [language], "separator": r"[\s\-]+", "pipeline": [], "fields": {},
                                  "hub": hub}, "docs": []}, separators=(",", ":"))


def _script(kind: str, n: int, data: object) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"hubSearch({json.dumps(kind)},{n},{body})\n"


def _term_chunk(n: int, words: dict[str, str], posts: dict[str, list[int]],
                number: Callable[[int], str]) -> str:
    """`_script("t", n, {"w": words, "p": posts})`, its postings' numbers written by `number`
    (`str` of each, taken from a list: the index holds about two numbers per word of each page)."""
    body = ",".join(f"{_json_string(stem)}:[{','.join(map(number, flat))}]" for stem, flat in posts.items())
    head = json.dumps(words, ensure_ascii=False, separators=(",", ":"))
    return f'hubSearch("t",{n},{{"w":{head},"p":{{{body}}}}})\n'


# --- reading a built index back (tests, bench) -------------------------------------------------

_CALL = re.compile(r'^hubSearch\("(\w)",(\d+),(.*)\)\s*$', re.S)


def _read(path: Path) -> object:
    m = _CALL.match(path.read_text(encoding="utf-8"))
    if not m:
        raise ValueError(f"{path}: not a search index file")
    return json.loads(m.group(3))


@dataclass
class BuiltIndex:
    """A site's index read back: the same lookups as the worker, in Python (tests)."""

    manifest: dict
    words: dict[str, str]
    postings: dict[str, dict[int, int]]
    docs: list[list[str]]

    @classmethod
    def read(cls, site: str | Path) -> BuiltIndex:
        root = Path(site, INDEX_DIR)
        manifest = _read(root / "m.js")
        assert isinstance(manifest, dict)
        words: dict[str, str] = {}
        postings: dict[str, dict[int, int]] = {}
        for n in range(len(manifest["t"])):
            chunk = _read(root / f"t{n}.js")
            assert isinstance(chunk, dict)
            words.update({w: s or w for w, s in chunk["w"].items()})
            for stem, flat in chunk["p"].items():
                page, found = 0, {}
                for i in range(0, len(flat), 2):
                    page += flat[i]
                    found[page] = flat[i + 1]
                postings[stem] = found
        docs: list[list[str]] = []
        for n in range(math.ceil(manifest["n"] / manifest["g"])):
            docs.extend(_read(root / f"d{n}.js"))  # type: ignore[arg-type]
        return cls(manifest, words, postings, docs)

    def pages(self) -> list[dict[str, str]]:
        """Every indexed page: its location, title and snippet (the text a result shows)."""
        return [{"location": loc, "title": title, "text": snippet} for loc, title, snippet in self.docs]

    def words_of(self, location: str) -> set[str]:
        """The folded surface words that find the page at `location` exactly."""
        page = next(i for i, d in enumerate(self.docs) if d[0] == location)
        stems = {s for s, found in self.postings.items() if page in found}
        return {w for w, s in self.words.items() if s in stems}

    def pages_with(self, word: str) -> set[str]:
        """Addresses of the pages a query word finds as the worker does: by its own stem, the
        stems of the words that begin with it (completion) and the stems it begins with."""
        out: set[str] = set()
        for w in surface_words(word):
            stems = {s for surface, s in self.words.items() if surface.startswith(w)}
            stems |= {s for s in self.postings if stem_fits(s, w)}
            out |= {self.docs[p][0] for s in stems for p in self.postings.get(s, {})}
        return out


def stem_fits(stem: str, word: str) -> bool:
    """A query word finds a stem it begins with ("communities": "communiti", the stem of
    "community"), or, from 5 letters, all but its last letter ("policy": "polici"), followed by
    at most 3 letters (an ending; "partner12" is no form of "partner1"). The worker
    does the same (`stemFits`): the query is not stemmed, no stemmer runs in the browser."""
    if len(word) < 4 or len(stem) < 4 or not word.startswith(stem[:-1]):
        return False
    ending = word[len(stem):] if word.startswith(stem) else word[len(stem) - 1:] if len(stem) >= 5 else "-"
    return len(ending) <= 3 and (ending == "" or ending.isalpha())  # "partner12" is no form of "partner1"


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 6))


def surface_words(text: str) -> Iterable[str]:
    """The folded words of `text`, as the index and the worker split them."""
    return (fold(w) for w in _WORD.findall(text.lower()))
