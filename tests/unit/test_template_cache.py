"""hub.template_cache: compiled templates kept between builds, outside the repository, used only
from a folder nobody else can write; a template compiles to code that is the same whatever the
build (each environment's own filters run when a page renders)."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from hub import template_cache
from hub.template_cache import DiskCache, attach, folder

TEMPLATES = {
    "base.html": "<title>{% block title %}{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": ('{% extends "base.html" %}{% import "ui.html" as ui %}'
                  "{% block title %}{{ title | e }}{% endblock %}"
                  "{% block body %}{{ ui.item(title) }} {{ 'hi' | shout }} {{ 5000 | number }}"
                  "{% include 'part.html' %}{% endblock %}"),
    "ui.html": "{% macro item(x) %}<li>{{ x | e }}</li>{% endmacro %}",
    "part.html": "<p>{{ 2 + 3 }} {{ 'x' ~ 'y' }}</p>",
}


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    d = tmp_path / "theme"
    d.mkdir()
    for name, text in TEMPLATES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache" / "templates"
    monkeypatch.setenv(template_cache.ENV_VAR, str(where))
    return where


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def _env(theme: Path, repo: Path, shout=str.upper, number=lambda n: f"{n:,}",
         **options) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), **options)
    env.filters.update(shout=shout, number=number)
    return attach(env, repo)


def test_a_later_build_compiles_nothing_and_renders_with_its_own_filters(
        tmp_path: Path, theme: Path, cache_dir: Path, compiles: list[str]) -> None:
    repo = tmp_path / "repo"
    first = _env(theme, repo).get_template("page.html").render(title="A & B")
    assert first == "<title>A &amp; B</title><li>A &amp; B</li> HI 5,000<p>5 xy</p>"
    assert sorted(compiles) == sorted(TEMPLATES) and len(list(cache_dir.iterdir())) == len(TEMPLATES)
    compiles.clear()
    # another build (a new environment), another language: its filters, not the first one's
    later = _env(theme, repo, shout=lambda s: s + "!", number=lambda n: f"{n:_}")
    assert later.get_template("page.html").render(title="A & B") == \
        "<title>A &amp; B</title><li>A &amp; B</li> hi! 5_000<p>5 xy</p>"
    assert compiles == []


def test_a_changed_template_is_compiled_again(tmp_path: Path, theme: Path, cache_dir: Path,
                                              compiles: list[str]) -> None:
    repo = tmp_path / "repo"
    _env(theme, repo).get_template("page.html").render(title="t")
    (theme / "part.html").write_text("<p>changed</p>", encoding="utf-8")
    compiles.clear()
    assert _env(theme, repo).get_template("page.html").render(title="t").endswith("<p>changed</p>")
    assert compiles == ["part.html"]


def test_other_syntax_settings_never_load_the_code_of_another(tmp_path: Path, theme: Path, cache_dir: Path,
                                                              compiles: list[str]) -> None:
    repo = tmp_path / "repo"
    (theme / "odd.html").write_text("[[ 1 + 1 ]] {{ 1 + 1 }}", encoding="utf-8")
    assert _env(theme, repo).get_template("odd.html").render() == "[[ 1 + 1 ]] 2"
    compiles.clear()
    odd = _env(theme, repo, variable_start_string="[[", variable_end_string="]]")
    assert odd.get_template("odd.html").render() == "2 {{ 1 + 1 }}"
    assert compiles == ["odd.html"]
    compiles.clear()
    assert _env(theme, repo, trim_blocks=True).get_template("odd.html").render() == "[[ 1 + 1 ]] 2"
    assert compiles == ["odd.html"]


def test_a_damaged_or_unwritable_cache_never_stops_a_build(tmp_path: Path, theme: Path, cache_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    expected = _env(theme, repo).get_template("page.html").render(title="t")
    for f in cache_dir.iterdir():
        f.write_bytes(f.read_bytes()[:20])  # cut short
    assert _env(theme, repo).get_template("page.html").render(title="t") == expected
    for f in cache_dir.iterdir():
        f.write_bytes(b"\x00" * 64)
    assert _env(theme, repo).get_template("page.html").render(title="t") == expected

    def full_disk(self, bucket):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", full_disk)
    for f in cache_dir.iterdir():
        f.unlink()
    assert _env(theme, repo).get_template("page.html").render(title="t") == expected


def test_the_folder_is_made_private_and_used(tmp_path: Path, cache_dir: Path) -> None:
    assert folder(tmp_path / "repo") == cache_dir
    assert cache_dir.is_dir() and (os.stat(cache_dir).st_mode & 0o777) == 0o700


@pytest.mark.parametrize("value", ["off", "OFF", "0", "no", "false"])
def test_it_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: Path,
                              value: str) -> None:
    monkeypatch.setenv(template_cache.ENV_VAR, value)
    assert folder(tmp_path / "repo") is None
    assert _env(theme, tmp_path / "repo").bytecode_cache is None


def test_never_a_folder_a_pull_request_could_plant_or_another_user_could_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "site").mkdir(parents=True)
    for inside in (repo / ".cache", repo / "site" / "templates", repo):
        monkeypatch.setenv(template_cache.ENV_VAR, str(inside))
        assert folder(repo) is None, inside
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(repo)  # a link that leads into the repository
    monkeypatch.setenv(template_cache.ENV_VAR, str(tmp_path / "link" / "cache"))
    assert folder(repo) is None
    (tmp_path / "link2").symlink_to(elsewhere)  # the folder itself a link
    monkeypatch.setenv(template_cache.ENV_VAR, str(tmp_path / "link2"))
    assert folder(repo) is None
    for mode in (0o770, 0o777, 0o702):
        shared = tmp_path / f"shared-{mode:o}"
        shared.mkdir()
        shared.chmod(mode)
        monkeypatch.setenv(template_cache.ENV_VAR, str(shared))
        assert folder(repo) is None, oct(mode)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(elsewhere).st_uid + 1)  # someone else's
    monkeypatch.setenv(template_cache.ENV_VAR, str(elsewhere))
    assert folder(repo) is None
    assert _env(theme, repo).bytecode_cache is None


def test_an_environment_with_its_own_cache_keeps_it(tmp_path: Path, theme: Path, cache_dir: Path) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)))
    mine = jinja2.FileSystemBytecodeCache(str(tmp_path / "mine"))
    env.bytecode_cache = mine
    assert attach(env, tmp_path / "repo").bytecode_cache is mine
    assert isinstance(_env(theme, tmp_path / "repo").bytecode_cache, DiskCache)


def test_a_changed_code_generator_of_the_hub_makes_new_code(tmp_path: Path, theme: Path, cache_dir: Path,
                                                          compiles: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    _env(theme, repo).get_template("part.html").render()
    generator = _env(theme, repo).code_generator_class
    assert not generator.__module__.startswith("jinja2")  # the hub's (language_reuse)
    assert template_cache.module_digest(generator.__module__)  # read from its file
    compiles.clear()
    monkeypatch.setattr(template_cache, "module_digest", lambda name: "edited")
    _env(theme, repo).get_template("part.html").render()
    assert compiles == ["part.html"]
