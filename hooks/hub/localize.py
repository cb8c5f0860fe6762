"""One language build's catalogue: the records with their translated text, or their source text
marked as such, and what each page says about its translation.

`localized(cat, lang)` is the catalogue of a build in `lang` (the source language: `cat`
itself). Each record's translatable fields hold the translation when there is a valid one, or
the source's text as `SourceText` (shown under a notice, marked `lang`: `source_text.py`). The
facts are the source record's own, so they are the same in every language by construction.
`text_state[(kind, key)]` says, per record and hand-written page, "translated" or "source".
"""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from typing import Any

from .catalog import BriefRecord, Catalog
from .i18n import SOURCE, _, languages, locale
from .source_text import SourceText
from .translations import KINDS, Translation

# The languages' own names, for the switcher (a reader looks for their language in its own
# words). Any other code is shown as it is.
AUTONYMS = {
    "en": "English", "fr": "Français", "es": "Español", "pt": "Português", "ar": "العربية",
    "de": "Deutsch", "it": "Italiano", "nl": "Nederlands", "ru": "Русский", "zh": "中文",
    "ja": "日本語", "sw": "Kiswahili", "am": "አማርኛ", "ha": "Hausa", "hi": "हिन्दी", "bn": "বাংলা",
    "ur": "اردو", "fa": "فارسی", "he": "עברית", "tr": "Türkçe", "id": "Bahasa Indonesia",
    "vi": "Tiếng Việt", "th": "ไทย", "ne": "नेपाली", "rw": "Kinyarwanda", "uk": "Українська",
}

def language_name(code: str, reader: str) -> str:
    """The name of the language `code` in the language `reader` reads (CLDR, from Babel: "anglais"
    for a French reader), or its autonym, or the code."""
    names = locale(_reader(reader)).languages
    return names.get(code.replace("-", "_")) or names.get(code.split("-")[0]) or AUTONYMS.get(code, code)


@lru_cache(maxsize=64)
def _reader(lang: str) -> str:
    """`lang` if the interface has a catalogue in it; otherwise English, the language its notices
    are then shown in (no mix of English words and names in another language)."""
    return lang if lang.replace("-", "_").split("_")[0] in languages() else SOURCE


def notice(kind: str, lang: str, source: str) -> str:
    """The notice `kind` ("source", "outdated", "unreviewed", "original", "languages") of a page in
    `lang` whose source language is `source`. The words are messages of the interface's catalogue
    (`locales/<lang>/LC_MESSAGES/hub.po`), in the build's language (`hub.i18n.use`); the languages
    are named in the reader's language."""
    language, original = language_name(lang, lang), language_name(source, lang)
    if kind == "source":
        # Translators: %(language)s is the page's language, %(source)s the language of the text
        # shown (language names as CLDR writes them in your language, e.g. "anglais")
        return _("This text has not been translated into %(language)s yet: it is shown in %(source)s.",
                 language=language, source=original)
    if kind == "outdated":
        return _("This translation may be out of date: the %(source)s text has changed since it was "
                 "translated.", source=original)
    if kind == "unreviewed":
        return _("This translation has not been reviewed yet.")
    if kind == "original":
        # Translators: a link to the page in the source language (%(source)s: "anglais")
        return _("Read the %(source)s original", source=original)
    if kind == "languages":
        # Translators: the name of the language switcher (a list of links) for screen readers
        return _("Languages")
    raise ValueError(f"no notice {kind!r}")


def _source(value: Any) -> Any:
    if isinstance(value, str):
        return SourceText(value)
    if isinstance(value, list):
        return [_source(v) for v in value]
    return value


def _fields(kind: str, record: Any, t: Translation | None) -> dict[str, Any]:
    """The update of a record's translatable fields: translated, or the source's marked."""
    out: dict[str, Any] = {}
    for name in KINDS[kind].fields:
        value = getattr(record, name, None)
        if value is None:
            continue
        new = t.fields.get(name) if t is not None else None
        if name == "sessions":
            titles = new if new is not None else [SourceText(s.title) for s in value]
            out[name] = [s.model_copy(update={"title": title})
                         for s, title in zip(value, titles, strict=True)]
        else:
            out[name] = new if new is not None else _source(value)
    return out


def localized(cat: Catalog, lang: str) -> Catalog:
    """The catalogue of a build in `lang` (see the module's docstring)."""
    from .config import active

    cfg = active()
    if lang == cfg.source_language or lang not in cfg.all_languages:
        return cat
    tr = cat.translations
    state: dict[tuple[str, str], Translation | None] = {}

    def local(kind: str, key: str, record: Any) -> Any:
        t = tr.get(kind, key, lang) if tr is not None else None
        state[(kind, key)] = t
        return record.model_copy(update=_fields(kind, record, t))

    briefs = {}
    for slug, b in cat.briefs.items():
        t = tr.get("brief", slug, lang) if tr is not None else None
        state[("brief", slug)] = t
        body = t.fields["body"] if t is not None and "body" in t.fields else b.body
        front = b.front.model_copy(update=_fields("brief", b.front, t))
        briefs[slug] = BriefRecord(slug, front, body, b.origin)
    exchanges = {}
    for slug, e in cat.exchanges.items():
        t = tr.get("exchange", slug, lang) if tr is not None else None
        state[("exchange", slug)] = t
        body = t.fields["body"] if t is not None and "body" in t.fields else e.body
        exchanges[slug] = dataclasses.replace(
            e, front=e.front.model_copy(update=_fields("exchange", e.front, t)), body=body)
    out = dataclasses.replace(
        cat,
        partners={k: local("partner", k, p) for k, p in cat.partners.items()},
        members={k: local("member", k, m) for k, m in cat.members.items()},
        tracks={k: local("track", k, t) for k, t in cat.tracks.items()},
        modules={k: local("module", k, m) for k, m in cat.modules.items()},
        briefs=briefs,
        exchanges=exchanges,
    )
    if tr is not None:
        for (kind, key, tlang), t in tr.items.items():
            if kind == "page" and tlang == lang:
                state[("page", key)] = t
    out.language, out.text_state, out.source = lang, state, cat  # type: ignore[attr-defined]
    return out


def page_markdown(source_meta: dict[str, Any], t: Translation) -> str:
    """A hand-written page's source in a language build: the maintainers' front matter with the
    translated title and description, and the translated body (the validated translation:
    MkDocs never reads a translator's front matter)."""
    meta = {**source_meta, **{k: v for k, v in t.fields.items() if k != "body"}}
    front = json.dumps(meta, sort_keys=True, default=str)
    return f"---\n{front}\n---\n\n{t.fields.get('body', '')}\n"


def language_links(url: str, lang: str, languages: list[str]) -> list[dict[str, Any]]:
    """The same page in every language, as links relative to the page at `url` (its address
    inside its own build) in `lang`: the source language at the root, every other in `<lang>/`.
    Pure arithmetic, no lookup: every page exists in every language."""
    import posixpath

    def path(code: str) -> str:
        return ("" if code == languages[0] else f"{code}/") + url

    folder = posixpath.dirname(path(lang)) or "."
    out = []
    for code in languages:
        target = path(code)
        rel = posixpath.relpath(target or ".", folder)
        if target == "" or target.endswith("/"):  # a folder's address keeps its slash
            rel = "./" if rel == "." else rel + "/"
        out.append({"code": code, "name": AUTONYMS.get(code, code), "href": rel,
                    "current": code == lang})
    return out
