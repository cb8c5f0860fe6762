"""Lighthouse (mobile) scores of the built site: the home page, a partner page and a brief, in the
source language and in a translation.

`make lighthouse` runs it after `make build` (not part of `make test`: it needs the npm
packages pinned in benchmarks/lighthouse/package-lock.json, installed by `npm ci`). The site is
served on the loopback by Python's HTTP server, text files gzip-compressed as static hosts
send them (cache lifetimes are the host's: not scored here); Chromium is the system's
(HUB_CHROMIUM, as the browser tests). Each page is scored `--runs` times (3 by default) and the
median of each category is the page's score: Lighthouse simulates a slow phone from the CPU time
it observes, so a busy machine moves the performance score by a few points from run to run
(the load average is printed with each run). `--languages` names the translations to score
besides the source language (default: the first translation the site has; `all`, or `none`).
Prints one line per run and the medians, and writes the JSON reports and `summary.json` to
benchmarks/lighthouse/reports/.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import statistics
import subprocess
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed, as static hosts do (GitHub Pages, Netlify, nginx)."""

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass

    def send_head(self):  # noqa: ANN201
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or \
                path.suffix not in (".html", ".css", ".js", ".json", ".svg", ".xml"):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


_LANG = re.compile(r'<html lang="([^"]*)"')


def languages(site: Path) -> list[str]:
    """The folders of the site's translations: top-level folders whose home page is in another
    language than the site's own home page (fr/, es/, ...), sorted."""
    def lang(page: Path) -> str:
        m = _LANG.search(page.read_text(encoding="utf-8")[:2000])
        return m.group(1) if m else ""

    source = lang(site / "index.html")
    return sorted(d.name for d in site.iterdir()
                  if (d / "index.html").is_file() and lang(d / "index.html") not in ("", source))


def pages(site: Path, langs: list[str] = ()) -> dict[str, str]:
    """Name -> path of the pages to score: home, the first partner page, the first brief, in the
    source language and then in each of `langs` (named e.g. `home (fr)`)."""
    def first(folder: str) -> str:
        found = sorted(p.parent.relative_to(site).as_posix() for p in (site / folder).glob("*/index.html"))
        if not found:
            raise SystemExit(f"{site}/{folder}: no page to score (build the site first: make build)")
        return found[0] + "/"

    out = {"home": "", "partner": first("partners"), "brief": first("briefs")}
    for lang in langs:
        out |= {f"home ({lang})": f"{lang}/", f"partner ({lang})": first(f"{lang}/partners"),
                f"brief ({lang})": first(f"{lang}/briefs")}
    return out


def score(site: Path, out: Path = HERE / "reports", runs: int = 3, langs: list[str] = ()
          ) -> dict[str, dict[str, float]]:
    """Median score per page and category over `runs` runs; every run's report is kept."""
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: cd benchmarks/lighthouse && npm ci")
    out.mkdir(exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    medians: dict[str, dict[str, float]] = {}
    summary: dict[str, object] = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "runs": runs,
                                  "pages": {}}
    try:
        for name, path in pages(site, langs).items():
            per_run: list[dict[str, int]] = []
            loads: list[float] = []
            for i in range(runs):
                report = out / f"{name.replace(' ', '-').replace('(', '').replace(')', '')}-{i + 1}.json"
                loads.append(os.getloadavg()[0])
                subprocess.run([str(binary), f"http://127.0.0.1:{server.server_port}/{path}", "--quiet",
                                "--output=json", f"--output-path={report}",
                                f"--only-categories={','.join(CATEGORIES)}",
                                "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                               check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
                data = json.loads(report.read_text(encoding="utf-8"))
                per_run.append({c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES})
                failed = [a["id"] for a in data["audits"].values()
                          if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in
                          ("binary", "numeric", "metricSavings")]
                metric = {k: data["audits"][k]["displayValue"] for k in
                          ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")}
                print(f"{name} (/{path}) run {i + 1}, load {loads[-1]:.1f}: "
                      + ", ".join(f"{c} {s}" for c, s in per_run[-1].items())
                      + "; FCP {first-contentful-paint}, LCP {largest-contentful-paint}, "
                        "TBT {total-blocking-time}".format(**metric)
                      + f"; below 0.9: {', '.join(failed) or 'none'}", flush=True)
            medians[name] = {c: statistics.median(r[c] for r in per_run) for c in CATEGORIES}
            summary["pages"][name] = {"path": "/" + path, "median": medians[name], "runs": per_run,
                                      "load": loads}
            print(f"{name} (/{path}) median of {runs}: "
                  + ", ".join(f"{c} {s:g}" for c, s in medians[name].items()), flush=True)
    finally:
        server.shutdown()
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return medians


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is the score (3)")
    parser.add_argument("--languages", default="first",
                        help="translations to score too: first (default), all, none, or e.g. fr,es")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    found = languages(site)
    langs = {"first": found[:1], "all": found, "none": []}.get(args.languages)
    if langs is None:
        langs = [x for x in args.languages.split(",") if x]
        if unknown := sorted(set(langs) - set(found)):
            raise SystemExit(f"{site}: no translation {', '.join(unknown)} "
                             f"(the site has: {', '.join(found) or 'none'})")
    score(site, runs=args.runs, langs=langs)
