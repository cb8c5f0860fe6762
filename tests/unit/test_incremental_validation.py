"""The live preview validates again only the record files that changed (`load_all`'s cache),
and must report exactly what a full validation reports: every problem, at the same file,
line and column, and the same records.

Each case of the bad-input corpus is applied as an edit to a preview that has already read
the fixture hub, then undone (the contributor fixes it); after each step the cached
validation is compared with a validation from scratch.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hub.validate_links import validate

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "hub"
BAD = REPO / "tests" / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir())
ON = __import__("datetime").date(2025, 12, 2)


def _same(root: Path, cache: dict) -> None:
    cat, problems = validate(root, on=ON, cache=cache)
    fresh_cat, fresh = validate(root, on=ON)
    assert [p.format() for p in problems] == [p.format() for p in fresh]
    for table in ("partners", "members", "briefs", "tracks", "modules"):
        assert getattr(cat, table) == getattr(fresh_cat, table), table
    assert [(k, o.path, o.line) for k, o in cat.origins.items()] == \
        [(k, o.path, o.line) for k, o in fresh_cat.origins.items()]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_edit_and_its_fix_validate_as_from_scratch(tmp_path: Path, case: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(FIXTURE, root)
    cache: dict = {}
    _same(root, cache)
    assert cache, "the preview keeps what each file gave"
    added = []
    for src in sorted(case.rglob("*")):
        rel = src.relative_to(case)
        if src.is_file() and rel.as_posix() != "expected.txt":
            added.append((rel, (root / rel).read_bytes() if (root / rel).exists() else None))
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    _same(root, cache)  # the mistakes, exactly as `hub validate` gives them
    for rel, before in added:  # the fix
        if before is None:
            (root / rel).unlink()
        else:
            (root / rel).write_bytes(before)
    _same(root, cache)


def test_a_record_renamed_added_and_removed(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(FIXTURE, root)
    cache: dict = {}
    _same(root, cache)
    modules = root / "curriculum" / "modules"
    (modules / "sm-101.yaml").rename(modules / "sm-102.yaml")  # the id no longer matches the file
    _same(root, cache)
    text = (modules / "sm-102.yaml").read_text(encoding="utf-8").replace("id: sm-101", "id: sm-102")
    (modules / "sm-102.yaml").write_text(text, encoding="utf-8")
    _same(root, cache)
    shutil.copy2(root / "content" / "briefs" / "alpha-brief.md", root / "content" / "briefs" / "alpha-two.md")
    _same(root, cache)
    (root / "content" / "briefs" / "alpha-two.md").unlink()
    _same(root, cache)


def test_a_name_withheld_later_is_found_in_files_not_read_again(tmp_path: Path) -> None:
    """The search for withheld names remembers, per file, what it found (hub.validate_privacy):
    a file that did not change is not searched again while the withheld names stay the same.
    A member who withdraws consent changes the names: every file is searched again."""
    root = tmp_path / "hub"
    shutil.copytree(FIXTURE, root)
    brief, members = root / "content" / "briefs" / "beta-brief.md", root / "members.yaml"
    brief.write_text(brief.read_text(encoding="utf-8") + "\nWith thanks to Ben Example.\n", encoding="utf-8")
    cache: dict = {}

    def withheld() -> list[str]:
        _same(root, cache)
        _, problems = validate(root, on=ON, cache=cache)
        return [p.format() for p in problems if "not agreed to a public profile" in p.message]

    assert withheld() == []
    text = members.read_text(encoding="utf-8")
    ben = text.index("name: Ben Example")
    consent = text.index("consent: {public: true", ben)
    members.write_text(text[:consent] + text[consent:].replace("public: true", "public: false", 1),
                       encoding="utf-8")
    found = withheld()  # beta-brief.md did not change, the names did
    assert len(found) == 1 and found[0].startswith("content/briefs/beta-brief.md:"), found
    assert withheld() == found  # and again, from what was remembered
    members.write_text(text, encoding="utf-8")
    assert withheld() == []


def _partner_objects(cache: dict) -> dict[str, list]:
    return {p.id: p for p, _ in cache["partners.yaml"][1].partners}


@pytest.fixture
def read_once(tmp_path: Path) -> tuple[Path, Path, str, dict]:
    """A copy of the fixture hub validated once: (root, its partners.yaml, that file's text,
    the cache of that first reading)."""
    root = tmp_path / "hub"
    shutil.copytree(FIXTURE, root)
    partners = root / "partners.yaml"
    cache: dict = {}
    _same(root, cache)
    return root, partners, partners.read_text(encoding="utf-8"), cache


def test_an_edit_to_one_record_of_a_list_file_checks_that_record_only(read_once) -> None:
    """A list file read again after an edit keeps the records whose data did not change (the
    same objects: checking them again would give them again), and checks the edited one; the
    problems are still exactly a full validation's, located in the new text."""
    root, partners, text, cache = read_once
    first = _partner_objects(cache)

    def edit(new: str) -> dict:
        partners.write_text(new, encoding="utf-8")
        _same(root, cache)
        return _partner_objects(cache)

    # a line added above every other partner: the others move, and are kept
    now = edit(text.replace("name: Alpha Example Ministry of Health",
                            "name: Alpha Example Ministry of Public Health\n  short_name: AEMPH", 1)
               .replace("  short_name: AEMH\n", "", 1))
    assert now["alpha-ministry"] is not first["alpha-ministry"]
    assert now["alpha-ministry"].name == "Alpha Example Ministry of Public Health"
    assert all(now[k] is first[k] for k in first if k != "alpha-ministry")
    # the edited record into an error (located in the new text) and back
    now = edit(text.replace("city: Kisumu\n", "city: Kisumu\n  tier: nowhere\n", 1))
    assert "beta-university" not in now
    now = edit(text)
    assert now["beta-university"] == first["beta-university"]
    assert now["gamma-ngo"] is first["gamma-ngo"]
    # a placeholder (an error of a record that otherwise passes) and back
    edit(text.replace("website: https://example.org/gamma", "website: https://gamma.invalid/(replace)", 1))
    edit(text)
    # a duplicate id introduced by the edited record: reported as from scratch, and each
    # record written twice is checked on its own
    gamma = text[text.index("- id: gamma-ngo"):]
    gamma = gamma[:gamma.index("\n- id:") + 1] if "\n- id:" in gamma else gamma
    edit(text.replace("- id: beta-university", "- id: gamma-ngo", 1))
    now = edit(text + gamma)
    assert [p.id for p, _ in cache["partners.yaml"][1].partners].count("gamma-ngo") == 2
    edit(text)
    # the same fields in another order: equal data, still checked again
    now = edit(text.replace("  city: Kisumu\n  website: https://example.org/beta\n",
                            "  website: https://example.org/beta\n  city: Kisumu\n", 1))
    assert now["beta-university"] is not first["beta-university"]


def test_a_withheld_name_written_into_a_kept_record_file(read_once) -> None:
    """A withheld member's name written into one partner: found as from scratch, although the
    other partners are kept from the last reading."""
    root, partners, text, cache = read_once
    partners.write_text(text.replace("Beta trains community-oriented doctors.",
                                     "Beta trains doctors with Quillon Withheld.", 1), encoding="utf-8")
    _same(root, cache)
    _, problems = validate(root, on=ON, cache=cache)
    assert [p.format().split(": ")[0] for p in problems if "public profile" in p.message] == \
        ["partners.yaml:25:16"]
    partners.write_text(text, encoding="utf-8")
    _same(root, cache)


def test_the_preview_makes_the_pages_of_changed_records_only(tmp_path: Path) -> None:
    """`generate_pages(memo=)` (the live preview's) gives the same pages as without a memo, the
    page of each record that is the same object again, and a new page for the edited record."""
    from hub.generate_pages import generate_pages

    root = tmp_path / "hub"
    shutil.copytree(FIXTURE, root)
    cache: dict = {}
    memo: dict = {}
    cat, _ = validate(root, on=ON, cache=cache)
    first = {s.src_uri: s for s in generate_pages(cat, memo)}
    partners = root / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8").replace(
        "Gamma works with community health workers.", "Gamma trains community health workers."),
        encoding="utf-8")
    cat, _ = validate(root, on=ON, cache=cache)
    again = generate_pages(cat, memo)
    assert again == generate_pages(cat)
    now = {s.src_uri: s for s in again}
    assert "trains" in now["partners/gamma-ngo.md"].body
    assert now["partners/beta-university.md"] is first["partners/beta-university.md"]
    assert now["partners/alpha-ministry.md"] is first["partners/alpha-ministry.md"]
