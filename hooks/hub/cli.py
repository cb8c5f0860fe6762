"""`python -m hub`: the command line behind `make validate`, `make schemas` and `make new`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import errors, format_report


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate_links import validate

    _, problems = validate(Path(args.root))
    if problems:
        print(format_report(problems), file=sys.stderr)
    if errors(problems):
        return 1
    if args.strict and problems:
        return 1
    print("All records are valid.", file=sys.stderr)
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from .export_schemas import check_schemas, write_schemas

    out = Path(args.root) / "schemas"
    if args.write:
        for path in write_schemas(out):
            print(f"wrote {path}", file=sys.stderr)
        return 0
    stale = check_schemas(out)
    for name in stale:
        print(f"schemas/{name}: out of date with the models; run `make schemas`", file=sys.stderr)
    return 1 if stale else 0


def cmd_check_links(args: argparse.Namespace) -> int:
    from .check_links import main as check

    return check(args.site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hub", description="Health Equity Knowledge Hub tools")
    parser.add_argument("--root", default=".", help="the hub's folder (default: here)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks of bugs")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every record and the links between them")
    v.add_argument("--strict", action="store_true", help="fail on warnings too")
    v.set_defaults(func=cmd_validate)
    s = sub.add_parser("schemas", help="check (or --write) the JSON Schemas in schemas/")
    s.add_argument("--write", action="store_true")
    s.set_defaults(func=cmd_schemas)
    c = sub.add_parser("check-links", help="check every internal link and anchor of a built site")
    c.add_argument("site", nargs="?", default="site", help="the built site (default: site)")
    c.set_defaults(func=cmd_check_links)
    args = parser.parse_args(argv)
    try:
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
