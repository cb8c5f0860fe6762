"""Lighthouse (mobile) scores of the built site: the home page, a partner page and a brief.

`make lighthouse` runs it after `make build` (not part of `make test`: it needs the npm
packages pinned in benchmarks/lighthouse/package-lock.json, installed by `npm ci`). The site is
served on the loopback by Python's HTTP server, text files gzip-compressed as static hosts
send them (cache lifetimes are the host's: not scored here); Chromium is the system's
(HUB_CHROMIUM, as the browser tests). Prints one line per page and category, and writes the JSON reports to
benchmarks/lighthouse/reports/.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
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


def pages(site: Path) -> dict[str, str]:
    """Name -> path of the pages to score: home, the first partner page, the first brief."""
    def first(folder: str) -> str:
        found = sorted(p.parent.relative_to(site).as_posix() for p in (site / folder).glob("*/index.html"))
        if not found:
            raise SystemExit(f"{site}/{folder}: no page to score (build the site first: make build)")
        return found[0] + "/"

    return {"home": "", "partner": first("partners"), "brief": first("briefs")}


def score(site: Path, out: Path = HERE / "reports") -> dict[str, dict[str, int]]:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: cd benchmarks/lighthouse && npm ci")
    out.mkdir(exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results: dict[str, dict[str, int]] = {}
    try:
        for name, path in pages(site).items():
            report = out / f"{name}.json"
            subprocess.run([str(binary), f"http://127.0.0.1:{server.server_port}/{path}", "--quiet",
                            "--output=json", f"--output-path={report}",
                            f"--only-categories={','.join(CATEGORIES)}",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                           check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
            data = json.loads(report.read_text(encoding="utf-8"))
            results[name] = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
            failed = [a["id"] for a in data["audits"].values()
                      if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in
                      ("binary", "numeric", "metricSavings")]
            fcp = data["audits"]["first-contentful-paint"]["displayValue"]
            print(f"{name} ({path or '/'}): " + ", ".join(f"{c} {s}" for c, s in results[name].items())
                  + f"; FCP {fcp}; below 0.9: {', '.join(failed) or 'none'}")
    finally:
        server.shutdown()
    return results


if __name__ == "__main__":
    score(Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve())
