"""Which files a hub may hold, read and publish: one allowlist, checked before any file is read.

MkDocs publishes everything under `content/`: files it reads as Markdown (`.md`, but also
`.markdown`, `.mdown`, `.mkdn`, `.mkd`) become pages, every other file is copied as it is, and
symbolic links are followed. The hub therefore decides, for each folder (`AREAS`), which kinds
of file it may hold; anything else is a located error, and so is every symbolic link and every
file that is not a regular file. The record loaders read only the files this check accepted
(`FileInventory.readable`), and the build refuses any file it did not accept (`hooks/trust.py`).

A new kind of record folder is one more row in `AREAS`.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from .fields import _text, fail
from .problems import Problem
from .validate_images import IMAGE_EXTENSIONS, image_problems

Owner = Literal["contributor", "maintainer"]
Kind = Literal["records", "brief", "exchange", "image", "page", "style", "script", "translation"]
# Every extension MkDocs reads as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
LOGO_RE = re.compile(rf"assets/logos/{NAME}\.(?:png|jpg|jpeg|webp|svg)")
# Folders of the site that the build fills itself (pages generated from the records, the open
# data, the search index): a hand-written file in one would replace, or pass for, its output.
# (`generate_pages.LISTINGS`; a test keeps the two lists equal: importing it here would be a cycle)
LISTING_FOLDERS = frozenset({"partners", "members", "briefs", "curriculum", "exchanges", "countries",
                             "topics", "numbers"})
# Briefs and exchanges are contributors' files in their own folders (areas below).
GENERATED_FOLDERS = (LISTING_FOLDERS - {"briefs", "exchanges"}) | {"data", "search", "translations"}


def _logo(v: str) -> str:
    """A logo is named by its path inside content/, checked by form before anything is looked up:
    `../mkdocs.yml` or `/etc/passwd` are refused without a look at the disk."""
    if not LOGO_RE.fullmatch(v):
        raise fail(f"{v[:80]!r} is not a logo path",
                   "write assets/logos/<name>.svg (or .png, .jpg, .webp), the path of the image "
                   "inside content/; the name in lower-case letters, digits and hyphens")
    return v


LogoPath = Annotated[
    str, BeforeValidator(_text), AfterValidator(_logo),
    WithJsonSchema({"type": "string", "pattern": f"^{LOGO_RE.pattern}$"}),
]


@dataclass(frozen=True)
class Rule:
    pattern: str  # the path inside the area, as a full-match regular expression
    kind: Kind


@dataclass(frozen=True)
class Area:
    """A folder (or one file) of the hub and what it may hold."""

    path: str  # from the hub's root
    owner: Owner
    rules: tuple[Rule, ...]
    holds: str  # plain words for the messages: "<id>.md files, one per brief"

    def kind(self, inner: str) -> Kind | None:
        return next((r.kind for r in self.rules if re.fullmatch(r.pattern, inner)), None)


AREAS: tuple[Area, ...] = (
    Area("partners.yaml", "contributor", (Rule("", "records"),), "the partners"),
    Area("members.yaml", "contributor", (Rule("", "records"),), "the members"),
    Area("curriculum", "contributor",
         (Rule(r"tracks\.yaml", "records"), Rule(r"modules/[^/]+\.yaml", "records")),
         "tracks.yaml and one modules/<id>.yaml file per module"),
    Area("content/briefs", "contributor", (Rule(r"[^/]+\.md", "brief"),),
         "one <id>.md file per brief"),
    Area("content/exchanges", "contributor", (Rule(r"[^/]+\.md", "exchange"),),
         "one <id>.md file per exchange"),
    Area("content/assets/logos", "contributor",
         (Rule(rf"{NAME}\.(?:png|jpg|jpeg|webp|svg)", "image"),),
         "logos: PNG, JPEG, WebP or SVG images named like <partner-id>.svg"),
    # Maintainers' part of content/: hand-written pages and the site's own assets.
    Area("content", "maintainer",
         (Rule(r"(?:[^/]+/)*[^/]+\.md", "page"),
          Rule(r"assets/(?:[^/]+/)*[^/]+\.css", "style"),
          Rule(r"assets/(?:[^/]+/)*[^/]+\.js", "script"),
          Rule(r"(?:[^/]+/)*[^/]+\.(?:png|jpg|jpeg|webp|svg)", "image")),
         "hand-written .md pages, and .css, .js and image files under assets/"),
)


@dataclass
class FileInventory:
    """Every file of the hub that passed the allowlist, by path from the root, with its kind."""

    files: dict[str, Kind] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)  # reported: neither read nor published

    def readable(self, rel: str) -> bool:
        return rel in self.files

    def kind(self, rel: str) -> Kind | None:
        return self.files.get(rel)


def area_of(rel: str) -> tuple[Area, str] | None:
    """The area a path belongs to (the most specific one) and the path inside it."""
    for area in AREAS:  # most specific first
        if rel == area.path:
            return area, ""
        if rel.startswith(area.path + "/"):
            return area, rel[len(area.path) + 1:]
    return None


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _refusal(area: Area, inner: str, rel: str) -> tuple[str, str]:
    """Message and hint for a file that no rule of its area allows."""
    name, ext = inner.rpartition("/")[2], _suffix(inner)
    where = f"{area.path}/" if area.path != rel else rel
    if ext in MARKDOWN_EXTENSIONS[1:]:
        return (f"{ext} files are not allowed: the site would publish this file as a page that "
                "the hub never checked", f"rename it to {name[:-len(ext)]}.md")
    if area.path in ("content/briefs", "content/exchanges") and "/" in inner:
        what = area.path.rpartition("/")[2]
        return (f"{what} cannot be in sub-folders", f"move it to {area.path}/{name}")
    if area.path == "curriculum" and ext == ".yml":
        return ("module files end in .yaml", f"rename it to {name[:-4]}.yaml")
    if area.path == "content/assets/logos" and ext.lstrip(".") in IMAGE_EXTENSIONS:
        return ("a logo's file name must be lower-case letters, digits and hyphens",
                "e.g. example-np-ministry.svg")
    if ext in (".html", ".htm", ".xhtml", ".xml", ".svg", ".js", ".php", ".shtml"):
        why = "it could run script on the site"
    else:
        why = "the site publishes only the kinds of file listed in CONTRIBUTING.md"
    return (f"this kind of file is not allowed here ({why})", f"{where} may hold {area.holds}")


def _generated_clash(inner: str) -> str | None:
    """The generated output that a hand-written file `content/<inner>` would replace, if any."""
    top, _, rest = inner.lower().partition("/")
    if top in GENERATED_FOLDERS and rest:
        return f"{top}/"
    if not rest and top.endswith(".md") and top[:-3] in LISTING_FOLDERS:
        return f"{top[:-3]}/index.html"
    return None


def check_files(root: Path) -> tuple[FileInventory, list[Problem]]:
    """Walk every area of the hub at `root` without following links; return what may be read."""
    from .config import active
    from .translations import LOOKS_LIKE, is_translation, name_problem

    languages = active().all_languages
    inv, problems = FileInventory(), []

    def refuse(rel: str, message: str, hint: str = "") -> None:
        inv.refused.add(rel)
        problems.append(Problem(rel, 1, 1, "", message, hint))

    def link(rel: str) -> None:
        target = os.readlink(root / rel)
        refuse(rel, f"is a symbolic link (to {target!r}); the hub reads and publishes no links",
               "replace the link with the real file or folder: a link could publish files from "
               "outside the repository")

    def accept(rel: str, area: Area, inner: str) -> None:
        if area.owner == "contributor" or area.path == "content":  # a translation, by its name
            refusal = name_problem(rel, languages)
            if refusal:
                refuse(rel, *refusal)
                return
            if is_translation(rel, languages):
                inv.files[rel] = "translation"
                return
        kind = area.kind(inner)
        if kind is None:
            refuse(rel, *_refusal(area, inner, rel))
            return
        if area.owner == "maintainer" and (clash := _generated_clash(inner)):
            refuse(rel, f"the build writes {clash} itself from the records; this file would replace it",
                   "remove or rename the hand-written file")
            return
        if kind == "image":
            found = image_problems((root / rel).read_bytes(), rel, _suffix(rel).lstrip("."))
            if found:
                inv.refused.add(rel)
                problems.extend(found)
                return
        inv.files[rel] = kind

    def visit_file(rel: str, area: Area) -> None:
        mode = (root / rel).lstat().st_mode
        if stat.S_ISLNK(mode):
            link(rel)
        elif stat.S_ISREG(mode):
            accept(rel, area, rel[len(area.path) + 1:] if rel != area.path else "")
        else:
            refuse(rel, "is not a regular file", "replace it with an ordinary file")

    def walk(area: Area) -> None:
        nested = {a.path for a in AREAS if a.path.startswith(area.path + "/")}
        for folder, dirs, files in os.walk(root / area.path, followlinks=False):
            here = Path(folder).relative_to(root).as_posix()
            names = [n for n in sorted(dirs + files)  # dot-files: never published nor read
                     if not n.startswith(".") and f"{here}/{n}" not in nested]
            same: dict[str, list[str]] = {}  # output name, without case -> names
            for name in names:
                same.setdefault((name[:-3] if name.lower().endswith(".md") else name).casefold(),
                                []).append(name)
            keep = []
            for name in names:
                rel = f"{here}/{name}"
                others = [n for n in same[(name[:-3] if name.lower().endswith(".md") else name).casefold()]
                          if n != name]
                if others:
                    refuse(rel, f"the name differs from {others[0]!r} only by upper and lower case: "
                           "on Windows, macOS and in the offline zip they are one file",
                           "give one of them a name that differs in more than case")
                elif name in dirs and (root / rel).is_symlink():
                    link(rel)
                elif name in dirs:
                    keep.append(name)
                else:
                    visit_file(rel, area)
            dirs[:] = keep

    for area in AREAS:
        parts = area.path.split("/")
        if any((root / "/".join(parts[:i])).is_symlink() for i in range(1, len(parts))):
            continue  # inside a linked folder: the link itself is reported
        path = root / area.path
        if path.is_symlink():
            link(area.path)
        elif not path.exists():
            continue  # the loaders report the record files that must exist
        elif area.rules[0].pattern == "":
            if path.is_dir():
                refuse(area.path, "must be a file, not a folder")
            else:
                visit_file(area.path, area)
        elif not path.is_dir():
            refuse(area.path, "must be a folder, not a file")
        else:
            walk(area)
    # Translations of the list files sit beside them at the root: `partners.fr.yaml`.
    for name in sorted(os.listdir(root)):
        m = LOOKS_LIKE.match(name)
        if m and m.group("stem") in ("partners", "members") and name.endswith(".yaml"):
            visit_file(name, Area(name, "contributor", (), "a translation"))
    return inv, problems
