"""`make build` and `make offline` (`python -m hub build`): the whole build in one process, each
step once.

1. **validation**: every record and every link between records (`hub validate`'s check, its
   report and exit status); the catalog is handed to each build (`hub.build_session`), whose
   hook (`hooks/site.py`) would otherwise validate it again;
2. **MkDocs build**: one `mkdocs build --strict` per language of hub.yml (MkDocs' own command
   line, same messages, in this process): the source language into `<site>.tmp/`, every other
   language into `<site>.tmp/<lang>/`, with `HUB_LANG` (that build's language:
   `hooks/languages.py`) and `HUB_LANGUAGES` (all of them, for the switcher and the sitemaps).
   The source is built first, because MkDocs empties its site folder before writing. While
   each page is in memory, `hooks/links.py` reads its links and ids;
3. **link check** (not for the offline copy): every internal link and anchor of every written
   file, across the languages (`hub.check_links`);
4. **swap**: the new site replaces `<site>/` only when all of this passed (all or nothing).

Python's cyclic garbage collector runs less often meanwhile (`fewer_collections`).

The time of each step (and of the interpreter's start-up) is printed at the end, and written as
JSON with `--timings FILE` (read by `make bench`). This module starts MkDocs; like the rest of
`hub` it uses nothing of MkDocs' internals.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from . import build_session, i18n, source_text, validate_links
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
        self.detail: dict[str, dict[str, float]] = {}  # a step's own parts (CPU seconds)

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
                "peak_mb": peak_mb, "cpu_detail": self.detail}


def _validate(root: Path, command: str) -> tuple[bool, object, list]:
    # (freeze: this process builds once and ends, the catalog lives to its end; see `validate`)
    catalog, problems = validate_links.validate(root, freeze=True)
    if problems:
        print(format_report(problems, rerun=f"run `{command}` again"), file=sys.stderr)
    if errors(problems):
        return False, catalog, problems
    print("All records are valid.", file=sys.stderr)
    return True, catalog, problems


def _mkdocs_build(root: Path, out: Path, env: dict[str, str]) -> int:
    """`mkdocs build --strict --site-dir out` in this process, MkDocs' own command line, with
    `env` set in the environment for the time of the build."""
    import logging

    from mkdocs.__main__ import cli

    args = ["build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]
    saved_env = {k: os.environ.get(k) for k in env}
    mkdocs_log = logging.getLogger("mkdocs")
    saved_handlers = list(mkdocs_log.handlers)  # MkDocs' command line adds one per run
    os.environ.update(env)
    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    finally:
        mkdocs_log.handlers[:] = saved_handlers
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return 0


def _languages(chosen: list[str] | None) -> tuple[list[str], str]:
    """The languages to build (the source first, always) and the source language."""
    from . import config

    every = config.active().all_languages
    picked = [c for c in every if c in chosen] if chosen else list(every)
    if every[0] not in picked:
        picked = [every[0], *picked]  # the other languages live below the source's folder
    return picked, every[0]


# Container objects allocated (net) before the collector's youngest generation is examined: 700
# by default. A build allocates millions and frees almost all of them by reference counting; at
# 10,000 records the default ran 1,385 collections (8 of them of everything: 0.8 s) for 1.1 s of
# CPU time, 10,000 runs 85 for 0.3 s, none of everything, at the same peak memory (432 MB).
YOUNGEST_THRESHOLD = 10_000


@contextmanager
def fewer_collections():
    """Python's cyclic garbage collector, run less often inside (its first threshold raised to
    `YOUNGEST_THRESHOLD`); the thresholds as they were after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNGEST_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def run(root: Path, site: str | Path = "site", command: str = "make build", timings: Path | None = None,
        offline: bool = False, languages: list[str] | None = None) -> int:
    """The whole `make build` (`offline`: `make offline`'s build, without the link check); 0
    when the new site is in place. `languages`: only these (and the source)."""
    with fewer_collections():
        return _run(root, site, command, timings, offline, languages)


def _run(root: Path, site: str | Path, command: str, timings: Path | None, offline: bool,
         languages: list[str] | None) -> int:
    phases = Phases()
    root = root.resolve()
    final = (root / site).resolve()
    tmp = final.with_name(final.name + ".tmp")
    speaking, marking = i18n.language(), source_text.active()  # each language's build sets them
    try:
        ok, catalog, problems = _validate(root, command)
        phases.mark("validation")
        if not ok:
            return 1
        from . import config

        base_path = urlsplit(config.active().site_url).path or "/"
        chosen, source = _languages(languages)
        index = None if offline else build_session.start_link_check(tmp, base_path)
        shutil.rmtree(tmp, ignore_errors=True)
        env = {"HUB_LANGUAGES": ",".join(chosen)} | ({"HUB_OFFLINE": "true"} if offline else {})
        for lang in chosen:
            dest = tmp if lang == source else tmp / lang
            if len(chosen) > 1:
                print(f"hub build: {lang} -> {dest}", file=sys.stderr, flush=True)
            build_session.hand_over_validation(root, catalog, problems)
            code = _mkdocs_build(root, dest, env | {"HUB_LANG": lang})
            if code:
                phases.mark("MkDocs build")
                return code
        phases.mark("MkDocs build")
        if index is not None:
            reading = index.cpu_seconds
            phases.move(reading, "MkDocs build", "link check")  # pages read during the build
            # Every link of every written file, across the languages (pages not read in memory,
            # e.g. when hooks/links.py is not in this hub's mkdocs.yml, are read from disk here).
            broken = index.broken(tmp)
            phases.mark("link check")
            phases.detail["link check"] = {"reading pages": reading, "verdict": index.cpu_seconds - reading}
            where = tmp.relative_to(root) if tmp.is_relative_to(root) else tmp
            print(links_report(broken, str(where)), file=sys.stderr)
            if broken:
                return 1
        shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
        phases.mark("swap")
        where = final.relative_to(root) if final.is_relative_to(root) else final
        print(f"Built {where}/. {phases.summary()}", file=sys.stderr)
        return 0
    finally:
        build_session.end()
        i18n.use(speaking)  # the caller's language again, not the last build's
        source_text.activate(marking)
        if timings is not None:
            timings.write_text(json.dumps(phases.as_json(), indent=1), encoding="utf-8")
