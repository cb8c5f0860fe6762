"""overrides/partials/search.html is Material's search box with one change, the dialog's name:
after an upgrade of Material this test says when to copy the partial again."""

from __future__ import annotations

import re
from importlib.util import find_spec
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NAME = ''' aria-label="{{ lang.t('search') }}"'''


def test_search_override_is_materials_own_with_a_named_dialog() -> None:
    spec = find_spec("material")
    assert spec and spec.submodule_search_locations
    material = Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "search.html"
    ours = (REPO / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert f'role="dialog"{NAME}>' in ours
    header = re.match(r"\{#-.*?-#\}\n", ours, re.S)
    assert header, "the override starts with a comment saying what it changes"
    assert ours[header.end():].replace(NAME, "", 1) == material.read_text(encoding="utf-8")
