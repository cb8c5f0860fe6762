"""The ZIM file's settings and metadata: `extra.zim` in mkdocs.yml, checked against the openZIM
metadata rules (lengths, formats) with each mistake located at its line and column, before
anything is written (`make zim`, see bundle_zim.py). No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# openZIM metadata rules (https://wiki.openzim.org/wiki/Metadata): lengths in characters.
LIMITS = {"title": 30, "description": 80, "long_description": 4000}
REQUIRED = ("name", "title", "description", "creator", "publisher")


class ZimError(Exception):
    """The site or its settings cannot make a ZIM file (a message for the maintainer)."""


@dataclass(frozen=True)
class ZimMeta:
    """The ZIM's metadata, as Kiwix libraries show it."""

    name: str  # e.g. health-equity-hub_en: the same for every version of the file
    title: str
    description: str
    long_description: str
    language: str  # ISO 639-3, e.g. eng
    creator: str
    publisher: str
    date: str  # YYYY-MM-DD
    tags: str  # semicolon-separated
    license: str
    source: str
    flavour: str
    scraper: str

    def items(self) -> list[tuple[str, str]]:
        """(openZIM name, value) of every non-empty field."""
        names = {"long_description": "LongDescription"}
        return [(names.get(k, k.capitalize()), v) for k, v in vars(self).items() if v]


@dataclass
class ZimSettings:
    """What `extra.zim` in mkdocs.yml says, with the site's own values as defaults."""

    values: dict[str, str] = field(default_factory=dict)
    site_name: str = ""  # site_name of mkdocs.yml: every page's <title> ends with it
    problems: list[Problem] = field(default_factory=list)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' own tags (`!ENV`, `!relative`): read as None (not ZIM settings)."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)

_FIELDS = ("name", "title", "description", "long_description", "creator", "publisher", "tags",
           "license", "source", "flavour", "language")


def _network(root: Path) -> dict[str, str] | None:
    """The network's identity from the hub's hub.yml (None without a valid one)."""
    from .config import load
    from .sections import identity

    cfg, _ = load(root)
    if cfg is None:
        return None
    return {**identity(cfg), "short_name": cfg.network.short_name, "licence": cfg.network.licence.name}


def read_settings(config_path: Path) -> ZimSettings:
    """The ZIM settings of a hub: `extra.zim` in its mkdocs.yml, checked, with positions."""
    rel = config_path.name
    settings = ZimSettings()
    try:
        text = config_path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_AnyTagLoader)
        config = yaml.load(text, Loader=_AnyTagLoader) or {}  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        settings.problems.append(Problem(rel, 1, 1, "", f"cannot be read ({exc})"))
        return settings
    network = _network(config_path.parent)  # hub.yml: the name, address and language readers see
    if network:
        config = {**config, **{k: v for k, v in network.items() if k != "language"}}
        config["theme"] = {**(config.get("theme") or {}), "language": network["language"]}
    if isinstance(config.get("site_name"), str):
        settings.site_name = config["site_name"]
    zim_node = _child(_child(node, "extra"), "zim")
    zim = (config.get("extra") or {}).get("zim")
    if not isinstance(zim, dict):
        line, col = _pos(_child(node, "extra") or node)
        settings.problems.append(Problem(rel, line, col, "extra.zim", "missing",
                                         "add the ZIM's metadata (see README.md, 'The hub in Kiwix')"))
        return settings
    for key, value in zim.items():
        line, col = _pos(_child(zim_node, key, key=True))
        if key not in _FIELDS:
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "unknown setting",
                                             f"expected one of: {', '.join(_FIELDS)}"))
        elif isinstance(value, list) and key == "tags":
            settings.values[key] = ";".join(str(v) for v in value)
        elif not isinstance(value, str):
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "must be text",
                                             "quote the value"))
        else:
            settings.values[key] = " ".join(value.split()) if key != "long_description" else value.strip()
    defaults = {"title": ("site_name",), "long_description": ("site_description",),
                "source": ("site_url",), "language": ("theme", "language")}
    default_nodes = {}
    for key, where in defaults.items():
        value, value_node = config, node
        for part in where:
            value = value.get(part) if isinstance(value, dict) else None
            value_node = _child(value_node, part)
        if key not in settings.values and isinstance(value, str):
            settings.values[key] = " ".join(value.split())
            default_nodes[key] = value_node if value_node is not None else zim_node
    if network:  # what hub.yml says unless extra.zim says otherwise
        for key, value in (("name", network["short_name"]), ("license", network["licence"]),
                           ("creator", network["site_name"]), ("publisher", network["site_name"])):
            settings.values.setdefault(key, value)
    settings.values.setdefault("language", "en")
    for key in REQUIRED:
        if not settings.values.get(key):
            line, col = _pos(zim_node)
            settings.problems.append(Problem(rel, line, col, f"extra.zim.{key}", "missing",
                                             "Kiwix libraries need it"))
    for key, limit in LIMITS.items():
        value = settings.values.get(key, "")
        if len(value) > limit:
            line, col = _pos(_child(zim_node, key) or default_nodes.get(key) or zim_node)
            settings.problems.append(Problem(
                rel, line, col, f"extra.zim.{key}", f"{len(value)} characters, at most {limit}",
                "openZIM metadata rule; shorten it" + ("" if key in zim else
                                                      f" or set extra.zim.{key}")))
    long, short = settings.values.get("long_description", ""), settings.values.get("description", "")
    if long and short and len(long) < len(short):
        line, col = _pos(_child(zim_node, "long_description") or default_nodes.get("long_description"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.long_description",
                                         "shorter than the description",
                                         "openZIM metadata rule; say more, or leave it out"))
    try:
        language_code(settings.values["language"])
    except ZimError:
        line, col = _pos(_child(zim_node, "language") or default_nodes.get("language"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.language",
                                         f"{settings.values['language']!r} is not an ISO 639 language",
                                         "e.g. en, fr, pt or eng"))
    name = settings.values.get("name", "")
    if name and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        line, col = _pos(_child(zim_node, "name"))
        settings.problems.append(Problem(rel, line, col, "extra.zim.name",
                                         f"{name!r} is not a file-name word",
                                         "lower-case letters, digits and hyphens, e.g. my-hub"))
    return settings


def _child(node: Any, name: str, *, key: bool = False) -> Any:
    """The value node of `name` in a YAML mapping node (its key node with key=True)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == name:
            return k if key else v
    return None


def _pos(node: Any) -> tuple[int, int]:
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def language_code(lang: str) -> str:
    """ISO 639-3 for a site's language (`en` -> `eng`), as openZIM wants it."""
    import pycountry

    lang = lang.split("-")[0].split("_")[0].lower()
    found = (pycountry.languages.get(alpha_2=lang) if len(lang) == 2
             else pycountry.languages.get(alpha_3=lang))
    if found is None:
        raise ZimError(f"{lang!r} is not an ISO 639 language")
    return found.alpha_3


def metadata(settings: ZimSettings, *, epoch: int, version: str) -> ZimMeta:
    v = settings.values
    lang3 = language_code(v.get("language", "en"))
    tags = [t for t in v.get("tags", "").split(";") if t.strip()]
    tags += [t for t in ("_ftindex:yes", "_pictures:yes", "_videos:no", "_details:yes")
             if t.split(":")[0] not in {x.split(":")[0] for x in tags}]
    return ZimMeta(
        name=f"{v['name']}_{_lang2(v.get('language', 'en'))}", title=v["title"],
        description=v["description"], long_description=v.get("long_description", ""),
        language=lang3, creator=v["creator"], publisher=v["publisher"],
        date=utc_time(epoch).date().isoformat(), tags=";".join(t.strip() for t in tags),
        license=v.get("license", ""), source=v.get("source", ""),
        flavour=v.get("flavour", "maxi"), scraper=f"hub make zim {version}")


def _lang2(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def zim_filename(meta: ZimMeta, epoch: int) -> str:
    """`<name>_<lang>_<YYYY-MM>.zim`, Kiwix's naming (the month of the build)."""
    return f"{meta.name}_{utc_time(epoch):%Y-%m}.zim"


def utc_time(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
