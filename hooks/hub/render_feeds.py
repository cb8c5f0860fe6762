"""RSS 2.0 and Atom 1.0 feeds of the published briefs, newest first, with their summaries.

`write_rss` / `write_atom` write any list of `FeedItem`s; the exchanges' feeds
(`render_exchange_feeds`) use them too.

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

from .catalog import Catalog
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


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, whatever its record: briefs and exchanges both become these."""

    title: str
    url: str  # absolute
    date: dt.date
    summary: str
    topics: tuple[str, ...]  # topic ids (vocab.TOPICS)
    authors: tuple[str, ...] = ()  # Atom only; RSS's <author> wants an e-mail address


def _updated(items: list[FeedItem], site: FeedSite) -> dt.date:
    """The newest item's date; with no item yet, the build's date (never 1970-01-01)."""
    if items:
        return max(i.date for i in items)
    from .models import today

    return site.built or today()


def _serialise(root: ET.Element) -> bytes:
    for e in root.iter():
        e.text = xml_safe(e.text) if e.text else e.text
        e.attrib.update({k: xml_safe(v) for k, v in e.attrib.items()})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_rss(items: list[FeedItem], site: FeedSite, file: str) -> bytes:
    """The RSS 2.0 feed of `items` (in their order), served at `site.site_url + file`."""
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(rss, "channel")
    ET.SubElement(ch, "title").text = f"{site.title}: {site.section}"
    ET.SubElement(ch, "link").text = site.listing_url
    ET.SubElement(ch, "description").text = site.description
    ET.SubElement(ch, "language").text = site.language
    ET.SubElement(ch, "lastBuildDate").text = rfc822(_updated(items, site))
    ET.SubElement(ch, f"{{{ATOM_NS}}}link", {"href": site.site_url + file, "rel": "self",
                                             "type": "application/rss+xml"})
    for i in items:
        item = ET.SubElement(ch, "item")
        ET.SubElement(item, "title").text = i.title
        ET.SubElement(item, "link").text = i.url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = i.url
        ET.SubElement(item, "pubDate").text = rfc822(i.date)
        ET.SubElement(item, "description").text = i.summary
        for t in i.topics:
            ET.SubElement(item, "category").text = TOPICS[t]
    return _serialise(rss)


def write_atom(items: list[FeedItem], site: FeedSite, file: str) -> bytes:
    """The Atom 1.0 feed of `items` (in their order), served at `site.site_url + file`."""
    ET.register_namespace("", ATOM_NS)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        e = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": site.language})
    el(feed, "id", site.site_url + file)
    el(feed, "title", f"{site.title}: {site.section}")
    el(feed, "subtitle", site.description)
    el(feed, "updated", rfc3339(_updated(items, site)))
    el(feed, "link", href=site.site_url + file, rel="self", type="application/atom+xml")
    el(feed, "link", href=site.listing_url, rel="alternate", type="text/html")
    el(el(feed, "author"), "name", site.title)
    for i in items:
        entry = el(feed, "entry")
        el(entry, "id", i.url)
        el(entry, "title", i.title)
        el(entry, "link", href=i.url, rel="alternate", type="text/html")
        el(entry, "published", rfc3339(i.date))
        el(entry, "updated", rfc3339(i.date))
        for name in i.authors:
            el(el(entry, "author"), "name", name)
        el(entry, "summary", i.summary, type="text")
        for t in i.topics:
            el(entry, "category", term=t, label=TOPICS[t])
    return _serialise(feed)


def _items(cat: Catalog, url_of: Callable[[str], str]) -> list[FeedItem]:
    return [FeedItem(b.front.title, url_of(b.slug), b.front.date, b.front.summary, tuple(b.front.topics),
                     tuple(author_names(cat, b))) for b in cat.published_briefs]


def render_rss(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    return write_rss(_items(cat, url_of), site, RSS_FILE)


def render_atom(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    return write_atom(_items(cat, url_of), site, ATOM_FILE)


def render_both(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> dict[str, bytes]:
    """Both feeds (file name -> content), their entries made once."""
    items = _items(cat, url_of)
    return {RSS_FILE: write_rss(items, site, RSS_FILE), ATOM_FILE: write_atom(items, site, ATOM_FILE)}
