"""Images are checked by content (hooks/hub/validate_images.py): raster signatures, and SVG
against an allowlist of drawing features, each refusal with its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.validate_images import MAX_IMAGE_BYTES, image_problems, svg_problems

REPO = Path(__file__).resolve().parents[2]
NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
ONLY = ("SVG images may hold shapes, text, gradients and clip paths only: no script, links, embedded "
        "content, animation or references to other files")


def found(svg: str) -> list[str]:
    return [p.format() for p in svg_problems(svg.encode(), "x.svg")]


@pytest.mark.parametrize("path", sorted((REPO / "content" / "assets" / "logos").glob("*.svg")),
                         ids=lambda p: p.name)
def test_the_sample_logos_pass(path: Path) -> None:
    assert svg_problems(path.read_bytes(), path.name) == []


def test_a_rich_but_inert_svg_passes() -> None:
    svg = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- comment -->\n<svg {NS} {XLINK} viewBox="0 0 9 9">'
           '<title>t</title><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/>'
           '</linearGradient><clipPath id="c"><rect width="9" height="9"/></clipPath></defs>'
           '<g clip-path="url(#c)" fill="url( \'#g\' )"><circle r="4"/></g><use xlink:href="#c"/>'
           '<style>.a { fill: #fff }</style><text class="a" style="fill: red">HUB</text></svg>')
    assert found(svg) == []


CASES = [
    pytest.param(f'<svg {NS}>\n  <script>alert(1)</script>\n</svg>', [
        f"x.svg:2:3: the element <script> is not allowed in an SVG image; {ONLY}"], id="script"),
    pytest.param(f'<svg {NS}><rect onclick="a()" ONMOUSEOVER="b()"/></svg>', [
        "x.svg:1:41: the event handler onclick= on <rect> is not allowed in an SVG image; event "
        "handlers run script; remove the attribute",
        "x.svg:1:41: the event handler ONMOUSEOVER= on <rect> is not allowed in an SVG image; event "
        "handlers run script; remove the attribute"], id="handlers"),
    pytest.param(f'<svg {NS} {XLINK}><use xlink:href="javascript:alert(1)"/>'
                 '<use href="other.svg#a"/></svg>', [
        "x.svg:1:84: the reference xlink:href='javascript:alert(1)' on <use> is not allowed in an SVG "
        "image; only references to an element of the same file (#id) are allowed",
        "x.svg:1:123: the reference href='other.svg#a' on <use> is not allowed in an SVG image; only "
        "references to an element of the same file (#id) are allowed"], id="external-href"),
    pytest.param(f'<svg {NS}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div>'
                 '</foreignObject></svg>', [
        f"x.svg:1:41: the element <foreignObject> is not allowed in an SVG image; {ONLY}"],
        id="foreign-object-contents-not-reported-twice"),
    pytest.param(f'<svg {NS}><a href="https://example.org"><image href="x.png"/></a>'
                 '<animate attributeName="href" to="javascript:alert(1)"/><set/></svg>', [
        f"x.svg:1:41: the element <a> is not allowed in an SVG image; {ONLY}",
        f"x.svg:1:96: the element <animate> is not allowed in an SVG image; {ONLY}",
        f"x.svg:1:152: the element <set> is not allowed in an SVG image; {ONLY}"], id="links-animation"),
    pytest.param(f'<svg {NS}><style>@import url(https://evil.example/x.css);</style>'
                 '<rect style="fill: url(https://evil.example/p)" filter="url(x.svg#f)"/></svg>', [
        "x.svg:1:48: the <style> element uses '@', which is not allowed in an SVG image; keep to plain "
        "properties such as fill: #1d4e89; no @import, @font-face, escapes or script",
        "x.svg:1:96: the style= attribute of <rect> refers to another file (url(https://evil.example/p)); "
        "only url(#id), an element of the same file, is allowed",
        "x.svg:1:96: the attribute filter= on <rect> is not allowed in an SVG image; " + ONLY],
        id="css-and-url"),
    pytest.param(f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg {NS}>&x;</svg>', [
        "x.svg:1:1: a <!DOCTYPE> is not allowed in an SVG image; remove the <!DOCTYPE ...> declaration: "
        "it can declare entities"], id="doctype-external-entity"),
    pytest.param(f'<?xml-stylesheet href="x.css"?><svg {NS}/>', [
        "x.svg:1:1: the processing instruction <?xml-stylesheet ...?> is not allowed in an SVG image; "
        "remove it (a stylesheet instruction loads another file)"], id="processing-instruction"),
    pytest.param(f'<svg {NS} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>a()</h:script></svg>', [
        f"x.svg:1:1: the attribute xmlns:h= on <svg> is not allowed in an SVG image; {ONLY}",
        f"x.svg:1:80: the element <h:script> is not allowed in an SVG image; {ONLY}"],
        id="other-namespace"),
    pytest.param('<html><script>a()</script></html>', [
        "x.svg:1:1: the file is not an SVG image: its first element is <html>; save it as a PNG, JPEG "
        "or WebP image, or export a plain SVG"], id="html-named-svg"),
    pytest.param('<svg><rect/></svg>', [
        'x.svg:1:1: the <svg> element must declare xmlns="http://www.w3.org/2000/svg"; add it'],
        id="no-namespace"),
    pytest.param(f'<svg {NS}><rect>', [
        "x.svg:1:47: the SVG file is not well-formed XML (no element found); open it in a drawing "
        "program and export it again"], id="not-well-formed"),
]


@pytest.mark.parametrize(("svg", "expected"), CASES)
def test_svg_refusals(svg: str, expected: list[str]) -> None:
    assert found(svg) == expected


def test_billion_laughs_is_refused_before_any_expansion() -> None:
    svg = ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + f']><svg {NS}><text>&j;</text></svg>')
    assert [p.message for p in svg_problems(svg.encode(), "x.svg")] == [
        "a <!DOCTYPE> is not allowed in an SVG image"]


def test_svg_encoding_is_utf8_whatever_it_declares() -> None:
    data = f'<?xml version="1.0" encoding="ISO-8859-1"?><svg {NS}><title>\xe9</title></svg>'.encode("latin-1")
    assert [p.format() for p in svg_problems(data, "x.svg")] == [
        "x.svg:1:1: the SVG file is not UTF-8 text (byte 90); save it as UTF-8"]


def test_raster_images_by_signature_and_size() -> None:
    png, jpg = b"\x89PNG\r\n\x1a\n" + b"\0" * 8, b"\xff\xd8\xff\xe0" + b"\0" * 8
    webp = b"RIFF\0\0\0\0WEBPVP8 "
    assert image_problems(png, "a.png", "png") == []
    assert image_problems(jpg, "a.jpg", "jpg") == image_problems(jpg, "a.jpeg", "jpeg") == []
    assert image_problems(webp, "a.webp", "webp") == []
    assert [p.format() for p in image_problems(jpg, "a.png", "png")] == [
        "a.png:1:1: the file is named .png but is not a PNG image (it holds a JPEG image); save it as "
        "a PNG, JPEG or WebP image, or export a plain SVG"]
    assert [p.format() for p in image_problems(f"<svg {NS}/>".encode(), "a.jpg", "jpg")] == [
        "a.jpg:1:1: the file is named .jpg but is not a JPEG image (it holds an SVG image); save it as "
        "a PNG, JPEG or WebP image, or export a plain SVG"]
    big = png + b"\0" * MAX_IMAGE_BYTES
    assert [p.format() for p in image_problems(big, "a.png", "png")] == [
        "a.png:1:1: the image is larger than 1000 kB (1000 kB); make it smaller: a logo needs a few kB"]
