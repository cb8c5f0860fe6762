"""hub.yml: what a network decides, validated like a record and the source of every derived
file. Mistakes are located (`hub.yml:line:col`), the derived files are checked and rewritten
from it, and switching a section off or renaming words needs no code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, hub_config, run_hub
from hub import config, generate_derived, vocab
from hub.sections import filter_nav

NAV = [{"Home": "index.md"}, {"About": ["about.md", "mission.md"]}, {"Partners": "partners/index.md"},
       {"Members": "members/index.md"}, {"Curriculum": "curriculum/index.md"}, {"Data": "data.md"}]


def write_config(root: Path, text: str) -> None:
    (root / "hub.yml").write_text(text, encoding="utf-8")


def base_text() -> str:
    return (FIXTURE / "hub.yml").read_text(encoding="utf-8")


def messages(root: Path) -> list[str]:
    _, problems = config.load(root)
    return [p.format() for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_the_repository_and_the_fixture_have_valid_configurations() -> None:
    assert hub_config(REPO).network.name and hub_config(FIXTURE).network.name
    assert hub_config(REPO).network.name != hub_config(FIXTURE).network.name  # tests read, not copy


@pytest.mark.parametrize("old, new, needle, expected", [
    ("  language: en ", "  languge: en ", "languge:",
     "network.languge: unknown field `languge`; did you mean `language`?"),
    ("    enabled: true\n    title: \"Members\"", "    enabled: maybe\n    title: \"Members\"",
     "enabled: maybe",
     "sections.members.enabled: "),
    ("  site_url: https://fixture-network.example.net/", "  site_url: fixture-network.example.net",
     "site_url:", "network.site_url: 'fixture-network.example.net' is not a web address"),
    ("    ngo: \"Non-governmental organisation\"", "    NGO: \"Non-governmental organisation\"", "NGO:",
     "vocabularies.partner_types: 'NGO' cannot be a word of a vocabulary"),
])
def test_a_mistake_in_hub_yml_is_located(tmp_path: Path, old: str, new: str, needle: str,
                                         expected: str) -> None:
    text = base_text()
    assert old in text, old
    write_config(tmp_path, text.replace(old, new))
    found = messages(tmp_path)
    assert len(found) == 1, found
    path, line, _col, rest = found[0].split(":", 3)
    assert path == "hub.yml" and rest.strip().startswith(expected), found
    if not expected.startswith("vocabularies"):
        assert int(line) == line_of(text.replace(old, new), needle)


def test_a_section_without_its_vocabulary_is_refused(tmp_path: Path) -> None:
    text = base_text()
    start = text.index("  levels:")
    end = text.index("\n\n", start)
    write_config(tmp_path, text[:start] + "  levels: {}" + text[end:])
    (found,) = messages(tmp_path)
    assert "the curriculum section is on but `vocabularies.levels` is empty" in found


def test_validate_reports_hub_yml_before_any_record(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "hub")
    write_config(tmp_path / "hub", base_text().replace("  language: en ", "  language: english "))
    result = run_hub("validate", cwd=tmp_path / "hub")
    assert result.returncode == 1
    assert result.stderr.startswith("hub.yml:") and "network.language" in result.stderr


def test_vocabularies_follow_the_active_configuration() -> None:
    with config.using(hub_config(REPO / "tests" / "fixtures" / "hub2")):
        assert list(vocab.TRACK_LEVELS) == ["inicial", "avanzado", "experto"]
        assert list(vocab.GOVERNMENT_TYPES) == ["servicio-de-salud"]
        assert "ministry" not in vocab.PARTNER_TYPES
    assert "ministry" in vocab.PARTNER_TYPES


def test_the_navigation_follows_the_sections() -> None:
    text = base_text().replace('    enabled: true\n    title: "Members"',
                               '    enabled: false\n    title: "Members"')
    text = text.replace('    title: "Curriculum"', '    title: "Learning"')
    cfg = config.HubConfig.model_validate(__import__("yaml").safe_load(text))
    assert filter_nav(NAV, cfg) == [{"Home": "index.md"}, {"About": ["about.md", "mission.md"]},
                                    {"Partners": "partners/index.md"}, {"Learning": "curriculum/index.md"},
                                    {"Data": "data.md"}]


def copy_of_repo(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    root.mkdir()
    shutil.copy2(REPO / "hub.yml", root / "hub.yml")
    shutil.copy2(REPO / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", root / ".github" / "ISSUE_TEMPLATE")
    shutil.copy2(REPO / ".github" / "pull_request_template.md", root / ".github" / "pull_request_template.md")
    return root


def test_the_repositorys_derived_files_are_current() -> None:
    assert generate_derived.stale(REPO) == []
    assert run_hub("generate", cwd=REPO).returncode == 0


def test_renaming_and_reordering_words_updates_every_derived_file(tmp_path: Path) -> None:
    root = copy_of_repo(tmp_path)
    text = (root / "hub.yml").read_text(encoding="utf-8")
    levels = text.index("  levels:")
    end = text.index("\n\n", levels)
    new_levels = '  levels:\n    advanced-practice: "Advanced practice"\n    basics: "Basics"'
    text = text[:levels] + new_levels + text[end:]
    if "\ntranslations:" in text:  # the labels of the old words in other languages go with them
        text = re.sub(r"(?m)^      levels:\n(?:        .*\n)+", "", text)
    (root / "hub.yml").write_text(text, encoding="utf-8")
    stale = run_hub("generate", cwd=root)
    assert stale.returncode == 1
    assert "schemas/module.schema.json: out of date with hub.yml" in stale.stderr
    assert "CONTRIBUTING.md: the lists of controlled words are out of date with hub.yml" in stale.stderr
    assert ".github/ISSUE_TEMPLATE/suggest-module.yml: the dropdown options or the licence are out of date" \
        in stale.stderr
    assert run_hub("generate", "--write", cwd=root).returncode == 0
    assert run_hub("generate", cwd=root).returncode == 0
    form = (root / ".github" / "ISSUE_TEMPLATE" / "suggest-module.yml").read_text(encoding="utf-8")
    assert '        - "advanced-practice"\n        - "basics"\n' in form
    assert "| `advanced-practice` | Advanced practice |\n| `basics` | Basics |" in (
        root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    other = (REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-module.yml").read_text(encoding="utf-8")
    assert [ln for ln in form.splitlines() if '"' not in ln or "label" in ln] == [
        ln for ln in other.splitlines() if '"' not in ln or "label" in ln]  # only the options changed


def test_a_new_licence_reaches_the_forms_and_the_pull_request_template(tmp_path: Path) -> None:
    root = copy_of_repo(tmp_path)
    cfg = config.load_or_raise(REPO)
    old = cfg.network.licence.name
    text = (root / "hub.yml").read_text(encoding="utf-8")
    new = "CC0 1.0" if old != "CC0 1.0" else "CC BY 4.0"  # any licence but the current one
    (root / "hub.yml").write_text(text.replace(f'    name: "{old}"', f'    name: "{new}"', 1),
                                  encoding="utf-8")
    stale = run_hub("generate", cwd=root)
    assert stale.returncode == 1
    assert ".github/pull_request_template.md: the dropdown options or the licence are out of date" \
        in stale.stderr
    assert run_hub("generate", "--write", cwd=root).returncode == 0
    for rel in ("ISSUE_TEMPLATE/propose-partner.yml", "ISSUE_TEMPLATE/submit-brief.yml",
                "ISSUE_TEMPLATE/suggest-module.yml", "pull_request_template.md"):
        written = (root / ".github" / rel).read_text(encoding="utf-8")
        assert f"publication under {new}" in written and f"under {old} " not in written, rel


def test_a_new_repository_reaches_the_contributing_guides_form_links(tmp_path: Path) -> None:
    root = copy_of_repo(tmp_path)
    old = str(config.load_or_raise(REPO).network.repo_url).rstrip("/")
    text = (root / "hub.yml").read_text(encoding="utf-8")
    (root / "hub.yml").write_text(text.replace(f"  repo_url: {old}", "  repo_url: https://github.com/x/y", 1),
                                  encoding="utf-8")
    stale = run_hub("generate", cwd=root)
    assert "CONTRIBUTING.md: the links to the issue forms do not point at the repository" in stale.stderr
    assert run_hub("generate", "--write", cwd=root).returncode == 0
    guide = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "(https://github.com/x/y/issues/new?template=propose-partner.yml)" in guide
    assert f"{old}/issues/new" not in guide


def test_switching_a_section_off_removes_its_derived_files(tmp_path: Path) -> None:
    root = copy_of_repo(tmp_path)
    text = (root / "hub.yml").read_text(encoding="utf-8")
    off = text.replace('  curriculum:\n    enabled: true', '  curriculum:\n    enabled: false')
    (root / "hub.yml").write_text(off, encoding="utf-8")
    assert run_hub("generate", "--write", cwd=root).returncode == 0
    assert not (root / "schemas" / "module.schema.json").exists()
    assert not (root / ".github" / "ISSUE_TEMPLATE" / "suggest-module.yml").exists()
    assert "### Module levels" not in (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    hub = tmp_path / "records"
    shutil.copytree(FIXTURE, hub)
    shutil.copy2(root / "hub.yml", hub / "hub.yml")
    result = run_hub("new", "module", "x-module", cwd=hub)
    assert result.returncode == 1 and "switched off in hub.yml" in result.stderr
    checked = run_hub("validate", cwd=hub)
    assert checked.returncode == 0, checked.stderr
    assert ("curriculum/tracks.yaml:1:1: warning: not read: the curriculum section is switched off"
            in checked.stderr)


def test_new_records_use_the_networks_words(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    shutil.copytree(FIXTURE, hub)
    shutil.copy2(REPO / "tests" / "fixtures" / "hub2" / "hub.yml", hub / "hub.yml")
    (hub / "members.yaml").unlink()
    for name in ("partners.yaml",):
        (hub / name).write_text("# nothing yet\n", encoding="utf-8")
    shutil.rmtree(hub / "content" / "briefs")
    shutil.rmtree(hub / "content" / "exchanges")
    shutil.rmtree(hub / "curriculum")
    (hub / "curriculum" / "modules").mkdir(parents=True)
    (hub / "curriculum" / "tracks.yaml").write_text("- id: t\n  title: T\n  description: D\n",
                                                    encoding="utf-8")
    for kind in ("partner", "brief", "module"):
        assert run_hub("new", kind, f"new-{kind}", cwd=hub).returncode == 0
    result = run_hub("validate", cwd=hub)
    lines = [ln for ln in result.stderr.splitlines()
             if re.match(r"^[\w/.-]+:\d+:\d+: ", ln) and "warning:" not in ln]
    assert lines and all("still the template's placeholder" in ln for ln in lines), result.stderr
    module = (hub / "curriculum" / "modules" / "new-module.yaml").read_text(encoding="utf-8")
    assert "level: inicial" in module and "inicial, avanzado or experto" in module
    assert "type: servicio-de-salud" in (hub / "partners.yaml").read_text(encoding="utf-8")


def test_the_numbers_section_is_on_by_default_checked_and_can_be_switched_off(tmp_path: Path) -> None:
    assert "numbers:" not in base_text() and hub_config(FIXTURE).enabled("numbers")
    topics = '    description: "Every topic, with the records that address it."\n'
    assert topics in base_text()
    text = base_text().replace(topics, topics + '  numbers:\n    enabeld: false\n    title: "In numbers"\n')
    write_config(tmp_path, text)
    assert messages(tmp_path) == [f"hub.yml:{line_of(text, 'enabeld:')}:5: sections.numbers.enabeld: "
                                  "unknown field `enabeld`; did you mean `enabled`?"]
    cfg = config.HubConfig.model_validate(__import__("yaml").safe_load(text.replace("enabeld", "enabled")))
    assert not cfg.enabled("numbers")
    nav = [{"Topics": "topics/index.md"}, {"The network in numbers": "numbers/index.md"}, {"Data": "data.md"}]
    assert filter_nav(nav, cfg) == [{"Topics": "topics/index.md"}, {"Data": "data.md"}]
    on = config.HubConfig.model_validate(__import__("yaml").safe_load(base_text()))
    assert filter_nav(nav, on)[1] == {"The network in numbers": "numbers/index.md"}
