"""RSS 2.0 and Atom 1.0 feeds of the exchanges, the latest start first.

Written by the briefs' feed writers (`render_feeds.write_rss` / `write_atom`). An
exchange has no publication date; its entry is dated by its start, or by the build's date while
it is still planned (a feed reader would hide an entry dated in the future), so a rebuild of one
commit changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from .catalog import Catalog
from .exchanges import description
from .render_feeds import FeedItem, FeedSite, write_atom, write_rss

RSS_FILE = "exchanges.rss.xml"  # at the site root, as the briefs' feeds (render_feeds.RSS_FILE)
ATOM_FILE = "exchanges.atom.xml"


def _items(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> list[FeedItem]:
    from .models import today

    built = site.built or today()
    return [FeedItem(e.front.title, url_of(e.slug), min(e.front.start, built), description(e),
                     tuple(e.front.topics)) for e in cat.exchanges_in_order]


def render_rss(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    return write_rss(_items(cat, site, url_of), site, RSS_FILE)


def render_atom(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> bytes:
    return write_atom(_items(cat, site, url_of), site, ATOM_FILE)


def render_both(cat: Catalog, site: FeedSite, url_of: Callable[[str], str]) -> dict[str, bytes]:
    """Both feeds (file name -> content), their entries made once."""
    items = _items(cat, site, url_of)
    return {RSS_FILE: write_rss(items, site, RSS_FILE), ATOM_FILE: write_atom(items, site, ATOM_FILE)}
