"""Field types shared by the record models, each with a message that says how to fix it.

Every check raises `PydanticCustomError("hub", message, {"hub:hint": ...})`: the message says
what is wrong, the hint how to fix it. `load_records` turns these into `Problem`s.
Values arrive as text (see `load_yaml`), so the numeric and date types here parse text too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import html
import re
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlsplit

import pycountry
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import text_guards
from .text_guards import (
    character_problems,
    contact_problems,
    contact_scheme_problem,
    markdown_bound_problems,
    name_character_problems,
    protocol_relative,
    theme_id_problems,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Crossref's pattern for modern DOIs (it matches almost all of them): only characters that no
# citation format (BibTeX, RIS, HTML attributes, JSON-LD) needs to escape.
DOI_RE = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")
LOOSE_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_CODES: frozenset[str] = frozenset(c.alpha_2 for c in pycountry.countries)

TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>?")
JINJA_RE = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
# Markdown link targets: inline `[x](target)` / `![x](target)`, reference definitions
# `[x]: target` (the target may be on the next line) and autolinks `<scheme:...>`.
INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
REF_LINK_RE = re.compile(r"(?m)^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)")
AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")
EVENT_RE = re.compile(r"(?i)\bon[a-z]{3,}\s*=")
ATTR_LIST_RE = re.compile(r"\{[^{}\n]*\}")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")
EMPTY_ALT_RE = re.compile(r"!\[\s*\]\s*[(\[]")


def _acts_as_attr_list(text: str, m: re.Match[str]) -> bool:
    """Where Markdown's attr_list reads `{...}` as attributes: `{:` anywhere, at the end of a
    line (a block's or heading's list), or right after an inline element (`*x*{...}`)."""
    if m.group(0).startswith("{:"):
        return True
    after = text[m.end():m.end() + 1]
    before = text[m.start() - 1:m.start()] if m.start() else ""
    return after in ("", "\n") or (before in "*_`)]" and before != "")


def fail(message: str, hint: str = "", field: str = "") -> PydanticCustomError:
    """A validation error with a hint; `field` points a record-level check at one field."""
    # pydantic fills `{key}` in the message from the context (and only that: `{{` stays as it
    # is), so the context keys are names no contributor's value can contain.
    return PydanticCustomError("hub", message, {"hub:hint": hint, "hub:field": field})


def closest(value: str, choices: Mapping[str, Any] | list[str], n: int = 1,
            cutoff: float = 0.6) -> list[str]:
    return difflib.get_close_matches(value, list(choices), n=n, cutoff=cutoff)


def did_you_mean(value: str, choices: Mapping[str, Any] | list[str], noun: str = "",
                 cutoff: float = 0.6) -> str:
    near = closest(str(value).lower(), choices, cutoff=cutoff)
    if near:
        return f"did you mean '{near[0]}'?"
    words = list(choices)
    if len(words) <= 20:
        return "allowed: " + ", ".join(words)
    return f"see the list of {noun or 'allowed values'} in CONTRIBUTING.md"


# --- text -----------------------------------------------------------------------------------


_ascii_clean = text_guards.ascii_clean
_CONTROL_BYTES = text_guards._ASCII_CONTROL_BYTES


def _text(v: Any) -> Any:
    # every text of every record (about 200,000 at 10,000 records): the usual case, ASCII text
    # without a control character, answered here (the same test `character_problems` starts with:
    # `text_guards.ascii_clean`, written out to save a call per text)
    if type(v) is str and v.isascii() and (
            (len(v) < 64 and v.isprintable()) or len(v.encode().translate(None, _CONTROL_BYTES)) == len(v)):
        return v
    if isinstance(v, (list, dict)):
        kind = "a list" if isinstance(v, list) else "a group of fields"
        raise fail(f"expected text here, found {kind}",
                   "write a single value on the same line as the field name; text that starts "
                   "with [ or { must be put in quotes")
    if isinstance(v, str):  # every text of every record: control characters, bidi overrides
        found = character_problems(v)
        if found:
            raise fail(found[0][1], found[0][2])
    return v


def _privacy(v: str) -> None:
    found = contact_problems(v)  # linear time, in any disguise (see text_guards)
    if found:
        raise fail(found[0][2], found[0][3])


def _name(v: str) -> str:
    """Names and titles: no invisible characters (they make two names look alike)."""
    found = name_character_problems(v)
    if found:
        raise fail(found[0][1], found[0][2])
    return v


def _plain(v: str) -> str:
    v = v.strip()
    if not v:
        raise fail("must not be empty", "write some text, or remove the field if it is optional")
    if "<" in v or ">" in v:
        raise fail("must not contain < or >", "write 'less than' / 'more than', or remove the brackets")
    if ("{" in v or "}" in v) and JINJA_RE.search(v):
        raise fail("must not contain template code ({{, }}, {%, %})", "remove the braces")
    found = contact_problems(v)  # (`_privacy`, written out: one call less for 50,000 texts)
    if found:
        raise fail(found[0][2], found[0][3])
    return v


def link_target_problem(target: str) -> tuple[str, str] | None:
    """Why a link target is unsafe, as (message, hint), or None when it may be published.

    The target is read as a browser would read it: HTML entities decoded (`jav&#x61;script:`
    is `javascript:`), spaces and control characters removed, letters in lower case.
    """
    seen = _INVISIBLE_RE.sub("", html.unescape(html.unescape(target))).lower()
    if protocol_relative(seen):
        return (f"the link {target!r} has no https: in front (a protocol-relative link)",
                f"write the full address: https:{seen.replace(chr(92), '/')}")
    m = SCHEME_RE.match(seen)
    if not m or m.group(1) == "https":
        return None  # https, or a relative link to another page of the hub
    scheme = m.group(1)
    if scheme == "http":
        return f"the link {target!r} uses http://", "use the https:// address of the page"
    if scheme in text_guards.CONTACT_SCHEMES and contact_problems(target):
        return None  # reported once, as an e-mail address or a phone number
    contact = contact_scheme_problem(scheme)
    if contact:
        return contact
    disguised = "" if target.lower().startswith(scheme + ":") else \
        f" (written as {target[:24] + '...' if len(target) > 24 else target!r})"
    return (f"links to '{scheme}:' addresses are not allowed{disguised}",
            "links must start with https:// (or point to another page of the hub)")


def markdown_problems(text: str) -> list[tuple[int, str, str]]:
    """Every reason why contributed Markdown cannot be published, as (offset, message, hint).

    Contributed text is never run as a template and never carries HTML or scripts: raw tags,
    event-handler attributes, `{: key=value }` attribute lists and links that are not https://
    are refused here; the rendered HTML is sanitised as well (`render_markdown`). Each kind of
    problem is reported once per line.
    """
    out: list[tuple[int, str, str]] = []
    seen: set[tuple[str, int]] = set()
    lines: list[int] = []  # offsets of the line starts, found once (bisect) for many problems

    def add(kind: str, offset: int, message: str, hint: str) -> None:
        if not lines:
            lines.extend(m.start() for m in re.finditer(r"\n", text))
        line = bisect.bisect_left(lines, offset)
        if (kind, line) not in seen:
            seen.add((kind, line))
            out.append((offset, message, hint))

    # Bounds first: they keep what follows (and the build) fast. Then characters and theme
    # ids, whose messages replace the general "raw HTML" / "attributes" ones on their line.
    for offset, message, hint in markdown_bound_problems(text):
        add("bound", offset, message, hint)
    for offset, message, hint in character_problems(text):
        add("char", offset, message, hint)
    for offset, kind, message, hint in theme_id_problems(text):
        add(kind, offset, message, hint)

    # As in `_privacy`, each `in` test is a precheck for a character that the patterns after
    # it need: most texts have no `<`, `{` or `]`, and the patterns are skipped.
    has_lt, has_brace = "<" in text, "{" in text or "}" in text
    autolinks = {m.start() for m in AUTOLINK_RE.finditer(text)} if has_lt else set()
    for m in JINJA_RE.finditer(text) if has_brace else ():
        add("jinja", m.start(), f"template code ({m.group(0)!r}) is not allowed in contributed text",
            "remove the braces: contributed pages are never run as templates")
    def event(m: re.Match[str], found: re.Match[str]) -> None:
        name = re.sub(r"\s+", "", found.group(0))
        add("html", m.start() + found.start(), f"{name!r} (an event-handler attribute) is not "
            "allowed in contributed text", "remove it: contributed text cannot run scripts")

    for m in TAG_RE.finditer(text) if has_lt else ():
        if m.start() in autolinks:
            continue
        tag = m.group(0)
        shown = tag if len(tag) <= 30 else tag[:27] + "..."
        handler = EVENT_RE.search(tag)
        if handler:
            event(m, handler)
        elif re.match(r"<\s*/?\s*script", tag, re.I):
            add("html", m.start(), f"a script ({shown!r}) is not allowed in contributed text",
                "remove it: contributed text cannot run scripts")
        else:
            add("html", m.start(), f"raw HTML ({shown!r}) is not allowed in contributed text",
                "use Markdown instead: **bold**, *italic*, [link text](https://...)")
    # `{: ...}` attribute lists (Markdown's attr_list): `{: #anchor }` is harmless, but any
    # `key=value` sets an HTML attribute, event handlers included.
    for m in ATTR_LIST_RE.finditer(text) if has_brace else ():
        handler = EVENT_RE.search(m.group(0))
        if handler:
            event(m, handler)
        elif JINJA_RE.search(m.group(0)):
            continue  # template code: its own message
        elif "=" in m.group(0) or (_acts_as_attr_list(text, m) and any(
                not t.startswith(("#", ".")) for t in m.group(0)[1:-1].lstrip(":").split())):
            # a bare word sets an attribute too (`{: hidden onmouseover }`): only #anchor and .class
            shown = m.group(0) if len(m.group(0)) <= 30 else m.group(0)[:27] + "..."
            add("attr", m.start(), f"HTML attributes ({shown!r}) are not allowed in contributed text",
                "remove the { ... } part; the hub's style is applied automatically")
    has_close = "]" in text  # (one character first: found faster than two)
    links = ((INLINE_LINK_RE, has_close and "](" in text), (REF_LINK_RE, has_close and "]:" in text),
             (AUTOLINK_RE, has_lt))
    for rx in (rx for rx, present in links if present):
        for m in rx.finditer(text):
            why = link_target_problem(m.group(1))
            if why:
                add(f"link{m.start(1)}", m.start(1), *why)
    for m in EMPTY_ALT_RE.finditer(text) if has_close and "![" in text else ():
        add("alt", m.start(), "an image has no alternative text (`![](...)`): readers who cannot "
            "see it get nothing", "describe what the image shows between the brackets: "
            "![Map of the districts served](...)")
    for offset, kind, message, hint in contact_problems(text):
        add(kind, offset, message, hint)
    return sorted(out)


def _markdown(v: str) -> str:
    v = v.strip()
    if not v:
        raise fail("must not be empty", "write some text, or remove the field if it is optional")
    found = markdown_problems(v)
    if found:
        _, message, hint = found[0]
        raise fail(message, hint)
    return v


# Every free-text field has a length limit (CONTRIBUTING.md, "Limits"): these are the defaults,
# models.py sets tighter ones per field. pydantic checks the length before the text checks run.
PLAIN_MAX, MARKDOWN_MAX, SHORT_MAX = 1_000, 5_000, 200
PlainText = Annotated[str, Field(max_length=PLAIN_MAX), BeforeValidator(_text), AfterValidator(_plain)]
def _plain_name(v: str) -> str:
    """`_plain`, then `_name` (one call instead of two, for each of 35,000 names and titles;
    `_name` finds nothing in ASCII text)."""
    v = _plain(v)
    return v if v.isascii() else _name(v)


ShortText = Annotated[str, Field(max_length=SHORT_MAX), BeforeValidator(_text), AfterValidator(_plain_name)]
MarkdownText = Annotated[str, Field(max_length=MARKDOWN_MAX), BeforeValidator(_text),
                         AfterValidator(_markdown)]


def _slug(v: str) -> str:
    if not SLUG_RE.match(v):
        suggestion = re.sub(r"[^a-z0-9]+", "-", v.lower()).strip("-")
        raise fail(f"{v!r} is not a valid id",
                   "use lower-case letters, digits and hyphens only"
                   + (f", e.g. '{suggestion}'" if suggestion else ""))
    if len(v) > 80:
        raise fail("the id is longer than 80 characters", "shorten it")
    return v


# What an id looks like in the JSON schemas: a record's own id and a reference to one alike.
_ID_SCHEMA = WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": 80})
Slug = Annotated[str, BeforeValidator(_text), AfterValidator(_slug), _ID_SCHEMA]


def _ref(v: str) -> str:
    v = v.strip()
    if not v:
        raise fail("has no value", "write the id of the record meant")
    if len(v) > 200:
        raise fail("is longer than 200 characters", "write the record's id")
    return v


# The id of another record. Checked in pass 2 (validate_links), which knows the records: a
# partner written by its name, or a part of an id, gets the id that was meant.
Ref = Annotated[str, BeforeValidator(_text), AfterValidator(_ref), _ID_SCHEMA]


def vocabulary(words: Mapping[str, str], noun: str) -> Any:
    """A text field that takes one word of a controlled vocabulary (see `vocab`)."""

    def check(v: str) -> str:
        if v in words:
            return v
        from .suggest import word_hint  # by meaning and the words' labels, then by spelling

        raise fail(f"{v!r} is not a known {noun}", word_hint(v, words, noun + "s"))

    return Annotated[str, BeforeValidator(_text), AfterValidator(check), LiveEnum(words, f"A {noun}.")]


class LiveEnum:
    """The JSON Schema of a vocabulary field, read when the schema is made (not at import):
    the words come from the active `hub.yml`."""

    def __init__(self, words: Mapping[str, str], description: str = "") -> None:
        self.words, self.description = words, description

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "enum": list(self.words)}
        if self.description:
            out["description"] = self.description
        return out


# --- codes ----------------------------------------------------------------------------------


def _country_names() -> dict[str, str]:
    names = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names[getattr(c, attr).lower()] = c.alpha_2
    return names


def _country_by_name(v: str) -> Any:
    """The country a contributor probably meant by a name (or a three-letter code), or None."""
    try:
        return pycountry.countries.lookup(v)
    except LookupError:
        pass
    if len(v) <= 3:
        return None
    near = difflib.get_close_matches(v.lower(), list(_country_names()), n=1, cutoff=0.75)
    if near:
        return pycountry.countries.get(alpha_2=_country_names()[near[0]])
    try:
        found = pycountry.countries.search_fuzzy(v)
        return found[0] if len(found) == 1 else None
    except LookupError:
        return None


def _country(v: str) -> str:
    v = v.strip()
    if v in COUNTRY_CODES:
        return v
    if v.upper() in COUNTRY_CODES:
        raise fail(f"{v!r} must be written in capitals", f"write \"{v.upper()}\" (in quotes)")
    match = _country_by_name(v)
    if match is not None:
        raise fail(f"{v!r} is not a two-letter country code",
                   f"did you mean \"{match.alpha_2}\" ({_common_name(match)})?")
    raise fail(f"{v!r} is not a country code",
               "use the country's two-letter ISO 3166-1 code, in capitals and quotes, e.g. \"NP\" "
               "for Nepal; the codes are listed at https://www.iso.org/obp/ui/#search/code/")


def _common_name(c: Any) -> str:
    return getattr(c, "common_name", None) or c.name


CountryCode = Annotated[
    str, BeforeValidator(_text), AfterValidator(_country),
    WithJsonSchema({"type": "string", "enum": sorted(COUNTRY_CODES),
                    "description": "ISO 3166-1 alpha-2 country code, in capitals and quotes."}),
]


# An https address that every check of `_url_checked` but the last (contact details) lets
# through: a host of letters, digits and hyphens with a dot, then only characters a web address
# holds as they are. Most addresses are like this: `urlsplit` is then not needed
# (tests/unit/test_validation_fast_paths.py compares the two ways on generated addresses).
_PLAIN_URL_RE = re.compile(r"https://[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++(?:[/?#][A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]*+)?+")


def _url(v: str) -> str:
    if _PLAIN_URL_RE.fullmatch(v):
        found = contact_problems(v)
        if found:
            raise fail(found[0][2], found[0][3])
        return v
    return _url_checked(v)


def _url_checked(v: str) -> str:
    v = v.strip()
    if protocol_relative(v):
        raise fail(f"{v!r} has no https: in front (a protocol-relative address)",
                   f"write the full address: https:{v}")
    parts = urlsplit(v)
    contact = contact_scheme_problem(parts.scheme.lower())
    if contact:
        raise fail(*contact)
    if parts.scheme == "http":
        raise fail(f"{v!r} uses http://", "use the https:// address of the page")
    if not parts.scheme and re.match(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", v):
        raise fail(f"{v!r} is not a full web address", f"write it with https:// in front: https://{v}")
    if parts.scheme != "https" or "." not in parts.netloc or " " in v:
        raise fail(f"{v!r} is not a web address", "write the full address, starting with https://")
    bad = _URL_UNSAFE_RE.search(v)
    if bad:
        shown = repr(bad.group())[1:-1] if bad.group().isprintable() else f"U+{ord(bad.group()):04X}"
        raise fail(f"the web address {v[:60] + '...' if len(v) > 60 else v!r} contains {shown!r}, "
                   "which a web address cannot hold",
                   "copy the address from the browser's address bar; write a space as %20, a quote "
                   "as %22 or %27, < and > as %3C and %3E")
    found = contact_problems(v)
    if found:
        raise fail(found[0][2], found[0][3])
    return v


# Characters a web address never holds as they are (browsers send them percent-encoded): quotes,
# angle brackets, backslash, backtick, braces, spaces, control and invisible characters. Any of
# them could end an HTML attribute or a citation field that the address is written into.
_URL_UNSAFE_RE = re.compile(r"[\s\"'<>\\`{}\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


HttpsUrl = Annotated[
    str, BeforeValidator(_text), AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://[^\\s\"'<>\\\\`{}]+$"}),
]


def _doi(v: str) -> str:
    v = v.strip()
    bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", v, flags=re.I)
    if bare != v and DOI_RE.match(bare):
        raise fail(f"{v!r} is a link to a DOI, not the DOI itself", f"write the DOI alone: \"{bare}\"")
    if LOOSE_DOI_RE.match(v) and not DOI_RE.match(v):
        shown = "".join(dict.fromkeys(c for c in v.split("/", 1)[1] if not DOI_RE.match("10.1234/" + c)))
        raise fail(f"the DOI {v[:60] + '...' if len(v) > 60 else v!r} contains characters a DOI here "
                   f"cannot hold ({shown!r})",
                   "after '10.NNNN/' a DOI may hold letters, digits and - . _ ; ( ) / : only; for an "
                   "older DOI with other characters, give its https:// address as a reference's `url:`, "
                   "or leave `doi:` out")
    if not DOI_RE.match(v):
        raise fail(f"{v!r} is not a DOI", "a DOI looks like 10.1371/journal.pmed.0030449")
    return v


Doi = Annotated[
    str, BeforeValidator(_text), AfterValidator(_doi),
    WithJsonSchema({"type": "string", "pattern": DOI_RE.pattern}),
]


def _orcid(v: str) -> str:
    v = v.strip()
    bare = re.sub(r"^https?://orcid\.org/", "", v)
    if not ORCID_RE.match(bare):
        raise fail(f"{v!r} is not an ORCID iD", "an ORCID iD looks like 0000-0002-1825-0097")
    digits = bare.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        raise fail(f"{v!r} is not a valid ORCID iD (its check digit is wrong)",
                   "copy the iD from the person's ORCID page")
    return bare


Orcid = Annotated[
    str, BeforeValidator(_text), AfterValidator(_orcid),
    WithJsonSchema({"type": "string", "pattern": ORCID_RE.pattern}),
]


def _sdg(v: Any) -> str:
    from .vocab import SDG_TARGETS

    v = str(_text(v)).strip()
    if v in SDG_TARGETS:
        return v
    raise fail(f"{v!r} is not an SDG target the hub knows",
               did_you_mean(v, SDG_TARGETS, "SDG targets") + " (write targets in quotes: \"3.8\")")


def _sdg_targets() -> Mapping[str, str]:
    from .vocab import SDG_TARGETS

    return SDG_TARGETS


SdgTarget = Annotated[str, BeforeValidator(_sdg), LiveEnum(_sdg_targets())]


# --- numbers, dates, booleans (written as text in YAML) --------------------------------------


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.date):
        return v
    v = str(_text(v)).strip()
    if not DATE_RE.match(v):
        m = re.match(r"^(\d{4})[/. ](\d{1,2})[/. ](\d{1,2})$", v)
        hint = (f"write {m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else
                "write the year, month and day with hyphens, e.g. 2025-03-31 for 31 March 2025")
        raise fail(f"{v!r} is not a date in the form YYYY-MM-DD", hint)
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise fail(f"{v!r} is not a real date",
                   "check the month (01 to 12) and the day (the order is YYYY-MM-DD)") from None


IsoDate = Annotated[
    dt.date, BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_RE.pattern}),
]


def _number(kind: type, lo: float, hi: float, unit: str, example: str) -> Any:
    """A number written as text; `unit` names it in messages ("a year", "minutes")."""

    def check(v: Any) -> Any:
        if isinstance(v, bool):
            raise fail("expected a number", f"write digits only, e.g. {example}")
        if isinstance(v, (int, float)):
            n = v
        else:
            text = str(_text(v)).strip()
            try:
                n = int(text, 10) if kind is int else float(text)
            except ValueError:
                raise fail(f"{text!r} is not a {'whole ' if kind is int else ''}number",
                           f"write digits only, e.g. {example}") from None
        if kind is int and n != int(n):
            raise fail(f"{v!r} is not a whole number", f"write a whole number, e.g. {example}")
        if not lo <= n <= hi:
            raise fail(f"{n:g} is not {unit} from {lo:g} to {hi:g}", f"e.g. {example}")
        return kind(n)

    schema = {"type": "integer" if kind is int else "number", "minimum": lo, "maximum": hi}
    return Annotated[kind, BeforeValidator(check), WithJsonSchema(schema)]


Year = _number(int, 1800, 2100, "a year", "2018 (four digits)")
Minutes = _number(int, 5, 600, "a number of minutes", "90")
Hours = _number(float, 0.5, 500, "a number of hours", "4.5")


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    text = str(_text(v)).strip()
    if text in ("true", "True"):
        return True
    if text in ("false", "False"):
        return False
    raise fail(f"{text!r} is not true or false", "write true or false (without quotes)")


YamlBool = Annotated[bool, BeforeValidator(_bool), WithJsonSchema({"type": "boolean"})]
