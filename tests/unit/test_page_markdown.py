"""Page bodies of headings and plain prose (hub.plain_markdown.page_body) are what MkDocs makes of them.

Differential: thousands of generated bodies (headings of every level and form, with words in
several scripts, punctuation, the sequences Markdown and its extensions react to, repeated
titles, between paragraphs of the plain-prose generator's texts and odd separators), every body
and string of the sample hub, of a synthetic benchmark hub and of the hostile-input corpus
(tests/hostile/), each rendered by MkDocs' own `Page.render` with mkdocs.yml's extensions, then
`sanitise_page`. Wherever `page_body` answers, it must give the same HTML (page.content), the
same cleaned HTML, table of contents, anchors, links to anchors and title.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from test_plain_markdown import PAGE_SAFE, RISKY, SAFE, WORDS, _hub_texts, _mkdocs, _strings, _text

from hub import plain_markdown
from hub.plain_markdown import heading_shortcut, page_body, plain_html
from hub.render_markdown import _PROVEN, proven_clean, sanitise_page

REPO = Path(__file__).resolve().parents[2]
HEAD_MARKS = ["## ", "### ", "#### ", "##### ", "###### ", "# ", "####### ", "##", "##  ", " ## ", "#\t"]
HEAD_TOKENS = ["&", " & ", "'", '"', "...", "-", "--", "_", "__init", "C#", " #", "*", "**a**", "\\.",
               "`", "<b>", "{#x}", "{: .c}", "[a](b)", "[TOC]", ">", "<", "2015", "ſ", "\u00a0", "\u200b",
               "Ⅻ", "ﬁ", "½", "é", "日本", "(", ")", ":", "?", "!", "%", "/", "→", "—", "·"]

WHITE = [" ", "\t", "\u2028", "\u2029", "\u00a0", "\u200b", "\u3000", "\x0b", "\x0c", "\x1c", "\r"]


def _heading(rng: random.Random, pool: list[str]) -> str:
    if pool and rng.random() < 0.3:  # the same title again: unique ids `_1`, `_2`
        title = rng.choice(pool)
    else:
        parts = []
        for _ in range(rng.randint(0, 6)):
            r = rng.random()
            parts.append(rng.choice(WORDS) if r < 0.6 else rng.choice(HEAD_TOKENS) if r < 0.8
                         else rng.choice(SAFE) if r < 0.95 else rng.choice(RISKY))
            parts.append(" " if rng.random() < 0.7 else "")
        title = "".join(parts).strip(" ") if rng.random() < 0.9 else "".join(parts)
        pool.append(title)
    mark = rng.choice(HEAD_MARKS[:3]) if rng.random() < 0.7 else rng.choice(HEAD_MARKS)
    return mark + title + (rng.choice([" ##", "#", " ", "\n"]) if rng.random() < 0.05 else "")


def _paragraph(rng: random.Random, tame: bool) -> str:
    """A text of the plain-prose generator; `tame`: one the plain-prose shortcut takes (mostly)."""
    text = _text(rng, PAGE_SAFE)
    for _ in range(6 if tame else 0):
        if plain_html(text, smart=False) is not None:
            break
        text = _text(rng, PAGE_SAFE)
    return text


ITEM_MARKS = ["- ", "* ", "+ ", "1. ", "2. ", "10. "]
ODD_MARKS = ["-  ", " - ", "   * ", "    - ", "-", "1) ", "a. ", "1.", "- - ", "-\t", "1.  ", "2015. ",
             "* * "]
INDENTS = ["", " ", "  ", "   ", "  ", "  "]
ODD_INDENTS = ["    ", "     ", "\t", "  - ", "  1. ", "    - ", "  * ", "  > ", " # "]


def _list(rng: random.Random, tame: bool) -> str:
    """A list of items from the paragraph generator, their further lines indented (or not)."""
    marks = ITEM_MARKS[:3] if rng.random() < 0.6 else ITEM_MARKS[3:]
    mark = rng.choice(marks)
    lines = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.3:
            mark = rng.choice(marks) if rng.random() < 0.8 else rng.choice(ITEM_MARKS + ODD_MARKS)
        text = _paragraph(rng, tame).strip("\n")
        if rng.random() < 0.7:
            text = re.sub(r"\n\n+", "\n", text)  # mostly one block; sometimes a blank line inside
        first, *rest = text.split("\n")
        indent = rng.choice(INDENTS) if rng.random() < 0.9 else rng.choice(ODD_INDENTS)
        lines += [mark + first, *(indent + line for line in rest)]
    return "\n".join(lines)


def _body(rng: random.Random) -> str:
    """Headings, lists and paragraphs; in half the bodies, paragraphs and items the shortcut takes,
    so that what decides is the headings, the lists and the way the blocks are put together."""
    pool: list[str] = []
    tame = rng.random() < 0.5
    blocks = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        blocks.append(_heading(rng, pool) if r < 0.35 else _list(rng, tame) if r < 0.6
                      else _paragraph(rng, tame) if r < 0.95 else rng.choice(WHITE))
    seps = ["\n\n"] * 12 + ["\n", "\n\n\n", "\n \n", " \n\n"]
    body = blocks[0]
    for block in blocks[1:]:
        body += rng.choice(seps) + block
    return rng.choice(["", "\n", "\n\n"]) + body + rng.choice(["", "\n", "\n\n"])


@lru_cache(maxsize=1)
def _config():
    return _mkdocs()


def _full(text: str):
    """MkDocs' own rendering of a page body (a fresh converter), as hooks/site.py's render replaces."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config, files = _config()
    page = Page(None, File("p.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True), config)
    page.markdown = text
    page.render(config, files)
    return page


def _toc(items) -> list:
    return [(a.title, a.id, a.level, _toc(a.children)) for a in items]


def _check(texts: list[str]) -> tuple[int, int, int]:
    """Asserts page_body == MkDocs wherever page_body answers; (answered, with headings, with lists)."""
    from mkdocs.structure.toc import get_toc

    answered = headed = listed = 0
    for text in texts:
        fast = page_body(text)
        if fast is None:
            continue
        answered += 1
        headed += bool(fast.ids)
        listed += "<li>" in fast.html
        page = _full(text)
        assert fast.html == page.content, text
        assert fast.clean == sanitise_page(page.content), text
        assert sanitise_page(fast.clean) == fast.clean, text
        assert _toc(get_toc(fast.toc_tokens)) == _toc(page.toc), text
        assert set(fast.ids) == page.present_anchor_ids, text
        links = {page.file: {i: f"#{i}" for i in fast.ids}} if fast.ids else {}
        assert links == page.links_to_anchors, text
        in_order = (page.links_to_anchors or {}).get(page.file, {})
        assert list(links.get(page.file, {}).items()) == list(in_order.items()), text
        assert page._title_from_render is None, text
    return answered, headed, listed


@pytest.mark.parametrize("seed", range(3))
def test_generated_bodies(seed: int) -> None:
    rng = random.Random(500 + seed)
    answered, headed, listed = _check([_body(rng) for _ in range(1500)])
    assert answered >= 100 and headed >= 50 and listed >= 40  # the shortcut is exercised, not only refused


def test_generated_headings_alone() -> None:
    rng = random.Random(9)
    pool: list[str] = []
    texts = [_heading(rng, pool if rng.random() < 0.5 else []) for _ in range(1500)]
    texts += ["\n\n".join(_heading(rng, pool) for _ in range(rng.randint(2, 6))) for _ in range(300)]
    answered, headed, _ = _check(texts)
    assert headed >= 500


def test_generated_lists() -> None:
    rng = random.Random(11)
    texts = [_list(rng, rng.random() < 0.7) for _ in range(1500)]
    texts += [rng.choice(["Text.\n\n", "## A\n\n", ""]) + _list(rng, True)
              + rng.choice(["", "\n\nText.", "\n\n## A"]) + rng.choice(["", "\n\n" + _list(rng, True)])
              for _ in range(500)]
    answered, _, listed = _check(texts)
    assert listed >= 500


def _hostile_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((REPO / "tests" / "hostile").rglob("*")):
        if not path.is_file() or path.name == "expected.txt":
            continue
        try:
            raw = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if path.suffix == ".md":
            texts.append(raw.split("\n---\n", 1)[-1])
        elif path.suffix in (".yml", ".yaml"):
            try:
                texts += _strings(yaml.safe_load(raw))
            except yaml.YAMLError:
                texts.append(raw)
    # each string also as a heading, between headings, as list items and their further lines
    return texts + [f"## {t}" for t in texts] + [f"## A\n\n{t}\n\n## A" for t in texts] + [
        f"- {t}" for t in texts] + ["- a\n  " + t.replace("\n", "\n  ") for t in texts]


def test_hostile_corpus_texts() -> None:
    texts = _hostile_texts()
    assert len(texts) > 300
    _check(texts)


@pytest.mark.sample
def test_sample_bodies() -> None:
    answered, headed, listed = _check(_hub_texts(REPO))
    assert answered >= 100 and headed >= 20 and listed >= 10


def test_synthetic_hub_bodies(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.generate import generate_hub
    finally:
        sys.path.remove(str(REPO))
    generate_hub(tmp_path, 200, 7)
    answered, headed, _ = _check(_hub_texts(tmp_path))
    assert answered >= 200 and headed >= 20  # its briefs and exchange stories


def test_examples() -> None:
    body = page_body("\n## Why it matters\n\nA *plain* paragraph.\n\n### Why it matters\n\n## Wh\u00ff & co.")
    assert body is not None
    assert body.html == (
        '<h2 id="why-it-matters">Why it matters<a class="headerlink" href="#why-it-matters" '
        'title="Permanent link">&para;</a></h2>\n<p>A <em>plain</em> paragraph.</p>\n'
        '<h3 id="why-it-matters_1">Why it matters<a class="headerlink" href="#why-it-matters_1" '
        'title="Permanent link">&para;</a></h3>\n'
        '<h2 id="why-co">Wh\u00ff &amp; co.<a class="headerlink" href="#why-co" title="Permanent link">'
        '&para;</a></h2>')
    assert body.clean == body.html.replace("&para;", "\u00b6")
    assert body.ids == ("why-it-matters", "why-it-matters_1", "why-co")
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in body.toc_tokens] == [
        ("why-it-matters", ["why-it-matters_1"]), ("why-co", [])]
    assert page_body("Plain \\*text\\* only.") == plain_markdown.PageBody(
        "<p>Plain *text* only.</p>", "<p>Plain *text* only.</p>")


@pytest.mark.parametrize("text", [
    "# Title\n\nText.",  # the page's title: MkDocs takes it from the first h1
    "## A {#x}", "## A ##", "##A", "## A\nText.", "Text.\n## A", "## **A**", "## A_b", "## [a](b)",
    "## A\n\n\u2029\n\nText.", "- a\n\n- b", "- a\n    b", "- a\n1. b", "- a\n  - b", "- a\n\tb",
    "- a\n\n    b", "1. a\n\n2. b", "- a\n> b", "-a", "- 2015. a", "Text\n- a", "- a  \n  b",
    "- a\n  \n  b", "## A\n\n[link](x.md)", "## A\n\n    code", "## ..\n\n## -a",
])
def test_refused(text: str) -> None:
    assert page_body(text) is None


def test_headings_only_with_the_checked_toc_config() -> None:
    """The repo's mkdocs.yml gives toc `permalink: true`; any other toc setting (no permalink, a
    permalink symbol, a slugify, a marker) gets MkDocs' own rendering of headings."""
    config, _ = _config()
    assert heading_shortcut(config["mdx_configs"])
    for toc in ({}, {"permalink": "#"}, {"permalink": True, "toc_depth": 2},
                {"permalink": True, "slugify": lambda v, s: v}):
        assert not heading_shortcut({**config["mdx_configs"], "toc": toc})
    assert page_body("## A\n\nText.", headings=False) is None
    assert page_body("Text.", headings=False) is not None


def test_proven_clean_is_what_sanitise_page_gives() -> None:
    body = page_body("## Heading\n\nText.")
    assert body is not None and body.clean != body.html
    proven_clean(body.html, body.clean)
    assert sanitise_page(body.html) == body.clean  # from the note, which it takes out
    assert body.html not in _PROVEN
    assert sanitise_page(body.html) == body.clean  # from nh3


def test_long_refused_texts_end() -> None:
    """The quick character check is possessive: a long text it refuses at its end is refused in
    one pass (with backtracking into its runs, this test would not finish)."""
    for text in ("a" * 200_000 + "<", "ab \\. " * 40_000 + "`", "- " + "a " * 100_000 + "_"):
        assert page_body(text) is None
