"""MkDocs hook: during `make build`, read each page's links and ids while it is still in memory,
and check them once the whole site is written (`hub.check_links`); the verdict is printed by
`python -m hub build`. Each event runs last (after hooks/csp.py has finished the page), so what
is read is what is written. A bare `mkdocs build` or `mkdocs serve` checks nothing here.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from hub import build_session


@event_priority(-100)
def on_post_page(output, page, config):
    index = build_session.link_index()
    if index is not None and output.strip():  # MkDocs writes no file for an empty page
        index.add(page.file.dest_uri, output)
    return output


@event_priority(-100)
def on_post_template(output_content, template_name, config):  # 404.html
    index = build_session.link_index()
    if index is not None and template_name.endswith(".html") and output_content.strip():
        index.add(template_name, output_content)
    return output_content


@event_priority(-100)
def on_post_build(config):
    index = build_session.link_index()
    if index is not None:  # files written without a page (HTML copied from content/) are read here
        index.result = index.broken(Path(config.site_dir))
