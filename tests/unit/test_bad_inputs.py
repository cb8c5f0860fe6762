"""The bad-input corpus: each folder of tests/bad/ breaks the fixture hub in its own way.

A case folder holds files that replace (or add to) the files of tests/fixtures/hub, and an
`expected.txt` with the exact lines `hub validate` must print: what a contributor would see.
To record the output of a new case, run
`UPDATE_BAD_EXPECTED=1 .venv/bin/python -m pytest tests/unit/test_bad_inputs.py`, then read
every line as a newcomer would before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, run_hub

BAD = REPO / "tests" / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir())


def overlay(case: Path, dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("__pycache__"))
    for f in sorted(case.rglob("*")):
        if f.is_file() and f.name != "expected.txt":
            target = dest / f.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return dest


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_the_expected_messages(case: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02: stable review warnings
    hub = overlay(case, tmp_path / "hub")
    result = run_hub("validate", cwd=hub)
    expected = case / "expected.txt"
    if os.environ.get("UPDATE_BAD_EXPECTED") == "1":
        expected.write_text(result.stderr, encoding="utf-8")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == expected.read_text(encoding="utf-8").splitlines()


def test_every_case_has_expected_output_and_files() -> None:
    assert len(CASES) >= 8
    for case in CASES:
        assert (case / "expected.txt").is_file(), case.name
        assert any(f.name != "expected.txt" for f in case.rglob("*") if f.is_file()), case.name
