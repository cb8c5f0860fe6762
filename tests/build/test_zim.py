"""The ZIM file for Kiwix (`make zim`), opened with libzim's own reader: every page with its
title, every link inside the file, the metadata Kiwix libraries need, Kiwix's full-text and
title search, nothing withheld, nothing from outside, the same file from the same commit, and
Debian's `zimcheck` (required with CI=true)."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from conftest import ZIM_VERSION, build_zim, hub_config

pytestmark = pytest.mark.slow

# Every record page of the fixture hub, with the title Kiwix shows for it.
RECORD_PAGES = {
    "partners/alpha-ministry.html": "Alpha Example Ministry of Health",
    "partners/beta-university.html": "Beta Example Medical University",
    "partners/gamma-ngo.html": "Gamma Example Health Collective",
    "members/ada-example.html": "Ada Example",
    "members/ben-example.html": "Ben Example",
    "briefs/alpha-brief.html": "Primary care: the alpha brief",
    "briefs/beta-brief.html": "Beta brief on community health",
    "curriculum/sm-101.html": "Foundations of social medicine",
    "curriculum/sm-201.html": "Community diagnosis",
    "countries/np.html": "Nepal",
    "countries/ke.html": "Kenya",
    "countries/no.html": "Norway",
}


@pytest.fixture(scope="module")
def archive(zim_file: Path) -> Archive:
    return Archive(zim_file)


def entries(archive: Archive) -> list:
    """Every content entry (not metadata, not the search indexes), redirects included."""
    return [archive._get_entry_by_id(i) for i in range(archive.entry_count)]


def items(archive: Archive) -> dict[str, tuple[str, str, bytes]]:
    """path -> (title, MIME type, content) of every entry that is not a redirect."""
    return {e.path: (e.title, e.get_item().mimetype, bytes(e.get_item().content))
            for e in entries(archive) if not e.is_redirect}


def html_pages(archive: Archive) -> dict[str, str]:
    return {p: c.decode("utf-8") for p, (_, mime, c) in items(archive).items() if mime == "text/html"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src", "action", "poster", "data"):
            value = values.get(name)
            if value is not None and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append((tag, name, value))

    handle_startendtag = handle_starttag


def links(page: str) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def test_the_home_page_is_the_main_entry(archive: Archive) -> None:
    main = archive.main_entry
    target = main.get_redirect_entry() if main.is_redirect else main
    assert target.path == "index.html"
    assert target.title == hub_config().network.name
    assert "<h1" in bytes(target.get_item().content).decode()


def test_every_record_page_is_there_with_its_title(archive: Archive) -> None:
    for path, title in RECORD_PAGES.items():
        assert archive.has_entry_by_path(path), path
        entry = archive.get_entry_by_path(path)
        assert entry.title == title, path
        assert entry.get_item().mimetype == "text/html"
        assert "<h1" in bytes(entry.get_item().content).decode()


def test_the_zim_holds_every_file_of_the_site_but_its_search(archive: Archive, offline_build) -> None:
    site, _ = offline_build
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    packed = set(items(archive))
    search_only = {f for f in files if f.startswith(("search/", "assets/hub/search-worker.js",
                                                     "assets/vendor/iframe-worker/"))}
    assert search_only and packed == files - search_only
    # every page has a title of its own (from <title>), not its path
    for path, (title, mime, _) in items(archive).items():
        if mime == "text/html":
            assert title and title != path and f" - {hub_config().network.name}" not in title, path


@pytest.mark.parametrize(("path", "mime"), [
    ("index.html", "text/html"), ("assets/hub.css", "text/css"),
    ("assets/filters.js", "application/javascript"), ("briefs.rss.xml", "application/rss+xml"),
    ("briefs.atom.xml", "application/atom+xml"), ("data/partners.csv", "text/csv;charset=utf-8"),
    ("data/partners.json", "application/json"), ("briefs/alpha-brief/cite.bib", "application/x-bibtex"),
    ("assets/images/favicon.png", "image/png"), ("assets/logos/example-np-ministry.svg", "image/svg+xml"),
])
def test_mime_types(archive: Archive, path: str, mime: str) -> None:
    assert archive.get_entry_by_path(path).get_item().mimetype == mime


def test_every_internal_link_resolves_inside_the_file(archive: Archive) -> None:
    checked = 0
    for path, page in html_pages(archive).items():
        for tag, attr, url in links(page):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                # a link a reader may follow out (a partner's website), never something loaded
                assert (tag, attr) == ("a", "href"), f"{path}: <{tag} {attr}={url}> loads from outside"
                continue
            if not parts.path:
                continue  # same-page anchor
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path)))
            assert not target.startswith(".."), f"{path}: {url} leaves the file"
            assert archive.has_entry_by_path(target), f"{path}: {url} -> {target}: no such entry"
            checked += 1
    assert checked > 500


def test_directory_paths_redirect_to_their_index_page(archive: Archive) -> None:
    for folder in ("partners", "briefs", "members", "countries", "curriculum", "topics"):
        entry = archive.get_entry_by_path(folder)
        assert entry.is_redirect and entry.get_redirect_entry().path == f"{folder}/index.html"


def test_no_search_box_and_a_build_stamp_on_every_page(archive: Archive) -> None:
    pages = html_pages(archive)
    assert len(pages) >= 25
    for path, page in pages.items():
        assert 'data-md-component="search"' not in page, path  # the search dialog
        assert 'for="__search"' not in page, path  # its button
        assert "iframe-worker" not in page, path
        assert 'name="search"' not in page, path  # Material loads its index only with this form
        assert page.count("hub-build-stamp") == 1, path
        assert f"version {ZIM_VERSION}, built 2025-12-02 00:00 UTC" in page, path
    assert not archive.has_entry_by_path("search/search_index.js")
    # the faceted filters stay: their script and their form are in the listings
    assert "assets/filters.js" in pages["partners/index.html"]
    assert "data-hub-filter" in pages["partners/index.html"]


def test_metadata_is_complete_and_within_the_openzim_rules(archive: Archive) -> None:
    meta = {k: archive.get_metadata(k) for k in archive.metadata_keys}
    text = {k: v.decode("utf-8") for k, v in meta.items() if not k.startswith("Illustration")}
    for key in ("Name", "Title", "Description", "LongDescription", "Language", "Creator",
                "Publisher", "Date", "Tags", "License", "Source", "Flavour"):
        assert text.get(key, "").strip(), f"metadata {key} missing"
    assert len(text["Title"]) <= 30 and text["Title"] == hub_config().network.name
    assert len(text["Description"]) <= 80
    assert len(text["Description"]) < len(text["LongDescription"]) <= 4000
    assert text["Language"] == "eng"
    assert text["Date"] == "2025-12-02"  # from SOURCE_DATE_EPOCH
    assert text["Name"] == f"{hub_config().network.short_name}_en"  # from hub.yml
    assert text["Source"] == hub_config().site_url
    assert "_ftindex:yes" in text["Tags"].split(";")
    png = meta["Illustration_48x48@1"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and struct.unpack(">II", png[16:24]) == (48, 48)
    assert archive.has_illustration(48)


def test_kiwix_full_text_search_finds_records(archive: Archive) -> None:
    assert archive.has_fulltext_index and archive.has_title_index

    def found(query: str) -> list[str]:
        search = Searcher(archive).search(Query().set_query(query))
        return list(search.getResults(0, 50))

    assert "partners/beta-university.html" in found("Kenya")  # a partner's country
    assert "partners/alpha-ministry.html" in found("Kathmandu")
    assert "briefs/beta-brief.html" in found("community health")[:3]  # a brief's topic
    assert "briefs/alpha-brief.html" in found("universal health coverage")
    assert found("zebracorn") == ["partners/alpha-ministry.html"]  # words of the record itself
    assert found("Quokkaflux") == ["briefs/alpha-brief.html"]
    # the index reads the article, not the menus: a menu word is not on every page
    assert len(found("Contribute")) < len(html_pages(archive)) // 2


def test_kiwix_title_suggestions(archive: Archive) -> None:
    def suggested(text: str) -> list[str]:
        return list(SuggestionSearcher(archive).suggest(text).getResults(0, 20))

    assert "partners/alpha-ministry.html" in suggested("alpha")
    assert suggested("Nepal")[0] == "countries/np.html"
    assert "assets/hub.css" not in suggested("hub")  # only pages are suggested


def test_nothing_withheld_and_no_draft_in_any_entry(archive: Archive) -> None:
    for path, (title, _, content) in items(archive).items():
        for secret in ("Quillon", "quillon-withheld", "Gamma draft", "gamma-draft"):
            assert secret.lower() not in content.decode("utf-8", "replace").lower(), (path, secret)
            assert secret.lower() not in (path + title).lower()
    assert Searcher(archive).search(Query().set_query("Quillon")).getEstimatedMatches() == 0


def _entry_digests(archive: Archive) -> list[tuple[str, str, str, str]]:
    return [(e.path, e.title, "redirect" if e.is_redirect else e.get_item().mimetype,
             e.get_redirect_entry().path if e.is_redirect
             else hashlib.sha256(bytes(e.get_item().content)).hexdigest())
            for e in entries(archive)]


def test_the_same_build_gives_the_same_file(zim_file: Path, offline_build, tmp_path: Path) -> None:
    again = build_zim(offline_build[0], tmp_path)
    assert again.name == zim_file.name == f"{hub_config().network.short_name}_en_2025-12.zim"
    first, second = Archive(zim_file), Archive(again)
    assert _entry_digests(first) == _entry_digests(second)
    assert first.uuid == second.uuid  # libzim's random UUID, replaced by one from the build
    assert zim_file.read_bytes() == again.read_bytes()  # Xapian's ids fixed too: byte-identical
    sums = (zim_file.parent / (zim_file.name + ".sha256")).read_text().split()
    assert sums == [hashlib.sha256(zim_file.read_bytes()).hexdigest(), zim_file.name]


def test_the_zim_stays_small(zim_file: Path, offline_build) -> None:
    """Smaller than the offline zip of the same build (zstd clusters; no second search index)."""
    assert zim_file.stat().st_size < offline_build[1].stat().st_size


def test_libzim_integrity_check_passes(archive: Archive) -> None:
    """The rewritten UUIDs keep the file valid: its MD5 checksum and structure check out."""
    assert archive.check()


def test_zimcheck_passes(zim_file: Path) -> None:
    zimcheck = shutil.which("zimcheck")
    if zimcheck is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no zimcheck: install Debian's zim-tools (see .ci/run)")
        pytest.skip("no zimcheck (install Debian's zim-tools to run this)")
    result = subprocess.run([zimcheck, "-A", str(zim_file)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Overall Test Status: Pass", result.stdout + result.stderr)
