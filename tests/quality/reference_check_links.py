"""The link checker as it was before `make build` checked pages in memory (commit b597acc,
hooks/hub/check_links.py): html.parser over every file of the site. Kept as the oracle of
tests/quality/test_link_checker_equivalence.py; not used by the hub."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that hold a URL the browser loads or follows.
URL_ATTRS = {"href", "src", "action", "poster", "data"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the HTML file, relative to the site
    line: int
    url: str
    reason: str

    def format(self) -> str:
        return f"{self.page}:{self.line}: {self.url!r}: {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []
        self.first_line: dict[str, int] = {}  # id -> line of its first element
        self.duplicates: list[tuple[int, str]] = []  # (line, id) of each repeated id

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                if name == "id":
                    if value in self.first_line:
                        self.duplicates.append((line, value))
                    self.first_line.setdefault(value, line)
                self.ids.add(value)
            elif name in URL_ATTRS and not (tag == "link" and ("rel", "canonical") in attrs):
                self.links.append((line, value))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.links.append((line, part.split()[0]))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def _target_file(site: Path, page_rel: str, url_path: str) -> Path | None:
    """The file a relative URL path points at, or None when nothing is there."""
    base = posixpath.dirname(page_rel)
    joined = posixpath.normpath(posixpath.join(base, unquote(url_path)))
    if joined.startswith("../") or joined == "..":
        return None  # outside the site
    target = site / joined if joined != "." else site
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check_site(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every broken internal link or anchor of the built site, sorted by page and line.

    `base_path` is the path of `site_url` (absolute links, as in 404.html, start with it).
    """
    base_path = base_path.rstrip("/") + "/"
    site = site.resolve()
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed: dict[Path, _PageParser] = {}

    def page_ids(path: Path) -> set[str]:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path].ids

    broken: list[BrokenLink] = []
    for rel, path in sorted(pages.items()):
        if path not in parsed:
            parsed[path] = _parse(path)
        for line, dup in parsed[path].duplicates:  # a link to it finds only the first one
            first = parsed[path].first_line[dup]
            broken.append(BrokenLink(rel, line, f"#{dup}", f"the id {dup!r} is used twice on this "
                                     f"page (first on line {first}): ids must be unique"))
        for line, url in parsed[path].links:
            url = url.strip()
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or not url:
                continue  # external, mailto:, data: (the security scan judges schemes)
            if parts.path.startswith("/"):  # only 404.html: served at any depth, so MkDocs
                if not parts.path.startswith(base_path):  # writes it from the site's root
                    broken.append(BrokenLink(rel, line, url, f"absolute path outside {base_path}"))
                    continue
                target = _target_file(site, "index.html", parts.path[len(base_path):])
            else:
                target = path if not parts.path else _target_file(site, rel, parts.path)
            if target is None:
                broken.append(BrokenLink(rel, line, url, "no such file in the site"))
                continue
            frag = unquote(parts.fragment)
            if frag and target.suffix == ".html" and frag not in page_ids(target):
                broken.append(BrokenLink(rel, line, url, f"no element with id {frag!r} on "
                                         f"{target.relative_to(site).as_posix()}"))
    return sorted(set(broken))


