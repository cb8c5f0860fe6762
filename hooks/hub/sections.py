"""Which parts of the site a network has (`sections:` of hub.yml), and what follows from it.

A section that is switched off has no pages, no entry in the navigation, no listing, no link
from other pages, no data files and no feed. The navigation of `mkdocs.yml` is filtered here
(pure data: the MkDocs hook `hooks/network.py` hands it over), and the entries that point at a
section's listing take the section's title from hub.yml.
"""

from __future__ import annotations

from typing import Any

from .config import HubConfig

# Section -> the listing page that stands for it in the navigation.
LISTING_PAGES: dict[str, str] = {
    "partners": "partners/index.md",
    "members": "members/index.md",
    "briefs": "briefs/index.md",
    "curriculum": "curriculum/index.md",
    "exchanges": "exchanges/index.md",
    "countries": "countries/index.md",
    "topics": "topics/index.md",
    "numbers": "numbers/index.md",
}
_SECTION_OF_PAGE = {page: section for section, page in LISTING_PAGES.items()}


def filter_nav(nav: Any, cfg: HubConfig) -> Any:
    """`nav` (as in mkdocs.yml) without the entries of switched-off sections, and with each
    section's entry titled as hub.yml says. Other entries are kept as they are."""
    if not isinstance(nav, list):
        return nav
    out: list[Any] = []
    for item in nav:
        if isinstance(item, str):
            section = _SECTION_OF_PAGE.get(item)
            if section is None or cfg.enabled(section):
                out.append(item if section is None else {cfg.section(section).title: item})
            continue
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str):
                section = _SECTION_OF_PAGE.get(target)
                if section is None:
                    out.append(item)
                elif cfg.enabled(section):
                    out.append({cfg.section(section).title: target})
                continue
            if isinstance(target, list):
                kept = filter_nav(target, cfg)
                if kept:
                    out.append({title: kept})
                continue
        out.append(item)
    return out


def identity(cfg: HubConfig) -> dict[str, Any]:
    """The MkDocs settings that say who the network is, from hub.yml."""
    n = cfg.network
    repo_name = None
    if n.repo_url and "github.com/" in n.repo_url:
        repo_name = n.repo_url.rstrip("/").split("github.com/", 1)[1]
    return {"site_name": n.name, "site_description": cfg.network_text("description"),
            "site_url": cfg.site_url, "repo_url": n.repo_url, "repo_name": repo_name,
            "copyright": cfg.network_text("copyright"),
            "language": n.language}
