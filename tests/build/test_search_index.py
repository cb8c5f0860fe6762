"""A reader finds every record with the site's search by the words they would type: its name,
its country, its type or role, its topics and, for briefs and modules, its partners.

The check reads the whole built index back (`hub.search_index.BuiltIndex`: the hub's sharded
index, the same on the hosted site and in the offline copy) and looks every word up as the
search worker does for a word typed in full: folded (lower case, no accents), then by its stem.
Words are split as a reader sees them: "Country: Nepal" is two words, never "CountryNepal".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub import vocab
from hub.catalog import Catalog
from hub.countries import country
from hub.generate_pages import uri
from hub.search_index import BuiltIndex, SearchIndex, plain_text, surface_words
from hub.validate_links import validate
from search_reference import SlowIndex, plain_text_slow

pytestmark = pytest.mark.slow


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
    index = BuiltIndex.read(site)
    locations = {d[0] for d in index.docs}
    cat, _ = validate(site.parent)
    missing: dict[str, list[str]] = {}
    for (kind, key), phrases in reader_words(cat).items():
        location = page_location(kind, key, offline)
        assert location in locations, f"{location}: not in the search index"
        lost = sorted({w for phrase in phrases for w in surface_words(phrase)
                       if location not in index.pages_with(w)})
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
    """Result snippets read "Country: Nepal", never "CountryNepal" (the text of a <dt> and of
    its <dd> are separate words)."""
    index = BuiltIndex.read(fixture_site)
    texts = {d["location"]: d["text"] for d in index.pages()}
    checked = 0
    for kind, key in [("partner", "alpha-ministry"), ("member", "ada-example"), ("brief", "alpha-brief"),
                      ("module", "sm-101")]:
        location = page_location(kind, key, offline=False)
        page = BeautifulSoup((fixture_site / location / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        words = index.words_of(location)
        for dt in page.select("article .hub-facts dt"):
            label = "".join(dt.find_all(string=True, recursive=False)).strip()
            assert not re.search(rf"{re.escape(label)}[^\s:]", texts[location]), (location, label)
            assert set(surface_words(label)) <= words, (location, label)
            checked += 1
        first = page.select_one("article .hub-facts dt")
        label = "".join(first.find_all(string=True, recursive=False)).strip()
        assert re.search(rf"{re.escape(label)}:\s+\S", texts[location]), (location, label, texts[location])
    assert checked >= 20


def _built_pages(site: Path) -> list[tuple[str, str, str]]:
    """(address, title, what the article holds) of each page of a built site: the hub's own
    markup (facts, chips, lists, headings with anchors) around the sample's texts."""
    out = []
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', text, re.S)
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        if article and title:
            out.append((f"{page.parent.relative_to(site).as_posix()}/", title.group(1), article.group(1)))
    return out


@pytest.mark.parametrize("site", ["fixture_site", "repo_site"])
def test_the_index_of_built_pages_is_the_plain_algorithms_index(site: str, request: pytest.FixtureRequest
                                                                ) -> None:
    """The fast paths of `hub.search_index` (text, words, numbers) against the straightforward
    reference (tests/search_reference.py), over every page of the fixture and of the sample."""
    pages = _built_pages(request.getfixturevalue(site))
    assert len(pages) > 20
    fast, slow = SearchIndex(language="en"), SlowIndex(language="en")
    for location, title, content in pages + pages[:20]:  # again: pieces met before take the short way
        assert plain_text(content) == plain_text_slow(content), location
        fast.add(location, title, content)
        slow.add(location, title, content)
    assert fast.files() == slow.files()

