"""Supply chain: `requirements.lock` pins every dependency with hashes and agrees with
`requirements.in`. Checked offline, by parsing both files (pip-compile needs the network)."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]


def read_in(path: Path) -> list[Requirement]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            out.append(Requirement(line))
    return out


def read_lock(path: Path) -> dict[str, dict]:
    """name -> {version, hashes, via}: one entry per pinned requirement of the lock file."""
    text = path.read_text(encoding="utf-8")
    entries: dict[str, dict] = {}
    current: dict | None = None
    for raw in re.sub(r"\\\n", " ", text).splitlines():
        line = raw.strip()
        if not line or line.startswith("--"):
            continue
        if line.startswith("#"):
            if current is not None and ("via" in line or line.startswith("#   ")):
                current["via"].append(line.lstrip("# ").removeprefix("via "))
            continue
        head, *options = line.split(" --")
        m = re.fullmatch(r"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;]+)(?:\s*;.*)?", head.strip())
        assert m, f"requirements.lock: not an exact pin: {head!r}"
        current = {"version": m.group(2), "via": [],
                   "hashes": [o.split("=", 1)[1].strip() for o in options if o.startswith("hash=")]}
        entries[canonicalize_name(m.group(1))] = current
    return entries


def disagreements(req_in: Path, lock: Path) -> list[str]:
    wanted, pinned = read_in(req_in), read_lock(lock)
    out = []
    for req in wanted:
        entry = pinned.get(canonicalize_name(req.name))
        if entry is None:
            out.append(f"{req.name}: in requirements.in but not pinned in requirements.lock")
        elif not req.specifier.contains(entry["version"], prereleases=True):
            out.append(f"{req.name}: the lock pins {entry['version']}, outside {req.specifier}")
    names = {canonicalize_name(r.name) for r in wanted}
    for name, entry in pinned.items():
        if not entry["hashes"]:
            out.append(f"{name}=={entry['version']}: no --hash in requirements.lock")
        elif not all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in entry["hashes"]):
            out.append(f"{name}: a hash is not sha256")
        if any(v.startswith("-r requirements.in") for v in entry["via"]) and name not in names:
            out.append(f"{name}: pinned as a direct requirement, but no longer in requirements.in")
    return out


def test_lock_agrees_with_requirements_in() -> None:
    assert disagreements(REPO / "requirements.in", REPO / "requirements.lock") == []


def test_every_lock_entry_has_hashes() -> None:
    pinned = read_lock(REPO / "requirements.lock")
    assert len(pinned) > 20 and all(e["hashes"] for e in pinned.values())


def test_installed_environment_is_the_lock() -> None:
    """The tests run against exactly the pinned versions (make installs with --require-hashes)."""
    wrong = []
    for name, entry in read_lock(REPO / "requirements.lock").items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # platform-specific (e.g. colorama on Windows): not installed here
        if canonicalize_name(have) != canonicalize_name(entry["version"]) and have != entry["version"]:
            wrong.append(f"{name}: installed {have}, locked {entry['version']}")
    assert wrong == []


@pytest.mark.parametrize("edit, expected", [
    (("in", r"pyyaml>=6.0", "pyyaml>=99"), "pyyaml: the lock pins"),
    (("in", r"nh3>=0.2", "nh3>=0.2\nrequests-toolbelt>=1"), "requests-toolbelt: in requirements.in but not"),
    (("in", r"nh3>=0.2\n", ""), "nh3: pinned as a direct requirement, but no longer in requirements.in"),
    (("lock", r"(idna==[^ ]+) \\\n", r"\1\nidna-orphan==1 \\\n"), "no --hash"),
    (("lock", r"pyyaml==[^ ]+", "pyyaml>=6"), "not an exact pin"),
])
def test_disagreements_are_found(tmp_path: Path, edit: tuple[str, str, str], expected: str) -> None:
    which, old, new = edit
    files = {"in": tmp_path / "requirements.in", "lock": tmp_path / "requirements.lock"}
    for key, name in (("in", "requirements.in"), ("lock", "requirements.lock")):
        files[key].write_text((REPO / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = files[which].read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1)
    assert changed != text
    files[which].write_text(changed, encoding="utf-8")
    try:
        found = "\n".join(disagreements(files["in"], files["lock"]))
    except AssertionError as exc:
        found = str(exc)
    assert expected in found
