"""The site's search index written the straightforward way (issue 16): the reference that the
fast paths of `hub.search_index` are compared with, byte for byte, over generated pages
(tests/unit/test_build_fast_paths.py) and over the pages of a built site
(tests/build/test_search_index.py). Nothing here is used by the build."""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections import Counter

from hub import search_index
from hub.search_index import SearchIndex

# the full patterns, on every page; the inline tags as a plain alternation, case-blind
_INLINE_TAG = re.compile(rf"</?(?:{search_index._INLINE})\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text_slow(page_html: str) -> str:
    text = search_index._DROP.sub(" ", page_html)
    text = _INLINE_TAG.sub("", text)
    text = _TAG.sub(" ", text)
    return _SPACE.sub(" ", html.unescape(text)).strip()


def script_slow(kind: str, n: int, data: object) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"hubSearch({json.dumps(kind)},{n},{body})\n"


class SlowIndex(SearchIndex):
    """The index as it was first written: the text by the full patterns, its words one by one,
    one stem per word, postings page by page, every file by `json.dumps`."""

    def _terms_slow(self, text: str) -> list[str]:
        out = []
        for word in search_index._WORD.findall(text.lower()):
            stem = self._seen.get(word)
            if stem is None:
                surface = search_index.fold(word)
                stem = self.surfaces.get(surface)
                if stem is None:
                    stem = self.surfaces[surface] = search_index.fold(self._stem(word)) or surface
                self._seen[word] = stem
            out.append(stem)
        return out

    def add(self, location: str, title: str, content_html: str) -> None:
        text = plain_text_slow(content_html)
        title_terms, text_terms = self._terms_slow(title), self._terms_slow(text)
        weights: Counter = Counter(text_terms)
        for stem in title_terms:
            weights[stem] += search_index.TITLE_BOOST
        cut = search_index.SNIPPET_CHARS
        snippet = text if len(text) <= cut else text[:cut].rsplit(" ", 1)[0] + " …"
        length = len(text_terms) + search_index.TITLE_BOOST * len(title_terms)
        self.docs.append(search_index._Doc(location, title, snippet, length, weights))

    def postings(self) -> dict[str, list[int]]:
        n = len(self.docs)
        avg = sum(d.length for d in self.docs) / n if n else 1.0
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.weights.keys())
        k1, b = search_index.K1, search_index.B
        out: dict[str, list[int]] = {}
        last: dict[str, int] = {}
        for i, d in enumerate(self.docs):
            norm = k1 * (1 - b + b * d.length / (avg or 1.0))
            for stem, tf in d.weights.items():
                idf = math.log(1 + (n - df[stem] + 0.5) / (df[stem] + 0.5))
                weight = max(1, round(idf * tf * (k1 + 1) / (tf + norm) * search_index.WEIGHT_SCALE))
                out.setdefault(stem, []).extend((i - last.get(stem, 0), weight))
                last[stem] = i
        return out

    def files(self) -> dict[str, str]:
        postings = self.postings()
        keys = sorted(set(self.surfaces) | set(postings))
        chunks: list[tuple[dict[str, str], dict[str, list[int]]]] = []
        firsts: list[str] = []
        size = limit = search_index.CHUNK_BYTES
        for key in keys:
            if size >= limit:
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
        out = {f"{search_index.INDEX_DIR}/t{n}.js": script_slow("t", n, {"w": words, "p": posts})
               for n, (words, posts) in enumerate(chunks)}
        per = search_index.DOCS_PER_CHUNK
        for n in range(0, len(self.docs), per):
            part = [[d.location, d.title, d.snippet] for d in self.docs[n:n + per]]
            out[f"{search_index.INDEX_DIR}/d{n // per}.js"] = script_slow("d", n // per, part)
        version = hashlib.sha256("".join(out[k] for k in sorted(out)).encode("utf-8")).hexdigest()[:12]
        manifest = {"v": version, "lang": self.language, "t": firsts, "n": len(self.docs), "g": per,
                    "max": search_index.MAX_RESULTS}
        out[f"{search_index.INDEX_DIR}/m.js"] = script_slow("m", 0, manifest)
        out["search/search_index.json"] = search_index.material_stub(version, self.language)
        return out
