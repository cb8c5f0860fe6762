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
from typing import Any

from .catalog import BriefRecord, Catalog
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

# The notices, in the reader's language ({source}: the source language's name in the reader's
# language). English is used for a language without its own wording here.
NOTICES: dict[str, dict[str, str]] = {
    "en": {"source": "This text has not been translated into {language} yet: it is shown in {source}.",
           "outdated": "This translation may be out of date: the {source} text has changed since it "
                       "was translated.",
           "unreviewed": "This translation has not been reviewed yet.",
           "original": "Read the {source} original",
           "languages": "Languages"},
    "fr": {"source": "Ce texte n'est pas encore traduit en {language} : il est affiché en {source}.",
           "outdated": "Cette traduction n'est peut-être plus à jour : le texte {source_adj} a changé "
                       "depuis sa traduction.",
           "unreviewed": "Cette traduction n'a pas encore été relue.",
           "original": "Lire l'original en {source}",
           "languages": "Langues"},
    "es": {"source": "Este texto aún no está traducido al {language}: se muestra en {source}.",
           "outdated": "Es posible que esta traducción no esté actualizada: el texto en {source} ha "
                       "cambiado desde que se tradujo.",
           "unreviewed": "Esta traducción aún no ha sido revisada.",
           "original": "Leer el original en {source}",
           "languages": "Idiomas"},
    "pt": {"source": "Este texto ainda não foi traduzido para o {language}: é apresentado em {source}.",
           "outdated": "Esta tradução pode estar desatualizada: o texto em {source} mudou desde que foi "
                       "traduzido.",
           "unreviewed": "Esta tradução ainda não foi revista.",
           "original": "Ler o original em {source}",
           "languages": "Idiomas"},
}
# Language names in the languages the notices are written in.
NAMES = {
    "en": {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol", "pt": "portugais", "ar": "arabe",
           "en_adj": "anglais"},
    "es": {"en": "inglés", "fr": "francés", "es": "español", "pt": "portugués", "ar": "árabe"},
    "pt": {"en": "inglês", "fr": "francês", "es": "espanhol", "pt": "português", "ar": "árabe"},
}


def notice(kind: str, lang: str, source: str) -> str:
    """The notice `kind` ("source", "outdated", "unreviewed", "original", "languages") in `lang`."""
    words = NOTICES.get(lang.split("-")[0]) or NOTICES["en"]
    names = NAMES.get(lang.split("-")[0]) or NAMES["en"]
    return words[kind].format(language=names.get(lang, AUTONYMS.get(lang, lang)),
                              source=names.get(source, AUTONYMS.get(source, source)),
                              source_adj=names.get(f"{source}_adj", names.get(source, source)))


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
