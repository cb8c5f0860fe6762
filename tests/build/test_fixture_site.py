"""Build the small fixture hub and check what a reader sees in the HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_pages import page, text

from conftest import hub_config
from hub.search_index import BuiltIndex

pytestmark = pytest.mark.slow


def test_every_record_has_a_page(fixture_site: Path) -> None:
    for rel in [
        "partners/index.html", "partners/alpha-ministry/index.html",
        "partners/beta-university/index.html", "partners/gamma-ngo/index.html",
        "members/index.html", "members/ada-example/index.html", "members/ben-example/index.html",
        "briefs/index.html", "briefs/alpha-brief/index.html", "briefs/beta-brief/index.html",
        "curriculum/index.html", "curriculum/sm-101/index.html", "curriculum/sm-201/index.html",
        "countries/index.html", "countries/np/index.html", "countries/ke/index.html",
        "countries/no/index.html", "topics/index.html", "topics/primary-care/index.html",
    ]:
        assert (fixture_site / rel).is_file(), rel


def test_partner_page_shows_details_and_everything_linked(fixture_site: Path) -> None:
    t = text(fixture_site, "partners/alpha-ministry/index.html")
    assert "Alpha Example Ministry of Health" in t
    assert "Ministry of health" in t and "Federal / national" in t
    assert "Nepal" in t and "South-East Asia Region" in t
    assert "zebracorn pilot" in t  # the description
    assert "Primary care: the alpha brief" in t  # its brief
    assert "Ada Example" in t  # its member
    assert "Example" in page(fixture_site, "partners/alpha-ministry/index.html").select_one(
        ".hub-badge--example").get_text()
    links = {a["href"] for a in page(fixture_site, "partners/alpha-ministry/index.html").select("a[href]")}
    assert "../../countries/np/" in links and "../../briefs/alpha-brief/" in links


def test_norway_stays_norway(fixture_site: Path) -> None:
    """`country: "NO"` is Norway, not the boolean false of YAML 1.1."""
    assert "Norway" in text(fixture_site, "partners/gamma-ngo/index.html")
    assert "European Region" in text(fixture_site, "countries/no/index.html")


def test_partner_directory_groups_and_counts(fixture_site: Path) -> None:
    t = text(fixture_site, "partners/index.html")
    assert "3 partners in 3 countries" in t
    for label in ("Ministry of health", "Medical university", "Non-governmental organisation"):
        assert label in t
    # the counts by WHO region are the filter's facet options (tests/build/test_readers_outputs.py)
    assert "African Region (1)" in t and "European Region (1)" in t


def test_members_without_consent_appear_nowhere(fixture_site: Path) -> None:
    assert not (fixture_site / "members" / "hidden-example").exists()
    for html in fixture_site.rglob("*"):
        if html.is_file() and html.suffix in (".html", ".json", ".xml", ".js", ".csv"):
            body = html.read_text(encoding="utf-8", errors="replace")
            assert "Quillon" not in body and "hidden-example" not in body, html


def test_members_directory_links_their_briefs(fixture_site: Path) -> None:
    soup = page(fixture_site, "members/index.html")
    t = " ".join(soup.get_text(" ").split())
    assert "2 members with a public profile" in t
    assert "Primary care: the alpha brief" in t


def test_briefs_listing_newest_first_and_draft_unpublished(fixture_site: Path) -> None:
    titles = [a.get_text() for a in page(fixture_site, "briefs/index.html").select(".hub-item__title")]
    assert titles == ["Primary care: the alpha brief", "Beta brief on community health"]
    assert not (fixture_site / "briefs" / "gamma-draft").exists()
    assert "draftonlyword" not in BuiltIndex.read(fixture_site).words


def test_brief_page_metadata_recommendations_references(fixture_site: Path) -> None:
    soup = page(fixture_site, "briefs/alpha-brief/index.html")
    t = " ".join(soup.get_text(" ").split())
    assert "Ada Example" in t and "Outside Author (Example Institute)" in t
    assert "Federal / national" in t and "Local / municipal" in t
    assert "01 May 2027" in t  # review by
    assert soup.select_one(".hub-recommendations strong").get_text() == "primary care"
    ref = soup.select_one(".hub-references li")
    assert "Declaration of Astana" in ref.get_text()
    assert ref.select_one("a")["href"].startswith("https://www.who.int/")


def test_brief_past_review_date_says_so(fixture_site: Path) -> None:
    assert "Due for review" in text(fixture_site, "briefs/beta-brief/index.html")
    assert "Due for review" not in text(fixture_site, "briefs/alpha-brief/index.html")


def test_curriculum_overview_and_prerequisites_both_ways(fixture_site: Path) -> None:
    t = text(fixture_site, "curriculum/index.html")
    assert "1 track, 2 modules, 7 hours" in t
    matrix = page(fixture_site, "curriculum/index.html").select_one(".hub-matrix")
    assert matrix is not None and "Community engagement" in matrix.get_text()
    m201 = page(fixture_site, "curriculum/sm-201/index.html")
    assert m201.select_one("#prerequisites").find_next("a")["href"] == "../sm-101/"
    m101 = text(fixture_site, "curriculum/sm-101/index.html")
    assert "Modules that build on this one (1)" in m101 and "Community diagnosis" in m101
    assert "Lecture" in m101 and "90" in m101 and "Structural violence" in m101


def test_country_and_topic_pages_gather_records(fixture_site: Path) -> None:
    ke = text(fixture_site, "countries/ke/index.html")
    assert "Beta Example Medical University" in ke and "Ben Example" in ke
    assert "Beta brief on community health" in ke and "Foundations of social medicine" in ke
    topic = text(fixture_site, "topics/community-health/index.html")
    assert "Gamma Example Health Collective" in topic and "Beta brief" in topic


def test_home_page_counts_are_live(fixture_site: Path) -> None:
    t = text(fixture_site, "index.html")
    assert "3 partners in 3 countries and 3 WHO regions" in t
    assert "Primary care: the alpha brief" in t  # latest briefs


def test_search_index_has_generated_pages(fixture_site: Path) -> None:
    index = BuiltIndex.read(fixture_site)
    locations = {d["location"] for d in index.pages()}
    assert {"partners/alpha-ministry/", "briefs/alpha-brief/", "curriculum/sm-101/",
            "members/ada-example/", "countries/np/"} <= locations
    partner_text = " ".join(d["text"] for d in index.pages() if d["location"].startswith("partners/alpha"))
    assert "Ministry of health" in partner_text
    assert "partners/alpha-ministry/" in index.pages_with("zebracorn")


def test_record_pages_stay_out_of_the_navigation(fixture_site: Path) -> None:
    nav = page(fixture_site, "index.html").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert any("partners/" in h for h in hrefs)
    assert not any("alpha-ministry" in h for h in hrefs)


def test_edit_links_open_the_real_source_file(fixture_site: Path) -> None:
    def edit(rel: str) -> str:
        return page(fixture_site, rel).select_one("a.md-content__button[href*='/edit/']")["href"]

    assert edit("partners/alpha-ministry/index.html").endswith("/edit/main/partners.yaml")
    assert edit("members/ada-example/index.html").endswith("/edit/main/members.yaml")
    assert edit("curriculum/sm-101/index.html").endswith("/edit/main/curriculum/modules/sm-101.yaml")
    assert edit("briefs/alpha-brief/index.html").endswith("/edit/main/content/briefs/alpha-brief.md")
    listing = page(fixture_site, "partners/index.html")
    assert listing.select_one("a.md-content__button[href*='/edit/']") is None


# --- edit links: every page, every path real ---------------------------------------------------
EDIT_PREFIX = f"{hub_config().network.repo_url}/edit/main/"
RECORD_SOURCES = {"partners": "partners.yaml", "members": "members.yaml"}


def expected_source(rel: str, hub: Path) -> str | None:
    """The file a reader should land in when editing the page at `rel` (None: no edit link)."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] in RECORD_SOURCES:  # partners/<id>/index.html
        return RECORD_SOURCES[parts[0]]
    if len(parts) == 3 and parts[0] == "curriculum":
        return f"curriculum/modules/{parts[1]}.yaml"
    if len(parts) == 3 and parts[0] in ("briefs", "exchanges"):
        return f"content/{parts[0]}/{parts[1]}.md"
    if parts[0] in ("countries", "topics", "numbers") or (len(parts) == 2 and parts[0] in (
            "partners", "members", "curriculum", "briefs", "exchanges")):
        return None  # generated listings, country / topic pages and the numbers: no single source
    page = "index" if rel == "index.html" else parts[0]
    return f"content/{page}.md"


def test_every_page_edit_link_opens_its_real_source_file(fixture_site: Path) -> None:
    hub = fixture_site.parent
    pages = sorted(p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("index.html"))
    assert len(pages) > 20
    seen = 0
    for rel in pages:
        links = page(fixture_site, rel).select("a.md-content__button[href*='/edit/']")
        want = expected_source(rel, hub)
        if want is None:
            assert links == [], rel
            continue
        assert len(links) == 1, rel
        href = links[0]["href"]
        assert href.startswith(EDIT_PREFIX), (rel, href)
        source = href[len(EDIT_PREFIX):]
        assert source == want, rel
        assert (hub / source).is_file(), (rel, source)
        if rel.split("/")[0] in RECORD_SOURCES:  # the record is really in that file
            assert f"- id: {rel.split('/')[1]}\n" in (hub / source).read_text(encoding="utf-8"), rel
        seen += 1
    assert seen >= 12


def test_partner_directory_counts_read_without_javascript(fixture_site: Path) -> None:
    soup = page(fixture_site, "partners/index.html")
    by_type = " ".join(soup.select_one("#partners-by-type").find_parent("section").get_text(" ").split())
    assert "Ministry of health 1" in by_type and "Medical university 1" in by_type
    by_region = " ".join(soup.select_one("#partners-by-region").find_parent("section").get_text(" ").split())
    assert "South-East Asia Region 1" in by_region and "European Region 1" in by_region


@pytest.mark.sample
def test_reference_authors_ending_in_a_full_stop_get_no_second_one(repo_site: Path) -> None:
    refs = " ".join(page(repo_site, "briefs/community-health-workers/index.html")
                    .select_one(".hub-references").get_text(" ").split())
    assert "et al.." not in refs and "et al. Health policy" in refs
