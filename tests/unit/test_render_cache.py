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
