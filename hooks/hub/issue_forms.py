"""The repository's issue forms (`.github/ISSUE_TEMPLATE/*.yml`) and the address that opens each.

The Contribute page and CONTRIBUTING.md link to the forms by these addresses, built from the
site's `repo_url`; a link to a form that does not exist fails the build (`issue_form_url`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = Path(".github") / "ISSUE_TEMPLATE"


def issue_forms(root: Path) -> dict[str, str]:
    """Form file stem -> its title (`name:`), e.g. 'propose-partner' -> 'Propose a partner'."""
    paths = [p for p in sorted((Path(root) / FOLDER).glob("*.yml")) if p.name != "config.yml"]
    return dict(_read_forms(tuple((p, p.stat().st_mtime_ns) for p in paths)))


@lru_cache(maxsize=8)
def _read_forms(files: tuple[tuple[Path, int], ...]) -> tuple[tuple[str, str], ...]:
    """Read once per version of the files: each page that links a form, in each language's
    build, asks again (PyYAML reads these long files slowly)."""
    out = []
    for path, _ in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out.append((path.stem, str(data.get("name", path.stem))))
    return tuple(out)


def issue_form_url(repo_url: str, root: Path, form: str) -> str:
    """`https://github.com/<owner>/<repo>/issues/new?template=<form>.yml`."""
    forms = issue_forms(root)
    if form not in forms:
        raise KeyError(f"no issue form {form!r} in {FOLDER} (there are: {', '.join(forms) or 'none'})")
    if not repo_url:
        raise KeyError("issue form links need `network.repo_url` in hub.yml")
    return f"{repo_url.rstrip('/')}/issues/new?template={form}.yml"
