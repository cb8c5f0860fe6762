"""The plain-prose shortcut (hub.plain_markdown) gives exactly the full converters' HTML.

Differential: thousands of generated texts (words in several scripts, every ASCII punctuation
character, the sequences that Markdown, its extensions and smarty react to, line starts, blank
lines, odd whitespace and invisible characters) and every text of the sample hub and of a
synthetic benchmark hub, converted by the full path and by the shortcut; wherever the shortcut
answers, the two must be equal. The full paths are the real ones: `render_markdown`'s
converter with nh3, and MkDocs' own `Page.render` with mkdocs.yml's extensions followed by
`sanitise_page`.
"""

from __future__ import annotations

import random
import re
import sys
from functools import lru_cache
from pathlib import Path

import markdown
import pytest
import yaml

from hub.generate_pages import generate_pages
from hub.plain_markdown import plain_html
from hub.render_markdown import _full, _render, sanitise_page
from hub.source_text import BLOCK_CLOSE, BLOCK_OPEN
from hub.validate_links import validate

REPO = Path(__file__).resolve().parents[2]

WORDS = ("health care equity district the of and a Ministry WHO SDG primary co-ordinates "
         "équité Việt São naïve Москва Ελλάδα 日本 العربية ſ x s t I").split()
SAFE = [", ", ". ", ": ", "; ", "? ", "! ", " (", ") ", "(", ")", "-", "'", "'s", "s'", "/", "%",
        "$", "@", "’", "–", "—", "…", "«", "»", "→", "·", "¿", "&", " & ", "2015", "3.8.2",
        "1,200", "50%", "\n", "\n\n", "**", "*", "**Note**: ", "*a*", "\\.", "\\-", "\\(", "\\)",
        "\\!"]
# Page texts also take escaped asterisks and backslashes (member bios escape theirs: md_text).
PAGE_SAFE = [*SAFE, "\\*", "\\\\", "\\*a\\*", "*a\\*b*", "**\\**"]
RISKY = [chr(c) for c in range(33, 127) if not chr(c).isalnum()] + [
    "--", "---", "...", ". . .", "..", "''", '"', '"a"', "'a'", "'80s", "'20", "a'1", "***", "_", "__",
    "_a_", "`", "`a`", "\\", "\\*", "\\\\", "\\>", "\\<", "\\&", "<", ">", "<<", ">>", "&amp;",
    "&nbsp;", "&#8212;", "&copy", "&x", "[", "]", "[a](http://x)", "![i](x.png)", "<http://x>",
    "<b>", "{", "}", "{: .c}", "{#id}", "*[HTML]: Hyper Text", "HTML", "[^1]", "[^1]: note", "|",
    "| a | b |", "#", "## ", "# ", "> ", "- ", "* ", "+ ", "1. ", "1) ", "2015.", ": ", "=", "===",
    "---\n", "~~~", "```", "!!! note", "??? note", "[TOC]", ":smile:", "  \n", " \n", "\n ",
    "    ", "\t", "\r", "\r\n", " ", "\u00a0", "\u00ad", "\u200b", "\u2028", "\u2029", "\u202e",
    "\ufeff", "\x00", "\x02", "\x03", "\x7f", "\ue000", "\ue002", "\ue003", "\u0301", "\n\n\n",
    "\n1. a", "\n- a", "\n# a", "\n> a", "\n: a", "\n=\n", "\n-\n", "\n    a", "\n\n    a", "\na\n: b",
    "* * *", "** a **", "*a **b***", "**a*", "*a**", "a*b*c", "**a\n\nb**", "*\n*", "*a**b*",
    "*a***b**", "**a****b**", "(c)", "(tm)", "+-", "<-", "->", "=>", "1/2", "c/o", "e.g.", "i.e.,",
    "\u2018", "\u201c", "\u201d", "`a'`", "*'a'*", "a'\n", "a'*", "a'\n\n",
]


def _text(rng: random.Random, safe: list[str] = SAFE) -> str:
    risky = rng.random() < 0.5  # half the texts hold a risky token or two; all hold safe ones
    parts: list[str] = []
    for _ in range(rng.randint(1, 24)):
        r = rng.random()
        tok = (rng.choice(WORDS) if r < 0.55 else rng.choice(safe) if r < 0.92 or not risky
               else rng.choice(RISKY))
        parts.append(tok)
        parts.append(" " if rng.random() < 0.6 else "")
    text = "".join(parts)
    if rng.random() < 0.7:  # prose as contributors type it: no spaces around line breaks
        text = re.sub(" *\n *", "\n", text).strip(" ")
    if rng.random() < 0.1:
        text += "\n"
    return text


@lru_cache(maxsize=1)
def _mkdocs():
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(REPO / "mkdocs.yml"))
    return config, Files([])


def _full_page(text: str) -> str:
    """MkDocs' own rendering of a page body, as hooks/site.py's on_page_content cleans it."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config, files = _mkdocs()
    page = Page(None, File("p.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True), config)
    page.markdown = text  # the body, as MkDocs hands it over after the front matter
    page.render(config, files)
    # the shortcut promises no heading, title, anchor nor link: check them here too
    assert (page.toc.items, page._title_from_render, page.present_anchor_ids) == ([], None, set())
    assert not page.links_to_anchors
    return sanitise_page(page.content)


def _check(texts: list[str], smart: bool) -> int:
    """Asserts shortcut == full path wherever the shortcut answers; how many it answered."""
    answered = 0
    for text in texts:
        fast = plain_html(text, smart)
        if fast is None:
            continue
        answered += 1
        if smart:
            assert fast == _full(text, False), text
            inline = fast[3:-4] if fast.count("<p>") == 1 else fast
            assert inline == _full(text, True), text
            assert _render.__wrapped__(text, True) == inline
        else:
            assert fast == _full_page(text), text
            assert sanitise_page(fast) == fast, text  # why on_page_content may skip the cleaning
    return answered


@pytest.mark.parametrize("seed", range(4))
def test_generated_texts_smart(seed: int) -> None:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(2000)]
    assert _check(texts, smart=True) >= 300  # the shortcut is exercised, not only refused


@pytest.mark.parametrize("seed", range(2))
def test_generated_texts_page(seed: int) -> None:
    rng = random.Random(100 + seed)
    texts = [_text(rng, PAGE_SAFE) for _ in range(1500)]
    assert _check(texts, smart=False) >= 200


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _hub_texts(root: Path) -> list[str]:
    """Every string of the hub's YAML files, the Markdown body of every page it generates and of
    every hand-written page, and the same bodies marked as source text (other languages)."""
    texts: list[str] = []
    for path in sorted(root.rglob("*.y*ml")):
        top = path.relative_to(root).parts[0]
        if path.suffix in (".yml", ".yaml") and top not in ("tests", "mkdocs.yml") and top[0] != ".":
            texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    cat, _ = validate(root)
    bodies = [spec.markdown().split("\n---\n", 1)[1] for spec in generate_pages(cat)]
    bodies += [p.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
               for p in (root / "content").rglob("*.md")]
    texts += bodies + [f"{BLOCK_OPEN}\n\n{b.strip()}\n\n{BLOCK_CLOSE}" for b in bodies if b.strip()]
    return texts


@pytest.mark.sample
def test_sample_texts() -> None:
    texts = _hub_texts(REPO)
    assert _check(texts, smart=True) >= 100
    assert _check(texts, smart=False) >= 100


def test_synthetic_hub_texts(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.generate import generate_hub
    finally:
        sys.path.remove(str(REPO))
    generate_hub(tmp_path, 200, 7)
    texts = _hub_texts(tmp_path)
    assert _check(texts, smart=True) >= 200
    assert _check(texts, smart=False) >= 100


@pytest.mark.parametrize("text", [
    "a -- b", "a...", "\"a\"", "'a", "a'1", "a_b_", "a `b`", "a <b>", "&amp;", "a\u00a0b", "a  \nb",
    "1. a", "- a", "# a", "> a", "a\n: b", "a\n===", "    a", "*[A]: b\nA", "a {: .c}", "a | b",
    "**a **", "***a***", "a\\*b", "a\\\\b", "a\u200bb", "a\rb", "a\tb",
])
def test_refused(text: str) -> None:
    """Texts that Markdown or an extension changes beyond paragraphs take the full path."""
    assert plain_html(text, True) is None
    if text not in ('"a"', "'a", "a'1", "a -- b", "a...", "a\\*b", "a\\\\b"):  # literal on MkDocs pages
        assert plain_html(text, False) is None


def test_examples() -> None:
    assert [plain_html(t, s) for t in ("", " \n\t\u2028") for s in (True, False)] == [""] * 4
    assert _full(" \n\t\u2028", False) == _full_page(" \n\t\u2028") == ""
    assert plain_html("India's **ASHAs** (2015): 700,000 workers'\n\nSecond.", True) == (
        "<p>India\u2019s <strong>ASHAs</strong> (2015): 700,000 workers\u2019</p>\n<p>Second.</p>")
    assert plain_html("Dr\\. Ana \\(MD\\) -- \"a\"...", False) == '<p>Dr. Ana (MD) -- "a"...</p>'
    assert plain_html("\\*Not\\* *em \\* ph* a\\\\*b*", False) == (
        "<p>*Not* <em>em * ph</em> a\\<em>b</em></p>")


def test_page_bodies_take_the_shortcut_only_with_the_checked_extensions() -> None:
    """The repo's mkdocs.yml extensions are the checked ones; a hub that adds another (nl2br
    turns a line break of plain prose into <br>) gets MkDocs' own rendering."""
    from hub.plain_markdown import PAGE_EXTENSIONS, page_shortcut

    config, _ = _mkdocs()
    assert page_shortcut(config["markdown_extensions"])
    assert set(config["markdown_extensions"]) == PAGE_EXTENSIONS
    assert not page_shortcut([*config["markdown_extensions"], "nl2br"])
    assert not page_shortcut([*config["markdown_extensions"], "smarty"])
    text = "One line\nand the next."
    assert markdown.markdown(text, extensions=["nl2br"]) != plain_html(text, smart=False)


@pytest.mark.parametrize("name, settings, text", [
    ("abbr", {"glossary": {"WHO": "World Health Organization"}}, "The WHO report."),
    ("toc", {"marker": "Summary"}, "Summary"),
])
def test_page_bodies_take_the_shortcut_only_with_settings_that_leave_prose_alone(
        name: str, settings: dict, text: str) -> None:
    """Settings of the checked extensions can change plain prose too (abbr's glossary, toc's
    marker): a hub that sets one gets MkDocs' own rendering; heading-only settings keep it."""
    from hub.plain_markdown import page_shortcut

    config, _ = _mkdocs()
    extensions = config["markdown_extensions"]
    assert page_shortcut(extensions, config["mdx_configs"])
    assert page_shortcut(extensions, {"toc": {"permalink": True, "toc_depth": 3, "permalink_title": "Link"}})
    assert not page_shortcut(extensions, {**config["mdx_configs"], name: settings})
    assert markdown.markdown(text, extensions=[name], extension_configs={name: settings}) != (
        plain_html(text, smart=False))
