"""`python -m hub`: the command line behind `make validate`, `make build`, `make schemas`,
`make new`, `make offline` and `make zim`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .problems import errors, format_report


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate_links import validate

    _, problems = validate(Path(args.root))
    if problems:
        # The Makefile names the command the contributor typed (`make check`, `make build`, ...).
        command = os.environ.get("HUB_COMMAND", "make validate")
        print(format_report(problems, rerun=f"run `{command}` again"), file=sys.stderr)
    if errors(problems):
        return 1
    if args.strict and problems:
        return 1
    print("All records are valid.", file=sys.stderr)
    return 0


def _write_or_check(write: bool, written: Callable[[], Iterable[object]], verb: str,
                    stale: Callable[[], list[str]]) -> int:
    """A command over derived files: with --write, write them and name each (`<verb> <path>`);
    without, print what is out of date, and fail if anything is."""
    if write:
        for path in written():
            print(f"{verb} {path}", file=sys.stderr)
        return 0
    found = stale()
    for message in found:
        print(message, file=sys.stderr)
    return 1 if found else 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from .export_schemas import check_schemas, write_schemas

    out = Path(args.root) / "schemas"
    return _write_or_check(args.write, lambda: write_schemas(out), "wrote",
                           lambda: [f"schemas/{name}: out of date with the models; run `make schemas`"
                                    for name in check_schemas(out)])


def cmd_new(args: argparse.Namespace) -> int:
    from .new_record import NewRecordError, new_record

    if args.to:  # a translation of an existing record or page
        from .new_translation import NewTranslationError, new_translation

        try:
            path = new_translation(args.kind, args.id, args.to, Path(args.root))
        except NewTranslationError as exc:
            print(f"hub new: {exc}", file=sys.stderr)
            return 1
        rel = Path(os.path.relpath(path, args.root)).as_posix()
        print(f"wrote {rel}: replace the text with its translation (keep source_version), then run "
              "`make check`", file=sys.stderr)
        return 0

    try:
        written = new_record(args.kind, args.id, Path(args.root))
    except NewRecordError as exc:
        print(f"hub new: {exc}", file=sys.stderr)
        return 1
    rel = Path(os.path.relpath(written.path, args.root)).as_posix()
    verb = "added a new record at the end of" if written.appended else "wrote"
    note = {"member": " (hidden until consent is recorded: consent.public: true)",
            "brief": " (a draft: published only once `status: published` is set after review; "
                     f"`make serve` shows it at http://127.0.0.1:8000/briefs/{args.id}/)"}
    print(f"{verb} {rel}{note.get(args.kind, '')}: replace the placeholder values, then run "
          "`make check`", file=sys.stderr)
    return 0


def cmd_vocab_docs(args: argparse.Namespace) -> int:
    from .vocab_docs import is_current, write

    path = Path(args.root) / "CONTRIBUTING.md"
    if args.write:
        changed = write(path)
        print(f"{'updated' if changed else 'unchanged'}: {path.name}", file=sys.stderr)
        return 0
    if is_current(path):
        return 0
    print("CONTRIBUTING.md: the lists of controlled words are out of date with hub.yml; "
          "run `make generate`", file=sys.stderr)
    return 1


def cmd_generate(args: argparse.Namespace) -> int:
    """Check (or --write) every file derived from hub.yml."""
    from .generate_derived import stale, write

    root = Path(args.root)
    return _write_or_check(args.write, lambda: write(root), "updated", lambda: stale(root))


def cmd_adopt(args: argparse.Namespace) -> int:
    from .adopt import AdoptError, adopt

    try:
        done = adopt(Path(args.root), Path(args.dest))
    except AdoptError as exc:
        print(f"hub adopt: {exc}", file=sys.stderr)
        return 1
    print(done, file=sys.stderr)
    return 0


def _use_config(root: Path) -> int:
    """Make the hub's own hub.yml the active configuration; 1 (and the problems) if it is wrong."""
    from . import config

    cfg, problems = config.load(root)
    if cfg is None:
        print(format_report(problems), file=sys.stderr)
        return 1
    config.use(cfg)
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    """Zip an offline build (made with HUB_OFFLINE=true) into dist/, or --verify an unzipped one."""
    from .bundle_offline import build_epoch, copy_version, verify_folder, write_bundle

    if args.verify:
        problems = verify_folder(Path(args.verify))
        for problem in problems:
            print(f"{args.verify}/{problem}", file=sys.stderr)
        print("All files match SHA256SUMS." if not problems else f"{len(problems)} problem(s).",
              file=sys.stderr)
        return 1 if problems else 0
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here; run `make offline`", file=sys.stderr)
        return 1
    from . import config

    cfg = config.load_or_raise(Path(args.root))
    epoch = build_epoch()
    version = args.version or copy_version(Path(args.root), epoch)
    bundle = write_bundle(site, Path(args.out), name=args.name or cfg.network.short_name,
                          version=version, epoch=epoch, site_name=cfg.network.name,
                          licence=cfg.network.copyright)
    print(f"wrote {bundle.zip_path} ({bundle.files} files, sha256 {bundle.sha256})", file=sys.stderr)
    print(bundle.zip_path)
    return 0


def add_packing_arguments(parser: argparse.ArgumentParser, what: str, version: str) -> None:
    """--site, --out and --version of a command that packs the offline build into `what`; `version`
    says where the version shows."""
    parser.add_argument("--site", default="dist/offline-site", help="the offline build's folder")
    parser.add_argument("--out", default="dist", help=f"where to write the {what}")
    parser.add_argument("--version", help=f"version {version} (default: git describe, or date)")


def add_offline_parser(sub) -> None:
    o = sub.add_parser("offline", help="zip an offline build into a bundle (see `make offline`)")
    add_packing_arguments(o, "zip", "in the zip's name")
    o.add_argument("--name", help="the zip's name prefix (default: network.short_name of hub.yml)")
    o.add_argument("--verify", metavar="FOLDER", help="check an unzipped bundle against SHA256SUMS")
    o.set_defaults(func=cmd_offline)


def cmd_zim(args: argparse.Namespace) -> int:
    """Pack an offline build (made with HUB_OFFLINE=true) into a ZIM file for Kiwix."""
    from .bundle_offline import build_epoch, bundle_version
    from .bundle_zim import write_zim
    from .zim_settings import ZimError, metadata, read_settings

    root = Path(args.root)
    settings = read_settings(root / "mkdocs.yml")
    if settings.problems:
        print(format_report(settings.problems).replace("`make validate`", "`make zim`"), file=sys.stderr)
        return 1
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: no offline build here; run `make zim` (it builds one)", file=sys.stderr)
        return 1
    epoch = build_epoch()
    version = args.version or bundle_version(root, epoch)
    try:
        meta = metadata(settings, epoch=epoch, version=version)
        zim = write_zim(site, Path(args.out), meta, epoch=epoch, version=version,
                        site_name=settings.site_name)
    except ZimError as exc:
        print(f"hub zim: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {zim.path} ({zim.entries} entries, {zim.redirects} redirects, "
          f"{zim.size / 1e6:.1f} MB, sha256 {zim.sha256})", file=sys.stderr)
    print(zim.path)
    return 0


def add_zim_parser(sub) -> None:
    z = sub.add_parser("zim", help="pack an offline build into a ZIM file for Kiwix (see `make zim`)")
    add_packing_arguments(z, ".zim file", "shown on every page")
    z.set_defaults(func=cmd_zim)


def cmd_check_links(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from . import config
    from .check_links import main as check

    cfg, _ = config.load(Path(args.root))  # absolute links (404.html) start with site_url's path
    return check(args.site, urlsplit(cfg.site_url).path if cfg else "/")


def cmd_messages(args: argparse.Namespace) -> int:
    from .i18n_messages import check, update

    if args.write:
        for path in update(new=args.add):
            print(f"wrote {path}", file=sys.stderr)
    problems = check()
    if problems:
        for p in sorted(problems):
            print(p.format(), file=sys.stderr)
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in the interface's translations "
              "(hooks/hub/locales): fix the lines above (CONTRIBUTING.md, \"Translating the interface\").",
              file=sys.stderr)
        return 0 if args.write else 1
    print("The interface's message catalogues are complete.", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """`make build` and `make offline`: validate once, build every language of hub.yml, check
    every link in memory (not for the offline copy), swap (hub/build.py)."""
    from .build import run

    command = os.environ.get("HUB_COMMAND", "make offline" if args.offline else "make build")
    langs = [c for c in (args.languages or "").split(",") if c]
    return run(Path(args.root), site=args.site_dir, command=command, timings=args.timings,
               offline=args.offline, languages=langs or None)


def add_build_parser(sub) -> None:
    b = sub.add_parser("build", help="validate, build the site in every language (one MkDocs build "
                                     "each), check every link and anchor (`make build`)")
    b.add_argument("--site-dir", default="site", help="where the site goes (default: site)")
    b.add_argument("--offline", action="store_true",
                   help="the offline copy (HUB_OFFLINE=true; no link check)")
    b.add_argument("--languages", help="only these languages, comma-separated (the source is always built)")
    b.add_argument("--timings", type=Path, help="also write each step's time as JSON to this file")
    b.set_defaults(func=cmd_build)


def cmd_translations(args: argparse.Namespace) -> int:
    """What is missing or outdated per language; or (--version) the version of a source that a
    translation must name in `source_version:`."""
    from . import config
    from .translation_status import find_versions, report, status
    from .validate_links import validate

    root = Path(args.root)
    cat, problems = validate(root)
    if errors(problems):
        print(format_report(problems, rerun="run it again"), file=sys.stderr)
        return 1
    languages = config.active().all_languages
    if args.version:
        found = find_versions(cat, root, args.version)
        if not found:
            print(f"hub translations: no source matches {args.version!r}; give a source file "
                  "(content/briefs/<id>.md), a translation file, or an id", file=sys.stderr)
            return 1
        for label, version in found:
            line = f'source_version: "{version}"'
            print(f"{line}  # {label}" if len(found) > 1 else line)
        return 0
    if len(languages) < 2:
        print("This hub has one language (hub.yml, languages:): nothing to translate.", file=sys.stderr)
        return 0
    for line in report(status(cat, root, languages), languages):
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hub", description="The knowledge hub's tools")
    parser.add_argument("--root", default=".", help="the hub's folder (default: here)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks of bugs")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every record and the links between them")
    v.add_argument("--strict", action="store_true", help="fail on warnings too")
    v.set_defaults(func=cmd_validate)
    s = sub.add_parser("schemas", help="check (or --write) the JSON Schemas in schemas/")
    s.add_argument("--write", action="store_true")
    s.set_defaults(func=cmd_schemas)
    n = sub.add_parser("new", help="start a new record from a template "
                       "(partner, member, brief, module, exchange)")
    n.add_argument("kind", help="partner, member, brief, module or exchange")  # checked by `new`
    n.add_argument("id", help="the new record's id: lower-case letters, digits and hyphens")
    n.add_argument("--to", metavar="LANG", help="start a translation of the record (or page) `id` into LANG")
    n.set_defaults(func=cmd_new)
    d = sub.add_parser("vocab-docs", help="check (or --write) the word lists in CONTRIBUTING.md")
    d.add_argument("--write", action="store_true")
    d.set_defaults(func=cmd_vocab_docs)
    g = sub.add_parser("generate", help="check (or --write) every file derived from hub.yml")
    g.add_argument("--write", action="store_true")
    g.set_defaults(func=cmd_generate)
    a = sub.add_parser("adopt", help="start a new hub from this one in DEST: configuration kept, "
                                     "sample content emptied")
    a.add_argument("dest", help="an empty or new folder")
    a.set_defaults(func=cmd_adopt)
    add_offline_parser(sub)
    add_zim_parser(sub)
    m = sub.add_parser("messages", help="check (or --write: extract and update) the interface's translations")
    m.add_argument("--write", action="store_true")
    m.add_argument("--add", action="append", default=[], metavar="LANG", help="start a new language")
    m.set_defaults(func=cmd_messages)
    add_build_parser(sub)
    t = sub.add_parser("translations", help="what is missing or outdated per language; "
                                            "--version: the version of a source, for `source_version:`")
    t.add_argument("--version", metavar="SOURCE", help="a source file, a translation file, kind:id or an id")
    t.set_defaults(func=cmd_translations)
    c = sub.add_parser("check-links", help="check every internal link and anchor of a built site")
    c.add_argument("site", nargs="?", default="site", help="the built site (default: site)")
    c.set_defaults(func=cmd_check_links)
    args = parser.parse_args(argv)
    try:
        # these read hub.yml themselves (or not at all)
        own_config = ("validate", "translations", "build", "adopt", "offline", "zim", "check-links",
                      "messages")
        if args.command not in own_config and _use_config(Path(args.root)):
            return 1
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of the hub, never a contributor's mistake
        if args.debug:
            raise
        print(f"hub: internal error ({type(exc).__name__}: {exc}). This is a bug in the hub, "
              "not in your records: please report it (run with --debug for details).",
              file=sys.stderr)
        return 2
