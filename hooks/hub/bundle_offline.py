"""Pack an offline build of the site into a reproducible zip for readers without internet.

The zip holds one folder, `<name>-offline-<version>/`, with the built site (open `index.html`
by double-clicking), a `README.txt` for the reader and a `SHA256SUMS` manifest of every file,
so that a copy passed from hand to hand can be checked. The same site and the same
SOURCE_DATE_EPOCH give a byte-identical zip: entries in sorted order, one fixed timestamp,
fixed permissions, fixed compression. No MkDocs import: this works on any built folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "SHA256SUMS"
README = "README.txt"
_ZIP_EPOCH_MIN = 315532800  # 1980-01-01: the earliest time a zip entry can carry
_FILE_MODE = 0o100644  # regular file, rw-r--r--


@dataclass(frozen=True)
class Bundle:
    zip_path: Path
    folder: str  # the top folder inside the zip
    files: int  # files in the zip, README.txt and SHA256SUMS included
    sha256: str  # of the zip itself


def build_epoch(environ: dict[str, str] | None = None) -> int:
    """The build's time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    return int(dt.datetime.now(dt.UTC).timestamp())


def bundle_version(root: Path, epoch: int) -> str:
    """`git describe --tags` (v1.2.0, or v1.2.0-3-gabc1234 after the tag), else the build date."""
    try:
        out = subprocess.run(["git", "describe", "--tags"], cwd=root, capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        out = None
    if out is not None and out.returncode == 0 and out.stdout.strip():
        return out.stdout.strip()
    return _utc(epoch).date().isoformat()


def copy_version(root: Path, epoch: int, environ: dict[str, str] | None = None) -> str:
    """The offline copy's version: HUB_VERSION when set, else `bundle_version`. The build (for
    the pages' footer) and the zip (for its name and README) ask the same question."""
    value = (environ if environ is not None else os.environ).get("HUB_VERSION", "").strip()
    return value or bundle_version(root, epoch)


def built_on(epoch: int) -> str:
    """The build's date, as the pages' footer and README.txt give it."""
    return _utc(epoch).date().isoformat()


def site_files(site: Path) -> list[str]:
    """Every file under `site`, as sorted POSIX paths relative to it."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def readme_text(site_name: str, version: str, epoch: int, licence: str = "") -> str:
    """The README.txt of the zip; `site_name` and `licence` (the copyright line) come from
    the network's hub.yml."""
    built = _utc(epoch).strftime("%Y-%m-%d %H:%M UTC")
    return f"""{site_name}: offline copy
{'=' * (len(site_name) + 14)}

Version: {version}
Built:   {built}

This folder is the whole website, for reading without an internet connection.
Nothing needs installing and nothing is downloaded.

How to open it
  1. Unzip the file (keep the folders as they are).
  2. Double-click index.html in this folder; it opens in your web browser.
  Search, links between pages, images and styles all work from the files here.
  Links to outside sources (articles, partner websites) need a connection.

How to check that the copy is complete and unchanged
  {MANIFEST} lists a SHA-256 checksum for every file. In this folder, run
    Linux:   sha256sum -c {MANIFEST}
    macOS:   shasum -a 256 -c {MANIFEST}
  Every line must end in "OK". On Windows, compare the zip's checksum with the one
  published next to it (PowerShell: Get-FileHash <zip file>).

{licence}
"""


def write_bundle(site: Path, out_dir: Path, *, name: str, version: str, epoch: int,
                 site_name: str = "Knowledge hub", licence: str = "") -> Bundle:
    """Zip `site` into `out_dir/<name>-offline-<version>.zip`; also write `<zip>.sha256`."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html: not a built site (run the offline build first)")
    folder = f"{name}-offline-{version}"
    paths = site_files(site)
    extra = {README: readme_text(site_name, version, epoch, licence).encode("utf-8")}
    clash = sorted(set(extra) & set(paths)) + ([MANIFEST] if MANIFEST in paths else [])
    if clash:
        raise ValueError(f"{site}: the site already has {', '.join(clash)} at its top")
    contents: dict[str, bytes] = {p: (site / p).read_bytes() for p in paths} | extra
    manifest = "".join(f"{hashlib.sha256(data).hexdigest()}  {p}\n"
                       for p, data in sorted(contents.items()))
    contents[MANIFEST] = manifest.encode("utf-8")

    out_dir.mkdir(parents=True, exist_ok=True)
    zip_path = out_dir / f"{folder}.zip"
    stamp = _utc(max(epoch, _ZIP_EPOCH_MIN)).timetuple()[:6]
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w") as zf:
        for rel in sorted(contents):
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that external_attr means permissions
            info.external_attr = _FILE_MODE << 16
            zf.writestr(info, contents[rel], compresslevel=9)
    tmp.replace(zip_path)
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    zip_path.with_name(zip_path.name + ".sha256").write_text(f"{digest}  {zip_path.name}\n",
                                                             encoding="utf-8")
    return Bundle(zip_path=zip_path, folder=folder, files=len(contents), sha256=digest)


def verify_folder(folder: Path) -> list[str]:
    """Problems found by checking an unzipped bundle against its SHA256SUMS (empty: all good)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return [f"{manifest}: missing"]
    problems, listed = [], set()
    for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        digest, sep, rel = line.partition("  ")
        if not sep:
            problems.append(f"{MANIFEST}:{n}: not a '<sha256>  <file>' line")
            continue
        listed.add(rel)
        path = folder / rel
        if not path.is_file():
            problems.append(f"{rel}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{rel}: changed (checksum differs)")
    for rel in site_files(folder):
        if rel != MANIFEST and rel not in listed:
            problems.append(f"{rel}: not in {MANIFEST}")
    return problems


def _utc(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
