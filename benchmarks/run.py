"""`make bench`: build synthetic hubs of several sizes and a plain Material site of the same
page count, side by side in one run, and write the numbers to benchmarks/RESULTS.md.

Each build runs in its own child process; its peak memory is that child's `ru_maxrss`
(`os.wait4`). Times are wall-clock on a shared machine: compare the ratios of one run, not
absolute numbers across runs. Nothing here asserts a timing; the targets are printed next to
the numbers for a reader to judge.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "hooks"), str(HERE)]

import preview_reload  # noqa: E402
from generate import generate_baseline, generate_hub  # noqa: E402

DEFAULT_SIZES = (300, 3000, 10000)
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pydantic", "pydantic-core",
            "Jinja2", "Markdown", "PyYAML")


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the child: less disturbed by other load
    max_rss_mb: float
    returncode: int
    stderr: str = ""


@dataclass
class SiteStats:
    pages: int = 0
    site_bytes: int = 0
    search_gzip: int = 0
    record_page: str = ""
    record_html_gzip: int = 0
    record_transfer_gzip: int = 0


@dataclass
class Row:
    records: int
    hub: Run
    base: Run
    validate_s: float  # CPU
    hub_site: SiteStats
    base_site: SiteStats
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """Hub over plain Material, in CPU time (wall time swings with the machine's load)."""
        return self.hub.cpu_seconds / self.base.cpu_seconds if self.base.cpu_seconds else float("nan")

    @property
    def wall_ratio(self) -> float:
        return self.hub.seconds / self.base.seconds if self.base.seconds else float("nan")


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "SOURCE_DATE_EPOCH": "1764633600"}


# Where the output of earlier builds goes until the run ends (`main`); None: deleted at once.
SET_ASIDE: Path | None = None


def _clear(*folders: Path) -> None:
    """Take the last build's output out of the way of the next build: moved into `SET_ASIDE`
    (one rename each), deleted only when the whole run ends.

    Deleting it here would charge the deletion to the next build, many times over. On ext4
    without a journal (this machine's disk), the kernel will not reuse an inode freed in the last
    60 s (360 s while its inode table block is not yet written), and for every file or folder it
    creates it looks past each such inode again (`recently_deleted` in fs/ext4/ialloc.c). perf
    showed a third of a 10,000-record build's CPU time in that search right after the previous
    site was deleted (system time 8-15 s against 2 s with the old site moved aside), and it hit
    whichever build came next, hub or plain, depending on the order of the run."""
    for folder in folders:
        if not folder.exists():
            continue
        if SET_ASIDE is None:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        SET_ASIDE.mkdir(parents=True, exist_ok=True)
        folder.rename(SET_ASIDE / f"{len(list(SET_ASIDE.iterdir()))}-{folder.name}")
    os.sync()
    time.sleep(1)


def _discard_set_aside() -> None:
    """Delete what `_clear` set aside (at the end of a run: no build follows)."""
    if SET_ASIDE is not None:
        shutil.rmtree(SET_ASIDE, ignore_errors=True)


def run_child(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `cmd`; wall time and the child's peak resident memory (Linux: ru_maxrss in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**_env(), **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode,
               err[-4000:])


def build(site_root: Path) -> Run:
    _clear(site_root / "site")
    return run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], site_root)


def make_build(hub: Path, env: dict[str, str] | None = None) -> tuple[Run, dict]:
    """`make build` as the Makefile runs it (`python -m hub build`: validation, MkDocs build,
    link check, swap), in a child; its phases as the command itself timed them. The source
    language only (`--languages`): the plain site it is compared with has one language, and
    the hub's hub.yml may list several (the four-language row measures those). `env`: more
    environment (`HUB_TEMPLATE_CACHE=off`: the templates compiled, as on a machine's first build)."""
    from hub import config as hub_config

    _clear(hub / "site", hub / "site.tmp")
    timings = hub / "make-build-timings.json"
    source = hub_config.load_or_raise(hub).all_languages[0]
    run = run_child([sys.executable, "-m", "hub", "build", "--languages", source, "--timings", str(timings)],
                    hub, env={"PYTHONPATH": "hooks", "HUB_COMMAND": "make build", **(env or {})})
    phases = json.loads(timings.read_text(encoding="utf-8")) if timings.is_file() else {}
    return run, phases


def validation_seconds(hub: Path) -> tuple[float, float]:
    """Both validation passes alone, timed inside a child (without interpreter start-up and
    imports): (CPU seconds, wall seconds)."""
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]);"
            "from hub.validate_links import validate; t = time.perf_counter(); c = time.process_time();"
            "cat, problems = validate(sys.argv[2]);"
            "print(time.process_time() - c, time.perf_counter() - t);"
            "sys.exit(any(p.severity == 'error' for p in problems))")
    out = subprocess.run([sys.executable, "-c", code, str(REPO / "hooks"), str(hub)],
                         env=_env(), capture_output=True, text=True, check=True)
    cpu, wall = out.stdout.split()
    return float(cpu), float(wall)


# The worst input of each class of hostile text (tests/hostile/<class>/<variant>): validation
# must refuse it at about the cost of validating the fixture hub, and what is accepted near
# the limits must build at about the fixture's cost. Reported as ratios, not asserted.
HOSTILE_WORST = (
    "denial-of-service/email-pattern-1mb",
    "denial-of-service/bracket-run-30000",
    "denial-of-service/brackets-across-lines",
    "denial-of-service/nesting-recursion",
    "denial-of-service/long-field-200kb",
    "denial-of-service/near-limits-accepted",
    "contact-obfuscation/statistics-accepted",
    "withheld-member/body-case-accents-spacing",
    "theme-ids/escaped-heading-drawer",
    "unicode-controls/isolate-in-body",
    "protocol-relative/backslash-and-entity",
    "control-characters/c0-in-body",
)


def hostile_worst_cases(work: Path, variants: tuple[str, ...] = HOSTILE_WORST, log=print) -> list[str]:
    """`hub validate` and `mkdocs build` of the fixture hub with each hostile variant laid over
    it, against the plain fixture hub, in wall-clock seconds (short runs: CPU time of the
    child is too coarse to compare)."""
    sys.path.insert(0, str(REPO / "tests" / "quality"))
    from test_hostile_corpus import CORPUS, lay_out

    def timed(hub: Path) -> tuple[float, int, float, int]:
        v = run_child([sys.executable, "-c", "import sys; sys.path.insert(0, 'hooks'); "
                       "from hub.cli import main; sys.exit(main(['validate']))"], hub)
        b = build(hub)
        return v.seconds, v.returncode, b.seconds, b.returncode

    rows = []
    base_dir = work / "hostile" / "fixture"
    shutil.rmtree(base_dir, ignore_errors=True)
    base_dir.mkdir(parents=True)
    log("hostile: the fixture hub")
    bv, _, bb, _ = timed(_fixture_hub(base_dir))
    for name in variants:
        log(f"hostile: {name}")
        d = work / "hostile" / name.replace("/", "--")
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        v, vrc, b, brc = timed(lay_out(CORPUS / name, d))
        rows.append(f"| `{name}` | {'refused' if vrc else 'accepted'} | {v:.2f} s ({v / bv:.2f}) "
                    f"| {b:.2f} s ({b / bb:.2f}){'' if brc == 0 else ', stopped'} |")
    return ["## Hostile worst cases", "",
            f"The fixture hub (tests/fixtures/hub) with the worst input of each class of hostile text "
            f"laid over it (tests/hostile/). The fixture alone: validation {bv:.2f} s, build {bb:.2f} s "
            "(wall clock, `hub validate` and `mkdocs build --strict` in a child each, interpreter "
            "start-up included). In brackets: the ratio to the fixture alone. A refused input must "
            "stop both validation and the build at about the fixture's cost; an accepted one near "
            "the limits must build at a small multiple of it.", "",
            "| input | verdict | validation (ratio) | build (ratio) |", "|---|---|---:|---:|", *rows, ""]


def _fixture_hub(dest: Path) -> Path:
    from conftest import make_hub

    return make_hub(dest / "hub")


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


ASSET_RE = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def site_stats(site: Path, record_page: str) -> SiteStats:
    """Sizes a reader pays for; `record_page` is a path under site/ (e.g. partners/x/index.html)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    st = SiteStats(pages=len(pages), site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()))
    index = site / "search" / "search_index.json"
    if index.exists():
        st.search_gzip = _gz(index.read_bytes())
    page = site / record_page
    if record_page and page.is_file():
        html = page.read_bytes()
        st.record_page = record_page
        st.record_html_gzip = _gz(html)
        total = st.record_html_gzip
        for ref in ASSET_RE.findall(html.decode("utf-8")):
            asset = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
            if asset.is_file() and asset.suffix in (".css", ".js"):
                total += _gz(asset.read_bytes())
        st.record_transfer_gzip = total
    return st


def _typical_partner(site: Path) -> str:
    """The median-sized partner page: a 'typical' record page."""
    pages = sorted((p.stat().st_size, p) for p in (site / "partners").glob("*/index.html"))
    return pages[len(pages) // 2][1].relative_to(site).as_posix() if pages else ""


def _best(runs: list[Run]) -> Run:
    """The least disturbed of repeated builds: fastest CPU and wall time, highest memory."""
    best = min(runs, key=lambda r: r.cpu_seconds)
    return Run(min(r.seconds for r in runs), best.cpu_seconds, max(r.max_rss_mb for r in runs),
               best.returncode)


def bench_size(n: int, work: Path, seed: int = 1, log=print, repeat: int = 2) -> Row:
    from conftest import make_hub

    hub_dir, base_dir = work / f"hub-{n}", work / f"plain-{n}"
    _clear(hub_dir, base_dir)  # (the last run's, with their sites: not deleted right before building)
    make_hub(hub_dir, records=None)
    counts = generate_hub(hub_dir, n, seed)
    log(f"[{n}] generated {counts.total} records: {counts}")
    v = min(validation_seconds(hub_dir) for _ in range(repeat))
    log(f"[{n}] validation {v[0]:.2f} s CPU ({v[1]:.2f} s wall)")
    # The plain site gets the hub's page count, so the hub is built once first to count them.
    # Then both are built in turn, `repeat` times, so that a burst of load on the machine
    # hits both alike; the least disturbed build of each is kept.
    hub_runs = [build(hub_dir)]
    pages = site_stats(hub_dir / "site", "").pages
    generate_baseline(base_dir, pages, seed)
    base_runs: list[Run] = []
    make_runs: list[tuple[Run, dict]] = []
    for i in range(repeat):
        if i:
            hub_runs.append(build(hub_dir))
        base_runs.append(build(base_dir))
        make_runs.append(make_build(hub_dir))
        for name, r in (("hub", hub_runs[-1]), ("plain", base_runs[-1]), ("make build", make_runs[-1][0])):
            if r.returncode:
                raise SystemExit(f"{name} build failed at {n} records:\n{r.stderr}")
            log(f"[{n}] {name} build {r.seconds:.1f} s wall, {r.cpu_seconds:.1f} s CPU, "
                f"{r.max_rss_mb:.0f} MB")
    hub_site = site_stats(hub_dir / "site", _typical_partner(hub_dir / "site"))
    base_site = site_stats(base_dir / "site", "partners/item-0/index.html")
    best_make = min(make_runs, key=lambda rp: rp[0].cpu_seconds)
    # Once more with no compiled template kept from earlier builds (hub.template_cache): what the
    # first build on a machine, or a CI job's, costs.
    cold = make_build(hub_dir, env={"HUB_TEMPLATE_CACHE": "off"})[0]
    log(f"[{n}] make build, templates compiled: {cold.seconds:.1f} s wall, {cold.cpu_seconds:.1f} s CPU")
    extra = {"validate_wall_s": v[1], "make_build": asdict(_best([r for r, _ in make_runs])),
             "make_build_phases": best_make[1], "make_build_cold": asdict(cold)}
    extra |= reader_transfer(hub_dir / "site", base_dir / "site", hub_site.record_page, log=log)
    return Row(counts.total, _best(hub_runs), _best(base_runs), v[0], hub_site, base_site, extra)


def reader_transfer(hub_site: Path, base_site: Path, record_page: str, log=print) -> dict:
    """Bytes of a first page view and of a search session, hub and plain (benchmarks/reader_bytes.py)."""
    import reader_bytes

    if not Path(reader_bytes.CHROMIUM).is_file():
        log(f"no Chromium at {reader_bytes.CHROMIUM}: reader transfer not measured")
        return {}
    page = record_page.removesuffix("index.html")
    hub = reader_bytes.measure(hub_site, page)
    plain = reader_bytes.measure(base_site, "partners/item-0/")
    log(f"reader transfer: first view {hub.first_view_gzip} / {plain.first_view_gzip} B, "
        f"search {hub.search_gzip} / {plain.search_gzip} B (hub / plain); hub's largest: {hub.largest}")
    return {"reader_page": page, "reader_hub": reader_bytes.as_dict(hub),
            "reader_plain": reader_bytes.as_dict(plain)}


def bench_languages(n: int, work: Path, seed: int = 1, log=print, repeat: int = 1) -> list[str]:
    """The hub in the four languages of hub.yml (`python -m hub build`: one build per language,
    every page in every language, none translated: the most source text to mark) against plain
    Material built as many times, one site per language as Material's documentation advises,
    with the same number of pages in all."""
    from conftest import make_hub

    hub_dir, base_dir = work / f"hub-{n}", work / f"plain-{n}-languages"
    if not (hub_dir / "hub.yml").is_file():
        make_hub(hub_dir, records=None)
        generate_hub(hub_dir, n, seed)
    from hub import config as hub_config

    languages = hub_config.load_or_raise(hub_dir).all_languages
    site = hub_dir / "site-languages"

    def hub_build() -> Run:
        _clear(site)
        return run_child([sys.executable, "-c", "import sys; sys.path.insert(0, 'hooks'); "
                          "from hub.cli import main; sys.exit(main(sys.argv[1:]))",
                          "build", "--site-dir", str(site)], hub_dir)

    hub_runs = [hub_build() for _ in range(repeat)]
    if hub_runs[0].returncode:
        raise SystemExit(f"four-language build failed at {n} records:\n{hub_runs[0].stderr}")
    pages = sum(1 for p in site.rglob("*.html") if p.name != "404.html")
    _clear(base_dir)
    generate_baseline(base_dir, pages // len(languages), seed)
    base_runs = []
    for _ in range(repeat):  # one plain site per language
        runs = [build(base_dir) for _ in languages]
        base_runs.append(Run(sum(r.seconds for r in runs), sum(r.cpu_seconds for r in runs),
                             max(r.max_rss_mb for r in runs), max(r.returncode for r in runs)))
    hub, base = _best(hub_runs), _best(base_runs)
    base_pages = len(languages) * site_stats(base_dir / "site", "").pages
    log(f"[{n}] {len(languages)} languages: hub {hub.cpu_seconds:.1f} s CPU for {pages} pages, "
        f"plain {base.cpu_seconds:.1f} s CPU for {base_pages} pages")
    ratio = (hub.cpu_seconds / pages) / (base.cpu_seconds / base_pages)
    return ["## Four languages", "",
            f"The hub at {n:,} records in every language of hub.yml ({', '.join(languages)}; "
            "`python -m hub build`, one MkDocs build per language, no text translated, so every "
            "record's text is marked as source text) against plain Material built once per "
            "language with the same number of pages. Per page, target ≤ 1.0.", "",
            "| records | languages | pages hub / plain | hub CPU (wall) | plain CPU (wall) "
            "| CPU per page hub / plain | ratio per page, target ≤ 1.0 |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {n:,} | {len(languages)} | {pages:,} / {base_pages:,} | {hub.cpu_seconds:.1f} s "
            f"({hub.seconds:.1f} s) | {base.cpu_seconds:.1f} s ({base.seconds:.1f} s) "
            f"| {1000 * hub.cpu_seconds / pages:.1f} / {1000 * base.cpu_seconds / base_pages:.1f} ms "
            f"| {ratio:.2f} |", ""]


def serve_reload(work: Path, edits: int = 3, log=print) -> list[float]:
    """`make serve` on the repository's own sample content: seconds from saving an edit to
    partners.yaml until the served partner page shows it (rebuild + serving), per edit."""
    from conftest import Serving, fetch, make_hub, wait_for

    hub = work / "serve"
    shutil.rmtree(hub, ignore_errors=True)
    make_hub(hub, records=None)
    for part in ("hub.yml", "partners.yaml", "members.yaml"):
        shutil.copy2(REPO / part, hub / part)
    shutil.copytree(REPO / "curriculum", hub / "curriculum")
    shutil.copytree(REPO / "content" / "briefs", hub / "content" / "briefs")
    partners = hub / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    m = re.search(r'^- id: (\S+)\n(?:  .*\n)*?  name: "([^"]+)"', text, re.M)
    assert m, "partners.yaml: no quoted name to edit"
    key, name = m.group(1), m.group(2)
    times: list[float] = []
    with Serving(hub) as serve:
        page = f"{serve.url}partners/{key}/"
        assert name in (fetch(page) or "")
        for i in range(edits):
            time.sleep(1.5)  # let the watcher settle after the last build
            new = f"{name} {i + 1}"
            partners.write_text(text.replace(f'name: "{name}"', f'name: "{new}"', 1), encoding="utf-8")
            times.append(wait_for(page, new + "</h1>", timeout=300, proc=serve.proc))
            log(f"[serve] edit {i + 1}: shown after {times[-1]:.2f} s")
    return times


def phases(site_root: Path) -> dict[str, float]:
    """CPU seconds per phase of one build (benchmarks/phases.py, in a child process)."""
    _clear(site_root / "site")
    out = subprocess.run([sys.executable, str(HERE / "phases.py"), str(site_root)], cwd=site_root,
                         env=_env(), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def phase_table(n: int, hub: dict[str, float], plain: dict[str, float]) -> list[str]:
    lines = [f"Where the CPU time goes at {n:,} records (benchmarks/phases.py: one more build of each "
             "site, each phase's own time, a template rendered by a hook counted as template rendering):",
             "", "| phase | hub | plain Material |", "| --- | ---: | ---: |"]
    names = sorted((set(hub) | set(plain)) - {"total"}, key=lambda k: -max(hub.get(k, 0), plain.get(k, 0)))
    def cell(d: dict[str, float], k: str) -> str:
        return f"{d[k]:.2f} s ({100 * d[k] / d['total']:.0f} %)" if d.get(k) else "—"
    for k in names:
        if max(hub.get(k, 0), plain.get(k, 0)) >= 0.005:
            lines.append(f"| {k} | {cell(hub, k)} | {cell(plain, k)} |")
    lines += [f"| **total** | **{hub['total']:.2f} s** | **{plain['total']:.2f} s** |", ""]
    return lines


# --- the report ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu": cpu, "cores": str(os.cpu_count()), "ram": ram,
            "python": platform.python_version(), "os": platform.platform(),
            "packages": ", ".join(versions)}


def _kb(b: float) -> str:
    return f"{b / 1024:.1f} KB"


def make_build_table(rows: list[Row]) -> list[str]:
    """`make build` (what a user runs) against the plain site's `mkdocs build`, and its phases
    (CPU seconds of the least disturbed run, as `python -m hub build --timings` measured them)."""
    rows = [r for r in rows if r.extra.get("make_build")]
    if not rows:
        return []
    names: list[str] = []
    for r in rows:
        names += [k for k in r.extra["make_build_phases"].get("cpu", {}) if k not in names]
    lines = ["", "`make build` (validation, MkDocs build, link check, swap; one process) of the source "
             "language against the plain site's `mkdocs build`, in the same run; phases in CPU seconds:", "",
             "| records | make build CPU (wall) | plain build CPU (wall) | ratio CPU (wall), target ≤ 0.5 "
             "| templates compiled (HUB_TEMPLATE_CACHE=off): CPU, ratio "
             "| peak memory (target < 1 GB) | " + " | ".join(names) + " |",
             "|---:|---:|---:|---:|---:|---:|" + "---:|" * len(names)]
    for r in rows:
        m, cpu = r.extra["make_build"], r.extra["make_build_phases"].get("cpu", {})
        ratio, wall = m["cpu_seconds"] / r.base.cpu_seconds, m["seconds"] / r.base.seconds
        cold = r.extra.get("make_build_cold")
        cold_cell = (f"{cold['cpu_seconds']:.1f} s, {cold['cpu_seconds'] / r.base.cpu_seconds:.2f}"
                     if cold else "—")
        lines.append(f"| {r.records:,} | {m['cpu_seconds']:.1f} s ({m['seconds']:.1f} s) "
                     f"| {r.base.cpu_seconds:.1f} s ({r.base.seconds:.1f} s) | {ratio:.2f} ({wall:.2f}) "
                     f"| {cold_cell} | {m['max_rss_mb']:.0f} MB | "
                     + " | ".join(f"{cpu[k]:.2f} s" if k in cpu else "—" for k in names) + " |")
    return lines


def report(rows: list[Row], info: dict[str, str], notes: str = "",
           serve: list[float] | None = None, profile: list[str] | None = None) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (benchmarks/run.py). Synthetic, schema-valid hubs (benchmarks/generate.py,",
        "seed 1) against a plain Material site with the same number of pages, the same theme settings",
        "and the same navigation (benchmarks/generate.py `generate_baseline`), built one after the",
        "other in one run, each build twice in turn (`--repeat`), keeping the least disturbed one.",
        "The machine is shared with other test runs: CPU time (user + system of the build process)",
        "is the steadier measure and the ratios use it; wall clock is shown in brackets.",
        "",
        f"- Date: {info['date']}",
        f"- CPU: {info['cpu']}, {info['cores']} cores; RAM {info['ram']}",
        f"- Python {info['python']} on {info['os']}",
        f"- Packages: {info['packages']}",
        "",
        "| records | pages | hub build CPU (wall) | plain build CPU (wall) | ratio CPU (wall), target ≤ 1.0 "
        "| validation CPU (wall), target < 2 s at 10k | peak memory hub / plain (target < 1 GB) "
        "| site size hub / plain | search index gzip per page hub / plain "
        "| record page HTML gzip (target ≤ 15 KB) | record page transfer gzip (HTML+CSS+JS) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        hs, bs = r.hub_site, r.base_site
        lines.append(
            f"| {r.records:,} | {hs.pages:,} | {r.hub.cpu_seconds:.1f} s ({r.hub.seconds:.1f} s) "
            f"| {r.base.cpu_seconds:.1f} s ({r.base.seconds:.1f} s) | {r.ratio:.2f} ({r.wall_ratio:.2f}) "
            f"| {r.validate_s:.2f} s ({r.extra.get('validate_wall_s', 0):.2f} s) "
            f"| {r.hub.max_rss_mb:.0f} / {r.base.max_rss_mb:.0f} MB "
            f"| {hs.site_bytes / 2**20:.1f} / {bs.site_bytes / 2**20:.1f} MB "
            f"| {_kb(hs.search_gzip / max(hs.pages, 1))} / {_kb(bs.search_gzip / max(bs.pages, 1))} "
            f"| {_kb(hs.record_html_gzip)} | {_kb(hs.record_transfer_gzip)} |")
    lines += make_build_table(rows)
    if len(rows) > 1:
        lines += ["", "Growth (time per record should stay flat: 10x the records, at most 11x the time):", ""]
        first = rows[0]
        for r in rows[1:]:
            lines.append(f"- {first.records:,} → {r.records:,} records ({r.records / first.records:.1f}x): "
                         f"hub build {r.hub.cpu_seconds / first.hub.cpu_seconds:.1f}x, "
                         f"plain build {r.base.cpu_seconds / first.base.cpu_seconds:.1f}x (CPU time), "
                         f"validation {r.validate_s / max(first.validate_s, 1e-9):.1f}x")
    lines += ["", f"Typical record page: `{rows[0].hub_site.record_page}` (the median-sized partner page).",
              ""]
    measured = [r for r in rows if "reader_hub" in r.extra]
    if measured:
        import reader_bytes

        transfer = reader_bytes.Transfer
        lines += reader_bytes.table(
            [(r.records, transfer(**r.extra["reader_hub"]), transfer(**r.extra["reader_plain"]))
             for r in measured], measured[0].extra["reader_page"])
    lines += profile or []
    if serve:
        shown = ", ".join(f"{t:.1f} s" for t in serve)
        lines += [f"`make serve` on the repository's sample content: an edit to `partners.yaml` showed "
                  f"on the served partner page after {shown} (median {sorted(serve)[len(serve) // 2]:.1f} s; "
                  "from saving the file to the page serving the new name: rebuild included).", ""]
    if notes:
        lines += [notes.rstrip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the hub's build against plain Material.")
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="records per hub, comma-separated (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2, help="builds of each site, in turn (default: 2)")
    ap.add_argument("--work", type=Path, default=HERE / "work",
                    help="where the hubs are built (earlier builds' sites are kept in <work>/.set-aside "
                         "until the run ends: about 3 GB with the default sizes)")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--notes", type=Path, default=HERE / "NOTES.md",
                    help="Markdown appended to the report (profile findings); default: %(default)s")
    ap.add_argument("--json", type=Path, help="also write the raw numbers as JSON")
    ap.add_argument("--no-serve", action="store_true", help="skip the `make serve` reload measurement")
    ap.add_argument("--languages", type=int, default=-1,
                    help="records of the four-language row (default: the smallest size; 0: none)")
    ap.add_argument("--hostile", default=",".join(HOSTILE_WORST),
                    help="hostile variants to time (tests/hostile/<class>/<variant>, comma-separated; "
                         "empty: none)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    global SET_ASIDE
    SET_ASIDE = args.work / ".set-aside"
    _discard_set_aside()  # a crashed run's (long enough before the builds below: generating comes first)
    try:
        return _run(args, sizes)
    finally:
        _discard_set_aside()


def _run(args: argparse.Namespace, sizes: list[int]) -> int:
    rows = [bench_size(n, args.work, args.seed, log=lambda m: print(m, file=sys.stderr, flush=True),
                       repeat=args.repeat)
            for n in sizes]
    n = min(sizes, key=lambda k: abs(k - 3000))  # profile the size nearest 3,000 records
    profile = phase_table(n, phases(args.work / f"hub-{n}"), phases(args.work / f"plain-{n}"))
    serve = None if args.no_serve else serve_reload(
        args.work, log=lambda m: print(m, file=sys.stderr, flush=True))
    previews = [] if args.no_serve else [  # the live preview at each size, in a browser
        preview_reload.measure(args.work / f"hub-{n}", n, log=lambda m: print(m, file=sys.stderr, flush=True))
        for n in sizes]
    profile = preview_reload.report(previews) + profile
    if args.languages:
        profile += bench_languages(args.languages if args.languages > 0 else min(sizes), args.work,
                                   args.seed, log=lambda m: print(m, file=sys.stderr, flush=True))
    hostile = tuple(h for h in args.hostile.split(",") if h.strip())
    if hostile:
        profile += hostile_worst_cases(args.work, hostile,
                                       log=lambda m: print(m, file=sys.stderr, flush=True))
    notes = args.notes.read_text(encoding="utf-8") if args.notes and args.notes.is_file() else ""
    text = report(rows, machine(), notes, serve, profile)
    args.out.write_text(text, encoding="utf-8")
    if args.json:
        raw = [asdict(r) | {"ratio": r.ratio, "wall_ratio": r.wall_ratio} for r in rows]
        args.json.write_text(json.dumps({"sizes": raw, "serve_reload_s": serve,
                                         "preview": [asdict(r) for r in previews]}, indent=2))
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
