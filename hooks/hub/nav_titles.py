"""The navigation's own titles in the build's language.

`mkdocs.yml` is the one place the navigation's titles are written (Home, About, Data,
Contribute...), in English. They are messages of the interface's catalogue like any other
label: `make messages` extracts them from `mkdocs.yml` (`titles`), translators translate them
in `locales/<lang>/LC_MESSAGES/hub.po`, and a build in another language shows them translated
(`translate`, called by `hooks/languages.py` on the navigation). The entries that stand for a
section (its listing page) are not among them: they take the section's title from hub.yml and
its `translations:` (`hub.sections.filter_nav`).

No MkDocs here: the navigation's items are handled by their attributes (`title`, `children`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .i18n import gettext
from .sections import LISTING_PAGES

_LISTINGS = set(LISTING_PAGES.values())


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (`!ENV`, `!!python/name:`) read as nothing: only the titles matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_nav(config_file: Path) -> Any:
    """The `nav:` of a mkdocs.yml (None without one)."""
    with config_file.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    return data.get("nav") if isinstance(data, dict) else None


def read_palette(config_file: Path) -> Any:
    """The `theme.palette` of a mkdocs.yml (None without one)."""
    with config_file.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme.get("palette") if isinstance(theme, dict) else None


def palette_names(palette: Any) -> list[str]:
    """The names of the colour scheme's toggle ("Switch to dark mode"): the label and tooltip of
    the header's button, messages of the catalogue like the navigation's titles."""
    entries = palette if isinstance(palette, list) else [palette]
    return [e["toggle"]["name"] for e in entries if isinstance(e, dict) and isinstance(e.get("toggle"), dict)
            and isinstance(e["toggle"].get("name"), str)]


def translate_palette(palette: Any, lang: str) -> None:
    """The toggle's names of `palette` (config.theme's) in `lang`."""
    from .i18n import translations

    catalogue = translations(lang)
    for entry in palette if isinstance(palette, list) else [palette]:
        toggle = entry.get("toggle") if isinstance(entry, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = catalogue.gettext(toggle["name"])


def titles(nav: Any) -> list[str]:
    """The titles `nav` (as written in mkdocs.yml) gives its entries, in order, each once;
    without those of a section's listing page (hub.yml names them)."""
    out: list[str] = []

    def walk(items: Any) -> None:
        if not isinstance(items, list):
            return
        for item in items:
            if not (isinstance(item, dict) and len(item) == 1):
                continue
            ((title, target),) = item.items()
            if not isinstance(title, str) or (isinstance(target, str) and target in _LISTINGS):
                continue
            if title not in out:
                out.append(title)
            walk(target)

    walk(nav)
    return out


def translate(items: list, written: set[str]) -> None:
    """Give each navigation item whose title is one of `written` (the titles of mkdocs.yml) that
    title in the build's language. A page without a title of its own in the navigation (its title
    comes from the page itself) is left as it is."""
    for item in items:
        title = vars(item).get("title")  # a page's title is only its own when the nav gave it
        if isinstance(title, str) and title in written:
            item.title = gettext(title)
        translate(getattr(item, "children", None) or [], written)
