"""RSS 2.0 and Atom feeds of the published briefs: well-formed, complete, absolute, newest first."""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from hub.catalog import Catalog
from hub.render_feeds import ATOM_FILE, RSS_FILE, FeedSite, render_atom, render_rss, rfc822, rfc3339
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
A = "{http://www.w3.org/2005/Atom}"
SITE = FeedSite("Example Hub", "Briefs & more", "https://hub.example.org/",
                "https://hub.example.org/briefs/")


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


def url_of(slug: str) -> str:
    return f"https://hub.example.org/briefs/{slug}/"


def test_rss_has_required_elements_newest_first() -> None:
    root = ET.fromstring(render_rss(catalog(), SITE, url_of))
    assert root.tag == "rss" and root.get("version") == "2.0"
    ch = root.find("channel")
    assert ch is not None
    for tag in ("title", "link", "description"):  # required by RSS 2.0
        assert (ch.findtext(tag) or "").strip(), tag
    assert ch.findtext("description") == "Briefs & more"
    self_link = ch.find(f"{A}link")
    assert self_link is not None and self_link.get("rel") == "self"
    assert self_link.get("href") == "https://hub.example.org/" + RSS_FILE
    items = ch.findall("item")
    assert [i.findtext("title") for i in items] == ["Primary care: the alpha brief",
                                                    "Beta brief on community health"]
    first = items[0]
    assert first.findtext("link") == url_of("alpha-brief") == first.findtext("guid")
    assert first.findtext("description") == "Primary care reform works when it is funded."
    assert "gamma-draft" not in ET.tostring(root, encoding="unicode")  # drafts never


def test_rss_dates_are_rfc_822() -> None:
    ch = ET.fromstring(render_rss(catalog(), SITE, url_of)).find("channel")
    assert ch is not None
    dates = [i.findtext("pubDate") or "" for i in ch.findall("item")]
    assert dates[0] == "Thu, 01 May 2025 00:00:00 +0000"
    for d in dates + [ch.findtext("lastBuildDate") or ""]:
        assert email.utils.parsedate_to_datetime(d).tzinfo is not None
    assert rfc822(dt.date(2024, 2, 1)) == "Thu, 01 Feb 2024 00:00:00 +0000"


def test_atom_has_required_elements_and_rfc_3339_dates() -> None:
    root = ET.fromstring(render_atom(catalog(), SITE, url_of))
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert root.findtext(f"{A}{tag}"), tag
    assert root.findtext(f"{A}updated") == "2025-05-01T00:00:00Z"  # the newest brief
    rels = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert rels["self"] == "https://hub.example.org/" + ATOM_FILE
    assert rels["alternate"] == "https://hub.example.org/briefs/"
    entries = root.findall(f"{A}entry")
    assert len(entries) == 2
    for e in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert e.findtext(f"{A}{tag}"), tag
        link = e.find(f"{A}link")
        assert link is not None and link.get("href", "").startswith("https://hub.example.org/briefs/")
        dt.datetime.fromisoformat(e.findtext(f"{A}updated") or "")  # parses as RFC 3339
        assert e.findall(f"{A}author/{A}name")
    names = [n.text for n in entries[0].findall(f"{A}author/{A}name")]
    assert names == ["Ada Example", "Outside Author"]
    assert rfc3339(dt.date(2024, 2, 1)) == "2024-02-01T00:00:00Z"


def test_feeds_escape_markup_in_values() -> None:
    site = FeedSite("Hub <b>&</b>", "x", "https://hub.example.org/", "https://hub.example.org/briefs/")
    for render in (render_rss, render_atom):
        raw = render(catalog(), site, url_of)
        assert b"<b>" not in raw and b"&lt;b&gt;&amp;" in raw
        ET.fromstring(raw)
