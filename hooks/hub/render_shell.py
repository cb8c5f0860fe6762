"""Record pages from page shells: Material's page drawn once per kind of record page, each page
filling in only its own parts.

Thousands of record pages of one kind and folder (every partner, every member, ...) share
almost all of Material's page: the head's styles and scripts, the header, the footer, the
sidebar of the folder. Jinja still walks all of it for every page. Here the page is rendered
once per *shell key* (template, depth, folder, kind) with *probe* values in place of the page's
own values, and with markers in place of the page's own blocks; every later page of that key
is the shell with its values and blocks filled in:

- values: the page's title, description and canonical address. A probe is a text that tells
  the template's filters apart (`|e`, `|striptags|e`, written raw): each place the shell
  shows a value gets the filter that produced the probe's text there, applied to the page's
  own value. A place whose filter is not one of these refuses the shell (normal rendering);
- blocks (`OWN_BLOCKS`): the record's content and related lists, its JSON-LD, the language
  switcher and the sidebar with the table of contents, rendered by the template's own block
  functions with the page's own context, after the template's top-level code has run as in a
  normal render (imports, `hub_toc`).

Correctness first: the first pages of each key are also rendered the normal way and compared
byte for byte (`CHECKED` pages); a difference refuses the key for the rest of the build. The
whole-site comparison of tests/build/test_render_cache_build.py builds every page both ways
(`enabled=False` renders every page normally). Jinja only, no MkDocs: the hook
(hooks/record_shells.py) says which pages may use a shell and what their values are.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

OWN_BLOCKS = ("hub_meta", "announce", "site_nav", "content")  # in the order of the page
BASE = "base.html"  # the theme's page: the end of every record template's chain
CHECKED = 2  # pages of each key also rendered normally and compared

_OPEN, _SEP, _CLOSE = "\ue000", "\ue001", "\ue002"  # private-use characters: in no template
_PAYLOAD = "P<i>&amp;\"'  Q"  # each filter below turns it into a different text
_MARK = re.compile(f"{_OPEN}([a-z_:]+)(?:{_SEP}(.*?))?{_CLOSE}", re.S)


def _stripped(s: str) -> str:
    if "<" not in s and "&" not in s:  # no tag, no entity: striptags only folds the spaces
        return str(escape(" ".join(s.split())))
    return str(escape(Markup(s).striptags()))


FILTERS: dict[str, Callable[[str], str]] = {
    "raw": str, "e": lambda s: str(escape(s)), "striptags|e": _stripped}
_BY_PROBE = {f(_PAYLOAD): f for f in FILTERS.values()}
assert len(_BY_PROBE) == len(FILTERS), "the probe must tell every filter apart"


def probe(name: str) -> str:
    """The probe text of value `name`."""
    return f"{_OPEN}{name}{_SEP}{_PAYLOAD}{_CLOSE}"


def _marker(name: str):
    def block(context):
        yield f"{_OPEN}block:{name}{_CLOSE}"
    return block


def _noop(context):
    return iter(())


_REFUSED = object()


class PageShells:
    """Shells of one Jinja environment (one build, one language)."""

    def __init__(self) -> None:
        self.shells: dict[tuple, Any] = {}
        self.checked: Counter = Counter()
        # "shell": pages drawn from a shell (and per template name); "normal"; "refused": keys
        self.stats: Counter = Counter()
        self.names: dict[str, tuple[str, ...]] = {}  # template -> every block of its chain
        self.seen: set[tuple] = set()  # keys met once: a shell is made the second time
        self.bases: dict[tuple, tuple[dict, set]] = {}  # key -> what base.html's top level set

    def render(self, template, render: Callable[[dict], str], context: dict, key: tuple,
               values: dict[str, str], probe_context: Callable[[dict], dict]) -> str:
        """The page of `template` for `context`: from the shell of `key` if there is one that
        holds; `render(context)` is the normal rendering; `values` the page's own values (name ->
        non-empty text); `probe_context(context)` the context with probes for those values."""
        names = self.names.get(template.name)
        if names is None or key not in self.seen:  # a shell is made the second time a key is met
            self.seen.add(key)
            out = render(context)
            if names is None:  # learn the template's blocks
                self.names[template.name] = self._block_names(template, context)
            self.stats["normal"] += 1
            return out
        ctx = template.new_context(dict(context))
        for name in names:  # the top-level code of the chain (imports, sets, hub_toc), no block
            ctx.blocks[name] = [_noop, *ctx.blocks.get(name, ())]
        skip = self._first_heading(context)
        if skip is not None:
            if not (isinstance(skip.id, str) and skip.id):
                self.stats["normal"] += 1
                return render(context)
            values = {**values, "skip": skip.id}
        frame_key = (key, skip is None)
        self._setup(template, ctx, frame_key)
        for name in names:
            ctx.blocks[name] = ctx.blocks[name][1:]
        own = {name: template.environment.concat(ctx.blocks[name][0](ctx))
               for name in OWN_BLOCKS if ctx.blocks.get(name)}
        # An empty block stays in the shell (Material tests `self.announce()` for a banner).
        key = (*frame_key, tuple(name for name, html in own.items() if not html))
        shell = self.shells.get(key)
        if shell is _REFUSED:
            self.stats["normal"] += 1
            return render(context)
        if shell is None:
            probed = probe_context(context)
            if skip is not None:
                probed = self._probe_toc(probed)
            shell = self.shells[key] = self._shell(template, probed, names, key[-1])
            if shell is _REFUSED:
                self.stats["refused"] += 1
                self.stats["normal"] += 1
                return render(context)
        out = "".join(part if isinstance(part, str) else
                      own[part[1]] if part[0] == "block" else part[2](values[part[1]])
                      for part in shell)
        if self.checked[key] < CHECKED:
            self.checked[key] += 1
            normal = render(context)
            if normal != out:
                self.shells[key] = _REFUSED
                self.stats["refused"] += 1
                self.stats["normal"] += 1
                return normal
        self.stats["shell"] += 1
        self.stats[template.name] += 1
        return out

    @staticmethod
    def _first_heading(context: dict):
        """Material's base.html links the first entry of the table of contents ("skip to
        content") outside every block: its id is one of the page's values."""
        toc = getattr(context.get("page"), "toc", None)
        return next(iter(toc), None) if toc is not None else None

    @staticmethod
    def _probe_toc(context: dict) -> dict:
        page = copy.copy(context["page"])
        items = list(page.toc)
        items[0] = copy.copy(items[0])
        items[0].id = probe("skip")
        page.toc = items
        return {**context, "page": page}

    def _setup(self, template, ctx, frame_key: tuple) -> None:
        """Run the top-level code of `template`'s chain in `ctx` (every block a no-op). The
        top-level code of the theme's `base.html` (its imports and sets, no page value but
        the first heading of the table of contents, in the key) runs for the first page of a
        key; later pages get what it set."""
        base = self.bases.get(frame_key)
        top = template.environment.get_template(BASE)
        real = top.root_render_func
        if base is None:
            def run(context, _real=real):
                before = dict(context.vars)
                yield from _real(context)
                self.bases[frame_key] = (
                    {k: v for k, v in context.vars.items() if k not in before or before[k] is not v},
                    set(context.exported_vars))
        else:
            def run(context, _vars=base[0], _exported=base[1]):
                context.vars.update(_vars)
                context.exported_vars.update(_exported)
                return iter(())
        top.root_render_func = run
        try:
            for _ in template.root_render_func(ctx):
                pass
        finally:
            top.root_render_func = real

    @staticmethod
    def _block_names(template, context: dict) -> tuple[str, ...]:
        ctx = template.new_context(dict(context))
        for name in list(ctx.blocks):
            ctx.blocks[name] = [_noop, *ctx.blocks[name]]
        for _ in template.root_render_func(ctx):
            pass
        return tuple(ctx.blocks)

    @staticmethod
    def _shell(template, context: dict, names: tuple[str, ...], empty: tuple[str, ...]):
        """The page rendered with probes and block markers, cut into parts: text, ("block",
        name) or ("value", name, filter); _REFUSED when a probe shows through a filter not in
        FILTERS, or a marker or probe is cut."""
        ctx = template.new_context(context)
        for name in OWN_BLOCKS:
            if name in names and name not in empty:
                ctx.blocks[name] = [_marker(name), *ctx.blocks.get(name, ())]
        html = template.environment.concat(template.root_render_func(ctx))
        parts: list = []
        pos = 0
        for m in _MARK.finditer(html):
            parts.append(html[pos:m.start()])
            name, payload = m.group(1), m.group(2)
            if name.startswith("block:"):
                if payload is not None:
                    return _REFUSED
                parts.append(("block", name[len("block:"):]))
            else:
                f = _BY_PROBE.get(payload) if payload is not None else None
                if f is None:
                    return _REFUSED
                parts.append(("value", name, f))
            pos = m.end()
        parts.append(html[pos:])
        rest = "".join(p for p in parts if isinstance(p, str))
        if any(c in rest for c in (_OPEN, _SEP, _CLOSE)):
            return _REFUSED
        return [p for p in parts if p != ""]


def install(env, templates: list[str], page_values: Callable[[dict], tuple[tuple, dict[str, str]] | None],
            probe_context: Callable[[dict], dict]) -> PageShells:
    """Draw the pages of `templates` (names) from shells. `page_values(context)`: (key, values)
    of a page that may use a shell, or None (rendered normally). A template that fails to load
    is left alone (MkDocs reports it as usual)."""
    shells = PageShells()
    env.hub_page_shells = shells
    for name in templates:
        try:
            template = env.get_template(name)
        except Exception:  # noqa: BLE001 - a missing or broken template is MkDocs' error to report
            continue
        normal = template.render

        def render(*args, _template=template, _normal=normal, **kwargs) -> str:
            context = dict(*args, **kwargs)
            found = page_values(context)
            if found is None:
                shells.stats["normal"] += 1
                return _normal(context)
            key, values = found
            return shells.render(_template, _normal, context, (_template.name, *key), values, probe_context)

        template.render = render
    return shells
