"""Pack the offline build of the site into a ZIM file, the format Kiwix reads (`make zim`).

Kiwix (Android, iOS, desktop, `kiwix-serve` on a Raspberry Pi) opens one `.zim` file with its
own search bar, where a folder of HTML files is awkward on a phone. The offline build is the
base: its links point at files (`about.html`), so every link resolves to an entry; each
`<folder>/index.html` also gets a redirect from `<folder>` for readers who type a short path.

What the ZIM changes on each page, and why:
- the site's own search box goes (Kiwix runs no service worker and has its own search bar):
  its button and dialog are taken out, with the offline search shim and the `search/` index;
  the faceted filters stay (plain JavaScript, no network);
- a footer line says which version of the hub this is and when it was built.
Every HTML page is a "front article" with its title from `<title>` and the text of its
article in the full-text index; other files (styles, scripts, feeds, data) are entries with
their MIME types. Metadata comes from `extra.zim` in `mkdocs.yml` (maintainers; read and
checked against the openZIM rules by zim_settings.py) and the 48x48 icon from the favicon
(render_icon.py).

Reproducible: the same site, version and SOURCE_DATE_EPOCH give a byte-identical file.
libzim gives each file a random UUID (python-libzim cannot set it) and its two Xapian indexes
random ids of their own: `set_uuid` replaces them with ids derived from the name, the version
and the build time, and recomputes the file's MD5 checksum. One writer thread keeps the order
of the clusters. No MkDocs import: this works on any built folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import mimetypes
import os
import posixpath
import re
import struct
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .render_icon import ILLUSTRATION_SIZE, illustration
from .zim_settings import ZimError, ZimMeta, utc_time, zim_filename

# Files of the offline build that only its own search uses: not packed.
SKIPPED = ("search/", "assets/hub/search-worker.js", "assets/vendor/iframe-worker/")
# MIME types by file ending (longest ending first); others from the `mimetypes` module.
MIME_TYPES = {
    ".rss.xml": "application/rss+xml", ".atom.xml": "application/atom+xml",
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript",
    ".json": "application/json", ".map": "application/json", ".geojson": "application/geo+json",
    ".csv": "text/csv;charset=utf-8", ".txt": "text/plain;charset=utf-8",
    ".bib": "application/x-bibtex", ".ris": "application/x-research-info-systems",
    ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff", ".pdf": "application/pdf",
    ".webmanifest": "application/manifest+json",
}
# Kinds of content that compress well (images and fonts are compressed already).
_UNCOMPRESSED = ("image/png", "image/jpeg", "image/gif", "image/webp", "font/", "application/pdf")


@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    mimetype: str
    content: bytes
    front: bool = False  # an HTML page: in the title index and the full-text index
    text: str = ""  # what the full-text index reads (the page's article)


@dataclass(frozen=True)
class ZimFile:
    path: Path
    entries: int
    redirects: int
    size: int
    sha256: str
    uuid: str
    indexes: int  # Xapian databases (full text, titles)


# --- The pages: titles, text for the index, what changes in the ZIM ----------------------------
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_SEARCH_BUTTON = re.compile(r'[ \t]*<label class="md-header__button md-icon" for="__search">.*?</label>\n?',
                            re.S)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search"'
_SHIM = re.compile(r'[ \t]*<script src="(?:\.\./)*assets/vendor/iframe-worker/shim\.js"></script>\n?')
_COPYRIGHT = '<div class="md-copyright">'


def page_title(page: str, site_name: str) -> str:
    """The page's `<title>`, without the ` - <site name>` that every page but the home ends with."""
    m = _TITLE.search(page)
    title = " ".join(html.unescape(m.group(1)).split()) if m else ""
    suffix = f" - {site_name}"
    if site_name and title.endswith(suffix) and title != suffix:
        title = title[: -len(suffix)]
    return title


def without_search(page: str, where: str) -> str:
    """The page without the site's search button, dialog and offline search shim.

    Material needs the hidden `__search` checkbox, which stays. Fails when the theme's markup
    changed (a Material upgrade), rather than leaving a search box that cannot work."""
    page, buttons = _SEARCH_BUTTON.subn("", page)
    start = page.find(_SEARCH_DIALOG)
    if start >= 0:
        page = page[:start] + page[_element_end(page, start, "div"):]
    page = _SHIM.sub("", page)
    if buttons > 1 or 'data-md-component="search"' in page or 'for="__search"' in page:
        raise ZimError(f"{where}: the theme's search box could not be taken out (did Material's "
                       "markup change? see hooks/hub/bundle_zim.py)")
    return page


def _element_end(page: str, start: int, tag: str) -> int:
    """The offset just after the element that opens at `start` (nested `tag`s counted)."""
    depth = 0
    for m in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(page, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            end = m.end()
            return end + 1 if page[end:end + 1] == "\n" else end
    raise ZimError(f"unclosed <{tag}> at offset {start}")


def with_stamp(page: str, stamp: str) -> str:
    """The page with a footer line saying which version it is and when it was built."""
    line = f'<p class="hub-build-stamp">{html.escape(stamp)}</p>'
    if _COPYRIGHT in page:
        return page.replace(_COPYRIGHT, f"{_COPYRIGHT}\n  {line}", 1)
    if "</body>" in page:
        return page.replace("</body>", f"{line}\n</body>", 1)
    return page + line


class _ArticleText(HTMLParser):
    """The words a reader sees in the page's article (`<article>`, else `<body>`), one space
    between elements (so `<dt>Country</dt><dd>Nepal</dd>` reads `Country Nepal`)."""

    _SKIP = {"script", "style", "template", "svg", "nav", "button", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article: list[str] = []
        self.body: list[str] = []
        self._where: set[str] = set()
        self._skip: list[str] = []  # the skipped element (and nested ones of the same name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.append(tag)
        elif tag in self._SKIP or "headerlink" in (dict(attrs).get("class") or ""):
            self._skip.append(tag)  # scripts, menus, icons, the pilcrow after headings
        elif tag in ("article", "body"):
            self._where.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == "article":
            self._where.discard(tag)
        self.article.append(" ")
        self.body.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if "article" in self._where:
            self.article.append(data)
        if "body" in self._where:
            self.body.append(data)

    def text(self) -> str:
        return " ".join("".join(self.article if "".join(self.article).strip() else self.body).split())


def article_text(page: str) -> str:
    parser = _ArticleText()
    parser.feed(page)
    parser.close()
    return parser.text()


def mimetype(path: str) -> str:
    lower = path.lower()
    for ending in sorted(MIME_TYPES, key=len, reverse=True):
        if lower.endswith(ending):
            return MIME_TYPES[ending]
    if "." not in posixpath.basename(path):
        return "text/plain;charset=utf-8"  # LICENSE, README
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def site_entries(site: Path, *, site_name: str, stamp: str) -> Iterator[Entry]:
    """Every file of the built site that goes into the ZIM, in sorted order."""
    for file in sorted(site.rglob("*")):
        rel = file.relative_to(site).as_posix()
        if not file.is_file() or rel.startswith(SKIPPED):
            continue
        data = file.read_bytes()
        mime = mimetype(rel)
        if mime != "text/html":
            yield Entry(rel, "", mime, data)
            continue
        page = data.decode("utf-8")
        page = with_stamp(without_search(page, rel), stamp)
        yield Entry(rel, page_title(page, site_name) or rel, mime, page.encode("utf-8"),
                    front=True, text=article_text(page))


def redirects(paths: set[str]) -> dict[str, str]:
    """`<folder>` -> `<folder>/index.html`, for every folder with an index page."""
    return {p[: -len("/index.html")]: p for p in sorted(paths)
            if p.endswith("/index.html") and p[: -len("/index.html")] not in paths}


# --- Writing the file ---------------------------------------------------------------------------
_ICON = re.compile(r'<link rel="(?:shortcut )?icon"[^>]* href="([^"]+)"')


def favicon_path(home_page: str) -> str:
    """The site's favicon, as the home page links it (`theme.favicon`)."""
    m = _ICON.search(home_page)
    if not m:
        raise ZimError("index.html links no favicon (<link rel=\"icon\">): Kiwix needs a 48x48 PNG")
    return posixpath.normpath(html.unescape(m.group(1)).split("?")[0].split("#")[0])


def write_zim(site: Path, out_dir: Path, meta: ZimMeta, *, epoch: int, version: str,
              site_name: str) -> ZimFile:
    """Write `out_dir/<name>_<lang>_<YYYY-MM>.zim` from the offline build in `site`."""
    from libzim.writer import Creator, Hint  # the C++ library: imported only when needed

    if not (site / "index.html").is_file():
        raise ZimError(f"{site}/index.html: not a built site (run the offline build first)")
    favicon = favicon_path((site / "index.html").read_text(encoding="utf-8"))
    icon = site / favicon
    if favicon.startswith("../") or not icon.is_file():
        raise ZimError(f"{site}/{favicon}: no favicon to make the 48x48 illustration from")
    picture = illustration(icon.read_bytes())
    stamp = (f"Offline copy for Kiwix, version {version}, built "
             f"{utc_time(epoch):%Y-%m-%d %H:%M} UTC")
    entries = list(site_entries(site, site_name=site_name, stamp=stamp))
    moved = redirects({e.path for e in entries})

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / zim_filename(meta, epoch)
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    with _stdout_to_stderr():  # libzim prints its progress on the C stdout; ours is the path
        _create(Creator, Hint, tmp, meta, picture, entries, moved)
    file_uuid = uuid.uuid5(uuid.NAMESPACE_URL, f"zim:{meta.name}:{epoch}:{version}")
    indexes = set_uuid(tmp, file_uuid)
    tmp.replace(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return ZimFile(path=path, entries=len(entries), redirects=len(moved), size=path.stat().st_size,
                   sha256=digest, uuid=str(file_uuid), indexes=indexes)


def _create(Creator: Any, Hint: Any, tmp: Path, meta: ZimMeta, picture: bytes,  # noqa: N803
            entries: list[Entry], moved: dict[str, str]) -> None:
    titles = {e.path: e.title for e in entries}
    # One worker: clusters are then written in the order the entries are added (reproducible).
    creator = Creator(tmp).config_verbose(False).config_indexing(True, meta.language).config_nbworkers(1)
    with creator:
        creator.set_mainpath("index.html")
        creator.add_illustration(ILLUSTRATION_SIZE, picture)
        for name, value in meta.items():
            creator.add_metadata(name, value)
        for entry in entries:
            creator.add_item(_Item(entry, Hint))
        for source, target in moved.items():
            creator.add_redirection(source, titles[target], target, {Hint.FRONT_ARTICLE: False})


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


_XAPIAN_GLASS = b"\x0f\rXapian Glass"  # a Xapian database's version file: magic, 2 bytes, uuid


def set_uuid(path: Path, new: uuid.UUID) -> int:
    """Write `new` into the ZIM header and derived ids into its Xapian indexes, then recompute
    the MD5 checksum that ends the file; returns how many search indexes were found.

    openZIM format: the header holds the UUID at bytes 8-24 and the checksum's position at
    72-80; the checksum covers every byte before it. Xapian's glass databases (stored
    uncompressed) start with a magic string, a 2-byte version and their own random uuid, which
    only replication uses: fixed here, two builds of the same site are byte-identical."""
    data = bytearray(path.read_bytes())
    if data[:4] != b"ZIM\x04":
        raise ZimError(f"{path}: not a ZIM file")
    (checksum_pos,) = struct.unpack("<Q", data[72:80])
    if checksum_pos + 16 != len(data):
        raise ZimError(f"{path}: unexpected layout (checksum at {checksum_pos} of {len(data)})")
    data[8:24] = new.bytes
    found, at = 0, data.find(_XAPIAN_GLASS)
    while at >= 0:
        start = at + len(_XAPIAN_GLASS) + 2
        data[start:start + 16] = uuid.uuid5(new, f"xapian:{found}").bytes
        found += 1
        at = data.find(_XAPIAN_GLASS, start + 16)
    data[checksum_pos:] = hashlib.md5(data[:checksum_pos], usedforsecurity=False).digest()
    path.write_bytes(bytes(data))
    return found


def _Item(entry: Entry, hint: Any) -> Any:  # noqa: N802 (a class factory)
    from libzim.writer import IndexData, Item, StringProvider

    class Index(IndexData):
        def has_indexdata(self) -> bool:
            return True

        def get_title(self) -> str:
            return entry.title

        def get_content(self) -> str:
            return entry.text

        def get_keywords(self) -> str:
            return ""

        def get_wordcount(self) -> int:
            return len(entry.text.split())

        def get_geoposition(self) -> tuple[float, float] | None:
            return None

    class PageItem(Item):
        def get_path(self) -> str:
            return entry.path

        def get_title(self) -> str:
            return entry.title

        def get_mimetype(self) -> str:
            return entry.mimetype

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(entry.content)

        def get_hints(self) -> dict:
            compress = not entry.mimetype.startswith(_UNCOMPRESSED)
            return {hint.FRONT_ARTICLE: entry.front, hint.COMPRESS: compress}

    item = PageItem()
    if entry.front:
        item.get_indexdata = Index  # full-text index: the article's words, not the menus
    else:
        item.get_indexdata = lambda: None
    return item
