"""`make adopt DEST=...`: start a new network's hub from this one.

Copies the repository (the files git knows, or everything but build output when there is no
git), then empties the sample: every record file becomes a valid empty file (comments only),
the sample briefs, exchanges, modules and logos go, and the hand-written pages are replaced by short
neutral ones that read the network's name and sections from hub.yml. hub.yml is kept, comments
and all: it is the first file the new network edits (README.md, "Adopt the hub for your
network"). Right after it, `make serve`, `make build` and `make test` pass.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PAGES = Path(__file__).with_name("adopt_pages")
_SKIP = {".git", ".venv", ".venv-lock", "site", "site.tmp", "dist", ".pytest_cache", "__pycache__",
         ".ruff_cache", ".hypothesis"}

EMPTY_LIST = """# yaml-language-server: $schema={schema}
# {what}: a list, one record per `- id: ...` block (see CONTRIBUTING.md).
# Nothing here yet. Start one with `make new KIND={kind} ID=<id>`.
"""
EMPTY_TRACKS = """# yaml-language-server: $schema=../schemas/tracks.schema.json
# The curriculum's tracks: a list, one `- id: ...` block per track (see CONTRIBUTING.md).
# Nothing here yet. Add a track before the first module.
"""


class AdoptError(Exception):
    """A request `adopt` refuses; the message is one line for the maintainer."""


def _files(root: Path) -> list[Path]:
    """The repository's files, relative to root: git's list when there is one."""
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                             cwd=root, capture_output=True, check=True, timeout=60).stdout
        names = [Path(n) for n in out.decode("utf-8").split("\0") if n]
        if names:
            return [n for n in names if (root / n).is_file() and not _SKIP & set(n.parts)]
    except (OSError, subprocess.SubprocessError):
        pass
    return [p.relative_to(root) for p in root.rglob("*")
            if p.is_file() and not _SKIP & set(p.relative_to(root).parts)]


def adopt(root: Path, dest: Path) -> str:
    """Copy the hub at `root` to `dest` with the sample content emptied; a one-line summary."""
    root, dest = root.resolve(), dest.resolve()
    if dest.exists() and any(dest.iterdir()):
        raise AdoptError(f"{dest} is not empty: give a new or empty folder")
    if dest == root or root in dest.parents:
        raise AdoptError("give a folder outside this hub")
    if not (root / "hub.yml").is_file():
        raise AdoptError(f"{root} has no hub.yml: run this from a hub's folder")
    files = _files(root)
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)
    _empty_sample(dest)
    return (f"started a new hub in {dest}: records emptied, hub.yml kept. Next: edit hub.yml "
            "(name, address, licence, sections, vocabularies), run `make generate`, then `make serve`")


def _empty_sample(dest: Path) -> None:
    for name, what, kind in (("partners.yaml", "The network's partner institutions", "partner"),
                             ("members.yaml", "The network's members (only with consent)", "member")):
        (dest / name).write_text(EMPTY_LIST.format(schema=f"schemas/{name.replace('.yaml', '.schema.json')}",
                                                   what=what, kind=kind), encoding="utf-8")
    (dest / "curriculum").mkdir(exist_ok=True)
    (dest / "curriculum" / "tracks.yaml").write_text(EMPTY_TRACKS, encoding="utf-8")
    for folder, keep in ((dest / "curriculum" / "modules", "Curriculum modules, one file each"),
                         (dest / "content" / "briefs", "Briefs, one Markdown file each"),
                         (dest / "content" / "exchanges", "Exchanges, one Markdown file each"),
                         (dest / "content" / "assets" / "logos", "Partners' logos")):
        if folder.is_dir():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / ".gitkeep").write_text(f"# {keep} (see CONTRIBUTING.md)\n", encoding="utf-8")
    for page in (dest / "content").glob("*.md"):
        page.unlink()
    for page in PAGES.glob("*.md"):
        shutil.copy2(page, dest / "content" / page.name)
