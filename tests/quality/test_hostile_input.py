"""No script injection: hostile strings in every string field of every record kind.

The variants are generated from the fixture hub: for each string value (and list item) of
each record file, and for each hostile string, the value is replaced and the hub validated.
Either validation fails with a message naming that field, or the variant is accepted; all
accepted variants of one hostile string are then built together, and the scan of the site
finds nothing (no foreign script, handler, unsafe scheme; no template evaluated).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from quality_scan import root_helpers, scan_html

from hub.load_records import Origin, _check, _list_file, load_brief
from hub.load_yaml import parse, split_front_matter, where
from hub.models import Member, Module, Partner, Track
from hub.problems import Problem, errors
from hub.validate_links import validate

pytestmark = pytest.mark.slow
_h = root_helpers()
FIXTURE, build_site, make_hub = _h.FIXTURE, _h.build_site, _h.make_hub

HOSTILE = [
    '"><script>alert(1)</script>',
    "{{ 7*7191 }}",
    "{% raw %}",
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "[click](javascript:alert(1))",
    "{{ 7*7 }}",
    # Quote breakout: out of a double- or single-quoted attribute (href, alt, data-*, content).
    'x" onmouseover="alert(1)',
    'https://www.who.int/x"onmouseover="alert(1)',
    '"><svg/onload=alert(1)>',
]
EVALUATED = "50329"  # 7*7191: appears only if a template ran the hostile string

LIST_FILES = {"partners.yaml": "partners", "members.yaml": "members",
              "curriculum/tracks.yaml": "tracks"}


def _files(root: Path) -> list[str]:
    rels = list(LIST_FILES)
    rels += sorted(p.relative_to(root).as_posix() for p in (root / "curriculum/modules").glob("*.yaml"))
    rels += sorted(p.relative_to(root).as_posix() for p in (root / "content/briefs").glob("*.md"))
    return rels


def _read(root: Path, rel: str) -> tuple[Any, str | None]:
    """(data, body): the file's YAML data, and a brief's Markdown body."""
    text = (root / rel).read_text(encoding="utf-8")
    body = None
    if rel.endswith(".md"):
        text, body, _, _ = split_front_matter(text, rel)
    doc, problems = parse(text, rel)
    assert doc is not None, problems
    return doc.data, body


def _write(root: Path, rel: str, data: Any, body: str | None) -> None:
    # Every scalar quoted: the hub's loader reads all values as text anyway.
    text = yaml.safe_dump(data, default_style='"', allow_unicode=True, sort_keys=False, width=10_000)
    if body is not None:
        text = f"---\n{text}---\n{body}"
    (root / rel).write_text(text, encoding="utf-8")


def _leaves(data: Any, loc: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, loc + (i,))
    elif isinstance(data, str):
        yield loc


def _set(data: Any, loc: tuple, value: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def variants(root: Path) -> list[tuple[str, tuple, str]]:
    """(file, location, hostile string) for every string field of every record file."""
    out = []
    for rel in _files(root):
        data, body = _read(root, rel)
        for loc in _leaves(data):
            out += [(rel, loc, h) for h in HOSTILE]
        if body is not None:
            out += [(rel, ("body",), h) for h in HOSTILE]
    return out


def _apply(root: Path, changes: list[tuple[str, tuple, str]]) -> None:
    by_file: dict[str, list[tuple[tuple, str]]] = {}
    for rel, loc, h in changes:
        by_file.setdefault(rel, []).append((loc, h))
    for rel, items in by_file.items():
        data, body = _read(root, rel)
        for loc, h in items:
            if loc == ("body",):
                body = f"{body}\n{h}\n"
            else:
                _set(data, loc, h)
        _write(root, rel, data, body)


def _field_name(rel: str, loc: tuple) -> str:
    return where(loc, LIST_FILES.get(rel, ""))


def _pass1(root: Path, rel: str) -> list[Problem]:
    """Pass 1 on one file only (the full validation of every variant would be slow)."""
    problems: list[Problem] = []
    if rel in LIST_FILES:
        model = {"partners": Partner, "members": Member, "tracks": Track}[LIST_FILES[rel]]
        _list_file(root / rel, rel, LIST_FILES[rel], model, problems, set())
    elif rel.endswith(".md"):
        load_brief(root / rel, rel, problems)
    else:
        doc, problems = parse((root / rel).read_text(encoding="utf-8"), rel)
        if doc is not None:
            _check(Module, doc.data, Origin(doc), problems)
    return errors(problems)


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Validate every variant: the rejected ones with their messages, and the accepted.

    Pass 1 on the changed file decides most; a variant it accepts is validated in full
    (pass 2 checks references), so every rejection is the hub's real verdict.
    """
    base = tmp_path_factory.mktemp("hostile") / "records"
    shutil.copytree(FIXTURE, base)
    original = {rel: (base / rel).read_bytes() for rel in _files(base)}
    rejected, accepted = [], []
    for rel, loc, h in variants(base):
        _apply(base, [(rel, loc, h)])
        errs = _pass1(base, rel) or errors(validate(base)[1])
        (base / rel).write_bytes(original[rel])
        (rejected if errs else accepted).append((rel, loc, h, errs))
    return {"rejected": rejected, "accepted": accepted}


def test_every_string_field_of_every_kind_is_attacked() -> None:
    fields = {(rel, loc) for rel, loc, _ in variants(FIXTURE)}
    names = {_field_name(rel, loc).split("[")[0].split(".")[0] for rel, loc in fields}
    assert {"partners", "members", "tracks", "title", "body", "notes", "assessment",
            "recommendations", "summary"} <= names
    assert len(fields) > 100


def test_rejections_name_the_field(verdicts: dict[str, list]) -> None:
    assert verdicts["rejected"], "no hostile value was rejected: is validation running?"
    unnamed = []
    for rel, loc, h, errs in verdicts["rejected"]:
        name = _field_name(rel, loc)
        if not any(e.path == rel and (e.where == name or name.startswith(e.where + ".")
                                      or name.startswith(e.where + "[")) and e.where
                   for e in errs):
            unnamed.append(f"{rel} {name} {h!r}: " + "; ".join(e.format() for e in errs[:3]))
    assert unnamed == []


def test_accepted_hostile_values_render_inert(verdicts: dict[str, list], tmp_path: Path) -> None:
    accepted = verdicts["accepted"]
    for h in HOSTILE:
        changes = [(rel, loc, hh) for rel, loc, hh, _ in accepted if hh == h]
        if not changes:
            continue
        hub = make_hub(tmp_path / f"hub{HOSTILE.index(h)}")
        _apply(hub, changes)
        result = build_site(hub)
        assert result.returncode == 0, f"{h!r}: accepted variants failed to build:\n{result.stderr[-3000:]}"
        site = hub / "site"
        assert scan_html(site) == [], h
        for page in site.rglob("*.html"):
            assert EVALUATED not in page.read_text(encoding="utf-8"), f"{page}: a template ran {h!r}"
