"""MkDocs hook: one build per language (`hub.build` runs them: `make build`).

The language of a build is `HUB_LANG` (default: the source language, network.language of
hub.yml); it becomes `config.theme.language`, which Material's interface, the hub's interface
catalogue and the search's stemmer follow. A build in another language is written to
`<site>/<lang>/` and its address is `<site_url><lang>/`. `HUB_LANGUAGES` (set by the
orchestrator) lists the languages built together: only those get a switcher link and sitemap
alternates, so a plain `mkdocs build` makes a consistent one-language site.

In a build of another language: translation files are never pages (exclude_docs); the catalogue
is the localised one (`hooks/site.py`, `hub.localize`); a hand-written page with a valid
translation is built from it; record and hand-written pages say when their text is the source's
(marked `lang`), outdated or unreviewed (`partials/translation-notice.html`).
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pathspec
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from hub import config as hub_config
from hub import i18n, language_reuse, nav_titles, source_text
from hub.generate_pages import md_text
from hub.localize import language_links, notice, page_markdown
from hub.preview import serving
from hub.source_text import BLOCK_CLOSE, BLOCK_OPEN, SourceText, mark_languages, mark_titles
from hub.translation_status import PAGE_TITLE
from hub.translations import KINDS

STATE: dict = {}
_HEADING_RE = re.compile(r"(?m)^#{1,6}[ \t]+(.+?)(?:[ \t]+\{[^}]*\})?[ \t#]*$")  # a Markdown heading's text


@event_priority(100)  # first: the search plugin's on_config reads the theme's language
def on_config(config):
    cfg, _ = hub_config.load(Path(config.config_file_path).parent)  # mistakes: hooks/site.py
    if cfg is None:
        return config
    languages = cfg.all_languages
    lang = os.environ.get("HUB_LANG") or languages[0]
    if lang not in languages:
        raise PluginError(f"HUB_LANG={lang}: not a language of this hub (hub.yml, languages: "
                          f"{', '.join(languages)})")
    built = [c for c in os.environ.get("HUB_LANGUAGES", lang).split(",") if c in languages] or [lang]
    config.theme["language"] = lang
    nav_titles.translate_palette(config.theme.get("palette"), lang)  # the colour scheme's button
    if not serving():  # `mkdocs serve` serves the one language it builds at its own address
        config["site_url"] = config.site_url or cfg.site_url  # (hooks/network.py keeps it)
        STATE["site_url"] = config.site_url
        if lang != languages[0]:
            config["site_url"] = config.site_url.rstrip("/") + f"/{lang}/"
    else:
        STATE["site_url"] = ""
    root = Path(config.config_file_path).parent
    for code in languages[1:]:  # `make serve`: an edit to a list file's translation rebuilds
        for name in (f"partners.{code}.yaml", f"members.{code}.yaml"):
            if (root / name).exists() and str(root / name) not in config.watch:
                config.watch.append(str(root / name))
    patterns = [f"*.{code}.md" for code in languages[1:]]  # translations are never pages themselves
    extra = pathspec.GitIgnoreSpec.from_lines(patterns)
    config["exclude_docs"] = config["exclude_docs"] + extra if config["exclude_docs"] else extra
    STATE.update(lang=lang, source=languages[0], languages=[c for c in languages if c in built],
                 all=languages,
                 root=os.path.dirname(os.path.abspath(config.config_file_path)))
    source_text.activate(lang != languages[0])
    language_reuse.begin_build(len(STATE["languages"]) > 1 and not serving(),
                               first=lang == STATE["languages"][0])  # `hub build` builds it first
    if language_reuse.active():  # every environment of this build shares compiled templates
        make_env = config.theme.get_env
        config.theme.get_env = lambda: language_reuse.share_templates(make_env())
    if not language_reuse.enabled():  # nothing made in another language's build (the build test)
        from hub.render_markdown import _render

        _render.cache_clear()
    # mkdocs.yml's own navigation titles, read before hooks/network.py names the sections' entries
    STATE.update(nav_titles=set(nav_titles.titles(config.nav)), source_titles=set(), source_headings={})
    return config


def _state(page) -> tuple[str, object] | None:
    """("source" | "translated", translation) of the text a page shows, or None (pages of no
    one record: listings, countries, topics)."""
    states = getattr(STATE.get("catalog"), "text_state", None)
    if states is None:
        return None
    kind = page.meta.get("hub_kind")
    if kind in ("partner", "member", "module", "brief", "exchange"):
        key = (kind, page.meta.get("hub_key"))
    elif kind is None and not page.file.generated_by:
        key = ("page", page.file.src_uri[:-3])
    else:
        return None
    t = states.get(key)
    return ("translated", t) if t is not None else ("source", None)


@event_priority(-110)  # after hooks/trust.py (-100) has checked every file: replaces page sources
def on_files(files: Files, config):
    cat = config.get("hub_catalog")
    STATE["catalog"] = cat
    states = getattr(cat, "text_state", None)
    if states:
        from hub.translations import read_front_matter

        for f in files.documentation_pages():
            key = f.src_uri[:-3]
            t = states.get(("page", key))
            if t is not None and not f.generated_by and f.abs_src_path:
                meta = read_front_matter(Path(f.abs_src_path))
                f.content_string = page_markdown(meta, t)
    if len(STATE["languages"]) > 1:
        files.append(_status_page(config))
        source = getattr(cat, "source", cat)
        key = ("status rows", id(source), tuple(STATE["all"]))  # the same table in every language
        rows = language_reuse.get(key)
        if rows is None:
            rows = _rows(source)
            language_reuse.put(key, rows)
        STATE["rows"] = rows
    return files


def _rows(cat) -> list[dict]:
    """The status page's table: per translation language, each text and its state."""
    from hub.localize import AUTONYMS
    from hub.translation_status import STATES, status

    rows = status(cat, Path(STATE["root"]), STATE["all"])
    out = []
    for code in STATE["all"][1:]:
        mine = [r for r in rows if r.lang == code]
        out.append({"code": code, "name": AUTONYMS.get(code, code), "rows": mine,
                    "counts": {s: sum(r.state == s for r in mine) for s in STATES}})
    return out


def _status_page(config) -> File:
    meta = {"hub_kind": "translations", "template": "hub/translations.html",
            "title": i18n.gettext(PAGE_TITLE)}
    f = File.generated(config, "translations/index.md", content=f"---\n{json.dumps(meta)}\n---\n")
    f.inclusion = InclusionLevel.NOT_IN_NAV
    return f


def _reusing(cls: type) -> type:
    """`cls` whose `render` reuses what an earlier language's build made of the same Markdown
    on the same page (the source text of a record page, wrapped as such, is the same Markdown
    in every other language); anything else is rendered as `cls` renders it."""
    sub = STATE.setdefault("classes", {}).get(cls)
    if sub is not None:
        return sub

    class ReusedRender(cls):  # type: ignore[misc, valid-type]
        def render(self, config, files) -> None:
            key = ("page", self.file.src_uri, self.url, self.markdown)
            hit = language_reuse.get(key)
            if hit is None:
                super().render(config, files)
                links = self.links_to_anchors
                language_reuse.put(key, (
                    self.content, copy.deepcopy(self.toc), self._title_from_render,
                    frozenset(self.present_anchor_ids or ()),
                    None if links is None else {f.src_uri: dict(v) for f, v in links.items()}))
                return
            content, toc, title, anchors, links = hit
            self.content, self._title_from_render = content, title
            self.toc = copy.deepcopy(toc)  # hooks/toc.py adds the template's headings to it
            self.present_anchor_ids = set(anchors)
            if links is not None:  # this build's files: their pages are the ones checked
                self.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in links.items()}

    STATE["classes"][cls] = ReusedRender
    return ReusedRender


@event_priority(-20)  # after hooks/site.py has given each page its class
def on_nav(nav, config, files):
    """The navigation's titles written in mkdocs.yml, in the build's language (hub.nav_titles);
    each page's class reuses an earlier language's rendering of the same Markdown."""
    nav_titles.translate(nav.items, STATE.get("nav_titles", set()))
    if language_reuse.active():
        for f in files.documentation_pages():
            if f.page is not None:
                f.page.__class__ = _reusing(type(f.page))
    return nav


@event_priority(50)  # after hooks/trust.py (100), before the macros plugin
def on_page_markdown(markdown, page, config, files):
    """Source text on a page of another language: its title and body are marked as such. A
    translation of a hand-written page is a contributor's text: no macros run on it."""
    st = _state(page)
    if st and st[0] == "translated" and page.meta.get("hub_kind") is None:
        page.meta["render_macros"] = False  # takes precedence over force_render_paths
        return markdown
    if not st or st[0] != "source":
        return markdown
    kind, title = page.meta.get("hub_kind"), page.meta.get("title")
    if kind is None:  # a hand-written page: its title heading goes inside the marked block
        own_heading = page.meta.get("template") or re.search(r"(?m)^#[ \t]", markdown)  # home.html: its own
        if isinstance(title, str) and not own_heading:
            markdown = f"# {md_text(title)}\n\n{markdown}"
        for key in ("title", "lead"):  # as its own template shows them (the home page's): marked
            if isinstance(page.meta.get(key), str):
                page.meta[key] = SourceText(page.meta[key])
        # its macros write in the language of its text, not French words in English sentences
        # (the interface's language again in on_page_content)
        i18n.use(STATE["source"])
        STATE["speaking_source"] = True
    else:  # its body's headings, in the table of contents (_mark_titles)
        STATE["source_headings"][page.file.src_uri] = {
            h.strip() for h in _HEADING_RE.findall(markdown)}
        if isinstance(title, str) and "title" in KINDS[kind].fields:  # a partner's name is a name
            page.meta["title"] = SourceText(title)
    return f"{BLOCK_OPEN}\n\n{markdown}\n\n{BLOCK_CLOSE}" if markdown.strip() else markdown


@event_priority(-50)  # after hooks/site.py has added a record page's facts
def on_page_content(html, page, config, files):
    if STATE.pop("speaking_source", False):
        i18n.use(STATE["lang"])
    if STATE["lang"] == STATE["source"]:
        return html
    html = mark_languages(html, STATE["source"])
    st = _state(page)
    if st and st[0] == "source" and page.meta.get("hub_kind") is None and "title" not in vars(page):
        STATE["source_titles"].add(str(page.title or ""))  # its own title (not mkdocs.yml's), in the nav
    notices = _notices(page, st)
    if notices:
        env = STATE.get("env") or STATE.setdefault("env", config.theme.get_env())
        html = env.get_template("partials/translation-notice.html").render(
            notices=notices, source=STATE["source"]) + html
    return html


def _notices(page, st) -> list[dict]:
    if not st:
        return []
    lang, source = STATE["lang"], STATE["source"]
    state, t = st
    out = []
    if state == "source":
        out.append({"kind": "source", "text": notice("source", lang, source)})
    else:
        if t.outdated:
            out.append({"kind": "outdated", "text": notice("outdated", lang, source)})
        if not t.reviewed:
            out.append({"kind": "unreviewed", "text": notice("unreviewed", lang, source)})
    if out and STATE["source"] in STATE["languages"]:
        links = _language_links(page)
        original = next(x for x in links if x["code"] == source)
        out[-1]["link"] = {"href": original["href"], "text": notice("original", lang, source)}
    return out


def _language_links(page) -> list[dict]:
    """The page in every language (`language_links`), computed once for the page: its notices
    and the switcher both show them."""
    key = (page.url, STATE["lang"], tuple(STATE["languages"]))
    if STATE.get("links_of") != key:
        STATE["links_of"], STATE["links"] = key, language_links(page.url, STATE["lang"], STATE["languages"])
    return STATE["links"]


def on_env(env, config, files):
    root = (STATE["site_url"] or "").rstrip("/") + "/"
    languages = STATE["languages"]

    def alternates(page) -> list[dict]:
        """The page's address in every language built, and x-default (the source), for the sitemap."""
        if len(languages) < 2 or not STATE["site_url"]:
            return []
        out = [{"code": c, "href": root + ("" if c == languages[0] else f"{c}/") + page.url}
               for c in languages]
        return out + [{"code": "x-default", "href": out[0]["href"]}]

    env.globals["hub_alternates"] = alternates
    return env


@event_priority(-10)  # after hooks/site.py, which sets the edit link of record pages
def on_page_context(context, page, config, nav):
    st = _state(page)
    if st and st[0] == "translated" and page.edit_url and config.repo_url:  # edit the translation
        branch = config.extra.get("edit_branch", "main")
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/{branch}/{st[1].path}"
    if len(STATE["languages"]) > 1:  # rendered once: Material's base.html renders the block twice
        env = STATE.get("env") or STATE.setdefault("env", config.theme.get_env())
        context["hub_language_switcher"] = Markup(env.get_template("partials/languages.html").render(
            hub_language_links=_language_links(page),
            hub_languages_label=notice("languages", STATE["lang"], STATE["source"])))
    if page.meta.get("hub_kind") == "translations":
        from hub.translation_status import KIND_WORDS, STATE_WORDS

        context["hub_translation_rows"] = STATE.get("rows")
        context["hub_translation_words"] = {"kinds": KIND_WORDS, "states": STATE_WORDS}
    return context


@event_priority(90)  # before hooks/csp.py (last), which hashes the page's final scripts
def on_post_page(output, page, config):
    if STATE["lang"] == STATE["source"]:
        return output
    return _mark_titles(mark_languages(output, STATE["source"]), page)


def _mark_titles(output: str, page) -> str:
    """The titles of pages shown in the source language, where the theme shows them (navigation,
    header, footer: `md-ellipsis`), marked `lang` (WCAG 3.1.2); on a page shown in the source
    language, its table of contents too. `<title>` and attributes cannot be marked."""
    titles = set(STATE["source_titles"])
    st = _state(page)
    if st and st[0] == "source" and page.meta.get("hub_kind") is None:  # a hand-written page
        stack = list(page.toc)
        while stack:
            item = stack.pop()
            titles.add(item.title)
            stack.extend(item.children)
    titles |= STATE["source_headings"].get(page.file.src_uri, set())  # a record's body's headings
    if isinstance(page.meta.get("title"), SourceText):  # a record's title (not a partner's name)
        titles.add(str(page.meta["title"]))
    titles = {form for t in titles if t for form in (t, str(escape(t)))}
    return mark_titles(output, titles, STATE["source"])
