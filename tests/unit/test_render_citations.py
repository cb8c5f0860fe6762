"""Citations of a brief: BibTeX escaping, RIS line format, CSL-JSON keys, the APA line."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from hub.catalog import Catalog
from hub.render_citations import (
    Citation,
    Person,
    apa_text,
    bibtex_escape,
    citation,
    render_bibtex,
    render_csl_json,
    render_ris,
    split_name,
)
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
URL = "https://hub.example.org/briefs/alpha-brief/"


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


def alpha() -> Citation:
    cat = catalog()
    return citation(cat, cat.briefs["alpha-brief"], "Example Hub", URL)


def tricky(doi: str | None = "10.1234/abc_def") -> Citation:
    return Citation("tricky", "Costs & benefits: 50% of {care} for $0 #1_a~b^c\\d",
                    (Person("José", "Núñez"), Person("", "WHO")), 2025, 3, 7,
                    "Hub & Partners", URL, doi, "A summary with % and & signs.", "en")


@pytest.mark.parametrize("raw, escaped", [
    ("a & b", r"a \& b"),
    ("50%", r"50\%"),
    ("$5", r"\$5"),
    ("#1", r"\#1"),
    ("snake_case", r"snake\_case"),
    ("{x}", r"\textbraceleft{}x\textbraceright{}"),  # BibTeX counts \{ as a brace too
    ("a~b", r"a\textasciitilde{}b"),
    ("a^b", r"a\textasciicircum{}b"),
    ("a\\b", r"a\textbackslash{}b"),
    ("Núñez", "Núñez"),  # UTF-8 letters stay
])
def test_bibtex_escapes_special_characters(raw: str, escaped: str) -> None:
    assert bibtex_escape(raw) == escaped


def test_bibtex_entry_of_a_brief() -> None:
    bib = render_bibtex(alpha())
    assert bib.startswith("@techreport{alpha-brief,\n") and bib.endswith("}\n")
    assert "  title = {{Primary care: the alpha brief}},\n" in bib
    assert "  author = {Example, Ada and Author, Outside},\n" in bib  # a member and an outside author
    assert "  institution = {Example Hub},\n" in bib
    assert "  year = {2025},\n  month = may,\n" in bib
    assert f"  url = {{{URL}}}" in bib
    assert "doi" not in bib  # the fixture brief has none


def test_bibtex_braces_balance_with_special_characters() -> None:
    bib = render_bibtex(tricky())
    depth = 0
    for ch in bib:  # BibTeX counts every brace, escaped or not
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0
    assert r"Costs \& benefits: 50\% of \textbraceleft{}care\textbraceright{} for \$0 \#1\_a" in bib
    assert "author = {Núñez, José and {WHO}}" in bib  # an organisation stays one name
    assert "  doi = {10.1234/abc_def}" in bib  # DOIs and URLs are verbatim fields


def test_ris_lines_have_the_tag_format_and_end_with_er() -> None:
    ris = render_ris(alpha())
    lines = ris.split("\r\n")
    assert lines[-1] == ""  # CRLF after every line, ER included
    lines = lines[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    assert lines[0] == "TY  - RPRT" and lines[-1] == "ER  - "
    assert "AU  - Example, Ada" in lines and "AU  - Author, Outside" in lines
    assert "TI  - Primary care: the alpha brief" in lines
    assert "PY  - 2025" in lines and "DA  - 2025/05/01" in lines
    assert f"UR  - {URL}" in lines and "PB  - Example Hub" in lines


def test_ris_keeps_each_value_on_one_line() -> None:
    c = tricky()
    multi = Citation(c.key, "Line one\nline two", c.authors, c.year, c.month, c.day, c.publisher,
                     c.url, c.doi, "Summary\r\nacross lines", c.lang)
    lines = render_ris(multi).split("\r\n")[:-1]
    assert "TI  - Line one line two" in lines and "AB  - Summary across lines" in lines
    assert "DO  - 10.1234/abc_def" in lines


def test_csl_json_keys() -> None:
    items = json.loads(render_csl_json(alpha()))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert {"id", "type", "title", "author", "issued", "publisher", "URL"} <= item.keys()
    assert item["type"] == "report" and item["id"] == "alpha-brief"
    assert item["author"] == [{"family": "Example", "given": "Ada"}, {"family": "Author", "given": "Outside"}]
    assert item["issued"] == {"date-parts": [[2025, 5, 1]]}
    assert "DOI" not in item
    t = json.loads(render_csl_json(tricky()))[0]
    assert t["DOI"] == "10.1234/abc_def" and t["author"][1] == {"literal": "WHO"}
    assert t["title"].startswith("Costs & benefits")  # JSON needs no TeX escaping


def test_apa_line() -> None:
    assert apa_text(alpha()) == (
        "Example, A., & Author, O. (2025, May 1). Primary care: the alpha brief [Policy brief]. "
        f"Example Hub. {URL}")
    assert apa_text(tricky()).endswith("Hub & Partners. https://doi.org/10.1234/abc_def")  # DOI wins


@pytest.mark.parametrize("name, given, family", [
    ("Sita Gurung", "Sita", "Gurung"),
    ("Ana Maria Souza", "Ana Maria", "Souza"),
    ("Madonna", "", "Madonna"),
])
def test_split_name(name: str, given: str, family: str) -> None:
    assert split_name(name) == Person(given, family)
