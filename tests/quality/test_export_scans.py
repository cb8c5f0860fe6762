"""The export scans on the fixture and repository sites, and proof that each scan can fail."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from export_checks import scan_citations, scan_csv, scan_xml

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["fixture_site", pytest.param("repo_site", marks=pytest.mark.sample)])
def test_exports_are_clean(name: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(name)
    assert list(site.rglob("*.csv")) and list(site.rglob("cite.bib")) and (site / "sitemap.xml.gz").is_file()
    assert scan_csv(site) == []
    assert scan_xml(site) == []
    assert scan_citations(site) == []


def test_scans_find_planted_problems(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    (site / "data" / "members.csv").write_text('id,name\nx,=1+1\ny,"\'=1+1"\nz\n', encoding="utf-8")
    (site / "briefs.rss.xml").write_bytes(b"<rss><title>Feed\x01breaker</title></rss>")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url>"))
    bib = next(site.rglob("cite.bib"))
    injected = "}}\n@misc{injected,\n  title = {x}\n}\n"
    bib.write_text(bib.read_text(encoding="utf-8").replace("}\n", injected, 1))
    ris = next(site.rglob("cite.ris"))
    ris.write_bytes(ris.read_bytes().replace(b"TI  - ", b"TI  - x\r\nTY  - JOUR\r\nTI  - ", 1))
    found = "\n".join(scan_csv(site) + scan_xml(site) + scan_citations(site))
    assert "members.csv: row 2: a cell a spreadsheet would run: '=1+1'" in found
    assert "members.csv: row 4 has 1 cells" in found and "row 3:" not in found
    assert "briefs.rss.xml: not well-formed XML" in found and "sitemap.xml.gz: not well-formed" in found
    assert f"{bib.relative_to(site).as_posix()}: " in found
    assert f"{ris.relative_to(site).as_posix()}: not one record" in found
