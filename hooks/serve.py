"""MkDocs hook: the live preview (`make serve`), over `hub.preview`.

Only `mkdocs serve` is changed; a build runs none of this. Five things:
- after an edit to record files only, the preview renders again only the pages that show
  what changed (`hooks/incremental_build.py`, `hub.incremental`); a change to anything else
  (a template, a hook, mkdocs.yml, hub.yml, a hand-written page) rebuilds the whole site;
- live reload under the strict Content-Security-Policy: MkDocs' inline reload script (new in
  every response, so no hash can allow it) is replaced by a `<script src>` of the same
  protocol, which `script-src 'self'` allows;
- a build that fails (a record with an error) leaves an error page with the located messages at
  every address, and the browsers reload to it, instead of every request hanging until the
  file is fixed; the next good build replaces it and the browsers reload again;
- drafts are shown (hooks/site.py asks `hub.preview.serving()`);
- on Linux, a save is seen as it happens (inotify, `hub.watch_files`), not at MkDocs' next
  poll of every watched file (every 0.5 s).
"""

from __future__ import annotations

import logging

from mkdocs.commands import serve as serve_command
from mkdocs.exceptions import Abort
from mkdocs.livereload import _timestamp
from mkdocs.plugins import event_priority

import incremental_build
import preview_early
from hub import preview, watch_files

log = logging.getLogger("mkdocs.hooks.hub.serve")


def on_startup(command: str, dirty: bool) -> None:
    if command != "serve":
        return
    preview.start_serving()
    # The serve command calls this module's `build` for its first build and for every rebuild.
    if not getattr(serve_command.build, "hub_preview", False):
        engine = incremental_build.start(serve_command.build)
        serve_command.build = _build_or_error_page(engine.build)


class _Messages(logging.Handler):
    """What the build said at warning level or above: the messages of a failed build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build_or_error_page(build):
    def build_or_error_page(config, *, serve_url=None, dirty=False) -> None:
        said = _Messages()
        logging.getLogger("mkdocs").addHandler(said)
        try:
            build(config, serve_url=serve_url, dirty=dirty)
        except (Exception, Abort) as exc:  # Abort is a SystemExit: the build's "stop"
            messages = said.messages or [f"{type(exc).__name__}: {exc}"]
            engine = incremental_build.ENGINE
            preview.write_error_site(config.site_dir, messages, keep=engine is not None and engine.resumable)
            log.error("The preview shows these errors in the browser until they are fixed.")
        finally:
            logging.getLogger("mkdocs").removeHandler(said)

    build_or_error_page.hub_preview = True  # type: ignore[attr-defined]
    return build_or_error_page


# --- what the incremental rebuild needs to know of each build (nothing outside the preview) ---

def _engine():
    return incremental_build.ENGINE if preview.serving() else None


@event_priority(-200)  # last: the file list as every other hook left it
def on_files(files, config):
    engine = _engine()
    return engine.on_files(files) if engine is not None else files


@event_priority(200)  # first: every read of the catalog while a page is read and rendered
def on_pre_page(page, config, files):
    if (engine := _engine()) is not None:
        engine.page_start(page, "read", config)
    return page


@event_priority(-200)
def on_page_content(html, page, config, files):
    if (engine := _engine()) is not None:
        engine.page_end(page, "read", config, html)
    return html


@event_priority(200)
def on_page_context(context, page, config, nav):
    if (engine := _engine()) is not None:
        engine.page_start(page, "render", config)
    return context


@event_priority(-200)
def on_post_page(output, page, config):
    if (engine := _engine()) is not None:
        engine.page_end(page, "render", config)
    return output


@event_priority(-200)
def on_nav(nav, config, files):
    if (engine := _engine()) is not None:
        engine.on_nav(nav)
    return nav


@event_priority(-200)  # last: the globals every hook set
def on_env(env, config, files):
    if (engine := _engine()) is not None:
        engine.on_env(env)
    return env


def on_post_build(config) -> None:
    if preview.serving():
        preview.write_preview_files(config.site_dir)


def on_serve(server, config, builder):
    def inject(content: bytes, epoch: int) -> bytes:
        return preview.inject_reload(content, preview.reload_tag(server.mount_path, epoch, _timestamp()))

    server._inject_js_into_html = inject  # replaces MkDocs' inline script, for every page
    handler = server.error_handler

    def error_page(code: int) -> bytes | None:  # 404s (and the error page) reload too
        content = handler(code)
        if content is None:
            return None
        with server._epoch_cond:
            epoch = server._visible_epoch
        return inject(content, epoch)

    server.error_handler = error_page
    _watch_at_once(server)
    engine = incremental_build.ENGINE
    if engine is not None:
        engine.server = server
        serve_file = server._serve_request

        def serve_when_final(environ, start_response):
            """During a serve cycle, once the pages open in a browser are rendered again, a
            request for a file that the cycle has not finished yet waits for it
            (hooks/preview_early.py); the pages asked for are noted (rendered first next time)."""
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            rel = None if path.startswith("/livereload/") else preview_early.request_path(
                path, server.mount_path)
            if rel is not None:
                engine.gate.seen(rel)
                engine.gate.wait(rel)
            return serve_file(environ, start_response)

        server._serve_request = serve_when_final
    return server


def _watch_at_once(server) -> None:
    """Changes told by the system as they happen, not polled every 0.5 s (hub.watch_files):
    the rebuild starts up to half a second sooner. The paths watched so far move to the new
    observer; those MkDocs adds after this event (`watch:` in mkdocs.yml) go to it directly."""
    new = watch_files.observer()
    if new is None:
        return  # MkDocs' polling stays
    old, server.observer = server.observer, new

    def changed(event) -> None:  # what MkDocs' own handler does
        if event.is_directory:
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    for path, watch in list(server._watch_refs.items()):
        old.unschedule(watch)
        handler = watch_files.FileSystemEventHandler()
        handler.on_any_event = changed
        server._watch_refs[path] = new.schedule(handler, path, recursive=True)
