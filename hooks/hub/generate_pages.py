"""Describe the pages generated from the records: where each lives and what it shows.

A `PageSpec` is renderer-neutral: a source path, a title, the template that draws it, which
record it shows, and the Markdown body that the search indexes (the record's own prose). The
MkDocs hook turns each into an in-memory file; a later renderer could do the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from . import config
from .catalog import Catalog
from .countries import country
from .sections import LISTING_PAGES
from .vocab import TOPICS

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")  # Python-Markdown's escapable set


def md_text(text: str) -> str:
    """Plain record text as literal Markdown: `[x](javascript:...)` in a bio stays text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^(\s{0,3})(#{1,5})(?=\s|$)")


def demote_headings(text: str) -> str:
    """Every ATX heading one level lower (`## Tips` -> `### Tips`), outside fenced code: lesson
    notes sit under the page's own "Notes for teachers" heading."""
    out, fence = [], None
    for line in text.splitlines():
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1) == fence):
            fence = m.group(1) if fence is None else None
        elif fence is None:
            line = _ATX.sub(r"\1#\2", line)
        out.append(line)
    return "\n".join(out)


# The text whose JSON escapes YAML reads back as the same text: every character of the Basic
# Multilingual Plane but the surrogates (tests/unit/test_page_text.py tries each one). Any
# other character (written as YAML's `\U` escape by `front_matter`) is left to MkDocs' own
# reading.
_READ_AS_WRITTEN = re.compile("[^\ud800-\udfff\U00010000-\U0010ffff]*")


class PageText(str):
    """A page's Markdown as the hub writes it: its metadata as JSON front matter, then its body.

    `read_back` is what MkDocs reads from it (`mkdocs.utils.meta.get_data`: the metadata by
    YAML, the body without its leading line breaks), known without reading it, or None when
    that reading could differ. A hook hands the page these instead of having MkDocs parse
    the YAML again. Any other text (a hook's edit of it included) is a plain `str`, and read."""

    read_back: tuple[str, dict[str, str]] | None = None


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def front_matter(meta: dict[str, str]) -> str:
    """`meta` as JSON, which is YAML (a flow mapping) and is written about 30x faster than
    yaml.safe_dump (this runs once per record page). ASCII only: a line separator (U+2028,
    U+0085) in a title cannot end a line of the YAML. A character beyond the Basic Multilingual
    Plane (an emoji in a name) is written as YAML's `\\U0001f30d`, not as JSON's pair of
    surrogate escapes, which YAML refuses (MkDocs would then not read the page's data)."""
    text = json.dumps(meta, sort_keys=True)
    if "\\ud" in text:  # perhaps a surrogate pair (or a backslash before "ud"): write it again
        text = _NOT_PLAIN_ASCII.sub(_escape, json.dumps(meta, sort_keys=True, ensure_ascii=False))
    return text


_NOT_PLAIN_ASCII = re.compile("[^\x00-\x7e]")  # json's ensure_ascii escapes DEL (U+007F) too


def page_text(meta: dict[str, str], body: str) -> PageText:
    text = PageText(f"---\n{front_matter(meta)}\n---\n\n{body}")
    if all(type(v) is str and _READ_AS_WRITTEN.fullmatch(v) for v in meta.values()):
        text.read_back = (body.lstrip("\n"), dict(sorted(meta.items())))
    return text


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    kind: str
    key: str = ""
    body: str = ""
    description: str = ""
    source: str = ""  # the contributor file that holds the record ("" for listings)

    def markdown(self) -> PageText:
        meta = {"title": self.title, "template": self.template, "hub_kind": self.kind}
        if self.key:
            meta["hub_key"] = self.key
        if self.description:
            meta["description"] = self.description
        return page_text(meta, f"{self.body.strip()}\n")


# Where each kind of page lives. Briefs and exchanges are real files under content/.
def uri(kind: str, key: str = "") -> str:
    folders = {
        "partner": "partners", "member": "members", "country": "countries",
        "topic": "topics", "module": "curriculum", "brief": "briefs", "exchange": "exchanges",
    }
    if kind in folders:
        folder = folders[kind]
        return f"{folder}/{key.lower() if kind == 'country' else key}.md" if key else f"{folder}/index.md"
    if kind in LISTING_PAGES:
        return LISTING_PAGES[kind]
    raise KeyError(kind)


class _AllListings(Mapping[str, tuple[str, str, str]]):
    """Every listing page, on or off: kind -> (source path, title, description), the wording
    read from the active hub.yml on each use (the name other modules knew before hub.yml)."""

    def _all(self) -> dict[str, tuple[str, str, str]]:
        cfg = config.active()
        return {kind: (path, cfg.section(kind).title, cfg.section(kind).description)
                for kind, path in LISTING_PAGES.items()}

    def __getitem__(self, kind: str) -> tuple[str, str, str]:
        return self._all()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(LISTING_PAGES)

    def __len__(self) -> int:
        return len(LISTING_PAGES)


LISTINGS = _AllListings()


def listings(cfg: config.HubConfig | None = None) -> dict[str, tuple[str, str, str]]:
    """Listing pages of the sections the network has: kind -> (source path, title, description),
    the wording from hub.yml."""
    cfg = cfg or config.active()
    return {kind: (path, cfg.section(kind).title, cfg.section(kind).description)
            for kind, path in LISTING_PAGES.items() if cfg.enabled(kind)}


def generate_pages(cat: Catalog, memo: dict | None = None) -> list[PageSpec]:
    """Every generated page of the sections the network has, listings first, in a stable order.

    `memo` (the live preview's, kept while hub.yml stays the same): the page of each record
    made last time, given again for the same record object from the same file."""
    cfg = config.active()
    on = cfg.enabled
    pages = [PageSpec(path, title, f"hub/{kind}.html", kind, body=desc, description=desc)
             for kind, (path, title, desc) in listings(cfg).items()]
    made = _made if memo is not None else lambda memo, record, path, make: make()
    for p in sorted(cat.partners.values(), key=lambda p: p.id):
        path = cat.origin("partner", p.id).path
        pages.append(made(memo, p, path, lambda p=p, path=path: PageSpec(
            uri("partner", p.id), p.name, "hub/partner.html", "partner", p.id, p.description,
            f"{p.name}, {country(p.country).name}.", path)))
    members, modules = cfg.section("members").title, cfg.section("curriculum").title
    for m in sorted(cat.public_members.values(), key=lambda m: m.id) if on("members") else ():
        path = cat.origin("member", m.id).path
        pages.append(made(memo, m, path, lambda m=m, path=path: PageSpec(
            uri("member", m.id), m.name, "hub/member.html", "member", m.id, md_text(m.bio or ""),
            f"{m.name} ({members}, {country(m.country).name}).", path)))
    for m in cat.modules_in_order if on("curriculum") else ():
        path = cat.origin("module", m.id).path
        pages.append(made(memo, m, path, lambda m=m, path=path: PageSpec(
            uri("module", m.id), m.title, "hub/module.html", "module", m.id, demote_headings(m.notes or ""),
            f"{m.title} ({modules}).", path)))
    kinds = ", ".join(cfg.section(k).title
                      for k in ("partners", "members", "briefs", "curriculum", "exchanges") if on(k))
    for c in cat.countries if on("countries") else ():
        about = f"{c.name}: {kinds}."
        pages.append(PageSpec(uri("country", c.code), c.name, "hub/country.html", "country",
                              c.code, about, about))
    for t in cat.by_topic if on("topics") else ():
        about = f"{TOPICS[t]}: {kinds}."
        pages.append(PageSpec(uri("topic", t), TOPICS[t], "hub/topic.html", "topic", t, about, about))
    return pages


def _made(memo: dict, record: object, path: str, make) -> PageSpec:
    hit = memo.get(id(record))
    if hit is not None and hit[0] is record and hit[1] == path:
        return hit[2]
    spec = make()
    memo[id(record)] = (record, path, spec)  # (the record is kept: its id names no other)
    return spec


def brief_markdown(slug: str, title: str, summary: str, body: str) -> PageText:
    """The source MkDocs builds a published brief's page from, in place of the contributor's file:
    the metadata of the validated record as JSON (every value quoted: `title: No` stays text,
    and no line break can hide in it) and the body exactly as the hub's parser split it off. So
    MkDocs never reads the contributor's front matter, and can never render it as text."""
    meta = {"title": title, "description": summary, "template": "hub/brief.html",
            "hub_kind": "brief", "hub_key": slug}
    return page_text(meta, body)
