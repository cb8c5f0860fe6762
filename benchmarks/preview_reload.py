"""`make bench`: the live preview's edit-to-visible time on each benchmark hub, in a real browser.

`mkdocs serve` of the hub (as `make serve` runs it) with a partner page open in headless
Chromium; the partner's name is changed in `partners.yaml` and the clock runs from saving the
file until the open page, reloaded by the preview's own live-reload script, shows the new
name in its heading: what a contributor sees. Each edit is timed on its own; between edits
the preview is left to settle. Also reported: the serve process's peak memory (VmHWM) and
what the preview said it rendered again. Timings only: never asserted.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Reload:
    records: int
    seconds: list[float] = field(default_factory=list)  # edit to visible in the browser (wall)
    cpu: list[float] = field(default_factory=list)  # CPU time of the serve process per edit, whole cycle
    peak_mb: float = 0.0
    rendered: list[str] = field(default_factory=list)
    # from the preview's own timings (HUB_PREVIEW_TIMINGS, hooks/incremental_build.py), in
    # seconds after the save: the build started (the watcher and `mkdocs serve` reading its
    # configuration come before), the browsers were told to reload, the cycle ended; and the
    # CPU time of the build until the reload
    started: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    ended: list[float] = field(default_factory=list)
    cpu_ready: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return sorted(self.seconds)[len(self.seconds) // 2] if self.seconds else float("nan")


def _cpu_seconds(pid: int) -> float:
    """User + system time of a process so far (what a busy machine does not inflate)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _serving(hub: Path, first_build_timeout: float):
    """`mkdocs serve` of `hub` (tests/conftest.py `Serving`), waiting longer for the first,
    full build of a large hub."""
    import conftest

    class LargeServing(conftest.Serving):
        def __enter__(self):
            wait_for = conftest.wait_for
            conftest.wait_for = lambda url, text, timeout, proc=None: wait_for(
                url, text, first_build_timeout, proc)
            try:
                return super().__enter__()
            finally:
                conftest.wait_for = wait_for

    return LargeServing(hub)


def _cycles(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(hub: Path, records: int, edits: int = 3, log=print) -> Reload:
    """Serve `hub`, open a partner page, edit that partner `edits` times."""
    from playwright.sync_api import sync_playwright

    partners = hub / "partners.yaml"
    original = partners.read_text(encoding="utf-8")
    m = re.search(r"^- id: (\S+)\n(?:  .*\n)*?  name: (.+)\n", original, re.M)
    assert m, "partners.yaml: no partner with a name"
    key, name = m.group(1), m.group(2).strip().strip('"')
    out = Reload(records)
    timings = hub / "preview-timings.jsonl"
    timings.unlink(missing_ok=True)
    os.environ["HUB_PREVIEW_TIMINGS"] = str(timings)
    try:
        with _serving(hub, 3600) as serve, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(f"{serve.url}partners/{key}/")
            page.wait_for_selector("h1")
            for i in range(edits):
                time.sleep(2.0)  # the watcher settles after the last build
                new = f"{name} edit {i + 1}"
                assert serve.proc is not None
                cycles = len(_cycles(timings))
                start, at, cpu = time.perf_counter(), time.time(), _cpu_seconds(serve.proc.pid)
                block = m.group(0).replace(m.group(2), f'"{new}"')
                partners.write_text(original.replace(m.group(0), block, 1), encoding="utf-8")
                page.wait_for_function("t => (document.querySelector('h1') || {}).textContent?.includes(t)",
                                       arg=new, timeout=600_000, polling=20)
                out.seconds.append(time.perf_counter() - start)
                deadline = time.perf_counter() + 600
                while len(_cycles(timings)) <= cycles and time.perf_counter() < deadline:
                    time.sleep(0.1)  # the rest of the cycle (open data, feeds, search index)
                out.cpu.append(_cpu_seconds(serve.proc.pid) - cpu)
                cycle = (_cycles(timings)[cycles:] or [{}])[-1]
                out.started.append(cycle.get("start", float("nan")) - at)
                out.ready.append(cycle.get("ready", float("nan")) - at)
                out.ended.append(cycle.get("end", float("nan")) - at)
                out.cpu_ready.append(cycle.get("cpu_ready", float("nan")))
                out.rendered.append(cycle.get("did", "?"))
                log(f"[preview {records}] edit {i + 1}: visible after {out.seconds[-1]:.2f} s (build started "
                    f"{out.started[-1]:.2f} s, browsers told {out.ready[-1]:.2f} s after the save, CPU "
                    f"{out.cpu_ready[-1]:.2f} s until then; cycle ended {out.ended[-1]:.2f} s, CPU "
                    f"{out.cpu[-1]:.2f} s; {out.rendered[-1]})")
            assert serve.proc is not None
            out.peak_mb = _peak_mb(serve.proc.pid)
            browser.close()
    finally:
        partners.write_text(original, encoding="utf-8")
        os.environ.pop("HUB_PREVIEW_TIMINGS", None)
    return out


def report(rows: list[Reload]) -> list[str]:
    if not rows:
        return []
    lines = ["Live preview (`make serve`): an edit to one partner in `partners.yaml`, from saving the file "
             "until the open partner page in Chromium shows the new name (the pages that show what changed "
             "are rendered first, the open page first, and the browser reloads before the rest of the cycle; "
             "benchmarks/preview_reload.py). Target: at most 2 s at 10,000 records; peak memory of the serve "
             "process under 1 GB. Per edit, seconds after the save: when the build started (inotify tells "
             "the server of the save on Linux, then `mkdocs serve` waits 0.1 s for the saving to settle and "
             "reads its configuration), when the browsers were told "
             "to reload and the CPU time of the build until then, and the CPU time of the whole cycle "
             "(open data, feeds, search index and sitemap included).", "",
             "| records | edit to visible (wall) | median | build started (wall) | reload told: wall (CPU of "
             "the build) | whole cycle: CPU | peak memory (serve) | what the preview did (last edit) |",
             "|---:|---|---:|---|---|---|---:|---|"]

    def each(xs: list[float]) -> str:
        return ", ".join(f"{x:.2f} s" for x in xs)

    for r in rows:
        told = ", ".join(f"{w:.2f} s ({c:.2f} s)" for w, c in zip(r.ready, r.cpu_ready, strict=False))
        lines.append(f"| {r.records:,} | {each(r.seconds)} | {r.median:.2f} s | {each(r.started)} | {told} | "
                     f"{each(r.cpu)} | {r.peak_mb:.0f} MB | {r.rendered[-1] if r.rendered else ''} |")
    return lines + [""]
