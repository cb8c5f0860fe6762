"""Translation records, checked like the records they translate: each row is one mistake in a
translation of the fixture hub, with the exact lines `make validate` prints for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_messages import WITHHELD

from conftest import FIXTURE, FIXTURE_SITE
from hub.translations import record_fields, source_version
from hub.validate_links import validate


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    """A copy of the fixture hub, with its pages."""
    hub = tmp_path / "hub"
    shutil.copytree(FIXTURE, hub)
    shutil.copytree(FIXTURE_SITE, hub / "content", dirs_exist_ok=True)
    return hub


@pytest.fixture
def versions(hub: Path) -> dict[str, str]:
    """The current `source_version` of the brief, partner and module the tests translate."""
    cat, _ = validate(hub)
    b = cat.briefs["alpha-brief"]
    return {"brief": source_version(record_fields("brief", b.front, b.body)),
            "partner": source_version(record_fields("partner", cat.partners["alpha-ministry"])),
            "module": source_version(record_fields("module", cat.modules["sm-101"]))}


def _brief(version: str, extra: str = "", body: str = "## Le problème\n\nTexte.\n") -> str:
    return ("---\ntitle: \"Soins primaires : la note alpha\"\n"
            "summary: La réforme marche si elle est financée.\n"
            f"recommendations:\n  - Financer d'abord les **soins primaires**.\n  - Former des agents.\n"
            f'source_version: "{version}"\nreviewed: false\n{extra}---\n{body}')


def _report(hub: Path) -> list[str]:
    _, problems = validate(hub)
    return [p.format() for p in problems if p.path != "content/briefs/beta-brief.md"]


def test_a_faithful_translation_is_valid(hub, versions):
    (hub / "content/briefs/alpha-brief.fr.md").write_text(_brief(versions["brief"]), encoding="utf-8")
    cat, problems = validate(hub)
    assert _report(hub) == []
    t = cat.translations.get("brief", "alpha-brief", "fr")
    assert t.fields["title"] == "Soins primaires : la note alpha" and not t.outdated and not t.reviewed


# (what, the translation's file, extra front matter, its text, the exact messages)
CASES = [
    ("unknown source", "content/briefs/alpha-brif.fr.md", "", "Texte.",
     ["content/briefs/alpha-brif.fr.md:1:1: there is no brief 'alpha-brif' to translate; did you mean "
      "'alpha-brief'? a translation is named after its source, with the language before the extension: "
      "content/briefs/alpha-brief.fr.md"]),
    ("a fact repeated", "content/briefs/alpha-brief.fr.md", "countries: [NP]\n", "Texte.",
     ["content/briefs/alpha-brief.fr.md:9:1: countries: `countries` is a fact of the brief, written once "
      "in content/briefs/alpha-brief.md: a translation holds only text; remove this line; a translation "
      "of a brief holds title, summary, recommendations and the text below the front matter"]),
    ("a language the hub does not have", "content/briefs/alpha-brief.de.md", "", "Texte.",
     ["content/briefs/alpha-brief.de.md:1:1: 'de' is not a language of this hub (hub.yml, languages: "
      "en, fr, es, pt); maintainers add a language to `languages:` in hub.yml"]),
    ("the source language", "content/briefs/alpha-brief.en.md", "", "Texte.",
     ["content/briefs/alpha-brief.en.md:1:1: 'en' is the source language: its text is the file without a "
      "language, content/briefs/alpha-brief.md; remove this file, or rename it with the language of its "
      "text (e.g. .fr.md)"]),
    ("a reviewer but not reviewed", "content/briefs/alpha-brief.fr.md", "reviewed_by: Ana Lopez\n",
     "Texte.",
     ["content/briefs/alpha-brief.fr.md:9:14: reviewed_by: `reviewed_by:` names a reviewer, but `reviewed:` "
      "is false; set `reviewed: true` once the review is done, or remove `reviewed_by:`"]),
    ("template code", "content/briefs/alpha-brief.fr.md", "", "Texte {{ config }}.",
     ["content/briefs/alpha-brief.fr.md:12:7: body: template code ('{{') is not allowed in contributed "
      "text; remove the braces: contributed pages are never run as templates"]),
    ("macros switched on", "content/briefs/alpha-brief.fr.md", "render_macros: true\n", "Texte.",
     ["content/briefs/alpha-brief.fr.md:9:1: render_macros: `render_macros` is not allowed in contributed "
      "files: they are never run as templates; remove this field"]),
]


@pytest.mark.parametrize("what, rel, extra, text, expected", CASES, ids=[c[0] for c in CASES])
def test_brief_translation_messages(hub, versions, what, rel, extra, text, expected):
    (hub / rel).write_text(_brief(versions["brief"], extra, f"## Le problème\n\n{text}\n"), encoding="utf-8")
    assert _report(hub) == expected


def test_list_file_messages(hub, versions):
    version = versions["partner"]
    (hub / "partners.fr.yaml").write_text(
        f"- id: alpha-ministri\n  description: Alpha.\n  source_version: \"{version}\"\n  reviewed: true\n"
        "- id: alpha-ministry\n  type: ngo\n  description: Alpha coordonne le pilote.\n"
        f"  source_version: \"{version}\"\n  reviewed: true\n"
        "- id: gamma-ngo\n  description: Écrire à gamma@example.org.\n  source_version: \"x\"\n"
        "  reviewed: no\n", encoding="utf-8")
    assert _report(hub) == [
        "partners.fr.yaml:1:7: partners[1].id: there is no partner 'alpha-ministri' in partners.yaml to "
        "translate; did you mean 'alpha-ministry'?",
        "partners.fr.yaml:6:3: partners[2].type: `type` is a fact of the partner, written once in "
        "partners.yaml: a translation holds only text; remove this line; a translation of a partner holds "
        "description",
        "partners.fr.yaml:11:16: partners[3].description: contains an e-mail address; the hub never "
        "publishes e-mail addresses; remove it (readers reach people through the partner's `website:` or the "
        "network's coordinators)",
        "partners.fr.yaml:12:19: partners[3].source_version: 'x' is not a version (12 letters and digits, "
        f'0-9 and a-f); write `source_version: "{version_of(hub, "gamma-ngo")}"`, the version of '
        "'gamma-ngo' in partners.yaml today: the text your translation follows (if you translated an older "
        "text, see Translations in CONTRIBUTING.md)",
        "partners.fr.yaml:13:13: partners[3].reviewed: 'no' is not true or false; write true or false "
        "(without quotes)",
    ]


def version_of(hub: Path, partner: str) -> str:
    cat, _ = validate(hub)
    return source_version(record_fields("partner", cat.partners[partner]))


def test_a_missing_source_version_says_what_to_write(hub, versions):
    """A translator who left out `source_version:` is told the value to write, not only its name."""
    text = _brief(versions["brief"]).replace(f'source_version: "{versions["brief"]}"\n', "")
    (hub / "content/briefs/alpha-brief.fr.md").write_text(text, encoding="utf-8")
    assert _report(hub) == [
        "content/briefs/alpha-brief.fr.md:2:1: the required field `source_version` is missing; add "
        f'`source_version: "{versions["brief"]}"`, the version of content/briefs/alpha-brief.md today: the '
        "text your translation follows (if you translated an older text, see Translations in "
        "CONTRIBUTING.md)"]


def test_module_lists_keep_the_source_length_and_outdated_is_a_warning(hub, versions):
    base = ("title: Fondements de la médecine sociale\nobjectives:\n- Expliquer les déterminants sociaux.\n"
            "sessions:\n- Cours\n- Cas\nassessment: Un court essai.\nnotes: Partir d'un cas.\n"
            f'source_version: "{versions["module"]}"\nreviewed: false\n')
    path = hub / "curriculum/modules/sm-101.fr.yaml"
    path.write_text(base.replace("- Cas\n", "- Cas\n- De trop\n"), encoding="utf-8")
    assert _report(hub) == ["curriculum/modules/sm-101.fr.yaml:5:1: sessions: has 3 items, the source "
                            "has 2; translate each item of the source, in the same order"]
    path.write_text(base, encoding="utf-8")
    assert _report(hub) == []
    src = hub / "curriculum/modules/sm-101.yaml"
    src.write_text(src.read_text(encoding="utf-8").replace("A short reflective essay.", "A long essay."),
                   encoding="utf-8")
    cat, problems = validate(hub)
    now = source_version(record_fields("module", cat.modules["sm-101"]))
    assert _report(hub) == [
        f"curriculum/modules/sm-101.fr.yaml:9:17: warning: source_version: translates an older version of "
        f"curriculum/modules/sm-101.yaml ({versions['module']}; it is now {now}); update the translation to "
        f"the source's changes (`git log -p curriculum/modules/sm-101.yaml`), then set "
        f"`source_version: \"{now}\"`"]
    assert cat.translations.get("module", "sm-101", "fr").outdated


def test_a_translation_names_no_withheld_member(hub, versions):
    body = "## Le problème\n\nAvec Quillon  WITHHELD.\n"
    (hub / "content/briefs/alpha-brief.fr.md").write_text(_brief(versions["brief"], "", body),
                                                           encoding="utf-8")
    assert _report(hub) == [
        f"content/briefs/alpha-brief.fr.md:12:6: body: {WITHHELD}"]


def test_page_translations_and_the_version_command(hub):
    from conftest import run_hub

    cat, _ = validate(hub)
    out = run_hub("translations", "--version", "content/about.md", cwd=hub)
    assert out.returncode == 0, out.stderr
    version = out.stdout.split('"')[1]
    (hub / "content/about.fr.md").write_text(
        f'---\ntitle: "À propos du réseau"\nsource_version: "{version}"\nreviewed: true\nhide: [toc]\n---\n'
        "## Qui nous sommes\n", encoding="utf-8")
    assert _report(hub) == [
        "content/about.fr.md:5:1: hide: unknown field `hide`; allowed fields: source_version, reviewed, "
        "translator, reviewed_by, title, description"]
    (hub / "content/about.fr.md").write_text(
        f'---\ntitle: "À propos du réseau"\ndescription: Un réseau.\nsource_version: "{version}"\n'
        "reviewed: true\n---\n## Qui nous sommes\n", encoding="utf-8")
    assert _report(hub) == []
    assert run_hub("translations", "--version", "content/about.fr.md", cwd=hub).stdout == out.stdout
    assert run_hub("translations", "--version", "about", cwd=hub).stdout == out.stdout
    status = run_hub("translations", cwd=hub).stdout
    assert "fr: 1 reviewed, 0 not reviewed, 0 outdated" in status
    assert "  missing   content/about.es.md (page about; `make new KIND=page ID=about TO=es`)" in status
    assert "hidden-example" not in status  # a withheld member is listed nowhere


def test_make_new_starts_a_valid_translation_prefilled_with_the_source(hub):
    from conftest import run_hub

    for kind, key in (("brief", "alpha-brief"), ("module", "sm-101"), ("partner", "alpha-ministry"),
                      ("partner", "gamma-ngo"), ("track", "social-medicine"), ("member", "ben-example"),
                      ("page", "about")):
        out = run_hub("new", kind, key, "--to", "pt", cwd=hub)
        assert out.returncode == 0, out.stderr
    assert _report(hub) == []
    cat, _ = validate(hub)
    assert len(cat.translations) == 7
    t = cat.translations.get("brief", "alpha-brief", "pt")
    assert t.fields["body"] == cat.briefs["alpha-brief"].body.strip() and not t.outdated
    again = run_hub("new", "brief", "alpha-brief", "--to", "pt", cwd=hub)
    assert again.returncode == 1 and "exists already" in again.stderr
    assert run_hub("new", "brief", "alpha-brief", "--to", "de", cwd=hub).returncode == 1


def test_version_is_the_documented_hash():
    import hashlib
    import json

    fields = {"title": "Été", "body": "x"}
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert source_version(fields) == hashlib.sha256(text.encode()).hexdigest()[:12]
