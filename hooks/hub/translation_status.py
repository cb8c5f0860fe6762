"""What is translated, into which language, and how well: for translators (`make translations`,
`python -m hub translations`) and for the status page of the site.

Each source a reader can see (published briefs, modules, tracks, partners, the bios of members
with a public profile, hand-written pages) is, in each translation language, `missing`,
`outdated` (its source changed since), `unreviewed` or `reviewed`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .i18n import N_
from .translations import KINDS, Source, is_translation, parse_name, sources

STATES = ("missing", "outdated", "unreviewed", "reviewed")
PAGE_TITLE = N_("Translations")  # the status page's title, in the build's language
# What the status page shows for each kind of text and each state, in the reader's language
# (`make translations` keeps the codes above, which translators type)
KIND_WORDS = {"brief": N_("brief"), "module": N_("module"), "track": N_("track"), "partner": N_("partner"),
              "member": N_("member"), "page": N_("page"), "exchange": N_("exchange")}
STATE_WORDS = {"missing": N_("missing"), "outdated": N_("outdated"), "unreviewed": N_("not reviewed"),
               "reviewed": N_("reviewed")}


@dataclass(frozen=True)
class Row:
    kind: str
    key: str
    lang: str
    state: str  # one of STATES
    source: str  # the source's file
    translation: str  # the translation's file (to create, when missing)
    version: str  # the source's version now


def page_sources(cat: Any) -> list[str]:
    from .config import active

    langs = active().all_languages
    return sorted(r for r, k in cat.files.files.items()
                  if k == "page" and r.endswith(".md") and not is_translation(r, langs))


def visible_sources(cat: Any, root: Path) -> dict[tuple[str, str], Source]:
    """The sources readers see: drafts and withheld members are not listed anywhere."""
    out = sources(cat, root, page_sources(cat))
    hidden = {("brief", k) for k, b in cat.briefs.items() if not b.published}
    hidden |= {("member", k) for k, m in cat.members.items() if not m.consent.public}
    return {k: s for k, s in out.items() if k not in hidden and s.fields}


def status(cat: Any, root: Path, languages: list[str]) -> list[Row]:
    from .translations import source_version

    rows = []
    tr = cat.translations
    for (kind, key), src in sorted(visible_sources(cat, root).items()):
        version = source_version(src.fields)
        for lang in languages[1:]:
            t = tr.get(kind, key, lang) if tr is not None else None
            state = ("missing" if t is None else "outdated" if t.outdated
                     else "reviewed" if t.reviewed else "unreviewed")
            rows.append(Row(kind, key, lang, state, src.path,
                            t.path if t else KINDS[kind].translation_rel(key, lang), version))
    return rows


def report(rows: list[Row], languages: list[str]) -> Iterator[str]:
    """Plain lines for the terminal: per language, what is missing and outdated, then counts."""
    for lang in languages[1:]:
        mine = [r for r in rows if r.lang == lang]
        counts = {s: sum(r.state == s for r in mine) for s in STATES}
        yield (f"{lang}: {counts['reviewed']} reviewed, {counts['unreviewed']} not reviewed, "
               f"{counts['outdated']} outdated, {counts['missing']} missing (of {len(mine)})")
        for r in mine:
            if r.state == "outdated":
                yield f"  outdated  {r.translation} (source {r.source} is now at {r.version})"
        for r in mine:
            if r.state == "missing":
                start = f"make new KIND={r.kind} ID={r.key} TO={lang}"
                yield f"  missing   {r.translation} ({r.kind} {r.key}; `{start}`)"


def find_versions(cat: Any, root: Path, target: str) -> list[tuple[str, str]] | None:
    """(label, version) of the source(s) that `target` names: a source file, a translation
    file, `kind:id`, or an id. None when nothing matches."""
    from .translations import source_version

    srcs = sources(cat, root, page_sources(cat))
    target = target.strip().replace("\\", "/").removeprefix("./")
    name = parse_name(target)
    picked: list[tuple[str, str]] = []
    if name is not None:  # a translation's file: its source (every item, for a list file)
        picked = [(k, key) for (k, key) in srcs if k == name.kind.name
                  and (name.kind.list_file or key == name.key)]
    else:
        kind, _, key = target.rpartition(":")
        for (k, kk), src in srcs.items():
            if src.path == target or (kk == key and (not kind or kind == k)):
                picked.append((k, kk))
    if not picked:
        return None
    return [(f"{srcs[p].path} ({p[0]} {p[1]})", source_version(srcs[p].fields)) for p in sorted(picked)]
