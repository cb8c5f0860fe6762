"""The allowlist of files (hooks/hub/validate_files.py): what each folder may hold, with the
exact message a contributor sees for everything else. Each case adds files (or links) to a copy
of the fixture hub's records and lists every error `hub validate` then prints."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from pathlib import Path

import pytest

from hub.generate_pages import LISTINGS
from hub.validate_files import AREAS, LISTING_FOLDERS, check_files
from hub.validate_links import validate

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "hub"
LOGO = (REPO / "content" / "assets" / "logos" / "example-np-ministry.svg").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
LINK = ("is a symbolic link (to {target!r}); the hub reads and publishes no links; replace the link "
        "with the real file or folder: a link could publish files from outside the repository")
NOT_HERE = "this kind of file is not allowed here (it could run script on the site); "
OTHER_KIND = ("this kind of file is not allowed here (the site publishes only the kinds of file listed "
              "in CONTRIBUTING.md); ")


def hub(tmp: Path, files: dict[str, bytes | str] | None = None) -> Path:
    root = tmp / "hub"
    shutil.copytree(FIXTURE, root)
    for rel, data in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def errors(root: Path) -> list[str]:
    _, problems = validate(root, on=dt.date(2025, 12, 2))
    return [p.format() for p in problems if p.severity == "error"]


CASES = [
    pytest.param({"content/briefs/x.markdown": "---\nrender_macros: true\n---\n{{ 7*7 }}\n"}, [
        "content/briefs/x.markdown:1:1: .markdown files are not allowed: the site would publish this "
        "file as a page that the hub never checked; rename it to x.md"], id="markdown-extension"),
    pytest.param({"content/briefs/y.mkdn": "x", "content/briefs/z.MKD": "x"}, [
        "content/briefs/y.mkdn:1:1: .mkdn files are not allowed: the site would publish this file as "
        "a page that the hub never checked; rename it to y.md",
        "content/briefs/z.MKD:1:1: .mkd files are not allowed: the site would publish this file as a "
        "page that the hub never checked; rename it to z.md"], id="markdown-extensions-any-case"),
    pytest.param({"content/briefs/x.html": "<script>alert(1)</script>"}, [
        "content/briefs/x.html:1:1: " + NOT_HERE + "content/briefs/ may hold one <id>.md file per brief"],
        id="html-in-briefs"),
    pytest.param({"content/briefs/notes.txt": "x"}, [
        "content/briefs/notes.txt:1:1: " + OTHER_KIND + "content/briefs/ may hold one <id>.md file per "
        "brief"], id="text-in-briefs"),
    pytest.param({"content/briefs/sub/x.md": "x"}, [
        "content/briefs/sub/x.md:1:1: briefs cannot be in sub-folders; move it to content/briefs/x.md"],
        id="brief-in-sub-folder"),
    pytest.param({"content/page.htm": "<p>x</p>", "content/assets/x.xhtml": "<p/>"}, [
        "content/assets/x.xhtml:1:1: " + NOT_HERE + "content/ may hold hand-written .md pages, and .css, "
        ".js and image files under assets/",
        "content/page.htm:1:1: " + NOT_HERE + "content/ may hold hand-written .md pages, and .css, .js "
        "and image files under assets/"], id="html-anywhere-in-content"),
    pytest.param({"content/assets/logos/Big-Logo.svg": LOGO}, [
        "content/assets/logos/Big-Logo.svg:1:1: a logo's file name must be lower-case letters, digits "
        "and hyphens; e.g. example-np-ministry.svg"], id="logo-name"),
    pytest.param({"content/assets/logos/a.png": "<html><script>alert(1)</script></html>",
                  "content/assets/logos/b.webp": PNG, "content/assets/logos/c.gif": "GIF89a"}, [
        "content/assets/logos/a.png:1:1: the file is named .png but is not a PNG image (it holds HTML "
        "or XML text); save it as a PNG, JPEG or WebP image, or export a plain SVG",
        "content/assets/logos/b.webp:1:1: the file is named .webp but is not a WebP image (it holds a "
        "PNG image); save it as a PNG, JPEG or WebP image, or export a plain SVG",
        "content/assets/logos/c.gif:1:1: " + OTHER_KIND + "content/assets/logos/ may hold logos: PNG, "
        "JPEG, WebP or SVG images named like <partner-id>.svg"], id="images-by-content"),
    pytest.param({"content/assets/logos/x.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="a()"/>'}, [
        "content/assets/logos/x.svg:1:1: the event handler onload= on <svg> is not allowed in an SVG "
        "image; event handlers run script; remove the attribute"], id="svg-handler"),
    pytest.param({"curriculum/modules/sm-301.yml": "id: sm-301\n", "curriculum/notes.md": "x"}, [
        "curriculum/modules/sm-301.yml:1:1: module files end in .yaml; rename it to sm-301.yaml",
        "curriculum/notes.md:1:1: " + OTHER_KIND + "curriculum/ may hold tracks.yaml and one "
        "modules/<id>.yaml file per module"], id="curriculum-only-yaml"),
    pytest.param({"content/members/ada-example.md": "# Ada", "content/topics.md": "# Topics",
                  "content/data/x.png": PNG}, [
        "content/data/x.png:1:1: the build writes data/ itself from the records; this file would "
        "replace it; remove or rename the hand-written file",
        "content/members/ada-example.md:1:1: the build writes members/ itself from the records; this "
        "file would replace it; remove or rename the hand-written file",
        "content/topics.md:1:1: the build writes topics/index.html itself from the records; this file "
        "would replace it; remove or rename the hand-written file"], id="generated-folders"),
    pytest.param({"content/Guide.md": "# A", "content/guide/index.md": "# B"}, [
        "content/Guide.md:1:1: the name differs from 'guide' only by upper and lower case: on Windows, "
        "macOS and in the offline zip they are one file; give one of them a name that differs in more "
        "than case",
        "content/guide:1:1: the name differs from 'Guide.md' only by upper and lower case: on Windows, "
        "macOS and in the offline zip they are one file; give one of them a name that differs in more "
        "than case"], id="case-clash-page-and-folder"),
    pytest.param({"content/about.md": "# About", "content/assets/hub.css": "a{}", "content/assets/x.js": "",
                  "content/assets/img/photo.png": PNG, "content/briefs/.DS_Store": "x",
                  "content/assets/logos/example-np-ministry.svg": LOGO}, [], id="accepted"),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_allowlist_messages(tmp_path: Path, files: dict, expected: list[str]) -> None:
    assert errors(hub(tmp_path, files)) == expected


def test_links_are_refused_and_never_read(tmp_path: Path) -> None:
    root = hub(tmp_path)
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.md").write_text("---\ntitle: SECRET\n---\nSECRET\n")
    (root / "content/briefs/alpha-brief.md").unlink()
    (root / "content/briefs/alpha-brief.md").symlink_to(outside / "secret.md")
    (root / "content/briefs/linked").symlink_to(outside / "dir")
    (root / "content/assets/logos").mkdir(parents=True)
    (root / "content/assets/logos/env.svg").symlink_to("/proc/self/environ")
    (root / "partners.yaml").rename(root / "real-partners.yaml")
    (root / "partners.yaml").symlink_to(root / "real-partners.yaml")
    found = errors(root)
    assert found == [
        "content/assets/logos/env.svg:1:1: " + LINK.format(target="/proc/self/environ"),
        "content/briefs/alpha-brief.md:1:1: " + LINK.format(target=str(outside / "secret.md")),
        "content/briefs/linked:1:1: " + LINK.format(target=str(outside / "dir")),
        "partners.yaml:1:1: " + LINK.format(target=str(root / "real-partners.yaml")),
    ]
    assert "SECRET" not in "\n".join(found)  # the link's target was never read


def test_a_linked_content_folder_hides_nothing(tmp_path: Path) -> None:
    root = hub(tmp_path)
    shutil.move(root / "content", tmp_path / "elsewhere")
    (root / "content").symlink_to(tmp_path / "elsewhere")
    inventory, problems = check_files(root)
    assert [p.format() for p in problems] == [
        "content:1:1: " + LINK.format(target=str(tmp_path / "elsewhere"))]
    assert not any(rel.startswith("content/") for rel in inventory.files)


def test_special_files_and_wrong_shapes(tmp_path: Path) -> None:
    root = hub(tmp_path)
    fifo = root / "content/briefs/pipe.md"
    os.mkfifo(fifo)  # reading it would hang the build
    # If anything opens the pipe to read it, this writer lets it read an empty file (an extra
    # error) instead of hanging the test.
    writer = threading.Thread(target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True)
    writer.start()
    (root / "members.yaml").unlink()
    (root / "members.yaml").mkdir()
    try:
        assert errors(root) == [
            "content/briefs/pipe.md:1:1: is not a regular file; replace it with an ordinary file",
            "members.yaml:1:1: must be a file, not a folder",
        ]
    finally:
        while writer.is_alive():  # release the writer, whenever it got to its open()
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
            writer.join(0.05)


def test_inventory_lists_what_may_be_read(tmp_path: Path) -> None:
    root = hub(tmp_path, {"content/index.md": "# Home", "content/assets/logos/a.svg": LOGO,
                          "content/briefs/x.html": "<p>"})
    inventory, _ = check_files(root)
    assert inventory.kind("content/briefs/alpha-brief.md") == "brief"
    assert inventory.kind("content/index.md") == "page"
    assert inventory.kind("content/assets/logos/a.svg") == "image"
    assert inventory.kind("curriculum/modules/sm-101.yaml") == "records"
    assert inventory.kind("partners.yaml") == "records"
    assert not inventory.readable("content/briefs/x.html") and "content/briefs/x.html" in inventory.refused


def test_the_table_names_each_contributor_folder_once_most_specific_first() -> None:
    paths = [a.path for a in AREAS]
    assert len(set(paths)) == len(paths)
    for i, a in enumerate(AREAS):  # an area must come before any area that contains it
        assert not any(a.path.startswith(b.path + "/") for b in AREAS[:i]), a.path
    assert {a.path for a in AREAS if a.owner == "contributor"} == {
        "partners.yaml", "members.yaml", "curriculum", "content/briefs", "content/exchanges",
        "content/assets/logos"}


def test_listing_folders_match_the_generated_listings() -> None:
    assert LISTING_FOLDERS == {path.split("/")[0] for path, _, _ in LISTINGS.values()}
