"""`make check` gives a contributor the verdict CI gives: CI runs the very same target."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, run_hub

VENV = REPO / ".venv"


def test_ci_runs_make_check_before_the_tests() -> None:
    lines = [ln.split("#")[0].strip() for ln in (REPO / ".ci" / "run").read_text().splitlines()]
    assert "make check" in lines and lines.index("make check") < lines.index("make test")


def make_check(hub: Path) -> subprocess.CompletedProcess[str]:
    # -o: the venv is already installed; use the repository's, do not reinstall it here.
    return subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "check",
                           f"VENV={VENV}"], cwd=hub, capture_output=True, text=True, timeout=300)


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    if not (VENV / "bin" / "python").exists():
        pytest.skip("needs the .venv that `make test` creates")
    hub = Path(shutil.copytree(FIXTURE, tmp_path / "hub"))
    for part in ("Makefile", "requirements.lock"):
        shutil.copy2(REPO / part, hub / part)
    shutil.copytree(REPO / "schemas", hub / "schemas")
    shutil.copytree(REPO / "hooks", hub / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    assert run_hub("generate", "--write", cwd=hub).returncode == 0  # its own network's schemas
    return hub


def test_make_check_passes_on_valid_records(hub: Path) -> None:
    result = make_check(hub)
    assert result.returncode == 0, result.stderr
    assert "All records are valid." in result.stderr


def test_make_check_fails_with_the_validators_lines(hub: Path) -> None:
    path = hub / "partners.yaml"
    path.write_text(path.read_text().replace("type: ngo", "type: ngoo"))
    result = make_check(hub)
    assert result.returncode != 0
    assert ("partners.yaml:29:9: partners[3].type: 'ngoo' is not a known partner type; "
            "did you mean 'ngo'?") in result.stderr
    # The summary names the command that was run, not another one.
    assert result.stderr.rstrip().splitlines()[-2].endswith(
        "nothing was built. Fix the lines above and run `make check` again.")


def test_make_new_with_spaces_in_the_id_suggests_a_valid_id(hub: Path) -> None:
    result = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "new",
                             "KIND=partner", "ID=Riverbend DHO", f"VENV={VENV}"],
                            cwd=hub, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert ("hub new: 'Riverbend DHO' is not a valid partner id: use lower-case letters, digits "
            "and hyphens only, e.g. 'riverbend-dho' (make new KIND=partner ID=riverbend-dho)\n"
            ) in result.stderr
    assert "usage:" not in result.stderr and "unrecognized arguments" not in result.stderr
