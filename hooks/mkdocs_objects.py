"""MkDocs hook: some of MkDocs' own steps, with MkDocs' own result, at less cost (issue 16).

- The theme's files. MkDocs lists every file of the theme's folders, then drops each path with
  a part that starts with a dot (`Files.add_files_from_theme`); Material's `.icons/` alone
  holds 14,000 icons. The theme's template loader here does not walk into such folders.
- The theme's compiled templates, kept between builds outside the repository
  (`hub.template_cache`): only the first build on a machine compiles them.
- The page objects of the record pages. MkDocs makes one per page in `get_navigation`, and
  works out the build date and the canonical address anew for each (`Page.__init__`); here
  they are made once every hook has its files, with what is the same for all worked out once,
  wherever that is provably MkDocs' own result (otherwise MkDocs' `Page` makes them).

tests/unit/test_mkdocs_objects.py compares both with MkDocs' own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from hub import template_cache


class ThemeLoader(jinja2.FileSystemLoader):
    """The theme's loader, listing no file below a folder whose name starts with a dot: the only
    caller, `Files.add_files_from_theme`, drops them all (its patterns `.*` and `*/.*`)."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:  # as jinja2.FileSystemLoader, folders pruned
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for filename in filenames:
                    template = (os.path.join(dirpath, filename)[len(searchpath):]
                                .strip(os.path.sep).replace(os.path.sep, "/"))
                    if template[:2] == "./":
                        template = template[2:]
                    found.add(template)
        return sorted(found)


def on_config(config):
    make_env = config.theme.get_env  # (hooks/languages.py may have wrapped it: kept)
    root = Path(config.config_file_path).parent

    def get_env() -> jinja2.Environment:
        env = make_env()
        if type(env.loader) is jinja2.FileSystemLoader:
            env.loader.__class__ = ThemeLoader
        return template_cache.attach(env, root)  # compiled templates kept between builds

    config.theme.get_env = get_env
    return config


# A page address whose canonical URL is the site's address followed by it (`urljoin` appends
# its parts: no dot segment, scheme, query, fragment, empty part nor escaped character).
_PLAIN_URL = re.compile(r"(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?")


def page_maker(config) -> Callable[[File], Page]:
    """`make(f)`: what `Page(None, f, config)` makes, for a file made by a hook."""
    base = config.get("site_url", None)
    path = None
    if base:
        base = base if base.endswith("/") else base + "/"
        if urljoin(base, "a/") != base + "a/" or urlsplit(base + "a/").path != urlsplit(base).path + "a/":
            return lambda f: Page(None, f, config)  # an odd address: MkDocs works it out
        path = urlsplit(base).path
    date = get_build_date()

    def make(f: File) -> Page:
        url = f.url
        url = "" if url in (".", "./") else url
        if f.edit_uri is not None or not _PLAIN_URL.fullmatch(url):
            return Page(None, f, config)
        page = Page.__new__(Page)
        page.__dict__.update(  # Page.__init__'s attributes, in its order
            file=f, children=None, previous_page=None, next_page=None, _Page__active=False,
            update_date=date, canonical_url=base + url if base else None,
            abs_url=path + url if base else None, edit_url=None, markdown=None,
            _title_from_render=None, content=None, toc=[], meta={})
        f.page = page
        return page

    return make


def _nav_paths(item) -> set[str]:
    if isinstance(item, str):
        return {item, item.lstrip("/")}
    values = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
    return set().union(*map(_nav_paths, values))


@event_priority(-150)  # after every hook that adds or changes files (hooks/trust.py: -100)
def on_files(files: Files, config):
    """The pages of generated files kept out of the navigation (record pages), made before
    MkDocs' `get_navigation` would make them; a file that mkdocs.yml's nav names is left to
    MkDocs (its page takes the nav's title)."""
    make, named = page_maker(config), _nav_paths(config.nav or [])
    for f in files.documentation_pages():
        if f.page is None and f.generated_by and f.inclusion is InclusionLevel.NOT_IN_NAV \
                and f.src_uri not in named:
            make(f)
    return files
