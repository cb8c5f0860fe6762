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

For the hub's own templates (a record page was about 1 ms of Jinja): `hub_import` builds
`partials/hub.html` once per build (imported without context); `hub_item` draws an item of a
related list once for every page where the links it asks are the same; `hub_toc_key` keys the
table of contents by its entries; `flat_globals` spares Jinja a copy of its globals' ChainMap
on every render, include and import. `enabled=False` turns off all but `hub_import`.
"""

from __future__ import annotations

import os
from collections import ChainMap
from types import BuiltinFunctionType, FunctionType, MethodType

from jinja2 import TemplateNotFound, nodes, pass_environment
from jinja2.ext import Extension
from jinja2.runtime import BlockReference, Context, Macro
from jinja2.utils import LRUCache, _PassArg, internalcode

# Imported with context on every page; what they define depends on the build's settings only.
# Shared only while they are the theme's own file (an override could read the page).
SHARED_MODULES = {
    "partials/language.html": os.path.join("material", "templates", "partials", "language.html"),
}


# Included on every page; what they write depends on the build's settings and on the values
# the template passes to `hub_include_key` (below) only. Cached only while they are the theme's
# own file (an override could read anything of the page).
SHARED_INCLUDES = {
    "partials/actions.html": os.path.join("material", "templates", "partials", "actions.html"),
}


class FragmentCache(Extension):
    tags = {"cache"}

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(hub_fragments={}, hub_fragments_enabled=True, hub_modules={}, hub_own_includes={})

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
    """The cache key of one item of a related list for `{% cache hub_item_key(hub_nav_key,
    item_macro, it, record) %}` (what `section` of `partials/hub.html` used before `hub_item`;
    kept for templates written that way): the same record drawn by the same macro on pages of
    one folder (`folder_key`: the page's `hub_nav_key`) is the same HTML, its link relative to
    the folder. Not the page's own record (its link would point at the page itself) and nothing
    outside such a folder."""
    ident = getattr(item, "slug", None) or getattr(item, "id", None)
    if not folder_key or not isinstance(ident, str) or item is page_record:
        return None
    return ("item", folder_key, getattr(item_macro, "name", None), type(item).__name__, ident)


@pass_environment
def include_key(env, name: str, *values) -> tuple | None:
    """The cache key of `{% include name %}` for `{% cache hub_include_key(name, page.edit_url)
    %}`: Material's `partials/actions.html` (the edit and view buttons) writes the page's
    `edit_url` and the build's settings only, the same for every partner page (partners.yaml) or
    member page. None (no cache) when `name` is not in SHARED_INCLUDES or the hub overrides it."""
    own = env.hub_own_includes.get(name)
    if own is None:
        origin, filename = SHARED_INCLUDES.get(name), ""
        if origin:
            try:
                filename = env.get_template(name).filename or ""
            except TemplateNotFound:
                pass
        own = env.hub_own_includes[name] = bool(origin) and filename.endswith(origin)
    return ("include", name, *values) if own else None


# Names no instance of a class has (see _ident): pydantic answers a missing attribute through
# its own `__getattr__`, several times slower than a found one.
_ABSENT: dict[type, frozenset[str]] = {}


def _absent(kind: type) -> frozenset[str]:
    names = _ABSENT.get(kind)
    if names is None:
        names = frozenset()
        try:
            from pydantic import BaseModel
        except ImportError:  # pragma: no cover - the hub's records are pydantic models
            BaseModel = None
        pydantic_closed = BaseModel is not None and issubclass(kind, BaseModel)
        if pydantic_closed and kind.model_config.get("extra") != "allow":
            # a field lives in the instance, anything else on the class (property, method)
            names = frozenset(n for n in ("slug", "id")
                              if n not in kind.model_fields and not hasattr(kind, n))
        names = _ABSENT[kind] = names
    return names


def _ident(item):
    """`item.slug or item.id` (None where neither is there): what names a record."""
    absent = _absent(type(item))
    slug = None if "slug" in absent else getattr(item, "slug", None)
    return slug or (None if "id" in absent else getattr(item, "id", None))


class _Links:
    """The page's `href`, noting every link asked of it (arguments and result)."""

    __slots__ = ("href", "asked")

    def __init__(self, href) -> None:
        self.href, self.asked = href, []

    def __call__(self, *args, **kwargs) -> str:
        link = self.href(*args, **kwargs)
        self.asked.append((args, kwargs, link))
        return link


MAX_VARIANTS = 8  # drawings kept per item: one per distinct set of links (depth, own page...)


@pass_environment
def cached_item(env, href, item_macro, item):
    """`item_macro(item, href)` (a macro of a module imported without context, e.g. `section`'s
    items in partials/hub.html), drawn once and reused on every page where it would be the
    same: its HTML depends only on the record, the globals and the links it asks of `href`, so
    a drawing is reused when each of those links, asked of this page's `href`, is the same
    (a brief listed on partner, member, country and topic pages at the same depth: one
    drawing; on the page of the record itself, its link differs: drawn again). Records
    without a text `slug` or `id`: drawn every time."""
    ident = _ident(item)
    if not isinstance(ident, str) or not env.hub_fragments_enabled:
        return item_macro(item, href)
    key = ("item", item_macro, type(item).__name__, ident)
    drawings = env.hub_fragments.get(key)
    if drawings is None:
        drawings = env.hub_fragments[key] = []
    for record, asked, html in drawings:
        if record is item and all(href(*args, **kwargs) == link for args, kwargs, link in asked):
            return html
    links = _Links(href)
    html = item_macro(item, links)
    if len(drawings) < MAX_VARIANTS:
        drawings.append((item, links.asked, html))
    return html


@pass_environment
def import_module(env, name: str):
    """The module of template `name` as `{% import name as x %}` (without context) gives it,
    built once per environment. Jinja's own import re-checks the page's globals against the
    template's on every page, which costs about as much as building the module: record
    templates write `{% set ui = hub_import("partials/hub.html") %}` instead."""
    modules = env.hub_modules
    module = modules.get(name)
    if module is None:
        # not `.module`: Jinja keeps that on the template for the environment's life, and the
        # preview runs the hooks' on_env (new globals, install()) again on the same environment
        module = modules[name] = env.get_template(name).make_module()
    return module


def toc_key(page) -> tuple | None:
    """The cache key of the table of contents of `page` (Material's `partials/toc.html`): what
    that template reads of each entry (address, title, level, children); the
    rest (its heading, the features) is the same on every page of a build. Pages with the same
    headings (every member page, every module page without notes) share one rendering. None
    (no cache) when an entry holds anything but plain text and numbers."""
    toc = getattr(page, "toc", None)
    if toc is None:
        return None
    try:
        entries = _toc_entries(toc)
    except (TypeError, AttributeError):
        return None
    return ("toc", entries)


def _toc_entries(items) -> tuple:
    out = []
    for item in items:
        fields = (item.url, item.title, item.level)
        if getattr(item, "typeset", None) is not None or not all(type(v) in (str, int) for v in fields):
            raise TypeError(item)  # Material's typeset plugin, or a value that is not plain
        out.append((*fields, _toc_entries(item.children or ())))
    return tuple(out)


def install(env, enabled: bool = True) -> None:
    """Add the `{% cache %}` tag to `env` (a fresh, empty cache); `enabled`: also share the
    modules of SHARED_MODULES between pages."""
    env.add_extension(FragmentCache)
    env.hub_fragments = {}
    env.hub_modules = {}
    env.hub_own_includes = {}
    env.hub_fragments_enabled = enabled
    env.globals["hub_item_key"] = item_key
    env.globals["hub_toc_key"] = toc_key
    env.globals["hub_include_key"] = include_key
    env.globals["hub_item"] = cached_item
    env.globals["hub_import"] = import_module
    if enabled:
        share_modules(env)
        flat_globals(env)
        fast_calls(env)


def flat_globals(env) -> None:
    """Give every template of `env` without globals of its own the environment's globals
    themselves, not Jinja's `ChainMap(template's, environment's)`. Jinja copies a template's
    globals into a new dict for every render, include and import (`new_context`) and compares
    their keys on every import; from a ChainMap of some eighty names that took 70-100 µs each
    time (a plain dict: 1 µs), several times per page. The names and values are the same: a
    template with its own globals (`get_template(name, globals=...)`, which neither MkDocs,
    Material nor the hub uses) keeps its ChainMap."""
    env_globals = env.globals

    def make_globals(d=None):
        return ChainMap(d, env_globals) if d else env_globals

    env.make_globals = make_globals
    for template in list(env.cache.values()) if env.cache is not None else ():
        own = template.globals
        if isinstance(own, ChainMap) and len(own.maps) == 2 and not own.maps[0] \
                and own.maps[1] is env_globals:
            template.globals = env_globals


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


# Jinja's own `Context.call` asks every callable (twice, through `hasattr`) whether it wants the
# context, the evaluation context or the environment passed first (`pass_context` & co. set a
# `jinja_pass_arg` attribute); a tenth of a record page's Jinja time. For the callables a template
# calls most (macros, Python functions and methods, built-ins) the answer is read directly; any
# other callable takes Jinja's own path.
# Classes whose instances templates call (`ui.section(...)`, `super()`): what Jinja passes first
# to an instance that holds no `__call__` or `jinja_pass_arg` of its own (a macro: the evaluation
# context, through its `__call__`).
_CLASS_MARKERS = {kind: (getattr(kind.__call__, "jinja_pass_arg", None)
                         or getattr(kind, "jinja_pass_arg", None)) for kind in (Macro, BlockReference)}


class FastContext(Context):
    """Jinja's `Context`, with `call` answering Jinja's question without `hasattr` for plain
    callables: the same result, argument for argument (tests/unit/test_render_cache.py)."""

    @internalcode
    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        kind = type(__obj)
        if kind is FunctionType:
            marker = __obj.__dict__.get("jinja_pass_arg")
            if marker is _PassArg.environment:  # hub_item, hub_import, ... (pass_environment)
                args = (__self.environment, *args)
            elif marker is not None:  # the context (derived in loops and blocks): Jinja's own way
                return Context.call(__self, __obj, *args, **kwargs)
            plain = True
        elif kind in _CLASS_MARKERS and "jinja_pass_arg" not in __obj.__dict__ \
                and "__call__" not in __obj.__dict__:
            marker = _CLASS_MARKERS[kind]
            if marker is _PassArg.eval_context:  # a macro
                args = (__self.eval_ctx, *args)
            elif marker is _PassArg.environment:
                args = (__self.environment, *args)
            elif marker is not None:
                return Context.call(__self, __obj, *args, **kwargs)
            plain = True
        elif kind is BuiltinFunctionType:
            plain = True  # built-ins carry no attributes
        elif kind is MethodType:
            func = __obj.__func__
            plain = type(func) is FunctionType and "jinja_pass_arg" not in func.__dict__
        else:
            plain = False
        if not plain:
            return Context.call(__self, __obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


def fast_calls(env) -> None:
    """Contexts of `env` call plain callables directly (FastContext), its templates compile
    without the optimizer, and the compiled templates are kept in a dict: Jinja's LRU cache
    takes a lock and moves the name to the end of a queue (a linear search) for every include,
    import and `extends`, several times a page; a build loads each template once and keeps
    them all."""
    if env.context_class is Context:
        env.context_class = FastContext
    # Jinja's optimizer tries to fold every expression of a template while compiling it, a fifth
    # of the compile time of Material's templates (a third of a second per build); what it folds
    # (constant arithmetic, tests on literals) is as fast to evaluate when the page renders.
    env.optimized = False
    if isinstance(env.cache, LRUCache):
        env.cache = dict(env.cache.items())
