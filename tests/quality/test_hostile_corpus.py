"""The hostile-input corpus (tests/hostile/<class>/<variant>/, see its README.md).

Each variant is laid over the fixture hub, then validated and built as CI would. Whatever the
variant: no code runs, nothing from outside the hub is published, no traceback. A refused
variant must fail validation with its located messages and fail the build; an accepted one
must build into a site that the script, scheme, privacy and export scans find clean.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from export_checks import scan_citations, scan_csv, scan_xml
from quality_scan import root_helpers, scan_files, scan_html, scan_privacy

pytestmark = pytest.mark.slow
_h = root_helpers()
REPO, FIXTURE, build_site, make_hub, run_hub = _h.REPO, _h.FIXTURE, _h.build_site, _h.make_hub, _h.run_hub
CORPUS = REPO / "tests" / "hostile"
CLASSES = sorted(p for p in CORPUS.iterdir() if p.is_dir())  # one folder per class of attack
VARIANTS = sorted(v for c in CLASSES for v in c.iterdir() if v.is_dir())
SECRET = "HOSTILE-SECRET-7d1c0e"
SPECIAL = {"expected.txt", "symlinks.txt", "absent.txt"}


def lay_out(variant: Path, tmp: Path) -> Path:
    """The fixture hub in `tmp/hub` with the variant's files and links on top of it."""
    outside = tmp / "outside"
    (outside / "dir").mkdir(parents=True)
    for f in (outside / "secret.txt", outside / "dir" / "secret.svg"):
        f.write_text(f"{SECRET}\n", encoding="utf-8")
    hub = make_hub(tmp / "hub")
    for f in sorted(variant.rglob("*")):
        if f.is_file() and f.relative_to(variant).as_posix() not in SPECIAL:
            target = hub / f.relative_to(variant)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink():
                target.unlink()
            shutil.copyfile(f, target)
    links = variant / "symlinks.txt"
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            link, target = (s.strip() for s in line.split("->"))
            target = target.replace("{outside_dir}", str(outside / "dir"))
            target = target.replace("{outside}", str(outside / "secret.txt"))
            path = hub / link
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() or path.is_symlink():
                path.unlink() if not path.is_dir() or path.is_symlink() else shutil.rmtree(path)
            path.symlink_to(target)
    return hub


def no_code_ran(hub: Path) -> None:
    ran = [p for p in hub.parent.rglob("pwned*")]
    assert not ran, f"a payload ran code: {ran}"


def nothing_from_outside(site: Path) -> None:
    if not site.exists():
        return
    links = [p for p in site.rglob("*") if p.is_symlink()]
    assert not links, f"symlinks published: {links}"
    leaked = [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert not leaked, f"a file from outside the hub was published: {leaked}"


def test_every_class_has_three_variants() -> None:
    assert CLASSES, "the corpus is empty"
    for c in CLASSES:
        n = sum(1 for v in c.iterdir() if v.is_dir())
        assert n >= 3, f"{c.name} has {n} variant(s); every class needs at least three"
    for v in VARIANTS:
        assert (v / "expected.txt").is_file(), f"{v.relative_to(CORPUS)} has no expected.txt"


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.relative_to(CORPUS).as_posix() for v in VARIANTS])
def test_hostile_variant(variant: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    hub = lay_out(variant, tmp_path)
    expected = [line for line in (variant / "expected.txt").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    checked = run_hub("validate", cwd=hub)
    no_code_ran(hub)
    assert "Traceback" not in checked.stderr + checked.stdout, checked.stderr
    built = build_site(hub)
    no_code_ran(hub)
    assert "Traceback" not in built.stderr, built.stderr[-3000:]
    nothing_from_outside(hub / "site")
    if expected == ["accepted"]:
        assert checked.returncode == 0, checked.stderr
        assert built.returncode == 0, built.stderr[-3000:]
        site = hub / "site"
        assert scan_html(site) == []
        assert scan_privacy(site) == []
        assert scan_csv(site) == []  # every cell of every CSV inert
        assert scan_xml(site) == []  # feeds and sitemap parse
        assert scan_citations(site) == []  # one BibTeX entry, one RIS record per brief
        assert scan_files(site) == []
        absent = variant / "absent.txt"
        for text in absent.read_text(encoding="utf-8").splitlines() if absent.is_file() else ():
            found = [f for f in site.rglob("*") if f.is_file() and text.encode() in f.read_bytes()]
            assert not found, f"{text!r} is published in {found}"
    else:
        assert checked.returncode == 1, checked.stderr
        for line in expected:
            assert line in checked.stderr, f"missing {line!r} in:\n{checked.stderr}"
        assert built.returncode != 0, "the build published a variant that validation refuses"
