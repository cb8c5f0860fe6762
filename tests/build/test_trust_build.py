"""The build holds the trust boundary on its own (hooks/trust.py), where only maintainers' files
(mkdocs.yml, hand-written pages) decide: macros run only on the listed pages, and a file that
MkDocs would publish but the hub never accepted stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, make_hub

pytestmark = pytest.mark.slow


def test_macros_run_on_the_listed_pages_and_nowhere_else(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    about = hub / "content" / "about.md"  # a maintainer's page that is not on the list
    about.write_text(about.read_text(encoding="utf-8") + "\nSix times seven is {{ 6 * 7 }}.\n",
                     encoding="utf-8")
    result = build_site(hub)
    assert result.returncode == 0, result.stderr
    home = (hub / "site" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in home and "3 partners" in home  # index.md is listed: its macros ran
    about = (hub / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Six times seven is {{ 6 * 7 }}." in about and "is 42" not in about


def test_render_macros_on_an_unlisted_page_stops_the_build(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    (hub / "content" / "notes.md").write_text("---\nrender_macros: true\n---\n# Notes\n\n{{ 6 * 7 }}\n",
                                              encoding="utf-8")
    result = build_site(hub)
    assert result.returncode != 0
    assert ("content/notes.md: `render_macros: true`, but macros run only on the pages listed in "
            "force_render_paths of the macros plugin (mkdocs.yml)") in result.stderr
    assert "Traceback" not in result.stderr


def test_the_macro_page_list_cannot_reach_a_brief(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    config = hub / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "        /data.md\n" in text
    config.write_text(text.replace("        /data.md\n", "        /data.md\n        briefs/*.md\n"),
                      encoding="utf-8")
    result = build_site(hub)
    assert result.returncode != 0
    assert ("mkdocs.yml: the macros plugin's force_render_paths matches briefs/alpha-brief.md, which is "
            "not a hand-written page") in result.stderr


def test_a_file_mkdocs_would_publish_but_the_hub_skipped_stops_the_build(tmp_path: Path) -> None:
    """The hub skips dot-files because MkDocs does; a config that publishes them anyway must not
    open a way round the allowlist."""
    hub = make_hub(tmp_path / "hub")
    (hub / "content" / ".well-known").mkdir()
    (hub / "content" / ".well-known" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "exclude_docs: |\n  !.well-known/\n",
                      encoding="utf-8")
    result = build_site(hub)
    assert result.returncode != 0
    assert "content/.well-known/x.html: not accepted by `hub validate`, so not published" in result.stderr
    assert not (hub / "site" / ".well-known").exists()
