"""Everything derived from `hub.yml`, rewritten by `make generate` and checked by `make check`.

- the JSON Schemas in `schemas/` (`export_schemas`),
- the word lists in CONTRIBUTING.md (`vocab_docs`) and its links to the issue forms (to the
  repository named in hub.yml),
- the options of the dropdowns in the issue forms (`.github/ISSUE_TEMPLATE/`) and the licence
  named in their agreement checkbox and in the pull request template: only those are
  rewritten, every other line stays as the maintainer wrote it; the form of a section that is
  switched off is removed.

`stale(root)` names each derived file that differs from what `hub.yml` gives; `write(root)`
rewrites them. The `make new` templates need no file: their placeholders are filled from the
vocabularies when a record is started (`new_record`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import config, vocab_docs
from .export_schemas import check_schemas, write_schemas

FORMS = ".github/ISSUE_TEMPLATE"
# form file -> (section it belongs to, {dropdown id: vocabulary of hub.yml})
FORM_DROPDOWNS: dict[str, tuple[str, dict[str, str]]] = {
    "propose-partner.yml": ("partners", {"type": "partner_types", "tier": "tiers", "focus": "topics",
                                         "sdg_targets": "sdg_targets"}),
    "submit-brief.yml": ("briefs", {"tiers": "tiers", "topics": "topics", "sdg_targets": "sdg_targets",
                                    "lang": "languages"}),
    "suggest-module.yml": ("curriculum", {"level": "levels", "competencies": "competencies",
                                          "session_formats": "session_formats"}),
    "propose-exchange.yml": ("exchanges", {"kind": "exchange_kinds", "topics": "topics",
                                           "lang": "languages"}),
}
_DROPDOWN = re.compile(r"(?m)^(?P<indent>[ ]*)- type: dropdown\n(?:(?P=indent)[ ][^\n]*\n)*?"
                       r"(?P=indent)[ ]+id: (?P<id>[\w-]+)\n")
_OPTIONS = re.compile(r"(?m)^(?P<indent>[ ]+)options:\n(?P<items>(?:(?P=indent)[ ]+- [^\n]*\n)*)")


# The licence a contributor agrees to, in the forms' checkboxes and the pull request template.
_LICENCE = re.compile(r"(agree to its publication under )(.+?)( \(see CONTRIBUTING\.md\)\.|\.$)", re.M)
PR_TEMPLATE = ".github/pull_request_template.md"


def licence_text(text: str, cfg: config.HubConfig) -> str:
    """`text` with the licence of every "I agree to its publication under ..." line from hub.yml."""
    name = cfg.network.licence.name
    return _LICENCE.sub(lambda m: m.group(1) + name + m.group(3), text)


# Links to the issue forms in CONTRIBUTING.md: `<repo_url>/issues/new?template=<form>.yml`.
_FORM_LINK = re.compile(r"\(https://[^()\s]+?/issues/new\?template=([\w-]+\.yml)\)")


def form_links_text(text: str, cfg: config.HubConfig) -> str:
    """`text` with every link to an issue form pointing at the network's repository (hub.yml)."""
    repo = str(cfg.network.repo_url).rstrip("/")
    return _FORM_LINK.sub(lambda m: f"({repo}/issues/new?template={m.group(1)})", text)


def form_text(text: str, dropdowns: dict[str, str], cfg: config.HubConfig) -> str:
    """`text` with the options of each known dropdown set to the words of its vocabulary, and
    the licence of its agreement checkbox from hub.yml."""
    text = licence_text(text, cfg)
    out, pos = [], 0
    for m in _DROPDOWN.finditer(text):
        name = dropdowns.get(m.group("id"))
        if name is None:
            continue
        opts = _OPTIONS.search(text, m.end())
        if opts is None:
            continue
        indent = opts.group("indent") + "  "
        words = list(getattr(cfg.vocabularies, name)) or ["(none)"]
        items = "".join(f"{indent}- {json.dumps(w, ensure_ascii=False)}\n" for w in words)
        out.append(text[pos:opts.start("items")] + items)
        pos = opts.end("items")
    return "".join(out) + text[pos:]


def _forms(root: Path, cfg: config.HubConfig) -> dict[Path, str | None]:
    """Each issue form's path -> its derived text (None: it should not exist)."""
    found: dict[Path, str | None] = {}
    for name, (section, dropdowns) in FORM_DROPDOWNS.items():
        path = root / FORMS / name
        if not cfg.enabled(section):
            if path.exists():
                found[path] = None
            continue
        if path.is_file():
            found[path] = form_text(path.read_text(encoding="utf-8"), dropdowns, cfg)
    pr = root / PR_TEMPLATE
    if pr.is_file():
        found[pr] = licence_text(pr.read_text(encoding="utf-8"), cfg)
    return found


def stale(root: Path) -> list[str]:
    """Messages naming every derived file that is out of date with `root/hub.yml`."""
    cfg = config.load_or_raise(root)
    out = []
    with config.using(cfg):
        out += [f"schemas/{name}: out of date with hub.yml and the models; run `make generate`"
                for name in check_schemas(root / "schemas")]
        contributing = root / "CONTRIBUTING.md"
        if contributing.is_file() and not vocab_docs.is_current(contributing):
            out.append("CONTRIBUTING.md: the lists of controlled words are out of date with hub.yml; "
                       "run `make generate`")
        if contributing.is_file():
            text = contributing.read_text(encoding="utf-8")
            if form_links_text(text, cfg) != text:
                out.append("CONTRIBUTING.md: the links to the issue forms do not point at the repository "
                           "in hub.yml; run `make generate`")
        for path, text in _forms(root, cfg).items():
            rel = path.relative_to(root).as_posix()
            if text is None:
                out.append(f"{rel}: its section is switched off in hub.yml; run `make generate`")
            elif path.read_text(encoding="utf-8") != text:
                out.append(f"{rel}: the dropdown options or the licence are out of date with hub.yml; "
                           "run `make generate`")
    return out


def write(root: Path) -> list[str]:
    """Rewrite every derived file from `root/hub.yml`; the paths that changed."""
    cfg = config.load_or_raise(root)
    changed = []
    with config.using(cfg):
        before = {p.name: p.read_bytes() for p in (root / "schemas").glob("*.schema.json")}
        for path in write_schemas(root / "schemas"):
            if before.get(path.name) != path.read_bytes():
                changed.append(f"schemas/{path.name}")
        changed += [f"schemas/{n}" for n in before if not (root / "schemas" / n).exists()]
        contributing = root / "CONTRIBUTING.md"
        if contributing.is_file() and vocab_docs.write(contributing):
            changed.append("CONTRIBUTING.md")
        if contributing.is_file():
            text = contributing.read_text(encoding="utf-8")
            if form_links_text(text, cfg) != text:
                contributing.write_text(form_links_text(text, cfg), encoding="utf-8")
                changed.append("CONTRIBUTING.md")
        for path, text in _forms(root, cfg).items():
            rel = path.relative_to(root).as_posix()
            if text is None:
                path.unlink()
                changed.append(rel)
            elif path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed.append(rel)
    return changed
