"""Shared test helpers: a copy of a hub in a temporary folder, built with the real config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "hub"
FIXTURE_SITE = REPO / "tests" / "fixtures" / "hub-site"  # its hand-written pages (content/), apart
# What a hub needs besides its records: the site config, the hooks, the theme overrides,
# the hand-written pages and static assets, the issue forms (the Contribute page links to them).
SITE_PARTS = ["mkdocs.yml", "hooks", "overrides", ".github/ISSUE_TEMPLATE"]
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def hub_config(root: Path = FIXTURE):
    """The configuration (hub.yml) of the hub at `root`: the fixture's by default. Tests read the
    network's name, address and licence from here, never from literals."""
    from hub import config

    return config.load_or_raise(root)


def sample_present(root: Path = REPO) -> bool:
    """Does the repository still hold the shipped sample network? Its records say
    `example: true`; a network that adopted the hub has replaced them (`make adopt`)."""
    path = root / "partners.yaml"
    return path.is_file() and "example: true" in path.read_text(encoding="utf-8")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if sample_present():
        return
    skip = pytest.mark.skip(reason="about the shipped sample content, which this hub has replaced")
    for item in items:
        if "sample" in item.keywords:
            item.add_marker(skip)


def make_hub(dest: Path, records: Path | None = FIXTURE) -> Path:
    """A complete hub in `dest`: the repo's site parts with the records of `records`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=_IGNORE)
        else:
            shutil.copy2(src, dest / part)
    content = dest / "content"
    content.mkdir(exist_ok=True)
    for page in (REPO / "content").glob("*.md"):
        if records is not None and "." in page.stem:
            continue  # the sample's translations (about.fr.md) translate its pages, not a test network's
        shutil.copy2(page, content / page.name)
    shutil.copytree(REPO / "content" / "assets", content / "assets", ignore=_IGNORE)
    if records == FIXTURE:  # the fixture network's own hand-written pages and logo, not the sample's
        shutil.copytree(FIXTURE_SITE, content, dirs_exist_ok=True, ignore=_IGNORE)
    if records is not None:
        shutil.copytree(records, dest, dirs_exist_ok=True, ignore=_IGNORE)
    return dest


def run_hub(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "hub", "--root", str(cwd), *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def build_site(hub: Path, *extra: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site", *extra],
        cwd=hub, env=full_env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub, built once per test session; returns its `site/` folder."""
    hub = make_hub(tmp_path_factory.mktemp("fixture") / "hub")
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": "1764633600"})  # 2025-12-02
    assert result.returncode == 0, result.stderr
    return hub / "site"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content, built once per test session."""
    hub = tmp_path_factory.mktemp("repo") / "hub"
    make_hub(hub, records=None)
    for part in ("hub.yml", "partners.yaml", "members.yaml"):
        shutil.copy2(REPO / part, hub / part)
    shutil.copytree(REPO / "curriculum", hub / "curriculum", ignore=_IGNORE)
    shutil.copytree(REPO / "content" / "briefs", hub / "content" / "briefs", ignore=_IGNORE)
    if (REPO / "content" / "exchanges").is_dir():
        shutil.copytree(REPO / "content" / "exchanges", hub / "content" / "exchanges", ignore=_IGNORE,
                        dirs_exist_ok=True)
    result = build_site(hub)
    assert result.returncode == 0, result.stderr
    return hub / "site"


# --- Offline bundle (make offline): built once per session ---------------------------------
OFFLINE_EPOCH = "1764633600"  # 2025-12-02, as for fixture_site


def build_offline(tmp: Path, records: Path | None = FIXTURE) -> tuple[Path, Path]:
    """The fixture hub built with HUB_OFFLINE=true and zipped as `make offline` does.

    Returns (offline site folder, zip path)."""
    hub = make_hub(tmp / "hub", records)
    env = {"HUB_OFFLINE": "true", "SOURCE_DATE_EPOCH": OFFLINE_EPOCH, "HUB_VERSION": "test"}
    result = build_site(hub, "--site-dir", "offline-site", env=env)
    assert result.returncode == 0, result.stderr
    bundle = subprocess.run(
        [sys.executable, "-m", "hub", "--root", str(hub), "offline", "--site",
         str(hub / "offline-site"), "--out", str(hub / "dist"), "--name", "fixture-hub",
         "--version", "test"],
        cwd=hub, env={**os.environ, "PYTHONPATH": str(REPO / "hooks"), **env},
        capture_output=True, text=True, timeout=300)
    assert bundle.returncode == 0, bundle.stderr
    return hub / "offline-site", Path(bundle.stdout.strip())


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(offline site folder, zip) of the fixture hub."""
    return build_offline(tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def offline_bundle(offline_build: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
                   ) -> Path:
    """The fixture hub's offline zip, unzipped as a reader would; returns its top folder."""
    import zipfile

    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_build[1]) as zf:
        zf.extractall(dest)
    (top,) = dest.iterdir()
    return top


# --- `mkdocs serve` (live preview): started on a free loopback port --------------------------
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page at `url`, or None while the server is not (yet) answering."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float, proc: subprocess.Popen | None = None) -> float:
    """Seconds until the page at `url` contains `text`; raises TimeoutError after `timeout`."""
    import time

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit code {proc.returncode})")
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


class Serving:
    """`mkdocs serve` of the hub in `root`, as `make serve` runs it (a context manager)."""

    def __init__(self, root: Path) -> None:
        self.root, self.port = root, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None
        self.log = root / "serve.log"  # what `mkdocs serve` prints (a file: a pipe could fill up)

    def __enter__(self) -> Serving:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        with self.log.open("w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for(self.url, "</html>", timeout=300, proc=self.proc)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# --- The ZIM file for Kiwix (make zim): packed once per session from the offline build -------
ZIM_VERSION = "test"


def build_zim(site: Path, out: Path) -> Path:
    """The ZIM of an offline build, made as `make zim` makes it; returns its path."""
    hub = site.parent
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "SOURCE_DATE_EPOCH": OFFLINE_EPOCH}
    result = subprocess.run(
        [sys.executable, "-m", "hub", "--root", str(hub), "zim", "--site", str(site),
         "--out", str(out), "--version", ZIM_VERSION],
        cwd=hub, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


@pytest.fixture(scope="session")
def zim_file(offline_build: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub's ZIM file."""
    return build_zim(offline_build[0], tmp_path_factory.mktemp("zim"))


@pytest.fixture(autouse=True)
def _source_language_after_each_test():
    """A test that builds in-process (hub build, the hooks) leaves the build's language behind
    (hub.i18n's active language, HUB_LANG): the next test starts in the source language."""
    before = os.environ.get("HUB_LANG")
    yield
    if before is None:
        os.environ.pop("HUB_LANG", None)
    else:
        os.environ["HUB_LANG"] = before
    from hub import i18n

    i18n.use(None)


@pytest.fixture(scope="session")
def sample_languages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own network and content in all four languages (`hub build`: English at the
    root, `fr/`, `es/`, `pt/`), with the sample's own translations; built once per session."""
    from languages_site import build_languages, sample_hub

    hub = sample_hub(tmp_path_factory.mktemp("sample-languages") / "hub", "en", keep=("fr", "es", "pt"))
    done = build_languages(hub, hub / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    return hub / "site"
