"""The ZIM packer's parts that need no build (bundle_zim, zim_settings, render_icon): its
settings in mkdocs.yml (exact messages), titles, the text the search index reads, taking out
the search box, MIME types, the 48x48 illustration and the UUID rewrite."""

from __future__ import annotations

import struct
import uuid
import zlib
from pathlib import Path

import pytest

from conftest import hub_config
from hub.bundle_zim import (
    article_text,
    favicon_path,
    mimetype,
    page_title,
    redirects,
    set_uuid,
    with_stamp,
    without_search,
)
from hub.problems import format_report
from hub.render_icon import illustration, write_png
from hub.zim_settings import ZimError, language_code, metadata, read_settings

REPO = Path(__file__).resolve().parents[2]
GOOD = """\
site_name: My Hub
site_description: A longer description of my hub, for the library's detail page.
site_url: https://hub.example.org/
theme:
  name: material
  language: fr
plugins:
  - offline:
      enabled: !ENV [HUB_OFFLINE, false]
extra:
  zim:
    name: my-hub
    description: A short description
    creator: The network
    publisher: The network
    license: CC BY 4.0
    tags: [health, equity]
"""


def settings_of(tmp_path: Path, text: str):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return read_settings(path)


def test_the_repository_settings_are_valid() -> None:
    settings = read_settings(REPO / "mkdocs.yml")
    assert settings.problems == []
    meta = metadata(settings, epoch=1764633600, version="v1")
    network = hub_config(REPO).network  # what the repository's hub.yml says, not a literal
    assert (meta.title, meta.date) == (network.name[:30], "2025-12-02")
    assert meta.name == f"{network.short_name}_{network.language}" and meta.license == network.licence.name
    assert meta.creator == meta.publisher == network.name


def test_settings_default_to_the_site_values(tmp_path: Path) -> None:
    settings = settings_of(tmp_path, GOOD)
    assert settings.problems == []
    meta = metadata(settings, epoch=1764633600, version="v1")
    assert meta.name == "my-hub_fr" and meta.language == "fra" and meta.title == "My Hub"
    assert meta.long_description.startswith("A longer description")
    assert meta.source == "https://hub.example.org/"
    assert meta.tags == "health;equity;_ftindex:yes;_pictures:yes;_videos:no;_details:yes"
    assert dict(meta.items())["LongDescription"] == meta.long_description


@pytest.mark.parametrize(("edit", "expected"), [
    (("    description: A short description\n",
      "    description: " + "x" * 81 + "\n"),
     "mkdocs.yml:13:18: extra.zim.description: 81 characters, at most 80; openZIM metadata rule; "
     "shorten it"),
    (("site_name: My Hub\n", "site_name: " + "A hub whose name is far too long" + "\n"),
     "mkdocs.yml:1:12: extra.zim.title: 32 characters, at most 30; openZIM metadata rule; "
     "shorten it or set extra.zim.title"),
    (("    creator: The network\n", ""),
     "mkdocs.yml:12:5: extra.zim.creator: missing; Kiwix libraries need it"),
    (("    name: my-hub\n", "    name: My Hub\n"),
     "mkdocs.yml:12:11: extra.zim.name: 'My Hub' is not a file-name word; lower-case letters, "
     "digits and hyphens, e.g. my-hub"),
    (("    license: CC BY 4.0\n", "    licence: CC BY 4.0\n"),
     "mkdocs.yml:16:5: extra.zim.licence: unknown setting; expected one of: name, title, "
     "description, long_description, creator, publisher, tags, license, source, flavour, language"),
    (("    license: CC BY 4.0\n", "    license: 4\n"),
     "mkdocs.yml:16:5: extra.zim.license: must be text; quote the value"),
    (("  language: fr\n", "  language: xx\n"),
     "mkdocs.yml:6:13: extra.zim.language: 'xx' is not an ISO 639 language; e.g. en, fr, pt or eng"),
    (("    tags: [health, equity]\n", "    tags: [health, equity]\n    long_description: Short.\n"),
     "mkdocs.yml:18:23: extra.zim.long_description: shorter than the description; openZIM metadata "
     "rule; say more, or leave it out"),
    (("  zim:\n", "  zimm:\n"),
     "mkdocs.yml:11:3: extra.zim: missing; add the ZIM's metadata (see README.md, 'The hub in Kiwix')"),
])
def test_setting_mistakes_are_located(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    old, new = edit
    assert old in GOOD
    settings = settings_of(tmp_path, GOOD.replace(old, new))
    assert expected in format_report(settings.problems).splitlines()


def test_every_mistake_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("    creator: The network\n", "").replace("My Hub", "M" * 31)
    problems = settings_of(tmp_path, text).problems
    assert [p.where for p in sorted(problems)] == ["extra.zim.title", "extra.zim.creator"]


def test_an_unknown_language_is_an_error() -> None:
    assert language_code("en") == "eng" and language_code("pt-BR") == "por"
    with pytest.raises(ZimError, match="^'xx' is not an ISO 639 language$"):
        language_code("xx")


PAGE = """<html><head><title>Alpha &amp; Co - My Hub</title>
<script src="../assets/vendor/iframe-worker/shim.js"></script>
</head><body>
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<header><nav class="md-header__inner">
        <label class="md-header__button md-icon" for="__search">
          <svg viewBox="0 0 24 24"><path d="M9"/></svg>
        </label>
        <div class="md-search" data-md-component="search" role="dialog">
  <label class="md-search__overlay" for="__search"></label>
  <div class="md-search__inner" role="search"><form class="md-search__form" name="search">
  <input type="text" name="query"></form><div class="md-search__output"><div></div></div></div>
</div>
<div class="md-header__source">repo</div></nav></header>
<nav class="md-nav">Partners Members</nav>
<article class="md-content__inner"><h1 id="a">Alpha<a class="headerlink" href="#a">&para;</a></h1>
<dl><dt>Country</dt><dd>Nepal</dd></dl><script>var x = "hidden";</script></article>
<footer><div class="md-copyright">
  Content CC BY</div></footer></body></html>"""


def test_page_title_drops_the_site_name() -> None:
    assert page_title(PAGE, "My Hub") == "Alpha & Co"
    assert page_title("<title>My Hub</title>", "My Hub") == "My Hub"


def test_the_index_reads_the_article_with_spaces_between_elements() -> None:
    assert article_text(PAGE) == "Alpha Country Nepal"


def test_the_search_box_is_taken_out_and_the_rest_kept() -> None:
    out = without_search(PAGE, "x.html")
    assert 'data-md-component="search"' not in out and 'for="__search"' not in out
    assert "shim.js" not in out and 'name="search"' not in out
    assert 'id="__search"' in out  # Material's scripts look the hidden toggle up
    assert '<div class="md-header__source">repo</div></nav></header>' in out
    assert out.count("<div") == out.count("</div>")


def test_changed_theme_markup_fails_loudly() -> None:
    changed = PAGE.replace('class="md-search" data-md-component="search"',
                           'data-md-component="search" class="md-search"')
    with pytest.raises(ZimError, match="x.html: the theme's search box could not be taken out"):
        without_search(changed, "x.html")


def test_the_build_stamp_goes_into_the_footer() -> None:
    out = with_stamp(PAGE, "version v1 <b>")
    assert '<div class="md-copyright">\n  <p class="hub-build-stamp">version v1 &lt;b&gt;</p>' in out
    assert with_stamp("<body></body>", "v").endswith('<p class="hub-build-stamp">v</p>\n</body>')


@pytest.mark.parametrize(("path", "mime"), [
    ("a/b.html", "text/html"), ("briefs.rss.xml", "application/rss+xml"),
    ("briefs.atom.xml", "application/atom+xml"), ("sitemap.xml", "application/xml"),
    ("x.CSV", "text/csv;charset=utf-8"), ("x/cite.ris", "application/x-research-info-systems"),
    ("LICENSE", "text/plain;charset=utf-8"), ("a.woff2", "font/woff2"), ("a.mp4", "video/mp4"),
    ("a.unknownext", "application/octet-stream"),
])
def test_mime_types(path: str, mime: str) -> None:
    assert mimetype(path) == mime


def test_folders_with_an_index_page_get_a_redirect() -> None:
    assert redirects({"index.html", "a/index.html", "a/b.html", "c/d/index.html", "e"}) == {
        "a": "a/index.html", "c/d": "c/d/index.html"}


def _png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def test_a_48x48_favicon_is_used_as_it_is() -> None:
    png = write_png(48, 48, b"".join(b"\x00" + b"\x10\x20\x30\xff" * 48 for _ in range(48)))
    assert illustration(png) == png


def test_a_favicon_of_another_size_is_scaled_to_48x48() -> None:
    # 96x96, left half red, right half blue, with PNG's "sub" filter on every row
    row = bytes([255, 0, 0, 255] * 48 + [0, 0, 255, 255] * 48)
    sub = bytes(row[i] - (row[i - 4] if i >= 4 else 0) & 255 for i in range(len(row)))
    png = write_png(96, 96, b"".join(b"\x01" + sub for _ in range(96)))
    out = illustration(png)
    assert _png_size(out) == (48, 48)
    raw = zlib.decompress(out[out.index(b"IDAT") + 4:-16])
    first = raw[1:1 + 48 * 4]
    assert first[:4] == bytes([255, 0, 0, 255]) and first[-4:] == bytes([0, 0, 255, 255])


def test_the_favicon_is_the_one_the_home_page_links() -> None:
    assert favicon_path('<link rel="icon" href="assets/images/favicon.png">') == "assets/images/favicon.png"
    assert favicon_path('<link rel="icon" href="./img/logo.png?v=2">') == "img/logo.png"
    with pytest.raises(ZimError, match="links no favicon"):
        favicon_path("<html></html>")


def test_a_favicon_that_is_not_a_png_is_an_error() -> None:
    with pytest.raises(ZimError, match="not a PNG"):
        illustration(b"<svg/>")


def test_set_uuid_rewrites_the_header_and_the_checksum(tmp_path: Path) -> None:
    import hashlib

    body = bytearray(b"ZIM\x04" + b"\x06\x00\x02\x00" + b"\x00" * 16 + b"\x00" * 48 + b"\x00" * 8)
    body += b"..\x0f\rXapian Glass\x04n" + b"R" * 16 + b"rest"
    body[72:80] = struct.pack("<Q", len(body))
    path = tmp_path / "x.zim"
    path.write_bytes(bytes(body) + hashlib.md5(bytes(body)).digest())
    new = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert set_uuid(path, new) == 1
    data = path.read_bytes()
    assert data[8:24] == new.bytes
    assert b"R" * 16 not in data
    assert data[-16:] == hashlib.md5(data[:-16]).digest()


def test_hub_zim_reports_every_setting_mistake_and_writes_nothing(tmp_path: Path, capsys) -> None:
    from hub.cli import main

    text = GOOD.replace("    creator: The network\n", "").replace("A short description", "x" * 81)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    code = main(["--root", str(tmp_path), "zim", "--site", str(tmp_path / "site"),
                 "--out", str(tmp_path / "dist")])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [
        "mkdocs.yml:2:19: extra.zim.long_description: shorter than the description; openZIM "
        "metadata rule; say more, or leave it out",
        "mkdocs.yml:12:5: extra.zim.creator: missing; Kiwix libraries need it",
        "mkdocs.yml:13:18: extra.zim.description: 81 characters, at most 80; openZIM metadata rule; "
        "shorten it",
        "3 errors: nothing was built. Fix the lines above and run `make zim` again.",
    ]
    assert not (tmp_path / "dist").exists()


def test_hub_zim_without_an_offline_build(tmp_path: Path, capsys) -> None:
    from hub.cli import main

    (tmp_path / "mkdocs.yml").write_text(GOOD, encoding="utf-8")
    code = main(["--root", str(tmp_path), "zim", "--site", str(tmp_path / "site")])
    assert code == 1
    assert capsys.readouterr().err == (f"{tmp_path / 'site'}: no offline build here; run `make zim` "
                                       "(it builds one)\n")
