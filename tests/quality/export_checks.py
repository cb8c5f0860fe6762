"""Scans of a built site's exports: CSV cells inert, XML well-formed, citation files intact.

Like quality_scan.py, each scan returns findings (`file: what`), empty when the site is clean.
Used on the fixture and repository sites and on every accepted variant of the hostile corpus.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

# The first characters that make a spreadsheet run a cell (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - [^\r\n\x00-\x1f]*")


def scan_csv(site: Path) -> list[str]:
    """Every cell of every CSV, read with the csv module: none starts a formula, rows are whole."""
    findings = []
    for f in sorted(site.rglob("*.csv")):
        rel = f.relative_to(site).as_posix()
        rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))
        width = len(rows[0]) if rows else 0
        for n, row in enumerate(rows, 1):
            if len(row) != width:
                findings.append(f"{rel}: row {n} has {len(row)} cells, the header {width}")
            findings += [f"{rel}: row {n}: a cell a spreadsheet would run: {c[:40]!r}"
                         for c in row if c.startswith(FORMULA_START)]
    return findings


def scan_xml(site: Path) -> list[str]:
    """Every XML file (feeds, sitemap and its .gz) parses."""
    findings = []
    for f in sorted([*site.rglob("*.xml"), *site.rglob("*.xml.gz")]):
        data = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
        try:
            ET.fromstring(data)
        except ET.ParseError as e:
            findings.append(f"{f.relative_to(site).as_posix()}: not well-formed XML: {e}")
    return findings


def read_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """Entries as BibTeX itself reads them: `@` at the top level opens an entry, every `{` and
    `}` counts (a backslash does not escape a brace), a field runs to its balancing brace.
    Raises ValueError where the text is not one clean sequence of entries."""
    entries, i = [], 0
    head, field, word, close = (re.compile(p) for p in (r"@(\w+)\{([^,\s]*),", r"\s*(\w+) = ",
                                                          r"\w+", r"\s*\}"))
    while (at := text.find("@", i)) >= 0:
        m = head.match(text, at)
        if not m:
            raise ValueError(f"an '@' outside an entry: {text[at:at + 40]!r}")
        fields, i = {}, m.end()
        while f := field.match(text, i):
            i = f.end()
            if text[i:i + 1] == "{":
                depth, start = 0, i
                while i < len(text):
                    depth += {"{": 1, "}": -1}.get(text[i], 0)
                    i += 1
                    if depth == 0:
                        break
                if depth:
                    raise ValueError(f"field {f.group(1)} never closes")
                fields[f.group(1)] = text[start + 1:i - 1]
            else:
                w = word.match(text, i)
                if not w:
                    raise ValueError(f"field {f.group(1)} has no value")
                fields[f.group(1)], i = w.group(), w.end()
            if text[i:i + 1] == ",":
                i += 1
        end = close.match(text, i)
        if not end:
            raise ValueError(f"entry {m.group(2)} does not close where its fields end: {text[i:i + 40]!r}")
        entries.append((m.group(1), m.group(2), fields))
        i = end.end()
    return entries


def scan_citations(site: Path) -> list[str]:
    """Each brief's cite.bib is one entry, its cite.ris one record of tag lines, its cite.json
    one CSL item."""
    findings = []
    for f in sorted(site.rglob("cite.bib")):
        rel = f.relative_to(site).as_posix()
        try:
            entries = read_bibtex(f.read_text(encoding="utf-8"))
        except ValueError as e:
            findings.append(f"{rel}: {e}")
            continue
        if len(entries) != 1:
            findings.append(f"{rel}: {len(entries)} entries, not one")
    for f in sorted(site.rglob("cite.ris")):
        rel = f.relative_to(site).as_posix()
        lines = f.read_bytes().decode("utf-8").split("\r\n")
        if lines[-1] != "":
            findings.append(f"{rel}: does not end with CRLF")
        lines = lines[:-1]
        findings += [f"{rel}: not a tag line: {line[:40]!r}"
                     for line in lines if not RIS_LINE.fullmatch(line)]
        tags = [line[:2] for line in lines]
        if tags[:1] != ["TY"] or tags[-1:] != ["ER"] or tags.count("TY") != 1 or tags.count("ER") != 1:
            findings.append(f"{rel}: not one record (tags {tags})")
    for f in sorted(site.rglob("cite.json")):
        items = json.loads(f.read_text(encoding="utf-8"))
        if not (isinstance(items, list) and len(items) == 1):
            findings.append(f"{f.relative_to(site).as_posix()}: not one CSL item")
    return findings
