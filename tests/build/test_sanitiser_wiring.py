"""The page hook sanitises contributor pages: checked on a built page, not on the sanitiser alone.

hooks/site.py passes the rendered body of every record page through `sanitise_page` (nh3).
Validation refuses everything that could run script, so the sanitiser is the second line of
defence and nothing a contributor can write normally reaches it. To see that it is wired in, the
fixture's beta brief holds a table with column alignment: validation accepts it, Python-Markdown
writes it as `style="text-align: ..."` attributes, and only the sanitiser removes them (the
sanitiser's allowlist has no `style`). If the hook stopped calling the sanitiser, they would show.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from hub.render_markdown import PAGE_ATTRIBUTES, PAGE_TAGS

pytestmark = pytest.mark.slow
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
BRIEF = "briefs/beta-brief/index.html"


class _Body(HTMLParser):
    """Tags and attributes of the brief's body: from its own first heading ("## Summary") to the
    references that the template adds after it (overrides/hub/brief.html)."""

    def __init__(self) -> None:
        super().__init__()
        self.state = "before"
        self.seen: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.state == "before" and tag == "h2" and a.get("id") == "summary":
            self.state = "body"
        elif self.state == "body" and tag == "section" and "hub-references" in (a.get("class") or ""):
            self.state = "after"
        if self.state == "body":
            self.seen.append((tag, [name for name, _ in attrs]))


def test_the_fixture_body_needs_the_sanitiser() -> None:
    """Without the sanitiser, the body would carry style attributes (the test below can fail)."""
    body = (FIXTURE / "content" / "briefs" / "beta-brief.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    raw = markdown.markdown(body, extensions=["tables"])
    assert 'style="text-align: left;"' in raw and 'style="text-align: right;"' in raw


def test_built_brief_body_holds_only_what_the_sanitiser_allows(fixture_site: Path) -> None:
    page = _Body()
    page.feed((fixture_site / BRIEF).read_text(encoding="utf-8"))
    tags = [t for t, _ in page.seen]
    assert "table" in tags and "td" in tags, "the brief's table is missing from its page"
    allowed = {tag: PAGE_ATTRIBUTES.get("*", set()) | PAGE_ATTRIBUTES.get(tag, set()) for tag in PAGE_TAGS}
    for tag, attrs in page.seen:
        assert tag in PAGE_TAGS, f"<{tag}> in the brief's body: the sanitiser did not run"
        extra = set(attrs) - allowed[tag]
        assert not extra, f"<{tag} {' '.join(sorted(extra))}> in the brief's body: the sanitiser did not run"
