"""A multilingual build of the fixture hub for the language tests: the fixture, its French
translations (tests/fixtures/translations) with their sources' current versions, and one source
edited after its translation (so that translation is outdated)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_hub

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
