"""A page's Markdown written by the hub (`hub.generate_pages.PageText`) carries what MkDocs reads
from it: hooks/site.py hands MkDocs that body and metadata instead of having it parse the
front matter (YAML) again (issue 16). Differential: wherever `read_back` answers, it must be
exactly MkDocs' own reading (`mkdocs.utils.meta.get_data`, what `Page.read_source` calls) of
the same text: every character of Unicode, generated titles and bodies, and every generated
page, brief and exchange of the sample hub and of a synthetic hub."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from hub.exchanges import exchange_markdown
from hub.generate_pages import PageSpec, PageText, brief_markdown, generate_pages, page_text
from hub.validate_links import validate

REPO = Path(__file__).resolve().parents[2]
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _agrees(text: PageText) -> bool:
    """True when `read_back` answered (and then equals MkDocs' reading, dict order included)."""
    if text.read_back is None:
        return False
    body, meta = get_data(str(text))
    assert text.read_back == (body, meta), repr(text)
    assert list(text.read_back[1]) == list(meta)
    return True


def test_every_character() -> None:
    """Each character in a title, as MkDocs reads it: every one but the surrogates and the
    characters beyond the Basic Multilingual Plane is read as it is written; those are left to
    MkDocs, which reads an emoji (written as YAML's `\\U` escape) and refuses a lone surrogate
    (which no record can hold: the YAML reader refuses it) and shows the front matter as text."""
    chars = [chr(c) for c in range(0x110000)]
    inside = [c for c in chars if not ("\ud800" <= c <= "\udfff" or c > "\uffff")]
    for start in range(0, len(inside), 4096):  # many keys per page: one YAML reading each
        meta = {f"k{i:05d}": f"a{c}b" for i, c in enumerate(inside[start:start + 4096])}
        assert _agrees(page_text(meta, "Body.\n"))
    for c in ["\U00010000", "\U0001f600", "\U0001f30d", "\U0010ffff"]:
        text = page_text({"title": f"a{c}b", "hub_key": "x"}, "Body.\n")
        assert text.read_back is None
        assert get_data(str(text)) == ("Body.\n", {"hub_key": "x", "title": f"a{c}b"})
    for c in ["\ud800", "\udfff"]:
        text = page_text({"title": f"a{c}b"}, "Body.\n")
        assert text.read_back is None
        assert get_data(str(text)) == (str(text), {})  # what MkDocs shows: the whole text


_BMP = st.characters(max_codepoint=0xFFFF)


@given(st.dictionaries(st.text(alphabet=_BMP, max_size=8), st.text(alphabet=_BMP) |
                       st.sampled_from(["\\ud83c", "a\\\\ud83c\\udf0d", "\\\\udc00", "\x7f\ud7ff"]),
                       max_size=4))
@FAST
def test_front_matter_is_json_ascii_below_the_astral_planes(meta: dict[str, str]) -> None:
    """Without a character beyond the Basic Multilingual Plane, the front matter is exactly
    `json.dumps(..., sort_keys=True)` (the pages stay byte for byte what they were), whatever
    backslashes and "ud" a text holds."""
    import json

    from hub.generate_pages import front_matter

    assert front_matter(meta) == json.dumps(meta, sort_keys=True)


@pytest.mark.parametrize("body", ["", "\n", "\n\n\nText", "Text", "  Text\n\n", "---\nx\n---\n",
                                  "...\n", "\r\nText", "\ufeffText", "# Title\n\nText\n"])
def test_bodies(body: str) -> None:
    assert _agrees(page_text({"title": "T"}, body))
    spec = PageSpec("partners/x.md", "T", "hub/partner.html", "partner", "x", body)
    assert _agrees(spec.markdown())


def test_values_that_are_not_text_are_read_by_mkdocs() -> None:
    assert page_text({"title": 5}, "").read_back is None  # type: ignore[dict-item]
    assert page_text({"title": ["a"]}, "").read_back is None  # type: ignore[dict-item]

    class Marked(str):
        pass

    assert page_text({"title": Marked("a")}, "").read_back is None  # MkDocs gives a plain str
    assert page_text({}, "x").read_back == ("x", {})


texts = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
PIECES = [*"aé ~\"\\/\n\r\t\x00\x1f\x7f\x85\u2028\u2029\ufeff-.:#{}[],&*!|>'%@`",
          "\ud800", "\U0001f600", "---", "...", "\n---\n"]
mixed = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


@FAST
@given(st.dictionaries(st.sampled_from(["title", "description", "hub_key", "template", "hub_kind"]),
                       texts | mixed, max_size=5), texts | mixed)
def test_generated(meta: dict[str, str], body: str) -> None:
    text = page_text(meta, body)
    if not _agrees(text):  # refused only for characters outside the Basic Multilingual Plane
        assert any(c > "\uffff" or "\ud800" <= c <= "\udfff" for v in meta.values() for c in v)


@FAST
@given(texts | mixed, texts | mixed, texts | mixed, texts | mixed)
def test_generated_specs_and_briefs(title: str, key: str, description: str, body: str) -> None:
    spec = PageSpec("p/x.md", title, "hub/partner.html", "partner", key, body, description)
    assert str(spec.markdown()) == str(spec.markdown())
    _agrees(spec.markdown())
    _agrees(brief_markdown(key, title, description, body))


def _hub_pages(root: Path) -> list[PageText]:
    cat, _ = validate(root)
    pages = [spec.markdown() for spec in generate_pages(cat)]
    pages += [brief_markdown(slug, b.front.title, b.front.summary, b.body)
              for slug, b in cat.briefs.items()]
    pages += [exchange_markdown(ex) for ex in cat.exchanges.values()]
    return pages


@pytest.mark.sample
def test_sample_pages() -> None:
    pages = _hub_pages(REPO)
    assert sum(_agrees(p) for p in pages) == len(pages) > 50


def test_synthetic_hub_pages(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.generate import generate_hub
    finally:
        sys.path.remove(str(REPO))
    generate_hub(tmp_path, 200, 7)
    pages = _hub_pages(tmp_path)
    assert sum(_agrees(p) for p in pages) == len(pages) > 200


# --- the hook: hooks/site.py's pages read what the text carries, and MkDocs reads the rest -----

def _site_hook():
    spec = importlib.util.spec_from_file_location("hub_test_site_hook", REPO / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(page_class, content, config):
    from mkdocs.structure.files import File

    f = File("partners/x.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    f._content = content
    page = page_class(None, f, config)
    page.read_source(config)
    return page.markdown, page.meta


def test_hook_pages_read_the_carried_meta() -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    config = load_config(str(REPO / "mkdocs.yml"))
    cls = _site_hook().HubTextPage
    carried = page_text({"title": "Côte d'Ivoire", "hub_kind": "country"}, "\nBody.\n")
    astral = page_text({"title": "a\U0001f600"}, "Body.\n")
    for content in (carried, astral, str(carried), "---\ntitle: No\n---\nText\n"):
        assert _read(cls, content, config) == _read(Page, content, config)
    assert _read(cls, astral, config)[1] == {"title": "a\U0001f600"}  # MkDocs' own reading

    # the carried reading is used: a text whose carried reading were wrong would show it
    wrong = page_text({"title": "A"}, "Body.\n")
    wrong.read_back = ("Other.\n", {"title": "B"})
    assert _read(cls, wrong, config) == ("Other.\n", {"title": "B"})
    markdown, meta = _read(cls, carried, config)
    assert meta is not carried.read_back[1]  # each page its own dict: hooks change it

    # a plugin that gives pages their source: MkDocs reads every page
    config.plugins.events["page_read_source"].append(lambda page, config: None)
    try:
        assert _read(cls, wrong, config) == ("Body.\n", {"title": "A"})
    finally:
        config.plugins.events["page_read_source"].pop()
