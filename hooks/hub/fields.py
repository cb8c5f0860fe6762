"""Field types shared by the record models, each with a message that says how to fix it.

Every check raises `PydanticCustomError("hub", message, {"hint": ...})`: the message says
what is wrong, the hint how to fix it. `load_records` turns these into `Problem`s.
Values arrive as text (see `load_yaml`), so the numeric and date types here parse text too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Mapping
from urllib.parse import urlsplit

import pycountry
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_CODES: frozenset[str] = frozenset(c.alpha_2 for c in pycountry.countries)

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?:\+|\b00)\d{1,3}[\s.-]?(?:\(?\d+\)?[\s.-]?){2,}\d{2,}|\(\d{2,5}\)\s?\d{3,}[\s.-]?\d{3,}")
TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>?")
JINJA_RE = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
BAD_SCHEME_RE = re.compile(r"(?i)\b(?:javascript|vbscript|data|file)\s*:")
TWO_DIGITS_RE = re.compile(r"\d\d")
LINK_TARGET_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")


def fail(message: str, hint: str = "", field: str = "") -> PydanticCustomError:
    """A validation error with a hint; `field` points a record-level check at one field."""
    # Braces would be read as placeholders by pydantic: double them.
    safe = message.replace("{", "{{").replace("}", "}}")
    return PydanticCustomError("hub", safe, {"hint": hint, "field": field})


def closest(value: str, choices: Mapping[str, Any] | list[str], n: int = 1) -> list[str]:
    return difflib.get_close_matches(value, list(choices), n=n, cutoff=0.6)


def did_you_mean(value: str, choices: Mapping[str, Any] | list[str], noun: str = "") -> str:
    near = closest(str(value).lower(), choices)
    if near:
        return f"did you mean '{near[0]}'?"
    words = list(choices)
    if len(words) <= 20:
        return "allowed: " + ", ".join(words)
    return f"see the list of {noun or 'allowed values'} in CONTRIBUTING.md"


# --- text -----------------------------------------------------------------------------------


def _text(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        kind = "a list" if isinstance(v, list) else "a group of fields"
        raise fail(f"expected text here, found {kind}",
                   "write a single value on the same line as the field name")
    return v


def _privacy(v: str) -> None:
    # The `in` tests are prechecks: each pattern needs that character, and a substring test
    # is many times cheaper than the pattern (this runs on every text field of every record).
    if "@" in v and EMAIL_RE.search(v):
        raise fail("contains an e-mail address; the hub never publishes e-mail addresses",
                   "remove it (readers can use the partner's website or the contact page)")
    if TWO_DIGITS_RE.search(v) and PHONE_RE.search(v):  # a phone number has 2 digits in a row
        raise fail("contains what looks like a phone number; the hub never publishes phone numbers",
                   "remove it")


def _plain(v: str) -> str:
    v = v.strip()
    if not v:
        raise fail("must not be empty", "write some text, or remove the field if it is optional")
    if "<" in v or ">" in v:
        raise fail("must not contain < or >", "write 'less than' / 'more than', or remove the brackets")
    if ("{" in v or "}" in v) and JINJA_RE.search(v):
        raise fail("must not contain template code ({{, }}, {%, %})", "remove the braces")
    _privacy(v)
    return v


def _markdown(v: str) -> str:
    v = v.strip()
    if not v:
        raise fail("must not be empty", "write some text, or remove the field if it is optional")
    tag = TAG_RE.search(v) if "<" in v else None
    if tag:
        raise fail(f"raw HTML ({tag.group(0)[:30]!r}) is not allowed in contributed text",
                   "use Markdown instead: **bold**, *italic*, [link text](https://...)")
    if ("{" in v or "}" in v) and JINJA_RE.search(v):
        raise fail("template code ({{, }}, {%, %}) is not allowed in contributed text",
                   "remove the braces; pages are not templates")
    for target in LINK_TARGET_RE.findall(v) if "](" in v else ():
        if BAD_SCHEME_RE.match(target.strip()):
            raise fail(f"the link target {target[:40]!r} is not allowed",
                       "links must start with https:// (or point to another page of the hub)")
    _privacy(v)
    return v


PlainText = Annotated[str, BeforeValidator(_text), AfterValidator(_plain)]
ShortText = Annotated[PlainText, Field(max_length=200)]
MarkdownText = Annotated[str, BeforeValidator(_text), AfterValidator(_markdown)]


def _slug(v: str) -> str:
    if not SLUG_RE.match(v):
        suggestion = re.sub(r"[^a-z0-9]+", "-", v.lower()).strip("-")
        raise fail(f"{v!r} is not a valid id",
                   "use lower-case letters, digits and hyphens only"
                   + (f", e.g. '{suggestion}'" if suggestion else ""))
    if len(v) > 80:
        raise fail("the id is longer than 80 characters", "shorten it")
    return v


Slug = Annotated[
    str, BeforeValidator(_text), AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": 80}),
]


def vocabulary(words: Mapping[str, str], noun: str) -> Any:
    """A text field that takes one word of a controlled vocabulary (see `vocab`)."""

    def check(v: str) -> str:
        if v in words:
            return v
        raise fail(f"{v!r} is not a known {noun}", did_you_mean(v, words, noun + "s"))

    schema = {"type": "string", "enum": list(words), "description": f"A {noun}."}
    return Annotated[str, BeforeValidator(_text), AfterValidator(check), WithJsonSchema(schema)]


# --- codes ----------------------------------------------------------------------------------


def _country(v: str) -> str:
    if v in COUNTRY_CODES:
        return v
    if v.upper() in COUNTRY_CODES:
        raise fail(f"{v!r} must be written in capitals", f"write \"{v.upper()}\"")
    try:
        match = pycountry.countries.lookup(v)
        raise fail(f"{v!r} is not a two-letter country code",
                   f"did you mean \"{match.alpha_2}\" ({match.name})?")
    except LookupError:
        pass
    hint = did_you_mean(v.upper(), sorted(COUNTRY_CODES))
    raise fail(f"{v!r} is not an ISO 3166-1 alpha-2 country code",
               hint if hint.startswith("did") else "use the two-letter code, e.g. \"NP\" for Nepal")


CountryCode = Annotated[
    str, BeforeValidator(_text), AfterValidator(_country),
    WithJsonSchema({"type": "string", "enum": sorted(COUNTRY_CODES),
                    "description": "ISO 3166-1 alpha-2 country code, in capitals and quotes."}),
]


def _url(v: str) -> str:
    v = v.strip()
    parts = urlsplit(v)
    if parts.scheme == "http":
        raise fail(f"{v!r} uses http://", "use the https:// address of the page")
    if parts.scheme != "https" or "." not in parts.netloc or " " in v:
        raise fail(f"{v!r} is not a web address", "write the full address, starting with https://")
    return v


HttpsUrl = Annotated[
    str, BeforeValidator(_text), AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
]


def _doi(v: str) -> str:
    v = v.strip()
    bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", v, flags=re.I)
    if bare != v and DOI_RE.match(bare):
        raise fail(f"{v!r}: write the DOI alone", f"write \"{bare}\"")
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


def _sdg_schema() -> dict[str, Any]:
    from .vocab import SDG_TARGETS

    return {"type": "string", "enum": list(SDG_TARGETS)}


SdgTarget = Annotated[str, BeforeValidator(_sdg), WithJsonSchema(_sdg_schema())]


# --- numbers, dates, booleans (written as text in YAML) --------------------------------------


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.date):
        return v
    v = str(_text(v)).strip()
    if not DATE_RE.match(v):
        raise fail(f"{v!r} is not a date in the form YYYY-MM-DD", "e.g. 2025-03-31")
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise fail(f"{v!r} is not a real date", "check the month (01-12) and the day") from None


IsoDate = Annotated[
    dt.date, BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_RE.pattern}),
]


def _number(kind: type, lo: float, hi: float) -> Any:
    def check(v: Any) -> Any:
        if isinstance(v, bool):
            raise fail("expected a number")
        if isinstance(v, (int, float)):
            n = v
        else:
            text = str(_text(v)).strip()
            try:
                n = int(text, 10) if kind is int else float(text)
            except ValueError:
                raise fail(f"{text!r} is not a {'whole ' if kind is int else ''}number",
                           "write digits only, e.g. " + ("2024" if kind is int else "4.5")) from None
        if kind is int and n != int(n):
            raise fail(f"{v!r} is not a whole number", "write a whole number")
        if not lo <= n <= hi:
            raise fail(f"{n} is out of range", f"expected a number from {lo:g} to {hi:g}")
        return kind(n)

    schema = {"type": "integer" if kind is int else "number", "minimum": lo, "maximum": hi}
    return Annotated[kind, BeforeValidator(check), WithJsonSchema(schema)]


Year = _number(int, 1800, 2100)
Minutes = _number(int, 5, 600)
Hours = _number(float, 0.5, 500)


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
