"""hooks/mkdocs_objects.py gives MkDocs' own objects (issue 16: the site stays byte for byte the
same): the theme's file list of `Files.add_files_from_theme`, and the page objects of
`Page(None, file, config)`, compared attribute by attribute over generated addresses."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

REPO = Path(__file__).resolve().parents[2]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def _hook():
    path = REPO / "hooks" / "mkdocs_objects.py"
    spec = importlib.util.spec_from_file_location("hub_test_mkdocs_objects", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=4)
def _config(site_url: str | None = None, directory_urls: bool = True):
    config = load_config(str(REPO / "mkdocs.yml"), use_directory_urls=directory_urls)
    config["site_url"] = site_url  # as given: also addresses MkDocs' validation would refuse
    config.plugins._current_plugin = "hooks/site.py"  # what File.generated notes
    return config


def _theme_files(config, env) -> list[tuple[str, str | None]]:
    files = Files([])
    files.add_files_from_theme(env, config)
    return [(f.src_uri, f.abs_src_path) for f in files]


def test_theme_files_are_mkdocs_own(tmp_path: Path) -> None:
    config = _config()
    plain = config.theme.get_env()
    _hook().on_config(config)
    try:
        env = config.theme.get_env()
        assert type(env.loader) is _hook().ThemeLoader
        listed = _theme_files(config, env)
        assert listed == _theme_files(config, plain)
        assert len(listed) > 20
        assert not any(n.startswith(".icons/") for n in env.loader.list_templates())  # not walked
        assert any(n.startswith(".icons/") for n in plain.loader.list_templates())
    finally:
        del config.theme.get_env

    # a theme folder with dot files and folders at every depth, and files MkDocs keeps
    for rel in ("a.css", ".hidden.css", ".dir/x.css", "js/b.js", "js/.c.js", "js/.d/e.js", "x.y/z.js",
                "deep/er/f.svg", "deep/.er/g.svg", "..h/i.js", "readme.md", "k.html", "l.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    saved = config.theme.dirs
    config.theme.dirs = [str(tmp_path)]
    try:
        plain = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
        pruned = jinja2.Environment(loader=_hook().ThemeLoader([str(tmp_path)]))
        listed = _theme_files(config, pruned)
        assert listed == _theme_files(config, plain)
    finally:
        config.theme.dirs = saved
    assert {n for n, _ in listed} == {"a.css", "js/b.js", "x.y/z.js", "deep/er/f.svg"}
    assert ".dir/x.css" in plain.list_templates() and ".dir/x.css" not in pruned.list_templates()


SITE_URLS = [None, "", "https://example.org", "https://example.org/", "https://example.org/hub",
             "https://example.org/hub/fr/", "http://localhost:8000/", "https://example.org//hub/",
             "https://example.org/a/../b/", "https://example.org/./b/", "https://example.org/?q=1",
             "https://example.org/#top", "foo://example.org/x/", "https://exa mple.org/é/", "file:///tmp/site/"]
keys = st.lists(st.sampled_from([*"aZ09-_.~é%:/?#@ +", "..", "//", "../", "index"]),
                min_size=1, max_size=10).map("".join)


def _compare(config, src_uri: str, edit_uri: str | None = None) -> None:
    make = _hook().page_maker(config)
    made, theirs = (File.generated(config, src_uri, content="x", inclusion=InclusionLevel.NOT_IN_NAV)
                    for _ in range(2))
    if edit_uri is not None:  # a hook gave the generated page an edit link
        made.edit_uri = theirs.edit_uri = edit_uri
    page, own = make(made), Page(None, theirs, config)
    assert made.page is page and type(page) is Page
    mine, want = dict(vars(page)), dict(vars(own))
    assert mine.pop("file") is made and want.pop("file") is theirs
    assert mine == want, (config.site_url, src_uri)
    assert list(mine) == list(want)
    assert (page.url, page.title, page.is_homepage, page.active) == \
        (own.url, own.title, own.is_homepage, own.active)


@pytest.mark.parametrize("site_url", SITE_URLS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_objects_are_mkdocs_own(site_url: str | None, directory_urls: bool) -> None:
    config = _config(site_url, directory_urls)
    for src in ("partners/who.md", "partners/a.b.md", "countries/np.md", "index.md", "a/b/c/index.md",
                "x/ü.md", "x/a b.md", "x/%41.md", "x/..md", "x/-.md", "x/~a.md", "x/a:b.md"):
        _compare(config, src)
    _compare(config, "partners/who.md", edit_uri="partners.yaml")


@FAST
@given(keys, st.sampled_from(SITE_URLS), st.booleans())
def test_generated_addresses(key: str, site_url: str | None, directory_urls: bool) -> None:
    _compare(_config(site_url, directory_urls), f"partners/{key}.md")


def test_on_files_makes_only_record_pages_outside_the_nav() -> None:
    config = _config("https://example.org/")
    config.nav = [{"Home": "index.md"}, {"Partners": [{"One": "/partners/named.md"}]}]
    files = Files([File.generated(config, f"partners/{k}.md", content="x", inclusion=i)
                   for k, i in (("a", InclusionLevel.NOT_IN_NAV), ("named", InclusionLevel.NOT_IN_NAV),
                                ("listed", InclusionLevel.UNDEFINED), ("draft", InclusionLevel.DRAFT))])
    files.append(File("index.md", str(REPO / "content"), config.site_dir, True,
                      inclusion=InclusionLevel.NOT_IN_NAV))  # written by hand: MkDocs makes its page
    _hook().on_files(files, config)
    assert [f.src_uri for f in files if f.page is not None] == ["partners/a.md"]
