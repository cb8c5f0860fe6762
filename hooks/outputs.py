"""MkDocs hook: the hub's machine-readable outputs and the helpers their templates use.

Adds, as generated static files (so `mkdocs serve`, the build and the offline zip all carry
them): the open data set under `data/`, the RSS and Atom feeds at the site root, and each
brief's citation files next to its page (`briefs/<slug>/cite.bib|.ris|.json`). The content
is computed by the data layer (`hub.export_data`, `hub.render_feeds`, `hub.render_citations`,
`hub.jsonld`, `hub.render_map`); this file only wires it up. It runs after `hooks/site.py`,
which validated the records and left the catalog in `config["hub_catalog"]`.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files

from hub import config as hub_config
from hub import facets, jsonld
from hub import render_exchange_feeds as exchange_feeds
from hub.export_data import data_files
from hub.hosted_urls import hosted_url
from hub.i18n import join_units, ngettext
from hub.render_citations import apa_parts, author_names, citation, render_bibtex, render_csl_json, render_ris
from hub.render_exchange_feeds import ATOM_FILE as EXCHANGES_ATOM
from hub.render_exchange_feeds import RSS_FILE as EXCHANGES_RSS
from hub.render_exchange_map import exchange_map
from hub.render_feeds import ATOM_FILE, RSS_FILE, FeedSite, xml_safe
from hub.render_feeds import render_both as render_feeds
from hub.render_map import highlight_map

CITE_FORMATS = {"bib": ("BibTeX", render_bibtex), "ris": ("RIS", render_ris),
                "json": ("CSL-JSON", render_csl_json)}
STATE: dict = {}


def _site_url(config) -> str:
    return (config.site_url or hub_config.active().site_url).rstrip("/") + "/"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_files(files: Files, config):
    cat = config["hub_catalog"]
    base, offline = _site_url(config), _offline(config)
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    # Addresses readers keep (citations, feeds, JSON-LD): the hosted site's, also in the offline copy
    hosted = {src: hosted_url(base, url, offline) for src, url in urls.items()}
    brief_url = {b.slug: hosted[f"briefs/{b.slug}.md"] for b in cat.published_briefs}
    STATE.update(catalog=cat, base=base, brief_url=brief_url, urls=urls, hosted=hosted)

    out: dict[str, str | bytes] = dict(data_files(cat))
    cfg = hub_config.active()
    if cfg.enabled("briefs"):  # no briefs section, no feeds
        site = FeedSite(config.site_name, config.site_description or "", base,
                        hosted["briefs/index.md"], config.theme.get("language") or "en",
                        cfg.section("briefs").title)
        out.update(render_feeds(cat, site, brief_url.__getitem__))
    if cfg.enabled("exchanges"):
        ex_url = {e.slug: hosted[f"exchanges/{e.slug}.md"] for e in cat.exchanges_in_order}
        site = FeedSite(config.site_name, cfg.section("exchanges").description, base,
                        hosted["exchanges/index.md"], config.theme.get("language") or "en",
                        cfg.section("exchanges").title)
        out.update(exchange_feeds.render_both(cat, site, ex_url.__getitem__))
    for b in cat.published_briefs:
        c = citation(cat, b, config.site_name, brief_url[b.slug])
        for ext, (_, render) in CITE_FORMATS.items():
            out[f"briefs/{b.slug}/cite.{ext}"] = render(c)
    for path, content in out.items():
        data = content.encode("utf-8") if isinstance(content, str) else content  # what MkDocs writes
        files.append(_Generated.generated(config, path, content=data))
    return files


class _Generated(File):
    """A generated file (open data, feed, citation), written as MkDocs writes it, for less:
    the bytes at once, its folder made only when missing (MkDocs makes the folder of every
    file it copies, then opens a text writer). Thousands of such files at 10,000 records."""

    def copy_file(self, dirty: bool = False) -> None:
        content = self._content
        if not isinstance(content, bytes):
            return super().copy_file(dirty)
        path = self.abs_dest_path
        try:
            out = open(path, "wb")  # noqa: SIM115 (closed below, whichever open succeeded)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            out = open(path, "wb")  # noqa: SIM115
        with out:
            out.write(content)


def _cite(record, page) -> dict:
    """What the brief template shows: the APA parts and the citation files (site paths)."""
    url = STATE["brief_url"].get(record.slug) or STATE["base"] + page.url  # a draft (preview only)
    c = citation(STATE["catalog"], record, STATE["site_name"], url)
    return {"apa": apa_parts(c), "files": [(label, f"briefs/{record.slug}/cite.{ext}")
                                           for ext, (label, _) in CITE_FORMATS.items()]}


def _jsonld(kind: str, record, page) -> str:
    cat, base = STATE["catalog"], STATE["base"]
    url = STATE["hosted"].get(page.file.src_uri) or STATE["base"] + page.url  # a draft (preview only)
    if kind == "partner":
        data = jsonld.organization(record, url)
    elif kind == "brief":
        data = jsonld.report(cat, record, url, STATE["site_name"], base)
    elif kind == "module":
        data = jsonld.course(record, url, cat.tracks[record.track].title, STATE["site_name"], base)
    elif kind == "member":
        data = jsonld.person(cat, record, url)
    elif kind == "exchange":
        data = jsonld.project(cat, record, url)
    else:
        raise KeyError(kind)
    return jsonld.dumps_for_script(data)


NOUNS = {  # the map's labels: "2 partners, 1 member"
    "partners": lambda n: ngettext("%(num)s partner", "%(num)s partners", n),
    "members": lambda n: ngettext("%(num)s member", "%(num)s members", n),
    "briefs": lambda n: ngettext("%(num)s brief", "%(num)s briefs", n),
    "modules": lambda n: ngettext("%(num)s module", "%(num)s modules", n),
}


def _map(kind: str = "partners"):
    """The map of a listing and each highlighted country's label (its link's accessible name)."""
    cat = STATE["catalog"]
    if kind == "partners":
        m = highlight_map({p.country for p in cat.partners.values()})
        labels = {s.code: ngettext("%(num)s partner", "%(num)s partners", cat.by_country[s.code]["partners"])
                  for s in m.highlighted}
    else:  # every country the records concern
        m = highlight_map(set(cat.by_country))
        on = hub_config.active().enabled
        kinds = [k for k, section in (("partners", "partners"), ("members", "members"), ("briefs", "briefs"),
                                      ("modules", "curriculum")) if on(section)]
        labels = {s.code: join_units([NOUNS[k](cat.by_country[s.code][k]) for k in kinds])
                  for s in m.highlighted}
    return m, labels


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The theme's XML (MkDocs' sitemap.xml, and its .gz) never carries a character that XML
    1.0 forbids: a page address with a control character would make the whole file unreadable."""
    return xml_safe(output_content) if template_name.endswith(".xml") else output_content


def on_env(env, config, files):
    STATE["site_name"] = config.site_name
    cat = config["hub_catalog"]
    feeds = {"rss": RSS_FILE, "atom": ATOM_FILE} if hub_config.active().enabled("briefs") else {}
    exchange_feeds = ({"rss": EXCHANGES_RSS, "atom": EXCHANGES_ATOM}
                      if hub_config.active().enabled("exchanges") else {})
    env.globals.update(hub_exchange_feeds=exchange_feeds, hub_exchange_map=lambda: exchange_map(cat),
        hub_cite=_cite, hub_jsonld=_jsonld, hub_map=_map, hub_feeds=feeds,
        hub_facets=lambda kind, records: facets.facets(cat, kind, list(records)),
        hub_item_facets=lambda kind, record: facets.item_values(cat, kind, record),
        hub_sort_keys=facets.sort_keys, hub_sorts=facets.SORTS,
        hub_author_names=lambda brief: author_names(cat, brief))
    return env
