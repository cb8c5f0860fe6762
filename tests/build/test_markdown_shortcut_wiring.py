"""The page hook takes its Markdown shortcuts only with the settings they are proven for: checked on
a built page, not on `page_shortcut` alone.

hooks/site.py renders plain page bodies without Python-Markdown when mkdocs.yml's extensions and
settings are the checked ones (hub.plain_markdown). A hub that sets abbr's `glossary` changes
every paragraph that holds one of its words: its pages must be rendered by MkDocs, with the
glossary applied, or the build would drop what the maintainer configured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, make_hub

pytestmark = pytest.mark.slow
STORY = "exchanges/alpha-beta-visit"


def _with_plain_story(hub: Path) -> None:
    page = hub / "content" / f"{STORY}.md"
    front, _, _ = page.read_text(encoding="utf-8").rpartition("---\n")
    page.write_text(front + "---\n\nThe WHO team visited Beta for a week.\n", encoding="utf-8")


@pytest.mark.parametrize("glossary", [False, True])
def test_a_prose_setting_turns_the_shortcut_off(tmp_path: Path, glossary: bool) -> None:
    hub = make_hub(tmp_path / "hub")
    _with_plain_story(hub)
    if glossary:
        config = hub / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\n  - abbr\n" in text
        config.write_text(text.replace("\n  - abbr\n", "\n  - abbr:\n      glossary:\n"
                                       "        WHO: World Health Organization\n"), encoding="utf-8")
    result = build_site(hub)
    assert result.returncode == 0, result.stderr
    html = (hub / "site" / STORY / "index.html").read_text(encoding="utf-8")
    assert "The WHO team visited Beta for a week." in html or glossary
    marked = '<abbr title="World Health Organization">WHO</abbr> team visited Beta' in html
    assert marked == glossary
