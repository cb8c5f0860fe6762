"""MkDocs hook: wire the hub's data layer (`hooks/hub/`) into the build.

This file and the other small hooks beside it (`macros.py`, `outputs.py`, `offline.py`,
`csp.py`) are the only code that knows about MkDocs. The events, in build order:
validate the records (stop the build on any error), add the generated pages as in-memory
files, give every page the shared Markdown converter, tell each page which template and
record it shows, and hand the templates the data (and the keys of their cached fragments).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
    get_toc,
)
from mkdocs.utils import get_relative_url

from hub import build_session, preview, vocab
from hub import config as hub_config
from hub.countries import INCOME_EDITION, country
from hub.direction import DIRECTIONS
from hub.exchanges import exchange_meta
from hub.generate_pages import PageSpec, generate_pages, uri
from hub.i18n import install as install_i18n
from hub.i18n import use as use_language
from hub.localize import localized
from hub.models import today
from hub.plain_markdown import heading_shortcut, page_body, page_shortcut
from hub.plural import plural
from hub.preview import serving
from hub.problems import errors, format_report
from hub.render_cache import install as install_fragment_cache
from hub.render_markdown import proven_clean, render_markdown, sanitise_page
from hub.validate_links import validate

log = logging.getLogger("mkdocs.hooks.hub")
STATE: dict = {}
# Set HUB_RENDER_CACHE=off to render every page from scratch (the build test compares both).
RENDER_CACHE = os.environ.get("HUB_RENDER_CACHE", "on").lower() not in ("off", "0", "false", "no")


def on_config(config):
    root = Path(config.config_file_path).parent
    use_language(config.theme.get("language"))  # the build's language, for every message (hub.i18n)
    handed = build_session.take_validation(root)  # `make build` validated them already
    catalog, problems = handed if handed is not None else validate(root, cache=preview.validation_cache())
    if errors(problems):  # the preview shows this in the browser (hooks/serve.py)
        rerun = "save: the preview reloads by itself" if serving() else "run the build again"
        raise PluginError("The records have errors:\n" + format_report(problems, rerun=rerun))
    for p in problems:  # warnings (e.g. briefs due for review): shown on the page, not fatal
        log.info(p.format())
    catalog = localized(catalog, config.theme["language"])  # a language build's text (hooks/languages.py)
    catalog = preview.track(catalog)  # the live preview notes what each page reads (hub.incremental)
    STATE.update(root=root, catalog=catalog, today=today(), specs={}, urls={}, md=None, plain_pages=None,
                 env=None, in_nav=set())
    config["hub_catalog"] = catalog  # for hooks/outputs.py (feeds, citations, open data)
    return config


def _brief_slug(src_uri: str) -> str | None:
    """`briefs/<slug>.md` -> slug; None for pages outside briefs/ and for the listing. A file
    in a sub-folder gets a slug no brief has, so it is dropped like a draft, never published
    unvalidated."""
    if src_uri.startswith("briefs/") and src_uri.endswith(".md") and src_uri != "briefs/index.md":
        return src_uri[len("briefs/"):-len(".md")]
    return None


def _exchange_slug(src_uri: str) -> str | None:
    """`exchanges/<slug>.md` -> slug, as `_brief_slug` does for briefs."""
    if src_uri.startswith("exchanges/") and src_uri.endswith(".md") and src_uri != "exchanges/index.md":
        return src_uri[len("exchanges/"):-len(".md")]
    return None


def on_files(files: Files, config):
    cat = STATE["catalog"]
    for f in list(files):
        ex = _exchange_slug(f.src_uri)
        if ex is not None:  # every valid exchange is published (built from its record: trust.py)
            if ex in cat.exchanges:
                f.inclusion = InclusionLevel.NOT_IN_NAV  # listed by exchanges/index.md
            else:
                files.remove(f)
            continue
        slug = _brief_slug(f.src_uri)
        if slug is not None:
            if slug in cat.briefs and not cat.briefs[slug].published and serving():
                f.inclusion = InclusionLevel.DRAFT  # the preview shows drafts (with a banner)
            elif slug not in cat.briefs or not cat.briefs[slug].published:
                files.remove(f)  # drafts are validated but never published
            else:
                f.inclusion = InclusionLevel.NOT_IN_NAV  # listed by briefs/index.md
    specs: dict[str, PageSpec] = {}
    taken = {f.src_uri for f in files}
    for spec in generate_pages(cat):
        if spec.src_uri in taken:
            raise PluginError(f"content/{spec.src_uri}: this path is generated from the records; "
                              "rename or remove the hand-written file")
        f = File.generated(config, spec.src_uri, content=spec.markdown())
        if spec.key:  # record pages: linked from listings, kept out of the navigation
            f.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(f)
        specs[spec.src_uri] = spec
    STATE["specs"] = specs
    STATE["urls"] = {f.src_uri: f.url for f in files.documentation_pages()}
    return files


class SharedMarkdownPage(Page):
    """MkDocs builds a new `Markdown` converter, with all its extensions, for every page
    (about 1 ms each, a tenth of a record page's build); the hub's pages share one, reset
    between pages (`Markdown.reset()`, which every configured extension supports). The rest
    is MkDocs' own `Page.render`, step for step."""

    def render(self, config, files) -> None:
        if not RENDER_CACHE:
            return super().render(config, files)
        shortcut = STATE.get("plain_pages")
        if shortcut is None:  # once per build: mkdocs.yml's extensions and configs are the checked ones
            prose = page_shortcut(config["markdown_extensions"], config["mdx_configs"])
            shortcut = STATE["plain_pages"] = (prose,
                                               heading_shortcut(config["mdx_configs"]))
        body = page_body(self.markdown or "", headings=shortcut[1]) if shortcut[0] else None
        if body is not None:  # plain prose and headings: the converter's HTML, toc, ids and links
            self.content = body.html
            if body.clean == body.html:  # no heading: clean as it is
                self.hub_plain = body.html
            else:
                proven_clean(body.html, body.clean)  # what sanitise_page gives, without nh3
            self.toc, self._title_from_render = get_toc(body.toc_tokens), None
            self.present_anchor_ids = set(body.ids)
            if log.getEffectiveLevel() > logging.DEBUG:  # the permalinks: links to this page's anchors
                self.links_to_anchors = {self.file: {i: f"#{i}" for i in body.ids}} if body.ids else {}
            return
        md = STATE.get("md")
        if md is None:
            md = STATE["md"] = markdown.Markdown(extensions=config["markdown_extensions"],
                                                 extension_configs=config["mdx_configs"] or {})
        md.reset()
        raw_html, anchors = _RawHTMLPreprocessor(), _ExtractAnchorsTreeprocessor(self.file, files, config)
        relative, title = _RelativePathTreeprocessor(self.file, files, config), _ExtractTitleTreeprocessor()
        for ext in (raw_html, anchors, relative, title):
            ext._register(md)  # same names each time: replaces the previous page's
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative.links_to_anchors


class HubTextPage(SharedMarkdownPage):
    """A page whose Markdown the hub wrote (a generated page, a published brief: `PageText`)
    gets its body and metadata as they were made, not read back from the text by MkDocs (YAML:
    a fifth of such a page's reading). MkDocs reads any other text, one whose reading could
    differ, and any page when a plugin gives the page's source (`on_page_read_source`) or with
    HUB_RENDER_CACHE=off (the build test compares both)."""

    def read_source(self, config) -> None:
        made = getattr(getattr(self.file, "_content", None), "read_back", None)
        if made is None or not RENDER_CACHE or config.plugins.events["page_read_source"]:
            return super().read_source(config)
        self.markdown, self.meta = made[0], dict(made[1])  # the page's own dict: hooks change it


def on_nav(nav, config, files):
    STATE["in_nav"] = {p.file.src_uri for p in nav.pages}
    for f in files.documentation_pages():
        if type(f.page) is Page:  # same object (the nav holds it), one shared converter
            f.page.__class__ = HubTextPage
    return nav


def on_page_markdown(markdown, page, config, files):
    slug = _brief_slug(page.file.src_uri)
    if slug in STATE["catalog"].briefs:
        front = STATE["catalog"].briefs[slug].front  # the validated values, not MkDocs' YAML 1.1 reading
        page.meta.update(template="hub/brief.html", hub_kind="brief", hub_key=slug,
                         title=front.title, description=front.summary)
    ex = _exchange_slug(page.file.src_uri)
    if ex in STATE["catalog"].exchanges:
        page.meta.update(exchange_meta(STATE["catalog"].exchanges[ex]))
    return markdown


def _href_from(page):
    urls = STATE["urls"]

    def href(kind: str, key: str = "", anchor: str = "") -> str:
        target = urls[uri(kind, key)]  # KeyError = a broken link: fail the build loudly
        link = get_relative_url(target, page.url) if page else target
        return link + (f"#{anchor}" if anchor else "")

    return href


def _asset_from(page):
    def href_asset(path: str) -> str:  # a static file under content/
        return get_relative_url(path, page.url)

    return href_asset


def _record(kind: str | None, key: str | None):
    cat = STATE["catalog"]
    tables = {"partner": cat.partners, "member": cat.public_members, "module": cat.modules,
              "brief": cat.briefs, "exchange": cat.exchanges}
    if kind in tables:
        return tables[kind][key]
    if kind == "country":
        return country(key)
    return key


def _globals(env) -> None:
    install_fragment_cache(env, enabled=RENDER_CACHE)
    cfg = hub_config.active()  # the hub's hub.yml: which sections and facts it has
    env.globals.update(hub=STATE["catalog"], vocab=vocab, country=country, today=STATE["today"],
                       income_edition=INCOME_EDITION, hub_config=cfg, hub_on=cfg.enabled,
                       hub_sections=cfg.shown_sections, hub_facts=cfg.shown_facts, hub_directions=DIRECTIONS)
    env.filters["markdown"] = render_markdown
    env.filters["plural"] = plural  # "1 session", "4 sessions"
    install_i18n(env)  # _(), ngettext(), dates and numbers in the build's language (hub.i18n)
    env.tests["hub_on"] = cfg.enabled  # ['briefs', ...] | select('hub_on')
    env.filters["hub_section_title"] = lambda name: cfg.section(name).title
    env.filters["hub_country_name"] = lambda code: country(code).name


def on_page_content(html, page, config, files):
    kind = page.meta.get("hub_kind")
    if kind in ("partner", "member", "module", "brief", "exchange"):
        # Key facts go into the page content, so that the search indexes them with the prose.
        env = STATE.get("env")
        if env is None:  # one environment per build for the facts (on_env's renders the pages)
            env = STATE["env"] = config.theme.get_env()
            _globals(env)
        facts = env.get_template(f"hub/facts/{kind}.html").render(
            record=_record(kind, page.meta.get("hub_key")), href=_href_from(page),
            href_asset=_asset_from(page), page=page, config=config)
        if html == getattr(page, "hub_plain", None):  # made clean by plain_html, unchanged since
            return facts + html
        return facts + sanitise_page(html)  # the body is contributor Markdown: sanitised
    return html


def on_env(env, config, files):
    _globals(env)
    return env


def on_page_context(context, page, config, nav):
    kind = page.meta.get("hub_kind")
    context["href"], context["href_asset"] = _href_from(page), _asset_from(page)
    context["hub_nav_key"] = _nav_key(page, nav)
    if kind:
        context["record"] = _record(kind, page.meta.get("hub_key"))
        spec = STATE["specs"].get(page.file.src_uri)
        if spec is not None:  # generated: edit the record's own file, or nothing (listings)
            page.edit_url = _edit_url(config, spec.source) if spec.source else None
    return context


def _nav_key(page, nav) -> str | None:
    """The folder of a page that is not in the navigation, as the key of its shared sidebar
    (see overrides/main.html); None for nav pages, whose sidebar marks them active."""
    if page.file.src_uri in STATE["in_nav"] or not page.url:
        return None
    if any(p.url.startswith(page.url) for p in nav.pages):  # nav pages below this one: links differ
        return None
    return f"nav:{page.url.rstrip('/').rpartition('/')[0]}/"


def _edit_url(config, path: str) -> str | None:
    repo = (config.repo_url or "").rstrip("/")
    branch = config.extra.get("edit_branch", "main")
    return f"{repo}/edit/{branch}/{path}" if repo else None
