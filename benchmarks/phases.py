"""Where a build's time goes: `python benchmarks/phases.py SITE_ROOT` prints JSON.

Runs `mkdocs build` in this process with a timer on each phase, and charges CPU time to the
innermost phase running (a template rendered by a hook counts as template rendering, not as
the hook). Phases: Markdown (`Page.render`), template rendering (`jinja2.Template.render`),
writing files, and each plugin or hook event, grouped by who handles it (the search plugin,
the macros plugin, the hub's validation, page generation, outputs and CSP hooks, its other
page hooks). What is left is MkDocs' own work (reading files, navigation, copying assets) and
the start-up (imports). Run by `make bench` (benchmarks/run.py) for the hub and the plain site.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

T: Counter[str] = Counter()
_stack: list[str] = []
_mark = [time.process_time()]


def _switch(label: str | None) -> None:
    now = time.process_time()
    T[_stack[-1] if _stack else "MkDocs: files, navigation, assets, start-up"] += now - _mark[0]
    _mark[0] = now
    if label is None:
        _stack.pop()
    else:
        _stack.append(label)


def timed(label: str, fn):
    def wrapper(*args, **kwargs):
        _switch(label)
        try:
            return fn(*args, **kwargs)
        finally:
            _switch(None)

    return wrapper


HUB_EVENTS = {
    ("site", "on_config"): "hub: loading and validation",
    ("site", "on_files"): "hub: page generation",
    ("site", "on_nav"): "hub: page generation",
}


def _label(method) -> str:
    module = getattr(method, "__module__", "") or ""
    if module.endswith(".py"):  # a hook: MkDocs names its module after the path, hooks/site.py
        module = module.rsplit("/", 1)[-1][: -len(".py")]
    name = getattr(method, "__name__", "")
    if "material.plugins.search" in module:
        return "search index (Material's search plugin)"
    if "mkdocs_macros" in module:
        return "macros plugin"
    if (module, name) in HUB_EVENTS:
        return HUB_EVENTS[(module, name)]
    if module == "outputs":
        return "hub: feeds, citations, open data"
    if module == "csp":
        return "hub: Content-Security-Policy"
    if module == "links":  # reads pages only during `make build` (python -m hub build)
        return "hub: link check"
    if module in ("site", "macros", "offline"):
        return "hub: page hooks"
    return f"other plugins ({module})"


def main(root: Path) -> dict[str, float]:
    os.chdir(root)
    import jinja2
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.structure import pages
    from mkdocs.utils import write_file

    jinja2.Template.render = timed("template rendering", jinja2.Template.render)
    pages.Page.render = timed("Markdown", pages.Page.render)
    build.utils.write_file = timed("writing files", write_file)
    config = load_config("mkdocs.yml", site_dir="site")
    for cls in pages.Page.__subclasses__():  # the hub's SharedMarkdownPage (hooks/site.py)
        if "render" in cls.__dict__:
            cls.render = timed("Markdown", cls.__dict__["render"])
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [timed(_label(m), m) for m in methods]
    build.build(config)
    _switch("end")
    T["total"] = sum(T.values())
    return {k: round(v, 3) for k, v in T.items()}


if __name__ == "__main__":
    logging_off = __import__("logging")
    logging_off.disable(logging_off.WARNING)
    print(json.dumps(main(Path(sys.argv[1]))))
