"""hooks/trust.py on its own: the build's last word on which files are published, and on which
pages the macros run. The events are called as MkDocs calls them, with real `File`s; the hub's
validation is stood in for by its file inventory, so each guard is seen even where validation
would already have stopped the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import trust
from hub.catalog import BriefRecord, Catalog
from hub.generate_pages import brief_markdown
from hub.validate_files import FileInventory


class Config(dict):
    """What the hook reads of MkDocs' config."""

    def __init__(self, root: Path, theme_dir: Path, catalog: Catalog, macros=None) -> None:
        super().__init__(hub_catalog=catalog)
        self.config_file_path = str(root / "mkdocs.yml")
        self.docs_dir = str(root / "content")
        self.theme = SimpleNamespace(dirs=[str(theme_dir)])
        self.plugins = {"macros": macros} if macros else {}


def brief(slug: str, status: str = "published") -> BriefRecord:
    front = SimpleNamespace(title="No", summary="A summary.", status=status, date=dt.date(2025, 1, 1))
    return BriefRecord(slug, front, "## Body\n\nText.\n", None)  # type: ignore[arg-type]


@pytest.fixture
def site(tmp_path: Path):
    root, theme = tmp_path / "hub", tmp_path / "theme"
    for rel in ("content/briefs/a.md", "content/about.md", "content/about/index.md",
                "content/assets/javascripts/bundle.js", "content/briefs/d.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("---\ntitle: x\n---\nbody\n", encoding="utf-8")
    (theme / "assets" / "javascripts").mkdir(parents=True)
    (theme / "assets" / "javascripts" / "bundle.js").write_text("theme", encoding="utf-8")
    (theme / "assets" / "main.css").write_text("theme", encoding="utf-8")
    cat = Catalog(briefs={"a": brief("a"), "d": brief("d", "draft")})
    cat.files = FileInventory({"content/briefs/a.md": "brief", "content/about.md": "page",
                               "content/briefs/d.md": "brief"})
    return root, theme, Config(root, theme, cat)


def docs(root: Path, *uris: str) -> list[File]:
    return [File(u, str(root / "content"), str(root / "site"), True) for u in uris]


def problems(files: list[File], config) -> str:
    with pytest.raises(PluginError) as exc:
        trust.on_files(Files(files), config)
    return str(exc.value)


def test_a_published_brief_is_built_from_its_record(site) -> None:
    root, theme, config = site
    files = Files(docs(root, "briefs/a.md", "about.md")
                  + [File("assets/main.css", str(theme), str(root / "site"), True)])
    trust.on_files(files, config)
    page = files.get_file_from_path("briefs/a.md")
    assert page.content_string == brief_markdown("a", "No", "A summary.", "## Body\n\nText.\n")
    assert page.content_string.startswith('---\n{"description": "A summary.", "hub_key": "a", '
                                          '"hub_kind": "brief", "template": "hub/brief.html", "title": "No"}')
    assert page.edit_uri == "briefs/a.md"  # the edit link still points at the contributor's file
    assert trust.STATE["kinds"] == {"briefs/a.md": "brief", "about.md": "page", "assets/main.css": "theme"}


def test_files_the_hub_did_not_accept_are_not_published(site) -> None:
    root, _, config = site
    assert problems(docs(root, "about/index.md"), config) == (
        "Files that cannot be published:\ncontent/about/index.md: not accepted by `hub validate`, "
        "so not published")


def test_content_swapped_by_another_plugin_is_not_published(site) -> None:
    root, _, config = site
    (about,) = docs(root, "about.md")
    about.content_string = "<script>alert(1)</script>"
    assert problems([about], config).endswith("about.md: its content was replaced by a plugin; not published")


def test_a_draft_is_not_built(site) -> None:
    root, _, config = site
    found = problems(docs(root, "briefs/d.md"), config)
    assert "content/briefs/d.md: not a published, validated brief" in found


def test_links_are_not_followed(site, tmp_path: Path) -> None:
    root, theme, config = site
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "env.svg").write_text("SECRET", encoding="utf-8")
    (root / "content" / "logos").symlink_to(outside)
    (theme / "assets" / "leak.js").symlink_to(outside / "env.svg")
    config["hub_catalog"].files.files["content/logos/env.svg"] = "image"  # as if validation were fooled
    found = problems(docs(root, "logos/env.svg")
                     + [File("assets/leak.js", str(theme), str(root / "site"), True)], config)
    assert "content/logos/env.svg: reached through the symbolic link content/logos" in found
    assert f"{theme}/assets/leak.js: the theme file is reached through the symbolic link" in found


def test_two_sources_of_one_output_path(site) -> None:
    root, _, config = site
    config["hub_catalog"].files.files["content/about/index.md"] = "page"
    found = problems(docs(root, "about.md", "about/index.md"), config)
    assert found.endswith("two sources write one output path: about/index.html: written by "
                          "content/about.md and by content/about/index.md")


def test_a_content_file_cannot_replace_a_theme_or_be_replaced_by_a_generated_file(site) -> None:
    root, theme, config = site
    inventory = config["hub_catalog"].files.files
    inventory["content/assets/javascripts/bundle.js"] = "script"
    inventory["content/briefs.rss.xml"] = "page"  # stands for any accepted file a hook overwrites
    generated = []
    for uri in ("briefs.rss.xml", "assets/main.css"):
        f = File(uri, None, str(root / "site"), True)
        f.generated_by, f.content_string = "hooks/outputs.py", "x"
        generated.append(f)
    found = problems(docs(root, "assets/javascripts/bundle.js") + generated, config)
    assert "content/assets/javascripts/bundle.js: replaces the theme's own file of that name" in found
    assert "content/briefs.rss.xml: replaced by a file the build generates (hooks/outputs.py)" in found
    assert ("assets/main.css (generated by hooks/outputs.py): replaces the theme's own file of that "
            "name") in found


class Macros:
    def __init__(self, *listed: str) -> None:
        self.listed = set(listed)

    def force_page_rendering(self, path: str) -> bool:
        return path in self.listed


def page(src_uri: str, **meta):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, src_path=src_uri), meta=dict(meta))


@pytest.fixture
def kinds():
    trust.STATE["kinds"] = {"index.md": "page", "about.md": "page", "briefs/a.md": "brief",
                            "partners/index.md": "generated"}


def test_macros_run_on_listed_maintainer_pages_only(kinds, site) -> None:
    config = site[2]
    config.plugins = {"macros": Macros("index.md")}
    listed, other = page("index.md"), page("about.md")
    trust.on_page_markdown("{{ 1 }}", listed, config, None)
    trust.on_page_markdown("{{ 1 }}", other, config, None)
    assert listed.meta["render_macros"] is True and other.meta["render_macros"] is False
    brief_page = page("briefs/a.md", hub_kind="brief", render_macros=True)
    with pytest.raises(PluginError, match=r"content/briefs/a.md: `render_macros: true`, but macros run "
                       r"only on the pages listed in force_render_paths"):
        trust.on_page_markdown("x", brief_page, config, None)
    with pytest.raises(PluginError, match=r"content/about.md: `render_macros: true`"):
        trust.on_page_markdown("x", page("about.md", render_macros=True), config, None)


def test_the_list_of_macro_pages_cannot_name_a_contributor_or_generated_page(kinds, site) -> None:
    config = site[2]
    config.plugins = {"macros": Macros("briefs/a.md", "partners/index.md")}
    for src in ("briefs/a.md", "partners/index.md"):
        with pytest.raises(PluginError, match=rf"mkdocs.yml: the macros plugin's force_render_paths "
                           rf"matches {src}, which is not a hand-written page"):
            trust.on_page_markdown("x", page(src, hub_kind="x"), config, None)


def test_front_matter_that_was_not_read_as_data_stops_the_build(kinds, site) -> None:
    config = site[2]
    with pytest.raises(PluginError, match="briefs/a.md: the page's front matter was not read as data"):
        trust.on_page_markdown("---\ntitle: 2025-02-30\n---\n", page("briefs/a.md"), config, None)
    with pytest.raises(PluginError, match=r"content/about.md: title: False is not text; put it in quotes"):
        trust.on_page_markdown("x", page("about.md", title=False), config, None)


def test_the_macros_plugin_sees_only_the_pages_it_renders(site) -> None:
    """`on_config` wraps the macros plugin's page event: it is called for the pages marked
    `render_macros: true` (listed ones) and skipped for every other page, which it would have
    returned unchanged."""
    from mkdocs.plugins import BasePlugin, PluginCollection

    class Recorder(BasePlugin):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def on_page_markdown(self, markdown, page, config, files):
            self.seen.append(page.file.src_uri)
            return markdown.replace("{{ 1 }}", "1")

    config = site[2]
    config.plugins = PluginCollection()
    config.plugins["macros"] = recorder = Recorder()
    trust.on_config(config)
    assert all(getattr(m, "hub_macros_only_listed", False) for m in config.plugins.events["page_markdown"])
    run = config.plugins.run_event
    assert run("page_markdown", "{{ 1 }}", page=page("index.md", render_macros=True), config=config,
               files=None) == "1"
    assert run("page_markdown", "{{ 1 }}", page=page("partners/x.md", render_macros=False), config=config,
               files=None) == "{{ 1 }}"
    assert recorder.seen == ["index.md"]
