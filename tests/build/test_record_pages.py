"""What a reader meets on record pages and the hand-written pages around them: tables of contents
that list every section of a brief or module, and the Contribute page's issue forms."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, hub_config
from hub.issue_forms import issue_form_url, issue_forms

pytestmark = pytest.mark.slow
REPO_URL = hub_config(REPO).network.repo_url  # the repository's network (hub.yml)
FIXTURE_REPO_URL = hub_config().network.repo_url  # the fixture network's, which its site links


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")


def toc(doc: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a["href"], a.get_text(" ", strip=True)) for a in doc.select("nav.md-nav--secondary a")]


def heading_text(doc: BeautifulSoup, anchor: str) -> str:
    target = doc.find(id=anchor)
    assert target is not None, f"#{anchor}: no such element"
    heading = target if target.name in ("h2", "h3", "h4") else target.find(["h2", "h3"])
    return "".join(heading.find_all(string=True, recursive=False)).strip()


def test_a_brief_lists_recommendations_references_and_cite(fixture_site: Path) -> None:
    doc = soup(fixture_site, "briefs/alpha-brief")
    entries = toc(doc)
    assert entries[0] == ("#recommendations", "Recommendations")
    assert entries[-2:] == [("#references", "References"), ("#cite", "Cite this brief")]
    assert ("#the-problem", "The problem") in entries  # the writer's own headings stay, in between
    for anchor, title in entries:
        assert heading_text(doc, anchor[1:]) == title


def test_a_module_lists_its_sections_with_the_notes_nested(fixture_site: Path) -> None:
    doc = soup(fixture_site, "curriculum/sm-101")
    titles = [t for _, t in toc(doc)]
    assert titles == ["Learning objectives", "Notes for teachers", "Sessions", "Prerequisites",
                      "Modules that build on this one", "Readings", "Assessment"]
    for anchor, title in toc(doc):
        assert heading_text(doc, anchor[1:]) == title, anchor


@pytest.mark.sample  # a module of the shipped sample
def test_lesson_notes_headings_sit_under_notes_for_teachers(repo_site: Path) -> None:
    doc = soup(repo_site, "curriculum/sm-101-foundations")
    notes = doc.find("h2", id="notes")
    assert notes is not None and notes.get_text(strip=True).startswith("Notes for teachers")
    nested = doc.select("nav.md-nav--secondary a[href='#notes'] + nav a")
    assert [a.get_text(strip=True) for a in nested] == ["Why start here", "Key ideas to draw out",
                                                         "Facilitation tips"]
    assert all(doc.find(id=a["href"][1:]).name == "h3" for a in nested)


def test_contribute_page_links_each_issue_form(fixture_site: Path) -> None:
    forms = issue_forms(REPO)
    assert {"propose-partner", "submit-brief", "suggest-module"} <= set(forms)
    links = {a.get_text(" ", strip=True): a["href"]
             for a in soup(fixture_site, "contribute").select("article a")}
    for stem in ("propose-partner", "submit-brief", "suggest-module", "report-problem"):
        title = forms[stem]
        assert links.get(title) == issue_form_url(FIXTURE_REPO_URL, REPO, stem), title
        url = urlsplit(links[title])
        assert f"{url.scheme}://{url.netloc}{url.path}" == FIXTURE_REPO_URL + "/issues/new"
        (template,) = parse_qs(url.query)["template"]
        assert (REPO / ".github" / "ISSUE_TEMPLATE" / template).is_file()


def test_contributing_guide_links_the_same_forms() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for stem, title in issue_forms(REPO).items():
        assert f"[{title}]({issue_form_url(REPO_URL, REPO, stem)})" in guide, title


def test_a_missing_issue_form_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="no issue form 'propose-partnr'"):
        issue_form_url(REPO_URL, REPO, "propose-partnr")
