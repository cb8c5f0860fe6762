"""`hub.incremental`: what a page read from the catalog, and which reads changed after an edit.

The byte-for-byte comparison with a clean build is tests/build/test_preview_incremental.py;
these tests show each kind of read on its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from hub.incremental import (
    TrackedCatalog,
    Tracker,
    changed_deps,
    changed_files,
    track_globals,
)


@dataclass
class Cat:
    partners: dict = field(default_factory=dict)
    by_country: dict = field(default_factory=lambda: defaultdict(list))
    names: list = field(default_factory=list)

    def origin(self, kind: str, key: str) -> str:
        return f"{kind}:{self.partners.get(key)}"


def _reads(cat: Cat, page: str, read) -> tuple[Tracker, set]:
    tracker = Tracker()
    proxy = TrackedCatalog(cat, tracker)
    read(proxy)  # outside a page: nothing noted (files, feeds, open data are made every time)
    tracker.start(page)
    read(proxy)
    tracker.stop()
    return tracker, tracker.deps[page]


def test_one_entry_read_depends_on_that_entry_only() -> None:
    old = Cat(partners={"a": "Alpha", "b": "Beta"})
    _, deps = _reads(old, "p", lambda c: c.partners["a"])
    assert deps == {("partners", "item", "a")}
    assert changed_deps(deps, (old, {}), (Cat(partners={"a": "Alpha", "b": "Beta 2"}), {})) == set()
    assert changed_deps(deps, (old, {}), (Cat(partners={"a": "Alpha 2", "b": "Beta"}), {})) == deps
    assert changed_deps(deps, (old, {}), (Cat(partners={"b": "Beta"}), {})) == deps  # removed


def test_a_listing_depends_on_the_whole_mapping() -> None:
    old = Cat(partners={"a": "Alpha"})
    _, deps = _reads(old, "list", lambda c: [v for v in c.partners.values()])
    assert deps == {("partners",)}
    assert changed_deps(deps, (old, {}), (Cat(partners={"a": "Alpha", "c": "Gamma"}), {})) == deps
    _, deps = _reads(old, "count", lambda c: len(c.partners))
    assert deps == {("partners",)}


def test_membership_a_missing_default_entry_and_a_method_call() -> None:
    old = Cat(partners={"a": "Alpha"})
    _, deps = _reads(old, "p", lambda c: ("z" in c.partners, c.by_country["NP"], c.origin("partner", "a")))
    assert deps == {("partners", "has", "z"), ("by_country", "item", "NP"),
                    ("origin", "call", ("partner", "a"), ())}
    new = Cat(partners={"a": "Alpha"})
    assert changed_deps(deps, (old, {}), (new, {})) == set()
    new.by_country["NP"].append("x")
    new.partners["z"] = "Zeta"
    assert changed_deps(deps, (old, {}), (new, {})) == {("partners", "has", "z"),
                                                        ("by_country", "item", "NP")}
    renamed = Cat(partners={"a": "Alpha 2", "z": "Zeta"})
    assert ("origin", "call", ("partner", "a"), ()) in changed_deps(deps, (old, {}), (renamed, {}))


def test_a_plain_attribute_and_a_template_global() -> None:
    old = Cat(names=["a"])
    tracker, deps = _reads(old, "p", lambda c: c.names)
    assert deps == {("names",)}
    assert changed_deps(deps, (old, {}), (Cat(names=["a", "b"]), {})) == deps
    globals_ = {"hub_counts": {"partners": 1, "members": 2}, "plural": len, "edition": "FY2026",
                "figures": Cat(names=["x"])}
    plain, scalars = track_globals(globals_, tracker)
    assert set(plain) == {"hub_counts", "edition", "figures"} and scalars == {"edition"}
    assert globals_["edition"] == "FY2026" and globals_["plural"] is len
    tracker.start("q")
    assert globals_["hub_counts"]["members"] == 2
    tracker.stop()
    dep = (("@global", "hub_counts"), "item", "members")
    assert tracker.deps["q"] == {dep}
    same = {"@global": {"hub_counts": {"partners": 5, "members": 2}}}
    other = {"@global": {"hub_counts": {"partners": 1, "members": 3}}}
    assert changed_deps({dep}, (None, {"@global": plain}), (None, same)) == set()
    assert changed_deps({dep}, (None, {"@global": plain}), (None, other)) == {dep}


def test_changed_files(tmp_path: Path) -> None:
    from hub.incremental import snapshot

    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    before = snapshot([tmp_path])
    (tmp_path / "a.yaml").write_text("xy", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("y", encoding="utf-8")
    assert changed_files(before, snapshot([tmp_path])) == {str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")}


def test_which_files_an_incremental_rebuild_handles() -> None:
    from incremental_build import is_record_file

    for rel in ("partners.yaml", "members.yaml", "curriculum/tracks.yaml", "curriculum/modules/x.yaml",
                "content/briefs/x.md"):
        assert is_record_file(rel), rel
    for rel in ("mkdocs.yml", "hub.yml", "overrides/main.html", "hooks/site.py", "content/about.md",
                "content/briefs/x.png", "content/briefs/sub/x.md", "content/assets/logo.svg"):
        assert not is_record_file(rel), rel


def test_an_object_global_is_read_as_a_whole() -> None:
    tracker = Tracker()
    globals_ = {"figures": Cat(names=["x"])}
    plain, _ = track_globals(globals_, tracker)
    tracker.start("numbers")
    assert globals_["figures"].names == ["x"]
    tracker.stop()
    dep = (("@global", "figures"),)
    assert tracker.deps["numbers"] == {dep}
    before = (None, {"@global": plain})
    assert changed_deps({dep}, before, (None, {"@global": {"figures": Cat(names=["x"])}})) == set()
    assert changed_deps({dep}, before, (None, {"@global": {"figures": Cat(names=["y"])}})) == {dep}
