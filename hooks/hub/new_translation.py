"""`make new KIND=<kind> ID=<id> TO=<language>`: start a translation of an existing record or
page, prefilled with the source's text and the source's current version.

The text is the source's until the translator replaces it; `reviewed: false` until a person
fluent in both languages has checked it against the source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .translations import KINDS, source_version


class NewTranslationError(Exception):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Text with line breaks as a literal block (`|`), as a person would write it.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Quoted(str):
    """A version is always quoted: `123456789012` must stay text."""


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


HEADER = ("# Translation into {lang} of {source}. Replace the text with its translation; keep\n"
          "# source_version (the version of the source you translate). Set reviewed: true only once\n"
          "# a person fluent in both languages has checked it against the source (CONTRIBUTING.md).\n")


def new_translation(kind: str, key: str, lang: str, root: Path | str = ".") -> Path:
    """Write (or, for list files, add to) the translation of `kind` `key` into `lang`."""
    from .config import active
    from .translation_status import page_sources
    from .translations import sources
    from .validate_links import validate

    root = Path(root)
    langs = active().all_languages
    if lang not in langs[1:]:
        raise NewTranslationError(f"{lang!r} is not a translation language of this hub "
                                  f"(hub.yml, languages: {', '.join(langs)})")
    if kind not in KINDS:
        raise NewTranslationError(f"{kind!r} cannot be translated: use one of {', '.join(KINDS)}")
    cat, _ = validate(root)
    srcs = sources(cat, root, page_sources(cat))
    src = srcs.get((kind, key))
    if src is None or not src.fields:
        raise NewTranslationError(f"there is no valid {KINDS[kind].noun} {key!r} with text to translate "
                                  "(run `make validate`)")
    k = KINDS[kind]
    rel = k.translation_rel(key, lang)
    path = root / rel
    meta = {"source_version": _Quoted(source_version(src.fields)), "reviewed": False}
    fields = {n: v for n, v in src.fields.items() if n != "body"}
    if k.list_file:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if old and cat.translations is not None and cat.translations.get(kind, key, lang) is not None:
            raise NewTranslationError(f"{rel} already translates {key!r}")
        item = _yaml([{"id": key, **fields, **meta}])
        head = "" if old else HEADER.format(lang=lang, source=k.list_file)
        sep = "" if not old or old.endswith("\n") else "\n"
        with path.open("a", encoding="utf-8", newline="") as fh:
            fh.write(head + sep + item)
        return path
    if path.exists():
        raise NewTranslationError(f"{rel} exists already")
    head = HEADER.format(lang=lang, source=src.path)
    if k.body:
        front = _yaml({**fields, **meta})
        text = f"---\n{head}{front}---\n{src.fields.get('body', '')}\n"
    else:
        text = head + _yaml({**fields, **meta})
    path.write_text(text, encoding="utf-8", newline="")
    return path
