"""The offline zip writer on small hand-made folders: naming, dates, manifest, refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from hub.bundle_offline import build_epoch, bundle_version, readme_text, verify_folder, write_bundle

REPO = Path(__file__).resolve().parents[2]


def tiny_site(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "sub" / "page.html").write_text("<h1>page</h1>", encoding="utf-8")
    return root


@pytest.mark.parametrize(("environ", "expected"), [
    ({"SOURCE_DATE_EPOCH": "1764633600"}, 1764633600),
    ({"SOURCE_DATE_EPOCH": " 42 "}, 42),
])
def test_build_epoch_comes_from_source_date_epoch(environ: dict, expected: int) -> None:
    assert build_epoch(environ) == expected


@pytest.mark.parametrize("environ", [{}, {"SOURCE_DATE_EPOCH": ""}, {"SOURCE_DATE_EPOCH": "soon"}])
def test_build_epoch_without_a_usable_value_is_now(environ: dict) -> None:
    assert build_epoch(environ) > 1764633600


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    dates = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                   check=True, capture_output=True, env={**os.environ, **dates})


def test_version_is_the_tag_or_else_the_date(tmp_path: Path) -> None:
    assert bundle_version(tmp_path, 1764633600) == "2025-12-02"  # not a git repository
    git(tmp_path, "init", "-q")
    (tmp_path / "a").write_text("a", encoding="utf-8")
    git(tmp_path, "add", "a")
    git(tmp_path, "commit", "-qm", "a")
    assert bundle_version(tmp_path, 1764633600) == "2025-12-02"  # no tags yet
    git(tmp_path, "tag", "v1.2.0")
    assert bundle_version(tmp_path, 1764633600) == "v1.2.0"
    (tmp_path / "b").write_text("b", encoding="utf-8")
    git(tmp_path, "add", "b")
    git(tmp_path, "commit", "-qm", "b")
    assert bundle_version(tmp_path, 1764633600).startswith("v1.2.0-1-g")


def test_zip_name_layout_and_sidecar(tmp_path: Path) -> None:
    site = tiny_site(tmp_path / "site")
    bundle = write_bundle(site, tmp_path / "dist", name="hub", version="v1.0.0", epoch=1764633600)
    assert bundle.zip_path == tmp_path / "dist" / "hub-offline-v1.0.0.zip"
    with zipfile.ZipFile(bundle.zip_path) as zf:
        assert zf.namelist() == ["hub-offline-v1.0.0/README.txt", "hub-offline-v1.0.0/SHA256SUMS",
                                 "hub-offline-v1.0.0/index.html", "hub-offline-v1.0.0/sub/page.html"]
        zf.extractall(tmp_path / "out")
    assert bundle.files == 4
    assert verify_folder(tmp_path / "out" / "hub-offline-v1.0.0") == []


def test_timestamps_before_1980_are_clamped(tmp_path: Path) -> None:
    bundle = write_bundle(tiny_site(tmp_path / "site"), tmp_path, name="h", version="0", epoch=0)
    with zipfile.ZipFile(bundle.zip_path) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_same_input_same_bytes(tmp_path: Path) -> None:
    one = write_bundle(tiny_site(tmp_path / "a"), tmp_path / "d1", name="h", version="1", epoch=5**12)
    two = write_bundle(tiny_site(tmp_path / "b"), tmp_path / "d2", name="h", version="1", epoch=5**12)
    assert one.zip_path.read_bytes() == two.zip_path.read_bytes()


def test_readme_says_what_when_and_how() -> None:
    text = readme_text("Hub", "v2.0.0", 1764633600)
    assert "Version: v2.0.0" in text and "Built:   2025-12-02 00:00 UTC" in text
    assert "Double-click index.html" in text and "sha256sum -c SHA256SUMS" in text


def test_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a built site"):
        write_bundle(tmp_path, tmp_path / "dist", name="h", version="1", epoch=0)


def test_refuses_a_site_that_already_has_a_readme(tmp_path: Path) -> None:
    site = tiny_site(tmp_path / "site")
    (site / "README.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="README.txt"):
        write_bundle(site, tmp_path / "dist", name="h", version="1", epoch=0)


def test_verify_reports_a_missing_manifest(tmp_path: Path) -> None:
    assert verify_folder(tmp_path) == [f"{tmp_path}/SHA256SUMS: missing"]


def test_make_build_and_offline_take_the_date_of_the_last_commit(tmp_path: Path) -> None:
    """`make build` and `make offline` run mkdocs with SOURCE_DATE_EPOCH = the last commit's
    time (checked with the real Makefile, in a scratch repository, with stand-in tools)."""
    git(tmp_path, "init", "-q")
    shutil.copy2(REPO / "Makefile", tmp_path / "Makefile")
    git(tmp_path, "add", "Makefile")
    git(tmp_path, "commit", "-qm", "a", date="@1700000000 +0000")
    fake = tmp_path / "fakebin"
    fake.mkdir()
    for tool in ("python", "mkdocs"):  # record the date each tool was given; make --site-dir
        (fake / tool).write_text(
            f'#!/bin/sh\necho "{tool} $SOURCE_DATE_EPOCH $1 $2 $3" >> "$LOG"\n'
            'while [ $# -gt 0 ]; do [ "$1" = --site-dir ] && mkdir -p "$2"; shift; done\n')
        (fake / tool).chmod(0o755)
    (tmp_path / "requirements.lock").touch()
    (tmp_path / "stamp").touch()  # the virtual environment is "installed"
    os.utime(tmp_path / "requirements.lock", (1, 1))
    for target in ("build", "offline"):
        log = tmp_path / f"{target}.log"
        subprocess.run(["make", "-s", target, f"BIN={fake}", f"STAMP={tmp_path / 'stamp'}"],
                       cwd=tmp_path, env={"PATH": os.environ["PATH"], "LOG": str(log)},
                       check=True, capture_output=True)
        # `python -m hub build` runs one mkdocs build per language, with this environment
        assert "python 1700000000 -m hub build" in log.read_text().splitlines(), target
    log = tmp_path / "validate.log"
    subprocess.run(["make", "-s", "validate", f"BIN={fake}", f"STAMP={tmp_path / 'stamp'}"],
                   cwd=tmp_path, env={"PATH": os.environ["PATH"], "LOG": str(log)}, check=True)
    assert log.read_text() == "python  -m hub validate\n"  # validation keeps today's date
