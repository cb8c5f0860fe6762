"""Scans of a built site for the quality gates: scripts, event handlers, URL schemes, privacy.

Each scan returns a list of findings (`file:line: what`), empty when the site is clean, so a
test can show every finding at once.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import material


def root_helpers():
    """tests/conftest.py as a module (make_hub, build_site, run_hub, FIXTURE, REPO).

    Imported by path: several test folders have a `conftest`, so `from conftest import`
    would depend on the order pytest collects them in.
    """
    import importlib.util
    import sys

    name = "hub_test_helpers"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules[name] = module
    return sys.modules[name]

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite",
             "background", "ping"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
# Files a browser runs script from when opened on their own.
MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml", ".mht", ".xht"}
# Every kind of file the site may hold (tests/quality/test_site_scans.py, the hostile corpus):
# a file of any other kind means something was copied that nobody checked.
SITE_SUFFIXES = {".html", ".css", ".js", ".map", ".json", ".xml", ".gz", ".txt", ".csv", ".bib",
                 ".ris", ".png", ".jpg", ".jpeg", ".webp", ".svg", ".ico", ".woff", ".woff2"}
SITE_NAMES = {"LICENSE"}  # vendored code's licence (overrides/assets/vendor/)
# Files a reader (or a crawler) gets whose text comes from records: pages, exports, index.
TEXT_SUFFIXES = {".html", ".json", ".csv", ".xml", ".txt"}


def _theme_inline_scripts() -> list[re.Pattern[str]]:
    """Material's own inline scripts, from its templates; `{{ ... }}` becomes a URL path."""
    out = []
    for name in ("base", "palette", "content"):
        text = (MATERIAL_TEMPLATES / "partials" / "javascripts" / f"{name}.html").read_text()
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        text = re.sub(r"\{%.*?%\}", "\n", text, flags=re.S)
        for body in re.findall(r"<script>(.*?)</script>", text, flags=re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            out.append(re.compile("".join(
                re.escape(p) + ("[A-Za-z0-9./_-]*" if i < len(parts) - 1 else "")
                for i, p in enumerate(parts)), re.S))
    assert len(out) >= 3, "Material's inline scripts were not found: update this scan"
    return out


THEME_SCRIPTS = _theme_inline_scripts()


def site_base_path(site: Path) -> str:
    """The path of the hub's site_url (`/` or e.g. `/hub/`), from the hub.yml beside `site/`."""
    from hub import config

    hub_yml = site.parent / "hub.yml"
    if not hub_yml.is_file():
        return "/"
    path = urlsplit(str(config.load_or_raise(site.parent).network.site_url)).path or "/"
    return path.rstrip("/") + "/"


class _Scanner(HTMLParser):
    def __init__(self, rel: str, site: Path, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.rel, self.site, self.page = rel, site, page
        self.findings: list[str] = []
        self._script: tuple[int, dict[str, str | None]] | None = None
        self._script_text: list[str] = []

    def _add(self, what: str) -> None:
        self.findings.append(f"{self.rel}:{self.getpos()[0]}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self._add(f"event-handler attribute <{tag} {name}={value!r}>")
            if name in URL_ATTRS and value is not None:
                self._url(tag, name, value)
            if name == "srcset" and value:
                for part in value.split(","):
                    if part.strip():
                        self._url(tag, name, part.split()[0])
            if name == "style" and value and re.search(r"(?i)url\s*\(\s*['\"]?\s*javascript:", value):
                self._add(f"script URL in a style attribute of <{tag}>")
        if tag in FORBIDDEN_TAGS:
            self._add(f"<{tag}> element")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self._add("<meta http-equiv=refresh>")
        if tag == "script":
            self._script, self._script_text = (self.getpos()[0], a), []

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._check_script(*self._script, "".join(self._script_text))
            self._script = None

    def _url(self, tag: str, attr: str, value: str) -> None:
        v = re.sub(r"[\x00-\x20]", "", value)
        scheme = urlsplit(v).scheme.lower() if ":" in v.split("/")[0] else ""
        if scheme not in SAFE_SCHEMES:
            self._add(f"<{tag} {attr}={value[:60]!r}>: scheme {scheme!r} is not http(s), mailto or relative")

    def _check_script(self, line: int, attrs: dict[str, str | None], body: str) -> None:
        where = f"{self.rel}:{line}"
        src, kind = attrs.get("src"), (attrs.get("type") or "").lower()
        if src is not None:
            parts = urlsplit(src)
            path = parts.path
            if src.startswith("/"):  # 404.html: from the root, under the site's base path
                prefix = site_base_path(self.site)
                path = path[len(prefix):] if path.startswith(prefix) else path
            base = self.site if src.startswith("/") else self.page.parent
            target = (base / path.lstrip("/")).resolve()
            if parts.scheme or src.startswith("//") or not target.is_file() \
                    or not target.is_relative_to(self.site / "assets"):
                self.findings.append(f"{where}: <script src={src!r}> is not one of the site's own assets")
            elif body.strip():
                self.findings.append(f"{where}: <script src> with inline text")
            return
        if kind == "application/json" and attrs.get("id") == "__config":
            return  # Material's configuration: data, never executed
        if kind == "application/ld+json":  # the hub's structured data: data, never executed
            try:
                json.loads(body)
            except ValueError:
                self.findings.append(f"{where}: JSON-LD that is not valid JSON: {body[:80]!r}")
            if "</" in body:
                self.findings.append(f"{where}: JSON-LD with an unescaped '</'")
            return
        if not any(p.fullmatch(body) for p in THEME_SCRIPTS):
            self.findings.append(f"{where}: inline <script> that the theme did not write: {body[:80]!r}")


def scan_html(site: Path) -> list[str]:
    """Scripts, event handlers, URL schemes and embedding elements of every file a browser may
    run script from: HTML pages, and SVG, XHTML and XML files opened on their own."""
    site = site.resolve()
    findings: list[str] = []
    for page in sorted(p for p in site.rglob("*") if p.suffix.lower() in MARKUP_SUFFIXES and p.is_file()):
        scanner = _Scanner(page.relative_to(site).as_posix(), site, page)
        scanner.feed(page.read_text(encoding="utf-8", errors="replace"))
        scanner.close()
        findings += scanner.findings
    return findings


def scan_files(site: Path) -> list[str]:
    """Every file of the site is of an allowed kind, and none is a symbolic link."""
    findings = []
    for f in sorted(site.rglob("*")):
        rel = f.relative_to(site).as_posix()
        if f.is_symlink():
            findings.append(f"{rel}: a symbolic link")
        elif f.is_file() and f.suffix.lower() not in SITE_SUFFIXES and f.name not in SITE_NAMES:
            findings.append(f"{rel}: a file of a kind the site does not publish ({f.suffix or f.name})")
    return findings


# --- privacy ---------------------------------------------------------------------------------

EMAIL_RE = re.compile(r"\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
PHONE_RE = re.compile(r"(?<![\w./+-])(?:\+|00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,}\b"
                      r"|\(\d{2,5}\)\s?\d{3,}[\s.-]?\d{3,}"
                      r"|\btel:")


def reader_files(site: Path) -> list[Path]:
    """Pages, data exports, sitemap and search index: everything built from records.

    The theme's own bundles (assets/javascripts, assets/stylesheets) are left out: they hold no
    record data, and minified code is full of `a@b.c`-like strings.
    """
    out = []
    for f in sorted(site.rglob("*")):
        rel = f.relative_to(site).as_posix()
        if not f.is_file() or rel.startswith(("assets/javascripts/", "assets/stylesheets/")):
            continue
        if f.suffix in TEXT_SUFFIXES or rel.startswith("search/"):
            out.append(f)
    return out


def scan_privacy(site: Path) -> list[str]:
    findings = []
    for f in reader_files(site):
        text = f.read_text(encoding="utf-8", errors="replace")
        for rx, what in ((EMAIL_RE, "e-mail address"), (PHONE_RE, "phone number")):
            for m in rx.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                findings.append(f"{f.relative_to(site)}:{line}: {what} {m.group(0)!r}")
    return findings


def every_text_file(site: Path) -> list[Path]:
    """Every file of the site that is text (for 'appears nowhere' checks)."""
    return [f for f in sorted(site.rglob("*")) if f.is_file()
            and f.suffix in TEXT_SUFFIXES | {".js", ".css", ".svg", ".webmanifest"}]
