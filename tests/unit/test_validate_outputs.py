"""Each output path has one owner (hooks/hub/validate_outputs.py): reserved ids, logo paths by
form before any look at the disk, and the build's check of paths written twice."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hub.validate_links import validate
from hub.validate_outputs import RESERVED_IDS, output_conflicts

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "hub"
PARTNER = ("- id: {id}\n  name: Extra Example Partner\n  type: ngo\n  country: \"KE\"\n"
           "  website: https://example.org/extra\n  focus: [uhc]\n  since: 2020-01-01\n"
           "  description: A partner.\n")


def errors(tmp: Path, partner_id: str = "extra-partner", logo: str | None = None,
           files: dict[str, str] | None = None) -> list[str]:
    root = tmp / "hub"
    shutil.copytree(FIXTURE, root)
    extra = PARTNER.format(id=partner_id) + (f"  logo: {logo}\n" if logo else "")
    with (root / "partners.yaml").open("a", encoding="utf-8") as f:
        f.write(extra)
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    _, problems = validate(root, on=dt.date(2025, 12, 2))
    return [p.format() for p in problems if p.severity == "error"]


@pytest.mark.parametrize("rid", ["index", "assets", "search", "data", "404", "sitemap", "partners"])
def test_reserved_ids_are_refused(tmp_path: Path, rid: str) -> None:
    assert errors(tmp_path, rid) == [
        f"partners.yaml:35:7: partners[4].id: the id '{rid}' is a name the site keeps for its own "
        f"pages and files; choose another id, e.g. '{rid}-partner'"]


def test_a_brief_named_index_is_refused(tmp_path: Path) -> None:
    brief = (FIXTURE / "content" / "briefs" / "alpha-brief.md").read_text(encoding="utf-8")
    assert errors(tmp_path, files={"content/briefs/index.md": brief}) == [
        "content/briefs/index.md:1:1: the file name 'index.md' is reserved: it is a name the site keeps "
        "for its own pages and files; rename the file, e.g. to a few words of the title"]


LOGO_HINT = ("write assets/logos/<name>.svg (or .png, .jpg, .webp), the path of the image inside "
             "content/; the name in lower-case letters, digits and hyphens")


@pytest.mark.parametrize("logo", ["../mkdocs.yml", "/etc/passwd", "assets/logos/../../../mkdocs.yml",
                                  "assets/logos/x.html", "assets/logos/X.svg", "//host/x.png",
                                  "assets/logos/sub/x.png"])
def test_a_logo_path_is_checked_by_form_before_the_disk(tmp_path: Path, logo: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[str] = []
    real_is_file, real_exists = Path.is_file, Path.exists
    monkeypatch.setattr(Path, "is_file", lambda p: looked.append(str(p)) or real_is_file(p))
    monkeypatch.setattr(Path, "exists", lambda p: looked.append(str(p)) or real_exists(p))
    assert errors(tmp_path, logo=logo) == [
        f"partners.yaml:43:9: partners[4].logo: {logo!r} is not a logo path; {LOGO_HINT}"]
    assert not [p for p in looked if logo.strip("/").split("/")[-1] in p.split("/")[-1]], looked


def test_a_logo_that_was_refused_is_not_also_missing(tmp_path: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    assert errors(tmp_path, logo="assets/logos/extra.svg", files={"content/assets/logos/extra.svg": svg}) == [
        "content/assets/logos/extra.svg:1:1: the event handler onload= on <svg> is not allowed in an SVG "
        "image; event handlers run script; remove the attribute",
        "partners.yaml:43:9: partners[4].logo: the logo file content/assets/logos/extra.svg cannot be "
        "published (see its own error); fix or replace the image"]


def test_a_valid_logo_passes(tmp_path: Path) -> None:
    svg = (REPO / "content/assets/logos/example-np-ministry.svg").read_text(encoding="utf-8")
    files = {"content/assets/logos/extra.svg": svg}
    assert errors(tmp_path, logo="assets/logos/extra.svg", files=files) == []


def test_reserved_ids_are_valid_slugs_so_the_rule_is_needed() -> None:
    from hub.fields import SLUG_RE

    assert all(SLUG_RE.match(r) for r in RESERVED_IDS)


def test_output_conflicts_ignore_case() -> None:
    assert output_conflicts([("about/index.html", "content/about.md"),
                             ("About/index.html", "content/About/index.md"),
                             ("data/x.csv", "the build (data/x.csv)"),
                             ("index.html", "content/index.md")]) == [
        "About/index.html, about/index.html: written by content/About/index.md and by content/about.md"]
