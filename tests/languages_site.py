"""A multilingual build of the fixture hub for the language tests: the fixture, its French
translations (tests/fixtures/translations) with their sources' current versions, and one source
edited after its translation (so that translation is outdated)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import _IGNORE, REPO, make_hub

TRANSLATIONS = REPO / "tests" / "fixtures" / "translations"


def with_translations(dest: Path) -> Path:
    """The fixture hub at `dest` with the French translations, each at its source's version."""
    from hub.translation_status import find_versions
    from hub.validate_links import validate

    hub = make_hub(dest)
    cat, _ = validate(hub)
    for src in TRANSLATIONS.rglob("*"):
        if src.is_file() and src.name != "README.md":
            rel = src.relative_to(TRANSLATIONS).as_posix()
            versions = dict(find_versions(cat, hub, rel) or [])
            version = next(iter(versions.values()))  # list files: one record each here
            (hub / rel).parent.mkdir(parents=True, exist_ok=True)
            (hub / rel).write_text(src.read_text(encoding="utf-8").replace("@VERSION@", version),
                                   encoding="utf-8")
    return hub


def edit_source_after_translation(hub: Path) -> None:
    """The module sm-101 changes after its French translation was made: it is now outdated."""
    path = hub / "curriculum" / "modules" / "sm-101.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "A short reflective essay.", "A short reflective essay on a case."), encoding="utf-8")


def build_languages(hub: Path, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1764633600"}
    shutil.rmtree(site, ignore_errors=True)
    return subprocess.run([sys.executable, "-m", "hub", "--root", str(hub), "build", "--site-dir", str(site),
                           *args], cwd=hub, env=env, capture_output=True, text=True, timeout=1800)


def sample_hub(dest: Path, lang: str, keep: tuple[str, ...] = ()) -> Path:
    """The repository's own network and content, its language set to `lang`; with `keep`, a hub in
    `lang` and those languages, with the sample's own translations into them (and no other)."""
    hub = make_hub(dest, records=None)
    for part in ("partners.yaml", "members.yaml"):
        shutil.copy2(REPO / part, hub / part)
    text = (REPO / "hub.yml").read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^  language: en\b", f"  language: {lang}", text)
    assert n == 1
    # a one-language hub in `lang` (the languages list, if any, starts with the source language)
    text = re.sub(r"(?m)^languages:.*\n", f"languages: [{', '.join([lang, *keep])}]\n" if keep else "", text)
    (hub / "hub.yml").write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "curriculum", hub / "curriculum", ignore=_IGNORE)
    shutil.copytree(REPO / "content" / "briefs", hub / "content" / "briefs", ignore=_IGNORE)
    shutil.copytree(REPO / "content" / "exchanges", hub / "content" / "exchanges", ignore=_IGNORE)
    # a one-language hub: the sample's page translations (about.fr.md, ...) are not its own
    for path in [*(hub / "content").rglob("*"), *(hub / "curriculum").rglob("*")]:
        found = re.search(r"\.([a-z]{2}(?:[-_][A-Za-z]{2})?)\.(?:md|ya?ml)$", path.name)
        if found and found.group(1) not in keep:
            path.unlink()
    return hub
