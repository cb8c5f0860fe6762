"""Check an image by what it holds, not by its name: the site publishes it as it is.

A raster image must start with the signature of the format its extension names (a file called
`logo.png` that holds HTML is refused). An SVG file is XML that a browser runs script from when
it is opened on its own, so it is read with expat and every element, attribute and reference is
checked against an allowlist of drawing features: shapes, text, gradients, clip paths and
references inside the file. Anything else (script, event handlers, links, embedded documents,
animation, external references, DOCTYPE and entities, processing instructions) is refused with
its line and column. Nothing is rewritten: what passes is published byte for byte.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from .problems import Problem

MAX_IMAGE_BYTES = 1_000_000
MAX_PROBLEMS_PER_FILE = 10
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

RASTER_SIGNATURES: dict[str, tuple[str, object]] = {
    "png": ("PNG", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("JPEG", lambda b: b.startswith(b"\xff\xd8\xff")),
    "jpeg": ("JPEG", lambda b: b.startswith(b"\xff\xd8\xff")),
    "webp": ("WebP", lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP"),
}
IMAGE_EXTENSIONS = frozenset(RASTER_SIGNATURES) | {"svg"}

# What an SVG image may hold: drawing only. Extend with care: every name added here is
# published as it is on the site's own origin.
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "style",
})
TEXT_ELEMENTS = frozenset({"title", "desc", "text", "tspan", "style"})
SVG_ATTRIBUTES = frozenset({
    "id", "class", "style", "xmlns", "xmlns:xlink", "version", "viewBox", "width", "height",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
    "dx", "dy", "rotate", "offset", "transform", "preserveAspectRatio", "role", "aria-label",
    "aria-labelledby", "aria-describedby", "aria-hidden", "focusable", "lang", "xml:lang",
    "xml:space", "href", "xlink:href", "fill", "fill-opacity", "fill-rule", "stroke",
    "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
    "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display", "visibility",
    "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
    "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
    "patternUnits", "patternContentUnits", "patternTransform", "font-family", "font-size",
    "font-style", "font-weight", "text-anchor", "dominant-baseline", "letter-spacing",
    "word-spacing", "text-decoration", "paint-order", "vector-effect", "shape-rendering",
    "text-rendering", "type", "media",
})
_URL_RE = re.compile(r"url\s*\(\s*(['\"]?)\s*([^)'\"]*)", re.I)
_UNSAFE_CSS_RE = re.compile(r"@|\\|expression|javascript:|-moz-binding|behavior\s*:", re.I)
IMAGE_HINT = "save it as a PNG, JPEG or WebP image, or export a plain SVG"
SVG_HINT = ("SVG images may hold shapes, text, gradients and clip paths only: no script, links, "
            "embedded content, animation or references to other files")


def sniff(data: bytes) -> str:
    """What a file looks like, in plain words, for a message."""
    for name, test in RASTER_SIGNATURES.values():
        if test(data):  # type: ignore[operator]
            return f"a {name} image"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in data[:4096].lower():
        return "an SVG image"
    if head.startswith(b"<"):
        return "HTML or XML text"
    return "something else"


def image_problems(data: bytes, rel: str, ext: str) -> list[Problem]:
    """Why the image file `rel` (extension `ext`, lower case) may not be published; [] if it may."""
    if len(data) > MAX_IMAGE_BYTES:
        return [Problem(rel, 1, 1, "", f"the image is larger than {MAX_IMAGE_BYTES // 1000} kB "
                        f"({len(data) // 1000} kB)", "make it smaller: a logo needs a few kB")]
    if ext in RASTER_SIGNATURES:
        name, test = RASTER_SIGNATURES[ext]
        if not test(data):  # type: ignore[operator]
            return [Problem(rel, 1, 1, "", f"the file is named .{ext} but is not a {name} image "
                            f"(it holds {sniff(data)})", IMAGE_HINT)]
        return []
    if ext == "svg":
        return svg_problems(data, rel)
    return [Problem(rel, 1, 1, "", f"images of type .{ext} are not published",
                    "use a .png, .jpg, .webp or .svg file")]


class _Stop(Exception):
    """Raised from an expat handler: the rest of the file is not read."""


class _SvgCheck:
    def __init__(self, rel: str, data: bytes) -> None:
        self.rel, self.data = rel, data
        self.problems: list[Problem] = []
        self.stack: list[str] = []
        self.refused_at = 0  # depth of a refused element: its contents are not checked again
        self.parser = expat.ParserCreate(encoding="UTF-8")  # the file's own declaration is ignored
        p = self.parser
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.text
        p.StartDoctypeDeclHandler = self.doctype
        p.EntityDeclHandler = self.entity
        p.ExternalEntityRefHandler = self.entity
        p.ProcessingInstructionHandler = self.instruction

    def add(self, message: str, hint: str = SVG_HINT, *, stop: bool = False) -> None:
        p = self.parser
        self.problems.append(Problem(self.rel, p.CurrentLineNumber, p.CurrentColumnNumber + 1, "",
                                     message, hint))
        if stop or len(self.problems) >= MAX_PROBLEMS_PER_FILE:
            raise _Stop

    def doctype(self, *_: object) -> None:
        at = self.data.upper().find(b"<!DOCTYPE")  # expat reports the end of the declaration
        if at >= 0:
            line = self.data.count(b"\n", 0, at) + 1
            col = at - (self.data.rfind(b"\n", 0, at) + 1) + 1
            self.problems.append(Problem(self.rel, line, col, "", "a <!DOCTYPE> is not allowed in "
                                         "an SVG image", "remove the <!DOCTYPE ...> declaration: it "
                                         "can declare entities"))
            raise _Stop
        self.add("a <!DOCTYPE> is not allowed in an SVG image",
                 "remove the <!DOCTYPE ...> declaration: it can declare entities", stop=True)

    def entity(self, *_: object) -> int:
        self.add("entities are not allowed in an SVG image", "write the text out", stop=True)
        return 0

    def instruction(self, target: str, _data: str) -> None:
        self.add(f"the processing instruction <?{target} ...?> is not allowed in an SVG image",
                 "remove it (a stylesheet instruction loads another file)")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.stack:
            if name != "svg":
                self.add(f"the file is not an SVG image: its first element is <{name}>",
                         IMAGE_HINT, stop=True)
            if attrs.get("xmlns") != SVG_NS:
                self.add(f'the <svg> element must declare xmlns="{SVG_NS}"', "add it", stop=True)
        self.stack.append(name)
        if self.refused_at:
            return
        if name not in SVG_ELEMENTS:
            self.refused_at = len(self.stack)
            self.add(f"the element <{name}> is not allowed in an SVG image")
            return
        for attr, value in attrs.items():
            self.attribute(name, attr, value)

    def attribute(self, element: str, attr: str, value: str) -> None:
        low = attr.lower()
        if low.startswith("on"):
            self.add(f"the event handler {attr}= on <{element}> is not allowed in an SVG image",
                     "event handlers run script; remove the attribute")
        elif attr not in SVG_ATTRIBUTES:
            self.add(f"the attribute {attr}= on <{element}> is not allowed in an SVG image")
        elif attr == "xmlns" and value != SVG_NS:
            self.add(f"the namespace {value!r} is not allowed in an SVG image")
        elif attr == "xmlns:xlink" and value != XLINK_NS:
            self.add(f"xmlns:xlink must be {XLINK_NS!r}, not {value!r}")
        elif attr in ("href", "xlink:href") and not re.fullmatch(r"#[\w.:-]+", value):
            self.add(f"the reference {attr}={value[:60]!r} on <{element}> is not allowed in an SVG "
                     "image", "only references to an element of the same file (#id) are allowed")
        elif attr == "style":
            self.css(value, f"the style= attribute of <{element}>")
        else:
            self.urls(value, f"the attribute {attr}= of <{element}>")

    def urls(self, value: str, where: str) -> None:
        if "javascript:" in value.lower().replace(" ", ""):
            self.add(f"{where} holds a javascript: address")
        for m in _URL_RE.finditer(value):
            if not m.group(2).strip().startswith("#"):
                self.add(f"{where} refers to another file (url({m.group(2)[:60]}))",
                         "only url(#id), an element of the same file, is allowed")

    def css(self, value: str, where: str) -> None:
        m = _UNSAFE_CSS_RE.search(value)
        if m:
            self.add(f"{where} uses {m.group(0)!r}, which is not allowed in an SVG image",
                     "keep to plain properties such as fill: #1d4e89; no @import, @font-face, "
                     "escapes or script")
        else:
            self.urls(value, where)

    def end(self, _name: str) -> None:
        if self.refused_at == len(self.stack):
            self.refused_at = 0
        self.stack.pop()

    def text(self, data: str) -> None:
        if not data.strip() or not self.stack or self.refused_at:
            return
        if self.stack[-1] == "style":
            self.css(data, "the <style> element")
        elif self.stack[-1] not in TEXT_ELEMENTS:
            self.add(f"text is not allowed directly inside <{self.stack[-1]}>",
                     "put text in a <text>, <title> or <desc> element")


def svg_problems(data: bytes, rel: str) -> list[Problem]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(rel, 1, 1, "", f"the SVG file is not UTF-8 text (byte {exc.start})",
                        "save it as UTF-8")]
    check = _SvgCheck(rel, data)
    try:
        check.parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        check.problems.append(Problem(rel, exc.lineno, exc.offset + 1, "",
                                      f"the SVG file is not well-formed XML ({expat.ErrorString(exc.code)})",
                                      "open it in a drawing program and export it again"))
    return check.problems
