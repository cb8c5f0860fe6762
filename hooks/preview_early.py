"""The live preview's first answer to an edit of one record: the pages that show it, at once.

Not a hook itself: `hooks/incremental_build.py` calls `render_early` before each incremental
build of `make serve`. A save that changes records but adds, removes or renames none (the
usual edit: a partner's name, a brief's partners) needs only a few pages rendered again; what
made the preview slow at 10,000 records were the steps of the whole site that MkDocs' build
runs before and after them (generated files, open data, feeds, navigation, sitemap, search
index). So, first:

1. the records are validated (only the files that changed are read again: `load_all`'s
   cache; the checks between records run over all of them), and handed to the build that
   follows (`hub.build_session`), which does not validate them again;
2. the pages that read something that changed are found as the incremental build finds them
   (`hub.incremental`: what each page read from the records last time);
3. those pages are rendered with the last build's file list, navigation and templates (the
   hooks' own page events, the same as in a build), the page open in a browser first, and
   the browsers are told to reload as soon as that page is written.

Then the incremental build runs as before (`hooks/incremental_build.py`) and makes every file
what a clean build makes, in the same serve cycle, before the next save is looked at. While
it runs, the server answers at once for every page that is final (the pages just rendered
and those the edit does not concern) and holds a request for anything not yet final (a page
still to render, open data, feeds, the search index, the sitemap) until the build is done, so
no reader is shown a stale file. If a page of the early pass is not byte for byte the page the
build then writes, the browsers reload again (and the terminal says so):
tests/build/test_preview_incremental.py holds the early pages to the final ones.

Anything else (a record added, removed or renamed, a brief published, a change to a plain
template value) goes straight to the incremental build, as before.
"""

from __future__ import annotations

import logging
import posixpath
import threading
from pathlib import Path

from mkdocs.commands import build as build_command
from mkdocs.structure.files import InclusionLevel

from hub import build_session, incremental, preview
from hub.exchanges import exchange_markdown
from hub.generate_pages import brief_markdown, generate_pages
from hub.localize import localized
from hub.problems import errors
from hub.validate_links import validate

log = logging.getLogger("mkdocs.hooks.hub.preview")
ALWAYS_FREE = ("_preview/",)  # the live-reload script: the same in every build
MAX_EARLY = 200  # more pages than this: an edit that concerns much of the site, left to the build


class Gate:
    """Which files the server may answer with while a serve cycle is still running.

    `free` is None outside the early part of a cycle (MkDocs' server holds every request during
    a build by itself); during it, the set of output paths that are final already."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.free: set[str] | None = None
        self.recent: list[str] = []  # output paths of the pages browsers asked for, newest first
        self.asked = self.asked_at_open = 0  # requests for pages so far; when the gate opened

    def seen(self, rel: str) -> None:
        if rel.endswith(".html"):
            with self.cond:
                self.asked += 1
                self.cond.notify_all()
                if rel in self.recent:
                    self.recent.remove(rel)
                self.recent.insert(0, rel)
                del self.recent[16:]

    def wait(self, rel: str, timeout: float = 600) -> None:
        with self.cond:
            self.cond.wait_for(lambda: self.free is None or rel in self.free or rel.startswith(ALWAYS_FREE),
                               timeout=timeout)

    def open(self, free: set[str]) -> None:
        with self.cond:
            self.free = free
            self.asked_at_open = self.asked
            self.cond.notify_all()

    def asked_again(self, timeout: float) -> bool:
        """Wait until a browser asks for a page after `open` (the reload), at most `timeout` s."""
        with self.cond:
            return self.cond.wait_for(lambda: self.asked > self.asked_at_open, timeout=timeout)

    def add(self, rel: str) -> None:
        with self.cond:
            if self.free is not None:
                self.free.add(rel)
                self.cond.notify_all()

    def close(self) -> None:
        with self.cond:
            self.free = None
            self.cond.notify_all()


def request_path(path: str, mount_path: str) -> str | None:
    """The output path a request for `path` reads (as MkDocs' server maps it), or None."""
    if not (path + "/").startswith(mount_path):
        return None
    rel = path[len(mount_path):]
    if path.endswith("/"):
        rel += "index.html"
    return posixpath.normpath("/" + rel).lstrip("/")


def render_early(engine, root: Path) -> tuple[list[str], str]:
    """Validate, then render the pages an edit changed with the last build's objects.

    Returns (the output paths written, why nothing was written when that is the case)."""
    state, last = engine.state, engine.last_build
    catalog, problems = validate(root, cache=preview.validation_cache())
    build_session.hand_over_validation(root, catalog, problems)  # the build after does not validate
    if last is None:
        return [], "no build to start from"
    if errors(problems):
        return [], "the records have errors"
    config, files, nav, env = last
    old = state.catalog
    new = localized(catalog, config.theme["language"])
    sources = _sources(new, state)
    if sources is None:
        return [], "a record was added, removed or renamed, or a brief's status changed"
    preview.track(new)  # the hooks of the last build see the new records from here on
    changed_src = set()
    for src, text in sources.items():
        f = files.src_uris.get(src)
        if f is None:
            return [], f"{src}: no such page in the last build"
        if text != state.pages[src].source:
            f.content_string = text
            changed_src.add(src)
    config.plugins.on_env(env, config=config, files=files)  # template values made from the records
    if any(state.globals.get(n, incremental.MISSING) != engine.globals.get(n) for n in engine.scalar_globals):
        return [], "a value every page may show changed"
    now = {**state.globals, **engine.globals}  # what the hooks did not set again stays as it was
    deps = engine.tracker.deps
    noted = set().union(*(deps.get(s, ()) for s in state.pages))
    own = {d for d in noted if not _is_global(d)}
    changed = incremental.changed_deps(own, (old, {"@file": state.files}), (new, {"@file": state.files}))
    changed |= incremental.changed_deps(noted - own, (None, {"@global": state.globals}),
                                        (None, {"@global": now}))
    todo = [s for s in state.pages if s in changed_src or deps.get(s, set()) & changed]
    if len(todo) > MAX_EARLY:
        return [], f"{len(todo)} pages to render again: the build renders them"
    dest = {s: files.src_uris[s].dest_uri for s in todo}
    with engine.gate.cond:  # the server's threads note the pages asked for
        order = {rel: i for i, rel in enumerate(engine.gate.recent)}
    todo.sort(key=lambda s: order.get(dest[s], len(order)))
    open_first = [s for s in todo if dest[s] in order]
    free = set(state.page_dests.values()) - set(dest.values()) | state.assets
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    events = config.plugins.events["page_content"]
    saved = list(events)
    written: list[str] = []
    engine.quiet = True  # the serve hook notes nothing of these pages: the build does
    try:
        # hooks that collect from every page of a build (the search index): the build calls them
        events[:] = [e for e in saved if not getattr(e, "hub_preview_replay", False)]
        for n, src in enumerate(todo):
            page = files.src_uris[src].page
            build_command._populate_page(page, config, files)
            build_command._build_page(page, config, doc_files, nav, env,
                                      excluded=page.file.inclusion.is_excluded())
            written.append(dest[src])
            engine.early_bytes[dest[src]] = Path(config.site_dir, dest[src]).read_bytes()
            free.add(dest[src])
            if n + 1 == len(open_first):  # the open pages are written: reload the browsers
                engine.reload_browsers(free)
            elif n + 1 > len(open_first):
                engine.gate.add(dest[src])
    finally:
        events[:] = saved
        engine.quiet = False
    if not open_first:
        engine.reload_browsers(free)
    return written, ""


def _is_global(dep) -> bool:
    return isinstance(dep[0], tuple) and dep[0][0] == "@global"


def _sources(cat, state) -> dict[str, str] | None:
    """The Markdown of every page made from the records (generated pages, briefs, exchanges),
    when the records make the same pages as last time; None when a page would be added or
    removed (or a brief would change between draft and published)."""
    if len(_SPECS) > 4 * max(1, len(state.pages)):
        _SPECS.clear()  # (records edited many times over)
    out = {spec.src_uri: _markdown(spec) for spec in generate_pages(cat, _SPECS)}
    makers = {state.generated_by.get(s) for s in out}
    if len(makers) != 1 or None in makers:
        return None
    maker = makers.pop()
    if set(out) != {s for s, by in state.generated_by.items() if by == maker}:
        return None
    records = {f"briefs/{s}.md" for s in cat.briefs} | {f"exchanges/{s}.md" for s in cat.exchanges}
    if records != state.record_pages:
        return None
    pages = state.pages
    for slug, b in cat.briefs.items():
        src = f"briefs/{slug}.md"
        if (pages[src].inclusion is InclusionLevel.DRAFT) == b.published:
            return None  # a draft published, or a brief back to draft
        out[src] = _record_markdown(b.front, (slug, b.body), lambda b=b, slug=slug: brief_markdown(
            slug, b.front.title, b.front.summary, b.body))
    for slug, ex in cat.exchanges.items():  # (its partners' countries are in its description)
        out[f"exchanges/{slug}.md"] = _record_markdown(
            ex.front, (slug, ex.body, ex.countries, ex.direction), lambda ex=ex: exchange_markdown(ex))
    return out


# The pages of the records that are the same objects as last time (the files not read again,
# the records of a list file whose data did not change) are the same Markdown: made once, not
# for every page at every save. Kept while the preview builds incrementally (cleared with the
# validation cache on a full rebuild: hub.yml, a template...).
_SPECS: dict[int, tuple] = {}  # id(record) -> (record, its file, PageSpec) (generate_pages)
_MARKDOWN: dict[int, tuple] = {}  # id(PageSpec or record) -> (it, what else it used, Markdown)


def forget() -> None:
    _SPECS.clear()
    _MARKDOWN.clear()


def _markdown(spec) -> str:
    return _record_markdown(spec, None, spec.markdown)


def _record_markdown(record, uses, make) -> str:
    hit = _MARKDOWN.get(id(record))
    if hit is not None and hit[0] is record and hit[1] == uses:
        return hit[2]
    if len(_MARKDOWN) > 50_000:
        _MARKDOWN.clear()
    text = make()
    _MARKDOWN[id(record)] = (record, uses, text)
    return text
