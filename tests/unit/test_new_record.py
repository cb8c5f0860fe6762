"""`make new`: each kind of record starts from a template that publishes nothing by accident
(every placeholder left is an error naming its field; a draft brief only warns, so it can be
previewed), validates once its placeholders are replaced, and changes nothing else in the hub."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, run_hub
from hub.exchanges import Exchange
from hub.load_yaml import parse, split_front_matter
from hub.models import FILE_MODELS
from hub.problems import errors
from hub.validate_links import validate

KINDS = {  # kind -> (file it writes or appends to, model of one record)
    "partner": ("partners.yaml", FILE_MODELS["partners"]),
    "member": ("members.yaml", FILE_MODELS["members"]),
    "brief": ("content/briefs/new-one.md", FILE_MODELS["brief"]),
    "module": ("curriculum/modules/new-one.yaml", FILE_MODELS["module"]),
    "exchange": ("content/exchanges/new-one.md", Exchange),
}


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "hub"))


def fill_in(text: str) -> str:
    """What a contributor does: replace every placeholder with a real value."""
    text = re.sub(r" ?\(replace[^)]*\)", "", text)
    return text.replace("https://replace.invalid/", "https://example.org/")


def record_data(kind: str, path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if kind in ("brief", "exchange"):
        front, _, _, _ = split_front_matter(text, "b.md")
        doc, problems = parse(front or "", "b.md")
    else:
        doc, problems = parse(text, "f.yaml")
    assert doc is not None and not problems
    return doc.data[-1] if isinstance(doc.data, list) else doc.data


@pytest.mark.parametrize("kind", KINDS)
def test_new_record_validates_and_changes_nothing_else(kind: str, hub: Path) -> None:
    rel = KINDS[kind][0]
    before = snapshot(hub)
    result = run_hub("new", kind, "new-one", cwd=hub)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("replace the placeholder values, then run `make check`")
    after = snapshot(hub)
    assert set(after) - set(before) == ({rel} if rel not in before else set())
    assert {k for k in before if before[k] != after[k]} == ({rel} if rel in before else set())
    if rel in before:  # appended: the old text, comments included, is kept byte for byte
        assert after[rel].startswith(before[rel])
        assert after[rel][len(before[rel]):].decode().lstrip("\n").startswith("- id: new-one ")

    # Untouched: every placeholder is named by its field; a draft brief may keep them (warnings).
    path = hub / rel
    _, untouched = validate(hub)
    placeholders = [p for p in untouched if "still the template's placeholder" in p.message]
    assert placeholders and {p.path for p in placeholders} == {rel}
    assert {p.severity for p in placeholders} == ({"warning"} if kind == "brief" else {"error"})
    assert errors(untouched) == [p for p in placeholders if p.severity == "error"]
    assert all(p.where for p in placeholders)
    # Replaced: valid.
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    cat, problems = validate(hub)
    assert errors(problems) == [], problems
    assert not [p for p in problems if "placeholder" in p.message]
    if kind == "brief":
        assert cat.briefs["new-one"].front.status == "draft"
        assert "new-one" not in {b.slug for b in cat.published_briefs}
    elif kind == "member":
        assert "new-one" in cat.members and "new-one" not in cat.public_members
    elif kind == "exchange":
        assert cat.exchanges["new-one"].countries == ("NP", "KE")
    else:
        assert "new-one" in (cat.partners if kind == "partner" else cat.modules)
    assert validate(hub)[1] == problems  # and `hub validate` agrees
    assert run_hub("validate", cwd=hub).returncode == 0


@pytest.mark.parametrize("kind", KINDS)
def test_template_has_every_field_each_with_a_comment(kind: str, hub: Path) -> None:
    rel, model = KINDS[kind]
    assert run_hub("new", kind, "new-one", cwd=hub).returncode == 0
    data = record_data(kind, hub / rel)
    assert set(data) == set(model.model_fields) - {"example"}
    text = (hub / rel).read_text(encoding="utf-8")
    top = r"^(?:- |  )([a-z_]+):" if kind in ("partner", "member") else r"^([a-z_]+):"
    new_part = text[text.index("- id: new-one"):] if kind in ("partner", "member") else text
    for line in new_part.splitlines():
        m = re.match(top, line)
        if m and m.group(1) in model.model_fields:
            assert "#" in line or m.group(1) in ("description", "assessment", "notes",
                                                 "objectives", "recommendations"), line


def test_new_module_points_its_schema_comment_at_schemas(hub: Path) -> None:
    assert run_hub("new", "module", "new-one", cwd=hub).returncode == 0
    first = (hub / "curriculum/modules/new-one.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/module.schema.json"


@pytest.mark.parametrize("kind, record_id, message", [
    ("partner", "alpha-ministry", "hub new: the partner id 'alpha-ministry' is already used in "
     "partners.yaml (line 2); choose another id"),
    ("member", "hidden-example", "hub new: the member id 'hidden-example' is already used in "
     "members.yaml (line 21); choose another id"),
    ("brief", "alpha-brief", "hub new: the brief id 'alpha-brief' is already used: "
     "content/briefs/alpha-brief.md exists; choose another id"),
    ("module", "sm-101", "hub new: the module id 'sm-101' is already used: "
     "curriculum/modules/sm-101.yaml exists; choose another id"),
    ("partner", "Alpha Ministry", "hub new: 'Alpha Ministry' is not a valid partner id: use "
     "lower-case letters, digits and hyphens only, e.g. 'alpha-ministry' "
     "(make new KIND=partner ID=alpha-ministry)"),
    ("brief", "uhc_2025", "hub new: 'uhc_2025' is not a valid brief id: use lower-case letters, "
     "digits and hyphens only, e.g. 'uhc-2025' (make new KIND=brief ID=uhc-2025)"),
    ("module", "SM 101!", "hub new: 'SM 101!' is not a valid module id: use lower-case letters, digits "
     "and hyphens only, e.g. 'sm-101' (make new KIND=module ID=sm-101)"),
    ("page", "mission", "hub new: 'page' is not a kind of record: use one of partner, member, brief, module, "
     "exchange ('page' is only translated: add TO=<language>)"),
])
def test_refuses_used_or_invalid_ids_in_one_line(kind: str, record_id: str, message: str,
                                                 hub: Path) -> None:
    before = snapshot(hub)
    result = run_hub("new", kind, record_id, cwd=hub)
    assert (result.returncode, result.stderr) == (1, message + "\n")
    assert snapshot(hub) == before


def test_an_id_in_a_broken_file_is_still_refused(hub: Path) -> None:
    path = hub / "partners.yaml"
    path.write_text(path.read_text() + "- id: broken-one\n  name: [unclosed\n")
    result = run_hub("new", "partner", "broken-one", cwd=hub)
    assert result.returncode == 1 and "already used in partners.yaml (line 35)" in result.stderr


def test_make_new_needs_kind_and_id() -> None:
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert '$(BIN)/python -m hub new "$(KIND)" "$(ID)"' in makefile  # an id with a space stays one


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("kind", KINDS)
def test_every_value_to_replace_is_a_placeholder(kind: str, hub: Path) -> None:
    """One rule for the templates and the check (hub.placeholders): a template value that asks
    to be replaced is always caught, so no template text can reach the site."""
    from hub.placeholders import is_placeholder

    assert run_hub("new", kind, "new-one", cwd=hub).returncode == 0
    values = _strings(record_data(kind, hub / KINDS[kind][0]))
    asking = [v for v in values if "replace" in v.lower() or "example.org" in v]
    assert asking and all(is_placeholder(v) for v in asking), asking
