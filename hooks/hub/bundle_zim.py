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
their MIME types. Metadata comes from `extra.zim` in `mkdocs.yml` (maintainers), checked
against the openZIM rules before anything is written.

Reproducible: the same site, version and SOURCE_DATE_EPOCH give a byte-identical file.
libzim gives each file a random UUID (python-libzim cannot set it) and its two Xapian indexes
random ids of their own: `set_uuid` replaces them with ids derived from the name, the version
and the build time, and recomputes the file's MD5 checksum. One writer thread keeps the order
of the clusters. No MkDocs import: this works on any built folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import mimetypes
import os
import posixpath
import re
import struct
import sys
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# Files of the offline build that only its own search uses: not packed.
SKIPPED = ("search/", "assets/vendor/iframe-worker/")
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
# openZIM metadata rules (https://wiki.openzim.org/wiki/Metadata): lengths in characters.
LIMITS = {"title": 30, "description": 80, "long_description": 4000}
REQUIRED = ("name", "title", "description", "creator", "publisher")
ILLUSTRATION_SIZE = 48


class ZimError(Exception):
    """The site or its settings cannot make a ZIM file (a message for the maintainer)."""


@dataclass(frozen=True)
class ZimMeta:
    """The ZIM's metadata, as Kiwix libraries show it."""

    name: str  # e.g. health-equity-hub_en: the same for every version of the file
    title: str
    description: str
    long_description: str
    language: str  # ISO 639-3, e.g. eng
    creator: str
    publisher: str
    date: str  # YYYY-MM-DD
    tags: str  # semicolon-separated
    license: str
    source: str
    flavour: str
    scraper: str

    def items(self) -> list[tuple[str, str]]:
        """(openZIM name, value) of every non-empty field."""
        names = {"long_description": "LongDescription"}
        return [(names.get(k, k.capitalize()), v) for k, v in vars(self).items() if v]


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


@dataclass
class ZimSettings:
    """What `extra.zim` in mkdocs.yml says, with the site's own values as defaults."""

    values: dict[str, str] = field(default_factory=dict)
    site_name: str = ""  # site_name of mkdocs.yml: every page's <title> ends with it
    problems: list[Problem] = field(default_factory=list)


# --- Settings: `extra.zim` in mkdocs.yml -------------------------------------------------------
class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' own tags (`!ENV`, `!relative`): read as None (not ZIM settings)."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)

_FIELDS = ("name", "title", "description", "long_description", "creator", "publisher", "tags",
           "license", "source", "flavour", "language")


def read_settings(config_path: Path) -> ZimSettings:
    """The ZIM settings of a hub: `extra.zim` in its mkdocs.yml, checked, with positions."""
    rel = config_path.name
    settings = ZimSettings()
    try:
        text = config_path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_AnyTagLoader)
        config = yaml.load(text, Loader=_AnyTagLoader) or {}  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        settings.problems.append(Problem(rel, 1, 1, "", f"cannot be read ({exc})"))
        return settings
    if isinstance(config.get("site_name"), str):
        settings.site_name = config["site_name"]
    zim_node = _child(_child(node, "extra"), "zim")
    zim = (config.get("extra") or {}).get("zim")
    if not isinstance(zim, dict):
        line, col = _pos(_child(node, "extra") or node)
        settings.problems.append(Problem(rel, line, col, "extra.zim", "missing",
                                         "add the ZIM's metadata (see README.md, 'The hub in Kiwix')"))
        return settings
    for key, value in zim.items():
        line, col = _pos(_child(zim_node, key, key=True))
        if key not in _FIELDS:
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "unknown setting",
                                             f"expected one of: {', '.join(_FIELDS)}"))
        elif isinstance(value, list) and key == "tags":
            settings.values[key] = ";".join(str(v) for v in value)
        elif not isinstance(value, str):
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "must be text",
                                             "quote the value"))
        else:
            settings.values[key] = " ".join(value.split()) if key != "long_description" else value.strip()
    defaults = {"title": ("site_name",), "long_description": ("site_description",),
                "source": ("site_url",), "language": ("theme", "language")}
    default_nodes = {}
    for key, where in defaults.items():
        value, value_node = config, node
        for part in where:
            value = value.get(part) if isinstance(value, dict) else None
            value_node = _child(value_node, part)
        if key not in settings.values and isinstance(value, str):
            settings.values[key] = " ".join(value.split())
            default_nodes[key] = value_node
    settings.values.setdefault("language", "en")
    for key in REQUIRED:
        if not settings.values.get(key):
            line, col = _pos(zim_node)
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "missing",
                                             "Kiwix libraries need it"))
    for key, limit in LIMITS.items():
        value = settings.values.get(key, "")
        if len(value) > limit:
            line, col = _pos(_child(zim_node, key) or default_nodes.get(key) or zim_node)
            settings.problems.append(Problem(
                rel, line, col, f"extra.zim.{key}", f"{len(value)} characters, at most {limit}",
                "openZIM metadata rule; shorten it" + ("" if key in zim else
                                                      f" or set extra.zim.{key}")))
    long, short = settings.values.get("long_description", ""), settings.values.get("description", "")
    if long and short and len(long) < len(short):
        line, col = _pos(_child(zim_node, "long_description") or default_nodes.get("long_description"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.long_description",
                                         "shorter than the description",
                                         "openZIM metadata rule; say more, or leave it out"))
    try:
        language_code(settings.values["language"])
    except ZimError:
        line, col = _pos(_child(zim_node, "language") or default_nodes.get("language"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.language",
                                         f"{settings.values['language']!r} is not an ISO 639 language",
                                         "e.g. en, fr, pt or eng"))
    name = settings.values.get("name", "")
    if name and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        line, col = _pos(_child(zim_node, "name"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.name",
                                         f"{name!r} is not a file-name word",
                                         "lower-case letters, digits and hyphens, e.g. my-hub"))
    return settings


def _child(node: Any, name: str, *, key: bool = False) -> Any:
    """The value node of `name` in a YAML mapping node (its key node with key=True)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == name:
            return k if key else v
    return None


def _pos(node: Any) -> tuple[int, int]:
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def language_code(lang: str) -> str:
    """ISO 639-3 for a site's language (`en` -> `eng`), as openZIM wants it."""
    import pycountry

    lang = lang.split("-")[0].split("_")[0].lower()
    found = (pycountry.languages.get(alpha_2=lang) if len(lang) == 2
             else pycountry.languages.get(alpha_3=lang))
    if found is None:
        raise ZimError(f"{lang!r} is not an ISO 639 language")
    return found.alpha_3


def metadata(settings: ZimSettings, *, epoch: int, version: str) -> ZimMeta:
    v = settings.values
    lang3 = language_code(v.get("language", "en"))
    tags = [t for t in v.get("tags", "").split(";") if t.strip()]
    tags += [t for t in ("_ftindex:yes", "_pictures:yes", "_videos:no", "_details:yes")
             if t.split(":")[0] not in {x.split(":")[0] for x in tags}]
    return ZimMeta(
        name=f"{v['name']}_{_lang2(v.get('language', 'en'))}", title=v["title"],
        description=v["description"], long_description=v.get("long_description", ""),
        language=lang3, creator=v["creator"], publisher=v["publisher"],
        date=_utc(epoch).date().isoformat(), tags=";".join(t.strip() for t in tags),
        license=v.get("license", ""), source=v.get("source", ""),
        flavour=v.get("flavour", "maxi"), scraper=f"hub make zim {version}")


def _lang2(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def zim_filename(meta: ZimMeta, epoch: int) -> str:
    """`<name>_<lang>_<YYYY-MM>.zim`, Kiwix's naming (the month of the build)."""
    return f"{meta.name}_{_utc(epoch):%Y-%m}.zim"


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


# --- The 48x48 illustration ----------------------------------------------------------------------
def illustration(png: bytes, size: int = ILLUSTRATION_SIZE) -> bytes:
    """A `size`x`size` PNG from the site's favicon: itself when it has that size, else scaled
    (8-bit grey, RGB or RGBA, not interlaced: what favicon tools write)."""
    width, height, depth, colour, interlace = _png_header(png)
    if (width, height) == (size, size):
        return png
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ZimError("the favicon is not a plain 8-bit PNG: give a 48x48 PNG favicon "
                       "(theme.favicon in mkdocs.yml)")
    rows = _png_rows(png, width, height, channels)
    rgba = [[_to_rgba(row[x * channels:(x + 1) * channels]) for x in range(width)] for row in rows]
    out = bytearray()
    for y in range(size):
        out.append(0)  # filter: none
        for x in range(size):  # box filter over the source pixels this one covers
            x0, x1 = x * width // size, max(x * width // size + 1, (x + 1) * width // size)
            y0, y1 = y * height // size, max(y * height // size + 1, (y + 1) * height // size)
            box = [rgba[j][i] for j in range(y0, y1) for i in range(x0, x1)]
            out += bytes(sum(p[c] for p in box) // len(box) for c in range(4))
    return write_png(size, size, bytes(out))


def write_png(width: int, height: int, filtered_rgba: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(filtered_rgba, 9)) + chunk(b"IEND", b""))


def _png_header(png: bytes) -> tuple[int, int, int, int, int]:
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        raise ZimError("the favicon is not a PNG: give a 48x48 PNG favicon (theme.favicon in "
                       "mkdocs.yml)")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", png[16:29])
    return width, height, depth, colour, interlace


def _png_rows(png: bytes, width: int, height: int, channels: int) -> list[bytes]:
    data, i = b"", 8
    while i < len(png):
        (n,), kind = struct.unpack(">I", png[i:i + 4]), png[i + 4:i + 8]
        if kind == b"IDAT":
            data += png[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, rows, prev = zlib.decompress(data), width * channels, [], bytes(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return rows


def _to_rgba(px: bytes) -> tuple[int, int, int, int]:
    if len(px) == 1:
        return px[0], px[0], px[0], 255
    if len(px) == 2:
        return px[0], px[0], px[0], px[1]
    if len(px) == 3:
        return px[0], px[1], px[2], 255
    return px[0], px[1], px[2], px[3]


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
             f"{_utc(epoch):%Y-%m-%d %H:%M} UTC")
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


def _utc(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
