"""A contributor's mistake stops the build with the validator's lines and writes no site."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, make_hub

pytestmark = pytest.mark.slow


def test_broken_record_stops_the_build_with_located_errors(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    partners = hub / "partners.yaml"
    partners.write_text(partners.read_text().replace('country: "KE"', 'country: "KEN"'))
    result = build_site(hub)
    assert result.returncode != 0
    assert "partners.yaml:20:12: partners[2].country: 'KEN' is not a two-letter country code" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (hub / "site" / "index.html").exists()
