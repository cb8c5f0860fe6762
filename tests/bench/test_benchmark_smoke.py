"""The benchmark's generator makes valid hubs, and `benchmarks/run.py` runs end to end.

Tiny sizes only, and no timing is asserted: the numbers are for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, make_hub

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_baseline, generate_hub, split  # noqa: E402

from hub.validate_links import validate  # noqa: E402

pytestmark = pytest.mark.slow


def test_generated_hub_is_valid_and_deterministic(tmp_path: Path) -> None:
    a, b = make_hub(tmp_path / "a", records=None), make_hub(tmp_path / "b", records=None)
    counts = generate_hub(a, 40, seed=7)
    generate_hub(b, 40, seed=7)
    assert counts.total == 40 and counts == split(40)
    cat, problems = validate(a)
    assert problems == []
    assert (len(cat.partners), len(cat.members), len(cat.briefs), len(cat.modules), len(cat.exchanges)) == (
        counts.partners, counts.members, counts.briefs, counts.modules, counts.exchanges)
    assert counts.exchanges == counts.partners // 5 and {e.direction.word for e in cat.exchanges.values()}
    assert any(m.prerequisites for m in cat.modules.values())  # the graph has links to check
    for rel in ("partners.yaml", "members.yaml", "content/briefs/brief-3.md",
                "curriculum/modules/module-5.yaml", "content/exchanges/exchange-1.md"):
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_baseline_has_the_page_count_and_the_hub_theme(tmp_path: Path) -> None:
    written = generate_baseline(tmp_path / "plain", 57)
    docs = tmp_path / "plain" / "content"
    assert written == 57 == len(list(docs.rglob("*.md")))
    cfg = (tmp_path / "plain" / "mkdocs.yml").read_text()
    assert "navigation.sections" in cfg and "hooks" not in cfg and "macros" not in cfg


@pytest.mark.sample  # its `make serve` measurement edits the shipped sample's partners.yaml
def test_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "40", "--repeat", "1",
         "--work", str(tmp_path / "work"), "--out", str(out), "--notes", str(tmp_path / "none.md"),
         "--hostile", "denial-of-service/email-pattern-1mb"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = out.read_text()
    assert "| 40 |" in report and "CPU:" in report and "mkdocs-material" in report
    row = next(line for line in report.splitlines() if line.startswith("| 40 |"))
    assert row.count("KB") == 4 and " MB" in row  # search index, page weight and memory columns
    assert "`make build` (validation, MkDocs build, link check, swap; one process)" in report
    make_row = [line for line in report.splitlines() if line.startswith("| 40 |")][1]
    assert "validation" in report and "link check" in report and make_row.count(" s") >= 9
    assert "templates compiled (HUB_TEMPLATE_CACHE=off)" in report
    assert "make build, templates compiled" in result.stderr
    assert "Where the CPU time goes at 40 records" in report and "| Markdown |" in report
    row = next(line for line in report.splitlines() if line.startswith("| 40 | 4 |"))  # four languages
    hub_pages, plain_pages = (int(x.replace(",", "")) for x in row.split("|")[3].split("/"))
    assert hub_pages == plain_pages > 4 * 40
    assert "`make serve` on the repository's sample content: an edit to `partners.yaml` showed" in report
    assert "## Hostile worst cases" in report
    assert "| `denial-of-service/email-pattern-1mb` | refused |" in report
    # Earlier builds' sites were set aside, not deleted before the next build; gone at the end.
    assert (tmp_path / "work" / "hub-40" / "site").is_dir()
    assert not (tmp_path / "work" / ".set-aside").exists()


def test_output_of_earlier_builds_is_set_aside_then_deleted_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import run

    sites = [tmp_path / "a" / "site", tmp_path / "b" / "site"]
    for site in sites:
        (site / "partners" / "x").mkdir(parents=True)
        (site / "partners" / "x" / "index.html").write_text("<p>old</p>")
    monkeypatch.setattr(run, "SET_ASIDE", tmp_path / ".set-aside")
    monkeypatch.setattr(run.time, "sleep", lambda s: None)
    run._clear(*sites, tmp_path / "missing")
    assert not any(site.exists() for site in sites)
    kept = sorted((tmp_path / ".set-aside").iterdir())
    assert [p.name for p in kept] == ["0-site", "1-site"]
    assert all((p / "partners" / "x" / "index.html").read_text() == "<p>old</p>" for p in kept)
    run._discard_set_aside()
    assert not (tmp_path / ".set-aside").exists()
