"""What one `make build` (`python -m hub build`, one process) hands from its steps to the
build's hooks: the records it validated (so that `hooks/site.py` does not validate them a
second time) and the link index that `hooks/links.py` fills with each page while it is in
memory. Outside `hub build` (a bare `mkdocs build`, `mkdocs serve`) nothing is handed over and
the hooks do what they always did: validate in `on_config`, check no links.
"""

from __future__ import annotations

from pathlib import Path

from .check_links import LinkIndex

_validated: dict[Path, tuple] = {}
_links: list[LinkIndex] = []


def hand_over_validation(root: Path, catalog, problems) -> None:
    """The records of `root`, validated by `hub build`, for the build that follows."""
    _validated[Path(root).resolve()] = (catalog, problems)


def take_validation(root: Path) -> tuple | None:
    """(catalog, problems) validated for this build, once; None: validate here."""
    return _validated.pop(Path(root).resolve(), None)


def start_link_check(site: Path, base_path: str = "/") -> LinkIndex:
    """From now on, the pages the build writes under `site` are read into this index (by
    hooks/links.py); `LinkIndex.broken(site)` gives the verdict once all are written."""
    _links[:] = [LinkIndex(base_path, site)]
    return _links[0]


def link_index() -> LinkIndex | None:
    return _links[0] if _links else None


def end() -> None:
    """Forget what was handed over (the next build in this process starts afresh)."""
    _validated.clear()
    _links.clear()
