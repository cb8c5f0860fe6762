"""A reader finds every record with Material's search by the words they would type: its name,
its country, its type or role, its topics and, for briefs and modules, its partners.

The check reads the whole built index (`search/search_index.json` online, the inlined
`search_index.js` offline) and tokenises it as Material's search worker does: tags are
boundaries, then lower case, split on whitespace and hyphens (the index's own `separator`), no
stemming, lunr's English stop words dropped, and a trailing wildcard on each query word (so
"Nepal," in the text is found by "nepal", and "CountryNepal" is not).
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub import vocab
from hub.catalog import Catalog
from hub.countries import country
from hub.generate_pages import uri
from hub.validate_links import validate

pytestmark = pytest.mark.slow
_TAG = re.compile(r"<[^>]+>")
_TRAILING = re.compile(r"[^\w]+$")


def load_index(site: Path) -> dict:
    path = site / "search" / "search_index.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    text = (site / "search" / "search_index.js").read_text(encoding="utf-8")  # offline build
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


def stop_words(site: Path) -> set[str]:
    """lunr's English stop words, read from the search worker the site ships."""
    (worker,) = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    found = re.search(r"generateStopWordFilter\(\[([^\]]*)\]", worker.read_text(encoding="utf-8"))
    assert found, "lunr's stop word list not found in the search worker"
    return set(json.loads("[" + found.group(1) + "]"))


def tokens(text: str, separator: str) -> list[str]:
    plain = html.unescape(_TAG.sub(" ", text))
    return [t for t in re.split(separator, plain.lower()) if t]


def reader_words(cat: Catalog) -> dict[tuple[str, str], list[str]]:
    """(kind, key) -> what a reader may type to find that record."""
    out: dict[tuple[str, str], list[str]] = {}
    for p in cat.partners.values():
        out[("partner", p.id)] = [p.name, country(p.country).name, vocab.PARTNER_TYPES[p.type],
                                  *(vocab.TOPICS[t] for t in p.focus)]
    for m in cat.public_members.values():
        out[("member", m.id)] = [m.name, country(m.country).name, vocab.MEMBER_ROLES[m.role],
                                 vocab.PROFESSIONS[m.profession], *(vocab.TOPICS[t] for t in m.interests)]
    for b in cat.published_briefs:
        f = b.front
        authors = [cat.members[a.member].name if a.member else a.name for a in f.authors]
        out[("brief", b.slug)] = [f.title, *(country(c).name for c in f.countries),
                                  *(vocab.TIERS[t] for t in f.tiers), *(vocab.TOPICS[t] for t in f.topics),
                                  *(cat.partners[p].name for p in f.partners), *authors]
    for m in cat.modules.values():
        out[("module", m.id)] = [m.title, cat.tracks[m.track].title, vocab.TRACK_LEVELS[m.level],
                                 *(vocab.COMPETENCIES[c] for c in m.competencies),
                                 *(cat.partners[p].name for p in m.partners),
                                 *(country(cat.partners[p].country).name for p in m.partners)]
    return out


def page_location(kind: str, key: str, offline: bool) -> str:
    src = uri(kind, key)
    return src[:-3] + (".html" if offline else "/")


def unreachable(site: Path, offline: bool) -> dict[str, list[str]]:
    """Page -> the reader's words that do not find it (empty: every record is found)."""
    index = load_index(site)
    separator, stops = index["config"]["separator"], stop_words(site)
    page_tokens: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        words = tokens(doc["title"], separator) + tokens(doc["text"], separator)
        page_tokens[doc["location"].split("#")[0]].update(_TRAILING.sub("", w) for w in words)
    cat, _ = validate(site.parent)
    missing: dict[str, list[str]] = {}
    for (kind, key), phrases in reader_words(cat).items():
        location = page_location(kind, key, offline)
        assert location in page_tokens, f"{location}: not in the search index"
        lost = sorted({w for phrase in phrases for w in tokens(phrase, separator)
                       if w not in stops and _TRAILING.sub("", w) not in page_tokens[location]})
        if lost:
            missing[location] = lost
    return missing


def test_every_record_is_found_by_its_words(fixture_site: Path) -> None:
    assert unreachable(fixture_site, offline=False) == {}


def test_every_record_of_the_sample_is_found_by_its_words(repo_site: Path) -> None:
    assert unreachable(repo_site, offline=False) == {}


def test_every_record_is_found_offline(offline_build) -> None:
    site, _ = offline_build
    assert unreachable(site, offline=True) == {}


def test_labels_and_values_are_apart_in_the_snippets(fixture_site: Path) -> None:
    """Result snippets read "Country: Nepal", never "CountryNepal" (Material strips the tags
    and adds no space between a <dt> and its <dd>)."""
    index = load_index(fixture_site)
    texts = defaultdict(str)
    for doc in index["docs"]:
        texts[doc["location"].split("#")[0]] += " " + html.unescape(_TAG.sub(" ", doc["text"]))
    checked = 0
    for kind, key in [("partner", "alpha-ministry"), ("member", "ada-example"), ("brief", "alpha-brief"),
                      ("module", "sm-101")]:
        location = page_location(kind, key, offline=False)
        page = BeautifulSoup((fixture_site / location / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        for dt in page.select("article .hub-facts dt"):
            label = "".join(dt.find_all(string=True, recursive=False)).strip()
            assert re.search(rf"{re.escape(label)}:\s+\S", texts[location]), (location, label)
            assert not re.search(rf"{re.escape(label)}[^\s:]", texts[location]), (location, label)
            checked += 1
    assert checked >= 20
