"""Fixture data that tells right from wrong. Each test here fails under a plausible mistake that
the rest of the suite would let through (each was checked by making the mistake): a count that
is set instead of added to, an author-list rule cut at the wrong length, an unescaped BibTeX
field, a duplicate key or a cycle reported at the wrong place, a link checker that skips
`srcset`, and a build date that ignores SOURCE_DATE_EPOCH. The second fixture network
(tests/fixtures/hub2) carries the data: three partners in one WHO region, briefs with three and
twenty-one authors, a summary with `%`, `&` and braces."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO
from hub import config
from hub.check_links import check_site
from hub.models import today
from hub.render_citations import apa_parts, citation, render_bibtex
from hub.validate_links import validate

HUB2 = REPO / "tests" / "fixtures" / "hub2"


@pytest.fixture(scope="module")
def hub2():
    cat, problems = validate(HUB2)
    assert problems == []
    yield cat
    config.use(config.load_or_raise(FIXTURE))  # later tests use the fixture network's words


def test_partners_of_one_region_are_all_counted(hub2) -> None:
    assert hub2.partner_counts_by_region == {"AMR": 3}  # AR, AR, MX: not 1


def test_apa_lists_up_to_twenty_authors_then_the_first_nineteen_and_the_last(hub2) -> None:
    three = citation(hub2, hub2.briefs["consumo-en-la-comunidad"], "Red", "https://x.example/")
    assert apa_parts(three)["authors"] == "Ruiz, M., Vega, S., & Lima, T."
    many = citation(hub2, hub2.briefs["veintiun-autores"], "Red", "https://x.example/")
    names = apa_parts(many)["authors"].split(", ")
    assert apa_parts(many)["authors"].endswith("Ramos, R., Sosa, S., … Urquiza, U.")  # 19, …, the last
    assert "Torres" not in apa_parts(many)["authors"] and len(many.authors) == 21
    assert names[0] == "Acosta" and "& " not in apa_parts(many)["authors"]
    twenty = many.__class__(**{**many.__dict__, "authors": many.authors[:20]})
    assert apa_parts(twenty)["authors"].endswith("Sosa, S., & Torres, T.")


def test_bibtex_escapes_the_abstract_and_the_institution(hub2) -> None:
    c = citation(hub2, hub2.briefs["veintiun-autores"], "Salud & Red {AR}", "https://x.example/b/")
    bib = render_bibtex(c)
    assert r"  abstract = {El 50\% de los equipos \& sus \{redes\}: " in bib or \
        r"  abstract = {El 50\% de los equipos \& sus \textbraceleft{}redes\textbraceright{}: " in bib
    assert r"  institution = {Salud \& Red \{AR\}}," in bib or \
        r"  institution = {Salud \& Red \textbraceleft{}AR\textbraceright{}}," in bib


def _messages(root: Path) -> list[str]:
    _, problems = validate(root, on=dt.date(2025, 12, 2))
    return [p.format() for p in problems if p.severity == "error"]


def test_a_duplicate_key_in_a_brief_is_reported_on_its_own_line(tmp_path: Path) -> None:
    hub = Path(shutil.copytree(FIXTURE, tmp_path / "hub"))
    brief = hub / "content" / "briefs" / "alpha-brief.md"
    lines = brief.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, ln in enumerate(lines) if ln.startswith("summary:"))
    lines.insert(at + 1, "title: Again\n")  # file line at + 2; front matter starts on line 2
    brief.write_text("".join(lines), encoding="utf-8")
    first = next(i for i, ln in enumerate(lines, 1) if ln.startswith("title:"))
    assert _messages(hub) == [
        f"content/briefs/alpha-brief.md:{at + 2}:1: title: the field 'title' appears twice in the "
        f"same record (first on line {first}); keep one of the two and delete the other"]


def test_a_prerequisite_cycle_is_reported_at_the_prerequisite_that_closes_it(tmp_path: Path) -> None:
    hub = Path(shutil.copytree(HUB2, tmp_path / "hub"))
    path = hub / "curriculum" / "modules" / "mm-red.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "prerequisites: [zz-escucha]", "prerequisites: [zz-escucha, aa-supervision]"), encoding="utf-8")
    assert _messages(hub) == [
        "curriculum/modules/mm-red.yaml:7:29: prerequisites[2]: the prerequisites form a cycle: "
        "aa-supervision -> mm-red -> aa-supervision; a module cannot (indirectly) require itself; "
        "remove one link"]


def test_the_link_checker_follows_srcset(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"png")
    (tmp_path / "index.html").write_text(
        '<img src="img/a.png" srcset="img/a.png 1x, img/missing@2x.png 2x" alt="">', encoding="utf-8")
    broken = check_site(tmp_path)
    assert [(b.url, b.reason) for b in broken] == [("img/missing@2x.png", "no such file in the site")]


def test_the_build_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    assert today() == dt.date(2025, 12, 2)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert today() == dt.date(1970, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert today() == dt.date.today()
