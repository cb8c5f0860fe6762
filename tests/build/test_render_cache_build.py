"""The build's shortcuts change no byte of the site.

Two shortcuts make record pages cheaper to build (benchmarks/RESULTS.md): one Markdown
converter shared by all pages (`SharedMarkdownPage` in hooks/site.py) and fragments of
Material's templates rendered once per folder or depth (hub.render_cache). With
`HUB_RENDER_CACHE=off` every page is rendered from scratch, as MkDocs does by itself; both
builds must give the same bytes, and state of one page (footnotes, abbreviations, heading ids)
must never reach the next.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, make_hub

EPOCH = {"SOURCE_DATE_EPOCH": "1764633600"}
LOGS: dict[str, str] = {}

# A brief with everything that keeps state inside a Markdown converter, and one after it
# (alphabetically: built next) that has none of it.
STATEFUL = """---
title: "Footnotes and abbreviations"
date: 2025-06-01
example: true
authors:
  - name: Outside Author
partners: [alpha-ministry]
countries: ["NP"]
tiers: [local]
topics: [uhc]
sdg_targets: ["3.8"]
status: published
summary: A brief that uses footnotes and abbreviations.
recommendations:
  - Cite sources.
references:
  - title: Declaration of Astana
    publisher: World Health Organization
    year: 2018
    url: https://www.who.int/publications/i/item/WHO-HIS-SDS-2018.61
review_by: 2027-06-01
---
## The problem

UHC needs money[^money].

## The problem

*[UHC]: Universal health coverage

[^money]: Public money, mostly.
"""
PLAIN = STATEFUL.replace('"Footnotes and abbreviations"', '"Plain after stateful"').replace(
    "A brief that uses footnotes and abbreviations.", "A brief with neither.").split("## The problem")[0] + \
    "## The problem\n\nUHC needs money, and nothing here is a footnote.\n"


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for setting in ("on", "off"):
        hub = make_hub(tmp_path_factory.mktemp(f"cache-{setting}") / "hub")
        briefs = hub / "content" / "briefs"
        (briefs / "footnote-brief.md").write_text(STATEFUL, encoding="utf-8")
        (briefs / "footnote-brief-plain.md").write_text(PLAIN, encoding="utf-8")
        result = build_site(hub, env={**EPOCH, "HUB_RENDER_CACHE": setting, "HUB_PAGE_SHELLS_REPORT": "1"})
        assert result.returncode == 0, result.stderr
        LOGS[setting] = result.stderr
        sites.append(hub / "site")
    return sites[0], sites[1]


def test_shortcuts_change_no_byte(two_builds) -> None:
    cached, fresh = two_builds
    a, b = _tree(cached), _tree(fresh)
    assert a.keys() == b.keys()
    assert [p for p in a if a[p] != b[p]] == []


def test_record_pages_are_drawn_from_page_shells(two_builds) -> None:
    """The byte comparison above holds for pages drawn from shells (hub.render_shell) only if
    they are: every kind of record page is, no shell is refused (a refused shell falls back to
    the normal rendering, silently), and none with HUB_RENDER_CACHE=off."""
    line = next(ln for ln in LOGS["on"].splitlines() if "record pages from shells" in ln)
    counts = dict(re.findall(r"hub/(\w+)\.html (\d+)", line))
    assert set(counts) == {"partner", "member", "module", "country", "topic", "brief", "exchange"}
    assert all(int(n) >= 1 for n in counts.values()), line
    assert line.endswith("keys refused: 0"), line
    assert "record pages from shells" not in LOGS["off"]


def test_no_state_leaks_from_one_page_to_the_next(two_builds) -> None:
    cached, _ = two_builds
    def article_of(slug: str):
        page = (cached / "briefs" / slug / "index.html").read_text(encoding="utf-8")
        return BeautifulSoup(page, "html.parser").select_one("article")

    stateful, plain = article_of("footnote-brief"), article_of("footnote-brief-plain")
    article = stateful
    assert article.select_one("div.footnote") is not None
    assert article.select_one('abbr[title="Universal health coverage"]') is not None
    assert [h["id"] for h in article.select("h2[id^=the-problem]")] == ["the-problem", "the-problem_1"]
    article = plain
    assert article.select_one("div.footnote") is None
    assert article.select_one('abbr[title="Universal health coverage"]') is None
    assert [h["id"] for h in article.select("h2[id^=the-problem]")] == ["the-problem"]


def test_shared_sidebar_matches_the_folder(two_builds) -> None:
    """Record pages of different folders get their own sidebar (relative links differ)."""
    cached, _ = two_builds
    def home_link(page: Path) -> str:  # the sidebar's link to the partner directory
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = soup.select("nav.md-nav--primary a.md-nav__link")
        return next(a["href"] for a in links if a.get_text(strip=True) == "Partners")
    partner = next((cached / "partners").glob("*/index.html"))
    assert home_link(partner) == "../"
    assert home_link(cached / "briefs" / "footnote-brief" / "index.html") == "../../partners/"
