"""RSS 2.0 and Atom 1.0 feeds of the exchanges, the latest start first.

Built like the briefs' feeds (`render_feeds`: the same serialiser, escaping and dates). An
exchange has no publication date; its entry is dated by its start, or by the build's date while
it is still planned (a feed reader would hide an entry dated in the future), so a rebuild of one
commit changes nothing.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from .catalog import Catalog
from .exchanges import ExchangeRecord, description
from .render_feeds import ATOM_NS, FeedSite, _serialise, rfc822, rfc3339
from .vocab import TOPICS

RSS_FILE = "exchanges.rss.xml"  # at the site root, as the briefs' feeds (render_feeds.RSS_FILE)
ATOM_FILE = "exchanges.atom.xml"


def _date(e: ExchangeRecord, built: dt.date) -> dt.date:
    return min(e.front.start, built)


def _built(site: FeedSite) -> dt.date:
    from .models import today

    return site.built or today()


def _updated(items: list[ExchangeRecord], site: FeedSite) -> dt.date:
    built = _built(site)
    return max((_date(e, built) for e in items), default=built)


def render_rss(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    items, built = cat.exchanges_in_order, _built(site)
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(rss, "channel")
    ET.SubElement(ch, "title").text = f"{site.title}: {site.section}"
    ET.SubElement(ch, "link").text = site.listing_url
    ET.SubElement(ch, "description").text = site.description
    ET.SubElement(ch, "language").text = site.language
    ET.SubElement(ch, "lastBuildDate").text = rfc822(_updated(items, site))
    ET.SubElement(ch, f"{{{ATOM_NS}}}link", {"href": site.site_url + RSS_FILE, "rel": "self",
                                             "type": "application/rss+xml"})
    for e in items:
        url = url_of(e.slug)
        item = ET.SubElement(ch, "item")
        ET.SubElement(item, "title").text = e.front.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(item, "pubDate").text = rfc822(_date(e, built))
        ET.SubElement(item, "description").text = description(e)
        for t in e.front.topics:
            ET.SubElement(item, "category").text = TOPICS[t]
    return _serialise(rss)


def render_atom(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    items, built = cat.exchanges_in_order, _built(site)
    ET.register_namespace("", ATOM_NS)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        found = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            found.text = text
        return found

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": site.language})
    el(feed, "id", site.site_url + ATOM_FILE)
    el(feed, "title", f"{site.title}: {site.section}")
    el(feed, "subtitle", site.description)
    el(feed, "updated", rfc3339(_updated(items, site)))
    el(feed, "link", href=site.site_url + ATOM_FILE, rel="self", type="application/atom+xml")
    el(feed, "link", href=site.listing_url, rel="alternate", type="text/html")
    el(el(feed, "author"), "name", site.title)
    for e in items:
        url = url_of(e.slug)
        entry = el(feed, "entry")
        el(entry, "id", url)
        el(entry, "title", e.front.title)
        el(entry, "link", href=url, rel="alternate", type="text/html")
        el(entry, "published", rfc3339(_date(e, built)))
        el(entry, "updated", rfc3339(_date(e, built)))
        el(entry, "summary", description(e), type="text")
        for t in e.front.topics:
            el(entry, "category", term=t, label=TOPICS[t])
    return _serialise(feed)
