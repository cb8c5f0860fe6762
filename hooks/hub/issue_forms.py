"""The repository's issue forms (`.github/ISSUE_TEMPLATE/*.yml`) and the address that opens each.

The Contribute page and CONTRIBUTING.md link to the forms by these addresses, built from the
site's `repo_url`; a link to a form that does not exist fails the build (`issue_form_url`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

FOLDER = Path(".github") / "ISSUE_TEMPLATE"


def issue_forms(root: Path) -> dict[str, str]:
    """Form file stem -> its title (`name:`), e.g. 'propose-partner' -> 'Propose a partner'."""
    out = {}
    for path in sorted((Path(root) / FOLDER).glob("*.yml")):
        if path.name == "config.yml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out[path.stem] = str(data.get("name", path.stem))
    return out


def issue_form_url(repo_url: str, root: Path, form: str) -> str:
    """`https://github.com/<owner>/<repo>/issues/new?template=<form>.yml`."""
    forms = issue_forms(root)
    if form not in forms:
        raise KeyError(f"no issue form {form!r} in {FOLDER} (there are: {', '.join(forms) or 'none'})")
    if not repo_url:
        raise KeyError("issue form links need `network.repo_url` in hub.yml")
    return f"{repo_url.rstrip('/')}/issues/new?template={form}.yml"
