"""The live preview's incremental rebuild: which pages an edit to the records changes.

No MkDocs imports: `hooks/incremental_build.py` runs MkDocs' own build steps and asks this
module which pages to render again.

How a page's dependencies are known: while the preview renders a page, every read of the
catalog goes through `TrackedCatalog`, which notes what was read: a whole attribute
(`hub.partners_by_name`), one entry of a mapping (`hub.by_country["NP"]`), a method call
with its arguments, and the same for the template globals that are plain dicts
(`hub_counts.partners`). After an edit the records are validated again into a new catalog;
each noted read is evaluated on the old and on the new catalog, and a page is rendered again
when one of its reads gives a different value. Nothing is listed by hand, so a template that
starts showing a new relation is covered without a change here; values are compared with
`==` (records are pydantic models and dataclasses), and anything without a meaningful `==`
counts as changed, which only renders more. tests/build/test_preview_incremental.py holds
the result to a clean build, byte for byte, after a sequence of edits.
"""

from __future__ import annotations

import datetime as dt
import os
import types
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping
from pathlib import Path
from typing import Any

MISSING = object()
Dep = tuple  # (attribute,) | (attribute, "item", key) | (attribute, "has", key) | (attribute, "call", args)


class Tracker:
    """The reads of each page (by its source path) while it is being rendered."""

    def __init__(self) -> None:
        self.page: str | None = None
        self.deps: dict[str, set[Dep]] = defaultdict(set)

    def note(self, dep: Dep) -> None:
        if self.page is not None:
            self.deps[self.page].add(dep)

    def start(self, page: str) -> None:
        self.page = page

    def stop(self) -> None:
        self.page = None


class _TrackedMapping(Mapping):
    """A mapping read by a page: an entry read notes that entry, anything else the whole."""

    __slots__ = ("_name", "_data", "_tracker")

    def __init__(self, name: Hashable, data: Mapping, tracker: Tracker) -> None:
        self._name, self._data, self._tracker = name, data, tracker

    def __getitem__(self, key):
        self._item(key)
        return self._data[key]

    def get(self, key, default=None):
        self._item(key)
        return self._data.get(key, default)

    def __contains__(self, key) -> bool:
        try:
            self._tracker.note((self._name, "has", key))
        except TypeError:  # an unhashable key: depend on the whole mapping
            self._tracker.note((self._name,))
        return key in self._data

    def _item(self, key) -> None:
        try:
            self._tracker.note((self._name, "item", key))
        except TypeError:
            self._tracker.note((self._name,))

    def _whole(self) -> Mapping:
        self._tracker.note((self._name,))
        return self._data

    def __iter__(self) -> Iterator:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def keys(self):
        return self._whole().keys()

    def values(self):
        return self._whole().values()

    def items(self):
        return self._whole().items()

    def __eq__(self, other) -> bool:
        return self._whole() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._data)


class TrackedCatalog:
    """Stands for the catalog (`hub` in the templates, `config["hub_catalog"]`) in the live
    preview. `target` is the current catalog; swapping it is how the hooks that kept this
    object (the macros, the template globals) see the records after an edit."""

    __slots__ = ("target", "tracker")

    def __init__(self, target: Any, tracker: Tracker) -> None:
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "tracker", tracker)

    def __getattr__(self, name: str):
        value = getattr(self.target, name)
        tracker = self.tracker
        if tracker.page is None:  # files, feeds, open data: made again on every rebuild
            return value
        if isinstance(value, Mapping):
            return _TrackedMapping(name, value, tracker)
        if callable(value) and not isinstance(value, type):
            return _tracked_call(name, value, tracker)
        tracker.note((name,))
        return value

    def __setattr__(self, name: str, value) -> None:
        setattr(self.target, name, value)


def _tracked_call(name: str, method: Callable, tracker: Tracker) -> Callable:
    def call(*args, **kwargs):
        try:
            tracker.note((name, "call", args, tuple(sorted(kwargs.items()))))
        except TypeError:
            tracker.note((name, "never-same"))
        return method(*args, **kwargs)

    return call


class _TrackedValue:
    """A template global that is an object (a pydantic model, a list...): any use of it is a
    read of the whole value."""

    __slots__ = ("_name", "_data", "_tracker")

    def __init__(self, name: Hashable, data: Any, tracker: Tracker) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_tracker", tracker)

    def _whole(self) -> Any:
        self._tracker.note((self._name,))
        return self._data

    def __getattr__(self, name: str):
        return getattr(self._whole(), name)

    def __getitem__(self, key):
        return self._whole()[key]

    def __iter__(self) -> Iterator:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __contains__(self, key) -> bool:
        return key in self._whole()

    def __bool__(self) -> bool:
        return bool(self._whole())

    def __str__(self) -> str:
        return str(self._whole())

    def __eq__(self, other) -> bool:
        return self._whole() == other

    __hash__ = None  # type: ignore[assignment]


SCALARS = (str, bytes, int, float, bool, type(None), dt.date)


def track_globals(globals_: dict, tracker: Tracker) -> tuple[dict, set[str]]:
    """Make the template globals that hold data note their reads, as the catalog does: a dict
    by entry, any other object as a whole (dependencies named `("@global", name)`). Functions,
    classes and modules are code, not data. A plain value (text, a number, a date) cannot be
    wrapped without changing how templates treat it: its name is returned, and a change of
    its value renders every page again. Returns the untracked values, to compare with."""
    plain, scalars = {}, set()
    for name, value in list(globals_.items()):
        if isinstance(value, (TrackedCatalog, _TrackedMapping, _TrackedValue)) or callable(value) \
                or isinstance(value, (type, types.ModuleType)):
            continue
        plain[name] = value
        if type(value) is dict:
            globals_[name] = _TrackedMapping(("@global", name), value, tracker)
        elif isinstance(value, SCALARS):
            scalars.add(name)
        else:
            globals_[name] = _TrackedValue(("@global", name), value, tracker)
    return plain, scalars


def _value(source: Any, spaces: Mapping, dep: Dep):
    head = dep[0]
    if isinstance(head, tuple):  # ("@global", name) or ("@file", path): looked up in `spaces`
        value = spaces[head[0]].get(head[1], MISSING)
    else:
        value = getattr(source, head, MISSING)
    if len(dep) == 1 or value is MISSING:
        return value
    op = dep[1]
    if op == "item":
        key = dep[2]
        if key in value:
            return value[key]
        return value.default_factory() if isinstance(value, defaultdict) else MISSING
    if op == "has":
        return dep[2] in value
    if op == "call":
        return value(*dep[2], **dict(dep[3]))
    return object()  # "never-same": a fresh object equals nothing


def changed_deps(deps: set[Dep], old: tuple[Any, Mapping], new: tuple[Any, Mapping]) -> set[Dep]:
    """The reads that give a different value on the new catalog (and globals) than on the old."""
    out: set[Dep] = set()
    # Most reads are one entry of a table of the catalog (`hub.partners["x"]`): those are
    # compared table by table, each table looked up once (the same values as `_value` gives).
    items: dict[str, list[Dep]] = {}
    rest = []
    for dep in deps:
        if len(dep) == 3 and dep[1] == "item" and type(dep[0]) is str:
            items.setdefault(dep[0], []).append(dep)
        else:
            rest.append(dep)
    for head, group in items.items():
        try:
            was_table, now_table = getattr(old[0], head, MISSING), getattr(new[0], head, MISSING)
        except Exception:
            was_table = now_table = MISSING
        if was_table is MISSING or now_table is MISSING or isinstance(was_table, defaultdict) \
                or isinstance(now_table, defaultdict):
            rest += group
            continue
        for dep in group:
            key = dep[2]
            try:
                was = was_table[key] if key in was_table else MISSING
                now = now_table[key] if key in now_table else MISSING
                if was is not now and was != now:
                    out.add(dep)
            except Exception:
                out.add(dep)
    for dep in rest:
        try:
            was, now = _value(*old, dep), _value(*new, dep)
            if was is not now and was != now:  # a record of a file that was not read again is the same object
                out.add(dep)
        except Exception:  # a read that fails now (a removed key...): the page must be rendered
            out.add(dep)
    return out


# --- which files changed since the last build ------------------------------------------------

def snapshot(paths: list[str | Path]) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under `paths` (files or folders)."""
    out: dict[str, tuple[int, int]] = {}
    for top in paths:
        top = str(top)
        if os.path.isfile(top):
            st = os.stat(top)
            out[top] = (st.st_mtime_ns, st.st_size)
            continue
        for folder, dirs, names in os.walk(top):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in names:
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                out[path] = (st.st_mtime_ns, st.st_size)
    return out


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def record_files_only(changed: set[str], root: Path, record_paths: tuple[str, ...]) -> bool:
    """Whether every changed file is a record file (what the incremental rebuild handles);
    anything else (a template, a hook, mkdocs.yml, hub.yml, a hand-written page, an image)
    needs a full rebuild."""
    for path in changed:
        rel = Path(os.path.relpath(path, root)).as_posix()
        if not any(rel == r or (r.endswith("/") and rel.startswith(r)) for r in record_paths):
            return False
    return True
