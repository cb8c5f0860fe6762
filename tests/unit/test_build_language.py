"""`hub build` (hub.build.run) runs one MkDocs build per language in this process; each sets the
language of the interface messages (hub.i18n) and whether source text is marked
(hub.source_text). When it finishes, the caller's settings are back, whatever happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_hub
from hub import build, i18n, source_text


def _fake_builds(monkeypatch: pytest.MonkeyPatch, fail_in: str | None = None) -> list[str]:
    """Each language's MkDocs build replaced by what it leaves behind: its language in use."""
    built: list[str] = []

    def fake(root: Path, out: Path, env: dict[str, str]) -> int:
        lang = env["HUB_LANG"]
        built.append(lang)
        i18n.use(lang)
        source_text.activate(lang != "en")
        out.mkdir(parents=True, exist_ok=True)
        return 1 if lang == fail_in else 0

    monkeypatch.setattr(build, "_mkdocs_build", fake)
    return built


@pytest.mark.parametrize("fail_in", [None, "fr"])
def test_the_build_gives_back_the_callers_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fail_in: str | None) -> None:
    hub = make_hub(tmp_path / "hub")
    built = _fake_builds(monkeypatch, fail_in)
    i18n.use("en")
    source_text.activate(False)
    code = build.run(hub)
    assert code == (1 if fail_in else 0)
    assert built[0] == "en" and len(built) > 1 and built[-1] != "en"  # another language came last
    assert i18n.language() == "en" and i18n.gettext("Partners") == "Partners"
    assert not source_text.active()


def test_a_caller_in_another_language_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hub = make_hub(tmp_path / "hub")
    _fake_builds(monkeypatch)
    i18n.use("es")
    assert build.run(hub) == 0
    assert i18n.language() == "es" and i18n.gettext("Partners") == "Instituciones socias"
