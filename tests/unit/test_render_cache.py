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
