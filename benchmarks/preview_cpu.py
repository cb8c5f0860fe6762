"""The live preview's cost per save, in process: CPU time, without a server or a browser.

`python benchmarks/preview_cpu.py HUB [--edits N] [--profile OUT]`: builds `HUB` as `mkdocs
serve` does (tests/build/preview_driver.py: the same hooks, drafts shown, the configuration
read again before each rebuild), then changes one partner's name in `partners.yaml` N times,
with that partner's page noted as open in a browser. Per edit it prints the CPU time of
reading the configuration again (`mkdocs serve`'s own step), from the build's start to the
moment the browsers are told to reload, and of the whole cycle. `--profile OUT` writes a
cProfile (CPU clock) of the edits' early passes (`hooks/preview_early.py`, what comes before
the reload), `--profile-all` of the whole cycles. Timings only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import sys
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hub", type=Path)
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--profile-all", action="store_true")
    ap.add_argument("--site", type=Path)
    args = ap.parse_args(argv)
    hub = args.hub.resolve()
    site = (args.site or hub / "site-preview").resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.path.insert(0, str(hub / "hooks"))
    os.chdir(hub)
    from mkdocs.commands import serve as serve_command
    from mkdocs.config import load_config

    def get_config():
        config = load_config(config_file=str(hub / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SERVE_URL
        return config

    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    import incremental_build

    engine = incremental_build.ENGINE
    t0 = time.process_time()
    serve_command.build(config, serve_url=SERVE_URL, dirty=False)
    print(f"full build: {time.process_time() - t0:.2f} s CPU ({engine.last})", flush=True)
    partners = hub / "partners.yaml"
    original = partners.read_text(encoding="utf-8")
    m = re.search(r"^- id: (\S+)\n(?:  .*\n)*?  name: (.+)\n", original, re.M)
    assert m, "partners.yaml: no partner with a name"
    key, name = m.group(1), m.group(2).strip().strip('"')
    engine.gate.seen(f"partners/{key}/index.html")
    prof = cProfile.Profile(time.process_time) if args.profile else None
    whole = prof if args.profile_all else None
    if prof is not None and whole is None:
        import preview_early

        render_early = preview_early.render_early

        def profiled(*a, **k):
            prof.enable()
            try:
                return render_early(*a, **k)
            finally:
                prof.disable()

        preview_early.render_early = profiled
    rows = []
    try:
        for i in range(args.edits):
            block = m.group(0).replace(m.group(2), f'"{name} edit {i + 1}"')
            partners.write_text(original.replace(m.group(0), block, 1), encoding="utf-8")
            c0 = time.process_time()
            if whole:
                whole.enable()
            config = get_config()
            c1 = time.process_time()
            serve_command.build(config, serve_url=SERVE_URL, dirty=False)
            if whole:
                whole.disable()
            c2 = time.process_time()
            ready = engine.shown_after[1] if engine.shown_after else float("nan")
            rows.append({"config": c1 - c0, "ready": ready, "cycle": c2 - c1, "did": engine.last})
            print(f"edit {i + 1}: config {c1 - c0:.2f} s, build to reload {ready:.2f} s, "
                  f"whole cycle {c2 - c1:.2f} s CPU ({engine.last})", flush=True)
            page = (site / "partners" / key / "index.html").read_text(encoding="utf-8")
            assert f"{name} edit {i + 1}" in page, "the edit is not on the page"
    finally:
        partners.write_text(original, encoding="utf-8")
    if prof:
        prof.dump_stats(str(args.profile))
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
