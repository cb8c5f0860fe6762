"""The `{% cache %}` fragment cache (hub.render_cache) and the Material template it wraps."""

from __future__ import annotations

import re
from importlib.util import find_spec
from pathlib import Path

import jinja2
import pytest

from hub.render_cache import install

REPO = Path(__file__).resolve().parents[2]


def _env(enabled: bool = True) -> tuple[jinja2.Environment, list[str]]:
    calls: list[str] = []
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "t.html": "{% cache key %}[{{ count(name) }}]{% endcache %}{{ name }}",
    }))
    install(env, enabled=enabled)
    env.globals["count"] = lambda name: calls.append(name) or name
    return env, calls


def test_a_block_is_rendered_once_per_key() -> None:
    env, calls = _env()
    t = env.get_template("t.html")
    assert t.render(key="a", name="first") == "[first]first"
    assert t.render(key="a", name="second") == "[first]second"  # reused: the key decides
    assert t.render(key="b", name="third") == "[third]third"
    assert calls == ["first", "third"]


@pytest.mark.parametrize("key", [None, "", False])
def test_no_key_means_no_cache(key) -> None:
    env, calls = _env()
    t = env.get_template("t.html")
    assert [t.render(key=key, name=n) for n in ("x", "y")] == ["[x]x", "[y]y"]
    assert calls == ["x", "y"]


def test_an_undefined_key_means_no_cache() -> None:
    env, calls = _env()
    t = env.get_template("t.html")
    assert [t.render(name=n) for n in ("x", "y")] == ["[x]x", "[y]y"]


def test_disabled_cache_renders_every_time() -> None:
    env, calls = _env(enabled=False)
    t = env.get_template("t.html")
    assert [t.render(key="a", name=n) for n in ("x", "y")] == ["[x]x", "[y]y"]
    assert calls == ["x", "y"]


def test_each_environment_has_its_own_cache() -> None:
    """`mkdocs serve` makes a new environment per rebuild: nothing survives from the last one."""
    env1, _ = _env()
    env2, _ = _env()
    env1.get_template("t.html").render(key="a", name="old")
    assert env2.get_template("t.html").render(key="a", name="new") == "[new]new"


def test_header_override_is_materials_own_header() -> None:
    """overrides/partials/header.html is Material's header with cache tags only: after an
    upgrade of Material, this fails until the copy is refreshed (see its first comment)."""
    spec = find_spec("material")
    assert spec is not None and spec.submodule_search_locations
    material = Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "header.html"
    ours = (REPO / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)  # our explanation
    ours = re.sub(r"\{% (?:cache [^%]+|endcache) %\}", "", ours)
    assert ours == material.read_text(encoding="utf-8")


def test_material_language_module_is_made_once_and_translates_alike() -> None:
    """Material's base.html imports partials/language.html with context on every page: shared,
    it is built once per environment and its `t()` gives the same words; an override of it
    (which could read the page) is not shared."""
    material = Path(find_spec("material").origin).parent / "templates"

    def env(*dirs: Path, enabled: bool = True) -> jinja2.Environment:
        e = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in dirs]))
        install(e, enabled=enabled)
        e.globals["config"] = {"theme": {"language": "fr"}}
        return e

    page = '{% import "partials/language.html" as lang with context %}{{ lang.t("search.placeholder") }}'
    shared, fresh = env(material), env(material, enabled=False)
    modules: dict[int, list] = {id(shared): [], id(fresh): []}
    for e in (shared, fresh):
        lang = e.get_template("partials/language.html")
        made, seen = lang.make_module, modules[id(e)]
        lang.make_module = lambda *a, _made=made, _seen=seen, **k: _seen.append(_made(*a, **k)) or _seen[-1]
    words = [e.from_string(page).render() for e in (shared, fresh) for _ in range(3)]
    assert words == ["Rechercher"] * 6
    assert len({id(m) for m in modules[id(shared)]}) == 1  # shared: one module for three pages
    assert len({id(m) for m in modules[id(fresh)]}) == 3  # not shared: one per page


def test_an_overridden_language_partial_is_not_shared(tmp_path: Path) -> None:
    from hub.render_cache import share_modules

    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "language.html").write_text("{% macro t(key) %}{{ page }}{% endmacro %}")
    material = Path(find_spec("material").origin).parent / "templates"
    e = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path), str(material)]))
    assert share_modules(e) == []
    e2 = jinja2.Environment(loader=jinja2.FileSystemLoader([str(material)]))
    assert share_modules(e2) == ["partials/language.html"]
    page = '{% import "partials/language.html" as lang with context %}{{ lang.t("x") }}'
    assert [e.from_string(page).render(page=n) for n in ("a", "b")] == ["a", "b"]


def test_related_items_are_drawn_once_per_folder_but_never_the_page_itself() -> None:
    """`section` of partials/hub.html caches each item by folder, macro and record key
    (hub.render_cache.item_key): drawn once for the pages of a folder; the page's own record,
    pages outside a folder (no hub_nav_key) and items without a key are drawn every time."""
    from types import SimpleNamespace

    from hub.render_cache import item_key

    env, calls = _env()
    t = env.from_string(
        "{% macro item(it) %}[{{ count(it.id) }}]{% endmacro %}"
        "{% for it in items %}{% cache hub_item_key(hub_nav_key, item, it, record) %}{{ item(it) }}"
        "{% endcache %}{% endfor %}")
    a, b = SimpleNamespace(id="a"), SimpleNamespace(id="b")
    for record in (None, a, b):
        assert t.render(items=[a, b], hub_nav_key="nav:members/", record=record) == "[a][b]"
    assert calls == ["a", "b", "a", "b"]  # pages a and b draw their own record afresh
    t.render(items=[a], hub_nav_key=None, record=None)
    t.render(items=[a], hub_nav_key="nav:partners/", record=None)
    assert calls == ["a", "b", "a", "b", "a", "a"]
    assert item_key("nav:x/", None, SimpleNamespace(slug="s"), None) == (
        "item", "nav:x/", None, "SimpleNamespace", "s")
    assert item_key("nav:x/", None, SimpleNamespace(id=3), None) is None  # not a record key


def _items_env(enabled: bool = True) -> tuple[jinja2.Environment, list[str], jinja2.Template]:
    """A module imported without context (as partials/hub.html) with an item macro whose HTML
    holds a link, and a page that draws its items through `hub_item`."""
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "ui.html": "{% macro item(it, href) %}<a href=\"{{ href('x', it.id) }}\">{{ count(it.id) }}</a>"
                   "{% endmacro %}",
        "page.html": "{% set ui = hub_import('ui.html') %}"
                     "{% for it in items %}{{ hub_item(href, ui.item, it) }}{% endfor %}",
    }))
    install(env, enabled=enabled)
    calls: list[str] = []
    env.globals["count"] = lambda name: calls.append(name) or name
    return env, calls, env.get_template("page.html")


def _href(base: str):
    """The links of a page at `base`: the target's address relative to it (as hooks/site.py)."""
    return lambda kind, key: "./" if base == f"{kind}/{key}/" else f"../../{kind}/{key}/"


def test_a_related_item_is_drawn_once_where_its_links_are_the_same() -> None:
    """hub_item (hub.render_cache.cached_item) reuses an item's drawing on every page that asks
    the same links of its `href`, whatever the page's folder; where a link differs (the page of
    the record itself links to "./"), the item is drawn again; never a wrong link."""
    from types import SimpleNamespace

    env, calls, page = _items_env()
    a, b = SimpleNamespace(id="a"), SimpleNamespace(id="b")
    for base in ("partners/p/", "countries/np/", "topics/uhc/"):
        assert page.render(items=[a, b], href=_href(base)) == \
            '<a href="../../x/a/">a</a><a href="../../x/b/">b</a>'
    assert calls == ["a", "b"]  # one drawing each for three pages in three folders
    assert page.render(items=[a, b], href=_href("x/a/")) == '<a href="./">a</a><a href="../../x/b/">b</a>'
    assert calls == ["a", "b", "a"]  # its own page: another link, drawn again
    assert page.render(items=[a], href=_href("x/a/")) == '<a href="./">a</a>'
    assert calls == ["a", "b", "a"]  # and that drawing is kept too
    other = SimpleNamespace(id="a")  # another record with the same key: never given a's drawing
    page.render(items=[other], href=_href("partners/p/"))
    assert calls == ["a", "b", "a", "a"]


def test_related_items_without_a_key_or_with_the_cache_off_are_drawn_every_time() -> None:
    from types import SimpleNamespace

    env, calls, page = _items_env()
    numbered = SimpleNamespace(id=3)  # not a record key
    for _ in range(2):
        page.render(items=[numbered], href=_href("partners/p/"))
    assert calls == [3, 3]
    env, calls, page = _items_env(enabled=False)
    a = SimpleNamespace(id="a")
    drawn = [page.render(items=[a], href=_href("partners/p/")) for _ in range(2)]
    assert drawn == ['<a href="../../x/a/">a</a>'] * 2
    assert calls == ["a", "a"]


def test_hub_import_builds_a_module_once_per_install_with_the_globals_of_then() -> None:
    """`hub_import` gives the module `{% import %}` without context gives, made once; a new
    install (the preview's next rebuild calls the hooks' on_env again on the same environment)
    makes it again, with the globals of that build."""
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "ui.html": "{% macro word() %}{{ word_of_build }}{% endmacro %}",
        "page.html": "{% set ui = hub_import('ui.html') %}{{ ui.word() }}{{ page }}",
    }))
    install(env)
    env.globals["word_of_build"] = "one"
    page = env.get_template("page.html")
    assert [page.render(page=n) for n in ("a", "b")] == ["onea", "oneb"]
    first = env.hub_modules["ui.html"]
    page.render(page="c")
    assert env.hub_modules["ui.html"] is first
    install(env)
    env.globals["word_of_build"] = "two"
    assert page.render(page="d") == "twod"


def test_templates_share_the_environment_globals_but_keep_their_own() -> None:
    """flat_globals: a template without globals of its own reads the environment's dict itself
    (no copy of a ChainMap per render); globals set after it was loaded are seen; a template
    given its own globals keeps them to itself."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ a }}{{ b }}",
                                                       "u.html": "{{ a }}{{ own }}"}))
    early = env.get_template("t.html")  # loaded before install: switched over too
    install(env)
    env.globals["a"] = "A"
    late = env.get_template("u.html", globals={"own": "O"})
    env.globals["b"] = "B"
    assert early.globals is env.globals
    assert early.render() == "AB"
    assert late.render() == "AO"
    assert "own" not in env.globals
    fresh = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ a }}"}))
    install(fresh, enabled=False)
    assert fresh.get_template("t.html").globals is not fresh.globals  # cache off: Jinja's own


def test_toc_key_holds_everything_the_toc_template_reads() -> None:
    """Two pages share a drawing of their table of contents only if every entry's address,
    title, level and children are the same; an entry that is not plain text is never cached."""
    from types import SimpleNamespace

    from markupsafe import Markup

    from hub.render_cache import toc_key

    def entry(title, anchor, level=2, children=()):
        return SimpleNamespace(title=title, url=f"#{anchor}", level=level, children=list(children))

    def page(*items):
        return SimpleNamespace(toc=list(items))

    def readings(anchor="readings", child="A"):
        return entry("Readings", anchor, children=[entry(child, "a", 3)])

    base = toc_key(page(entry("Sessions", "sessions"), readings()))
    assert base == toc_key(page(entry("Sessions", "sessions"), readings()))
    for other in (page(entry("Sessions", "sessions")),
                  page(entry("Sessions", "sessions"), readings(anchor="reading")),
                  page(entry("Sessions", "sessions"), readings(child="B")),
                  page(entry("Sessions", "sessions", level=3), readings())):
        assert toc_key(other) not in (None, base)
    assert toc_key(page(entry(Markup("<b>x</b>"), "x"))) is None
    typeset = entry("x", "x")
    typeset.typeset = {"title": "x"}
    assert toc_key(page(typeset)) is None
    assert toc_key(SimpleNamespace()) is None


def _callables():
    """Every kind of callable a template may call, with and without Jinja's pass_* markers."""
    from types import SimpleNamespace

    @jinja2.pass_context
    def with_context(ctx, x=""):
        return f"ctx:{ctx.get('name')}:{x}"

    @jinja2.pass_eval_context
    def with_eval_context(ectx, x=""):
        return f"eval:{ectx.autoescape}:{x}"

    @jinja2.pass_environment
    def with_environment(env, x=""):
        return f"env:{type(env).__name__}:{x}"

    def plain(x="", **kw):
        return f"plain:{x}:{sorted(kw)}"

    def stops(x=""):
        raise StopIteration

    class Thing:
        def method(self, x=""):
            return f"method:{x}"

        @jinja2.pass_context
        def ctx_method(self, ctx, x=""):
            return f"ctx_method:{ctx.get('name')}:{x}"

    class CallsWithContext:
        @jinja2.pass_context
        def __call__(self, ctx, x=""):
            return f"callable:{ctx.get('name')}:{x}"

    marked = lambda ctx, x="": f"marked:{ctx.get('name')}:{x}"  # noqa: E731
    marked.jinja_pass_arg = jinja2.utils._PassArg.context  # what pass_context sets, by hand
    return SimpleNamespace(
        with_context=with_context, with_eval_context=with_eval_context, with_environment=with_environment,
        plain=plain, stops=stops, thing=Thing(), calls_with_context=CallsWithContext(), marked=marked,
        builtin=len, klass=dict)


def test_fast_calls_give_what_jinjas_own_call_gives() -> None:
    """FastContext.call (hub.render_cache) skips Jinja's questions for plain callables only: every
    kind of callable, marked or not, in and out of loops and blocks, with a macro and a caller,
    gives what Jinja's own Context.call gives."""
    from hub.render_cache import FastContext

    page = (
        "{% macro m(x) %}[m:{{ x }}:{{ caller() if caller else '' }}]{% endmacro %}"
        "{% set c = callables %}"
        "{% for f in [c.with_context, c.with_eval_context, c.with_environment, c.plain, c.marked,"
        " c.thing.method, c.thing.ctx_method, c.calls_with_context] %}"
        "{{ f('a') }}|{{ f(x='b') }}|{% endfor %}"
        "{{ c.with_context('top') }}{{ c.plain('top', k=1) }}{{ c.stops() is undefined }}"
        "{{ c.builtin('abc') }}{{ c.klass(a=1) }}{{ m('x') }}{% call m('y') %}in{% endcall %}"
        "{% block b %}{% set name = 'inner' %}{{ c.with_context('block') }}{{ c.thing.ctx_method() }}"
        "{% endblock %}")
    outputs = []
    for fast in (True, False):
        env = jinja2.Environment(loader=jinja2.DictLoader({"p.html": page}))
        install(env, enabled=fast)
        assert (env.context_class is FastContext) is fast
        outputs.append(env.get_template("p.html").render(callables=_callables(), name="N"))
    assert outputs[0] == outputs[1]
    assert "ctx:N:a" in outputs[0] and "marked:N:a" in outputs[0]  # the marked lambda got the context
    # a macro takes the evaluation context: called under `autoescape false`, it returns plain text
    escaping = ("{% macro b() %}<b>{% endmacro %}{% set ns = namespace() %}"
                "{% autoescape false %}{% set ns.x = b() %}{% endautoescape %}{{ ns.x }}{{ b() }}")
    drawn = []
    for fast in (True, False):
        env = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader({"p.html": escaping}))
        install(env, enabled=fast)
        drawn.append(env.get_template("p.html").render())
    assert drawn == ["&lt;b&gt;<b>"] * 2
    calls = _callables()
    env = jinja2.Environment()
    install(env)
    ctx = env.from_string("").new_context({"name": "N"})
    for name in vars(calls):
        if name != "thing":
            obj = getattr(calls, name)
            arg = [("q", 1)] if obj is dict else "q"
            fast, slow = FastContext.call(ctx, obj, arg), jinja2.runtime.Context.call(ctx, obj, arg)
            assert (str(fast), type(fast)) == (str(slow), type(slow)), name
    for obj in (calls.thing.method, calls.thing.ctx_method):
        fast = FastContext.call(ctx, obj, _loop_vars={})
        assert fast == jinja2.runtime.Context.call(ctx, obj, _loop_vars={})


def test_templates_are_kept_in_a_plain_dict() -> None:
    """Jinja's LRU cache of templates is replaced by a dict holding what it held (a build keeps
    every template); with the cache off, Jinja's own."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ 1 }}"}))
    t = env.get_template("t.html")
    install(env)
    assert type(env.cache) is dict
    assert env.get_template("t.html") is t
    off = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "x"}))
    install(off, enabled=False)
    assert type(off.cache) is not dict


def test_materials_actions_are_drawn_once_per_edit_address(tmp_path: Path) -> None:
    """`hub_include_key("partials/actions.html", page.edit_url)`: Material's edit button, drawn
    once per edit address (every partner's page edits partners.yaml); an override of the
    partial (which could read anything of the page) gets no key: drawn every time."""
    material = Path(find_spec("material").origin).parent / "templates"
    page = ('{% cache hub_include_key("partials/actions.html", page.edit_url) %}'
            '{% include "partials/actions.html" %}{% endcache %}')
    config = {"theme": {"icon": {}}}

    def env(*dirs: Path) -> jinja2.Environment:
        e = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in dirs]))
        install(e)
        e.globals.update(features=["content.action.edit"], config=config,
                         lang={"t": lambda key: key})
        return e

    ours = env(material)
    t = ours.from_string(page)

    def edit(url: str, who: str):
        from types import SimpleNamespace
        return SimpleNamespace(edit_url=url, title=who)

    a = t.render(page=edit("https://x/edit/main/partners.yaml", "a"))
    assert 'href="https://x/edit/main/partners.yaml"' in a
    assert t.render(page=edit("https://x/edit/main/partners.yaml", "b")) == a
    other = t.render(page=edit("https://x/edit/main/members.yaml", "c"))
    assert 'href="https://x/edit/main/members.yaml"' in other
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "actions.html").write_text("{{ page.title }}")
    overridden = env(tmp_path, material)
    t = overridden.from_string(page)
    assert [t.render(page=edit("https://x/edit/main/partners.yaml", w)) for w in "ab"] == ["a", "b"]
    key = overridden.globals["hub_include_key"]
    assert key(overridden, "partials/actions.html", "u") is None
    assert key(ours, "partials/actions.html", "u") == ("include", "partials/actions.html", "u")
    assert key(ours, "partials/header.html", "u") is None  # not a shared include


def test_record_names_are_read_as_getattr_reads_them() -> None:
    """`hub_item` names a record by `slug or id`; pydantic models are asked only for names they
    can have (a missing name costs pydantic an exception): the same answer for every shape."""
    from pydantic import BaseModel, ConfigDict

    from hub.render_cache import _ident

    class WithId(BaseModel):
        model_config = ConfigDict(extra="forbid")
        id: str

    class WithSlug(BaseModel):
        slug: str = ""
        id: str | None = None

    class WithProperty(BaseModel):
        name: str

        @property
        def slug(self) -> str:
            return self.name.lower()

    class Extra(BaseModel):
        model_config = ConfigDict(extra="allow")

    from types import SimpleNamespace
    items = [WithId(id="a"), WithSlug(slug="s", id="i"), WithSlug(id="i"), WithSlug(), WithProperty(name="P"),
             Extra(slug="x"), Extra(id="y"), Extra(), SimpleNamespace(id="n"), SimpleNamespace(), "text", 3]
    for item in items:
        assert _ident(item) == (getattr(item, "slug", None) or getattr(item, "id", None)), item
