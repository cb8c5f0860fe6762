"""`hub build` reuses, in each language's build, what an earlier language made of the same
input (hub.language_reuse): the site must be the same, file for file, as when every language
is built from scratch (`HUB_LANGUAGE_CACHE=off`), and a translated page must never get another
language's rendering (the fixture translates into French only: Spanish and Portuguese are built
after French from the same source text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from languages_site import build_languages, edit_source_after_translation, with_translations

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_reuse_between_languages_changes_no_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hub = with_translations(tmp_path / "hub")
    edit_source_after_translation(hub)
    reused = build_languages(hub, tmp_path / "reused")
    assert reused.returncode == 0, reused.stderr[-3000:]
    monkeypatch.setenv("HUB_LANGUAGE_CACHE", "off")
    fresh = build_languages(hub, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    a, b = _files(tmp_path / "reused"), _files(tmp_path / "fresh")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    brief = "briefs/alpha-brief/index.html"
    french = a[f"fr/{brief}"].decode()
    assert "Quokkaflux est un mot que seule cette note utilise." in french
    for lang in ("es", "pt"):  # built after French: the English text, marked as such
        html = a[f"{lang}/{brief}"].decode()
        assert "Quokkaflux est un mot" not in html and '<div lang="en">' in html, lang
        assert "<p>Quokkaflux is a word that only this brief uses.</p>" in html, lang
    assert "Quokkaflux est un mot" not in a[brief].decode()
