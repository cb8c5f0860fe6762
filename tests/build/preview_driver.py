"""Drive the live preview's builds in a process of their own, without the web server.

`python preview_driver.py HUB SITE`: reads lines from stdin; each line is one build of `HUB`
into `SITE`, as `mkdocs serve` runs it (the same hooks, drafts shown, the same address); the
line may name the output paths of pages open in a browser, most recent first. It answers
`built <what it did>` (`full` or `incremental: N of M pages, K early`, then
`early-pages:<path>,...`, the pages shown before the build finished in the order they were
written, and `early-differs:<path>` for each of them that the build then wrote otherwise) or
`failed`. The first build of a process is a clean, full build: the reference the incremental
ones are compared with.
"""

from __future__ import annotations

import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main() -> int:
    hub, site = Path(sys.argv[1]), Path(sys.argv[2])
    sys.path.insert(0, str(hub / "hooks"))
    from mkdocs.commands import serve as serve_command
    from mkdocs.config import load_config

    def get_config():
        config = load_config(config_file=str(hub / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SERVE_URL
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    import incremental_build

    for n, line in enumerate(sys.stdin):
        if n:  # as `mkdocs serve` does: the configuration is read again for each rebuild
            config = get_config()
        engine = incremental_build.ENGINE
        for rel in reversed(line.split()):  # pages open in a browser, as the server notes them
            engine.gate.seen(rel)
        serve_command.build(config, serve_url=SERVE_URL, dirty=False)
        said = "built " + engine.last
        said += f" early-pages:{','.join(engine.early)}" if engine.early else ""  # hooks/preview_early.py
        said += "".join(f" early-differs:{p}" for p in engine.early_differs)
        print(said if engine.ok else "failed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
