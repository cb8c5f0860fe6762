"""The live preview (`make serve`): what differs from a build, in one place.

A build (`make build`, CI, `make offline`) stops on the first record error and never shows a
draft. The preview is for the person writing: it shows drafts with a banner, and when a record
has an error it shows the same located messages as `make validate` in the browser (an error
page at every address) instead of leaving every request hanging, and comes back by itself once
the file is fixed. MkDocs' own live-reload script is inline, with a different epoch in every
response, so no hash can allow it: the preview loads the same protocol from a file instead,
which the page's Content-Security-Policy (`script-src 'self'`) allows as it is.

No MkDocs imports: `hooks/serve.py` wires these functions into `mkdocs serve`.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from .render_error_page import render_error_page

LIVERELOAD_JS = Path(__file__).with_name("static") / "livereload.js"
LIVERELOAD_PATH = "_preview/livereload.js"  # under the served site; only exists in the preview
_STATE: dict = {"serving": False, "tracker": None, "catalog": None, "validation": {}}


def start_serving() -> None:
    """Called once by `mkdocs serve` (on_startup) before the first build."""
    _STATE["serving"] = True


def serving() -> bool:
    """True inside `mkdocs serve`; False for every build that publishes anything."""
    return _STATE["serving"]


def use_tracker(tracker) -> None:
    """The incremental rebuild (`hooks/incremental_build.py`) notes what each page reads."""
    _STATE["tracker"] = tracker


def track(catalog):
    """The catalog that the pages and hooks are given: in the live preview, a `TrackedCatalog`
    standing for it (the same object across rebuilds, pointing at the newest catalog)."""
    tracker = _STATE["tracker"]
    if tracker is None:
        return catalog
    from .incremental import TrackedCatalog

    proxy = _STATE["catalog"]
    if proxy is None:
        proxy = _STATE["catalog"] = TrackedCatalog(catalog, tracker)
    object.__setattr__(proxy, "target", catalog)
    return proxy


def catalog_target():
    proxy = _STATE["catalog"]
    return proxy.target if proxy is not None else None


def validation_cache() -> dict | None:
    """What each record file gave last time (`load_all`), kept between the preview's rebuilds;
    None outside the preview."""
    return _STATE["validation"] if _STATE["tracker"] is not None else None


def reload_tag(mount_path: str, epoch: int, request_id: int) -> str:
    src = html.escape(mount_path.rstrip("/") + "/" + LIVERELOAD_PATH)
    return f'<script src="{src}" data-epoch="{int(epoch)}" data-request="{int(request_id)}"></script>'


def inject_reload(content: bytes, tag: str) -> bytes:
    """The page with `tag` just before its last `</body>` (at the end if there is none)."""
    end = content.rfind(b"</body>")
    end = len(content) if end < 0 else end
    return content[:end] + tag.encode("ascii") + content[end:]


def write_preview_files(site_dir: str | Path) -> None:
    """The live-reload script, into the preview's (temporary) site folder."""
    dest = Path(site_dir, LIVERELOAD_PATH)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LIVERELOAD_JS, dest)


def write_error_site(site_dir: str | Path, messages: list[str], keep: bool = False) -> None:
    """Replace the preview's site by one error page, served at every address (as the home page
    and as the page for any other address): nothing stale can be mistaken for the fix.

    `keep`: the site is moved aside (`restore_site` brings it back), so that the build after
    the fix only renders again what the fix changed; otherwise it is deleted."""
    site = Path(site_dir)
    kept = _kept(site)
    if site.is_dir():
        if keep and not kept.exists():
            kept.mkdir()
            for child in site.iterdir():
                child.rename(kept / child.name)
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    if not keep and kept.exists():
        shutil.rmtree(kept)
    site.mkdir(parents=True, exist_ok=True)
    page = render_error_page(messages)
    for name in ("index.html", "404.html"):
        (site / name).write_text(page, encoding="utf-8")
    write_preview_files(site)


def _kept(site: Path) -> Path:
    return site.with_name(site.name + ".kept")


def restore_site(site_dir: str | Path) -> bool:
    """Put back the site that an error page replaced (`write_error_site(keep=True)`); False when
    there is none."""
    site = Path(site_dir)
    kept = _kept(site)
    if not kept.is_dir():
        return False
    if site.is_dir():
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    site.mkdir(parents=True, exist_ok=True)
    for child in kept.iterdir():
        child.rename(site / child.name)
    kept.rmdir()
    return True


def discard_kept_site(site_dir: str | Path) -> None:
    kept = _kept(Path(site_dir))
    if kept.is_dir():
        shutil.rmtree(kept)
