"""RSS 2.0 and Atom 1.0 feeds of the published briefs, newest first, with their summaries.

Built with `xml.etree` so that every value is escaped by the serialiser; characters that XML 1.0
cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD
before serialising, so a value that slipped past validation can never make a feed unreadable
(`xml_safe`, also used for the sitemap by hooks/outputs.py). Dates are those of
the briefs (midnight UTC), so the feeds are reproducible: a rebuild changes nothing unless a
brief changed. Links are absolute (site_url), as both specifications require.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import format_datetime

from .catalog import BriefRecord, Catalog
from .render_citations import author_names
from .vocab import TOPICS

ATOM_NS = "http://www.w3.org/2005/Atom"
# At the site root. Material 9.x fetches `sitemap.xml` relative to every <link rel="alternate">
# it finds (for its language selector; mkdocs-material#8576): the feed links therefore sit in a
# <noscript> (overrides/partials/head-links.html), which scripts never read as elements.
RSS_FILE = "briefs.rss.xml"
ATOM_FILE = "briefs.atom.xml"


# Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
# | [#x10000-#x10FFFF].
NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` with every character that XML 1.0 forbids replaced by U+FFFD."""
    return NOT_XML_CHAR.sub("\ufffd", text)


@dataclass(frozen=True)
class FeedSite:
    title: str
    description: str
    site_url: str  # absolute, ends with "/"
    listing_url: str  # absolute URL of the briefs listing
    language: str = "en"
    section: str = "Briefs"  # the title of the briefs section (hub.yml)
    built: dt.date | None = None  # the build's date: the feed's date while it has no entry


def _midnight(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def rfc822(d: dt.date) -> str:
    return format_datetime(_midnight(d))  # 'Thu, 01 May 2025 00:00:00 +0000'


def rfc3339(d: dt.date) -> str:
    return _midnight(d).strftime("%Y-%m-%dT%H:%M:%SZ")


def _updated(briefs: list[BriefRecord], site: FeedSite) -> dt.date:
    """The newest brief's date; with no brief yet, the build's date (never 1970-01-01)."""
    if briefs:
        return max(b.front.date for b in briefs)
    from .models import today

    return site.built or today()


def _serialise(root: ET.Element) -> bytes:
    for e in root.iter():
        e.text = xml_safe(e.text) if e.text else e.text
        e.attrib.update({k: xml_safe(v) for k, v in e.attrib.items()})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def render_rss(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    briefs = cat.published_briefs
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(rss, "channel")
    ET.SubElement(ch, "title").text = f"{site.title}: {site.section}"
    ET.SubElement(ch, "link").text = site.listing_url
    ET.SubElement(ch, "description").text = site.description
    ET.SubElement(ch, "language").text = site.language
    ET.SubElement(ch, "lastBuildDate").text = rfc822(_updated(briefs, site))
    ET.SubElement(ch, f"{{{ATOM_NS}}}link", {"href": site.site_url + RSS_FILE, "rel": "self",
                                             "type": "application/rss+xml"})
    for b in briefs:
        url = url_of(b.slug)
        item = ET.SubElement(ch, "item")
        ET.SubElement(item, "title").text = b.front.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(item, "pubDate").text = rfc822(b.front.date)
        ET.SubElement(item, "description").text = b.front.summary
        for t in b.front.topics:
            ET.SubElement(item, "category").text = TOPICS[t]
    return _serialise(rss)


def render_atom(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    briefs = cat.published_briefs
    ET.register_namespace("", ATOM_NS)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        e = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": site.language})
    el(feed, "id", site.site_url + ATOM_FILE)
    el(feed, "title", f"{site.title}: {site.section}")
    el(feed, "subtitle", site.description)
    el(feed, "updated", rfc3339(_updated(briefs, site)))
    el(feed, "link", href=site.site_url + ATOM_FILE, rel="self", type="application/atom+xml")
    el(feed, "link", href=site.listing_url, rel="alternate", type="text/html")
    el(el(feed, "author"), "name", site.title)
    for b in briefs:
        url = url_of(b.slug)
        entry = el(feed, "entry")
        el(entry, "id", url)
        el(entry, "title", b.front.title)
        el(entry, "link", href=url, rel="alternate", type="text/html")
        el(entry, "published", rfc3339(b.front.date))
        el(entry, "updated", rfc3339(b.front.date))
        for name in author_names(cat, b):
            el(el(entry, "author"), "name", name)
        el(entry, "summary", b.front.summary, type="text")
        for t in b.front.topics:
            el(entry, "category", term=t, label=TOPICS[t])
    return _serialise(feed)
