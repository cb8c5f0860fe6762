"""`make bench`: the live preview's edit-to-visible time on each benchmark hub, in a real browser.

`mkdocs serve` of the hub (as `make serve` runs it) with a partner page open in headless
Chromium; the partner's name is changed in `partners.yaml` and the clock runs from saving the
file until the open page, reloaded by the preview's own live-reload script, shows the new
name in its heading: what a contributor sees. Each edit is timed on its own; between edits
the preview is left to settle. Also reported: the serve process's peak memory (VmHWM) and
what the preview said it rendered again. Timings only: never asserted.
"""

from __future__ import annotations

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
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU time of the serve process per edit
    peak_mb: float = 0.0
    rendered: list[str] = field(default_factory=list)

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


def measure(hub: Path, records: int, edits: int = 3, log=print) -> Reload:
    """Serve `hub`, open a partner page, edit that partner `edits` times."""
    from playwright.sync_api import sync_playwright

    partners = hub / "partners.yaml"
    original = partners.read_text(encoding="utf-8")
    m = re.search(r"^- id: (\S+)\n(?:  .*\n)*?  name: (.+)\n", original, re.M)
    assert m, "partners.yaml: no partner with a name"
    key, name = m.group(1), m.group(2).strip().strip('"')
    out = Reload(records)
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
                start, cpu = time.perf_counter(), _cpu_seconds(serve.proc.pid)
                block = m.group(0).replace(m.group(2), f'"{new}"')
                partners.write_text(original.replace(m.group(0), block, 1), encoding="utf-8")
                page.wait_for_function("t => (document.querySelector('h1') || {}).textContent?.includes(t)",
                                       arg=new, timeout=600_000, polling=20)
                out.seconds.append(time.perf_counter() - start)
                out.cpu.append(_cpu_seconds(serve.proc.pid) - cpu)
                said = re.findall(r"Rendered \d+ of \d+ pages|Full rebuild: [^\n]*",
                                  serve.log.read_text(encoding="utf-8"))
                out.rendered.append(said[-1] if said else "?")
                log(f"[preview {records}] edit {i + 1}: visible after {out.seconds[-1]:.2f} s "
                    f"(serve CPU {out.cpu[-1]:.2f} s; {out.rendered[-1]})")
            assert serve.proc is not None
            out.peak_mb = _peak_mb(serve.proc.pid)
            browser.close()
    finally:
        partners.write_text(original, encoding="utf-8")
    return out


def report(rows: list[Reload]) -> list[str]:
    if not rows:
        return []
    lines = ["Live preview (`make serve`): an edit to one partner in `partners.yaml`, from saving the file "
             "until the open partner page in Chromium shows the new name (the preview renders again only "
             "the pages that show what changed; benchmarks/preview_reload.py). Target: at most 2 s at "
             "10,000 records; peak memory of the serve process under 1 GB.", "",
             "| records | edit to visible, each edit | median | serve process CPU per edit "
             "| peak memory (serve) | what the preview did (last edit) |",
             "|---:|---|---:|---|---:|---|"]
    for r in rows:
        each = ", ".join(f"{t:.2f} s" for t in r.seconds)
        cpu = ", ".join(f"{t:.2f} s" for t in r.cpu)
        lines.append(f"| {r.records:,} | {each} | {r.median:.2f} s | {cpu} | {r.peak_mb:.0f} MB | "
                     f"{r.rendered[-1] if r.rendered else ''} |")
    return lines + [""]
