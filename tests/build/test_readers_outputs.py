"""What readers get besides the pages: filters' data, citations, feeds, open data, JSON-LD, map."""

from __future__ import annotations

import csv
import gzip
import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, hub_config, make_hub

pytestmark = pytest.mark.slow
SITE_URL = hub_config().site_url
NAME = hub_config().network.name


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def resolve(site: Path, page_rel: str, href: str) -> Path:
    """The file a relative link of a page points at (directory URLs end in index.html)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() else path


# --- faceted listings -----------------------------------------------------------------------------

@pytest.mark.parametrize("rel, list_id, facets", [
    ("partners/index.html", "partner-list", ["type", "country", "region", "income", "focus"]),
    ("briefs/index.html", "brief-list", ["topic", "country", "tier", "year", "sdg"]),
    ("curriculum/index.html", "module-tracks", ["track", "competency", "level", "duration"]),
    ("members/index.html", "member-list", ["country", "profession", "interests"]),
])
def test_listings_carry_facets_and_an_accessible_form(fixture_site: Path, rel: str, list_id: str,
                                                      facets: list[str]) -> None:
    s = soup(fixture_site, rel)
    form = s.select_one(f"form[data-hub-filter='{list_id}']")
    assert form is not None and form.has_attr("hidden")  # shown by the script only
    assert [fs["data-facet"] for fs in form.select("fieldset[data-facet]")] == facets
    for fs in form.select("fieldset"):
        assert fs.select_one("legend").get_text(strip=True)
        for box in fs.select("input[type=checkbox]"):
            assert box.find_parent("label") is not None  # every control has a label
    for control in form.select("input[type=search], select"):
        assert s.select_one(f"label[for='{control['id']}']") is not None
    assert form.select_one("[aria-live=polite]") is not None
    items = s.select(f"#{list_id} [data-hub-item]")
    assert items, "the full list is in the HTML"
    for item in items:
        for f in facets:
            assert item.has_attr(f"data-{f}"), (f, item)
    src = [sc["src"] for sc in s.select("script[src]") if "filters" in sc["src"]]
    assert len(src) == 1 and resolve(fixture_site, rel, src[0]).is_file()


def test_partner_items_hold_their_values(fixture_site: Path) -> None:
    item = soup(fixture_site, "partners/index.html").select_one(
        "#partner-list [data-hub-item]:has(a[href*='gamma-ngo'])")
    assert item["data-country"] == "NO" and item["data-region"] == "EUR"
    assert item["data-type"] == "ngo" and item["data-focus"] == "community-health"
    assert item["data-income"] == "HIC"


def test_facet_counts_are_in_the_html(fixture_site: Path) -> None:
    form = soup(fixture_site, "briefs/index.html").select_one("form[data-hub-filter]")
    label = form.select_one("input[name=year][value='2024']").find_parent("label")
    assert " ".join(label.get_text(" ").split()) == "2024 (1)"


def test_filter_script_is_small(fixture_site: Path) -> None:
    assert (fixture_site / "assets" / "filters.js").stat().st_size < 10_000


def test_briefs_listing_shows_due_for_review(fixture_site: Path) -> None:
    s = soup(fixture_site, "briefs/index.html")
    beta = s.select_one("#brief-list li:has(a[href*='beta-brief'])")
    alpha = s.select_one("#brief-list li:has(a[href*='alpha-brief'])")
    assert "Due for review" in beta.get_text() and "Due for review" not in alpha.get_text()


def test_validate_warns_about_briefs_due_for_review(tmp_path: Path) -> None:
    from conftest import run_hub

    hub = make_hub(tmp_path / "hub")
    result = run_hub("validate", cwd=hub)
    assert result.returncode == 0
    assert "beta-brief.md" in result.stderr and "due for review" in result.stderr
    assert "alpha-brief.md" not in result.stderr


# --- citations ------------------------------------------------------------------------------------

def test_brief_offers_citation_files_and_apa(fixture_site: Path) -> None:
    rel = "briefs/alpha-brief/index.html"
    s = soup(fixture_site, rel)
    cite = s.select_one("section.hub-cite")
    assert " ".join(cite.select_one(".hub-cite__apa").get_text(" ").split()) == (
        "Example, A., & Author, O. (2025, May 1). Primary care: the alpha brief [Policy brief]. "
        f"{NAME}. {SITE_URL}briefs/alpha-brief/")
    links = {a.get_text(): a["href"] for a in cite.select(".hub-cite__files a")}
    assert set(links) == {"BibTeX", "RIS", "CSL-JSON"}
    assert resolve(fixture_site, rel, links["BibTeX"]).read_text().startswith("@techreport{alpha-brief,")
    assert resolve(fixture_site, rel, links["RIS"]).read_text().startswith("TY  - RPRT")
    assert json.loads(resolve(fixture_site, rel, links["CSL-JSON"]).read_text())[0]["id"] == "alpha-brief"
    assert not (fixture_site / "briefs" / "gamma-draft").exists()


def test_brief_has_google_scholar_meta_tags(fixture_site: Path) -> None:
    head = soup(fixture_site, "briefs/alpha-brief/index.html").head
    meta = [(m["name"], m["content"]) for m in head.select("meta[name^=citation_]")]
    assert ("citation_title", "Primary care: the alpha brief") in meta
    assert [v for k, v in meta if k == "citation_author"] == ["Ada Example", "Outside Author"]
    assert ("citation_publication_date", "2025/05/01") in meta
    assert ("citation_technical_report_institution", NAME) in meta
    assert not [k for k, _ in meta if k == "citation_doi"]  # the fixture brief has no DOI


# --- feeds ------------------------------------------------------------------------------------------

def test_feeds_are_linked_from_every_page_and_parse(fixture_site: Path) -> None:
    pages = [p for p in fixture_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 15
    for path in pages:
        rel = path.relative_to(fixture_site).as_posix()
        links = soup(fixture_site, rel).head.select("link[rel=alternate]")
        types = {link["type"]: link["href"] for link in links}
        assert set(types) == {"application/rss+xml", "application/atom+xml"}, rel
        for href in types.values():
            assert resolve(fixture_site, rel, href).is_file(), (rel, href)
            # Material fetches sitemap.xml next to each alternate link: it must be there
            sitemap = posixpath.join(posixpath.dirname(href), "sitemap.xml")
            assert resolve(fixture_site, rel, sitemap).is_file(), (rel, sitemap)
    rss = ET.parse(fixture_site / "briefs.rss.xml").getroot()
    links = [i.findtext("link") for i in rss.iter("item")]
    assert links == [f"{SITE_URL}briefs/alpha-brief/", f"{SITE_URL}briefs/beta-brief/"]
    atom = ET.parse(fixture_site / "briefs.atom.xml").getroot()
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"


# --- open data --------------------------------------------------------------------------------------

def test_open_data_files_and_page(fixture_site: Path) -> None:
    for name in ("partners", "members", "briefs", "tracks", "modules"):
        json.loads((fixture_site / "data" / f"{name}.json").read_text())
        with (fixture_site / "data" / f"{name}.csv").open(newline="") as fh:
            assert list(csv.DictReader(fh))
    for schema in ("partners", "members", "tracks", "module", "brief"):
        assert (fixture_site / "data" / "schemas" / f"{schema}.schema.json").is_file()
    members = json.loads((fixture_site / "data" / "members.json").read_text())
    assert {m["id"] for m in members} == {"ada-example", "ben-example"}
    s = soup(fixture_site, "data/index.html")
    text = " ".join(s.get_text(" ").split())
    assert hub_config().network.licence.name in text and "how to cite" in text.lower()
    assert "| `" not in text and s.select("table code")  # the field tables rendered
    for a in s.select(".md-content a[href]"):
        if not a["href"].startswith(("http", "#")):
            assert resolve(fixture_site, "data/index.html", a["href"]).is_file(), a["href"]
    nav = [a.get_text(strip=True) for a in soup(fixture_site, "index.html").select("nav.md-nav--primary a")]
    assert "Data" in nav


# --- JSON-LD ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel, kind", [
    ("partners/alpha-ministry/index.html", "Organization"),
    ("briefs/alpha-brief/index.html", "Report"),
    ("curriculum/sm-101/index.html", "Course"),
    ("members/ada-example/index.html", "Person"),
])
def test_record_pages_have_json_ld(fixture_site: Path, rel: str, kind: str) -> None:
    s = soup(fixture_site, rel)
    blocks = s.select("script[type='application/ld+json']")
    assert len(blocks) == 1
    raw = blocks[0].string or ""
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["@type"] == kind and data["url"] == SITE_URL + rel.removesuffix("index.html")
    inline = [sc for sc in s.select("script:not([src])") if sc.get("type") != "application/ld+json"]
    assert all("filters" not in (sc.string or "") for sc in inline)


def test_record_pages_stay_light(fixture_site: Path) -> None:
    for rel in ("partners/alpha-ministry/index.html", "briefs/alpha-brief/index.html",
                "curriculum/sm-101/index.html", "members/ada-example/index.html"):
        assert len(gzip.compress((fixture_site / rel).read_bytes())) <= 15 * 1024, rel


# --- map ----------------------------------------------------------------------------------------------

def test_partner_map_links_countries(fixture_site: Path) -> None:
    s = soup(fixture_site, "partners/index.html")
    svg = s.select_one("figure.hub-map svg")
    assert svg is not None and svg.get("viewbox", "").startswith("0 0 ")
    links = {a["href"] for a in svg.select("a[href]")}
    assert links == {"../countries/ke/", "../countries/np/", "../countries/no/"}
    assert s.select_one("#partners-by-country a[href='../countries/np/']") is not None  # text alternative
    assert not s.select("img[src*='tile'], [src^='http']")
    np = svg.select_one("a[href='../countries/np/']")
    assert np["aria-label"] == "Nepal: 1 partner" and np.select_one("title").get_text() == "Nepal: 1 partner"


def test_countries_map_shows_every_country_of_the_records(fixture_site: Path) -> None:
    s = soup(fixture_site, "countries/index.html")
    links = {a["href"]: a["aria-label"] for a in s.select("figure.hub-map svg a[href]")}
    assert set(links) == {"ke/", "np/", "no/"}
    assert links["ke/"] == "Kenya: 1 partner, 1 member, 1 brief, 1 module"
    assert s.select_one("figure.hub-map figcaption a[href='#countries-by-region']") is not None
    assert s.select_one("#countries-by-region a[href='ke/']") is not None


# --- without directory URLs (the offline zip) --------------------------------------------------------

def test_links_work_without_directory_urls_and_a_doi_is_cited(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    brief = hub / "content" / "briefs" / "alpha-brief.md"
    brief.write_text(brief.read_text().replace(
        "review_by: 2027-05-01", 'review_by: 2027-05-01\ndoi: "10.5555/hub.alpha"'))
    result = build_site(hub, "--no-directory-urls")
    assert result.returncode == 0, result.stderr
    site = hub / "site"
    s = soup(site, "briefs/alpha-brief.html")
    for a in s.select(".hub-cite__files a"):
        assert resolve(site, "briefs/alpha-brief.html", a["href"]).is_file(), a["href"]
    for link in s.head.select("link[rel=alternate]"):
        assert resolve(site, "briefs/alpha-brief.html", link["href"]).is_file()
    rss = (site / "briefs.rss.xml").read_text()
    assert f"{SITE_URL}briefs/alpha-brief.html" in rss
    item = soup(site, "partners/index.html").select_one("#partner-list a[href*='alpha']")
    assert item["href"] == "alpha-ministry.html"
    # the brief's DOI: meta tag, link, and in every citation format
    assert s.head.select_one("meta[name=citation_doi]")["content"] == "10.5555/hub.alpha"
    assert s.select_one(".hub-cite a[href='https://doi.org/10.5555/hub.alpha']") is not None
    assert "https://doi.org/10.5555/hub.alpha" in s.select_one(".hub-cite__apa").get_text()
    cite = site / "briefs" / "alpha-brief"
    assert "  doi = {10.5555/hub.alpha}" in (cite / "cite.bib").read_text()
    assert b"DO  - 10.5555/hub.alpha\r\n" in (cite / "cite.ris").read_bytes()
    assert json.loads((cite / "cite.json").read_text())[0]["DOI"] == "10.5555/hub.alpha"
    data = json.loads(s.select_one("script[type='application/ld+json']").string)
    assert data["sameAs"] == ["https://doi.org/10.5555/hub.alpha"]


@pytest.mark.sample
def test_the_repository_content_stays_light_and_mapped(repo_site: Path) -> None:
    """The real sample content: record pages within budget, every partner country on the map."""
    pages = [p for folder in ("partners", "members", "briefs", "curriculum")
             for p in (repo_site / folder).glob("*/index.html")]
    assert len(pages) > 30
    for path in pages:
        assert len(gzip.compress(path.read_bytes())) <= 15 * 1024, path
    partners = json.loads((repo_site / "data" / "partners.json").read_text())
    s = soup(repo_site, "partners/index.html")
    mapped = {p["data-country"] for p in s.select("figure.hub-map path[data-country]")}
    assert {p["country"] for p in partners} == mapped  # all 12 sample countries are on a 1:110m map
    assert len(gzip.compress((repo_site / "partners" / "index.html").read_bytes())) < 40_000
