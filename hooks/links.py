"""MkDocs hook: during `make build`, read each page's links and ids while it is still in memory
(`hub.check_links.LinkIndex`); `python -m hub build` checks them once every build of the site
(one per language, when there are several) is written. Each event runs last (after
hooks/csp.py has finished the page), so what is read is what is written. A bare
`mkdocs build` or `mkdocs serve` reads nothing here.
"""

from __future__ import annotations

import os

from mkdocs.plugins import event_priority

from hub import build_session


@event_priority(-100)
def on_post_page(output, page, config):
    index = build_session.link_index()
    if index is not None and output.strip():  # MkDocs writes no file for an empty page
        index.add_written(os.path.join(config.site_dir, page.file.dest_uri), output)
    return output


@event_priority(-100)
def on_post_template(output_content, template_name, config):  # 404.html
    index = build_session.link_index()
    if index is not None and template_name.endswith(".html") and output_content.strip():
        index.add_written(os.path.join(config.site_dir, template_name), output_content)
    return output_content
