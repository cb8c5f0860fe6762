"""Reading a built site's pages as a reader sees them: the build tests' two helpers."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, rel: str) -> BeautifulSoup:
    """The page at `rel` (e.g. "partners/index.html") of the built `site`, parsed."""
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def text(site: Path, rel: str) -> str:
    """The page's visible text, with runs of white space as one space."""
    return " ".join(page(site, rel).get_text(" ").split())
