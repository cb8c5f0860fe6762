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
