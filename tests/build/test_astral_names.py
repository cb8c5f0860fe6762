"""A record whose name holds a character beyond the Basic Multilingual Plane (an emoji, a
historic script) is valid, and its page is built like any other: the generated page's front
matter writes it as YAML's `\\U` escape, which MkDocs reads (JSON's surrogate pair would make
MkDocs refuse the page's data and the build stop)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, make_hub

pytestmark = pytest.mark.slow
NAME = "Alpha Example Ministry of Health"


def test_an_emoji_in_a_partner_name(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    partners = hub / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    assert f"  name: {NAME}\n" in text
    partners.write_text(text.replace(f"  name: {NAME}\n", f"  name: {NAME} \U0001f30d\n"), encoding="utf-8")
    result = build_site(hub)
    assert result.returncode == 0, result.stderr
    page = (hub / "site" / "partners" / "alpha-ministry" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{NAME} \U0001f30d" in page
    assert '"hub_kind"' not in page  # no front matter shown as text
