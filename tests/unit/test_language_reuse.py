"""What one language's build hands to the next (hub.language_reuse), and the Markdown of record
texts shared between languages: keyed by the text itself, so a translation is never given the
source's rendering, nor the source a translation's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hub import language_reuse
from hub.issue_forms import issue_forms
from hub.render_markdown import render_markdown, sanitise_page
from hub.source_text import SourceText, activate


@pytest.fixture(autouse=True)
def _reset():
    yield
    language_reuse.begin_build(False)
    activate(False)


def test_values_last_one_build_and_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    language_reuse.begin_build(True)
    language_reuse.put("k", "en")
    assert language_reuse.get("k") == "en"
    language_reuse.begin_build(True)  # fr: sees what en made, and keeps it for es
    assert language_reuse.get("k") == "en"
    language_reuse.begin_build(True)  # es
    assert language_reuse.get("k") == "en"
    language_reuse.begin_build(True)  # pt: does not ask for it
    language_reuse.begin_build(True)  # the next build: a build went by without it, dropped
    assert language_reuse.get("k") is None
    language_reuse.put("k", "pt")
    language_reuse.begin_build(True, first=True)  # another `hub build` in this process: afresh
    assert language_reuse.get("k") is None
    language_reuse.begin_build(False)  # one language, the preview: nothing kept
    language_reuse.put("k", "x")
    assert language_reuse.get("k") is None and not language_reuse.active()
    monkeypatch.setenv("HUB_LANGUAGE_CACHE", "off")
    language_reuse.begin_build(True)
    language_reuse.put("k", "x")
    assert language_reuse.get("k") is None


def test_a_translated_text_gets_its_own_rendering_and_the_source_its_marking() -> None:
    language_reuse.begin_build(True)
    source = "Fund **primary care** first."
    activate(False)
    english = render_markdown(source)
    activate(True)  # a build in French: the same text untranslated is marked as English...
    marked = render_markdown(SourceText(source))
    assert marked == f"\ue002{english}\ue003"
    french = render_markdown("Financer d'abord les **soins primaires**.")  # ...a translation is not
    assert "soins primaires" in french and "primary" not in french and "\ue002" not in french
    activate(False)
    assert render_markdown(source) == english  # back in English: unmarked, not the French
    assert render_markdown(SourceText(source)) == english


def test_a_sanitised_body_is_the_body_it_was_made_from() -> None:
    language_reuse.begin_build(True)
    first = sanitise_page('<p>One<script>x</script></p>')
    language_reuse.begin_build(True)
    assert sanitise_page('<p>One<script>x</script></p>') == first == "<p>One</p>"
    assert sanitise_page("<p>Deux</p>") == "<p>Deux</p>"


def test_issue_forms_are_read_again_when_a_form_changes(tmp_path: Path) -> None:
    forms = tmp_path / ".github" / "ISSUE_TEMPLATE"
    forms.mkdir(parents=True)
    (forms / "propose-partner.yml").write_text("name: Propose a partner\n", encoding="utf-8")
    assert issue_forms(tmp_path) == {"propose-partner": "Propose a partner"}
    path = forms / "propose-partner.yml"
    path.write_text("name: Suggest a partner\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    (forms / "new-brief.yml").write_text("name: A brief\n", encoding="utf-8")
    assert issue_forms(tmp_path) == {"new-brief": "A brief", "propose-partner": "Suggest a partner"}


def test_templates_compiled_in_one_language_render_in_another(tmp_path: Path) -> None:
    """A filter of the build's language on a constant: Jinja would fold it into the code at
    compile time, and the next language would show the first one's number."""
    from jinja2 import Environment, FileSystemLoader

    template = "{{ 5000 | number }} {{ 'x' | upper }} {{ 1 + 1 }} text"
    (tmp_path / "t.html").write_text(template, encoding="utf-8")

    def env(thousands: str) -> Environment:
        e = language_reuse.share_templates(Environment(loader=FileSystemLoader(tmp_path)))
        e.filters["number"] = lambda n: f"{n:,}".replace(",", thousands)
        return e

    assert env(",").get_template("t.html").render() == "5,000 X 2 text"  # English, compiled
    french = env("\u202f")
    assert french.get_template("t.html").render() == "5\u202f000 X 2 text"  # French, reused
    assert french.bytecode_cache.code  # the compiled code was shared, not compiled again
