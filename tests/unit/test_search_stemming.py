"""The hub's search index (hub.search_index): words split as a reader sees them, folded and
stemmed in the build's language, and split into small files whose number, not size, grows
with the site (the file a page view loads stays the same size)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from hub import search_index
from hub.search_index import BuiltIndex, SearchIndex, fold, plain_text


def built(tmp_path: Path, language: str, pages: dict[str, str]) -> BuiltIndex:
    index = SearchIndex(language=language)
    for location, text in pages.items():
        index.add(location, location.strip("/").title(), f"<p>{text}</p>")
    index.write(tmp_path)
    return BuiltIndex.read(tmp_path)


# (language, page text, query words that must find it, a word that must not)
STEMMING = [
    ("en", "National policies for community health workers", ["policy", "communities", "worker", "Health"],
     "politics"),
    ("fr", "Les politiques de santé communautaire", ["politique", "sante", "SANTÉ", "communautaires"],
     "salud"),
    ("es", "Políticas de salud comunitaria", ["politica", "política", "Salud", "comunitarias"], "santé"),
    ("pt", "Políticas de saúde para as comunidades", ["política", "saude", "comunidade"], "salud"),
]


@pytest.mark.parametrize(("language", "text", "finds", "misses"), STEMMING)
def test_each_language_finds_other_forms_of_a_word(tmp_path: Path, language: str, text: str,
                                                   finds: list[str], misses: str) -> None:
    index = built(tmp_path, language, {"a/": text, "b/": "Something else entirely"})
    for word in finds:
        assert index.pages_with(word) == {"a/"}, (language, word)
    assert index.pages_with(misses) == set()


def test_without_a_stemmer_words_match_as_they_are(tmp_path: Path) -> None:
    index = built(tmp_path, "xx", {"a/": "policies"})
    assert index.pages_with("policies") == {"a/"} and index.pages_with("policy") == set()


def test_stems_follow_the_build_language(tmp_path: Path) -> None:
    """The same word, stemmed by the French and by the English Snowball stemmer."""
    (tmp_path / "fr").mkdir()
    (tmp_path / "en").mkdir()
    assert built(tmp_path / "fr", "fr", {"a/": "politiques"}).words["politiques"] == "polit"
    assert built(tmp_path / "en", "en", {"a/": "politiques"}).words["politiques"] == "politiqu"


def test_labels_and_values_are_separate_words() -> None:
    html = ('<dl><dt>Country<span class="hub-vh">:</span></dt> <dd><a href="x">Nepal</a></dd>'
            '<dt>Type</dt><dd>Ministry</dd></dl><h2 id="h">Title<a class="headerlink" href="#h">¶</a></h2>'
            '<script>var secret = 1</script><p>A&amp;B &lt;tag&gt;</p>')
    assert plain_text(html) == "Country: Nepal Type Ministry Title A&B <tag>"


def test_fold_drops_accents_and_case() -> None:
    assert fold("Santé ÉQUITÉ São Tomé") == "sante equite sao tome"


def test_snippets_are_short_and_keep_the_first_facts(tmp_path: Path) -> None:
    index = built(tmp_path, "en", {"a/": "Country: Kenya. " + "word " * 200})
    (page,) = index.pages()
    assert page["text"].startswith("Country: Kenya.") and len(page["text"]) <= search_index.SNIPPET_CHARS + 2


def _site(tmp_path: Path, pages: int, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(search_index, "CHUNK_BYTES", 2_000)
    index = SearchIndex(language="en")
    for i in range(pages):
        index.add(f"p{i}/", f"Page {i}", f"<p>health equity partner{i} topic{i % 37} country{i % 11}</p>")
    index.write(tmp_path)
    return tmp_path


def test_what_a_page_view_loads_does_not_grow_with_the_site(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    small = _site(tmp_path / "s", 10, monkeypatch)
    big = _site(tmp_path / "b", 3_000, monkeypatch)
    stub = [(site / "search" / "search_index.json").read_text(encoding="utf-8") for site in (small, big)]
    assert len(stub[0]) == len(stub[1]) < 400  # only the version (a hash) differs
    assert '"docs":[]' in stub[1]


def test_the_index_is_split_into_small_files_that_find_every_page(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, 3_000, monkeypatch)
    chunks = sorted((site / "search" / "hub").glob("t*.js"))
    assert len(chunks) > 10
    # a chunk holds about CHUNK_BYTES of terms, except one term with more postings than that
    sizes = sorted(len(gzip.compress(c.read_bytes())) for c in chunks)
    assert sizes[len(sizes) // 2] < 2_000
    index = BuiltIndex.read(site)
    assert index.pages_with("partner1234") == {"p1234/"}
    assert len(index.pages_with("health")) == 3_000
    assert len(index.pages_with("topic5")) == len(range(5, 3_000, 37))
