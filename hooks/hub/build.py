"""`make build` (`python -m hub build`): the whole build in one process, each step once.

1. **validation**: every record and every link between records (`hub validate`'s check, its
   report and exit status); the catalog is handed to the build (`hub.build_session`), whose
   hook (`hooks/site.py`) would otherwise validate it a second time;
2. **MkDocs build**: `mkdocs build --strict` into `<site>.tmp/`, run in this process (MkDocs'
   own command line, same messages); while each page is in memory, `hooks/links.py` reads its
   links and ids;
3. **link check**: every internal link and anchor of every written file (`hub.check_links`);
4. **swap**: the new site replaces `<site>/` only when all of this passed (all or nothing).

The time of each step (and of the interpreter's start-up) is printed at the end, and written as
JSON with `--timings FILE` (read by `make bench`). This module starts MkDocs; like the rest of
`hub` it uses nothing of MkDocs' internals.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import build_session, validate_links
from .check_links import report as links_report
from .problems import errors, format_report


class Phases:
    """CPU and wall-clock seconds of each step, in order."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        # Before this object: the interpreter's start-up and the imports.
        self.cpu["start-up"] = time.process_time()
        self.wall["start-up"] = 0.0
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def mark(self, name: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu - self._cpu
        self.wall[name] = self.wall.get(name, 0.0) + wall - self._wall
        self._cpu, self._wall = cpu, wall

    def move(self, seconds: float, source: str, dest: str) -> None:
        """Charge `seconds` of CPU time spent inside `source` to `dest` (the link check runs
        inside the MkDocs build, page by page)."""
        self.cpu[source] -= seconds
        self.cpu[dest] = self.cpu.get(dest, 0.0) + seconds
        if source in self.wall:  # the same share of the wall clock
            self.wall[dest] = self.wall.get(dest, 0.0) + seconds
            self.wall[source] -= seconds

    def summary(self) -> str:
        total = sum(self.cpu.values())
        parts = ", ".join(f"{k} {v:.1f} s" for k, v in self.cpu.items())
        return f"CPU time {total:.1f} s: {parts}"

    def as_json(self) -> dict:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
        return {"cpu": self.cpu, "wall": self.wall, "cpu_total": sum(self.cpu.values()),
                "peak_mb": peak_mb}


def _validate(root: Path, command: str) -> tuple[bool, object, list]:
    catalog, problems = validate_links.validate(root)
    if problems:
        print(format_report(problems, rerun=f"run `{command}` again"), file=sys.stderr)
    if errors(problems):
        return False, catalog, problems
    print("All records are valid.", file=sys.stderr)
    return True, catalog, problems


def _mkdocs_build(root: Path, out: Path) -> int:
    """`mkdocs build --strict --site-dir out` in this process: MkDocs' own command line."""
    from mkdocs.__main__ import cli

    args = ["build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]
    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def run(root: Path, site: str = "site", command: str = "make build", timings: Path | None = None) -> int:
    """The whole `make build`; 0 when the new site is in place."""
    phases = Phases()
    root = root.resolve()
    final = (root / site).resolve()
    tmp = final.with_name(final.name + ".tmp")
    try:
        ok, catalog, problems = _validate(root, command)
        phases.mark("validation")
        if not ok:
            return 1
        from . import config

        base_path = urlsplit(config.active().site_url).path or "/"
        build_session.hand_over_validation(root, catalog, problems)
        index = build_session.start_link_check(tmp, base_path)
        shutil.rmtree(tmp, ignore_errors=True)
        code = _mkdocs_build(root, tmp)  # a build per language would loop here, into tmp/<lang>/
        phases.mark("MkDocs build")
        if code:
            return code
        phases.move(index.cpu_seconds, "MkDocs build", "link check")  # pages read during the build
        # Every link of every written file (pages not read in memory, e.g. when hooks/links.py
        # is not in this hub's mkdocs.yml, are read from disk here).
        broken = index.broken(tmp)
        phases.mark("link check")
        print(links_report(broken, str(tmp.relative_to(root) if tmp.is_relative_to(root) else tmp)),
              file=sys.stderr)
        if broken:
            return 1
        shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
        phases.mark("swap")
        print(f"Built {site}/. {phases.summary()}", file=sys.stderr)
        return 0
    finally:
        build_session.end()
        if timings is not None:
            timings.write_text(json.dumps(phases.as_json(), indent=1), encoding="utf-8")
