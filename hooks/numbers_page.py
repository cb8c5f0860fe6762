"""MkDocs hook: the figures of the numbers page (`hub.numbers`) for its template.

The open data files of the same figures (`data/numbers.json`, `.csv`) are added with the rest
of the open data by `hooks/outputs.py`. Runs after `hooks/site.py` (the validated catalog).
"""

from __future__ import annotations

from hub import config as hub_config
from hub.models import today
from hub.numbers import numbers


def on_env(env, config, files):
    if hub_config.active().enabled("numbers"):
        env.globals["hub_numbers"] = numbers(config["hub_catalog"], today())
    return env
