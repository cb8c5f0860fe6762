"""The offline build (HUB_OFFLINE=true) and its zip: every link resolves to a file, nothing
refers to the network, the zip is complete and checkable, and builds are reproducible."""

from __future__ import annotations

import hashlib
import posixpath
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import OFFLINE_EPOCH, build_offline, build_site, hub_config, make_hub
from hub.bundle_offline import MANIFEST, README, verify_folder
from hub.search_index import BuiltIndex

pytestmark = pytest.mark.slow

SHIM = "assets/vendor/iframe-worker/shim.js"
# Attributes a browser follows by itself when it shows the page (as opposed to links a reader
# may click): these must all be local.
LOADED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
          "video": "src", "embed": "src", "object": "data"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def local_target(site: Path, page: Path, href: str) -> Path | None:
    """The file a relative link points at, or None for outside links and same-page anchors."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (page.parent / unquote(parts.path)).resolve()


def test_every_internal_link_points_at_an_existing_html_file(offline_build) -> None:
    site, _ = offline_build
    checked = 0
    for page in pages(site):
        for a in soup(page).select("a[href]"):
            target = local_target(site, page, a["href"])
            if target is None:
                continue
            rel = f"{page.relative_to(site)} -> {a['href']}"
            assert not a["href"].split("#")[0].endswith("/"), f"directory link: {rel}"
            assert target.is_file(), f"broken link: {rel}"
            assert site.resolve() in target.parents, f"link leaves the bundle: {rel}"
            checked += 1
    assert checked > 200  # the record pages' links are among them


def test_record_links_follow_the_offline_urls(offline_build) -> None:
    site, _ = offline_build
    links = {a["href"] for a in soup(site / "partners" / "alpha-ministry.html").select("a[href]")}
    assert "../countries/np.html" in links and "../briefs/alpha-brief.html" in links
    assert not (site / "partners" / "alpha-ministry").exists()


def test_nothing_is_loaded_from_the_network(offline_build) -> None:
    site, _ = offline_build
    for page in pages(site):
        doc = soup(page)
        for tag, attr in LOADED.items():
            for el in doc.find_all(tag):
                value = el.get(attr)
                if value:
                    assert local_target(site, page, value), f"{page.name}: <{tag} {attr}={value}>"
                    assert local_target(site, page, value).is_file(), f"{page.name}: {value}"
        for link in doc.find_all("link", href=True):
            if {"stylesheet", "icon", "preload", "preconnect", "modulepreload"} & set(link["rel"]):
                target = local_target(site, page, link["href"])
                assert target and target.is_file(), f"{page.name}: {link}"
        text = page.read_text(encoding="utf-8")
        for cdn in ("unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr"):
            assert cdn not in text, f"{page.name}: {cdn}"
        assert 'data-md-component="source"' not in text  # would ask api.github.com for stars
    for css in site.rglob("*.css"):
        assert "url(http" not in css.read_text(encoding="utf-8").replace("url(\"http", "url(http")


def test_search_shim_is_vendored_and_index_inlined(offline_build) -> None:
    site, _ = offline_build
    doc = soup(site / "briefs" / "alpha-brief.html")
    scripts = [s["src"] for s in doc.find_all("script", src=True)]
    assert "../" + SHIM in scripts
    assert (site / SHIM).read_bytes() == (Path(__file__).parents[2] / "overrides" / SHIM).read_bytes()
    stub = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert stub.startswith("var __index = ")  # Material's script reads it from file://
    index = BuiltIndex.read(site)
    assert "partners/alpha-ministry.html" in index.pages_with("zebracorn")
    assert index.pages_with("Quokkaflux")


def test_canonical_links_point_at_the_online_pages(offline_build) -> None:
    site, _ = offline_build
    canon = soup(site / "partners" / "alpha-ministry.html").find("link", rel="canonical")["href"]
    assert canon == hub_config().site_url + "partners/alpha-ministry/"
    home = soup(site / "index.html").find("link", rel="canonical")["href"]
    assert home == hub_config().site_url
    assert not (site / "sitemap.xml").exists() and not (site / "404.html").exists()


def test_online_build_is_unchanged(fixture_site: Path) -> None:
    html = (fixture_site / "partners" / "alpha-ministry" / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in html
    # Neither build asks api.github.com for stars (overrides/partials/source.html).
    assert 'data-md-component="source"' not in html and 'class="md-source"' in html
    assert (fixture_site / "sitemap.xml").is_file()
    assert not (fixture_site / "search" / "search_index.js").exists()


def test_zip_holds_one_folder_with_readme_and_manifest(offline_build) -> None:
    site, zip_path = offline_build
    assert zip_path.name == "fixture-hub-offline-test.zip"
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        top = "fixture-hub-offline-test/"
        assert all(n.startswith(top) for n in names)
        inside = {n[len(top):] for n in names}
        site_files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        assert inside == site_files | {README, MANIFEST}
        readme = zf.read(top + README).decode()
        assert "Double-click index.html" in readme and "Built:   2025-12-02 00:00 UTC" in readme
        manifest = zf.read(top + MANIFEST).decode().splitlines()
        listed = {line.split("  ", 1)[1] for line in manifest}
        assert listed == site_files | {README}
        for line in manifest:
            digest, rel = line.split("  ", 1)
            assert hashlib.sha256(zf.read(top + rel)).hexdigest() == digest, rel
    sidecar = zip_path.with_name(zip_path.name + ".sha256").read_text()
    assert sidecar == f"{hashlib.sha256(zip_path.read_bytes()).hexdigest()}  {zip_path.name}\n"


def test_zip_entries_are_sorted_with_fixed_times_and_modes(offline_build) -> None:
    _, zip_path = offline_build
    with zipfile.ZipFile(zip_path) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(2025, 12, 2, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_an_unzipped_copy_verifies_and_tampering_is_caught(offline_bundle: Path, tmp_path: Path) -> None:
    assert verify_folder(offline_bundle) == []
    copy = tmp_path / "copy"
    shutil.copytree(offline_bundle, copy)
    (copy / "index.html").write_text("changed", encoding="utf-8")
    (copy / "about.html").unlink()
    (copy / "extra.html").write_text("new", encoding="utf-8")
    assert sorted(verify_folder(copy)) == ["about.html: missing", "extra.html: not in SHA256SUMS",
                                           "index.html: changed (checksum differs)"]


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_offline_builds_are_reproducible(offline_build, tmp_path: Path) -> None:
    """A second clean build, in another folder, gives the same bytes: site and zip."""
    site, zip_path = offline_build
    site2, zip2 = build_offline(tmp_path)
    assert tree(site2) == tree(site)
    assert zip2.read_bytes() == zip_path.read_bytes()


def test_online_builds_are_reproducible(fixture_site: Path, tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": OFFLINE_EPOCH})
    assert result.returncode == 0, result.stderr
    assert tree(hub / "site") == tree(fixture_site)


@pytest.mark.parametrize(("setting", "message"), [
    ("    - navigation.instant\n", "navigation.instant does not work from file://"),
    ("extra_javascript:\n  - https://cdn.example.org/x.js\n", "remote scripts or styles"),
    ("  font:\n    text: Roboto\n", "web fonts come from Google's CDN"),
])
def test_offline_build_refuses_what_needs_a_network(tmp_path: Path, setting: str, message: str) -> None:
    hub = make_hub(tmp_path / "hub")
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    if setting.startswith("    -"):
        config = config.replace("  features:\n", "  features:\n" + setting)
    elif setting.startswith("  font:"):
        config = config.replace("  font: false", setting.rstrip("\n"), 1)
    else:
        config += setting
    (hub / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(hub, env={"HUB_OFFLINE": "true"})
    assert result.returncode != 0 and message in result.stderr


def test_links_are_relative_to_each_page(offline_build) -> None:
    site, _ = offline_build
    a = soup(site / "briefs" / "alpha-brief.html").find("a", href=lambda h: h and "alpha-ministry" in h)
    assert posixpath.normpath(posixpath.join("briefs", a["href"])) == "partners/alpha-ministry.html"
