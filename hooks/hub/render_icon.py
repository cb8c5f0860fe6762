"""The ZIM file's 48x48 illustration (Kiwix shows it in its library), made from the site's
favicon with nothing but zlib: the favicon itself when it is 48x48, else scaled down or up
(8-bit grey, RGB or RGBA PNGs, not interlaced: what favicon tools write)."""

from __future__ import annotations

import struct
import zlib

from .zim_settings import ZimError

ILLUSTRATION_SIZE = 48


def illustration(png: bytes, size: int = ILLUSTRATION_SIZE) -> bytes:
    """A `size`x`size` PNG from the site's favicon: itself when it has that size, else scaled
    (8-bit grey, RGB or RGBA, not interlaced: what favicon tools write)."""
    width, height, depth, colour, interlace = _png_header(png)
    if (width, height) == (size, size):
        return png
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ZimError("the favicon is not a plain 8-bit PNG: give a 48x48 PNG favicon "
                       "(theme.favicon in mkdocs.yml)")
    rows = _png_rows(png, width, height, channels)
    rgba = [[_to_rgba(row[x * channels:(x + 1) * channels]) for x in range(width)] for row in rows]
    out = bytearray()
    for y in range(size):
        out.append(0)  # filter: none
        for x in range(size):  # box filter over the source pixels this one covers
            x0, x1 = x * width // size, max(x * width // size + 1, (x + 1) * width // size)
            y0, y1 = y * height // size, max(y * height // size + 1, (y + 1) * height // size)
            box = [rgba[j][i] for j in range(y0, y1) for i in range(x0, x1)]
            out += bytes(sum(p[c] for p in box) // len(box) for c in range(4))
    return write_png(size, size, bytes(out))


def write_png(width: int, height: int, filtered_rgba: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(filtered_rgba, 9)) + chunk(b"IEND", b""))


def _png_header(png: bytes) -> tuple[int, int, int, int, int]:
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        raise ZimError("the favicon is not a PNG: give a 48x48 PNG favicon (theme.favicon in "
                       "mkdocs.yml)")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", png[16:29])
    return width, height, depth, colour, interlace


def _png_rows(png: bytes, width: int, height: int, channels: int) -> list[bytes]:
    data, i = b"", 8
    while i < len(png):
        (n,), kind = struct.unpack(">I", png[i:i + 4]), png[i + 4:i + 8]
        if kind == b"IDAT":
            data += png[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, rows, prev = zlib.decompress(data), width * channels, [], bytes(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return rows


def _to_rgba(px: bytes) -> tuple[int, int, int, int]:
    if len(px) == 1:
        return px[0], px[0], px[0], 255
    if len(px) == 2:
        return px[0], px[0], px[0], px[1]
    if len(px) == 3:
        return px[0], px[1], px[2], 255
    return px[0], px[1], px[2], px[3]
