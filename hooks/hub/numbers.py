"""The network in numbers: equity indicators computed from the records at every build.

Each `Figure` is one indicator: what is counted (its definition), out of what (its
denominator), and one `Row` per category with its count and share. The numbers page draws each
figure as a bar chart with its table (`overrides/hub/numbers.html`), and the same figures are
published as `data/numbers.json` and `data/numbers.csv` (schema: `numbers.schema.json`,
exported from the models below).

Privacy of aggregates: only what the site itself shows is counted. Members are the members who
chose a public profile; a withheld member is in no numerator and no denominator, so no count,
share or "missing" group can reveal them (tests/quality/test_privacy_aggregates.py). Briefs are
published and archived briefs, never drafts.

Deterministic: "today" is the build's today (`models.today()`, from SOURCE_DATE_EPOCH when set);
"updated" means a record's own date fields, never the clock of the machine or of git.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog
from .countries import INCOME_EDITION, WHO_REGIONS_AS_OF, country
from .i18n import N_, _, date_long, join_rows, ngettext, number, percent
from .vocab import INCOME_GROUPS, WHO_REGIONS

NOT_CLASSIFIED = "none"  # the key of a country without a WHO region or an income group
NEAR_REVIEW_DAYS = 90  # a brief "near" its review date: due within this many days
STALE_YEARS = 3  # a record "not updated for a long time": its own date is older than this


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Row(_Out):
    """One category of a figure: how many of the denominator fall in it."""

    key: Annotated[str, Field(description="The category's code (e.g. LMC, AFR, 3.8), or a record id.")]
    label: Annotated[str, Field(description="The category as readers see it.")]
    group: Annotated[str, Field(description="The heading the row is shown under, or empty.")] = ""
    count: Annotated[int | float, Field(ge=0, description="How many (records, people or hours).")]
    total: Annotated[int | float, Field(ge=0, description="The denominator of this row's share.")]
    share: Annotated[float | None, Field(ge=0, le=1, description="count / total, to 4 decimals; "
                                         "null when the denominator is 0.")]

    @property
    def percent(self) -> str:
        return "–" if self.share is None else percent(self.share)

    @property
    def count_text(self) -> str:
        return number(self.count)


class Listed(_Out):
    """A record a figure names (a brief past its review date), with the date that puts it there."""

    key: Annotated[str, Field(description="The record's id (a brief's file name).")]
    label: str
    group: str
    date: dt.date


class Figure(_Out):
    """One indicator."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    title: str
    definition: Annotated[str, Field(description="What is counted, in plain words.")]
    denominator: Annotated[str, Field(description="Out of what the shares are computed.")]
    unit: Annotated[str, Field(description="What a count counts: partners, members, hours...")]
    total: Annotated[int | float, Field(ge=0, description="The figure's denominator.")]
    rows: list[Row]
    missing: Annotated[list[str], Field(description="Labels of the categories with no count "
                                        "(for income groups and WHO regions: who is missing).")] = []
    notes: list[str] = []
    listed: Annotated[list[Listed], Field(description="The records the figure names, if any.")] = []

    @property
    def summary(self) -> str:
        """The chart's text alternative: every row and its number."""
        parts = []
        for r in self.rows:
            label = (r.group + ", " if r.group else "") + r.label
            count = r.count_text + (" (" + r.percent + ")" if r.share is not None else "")
            # Translators: one row of a chart's text alternative ("Low income: 3 (25%)")
            parts.append(_("%(label)s: %(count)s", label=label, count=count))
        return f"{self.title}. " + (join_rows(parts) if parts else _("Nothing to count yet")) + "."

    @property
    def max_count(self) -> float:
        return max((r.count for r in self.rows), default=0) or 1

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(r.group for r in self.rows))


class Numbers(_Out):
    """`data/numbers.json`: the figures of the numbers page."""

    as_of: Annotated[dt.date, Field(description="The build's date: reviews and ages are counted from it.")]
    income_edition: Annotated[str, Field(description="The World Bank income classification used "
                                         "for every income group here.")]
    who_regions_as_of: str
    figures: list[Figure]


def _share(count: float, total: float) -> float | None:
    return round(count / total, 4) if total else None


def _num(x: float) -> int | float:
    """Whole numbers as integers (7 hours, not 7.0), in the JSON as on the page."""
    return int(x) if float(x).is_integer() else x


def _row(key: str, label: str, count: float, total: float, group: str = "") -> Row:
    count, total = _num(count), _num(total)
    return Row(key=key, label=label, group=group, count=count, total=total, share=_share(count, total))


def _by_category(items: Iterable[object], keys: Callable[[object], list[str]],
                 labels: dict[str, str]) -> tuple[list[Row], list[str], int]:
    """Rows of every category of `labels` in their order (the unclassified last, only if used),
    the labels of the categories nobody falls in, and the denominator (the number of items)."""
    items = list(items)
    counts = dict.fromkeys(labels, 0)
    for item in items:
        for k in dict.fromkeys(keys(item)):
            counts[k] = counts.get(k, 0) + 1
    total = len(items)
    rows = [_row(k, labels.get(k, k), n, total) for k, n in counts.items()
            if k != NOT_CLASSIFIED or n]
    missing = [labels[k] for k, n in counts.items() if n == 0 and k != NOT_CLASSIFIED]
    return rows, missing, total


def _income_labels() -> dict[str, str]:
    """The income groups' labels in the build's language (read when a figure is made)."""
    return {**INCOME_GROUPS, NOT_CLASSIFIED: _("Not classified")}


def _region_labels() -> dict[str, str]:
    return {**WHO_REGIONS, NOT_CLASSIFIED: _("Not a WHO Member State")}


def _income(code: str) -> list[str]:
    return [country(code).income_group or NOT_CLASSIFIED]


def _region(code: str) -> list[str]:
    return [country(code).who_region or NOT_CLASSIFIED]


def _country_figures(name: str, title: str, unit: str, countries: list[str], definition: str,
                     denominator: str, notes: list[str] | None = None) -> list[Figure]:
    """The income-group and WHO-region figures of a list of country codes (one per counted thing),
    as hub.yml's `facts:` show and name them. `title`: a message (marked `N_`) with the
    placeholders `%(what)s` (the fact's label) and `%(edition)s` (the income classification)."""
    from .config import active

    facts = active().shown_facts  # its labels in the build's language
    kinds = [("income", _lower_first(facts.income_group.label), f" ({_(INCOME_EDITION)})", _income,
              _income_labels())] if facts.income_group.show else []
    if facts.who_region.show:
        kinds.append(("region", _lower_first(facts.who_region.label), "", _region, _region_labels()))
    out = []
    for fid, what, edition, keys, labels in kinds:
        rows, missing, total = _by_category(countries, keys, labels)  # type: ignore[arg-type]
        extra = ([_("Income groups: the %(edition)s classification; a country the World Bank does not "
                    "classify counts as “%(label)s”.", edition=_(INCOME_EDITION), label=_("Not classified"))]
                 if fid == "income" else [f"{_(WHO_REGIONS_AS_OF)}."])
        out.append(Figure(id=f"{name}-by-{fid}", title=_(title, what=what, edition=edition),
                          definition=definition, denominator=denominator, unit=unit, total=total,
                          rows=rows, missing=missing, notes=[*(notes or []), *extra]))
    return out


def _lower_first(label: str) -> str:
    """"Income group" -> "income group"; "WHO region" stays as it is."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _authors(cat: Catalog) -> tuple[list[str], int]:
    """Country of each distinct member author of the published briefs (public members only),
    and the number of distinct outside authors (whose country the records do not give)."""
    members: dict[str, str] = {}
    outside: set[str] = set()
    for b in cat.published_briefs:
        for a in b.front.authors:
            if a.member and a.member in cat.public_members:
                members[a.member] = cat.public_members[a.member].country
            elif a.name:
                outside.add(" ".join(a.name.casefold().split()))
    return [members[k] for k in sorted(members)], len(outside)


def _multi(name: str, title: str, unit: str, items: list, keys: Callable, labels: dict[str, str],
           definition: str, denominator: str, none_label: str, *, show_all: bool) -> Figure:
    """A figure where one item may fall in several categories (a brief's tiers, SDG targets).
    `show_all`: every category, those with no item too (and listed as missing); otherwise only
    the categories in use."""
    rows, missing, total = _by_category(items, lambda i: keys(i) or [NOT_CLASSIFIED],
                                        {**labels, NOT_CLASSIFIED: none_label})
    if not show_all:
        rows, missing = [r for r in rows if r.count], []
    return Figure(id=name, title=title, definition=definition, denominator=denominator, unit=unit,
                  total=total, rows=rows, missing=missing)


def _hours(cat: Catalog, name: str, title: str, keys: Callable, labels: dict[str, str],
           definition: str) -> Figure:
    total = sum(m.duration_hours for m in cat.modules_in_order)
    hours = dict.fromkeys(labels, 0.0)
    for m in cat.modules_in_order:
        for k in dict.fromkeys(keys(m)):
            hours[k] = hours.get(k, 0.0) + m.duration_hours
    rows = [_row(k, labels.get(k, k), h, total) for k, h in hours.items()]
    n = len(cat.modules_in_order)
    return Figure(id=name, title=title, definition=definition,
                  denominator=ngettext("All hours of the %(num)s module: %(hours)s hours.",
                                       "All hours of all %(num)s modules: %(hours)s hours.", n,
                                       hours=number(total)),
                  unit=_("hours"), total=_num(total), rows=rows,
                  missing=[r.label for r in rows if not r.count])


def _exchange_figures(cat: Catalog) -> list[Figure]:
    """Exchanges by the income groups and WHO regions of their partners' countries, by
    direction (derived from the income groups: `hub.direction`), and direction by start year."""
    from .config import active
    from .direction import DIRECTIONS

    facts = active().shown_facts  # its labels in the build's language
    exchanges = list(cat.exchanges_in_order)
    n = len(exchanges)
    all_exchanges = ngettext("The %(num)s exchange.", "All %(num)s exchanges.", n)
    out: list[Figure] = []
    kinds = []
    if facts.income_group.show:
        kinds.append(("income", _lower_first(facts.income_group.label), f" ({_(INCOME_EDITION)})",
                      _income, _income_labels()))
    if facts.who_region.show:
        kinds.append(("region", _lower_first(facts.who_region.label), "", _region, _region_labels()))
    for fid, what, edition, keys, labels in kinds:
        rows, missing, total = _by_category(
            exchanges, lambda e, keys=keys: [k for c in e.countries for k in keys(c)], labels)
        out.append(Figure(
            id=f"exchanges-by-{fid}", title=_("Exchanges by %(what)s%(edition)s", what=what, edition=edition),
            definition=_("The exchanges with at least one partner in a country of each %(what)s; an "
                         "exchange whose countries fall under several of them counts under each, so "
                         "shares may add up to more than 100%%.", what=what),
            denominator=all_exchanges, unit=_("exchanges"), total=total, rows=rows, missing=missing,
            notes=[_("Income groups: the %(edition)s classification.", edition=_(INCOME_EDITION))]
            if fid == "income" else [f"{_(WHO_REGIONS_AS_OF)}."]))
    rule = _("South-South: every partner country is low or middle income; triangular: two or more "
             "of them with one or more high-income countries supporting; North-South: one low- or "
             "middle-income country with high-income ones; North-North: only high-income countries; "
             "unknown: a partner country has no income group. Derived from the partners' countries "
             "and their income groups (%(edition)s), never typed.", edition=_(INCOME_EDITION))
    counts = Counter(e.direction.word for e in exchanges)
    out.append(Figure(
        id="exchanges-by-direction", title=_("Exchanges: South-South, North-South, triangular"),
        definition=_("Each exchange once, under its direction. %(rule)s", rule=rule),
        denominator=all_exchanges, unit=_("exchanges"), total=n,
        rows=[_row(w, label, counts[w], n) for w, label in DIRECTIONS.items()
              if counts[w] or w in ("south-south", "triangular", "north-south")]))
    by_year: dict[int, Counter] = {}
    for e in exchanges:
        by_year.setdefault(e.year, Counter())[e.direction.word] += 1
    rows = []
    for year in sorted(by_year):
        c, total = by_year[year], sum(by_year[year].values())
        rows += [_row(w, label, c[w], total, str(year)) for w, label in DIRECTIONS.items()
                 if c[w] or w in ("south-south", "triangular", "north-south")]
    out.append(Figure(
        id="exchanges-direction-by-year", title=_("Direction of exchanges by year"),
        definition=_("The exchanges that started in each year, by direction (as above); the share is "
                     "of that year's exchanges."),
        denominator=_("Each year its own: the exchanges that started in that year."),
        unit=_("exchanges"), total=n, rows=rows))
    return out


def _has_exchanges() -> bool:
    """The exchanges section is on (a hub.yml without it, or a hub from before it: off)."""
    from .config import active

    cfg = active()
    return "exchanges" in type(cfg.sections).model_fields and cfg.enabled("exchanges")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _freshness(cat: Catalog, today: dt.date, on: Callable[[str], bool]) -> list[Figure]:
    out: list[Figure] = []
    if on("briefs"):
        current = [b for b in cat.published_briefs if b.front.status == "published"]
        near = today + dt.timedelta(days=NEAR_REVIEW_DAYS)
        past = [b for b in current if b.front.review_by < today]
        soon = [b for b in current if today <= b.front.review_by <= near]
        n = len(current)
        past_label = _("Past their review date")
        soon_label = _("Due for review within %(days)s days", days=NEAR_REVIEW_DAYS)
        rows = [_row("past", past_label, len(past), n),
                _row("near", soon_label, len(soon), n),
                _row("current", _("Not yet due for review"), n - len(past) - len(soon), n)]
        listed = [Listed(key=b.slug, label=b.front.title, group=group, date=b.front.review_by)
                  for group, bs in ((past_label, past), (soon_label, soon))
                  for b in sorted(bs, key=lambda b: (b.front.review_by, b.slug))]
        out.append(Figure(
            id="briefs-review", title=_("Briefs past or near their review date"), unit=_("briefs"),
            definition=_("A brief is past its review date when its review_by date is before %(today)s "
                         "(the date of this build), and near it when review_by falls within the next "
                         "%(days)s days. The briefs concerned are listed below the table with their "
                         "review date.", today=date_long(today), days=NEAR_REVIEW_DAYS),
            denominator=ngettext("The %(num)s published brief (archived briefs are no longer reviewed).",
                                 "The %(num)s published briefs (archived briefs are no longer reviewed).",
                                 n),
            total=n, rows=rows, listed=listed))
    cutoff = _years_before(today, STALE_YEARS)
    rows = []
    if on("briefs"):
        briefs = cat.published_briefs
        rows.append(_row("briefs", _("Briefs dated before %(date)s", date=date_long(cutoff)),
                         sum(b.front.date < cutoff for b in briefs), len(briefs)))
    if on("members"):
        members = list(cat.public_members.values())
        rows.append(_row("members", _("Member profiles whose consent dates from before %(date)s",
                                      date=date_long(cutoff)),
                         sum(m.consent.date < cutoff for m in members), len(members)))
    if rows:
        undated = (_("Partners, modules and exchanges carry no date of their own update, so they are not "
                     "counted here.") if _has_exchanges() else
                   _("Partners and modules carry no date of their own update, so they are not counted "
                     "here."))
        out.append(Figure(
            id="records-not-updated",
            title=_("Records not updated for more than %(years)s years", years=STALE_YEARS),
            unit=_("records"),
            definition=_("A record counts as updated on its own date: a brief on its `date` (the date of "
                         "its latest version), a member profile on its consent date (renewed when the "
                         "member confirms the profile). Older than %(years)s years means before "
                         "%(date)s.", years=STALE_YEARS, date=date_long(cutoff)) + " " + undated,
            denominator=_("Each row its own: all published briefs; all public member profiles."),
            total=sum(r.total for r in rows), rows=rows))
    return out


def figures(cat: Catalog, today: dt.date) -> list[Figure]:
    """Every figure of the numbers page, for the sections the hub has, in reading order (in the
    build's language: titles, definitions and denominators are messages of the catalogue)."""
    from .config import active

    cfg = active()
    on = cfg.enabled
    out: list[Figure] = []
    partners = sorted(cat.partners.values(), key=lambda p: p.id)
    out += _country_figures("partners", N_("Partners by %(what)s%(edition)s"), _("partners"),
                            [p.country for p in partners],
                            _("Each partner institution, by the country it is based in."),
                            ngettext("The %(num)s partner.", "All %(num)s partners.", len(partners)))
    if on("members"):
        members = sorted(cat.public_members.values(), key=lambda m: m.id)
        out += _country_figures(
            "members", N_("Members by %(what)s%(edition)s"), _("members"), [m.country for m in members],
            _("Each member who chose a public profile, by their country. Members without a public "
              "profile are not counted anywhere on this page."),
            ngettext("The %(num)s member with a public profile.",
                     "The %(num)s members with a public profile.", len(members)))
    if on("briefs"):
        authors, outside = _authors(cat)
        out += _country_figures(
            "authors", N_("Brief authors by %(what)s%(edition)s"), _("brief authors"), authors,
            _("Each distinct author of a published brief whose country the records give: members of "
              "the network (with a public profile) by their country. An outside author's record has "
              "no country, so outside authors are not in these shares."),
            _("%(authors)s (%(outside)s not counted: country not recorded).",
              authors=ngettext("The %(num)s distinct member author of published briefs",
                               "The %(num)s distinct member authors of published briefs", len(authors)),
              outside=ngettext("%(num)s outside author", "%(num)s outside authors", outside)),
            notes=[ngettext("%(num)s outside author is not counted: the records give no country for them.",
                            "%(num)s outside authors are not counted: the records give no country for them.",
                            outside)])
        briefs = cat.published_briefs
        n = len(briefs)
        published = ngettext("The %(num)s published brief.", "The %(num)s published briefs.", n)
        if cfg.vocabularies.tiers:
            out.append(_multi(
                "briefs-by-tier", _("Briefs by tier of government"), _("briefs"), briefs,
                lambda b: list(b.front.tiers), dict(cfg.labels("tiers")),
                _("Each published brief under every tier of government it addresses; a brief "
                  "addressing several tiers counts under each, so shares may add up to more than 100%."),
                published, _("No tier given"), show_all=True))
        if cfg.vocabularies.sdg_targets:
            out.append(_multi(
                "briefs-by-sdg-target", _("Briefs by SDG target"), _("briefs"), briefs,
                lambda b: list(b.front.sdg_targets),
                {k: f"{k} {v}" for k, v in cfg.labels("sdg_targets").items()},
                _("Each published brief under every SDG target it cites; a brief citing several "
                  "targets counts under each. Only targets cited by at least one brief are shown."),
                published, _("No SDG target given"), show_all=False))
    if on("curriculum"):
        out.append(_hours(cat, "hours-by-competency", _("Curriculum hours by competency"),
                          lambda m: list(m.competencies), dict(cfg.labels("competencies")),
                          _("The hours of each module (duration_hours) counted in full under every "
                            "competency it develops; a module with several competencies counts under "
                            "each, so shares may add up to more than 100%.")))
        out.append(_hours(cat, "hours-by-level", _("Curriculum hours by level"),
                          lambda m: [m.level], dict(cfg.labels("levels")),
                          _("The hours of each module (duration_hours) under its level.")))
    if _has_exchanges():
        out += _exchange_figures(cat)
    out += _freshness(cat, today, on)
    return out


def numbers(cat: Catalog, today: dt.date) -> Numbers:
    return Numbers(as_of=today, income_edition=INCOME_EDITION, who_regions_as_of=WHO_REGIONS_AS_OF,
                   figures=figures(cat, today))


def render_json(data: Numbers) -> str:
    return json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ["figure", "group", "key", "label", "count", "total", "share", "income_edition"]


def render_csv(data: Numbers) -> str:
    """One row per row of every figure. Labels are the hub's own words and record titles,
    made inert for spreadsheets like every other CSV of the open data."""
    from .export_data import inert

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in data.figures:
        edition = data.income_edition if f.id.endswith("-by-income") else ""
        for r in f.rows:
            writer.writerow([f.id, inert(r.group), r.key, inert(r.label), f"{r.count:g}", f"{r.total:g}",
                             "" if r.share is None else f"{r.share:g}", edition])
    return out.getvalue()


def schema() -> dict:
    s = Numbers.model_json_schema(mode="serialization")
    s.update(title="The network in numbers",
             description=f"data/numbers.json: the equity indicators of the numbers page. Income "
                         f"groups are those of the {INCOME_EDITION} classification.")
    return s
