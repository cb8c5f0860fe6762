"""Citations of a policy brief: BibTeX, RIS, CSL-JSON and an APA-style line.

Each brief page offers the three files for reference managers (Zotero, EndNote, Mendeley,
JabRef, pandoc) and shows the formatted citation. Everything is computed from the validated
front matter; member authors are resolved to their names through the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import BriefRecord, Catalog
from .json_indent import dumps_indented


def genre() -> str:
    """What one brief is called in citations (hub.yml: sections.briefs.singular)."""
    from .config import active

    s = active().section("briefs")
    return s.singular or s.title


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class Citation:
    """What every format needs: resolved authors, the publisher and the page's address."""

    key: str
    title: str
    authors: tuple[Person, ...]
    year: int
    month: int
    day: int
    publisher: str
    url: str
    doi: str | None
    summary: str
    lang: str


def split_name(name: str, given: str | None = None, family: str | None = None) -> Person:
    """'Sita Gurung' -> given 'Sita', family 'Gurung'. A one-word name is a family name. The
    author's own `given`/`family` win; a title left in front ("Dr", for records validated
    before titles were refused) is never taken for a given name."""
    from .person_names import HONORIFICS

    if family:
        return Person((given or "").strip(), family.strip())
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in HONORIFICS:
        parts = parts[1:]
    if len(parts) <= 1:
        return Person("", " ".join(parts) or name.strip())
    return Person(" ".join(parts[:-1]), parts[-1])


def _people(cat: Catalog, brief: BriefRecord) -> tuple[Person, ...]:
    return tuple(split_name(cat.members[a.member].name) if a.member else
                 split_name(a.name or "", a.given, a.family) for a in brief.front.authors)


def author_names(cat: Catalog, brief: BriefRecord) -> list[str]:
    return [cat.members[a.member].name if a.member else (a.name or "") for a in brief.front.authors]


def citation(cat: Catalog, brief: BriefRecord, publisher: str, url: str) -> Citation:
    f = brief.front
    return Citation(
        key=brief.slug, title=f.title, authors=_people(cat, brief),
        year=f.date.year, month=f.date.month, day=f.date.day, publisher=publisher, url=url,
        doi=f.doi, summary=f.summary, lang=f.lang)


# --- BibTeX ------------------------------------------------------------------------------------
# Every value is escaped for its field, so that no value can end its field or its entry:
# BibTeX counts every brace, escaped or not, so literal braces become \textbraceleft{} /
# \textbraceright{}; `@` is wrapped in braces (a naive reader looks for `@type{` to start an
# entry); whitespace, line breaks included, becomes one space.

_BIB_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
    "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}", "@": "{@}",
}
_BIB_RE = re.compile("|".join(re.escape(k) for k in _BIB_SPECIAL))
# Verbatim fields (url, doi) are read as they are, not as LaTeX: what could end the field, or
# is not printable, is percent-encoded instead (validation lets none of these through anyway).
_VERBATIM_UNSAFE_RE = re.compile(r"[{}\\\s\"@\x00-\x1f\x7f]")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # the rest of C0 is whitespace to split()


def one_line(text: str) -> str:
    """All whitespace, line breaks included, as single spaces; other control characters dropped."""
    return " ".join(_CONTROL_RE.sub("", text).split())


def bibtex_escape(text: str) -> str:
    """Escape LaTeX's special characters; UTF-8 letters stay (biber and bibtex8 read them)."""
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group()], one_line(text))


def bibtex_verbatim(text: str) -> str:
    """A URL or DOI for a verbatim field: characters that could end it percent-encoded."""
    return _VERBATIM_UNSAFE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()),
                                   text.strip())


def bibtex_key(key: str) -> str:
    """A citation key of letters, digits and `-_:.` only (a brief's id is already such a slug)."""
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", key) or "brief"


def _name_part(text: str) -> str:
    """A part of a name, braced when BibTeX would split it: ` and ` separates authors, a comma
    separates a name's parts."""
    escaped = bibtex_escape(text)
    return "{" + escaped + "}" if "," in text or re.search(r"(?i)\band\b", text) else escaped


def render_bibtex(c: Citation) -> str:
    authors = " and ".join(
        "{" + bibtex_escape(p.family) + "}" if not p.given
        else f"{_name_part(p.family)}, {_name_part(p.given)}" for p in c.authors)
    fields = [
        ("title", "{" + bibtex_escape(c.title) + "}"),  # double braces keep the capitals
        ("author", authors),
        ("institution", bibtex_escape(c.publisher)),
        ("type", bibtex_escape(genre())),
        ("year", str(c.year)),
        ("month", _MONTHS[c.month - 1]),
        ("url", bibtex_verbatim(c.url)),
    ]
    if c.doi:
        fields.append(("doi", bibtex_verbatim(c.doi)))
    fields.append(("abstract", bibtex_escape(c.summary)))
    fields.append(("langid", bibtex_escape(c.lang)))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@techreport{{{bibtex_key(c.key)},\n{body}\n}}\n"


# --- RIS -----------------------------------------------------------------------------------------

def render_ris(c: Citation) -> str:
    """RIS: one `TAG  - value` per line (two capitals, two spaces, hyphen, space), CRLF, ER last.

    Every value is put on one line (`one_line`), so no value can start a tag line of its own."""
    lines = [("TY", "RPRT"), ("TI", c.title)]
    lines += [("AU", p.inverted) for p in c.authors]
    lines += [("PY", str(c.year)), ("DA", f"{c.year:04d}/{c.month:02d}/{c.day:02d}"),
              ("PB", c.publisher), ("M3", genre()), ("UR", c.url)]
    if c.doi:
        lines.append(("DO", c.doi))
    lines += [("AB", c.summary), ("LA", c.lang), ("ER", "")]
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)


# --- CSL-JSON --------------------------------------------------------------------------------------

def csl_item(c: Citation) -> dict:
    item: dict = {
        "id": c.key,
        "type": "report",
        "genre": genre(),
        "title": c.title,
        "author": [{"family": p.family, "given": p.given} if p.given else {"literal": p.family}
                   for p in c.authors],
        "issued": {"date-parts": [[c.year, c.month, c.day]]},
        "publisher": c.publisher,
        "URL": c.url,
        "abstract": c.summary,
        "language": c.lang,
    }
    if c.doi:
        item["DOI"] = c.doi
    return item


def render_csl_json(c: Citation) -> str:
    return dumps_indented([csl_item(c)]) + "\n"  # = json.dumps(..., ensure_ascii=False, indent=2)


# --- APA (7th edition style, plain text parts for the template) ------------------------------------

def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given) if part)


def apa_authors(authors: tuple[Person, ...]) -> str:
    names = [f"{p.family}, {_initials(p.given)}" if p.given else p.family for p in authors]
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", … " + names[-1]


def apa_parts(c: Citation) -> dict[str, str]:
    """The pieces of an APA reference; the template italicises the title and links the URL."""
    import datetime as dt

    from .i18n import date_apa

    return {
        "authors": apa_authors(c.authors),
        "date": date_apa(dt.date(c.year, c.month, c.day)),  # "2024, August 5", in the build's language
        "title": c.title,
        "genre": genre(),
        "publisher": c.publisher,
        "link": f"https://doi.org/{c.doi}" if c.doi else c.url,
    }


def apa_text(c: Citation) -> str:
    p = apa_parts(c)
    return f"{p['authors']} ({p['date']}). {p['title']} [{p['genre']}]. {p['publisher']}. {p['link']}"
