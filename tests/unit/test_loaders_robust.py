"""Robust loading: whatever bytes or values a contributor's file holds, the loaders give a
valid result or problems with positions; never an exception, a hang or a write.

Property-based (hypothesis), with modest example counts so that `make test` stays fast;
CI (`CI=true`) runs more. Known nasty inputs are listed explicitly at the end.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from hub.load_records import Origin, Sources, load_all, problems_from
from hub.load_yaml import Document, decode, parse
from hub.models import FILE_MODELS, Brief, Member, Module, Partner
from hub.problems import Problem, errors
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
CI = os.environ.get("CI") == "true"
FEW = settings(max_examples=300 if CI else 40, deadline=5000,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _well_formed(problems: list[Problem], files: set[str] | None = None) -> None:
    for p in problems:
        assert isinstance(p, Problem) and p.line >= 1 and p.col >= 1 and p.message, p
        assert "Traceback" not in p.message
        if files is not None:
            assert p.path in files, p


# --- YAML text and bytes ---------------------------------------------------------------------

scalars = st.one_of(
    st.text(max_size=20), st.sampled_from(["NO", "yes", "010", "1:20", "2024-01-01", "~", "null",
                                           "*a", "&a x", "!!python/object x", "<<", "'", '"', "{{ x }}"]),
    st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
trees = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)), max_leaves=20)
yaml_texts = st.one_of(
    st.text(max_size=300),
    trees.map(lambda t: yaml.safe_dump(t, allow_unicode=True)),
    trees.map(lambda t: yaml.safe_dump(t, default_flow_style=True)),
    st.lists(st.sampled_from(["- ", "  ", "a: ", "[", "]", "{", "}", "&x ", "*x", "\t", "\n",
                              "'", '"', "#", "---\n", "!!str ", ": ", "? ", "|", ">"]),
             max_size=60).map("".join),
)


@FEW
@given(yaml_texts)
def test_parse_never_raises(text: str) -> None:
    doc, problems = parse(text, "f.yaml")
    _well_formed(problems, {"f.yaml"})
    assert doc is not None or problems
    if doc is not None:
        assert isinstance(doc, Document)


@FEW
@given(st.binary(max_size=400))
def test_decode_never_raises(raw: bytes) -> None:
    text, problems = decode(raw, "f.yaml")
    _well_formed(problems, {"f.yaml"})
    assert (text is None) == bool(problems)


# --- models ----------------------------------------------------------------------------------

def _record_data(model: type) -> st.SearchStrategy[dict[str, Any]]:
    names = list(model.model_fields) + ["email", "render_macros", "unknown"]
    return st.dictionaries(st.sampled_from(names), trees, max_size=len(names))


@FEW
@given(st.sampled_from(list(FILE_MODELS.values())).flatmap(
    lambda m: st.tuples(st.just(m), _record_data(m))))
def test_models_give_valid_records_or_located_problems(case: tuple[type, dict]) -> None:
    model, data = case
    doc = Document("f.yaml", data)
    try:
        model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, model, Origin(doc))
        assert problems
        _well_formed(problems, {"f.yaml"})


# --- whole hubs with random file contents ----------------------------------------------------

RECORD_FILES = ["partners.yaml", "members.yaml", "curriculum/tracks.yaml",
                "curriculum/modules/sm-101.yaml", "content/briefs/alpha-brief.md"]
contents = st.one_of(
    st.binary(max_size=300),
    yaml_texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    yaml_texts.map(lambda t: ("---\n" + t + "\n---\nBody text.\n").encode("utf-8", "surrogatepass")),
)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def hub_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("robust") / "hub"
    shutil.copytree(FIXTURE, root)
    return root


@FEW
@given(st.sampled_from(RECORD_FILES), contents)
def test_load_all_and_validate_never_raise_nor_write(hub_copy: Path, rel: str, raw: bytes) -> None:
    original = (hub_copy / rel).read_bytes()
    try:
        (hub_copy / rel).write_bytes(raw)
        before = _snapshot(hub_copy)
        loaded = load_all(Sources(hub_copy))
        _, problems = validate(hub_copy)
        assert _snapshot(hub_copy) == before, "loading must not write anything"
        files = set(loaded.files) | set(RECORD_FILES)
        _well_formed(loaded.problems, files)
        _well_formed(problems, files)
    finally:
        (hub_copy / rel).write_bytes(original)


# --- known nasty inputs: one clear error each -------------------------------------------------

BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True))
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n"


@pytest.mark.parametrize("rel, raw, expected", [
    ("content/briefs/alpha-brief.md", b"", "the file is empty"),
    ("content/briefs/alpha-brief.md", b"---\n---\nBody.\n", "the file is empty"),
    ("content/briefs/alpha-brief.md", b"---\n# only a comment\n---\nBody.\n", "the file is empty"),
    ("content/briefs/alpha-brief.md", ("---\n" + BOMB + "---\nBody.\n").encode(), "aliases (*name)"),
    ("content/briefs/alpha-brief.md", ("---\n" + DEEP_BLOCK + "---\nBody.\n").encode(),
     "nested more than 40 levels deep"),
    ("content/briefs/alpha-brief.md", b"---\ntitle: Bogot\xe1\n---\nBody.\n", "not UTF-8 text (byte 0xE1)"),
    ("content/briefs/alpha-brief.md", b"---\n- a\n- b\n---\nBody.\n", "front matter must be `field: value`"),
    ("content/briefs/alpha-brief.md", b"---\ntitle: [unclosed\n---\nBody.\n", "YAML syntax error"),
    ("curriculum/modules/sm-101.yaml", b"", "the file is empty"),
    ("curriculum/modules/sm-101.yaml", b"\xff\xfe\x00x", "not UTF-8 text"),
    ("curriculum/modules/sm-101.yaml", DEEP_BLOCK.encode(), "nested more than 40 levels deep"),
    ("curriculum/modules/sm-101.yaml", b"[" * 5000 + b"]" * 5000, "nested more than 40 levels deep"),
    ("partners.yaml", BOMB.encode(), "aliases (*name)"),
    ("partners.yaml", b"   \n\n", "the file is empty"),
    ("members.yaml", b"- {a: 1}\n" * 3 + b"\x00",
     "members.yaml:4:1: the file contains an invisible control character"),
])
def test_nasty_files_give_one_clear_error(hub_copy: Path, rel: str, raw: bytes, expected: str) -> None:
    original = (hub_copy / rel).read_bytes()
    try:
        (hub_copy / rel).write_bytes(raw)
        problems = [p for p in load_all(Sources(hub_copy)).problems if p.path == rel]
    finally:
        (hub_copy / rel).write_bytes(original)
    assert len(errors(problems)) == 1, [p.format() for p in problems]
    assert expected in problems[0].format()
    _well_formed(problems, {rel})


def test_brief_model_is_reached_by_front_matter() -> None:
    """Sanity: the property tests do exercise the models (a valid record loads)."""
    loaded = load_all(Sources(FIXTURE))
    assert not errors(loaded.problems)
    assert isinstance(loaded.briefs[0][1], Brief) and isinstance(loaded.partners[0][0], Partner)
    assert isinstance(loaded.members[0][0], Member) and isinstance(loaded.modules[0][0], Module)
