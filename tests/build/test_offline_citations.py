"""A reader of the offline copy cites a brief: the APA line, cite.bib, RIS, CSL-JSON, the
page's JSON-LD and the feeds give the hosted address, and that address is a page of the
hosted build (`briefs/<id>/`, never `briefs/<id>.html`). Every offline page says which copy
it is in its footer."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import hub_config

pytestmark = pytest.mark.slow

SITE_URL = hub_config().site_url  # the fixture network's address (its hub.yml)
BRIEFS = ["alpha-brief", "beta-brief"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolves(hosted_site: Path, url: str) -> bool:
    """Whether `url` on the hosted site is a page of the hosted build (as a web server serves it)."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    return (hosted_site / path / "index.html").is_file() if path.endswith("/") or not path \
        else (hosted_site / path).is_file()


def cited_urls(site: Path, slug: str, page: str) -> dict[str, str]:
    """Where each citation format of one brief points."""
    doc = soup(site / page)
    folder = site / "briefs" / slug
    bib = (folder / "cite.bib").read_text(encoding="utf-8")
    ris = (folder / "cite.ris").read_text(encoding="utf-8")
    (csl,) = json.loads((folder / "cite.json").read_text(encoding="utf-8"))
    (ld,) = [json.loads(s.string) for s in doc.select('script[type="application/ld+json"]')]
    return {
        "APA line": doc.select_one(".hub-cite__apa a")["href"],
        "cite.bib": re.search(r"url = \{([^}]*)\}", bib).group(1),
        "cite.ris": re.search(r"^UR  - (.*?)\r?$", ris, re.M).group(1),
        "cite.json": csl["URL"],
        "JSON-LD @id": ld["@id"],
        "JSON-LD url": ld["url"],
        "canonical": doc.select_one('link[rel="canonical"]')["href"],
    }


@pytest.mark.parametrize("slug", BRIEFS)
def test_offline_citations_give_the_hosted_address(offline_build, fixture_site: Path, slug: str) -> None:
    site, _ = offline_build
    urls = cited_urls(site, slug, f"briefs/{slug}.html")
    assert set(urls.values()) == {f"{SITE_URL}briefs/{slug}/"}, urls
    assert resolves(fixture_site, f"{SITE_URL}briefs/{slug}/")
    # the hosted build says the same
    assert cited_urls(fixture_site, slug, f"briefs/{slug}/index.html") == urls


def test_offline_feeds_and_record_json_ld_give_hosted_addresses(offline_build, fixture_site: Path) -> None:
    site, _ = offline_build
    feed = (site / "briefs.rss.xml").read_text(encoding="utf-8")
    links = re.findall(r"<link>([^<]*)</link>", feed)
    assert links and all(resolves(fixture_site, u) for u in links), links
    for rel in ("partners/alpha-ministry.html", "members/ada-example.html", "curriculum/sm-101.html"):
        (ld,) = [json.loads(s.string) for s in soup(site / rel).select('script[type="application/ld+json"]')]
        assert ld["url"] == SITE_URL + rel.removesuffix(".html") + "/" and resolves(fixture_site, ld["url"])


def test_offline_pages_say_which_copy_they_are(offline_build, fixture_site: Path) -> None:
    site, _ = offline_build
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        stamp = soup(page).select_one("footer .hub-offline-stamp")
        assert stamp is not None, page
        words = " ".join(stamp.get_text(" ").split())
        assert words.startswith("Offline copy, version test, built 2025-12-02."), (page, words)
        assert stamp.a["href"] == SITE_URL
    assert soup(fixture_site / "index.html").select_one(".hub-offline-stamp") is None  # hosted: none
