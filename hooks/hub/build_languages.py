"""`python -m hub build`: the site in every language of hub.yml, one MkDocs build per language.

The source language is built into the site's folder, every other language into `<lang>/` below
it, each with `HUB_LANG` (its language: `hooks/languages.py`) and `HUB_LANGUAGES` (all of them,
for the switcher and the sitemaps). Each build is a complete, ordinary MkDocs build of the same
pages, so a page costs what it costs in a one-language build; the source is built first,
because MkDocs empties its site folder before writing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build(root: Path, site_dir: Path, *, offline: bool = False, languages: list[str] | None = None,
          strict: bool = True) -> int:
    """Build every language (or `languages`); the exit status of the first build that failed."""
    from . import config

    cfg = config.load_or_raise(root)
    every = cfg.all_languages
    chosen = [c for c in every if c in languages] if languages else every
    if every[0] not in chosen:
        chosen = [every[0], *chosen]  # the other languages live below the source's folder
    env = {**os.environ, "HUB_LANGUAGES": ",".join(chosen)}
    if offline:
        env["HUB_OFFLINE"] = "true"
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    for lang in chosen:
        dest = site_dir if lang == every[0] else site_dir / lang
        cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(dest),
               "--config-file", str(root / "mkdocs.yml")] + (["--strict"] if strict else [])
        print(f"hub build: {lang} -> {dest}", file=sys.stderr, flush=True)
        done = subprocess.run(cmd, cwd=root, env={**env, "HUB_LANG": lang})
        if done.returncode:
            return done.returncode
    return 0
