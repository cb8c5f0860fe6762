"""No interface text left in English on a page of another language: every message of the hub's
catalogue (hooks/hub/locales) that French, Spanish or Portuguese translate must not show in its
English words on that language's pages, in their text or in the attributes readers and assistive
technology read (`title`, `aria-label`, `alt`, `placeholder`), except inside an element marked
`lang="en"` (source text shown under its notice is marked so: WCAG 3.1.2) and the page's
`<title>` (which cannot be marked). A one-word message counts only as the whole text of an
element or attribute ("Type" as a column's heading, not the word inside a partner's name)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hub import i18n_messages

pytestmark = pytest.mark.slow
LANGS = ("fr", "es", "pt")
LOCALES = Path(__file__).resolve().parents[2] / "hooks" / "hub" / "locales"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
READ_ATTRS = ("title", "aria-label", "alt", "placeholder")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


class _ReaderText(HTMLParser):
    """The text a reader meets outside elements marked as English (and outside scripts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, inside English or a script)
        self.parts: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden = self._hidden() or (values.get("lang") or "").startswith("en") or tag in (
            "script", "style", "template") or (tag == "title" and any(t == "head" for t, _ in self.stack))
        if not hidden:
            self.parts += [values[a] or "" for a in READ_ATTRS if a in values]
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden() and not (dict(attrs).get("lang") or "").startswith("en"):
            self.parts += [v or "" for a, v in attrs if a in READ_ATTRS]

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.parts.append(data)


def reader_text(html: str) -> str:
    return " ".join(" ".join(reader_parts(html)).split())


def reader_parts(html: str) -> list[str]:
    """The texts and attribute values a reader meets, each on its own, spaces trimmed."""
    parser = _ReaderText()
    parser.feed(html)
    parser.close()
    return [" ".join(p.split()) for p in parser.parts if p.strip()]


def untranslated_words(lang: str) -> dict[str, str]:
    """English words of the catalogue's messages that `lang` translates otherwise: each message's
    text between its placeholders, when it is at least two words, or a whole one-word message;
    never words that the language's own translations use too ("Type" in French, "no" in
    Spanish). Words -> the message they come from."""
    catalog = i18n_messages.read(LOCALES / lang / "LC_MESSAGES" / "hub.po", lang)
    translated = " ".join(s for m in catalog if m.id for s in (
        m.string if isinstance(m.string, tuple) else (m.string,)) if s)
    out: dict[str, str] = {}
    for m in catalog:
        if not m.id or not m.string:
            continue
        for msgid in m.id if isinstance(m.id, tuple) else (m.id,):
            pieces = [p.strip(" .,:;()") for p in _PLACEHOLDER.split(msgid)]
            whole = len(pieces) == 1
            for piece in pieces:
                if not re.search(r"[A-Za-z]{3}", piece) or (" " not in piece and not whole):
                    continue
                if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", translated):
                    continue
                out.setdefault(piece, msgid)
    return out


def test_no_interface_message_is_left_in_english(sample_languages_site: Path) -> None:
    site = sample_languages_site
    found: list[str] = []
    for lang in LANGS:
        words = untranslated_words(lang)
        assert len(words) > 200, lang  # the check reads the catalogue, not nothing
        single = {w for w in words if " " not in w}
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)"
                                      for w in sorted(set(words) - single, key=len, reverse=True)))
        for path in sorted((site / lang).rglob("*.html")):
            parts = reader_parts(path.read_text(encoding="utf-8"))
            seen = {m.group(0) for m in pattern.finditer(" ".join(parts))} | (single & set(parts))
            rel = path.relative_to(site).as_posix()
            found += [f"{rel}: {m!r} (msgid {words[m]!r})" for m in sorted(seen)]
    assert found == []


def test_the_reader_text_leaves_out_english_and_scripts_only() -> None:
    html = ('<html><head><title>Partners</title></head>'
            '<p title="Sort by">Trier <span lang="en">Sort by <b>Partners</b></span> par</p><br>'
            '<script>var x = "Partners";</script><img alt="Partners" src="x"><div lang="en-GB" '
            'aria-label="Members">Members</div><input placeholder="Filter by text"/>')
    assert reader_text(html) == "Sort by Trier par Partners Filter by text"
    assert reader_parts('<svg><title>Partners by country</title></svg><td> Type\n</td>') == [
        "Partners by country", "Type"]
