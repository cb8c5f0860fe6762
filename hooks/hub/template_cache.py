"""Compiled templates kept between builds on this machine: Jinja's bytecode cache, on disk,
outside the repository.

Every build compiles the theme's templates again (Material's and the hub's: about 70, 0.35 s of
CPU time per build, whatever the number of records). With this cache only the first build on a
machine compiles them, and any build after a template's source changed compiles that template
(Jinja compares a checksum of the source).

Safety (README, "Trust model"): the cache holds Python code, so nobody else may write it.
It is used only when its folder is outside the repository (a pull request cannot plant one), is
a real folder (not a link), belongs to the user who builds and is writable by no one else;
otherwise the build compiles as before. A template compiles to the same code whatever the build
(see `settings`): code that folds nothing but literal text (`language_reuse.share_templates`'s
rule), with the environment's syntax settings, Jinja's version and the source of the hub's
code generator in the key.

`HUB_TEMPLATE_CACHE` chooses the folder (default: `$XDG_CACHE_HOME/health-equity-hub/templates`,
else `~/.cache/...`); `HUB_TEMPLATE_CACHE=off` turns the cache off. Deleting the folder is always
safe. No MkDocs import (the hook `hooks/mkdocs_objects.py` attaches it).
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .language_reuse import share_templates

ENV_VAR = "HUB_TEMPLATE_CACHE"
OFF = {"off", "0", "no", "false", "none"}


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "health-equity-hub" / "templates"


def folder(repo_root: Path) -> Path | None:
    """The cache's folder, made if missing, or None when there must be no cache (turned off,
    inside the repository, a link, someone else's, or writable by others)."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen.lower() in OFF:
        return None
    path = Path(os.path.abspath(os.path.expanduser(chosen))) if chosen else default_folder()
    try:
        root = Path(os.path.realpath(repo_root))
        if Path(os.path.realpath(path)).is_relative_to(root) or path.is_relative_to(root):
            return None
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(st.st_mode) or stat.S_ISLNK(st.st_mode):
        return None
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return None
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return path


@functools.cache
def module_digest(name: str) -> str:
    """A digest of the source file of module `name` ("" if it has none): a code generator of the
    hub's own (`language_reuse`) that changes makes other code, under the same class name."""
    path = getattr(sys.modules.get(name), "__file__", None)
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def settings(env: jinja2.Environment) -> tuple:
    """What, besides a template's name, file and source, decides the code Jinja makes of it."""
    gen = env.code_generator_class
    auto = env.autoescape
    own = "" if gen.__module__.split(".")[0] == "jinja2" else module_digest(gen.__module__)
    return (jinja2.__version__, sys.implementation.cache_tag, f"{gen.__module__}.{gen.__qualname__}", own,
            env.optimized, env.is_async, env.block_start_string, env.block_end_string,
            env.variable_start_string, env.variable_end_string, env.comment_start_string,
            env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            tuple(sorted(env.extensions)),
            auto if isinstance(auto, bool) else f"{auto.__module__}.{auto.__qualname__}")


class DiskCache(FileSystemBytecodeCache):
    """Jinja's file cache, with the environment's `settings` in each key, and never a reason to
    stop a build: a file that cannot be read or written is compiled as if absent."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory), "%s.jinja")

    def get_bucket(self, environment, name, filename, source) -> Bucket:  # type: ignore[override]
        ident = repr((name, filename, settings(environment))).encode("utf-8")
        bucket = Bucket(environment, hashlib.sha256(ident).hexdigest(), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged (pickle, marshal): compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # full disk, read-only folder: this build keeps its code in memory
            pass


def attach(env: jinja2.Environment, repo_root: Path) -> jinja2.Environment:
    """`env` keeps its compiled templates in the cache (before it loads its first template).
    Left as it is when it has a bytecode cache already (the live preview's, a multi-language
    build's: in memory) or when there is no usable folder."""
    if env.bytecode_cache is not None:
        return env
    where = folder(repo_root)
    if where is None:
        return env
    share_templates(env)  # code that is the same whatever the build's filters and language
    env.bytecode_cache = DiskCache(where)
    return env
