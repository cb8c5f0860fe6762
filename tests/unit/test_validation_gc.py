"""`validate(freeze=True)` (what `hub build` asks for) gives the same verdict and moves what
validation made out of the cycle collector's sight; without it, nothing is frozen."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from hub.validate_links import validate

REPO = Path(__file__).resolve().parents[2]
ON = dt.date(2025, 12, 2)


def test_freeze_keeps_the_verdict_and_freezes_only_when_asked() -> None:
    gc.unfreeze()
    try:
        for root in (REPO / "tests" / "fixtures" / "hub", REPO):
            cat, problems = validate(root, on=ON)
            assert gc.get_freeze_count() == 0  # (the preview and tests validate again and again)
            frozen_cat, frozen_problems = validate(root, on=ON, freeze=True)
            assert gc.get_freeze_count() > 0
            gc.unfreeze()
            assert frozen_problems == problems
            assert sorted(frozen_cat.partners) == sorted(cat.partners)
            assert list(frozen_cat.members.values()) == list(cat.members.values())
            assert gc.isenabled()
    finally:
        gc.unfreeze()
