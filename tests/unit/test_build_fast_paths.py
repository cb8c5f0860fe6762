"""The build's fast paths give exactly what the plain code gives (issue 16: the site stays byte
for byte the same). Each test compares a fast path with the straightforward version it
replaced, written out here, over generated inputs and over the sample's real pages."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub import csp, search_index
from hub.json_indent import dumps_indented
from hub.search_index import SearchIndex
from search_reference import SlowIndex, plain_text_slow, script_slow

REPO = Path(__file__).resolve().parents[2]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- indented JSON (the open data set, CSL-JSON citations) ------------------------------------

scalars = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.text()
           | st.floats(allow_nan=True, allow_infinity=True))
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
json_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                         | st.dictionaries(keys, inner, max_size=4), max_leaves=30)


@FAST
@given(json_like)
def test_indented_json_is_json_dumps_indent_2(data) -> None:
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


class _Text(str):
    pass


class _Number(int):
    pass


def test_indented_json_of_subclasses_and_of_what_json_refuses() -> None:
    data = {"a": [_Text("x\u2028\"\n"), _Number(3), 1.5, float("-inf")], 2: {}, None: [], 1.0: (1, 2)}
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_indented({"a": [object()]})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(loop)


# --- CSP: the page's scripts -------------------------------------------------------------------

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)  # the one-step pattern

html_bits = st.lists(st.sampled_from([
    "<script>", "</script>", "<SCRIPT type=module>", "</ScRiPt >", "<script src=x.js>", "<scripts>",
    "<script\n>", "</script\t>", "a", "<", ">", "<p>", "\u017f", "<ſcript>", "</ſcript>", "var a=1;",
    '<script type="application/json">', "</script", " "]), max_size=25).map("".join)


@FAST
@given(html_bits)
def test_scripts_found_in_two_steps_are_the_one_step_patterns(html: str) -> None:
    assert csp._scripts(html) == _SCRIPT_RE.findall(html)


def test_each_hash_is_the_scripts_own_also_when_remembered() -> None:
    for script in ["var a=1", "var a=1", "", "é\u2028"]:
        digest = __import__("hashlib").sha256(script.encode()).digest()
        assert csp.sha256_source(script) == "'sha256-" + __import__("base64").b64encode(digest).decode() + "'"


# --- search index: page text and weights -------------------------------------------------------
# The reference (tests/search_reference.py): the full patterns on every page, word by word, every
# file by json.dumps. The fast paths: a page without the marks of what is dropped skips that
# pattern; inline tags by a lower-case pattern when no tag name has a letter the case-blind one
# folds; words looked up by the text between spaces; the postings' numbers from a table.

content_bits = st.lists(st.sampled_from([
    "<p>", "</p>", "<span>", "</SPAN>", "<abbr title=x>", "<a href=x>", "</a>", "<bdi>", "<bdo>",
    "<b>", "</b>", "<br>", "<sub>", "<summary>", "<strong>", "<i>", "<ins>", "<input>", "<em>",
    '<a class="headerlink" href="#x">', "<!--", "-->", "<script>", "</script>", "<template>",
    "</template>", '<div data-search-exclude>', '<DIV DATA-SEARCH-EXCLUDE class="x">', "</div>",
    '<p data-ſearch-exclude>', "<p data-search-excluded>", "word", "Wörter", "\u00a0", "\u2003",
    " ", "\n", "&amp;", "&#32;", "&nbsp;", "K", "ſ", "İ", "x<y", ">", "Country", "Nepal",
    # letters that Python's case-blind `re` folds to a, i, k, s: in tag names, in the marks
    "<SPAN>", "<sPan>", "<ſpan>", "<\u212abd>", "</\u212aBD>", "<İ>", "<ı>", "</I>", "<a/B>", "<ſub>",
    "<SCRIPT>", "</SCRİPT>", "<ſcript>", "</ſcript>", "<STYLE>", "</style>", "<Template>", "<!-- c -->",
    "<!-- a > b -->",
    '<a class="HEADERLINK" href="#y">', '<a class="headerlınk">', '<a class="headerlİnk">',
    "<a\tclass=\"headerlink\">",
    "<p Data-Search-Exclude>", "<dd>", "</dd>", "<time datetime=x>", "</time>", "<b <i>>", "<", "<<",
    # words across pieces: final sigma, marks, hyphens, pieces of no word, separators that are not spaces
    "ΟΔΟΣ", "Σ", "ς", "Α", "\u0345", "\u00ad", "high-income", "—", "¶", "(WHO)", "don't", "\u200b",
    "\u180e", "\x1f", "\u2028", "&#10;", "&Sigma;", "café", "cafe\u0301", "ǅ", "ﬁ", "Straße",
    "İstanbul",
]), max_size=30).map("".join)


@FAST
@given(content_bits)
def test_page_text_is_the_plain_patterns_text(page_html: str) -> None:
    assert search_index.plain_text(page_html) == plain_text_slow(page_html)


@pytest.mark.parametrize("page_html", [
    '<p>a</p><p data-\u017fearch-exclude>hidden</p><p>b</p>',  # the long s is an "s" to the pattern
    '<P DATA-SEARCH-EXCLUDE>hidden</p> shown', '<div\tdata-search-exclude="">x</div>y',
    "<abbr>ab</abbr>br <bdo>x</bdo> <sub>1</sub><summary>s</summary>",
])
def test_page_text_of_excluded_parts_in_any_letter_case(page_html: str) -> None:
    assert search_index.plain_text(page_html) == plain_text_slow(page_html)
    assert "hidden" not in search_index.plain_text(page_html)


@pytest.mark.parametrize("page_html", [
    "a<SCRIPT>x</SCRIPT>b", "a<scrİpt>x</scrİpt>b", "a<ſcript>x</ſcript>b", "a<!---->b",
    "a<sTyle>x</STYLE>b", "a<TEMPLATE>x</template>b", 'Title<a class="headerlınk" href="#t">¶</a>',
    'T<A CLASS="HEADERLINK">¶</A>', "a<!--x-->b", "a<!-- x > y -->b", "a<!-- <b>x</b> -->b",
    'T<a class="headerlin\u212a">¶</a>',
    '<p DATA-SEARCH-EXCLUDE>hidden</p>', '<p data-search-exclude>hidden</p>',
    "Hea<\u212aBD>lth</kbd>", "Hea<ſpan>lth</span>", "Hea<İ>lth</i>", "Hea<ı>lth</ı>", "Hea<SpAn>lth",
])
def test_page_text_when_a_mark_or_tag_name_is_in_another_letter_case(page_html: str) -> None:
    """What the quick checks must not miss: the case-blind patterns also take these."""
    assert search_index.plain_text(page_html) == plain_text_slow(page_html)


def _sample_pages() -> list[str]:
    pages = sorted(REPO.glob("content/**/*.md"))[:60]
    return [p.read_text(encoding="utf-8") for p in pages]


def test_page_text_of_the_samples_pages_is_the_plain_patterns_text() -> None:
    import markdown

    pages = _sample_pages()
    assert pages
    for text in pages:
        page_html = markdown.markdown(text, extensions=["attr_list", "tables", "toc"])
        assert search_index.plain_text(page_html) == plain_text_slow(page_html)


words = st.sampled_from(["health", "Health", "healthy", "cafe", "café", "CAFÉ", "partners", "partner",
                         "partner12", "Nepal", "ſtate", "state", "x", "policies", "policy", "über",
                         "ΟΔΟΣ", "οδος", "high-income", "income", "—", "(WHO)", "İstanbul",
                         "istanbul", "Straße", "strasse", "K", "k", "1,000", "don't",
                         "résumés", "resumes", "élites", "elites"])  # (fold alike, stem apart)
pages = st.lists(st.tuples(st.lists(words, max_size=4).map(" ".join),
                           st.lists(words | content_bits, max_size=40).map(" ".join)), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages, st.sampled_from(["en", "fr", "el", "tr", "xx"]))
def test_index_files_are_the_plain_algorithms_files(page_list, language: str) -> None:
    fast, slow = SearchIndex(language=language), SlowIndex(language=language)
    for n, (title, body) in enumerate(page_list):
        fast.add(f"p{n}/", title, body)
        slow.add(f"p{n}/", title, body)
    assert fast.files() == slow.files()


def test_index_of_the_samples_pages_is_the_plain_algorithms_index() -> None:
    import markdown

    fast, slow = SearchIndex(language="en"), SlowIndex(language="en")
    for n, text in enumerate(_sample_pages() * 2):  # twice: words met before take the short way
        page_html = markdown.markdown(text, extensions=["attr_list", "tables", "toc"])
        title = string.capwords(text.split("\n", 1)[0])
        fast.add(f"p{n}/", title, page_html)
        slow.add(f"p{n}/", title, page_html)
    assert fast.files() == slow.files()


@pytest.mark.parametrize("text", ["resumes and résumés", "résumés and resumes", "Élites, elites"])
def test_the_first_word_of_a_folded_form_names_its_stem(text: str) -> None:
    """"résumés" and "resumes" fold alike but stem apart: the one met first in the page wins."""
    fast, slow = SearchIndex(language="en"), SlowIndex(language="en")
    for index in (fast, slow):
        index.add("a/", "A page", f"<p>{text}</p>")
    assert fast.files() == slow.files() and fast.surfaces == slow.surfaces


@FAST
@given(st.dictionaries(st.text(), st.text(max_size=3), max_size=5),
       st.dictionaries(st.text(), st.lists(st.integers(0, 5000), min_size=1, max_size=6), max_size=5),
       st.integers(0, 999))
def test_a_term_chunk_is_its_json(words: dict, posts: dict, n: int) -> None:
    top = max((max(flat) for flat in posts.values()), default=0)
    number = [str(i) for i in range(top + 1)].__getitem__
    expected = script_slow("t", n, {"w": words, "p": posts})
    assert search_index._term_chunk(n, words, posts, number) == expected


# --- generated files (open data, feeds, citations) ----------------------------------------------

def test_generated_files_are_written_as_mkdocs_writes_them(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from mkdocs.structure.files import File

    import outputs

    config = SimpleNamespace(site_dir=str(tmp_path / "ours"), use_directory_urls=True,
                             plugins=SimpleNamespace(_current_plugin="hooks/outputs.py"))
    theirs = SimpleNamespace(**{**vars(config), "site_dir": str(tmp_path / "theirs")})
    texts = {"briefs/a/cite.bib": "@report{a,\n  title = {Égalité}\n}\n",
             "briefs/a/cite.ris": "TY  - RPRT\r\n", "data/x.json": "[]\n", "deep/er/still/x.csv": "",
             "feed.xml": b"<?xml?>\n"}
    for path, text in texts.items():
        data = text.encode("utf-8") if isinstance(text, str) else text
        outputs._Generated.generated(config, path, content=data).copy_file()
        File.generated(theirs, path, content=text).copy_file()
    def written(folder: Path) -> dict:
        return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    ours, made = written(tmp_path / "ours"), written(tmp_path / "theirs")
    assert ours == made and len(ours) == len(texts)
