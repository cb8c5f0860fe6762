"""The live preview's builds (`make serve`): a full build, or only the pages an edit changed.

Not a hook itself: `hooks/serve.py` hands every build of `mkdocs serve` to `Preview.build`.
The first build, and any build after a change to something other than the records (a
template, a hook, `mkdocs.yml`, `hub.yml`, a hand-written page, an image), is MkDocs' own full
build. After an edit to record files only (`partners.yaml`, `members.yaml`, `curriculum/`,
`content/briefs/*.md`) it is still MkDocs' own `build()`, every event of every hook and plugin
included (validation, generated files, feeds, open data, citations, navigation, sitemap,
search index), except that:

- the records are validated again from the files that changed only (`load_all`'s cache;
  the checks between records run over all of them);
- a page is read and rendered again only when its source changed, or when something it read
  from the catalog, from the template globals or from the file list (a link's target) has
  another value now (`hub.incremental`); the others keep what the last build made: their
  HTML on disk, their search index entries, their anchors;
- generated static files (open data, feeds, citations) are written when their content
  changed; the outputs of files that are gone are deleted; the site folder is not emptied.

A hook that collects something from every page (an index, a list of links) while leaving the
page as it is must see the pages that were not rendered again too: mark its event function
`on_page_content.hub_preview_replay = True`, and the preview calls it for each kept page with
the content that page had (Material's own search plugin, which reads pages in
`on_page_context`, gets its kept entries back here too).

tests/build/test_preview_incremental.py compares the preview after a sequence of edits with a
clean build of the same files, byte for byte.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs import utils
from mkdocs.commands import build as build_command
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.theme import Theme

import preview_early
from hub import build_session, incremental, preview
from hub.models import today

log = logging.getLogger("mkdocs.hooks.hub.preview")
SWITCH_INTERVAL = sys.getswitchinterval()
RECORD_FILES = ("partners.yaml", "members.yaml")


def is_record_file(rel: str) -> bool:
    """A file that an incremental rebuild handles: a record, nothing the theme or MkDocs reads."""
    if rel in RECORD_FILES:
        return True
    if rel.startswith("curriculum/"):
        return rel.endswith(".yaml")
    head, _, name = rel.rpartition("/")
    return head == "content/briefs" and name.endswith(".md")


@dataclass
class PageState:
    """What the last build made of one page, for the next incremental build."""

    source: Any = None  # the generated Markdown (None: read from disk)
    inclusion: Any = None
    generated_by: str | None = None  # the hook that generated it (None: a file of docs_dir)
    populated: dict = field(default_factory=dict)  # the Page attributes its reading set
    search: list = field(default_factory=list)  # its search index entries


@dataclass
class BuildState:
    snapshot: dict
    catalog: Any
    globals: dict
    files: dict  # src_uri -> (url, inclusion): what a link to it finds
    dests: set  # dest_uri of every file the build wrote or copied
    statics: dict  # dest_uri -> content of the generated static files
    pages: dict[str, PageState]
    today: Any
    # for the early pages (hooks/preview_early.py): the last build's MkDocs objects, and
    last: tuple | None = None  # (config, files, nav, env)
    page_dests: dict = field(default_factory=dict)  # src_uri -> dest_uri of every page
    assets: set = field(default_factory=set)  # dest_uri of the files copied as they are
    generated_by: dict = field(default_factory=dict)  # src_uri -> the hook that generated the page
    record_pages: set = field(default_factory=set)  # src_uri of the briefs' and exchanges' pages


@dataclass
class _Plan:
    changed: set
    populate: set
    build: set | None = None


class PreviewFiles(Files):
    """MkDocs' file list, noting which file each page's links look up, and copying only the
    static files that changed during an incremental build."""

    def get_file_from_path(self, path: str):
        engine = ENGINE
        if engine is not None:
            engine.tracker.note((("@file", path),))
        return super().get_file_from_path(path)

    def copy_static_files(self, dirty: bool = False, *, inclusion=InclusionLevel.is_included) -> None:
        engine = ENGINE
        if engine is None or not engine.incremental:
            return super().copy_static_files(dirty, inclusion=inclusion)
        old = engine.state.statics
        for f in self:
            if f.is_documentation_page() or not inclusion(f.inclusion):
                continue
            content = getattr(f, "_content", None)
            if content is None:
                if not os.path.exists(f.abs_dest_path):  # theme and content files: unchanged
                    f.copy_file(False)
            elif old.get(f.dest_uri) != content:
                f.copy_file(False)


class Preview:
    """The state kept between the builds of one `mkdocs serve`."""

    def __init__(self, build) -> None:
        self._build = build  # MkDocs' build()
        self.tracker = incremental.Tracker()
        self.state: BuildState | None = None
        self.incremental = False
        self.plan: _Plan | None = None
        self.seen: set[str] = set()
        self.pages: dict[str, PageState] = {}
        self.globals: dict = {}
        self.scalar_globals: set[str] = set()
        self.before: dict[str, dict] = {}
        self.search_start: dict[str, int] = {}
        self.last: str = ""  # "full" or "incremental: N pages": what the last build did
        self.theme_files: list[tuple[str, str]] | None = None
        self.resumable = False  # the last build stopped on an error, the one before is kept aside
        self.ok = False  # the last build succeeded
        self.gate = preview_early.Gate()  # what the server may answer with during a cycle
        self.server = None  # MkDocs' LiveReloadServer (hooks/serve.py, on_serve)
        self.quiet = False  # the early pages are being rendered: nothing to note
        self.nav = None
        self.env = None
        self.early: list[str] = []  # output paths the early pass wrote in this cycle
        self.early_bytes: dict[str, bytes] = {}
        self.early_differs: list[str] = []  # early pages the build then wrote otherwise
        self.early_skipped = ""  # why no page was rendered early
        self.started = (0.0, 0.0)  # wall clock and CPU time at the start of the cycle
        self.shown_after: tuple[float, float] | None = None  # (wall, CPU) seconds until the reload
        self.timings: dict = {}

    @property
    def last_build(self) -> tuple | None:
        return self.state.last if self.state is not None else None

    # --- the build --------------------------------------------------------------------------

    def build(self, config, *, serve_url=None, dirty=False) -> None:
        root = Path(config.config_file_path).parent
        snap = incremental.snapshot(self._watched(config, root))
        if self.resumable and not preview.restore_site(config.site_dir):
            self.state = None  # the site that an error page replaced is gone
        why = self._full_reason(snap, root)
        self.incremental = why is None
        self.resumable = False
        if why is not None:
            preview.validation_cache().clear()
            preview_early.forget()
            preview.discard_kept_site(config.site_dir)
            log.info(f"Full rebuild: {why}")
        self.plan, self.seen, self.pages, self.before, self.search_start = None, set(), {}, {}, {}
        self.tracker.deps = self.tracker.deps if self.incremental else type(self.tracker.deps)()
        self.files_now = self.nav = self.env = None
        self.early, self.early_bytes, self.early_differs, self.early_skipped = [], {}, [], ""
        self.started, self.shown_after = (time.perf_counter(), time.process_time()), None
        self.timings = {"start": time.time(), "cpu_start": time.process_time()}
        done = self.ok = False
        try:
            if self.incremental:
                self._render_early(root)
            with self._patched():
                self._build(config, serve_url=serve_url, dirty=dirty)
            done = self.ok = True
            self._check_early(config)
        finally:
            self.gate.close()
            sys.setswitchinterval(SWITCH_INTERVAL)
            build_session.take_validation(root)  # not left for another build
            self.tracker.stop()
            if done:
                self._keep(config, snap)
            elif self.incremental and self.plan is None and not self.seen:
                # Stopped before any page was touched (a record with an error, the usual case):
                # the last good build is still whole; it is put back after the fix.
                self.resumable = True
            else:
                self.state = None  # build it all next time
            self.incremental = False
        if self.plan is not None and self.state is not None:
            n, total = len(self.plan.build or ()), len(self.state.pages)
            self.last = f"incremental: {n} of {total} pages, {len(self.early)} early"
            log.info(f"Rendered {n} of {total} pages again (the others show nothing that changed)")
        else:
            self.last = "full"
        self._write_timings()

    def _render_early(self, root: Path) -> None:
        """The pages an edit changed, rendered and shown before the rest of the build."""
        collecting = gc.isenabled()
        gc.disable()  # no walk over the whole heap of the last build (a second at 10,000 records)
        try:
            self.early, self.early_skipped = preview_early.render_early(self, root)
        except Exception as exc:  # the build that follows renders them anyway
            self.early_skipped = f"{type(exc).__name__}: {exc}"
            log.warning(f"Early pages: {self.early_skipped}")
        finally:
            if collecting:
                gc.enable()
        if self.early:
            log.info(f"Shown first: {', '.join(self.early[:3])}{' ...' if len(self.early) > 3 else ''}")

    def _check_early(self, config) -> None:
        """An early page that the build wrote otherwise: the browsers reload again."""
        site = Path(config.site_dir)
        for rel, content in self.early_bytes.items():
            path = site / rel
            if not path.is_file() or path.read_bytes() != content:
                self.early_differs.append(rel)
        if self.early_differs:
            log.warning(f"The page shown first was not the final one: {', '.join(self.early_differs)}")
            server = self.server
            if server is not None:
                from mkdocs.livereload import _timestamp

                with server._epoch_cond:
                    server._wanted_epoch = _timestamp()  # the serve loop then reloads the browsers

    def _write_timings(self) -> None:
        """`make bench` (benchmarks/preview_reload.py): when the cycle started, reloaded the
        browsers and ended, in a file named by HUB_PREVIEW_TIMINGS (one JSON line per cycle)."""
        path = os.environ.get("HUB_PREVIEW_TIMINGS")
        if not path:
            return
        import json

        t = self.timings
        t.update(end=time.time(), cpu=time.process_time() - t.pop("cpu_start"), did=self.last)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(t) + "\n")

    def reload_browsers(self, free: set[str]) -> None:
        """The pages open in a browser are final: reload them now; hold what is not final."""
        self.gate.open(set(free))
        wall, cpu = self.started
        self.shown_after = (time.perf_counter() - wall, time.process_time() - cpu)
        log.info(f"Reloading browsers: the pages that changed are ready after {self.shown_after[0]:.2f} s "
                 f"(CPU {self.shown_after[1]:.2f} s); open data, feeds, search index and sitemap follow")
        self.timings["ready"] = time.time()
        self.timings["cpu_ready"] = self.shown_after[1]
        server = self.server
        if server is None:
            return
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        # The browsers' requests go first: the rest of the cycle is CPU-bound Python in this
        # thread, which the server's threads would otherwise wait for at every switch (5 ms).
        if self.gate.recent:  # a browser is open: its page first
            self.gate.asked_again(timeout=1.0)
        sys.setswitchinterval(0.0005)

    def _watched(self, config, root: Path) -> list[str]:
        return [config.config_file_path, config.docs_dir, *config.watch]

    def _full_reason(self, snap: dict, root: Path) -> str | None:
        if self.state is None:
            return "first build" if not self.last else "the last build failed"
        from hub.config import active
        from hub.translations import is_translation

        languages = active().all_languages
        if os.environ.get("HUB_LANG", languages[0]) != languages[0]:
            return "a preview in another language than the source's is always built whole"
        changed = incremental.changed_files(self.state.snapshot, snap)
        others = sorted(p for p in changed
                        if not is_record_file(rel := Path(os.path.relpath(p, root)).as_posix())
                        or is_translation(rel, languages))
        if others:
            return f"{os.path.relpath(others[0], root)} changed (not a record file of the source language)"
        if today() != self.state.today:
            return "a new day (briefs due for review)"
        return None

    @contextlib.contextmanager
    def _patched(self):
        populate, build_page = build_command._populate_page, build_command._build_page
        clean = utils.clean_directory
        theme_files = Files.add_files_from_theme
        if self.incremental:
            build_command._populate_page = self._populate_page
            build_command._build_page = self._build_page
            utils.clean_directory = lambda directory: None  # keep the pages that did not change
        self._real_populate, self._real_build_page = populate, build_page
        engine = self

        def add_files_from_theme(files, env, config) -> None:
            """The theme's files (Material's: thousands of icons) listed once, not per rebuild:
            a change under the theme folders is a full rebuild anyway."""
            if engine.incremental and engine.theme_files is not None:
                for path, folder in engine.theme_files:
                    if files.get_file_from_path(path) is None:
                        files.append(File(path, folder, config.site_dir, config.use_directory_urls))
                return
            had = {f.src_uri for f in files}
            theme_files(files, env, config)
            engine.theme_files = [(f.src_uri, f.src_dir) for f in files if f.src_uri not in had]

        Files.add_files_from_theme = add_files_from_theme
        try:
            yield
        finally:
            build_command._populate_page, build_command._build_page = populate, build_page
            utils.clean_directory = clean
            Files.add_files_from_theme = theme_files

    # --- incremental: which pages to render -------------------------------------------------

    def _populate_page(self, page, config, files, dirty=False) -> None:
        plan = self.plan or self._make_plan(files)
        src = page.file.src_uri
        if src in plan.populate:
            return self._real_populate(page, config, files, dirty)
        kept = self.state.pages[src]
        page.__dict__.update(kept.populated)
        self.pages[src] = PageState(kept.source, kept.inclusion, kept.generated_by, kept.populated)
        self.seen.add(src)  # its reads while being rendered are still the old ones
        for collect in config.plugins.events["page_content"]:  # hooks that only collect
            if getattr(collect, "hub_preview_replay", False):
                collect(page.content, page=page, config=config, files=files)

    def _build_page(self, page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        plan = self.plan
        if plan.build is None:
            changed = incremental.changed_deps(
                {d for s in self.state.pages for d in self.tracker.deps.get(s, ()) if _is_global(d)},
                (None, {"@global": self.state.globals}), (None, {"@global": self.globals}))
            plan.build = plan.populate | {s for s in self.pages if self.tracker.deps.get(s, set()) & changed}
            old = self.state.globals
            if any(old.get(n, incremental.MISSING) != self.globals[n] for n in self.scalar_globals):
                plan.build = set(self.pages)  # a plain value every template may use changed
        src = page.file.src_uri
        if src in plan.build:
            return self._real_build_page(page, config, doc_files, nav, env, dirty, excluded)
        self.pages[src].search = self.state.pages[src].search
        index = _search_index(config)
        if index is not None:
            index.entries.extend(self.state.pages[src].search)

    def _make_plan(self, files) -> _Plan:
        old = self.state
        file_index = _file_index(files)
        deps = set().union(*(self.tracker.deps.get(s, ()) for s in old.pages))
        deps = {d for d in deps if not _is_global(d)}
        changed = incremental.changed_deps(
            deps, (old.catalog, {"@file": old.files}), (preview.catalog_target(), {"@file": file_index}))
        populate = set()
        for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
            src, was = f.src_uri, old.pages.get(f.src_uri)
            if (was is None or was.source != _source(f) or was.inclusion != f.inclusion
                    or self.tracker.deps.get(src, set()) & changed):
                populate.add(src)
        self.plan = _Plan(changed, populate)
        return self.plan

    # --- what every build notes (hooks/serve.py calls these while serving) -------------------

    def on_files(self, files: Files) -> Files:
        files.__class__ = PreviewFiles
        self.files_now = files
        return files

    def page_start(self, page, phase: str, config) -> None:
        if self.quiet:
            return
        src = page.file.src_uri
        if src not in self.seen:
            self.seen.add(src)
            self.tracker.deps[src] = set()
        self.tracker.start(src)
        if phase == "read":
            self.before[src] = dict(page.__dict__)
        else:
            index = _search_index(config)
            self.search_start[src] = len(index.entries) if index is not None else 0

    def page_end(self, page, phase: str, config, html: str | None = None) -> None:
        if self.quiet:
            return
        self.tracker.stop()
        src = page.file.src_uri
        state = self.pages.setdefault(src, PageState(_source(page.file), page.file.inclusion,
                                                     page.file.generated_by))
        if phase == "read":
            before = self.before.pop(src, {})
            state.populated = {k: v for k, v in page.__dict__.items()
                               if k not in before or before[k] is not v}
            state.populated["content"] = html  # MkDocs sets page.content after the last hook
        else:
            index = _search_index(config)
            if index is not None:
                state.search = index.entries[self.search_start.pop(src, len(index.entries)):]

    def on_env(self, env) -> None:
        self.globals, self.scalar_globals = incremental.track_globals(env.globals, self.tracker)
        self.env = env

    def on_nav(self, nav) -> None:
        self.nav = nav

    def _keep(self, config, snap: dict) -> None:
        files = self.files_now
        if files is None:
            self.state = None
            return
        dests = {f.dest_uri for f in files if f.inclusion.is_in_serve()}
        if self.incremental and self.state is not None:
            for dest in self.state.dests - dests:  # a record removed or renamed: its outputs go
                _remove(Path(config.site_dir), dest)
        statics = {f.dest_uri: f._content for f in files
                   if not f.is_documentation_page() and getattr(f, "_content", None) is not None}
        pages = self.pages
        live = {f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)}
        for gone in set(self.tracker.deps) - live:
            del self.tracker.deps[gone]
        docs = [f for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]
        self.state = BuildState(
            snap, preview.catalog_target(), self.globals, _file_index(files), dests, statics,
            {s: p for s, p in pages.items() if s in live}, today(),
            last=None if self.nav is None or self.env is None else (config, files, self.nav, self.env),
            page_dests={f.src_uri: f.dest_uri for f in docs},
            assets={f.dest_uri for f in files if f.inclusion.is_in_serve() and not f.is_documentation_page()
                    and getattr(f, "_content", None) is None},
            generated_by={f.src_uri: f.generated_by for f in docs},
            record_pages={f.src_uri for f in docs if f.src_uri.startswith(("briefs/", "exchanges/"))
                          and f.src_uri not in ("briefs/index.md", "exchanges/index.md")})


def _is_global(dep) -> bool:
    return isinstance(dep[0], tuple) and dep[0][0] == "@global"


def _source(f) -> Any:
    return getattr(f, "_content", None)


def _file_index(files) -> dict:
    return {f.src_uri: (f.url, f.inclusion) for f in files}


def _search_index(config):
    if config is None:
        return None
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(plugin, "search_index", None) if plugin is not None else None


def _remove(site: Path, dest: str) -> None:
    path = site / dest
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    folder = path.parent
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


ENGINE: Preview | None = None


def start(build) -> Preview:
    global ENGINE
    ENGINE = Preview(build)
    preview.use_tracker(ENGINE.tracker)
    _share_compiled_templates()
    return ENGINE


def _share_compiled_templates() -> None:
    """MkDocs makes a new Jinja environment per build, which compiles every template again
    (over a second for Material's). In the preview they share a bytecode cache: a template is
    compiled again only when its source changed (Jinja compares a checksum of the source)."""
    get_env = Theme.get_env
    if getattr(get_env, "hub_preview", False):
        return
    cache = _MemoryBytecodeCache()

    def shared_get_env(theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = cache
        return env

    shared_get_env.hub_preview = True  # type: ignore[attr-defined]
    Theme.get_env = shared_get_env


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
