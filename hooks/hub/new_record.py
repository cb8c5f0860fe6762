"""`make new KIND=... ID=...`: start a record from a template, so nobody starts from a blank file.

Each template (`templates/`) lists every field with a comment saying what it means, and its
placeholder values validate as they are. What is written is never published by accident: a
brief starts as `status: draft`, a member with `consent.public: false`. Partners and members
are appended to their list file as text, so every comment in the file stays as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .fields import SLUG_RE
from .load_records import Sources
from .load_yaml import decode, parse
from .models import today

TEMPLATES = Path(__file__).with_name("templates")
KINDS = ("partner", "member", "brief", "module", "exchange")
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n", re.M)


class NewRecordError(Exception):
    """A request `new` refuses; the message is one line meant for the contributor."""


@dataclass(frozen=True)
class Written:
    path: Path
    appended: bool  # True: added to the end of an existing list file


def template_text(kind: str) -> str:
    name = f"{kind}.md" if kind in ("brief", "exchange") else f"{kind}.yaml"
    return (TEMPLATES / name).read_text(encoding="utf-8")


def check_slug(record_id: str, kind: str) -> None:
    if not SLUG_RE.match(record_id) or len(record_id) > 80:
        suggestion = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")[:80]
        raise NewRecordError(
            f"{record_id!r} is not a valid {kind} id: use lower-case letters, digits and hyphens only"
            + (f", e.g. {suggestion!r} (make new KIND={kind} ID={suggestion})"
               if suggestion and suggestion != record_id else "")
            + (" (at most 80 characters)" if len(record_id) > 80 else ""))


def _ids_in_list_file(path: Path, rel: str) -> dict[str, int]:
    """id -> line of every record in a list file (best effort: a broken file gives what it can)."""
    if not path.is_file():
        return {}
    text, _ = decode(path.read_bytes(), rel)
    found = {}
    if text is not None:
        doc, _ = parse(text, rel)
        if doc is not None and isinstance(doc.data, list):
            for i, item in enumerate(doc.data):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found.setdefault(item["id"], doc.position((i, "id"))[0])
            return found
        # unparseable: fall back to the text, so an id is never given twice
        for n, line in enumerate(text.splitlines(), 1):
            m = re.match(r"^-\s+id:\s*['\"]?([^'\"\s#]+)", line)
            if m:
                found.setdefault(m.group(1), n)
    return found


def _first_track(src: Sources) -> str:
    path = src.root / src.curriculum / "tracks.yaml"
    ids = _ids_in_list_file(path, f"{src.curriculum}/tracks.yaml")
    if not ids:
        raise NewRecordError(f"{src.curriculum}/tracks.yaml has no track yet: add a track first "
                             "(see CONTRIBUTING.md, Curriculum)")
    return next(iter(ids))


def render(kind: str, record_id: str, src: Sources, on: dt.date | None = None) -> str:
    """The template of `kind` filled in for `record_id` (not yet written anywhere)."""
    on = on or today()
    text = template_text(kind)
    review_by = on.replace(year=on.year + 2) if not (on.month == 2 and on.day == 29) else \
        on.replace(year=on.year + 2, day=28)
    values = {"__ID__": record_id, "__TODAY__": on.isoformat(), "__REVIEW_BY__": review_by.isoformat(),
              **vocabulary_values(kind)}
    if "__TRACK__" in text:
        values["__TRACK__"] = _first_track(src)
    if "__PARTNERS__" in text:
        values["__PARTNERS__"] = ", ".join(_two_countries(src))
    for marker in sorted(values, key=len, reverse=True):  # __TIERS__ before __TIER__
        text = _fill(text, marker, values[marker])
    return text


def _two_countries(src: Sources) -> list[str]:
    """The first partner, and the first partner of another country (an exchange needs two)."""
    text, _ = decode((src.root / src.partners).read_bytes(), src.partners) \
        if (src.root / src.partners).is_file() else (None, [])
    doc = parse(text, src.partners)[0] if text is not None else None
    items = [i for i in (doc.data if doc is not None and isinstance(doc.data, list) else [])
             if isinstance(i, dict) and isinstance(i.get("id"), str) and isinstance(i.get("country"), str)]
    for other in items[1:]:
        if other["country"] != items[0]["country"]:
            return [items[0]["id"], other["id"]]
    raise NewRecordError(f"{src.partners} has no two partners in different countries yet: an exchange "
                         "is between partners of two or more countries (add them first)")


def _either(words: list[str]) -> str:
    return (", ".join(words[:-1]) + " or " + words[-1]) if len(words) > 1 else "".join(words) or "(none)"


def vocabulary_values(kind: str) -> dict[str, str]:
    """The template's placeholders for the network's words (hub.yml): a valid first choice for
    each coded field, and the lists the comments name. Longest markers first (see `render`)."""
    from .config import active

    cfg = active()
    v = cfg.vocabularies
    first = {name: next(iter(getattr(v, name)), "") for name in type(v).model_fields}
    gov = [t for t in v.partner_types if v.partner_types[t].government]
    partner_type = gov[0] if gov and v.tiers else first["partner_types"]
    tier_needed = kind == "brief" and cfg.required.brief_tiers
    sdg_needed = kind == "brief" and cfg.required.brief_sdg_targets
    lang = cfg.network.language if cfg.network.language in v.languages else first["languages"]
    return {
        "__PARTNER_TYPE__": partner_type,
        "__GOVERNMENT_TYPES__": _either(gov),
        "__TIERS__": _either(list(v.tiers)),
        "__TIER__": (first["tiers"] if (kind == "partner" and partner_type in gov) or tier_needed else ""),
        "__TOPIC__": first["topics"],
        "__SDG__": f'"{first["sdg_targets"]}"' if sdg_needed or (kind == "partner" and first["sdg_targets"])
                   else "",
        "__LANGUAGES__": _either(list(v.languages)),
        "__LANGUAGE__": lang,
        "__ROLES__": _either(list(v.member_roles)),
        "__ROLE__": first["member_roles"],
        "__PROFESSION__": first["professions"],
        "__LEVELS__": _either(list(v.levels)),
        "__LEVEL__": first["levels"],
        "__COMPETENCY__": first["competencies"],
        "__SESSION_FORMAT__": first["session_formats"],
        "__EXCHANGE_KINDS__": _either(list(v.exchange_kinds)),
        "__EXCHANGE_KIND__": first["exchange_kinds"],
    }


def _fill(text: str, marker: str, value: str) -> str:
    """Replace `marker`, keeping the comment after it in its column where there is room."""
    def repl(m: re.Match[str]) -> str:
        close, spaces, hash_ = m.groups()
        width = len(marker) + len(spaces)
        if hash_:
            return value + close + " " * max(1, width - len(value)) + "#"
        return value + close + spaces

    return re.sub(re.escape(marker) + r"(\]?)( *)(#?)", repl, text)


def _schema_comment_for(text: str, dest: Path, root: Path) -> str:
    """Point the template's `$schema` comment at schemas/ as seen from where the file goes."""
    def repl(m: re.Match[str]) -> str:
        schema = root / "schemas" / Path(m.group(1)).name
        rel = Path(os.path.relpath(schema, dest.parent)).as_posix()
        return f"# yaml-language-server: $schema={rel}\n"

    return _SCHEMA_LINE.sub(repl, text, count=1)


def new_record(kind: str, record_id: str, root: Path | str = ".", on: dt.date | None = None) -> Written:
    """Write a new record of `kind` with `record_id`; raise `NewRecordError` when refused."""
    if kind not in KINDS:
        from .translations import KINDS as TEXTS

        also = f" ({kind!r} is only translated: add TO=<language>)" if kind in TEXTS else ""
        raise NewRecordError(f"{kind!r} is not a kind of record: use one of {', '.join(KINDS)}{also}")
    check_slug(record_id, kind)
    from .config import active

    section = {"partner": "partners", "member": "members", "brief": "briefs", "module": "curriculum",
               "exchange": "exchanges"}[kind]
    if not active().enabled(section):
        raise NewRecordError(f"the {section} section is switched off in hub.yml: no {kind} can be added")
    src = Sources(Path(root))
    if kind in ("partner", "member"):
        rel = src.partners if kind == "partner" else src.members
        path = src.root / rel
        used = _ids_in_list_file(path, rel)
        if record_id in used:
            raise NewRecordError(f"the {kind} id {record_id!r} is already used in {rel} "
                                 f"(line {used[record_id]}); choose another id")
        # The template's opening comments explain the template; the file has its own.
        item = re.sub(r"\A(?:#[^\n]*\n)+", "", render(kind, record_id, src, on))
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        sep = "\n\n" if old and not old.endswith("\n") else ("\n" if old and not old.endswith("\n\n") else "")
        with path.open("a", encoding="utf-8", newline="") as fh:
            fh.write(sep + item)
        return Written(path, appended=True)
    if kind == "module":
        path = src.root / src.curriculum / "modules" / f"{record_id}.yaml"
    elif kind == "exchange":
        path = src.root / src.exchanges / f"{record_id}.md"
    else:
        path = src.root / src.briefs / f"{record_id}.md"
    if path.exists():
        raise NewRecordError(f"the {kind} id {record_id!r} is already used: "
                             f"{src.rel(path)} exists; choose another id")
    text = _schema_comment_for(render(kind, record_id, src, on), path, src.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return Written(path, appended=False)
