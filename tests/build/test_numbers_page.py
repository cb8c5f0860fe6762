"""The network in numbers (/numbers/): what a reader sees, and that every number is right.

Each figure is recomputed here from the record files themselves (read with the YAML reader
and the countries table as plain CSV, not with `hub.numbers`), on the fixture network and on
the shipped sample, and compared with `data/numbers.json` and with the tables of the page.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO
from hub.countries import INCOME_EDITION
from hub.load_yaml import parse

pytestmark = pytest.mark.slow
INCOME = ["LIC", "LMC", "UMC", "HIC"]
REGIONS = ["AFR", "AMR", "SEAR", "EUR", "EMR", "WPR"]
INCOME_LABELS = ["Low income", "Lower-middle income", "Upper-middle income", "High income"]


def _yaml(path: Path):
    doc, problems = parse(path.read_text(encoding="utf-8"), path.name)
    assert doc is not None, problems
    return doc.data


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n", 2)[1]
    doc, problems = parse(front, path.name)
    assert doc is not None, problems
    return doc.data


def _table() -> dict[str, tuple[str, str]]:
    with (REPO / "hooks" / "hub" / "data" / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return {r["iso2"]: (r["who_region"] or "none", r["income_group"] or "none")
                for r in csv.DictReader(fh)}


def expected(root: Path, today: dt.date) -> dict[str, tuple[dict[str, float], float]]:
    """Figure id -> ({row key: count}, denominator), from the record files of the hub at `root`."""
    table = _table()
    hub = _yaml(root / "hub.yml")
    voc = hub["vocabularies"]
    partners = _yaml(root / "partners.yaml")
    members = [m for m in _yaml(root / "members.yaml") if m["consent"]["public"] == "true"]
    public = {m["id"]: m for m in members}
    briefs = [(p.stem, _front(p)) for p in sorted((root / "content" / "briefs").glob("*.md"))
              if p.name != "index.md" and "." not in p.stem]  # not translations (<id>.fr.md)
    published = [(s, b) for s, b in briefs if b["status"] in ("published", "archived")]
    modules = [_yaml(p) for p in sorted((root / "curriculum" / "modules").glob("*.yaml"))
               if "." not in p.stem]  # not translations (<id>.fr.yaml)
    out: dict[str, tuple[dict[str, float], float]] = {}

    def by_country(name: str, codes: list[str]) -> None:
        income = Counter(table.get(c, ("none", "none"))[1] for c in codes)
        region = Counter(table.get(c, ("none", "none"))[0] for c in codes)
        out[f"{name}-by-income"] = ({k: income[k] for k in INCOME + ["none"] if k in INCOME or income[k]},
                                    len(codes))
        out[f"{name}-by-region"] = ({k: region[k] for k in REGIONS + ["none"] if k in REGIONS or region[k]},
                                    len(codes))

    by_country("partners", [p["country"] for p in partners])
    by_country("members", [m["country"] for m in members])
    author_ids = {a["member"] for _, b in published for a in b["authors"] if "member" in a}
    by_country("authors", [public[i]["country"] for i in sorted(author_ids) if i in public])
    tiers = Counter(t for _, b in published for t in (b.get("tiers") or ["none"]))
    out["briefs-by-tier"] = ({k: tiers[k] for k in [*voc["tiers"], "none"] if k != "none" or tiers[k]},
                             len(published))
    sdgs = Counter(t for _, b in published for t in (b.get("sdg_targets") or ["none"]))
    out["briefs-by-sdg-target"] = ({k: sdgs[k] for k in [*voc["sdg_targets"], "none"] if sdgs[k]},
                                   len(published))
    hours = sum(float(m["duration_hours"]) for m in modules)
    comp = Counter()
    for m in modules:
        for c in set(m["competencies"]):
            comp[c] += float(m["duration_hours"])
    out["hours-by-competency"] = ({k: comp[k] for k in voc["competencies"]}, hours)
    level = Counter()
    for m in modules:
        level[m["level"]] += float(m["duration_hours"])
    out["hours-by-level"] = ({k: level[k] for k in voc["levels"]}, hours)
    exchange_section = (hub.get("sections") or {}).get("exchanges")
    if exchange_section is not None and exchange_section.get("enabled", "true") == "true":
        out.update(expected_exchanges(root, partners, table))
    current = [b for _, b in published if b["status"] == "published"]
    review = [dt.date.fromisoformat(b["review_by"]) for b in current]
    past = sum(d < today for d in review)
    near = sum(today <= d <= today + dt.timedelta(days=90) for d in review)
    out["briefs-review"] = ({"past": past, "near": near, "current": len(current) - past - near}, len(current))
    cutoff = today.replace(year=today.year - 3)
    old_briefs = sum(dt.date.fromisoformat(b["date"]) < cutoff for _, b in published)
    old_members = sum(dt.date.fromisoformat(m["consent"]["date"]) < cutoff for m in members)
    out["records-not-updated"] = ({"briefs": old_briefs, "members": old_members},
                                  len(published) + len(members))
    return out


SOUTH, NORTH = {"LIC", "LMC", "UMC"}, {"HIC"}
DIRECTIONS = ["south-south", "triangular", "north-south", "north-north", "unknown"]


def expected_exchanges(root: Path, partners: list[dict], table: dict[str, tuple[str, str]]
                       ) -> dict[str, tuple[dict[str, float], float]]:
    """The exchange figures, from content/exchanges/*.md and the direction rule written out."""
    country_of = {p["id"]: p["country"] for p in partners}
    exchanges = [_front(p) for p in sorted((root / "content" / "exchanges").glob("*.md"))]

    def countries(e: dict) -> list[str]:
        return list(dict.fromkeys(country_of[p] for p in e["partners"]))

    def direction(e: dict) -> str:
        groups = [table.get(c, ("none", "none"))[1] for c in countries(e)]
        if any(g not in SOUTH | NORTH for g in groups):
            return "unknown"
        south = sum(g in SOUTH for g in groups)
        north = len(groups) - south
        return ("south-south" if not north else "north-north" if not south
                else "triangular" if south >= 2 else "north-south")

    n = len(exchanges)
    income = Counter(k for e in exchanges for k in {table.get(c, ("none", "none"))[1] for c in countries(e)})
    region = Counter(k for e in exchanges for k in {table.get(c, ("none", "none"))[0] for c in countries(e)})
    shown = {"south-south", "triangular", "north-south"}
    out: dict[str, tuple[dict[str, float], float]] = {
        "exchanges-by-income": ({k: income[k] for k in INCOME + ["none"] if k in INCOME or income[k]}, n),
        "exchanges-by-region": ({k: region[k] for k in REGIONS + ["none"] if k in REGIONS or region[k]}, n),
    }
    directions = Counter(direction(e) for e in exchanges)
    out["exchanges-by-direction"] = ({k: directions[k] for k in DIRECTIONS if directions[k] or k in shown}, n)
    by_year: dict[str, Counter] = {}
    for e in exchanges:
        by_year.setdefault(str(e["start"])[:4], Counter())[direction(e)] += 1
    out["exchanges-direction-by-year"] = (
        {f"{y}/{k}": c[k] for y, c in sorted(by_year.items()) for k in DIRECTIONS if c[k] or k in shown}, n)
    return out


def _data(site: Path) -> dict:
    return json.loads((site / "data" / "numbers.json").read_text(encoding="utf-8"))


def _check_numbers(site: Path, root: Path) -> None:
    data = _data(site)
    want = expected(root, dt.date.fromisoformat(data["as_of"]))
    def key(r: dict) -> str:
        return f"{r['group']}/{r['key']}" if r["group"] else r["key"]

    got = {f["id"]: ({key(r): r["count"] for r in f["rows"]}, f["total"]) for f in data["figures"]}
    assert got == want
    for f in data["figures"]:
        for r in f["rows"]:
            assert r["share"] == (round(r["count"] / r["total"], 4) if r["total"] else None), (f["id"], r)


def test_every_figure_recomputed_from_the_fixture_records(fixture_site: Path) -> None:
    _check_numbers(fixture_site, FIXTURE)


@pytest.mark.sample
def test_every_figure_recomputed_from_the_sample_records(repo_site: Path) -> None:
    _check_numbers(repo_site, REPO)


class _Page(HTMLParser):
    """Per figure section: its heading, definition list, svg, table rows and texts."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, dict] = {}
        self._fig: dict | None = None
        self._cell: list[str] | None = None
        self._row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and "hub-figure" in (a.get("class") or ""):
            self._fig = self.figures.setdefault(a["aria-labelledby"] or "", {
                "rows": [], "svg": None, "caption": "", "dt": [], "text": []})
        if self._fig is None:
            return
        if tag == "svg":
            self._fig["svg"] = a
        elif tag in ("th", "td", "caption", "dt", "title", "desc"):
            self._cell = []
        elif tag == "tr":
            self._row = []

    def handle_data(self, data: str) -> None:
        if self._fig is not None:
            self._fig["text"].append(data)
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._fig is None:
            return
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption" and self._cell is not None:
            self._fig["caption"] = "".join(self._cell)
            self._cell = None
        elif tag == "dt" and self._cell is not None:
            self._fig["dt"].append("".join(self._cell))
            self._cell = None
        elif tag in ("title", "desc") and self._cell is not None:
            self._fig[tag] = "".join(self._cell)
            self._cell = None
        elif tag == "tr" and self._row and "Category" not in self._row:
            self._fig["rows"].append(self._row)
        elif tag == "section":
            self._fig = None


def _page(site: Path) -> _Page:
    p = _Page()
    p.feed((site / "numbers" / "index.html").read_text(encoding="utf-8"))
    return p


def test_each_figure_shows_its_chart_table_definition_and_denominator(fixture_site: Path) -> None:
    data, page = _data(fixture_site), _page(fixture_site)
    assert [f["id"] for f in data["figures"]] == list(page.figures)
    for f in data["figures"]:
        shown = page.figures[f["id"]]
        text = " ".join("".join(shown["text"]).split())
        assert f["definition"] in text and f["denominator"] in text, f["id"]
        assert [d.strip() for d in shown["dt"]] == ["Definition:", "Denominator:"]
        assert shown["caption"].startswith(f["title"])
        svg = shown["svg"]
        assert svg["role"] == "img" and svg["aria-labelledby"] == f"{f['id']}-svg-title {f['id']}-svg-desc"
        assert shown["title"] == f["title"]
        # the text alternative names every row with its number
        for r in f["rows"]:
            assert f"{r['label']}: {r['count']:g}" in shown["desc"], (f["id"], r["label"])
        # the table beside the chart: every row, its number and its share
        rows = [row[-3:] for row in shown["rows"]]
        want = [[r["label"], f"{r['count']:g}",
                 "–" if r["share"] is None else f"{round(r['share'] * 100)}%"] for r in f["rows"]]
        assert [[a, b, c.split(" of ")[0]] for a, b, c in rows] == want, f["id"]
        for label in f["missing"]:
            assert label in text


def test_the_page_says_who_is_missing_and_names_briefs_past_review(fixture_site: Path) -> None:
    html = (fixture_site / "numbers" / "index.html").read_text(encoding="utf-8")
    members = _page(fixture_site).figures["members-by-income"]
    assert "Not represented: Low income, Upper-middle income, High income." in " ".join(
        "".join(members["text"]).split())
    # the fixture's beta brief was due for review on 2025-01-01 (the build's today: 2025-12-02)
    assert re.search(r'<a class="hub-item__title" href="\.\./briefs/beta-brief/">Beta brief on '
                     r'community health</a>\s*<span class="hub-item__meta">review by '
                     r'<time datetime="2025-01-01">', html)


def test_the_numbers_page_is_in_the_navigation_and_the_data_page_lists_its_files(repo_site: Path) -> None:
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="numbers/"[^>]*>\s*<span class="md-ellipsis">\s*The network in numbers', home)
    data_page = (repo_site / "data" / "index.html").read_text(encoding="utf-8")
    for link in ("numbers.json", "numbers.csv", "schemas/numbers.schema.json"):
        assert f'href="{link}"' in data_page or f'href="../data/{link}"' in data_page or \
            f"data/{link}" in data_page, link
    assert INCOME_EDITION in data_page


def test_numbers_json_follows_its_schema(fixture_site: Path) -> None:
    from jsonschema import Draft202012Validator

    published = fixture_site / "data" / "schemas" / "numbers.schema.json"
    schema = json.loads(published.read_text(encoding="utf-8"))
    committed = json.loads((REPO / "schemas" / "numbers.schema.json").read_text(encoding="utf-8"))
    schema_id = "$id"
    assert {k: v for k, v in schema.items() if k != schema_id} == \
        {k: v for k, v in committed.items() if k != schema_id}
    validator = Draft202012Validator(schema)
    data = _data(fixture_site)
    assert list(validator.iter_errors(data)) == []
    data["figures"][0]["rows"][0]["share"] = 2
    data["figures"][0]["colour"] = "red"
    assert len(list(validator.iter_errors(data))) == 2


def test_numbers_csv_has_every_row_and_the_income_edition(fixture_site: Path) -> None:
    data = _data(fixture_site)
    rows = list(csv.DictReader((fixture_site / "data" / "numbers.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == sum(len(f["rows"]) for f in data["figures"])
    assert data["income_edition"] == INCOME_EDITION
    for r in rows:
        assert r["income_edition"] == (INCOME_EDITION if r["figure"].endswith("-by-income") else "")


def _visible(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_page_that_shows_an_income_group_shows_its_edition(fixture_site: Path) -> None:
    shown = 0
    for page in sorted(fixture_site.rglob("*.html")):
        text = _visible(page.read_text(encoding="utf-8"))
        if any(label in text for label in INCOME_LABELS) or "Not classified" in text:
            shown += 1
            assert INCOME_EDITION in text, page.relative_to(fixture_site)
    assert shown >= 5  # partner and country pages, the partners listing, the numbers page
    listing = (fixture_site / "partners" / "index.html").read_text(encoding="utf-8")
    assert f"<legend>Income group ({INCOME_EDITION})</legend>" in listing
