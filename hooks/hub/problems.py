"""Problems found in contributor files, and how they are printed.

Collecting problems is kept apart from printing them: loaders and validators only append
`Problem`s; the CLI and the MkDocs hook decide how to show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake, at one place in one file: `path:line:col: where: message (hint)`."""

    path: str
    line: int
    col: int
    where: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    # A mistake that causes others (a duplicate id): reported before them. Not compared, so
    # the same line found twice is still one problem.
    cause: bool = field(default=False, compare=False)

    def format(self) -> str:
        level = "warning: " if self.severity == "warning" else ""
        where = f"{self.where}: " if self.where else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {level}{where}{self.message}{hint}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def in_report_order(problems: Iterable[Problem]) -> list[Problem]:
    """Causes first (their consequences read as such), then by file and position."""
    return sorted(set(problems), key=lambda p: (not p.cause, p))


def format_report(problems: Iterable[Problem], rerun: str = "run `make validate` again") -> str:
    """All problems, sorted by file and position, one line each, then a one-line summary that
    ends with `rerun`: what to do next, in the words of the command that was run."""
    items = in_report_order(problems)
    lines = [p.format() for p in items]
    n_err, n_warn = len(errors(items)), len(warnings(items))
    if n_err:
        lines.append(
            f"{n_err} error{'s' * (n_err != 1)}"
            + (f" and {n_warn} warning{'s' * (n_warn != 1)}" if n_warn else "")
            + f": nothing was built. Fix the lines above and {rerun}."
        )
    elif n_warn:
        lines.append(f"{n_warn} warning{'s' * (n_warn != 1)}, no errors.")
    return "\n".join(lines)
