"""Fragment cache for Jinja templates: `{% cache key %}...{% endcache %}`.

A block between the tags is rendered once per distinct key and the same HTML is reused for
every later page with that key; a false key (None, "", undefined) renders the block afresh.
The hub uses it for parts of Material's page that do not depend on the page: the sidebar and
footer of pages outside the navigation (nothing in them is active, their links are relative
to the folder: key = the folder) and the header around the title, styles, scripts and config
(key = base_url). With thousands of records the sidebar alone was a fifth of the build
(benchmarks/RESULTS.md).

The cache lives on the Jinja environment, so it ends with the build that made it (`mkdocs
serve` makes a new environment per rebuild). `enabled=False` renders every block afresh: the
build test compares a whole site built both ways, byte for byte.

Jinja only, no MkDocs: the pattern is the "fragment cache" example of Jinja's documentation.

`share_modules`: Material's `base.html` imports `partials/language.html` "with context" on every
page, which makes Jinja build that module (and a context for it) anew each time, although its one
macro, `t(key)`, reads only the theme's language files. The module is made once per environment
and shared by every page (the language of a build is fixed).
"""

from __future__ import annotations

import os

from jinja2 import TemplateNotFound, nodes
from jinja2.ext import Extension

# Imported with context on every page; what they define depends on the build's settings only.
# Shared only while they are the theme's own file (an override could read the page).
SHARED_MODULES = {
    "partials/language.html": os.path.join("material", "templates", "partials", "language.html"),
}


class FragmentCache(Extension):
    tags = {"cache"}

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(hub_fragments={}, hub_fragments_enabled=True)

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        key = parser.parse_expression()
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_cached", [key]), [], [], body).set_lineno(lineno)

    def _cached(self, key, caller) -> str:
        env = self.environment
        if not key or not env.hub_fragments_enabled:  # no key (None, undefined): no cache
            return caller()
        html = env.hub_fragments.get(key)
        if html is None:
            html = env.hub_fragments[key] = caller()
        return html


def item_key(folder_key, item_macro, item, page_record=None) -> tuple | None:
    """The cache key of one item of a related list (`partials/hub.html`, `section`): the same
    record drawn by the same macro on pages of one folder (`folder_key`: the page's
    `hub_nav_key`) is the same HTML, its link relative to the folder. Not the page's own
    record (its link would point at the page itself) and nothing outside such a folder."""
    ident = getattr(item, "slug", None) or getattr(item, "id", None)
    if not folder_key or not isinstance(ident, str) or item is page_record:
        return None
    return ("item", folder_key, getattr(item_macro, "name", None), type(item).__name__, ident)


def install(env, enabled: bool = True) -> None:
    """Add the `{% cache %}` tag to `env` (a fresh, empty cache); `enabled`: also share the
    modules of SHARED_MODULES between pages."""
    env.add_extension(FragmentCache)
    env.hub_fragments = {}
    env.hub_fragments_enabled = enabled
    env.globals["hub_item_key"] = item_key
    if enabled:
        share_modules(env)


def share_modules(env, modules: dict[str, str] = SHARED_MODULES) -> list[str]:
    """Make each template of `modules` (name -> the end of its file's path) build its module
    once per environment, whatever context imports it; the names shared."""
    shared: list[str] = []
    if env.loader is None:
        return shared
    for name, origin in modules.items():
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        if not (template.filename or "").endswith(origin):
            continue  # overridden: it may read the page
        made: list = []

        def make_module(vars=None, shared=False, locals=None, _template=template, _made=made):
            if not _made:
                _made.append(type(_template).make_module(_template, vars, shared, locals))
            return _made[0]

        template.make_module = make_module
        shared.append(name)
    return shared
