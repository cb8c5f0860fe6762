"""The interface's language: translated messages, plurals, dates and numbers for one build.

English is the source: every string the hub's templates and pages show is written in English in
the code, wrapped in `_()` (or `ngettext()` when it has a number), and translated from a message
catalogue, `locales/<lang>/LC_MESSAGES/hub.po` beside this file (gettext's text format, edited
by translators; `make messages` extracts the strings and updates every catalogue). The
catalogues are compiled in memory when a build needs them (no binary .mo files in git).

The language of a build is `config.theme.language` (set from hub.yml, or per language build):
`use(lang)` makes it the active one once per build, and every function below follows it. A
language without a catalogue shows English; a message a catalogue does not translate (or leaves
fuzzy) shows in English too. Dates and numbers are formatted by Babel (CLDR) for the language;
the patterns of dates are messages too, so translators choose them ("5 août 2024").

Jinja only, no MkDocs: `install(env)` puts `_`, `gettext`, `ngettext` and the `number`,
`percent`, `date_long`, `month_year` filters into an environment.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sized
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

SOURCE = "en"
DOMAIN = "hub"
LOCALES = Path(__file__).with_name("locales")
# A placeholder of a message: %(name)s, %(num)s (python-format, the only kind the hub uses)
PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[sd]")

_ACTIVE: list[str] = [SOURCE]
_CATALOGUE: list[NullTranslations] = []  # the active language's, resolved by `use`


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined (a table of labels); it is
    translated with `_()` where it is shown, once the build's language is known."""
    return message


def catalogue_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _candidates(lang: str) -> list[str]:
    """'pt-BR' -> ['pt_BR', 'pt']: the most precise catalogue first."""
    code = lang.replace("-", "_")
    return [code, code.split("_")[0]] if "_" in code else [code]


def languages(locales: Path = LOCALES) -> list[str]:
    """The languages the interface is translated into, besides English."""
    return sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (fuzzy entries left out), or English. Compiled once per
    version of the file: `make serve` shows an edited translation on its next rebuild."""
    for code in _candidates(lang):
        path = catalogue_path(code)
        if path.is_file():
            return _compiled(path, code, path.stat().st_mtime_ns)
    return NullTranslations()


@cache
def _compiled(path: Path, code: str, version: int) -> Translations:
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=code, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


@cache
def locale(lang: str) -> Locale:
    for code in _candidates(lang):
        try:
            return Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse(SOURCE)


def use(lang: str | None) -> str:
    """Make `lang` the language of what follows (the build's); returns it. Its catalogue is
    looked up here, once per build, not on every message."""
    _ACTIVE[-1] = lang or SOURCE
    _CATALOGUE[:] = [translations(_ACTIVE[-1])]
    return _ACTIVE[-1]


def _catalogue() -> NullTranslations:
    if not _CATALOGUE:
        _CATALOGUE.append(translations(language()))
    return _CATALOGUE[0]


def language() -> str:
    return _ACTIVE[-1]


def is_source() -> bool:
    return language().split("-")[0] == SOURCE


# --- messages ---------------------------------------------------------------------------------


def gettext(message: str, **values: Any) -> str:
    """`message` in the build's language, its `%(name)s` placeholders filled from `values`."""
    text = _catalogue().gettext(message)
    return text % values if values else text


_ = gettext


def _plural_n(n: int | float) -> int:
    """The count that chooses the plural form: a fraction ("1.5 hours") takes the plural."""
    return int(n) if float(n).is_integer() else 2


def ngettext(singular: str, plural: str, n: int | float | Sized, **values: Any) -> str:
    """The form of the message that agrees with `n`; `%(num)s` is `n` written for the locale."""
    if isinstance(n, Sized) and not isinstance(n, str):
        n = len(n)
    n = float(n) if isinstance(n, str) else n
    text = _catalogue().ngettext(singular, plural, _plural_n(n))
    values.setdefault("num", number(n))
    return text % values


# --- numbers and dates --------------------------------------------------------------------------


def number(n: int | float | str) -> str:
    """A count or a quantity for the locale: 1,234 / 1 234; 1.5 / 1,5 (no trailing .0)."""
    value = float(n)
    return _number(int(value) if value.is_integer() else value, language())


@lru_cache(maxsize=4096)
def _number(value: int | float, lang: str) -> str:  # counts repeat on every page: format each once
    return format_decimal(value, locale=locale(lang))


def percent(fraction: float, digits: int = 0) -> str:
    """0.25 -> "25%" ("25 %" in French)."""
    loc = locale(language())
    pattern = loc.percent_formats[None].pattern  # the locale's own: "#,##0%", "#,##0 %"
    if digits:
        pattern = re.sub(r"0(?!.*0)", "0." + "0" * digits, pattern, count=1)
    return format_percent(fraction, pattern, locale=loc)


def date_long(d: dt.date) -> str:
    """A day, as readers of the locale write it ("05 August 2024", "5 août 2024")."""
    # Translators: a CLDR date pattern (dd day, MMMM month name, y year); see CONTRIBUTING.md
    return _date(type(d), d, gettext("dd MMMM y"), language())


def month_year(d: dt.date) -> str:
    """A month ("August 2024", "agosto de 2024")."""
    # Translators: a CLDR date pattern (MMMM month name, y year); quote words: 'de'
    return _date(type(d), d, gettext("MMMM y"), language())


@lru_cache(maxsize=1 << 14)
def _date(_kind: type, d: dt.date, pattern: str, lang: str) -> str:
    """A date in `pattern`, formatted once: the same dates (a brief's, a partner's) are shown on
    many pages, and Babel takes about 0.1 ms each time."""
    return format_date(d, pattern, locale=locale(lang))


def date_apa(d: dt.date) -> str:
    """The date of an APA reference ("2024, August 5")."""
    # Translators: a CLDR date pattern for citations (APA style: year, month day)
    return _date(type(d), d, gettext("y, MMMM d"), language())  # each brief's page and files ask it


def collation_key(text: str) -> str:
    """A sort key that puts accented letters with their base letter ("Pérou" before
    "Philippines"), as readers of every language the hub speaks expect."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def join_and(items: list[str]) -> str:
    """"a, b and c" in the build's language (no serial comma: the hub's English style)."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    # Translators: the last two items of a list ("partners, members and briefs")
    return gettext("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])


def join_units(items: list[str]) -> str:
    """Counts of several things, as the locale lists them ("2 partners, 1 member" in English,
    "2 partenaires et 1 membre" in French): CLDR's list of units (Babel)."""
    items = [str(i) for i in items]
    try:
        return format_list(items, style="unit", locale=locale(language()))
    except KeyError:  # a locale without that list style
        return format_list(items, locale=locale(language()))


def join_rows(items: list[str]) -> str:
    """Items that hold commas themselves, one after another ("Low income: 3; High income: 1"),
    with the separator of the build's language ("3 ; 1" in French)."""
    items = [str(i) for i in items]
    text = items[0] if items else ""
    for item in items[1:]:
        # Translators: two items of a list whose items hold commas (a chart's rows, read aloud)
        text = gettext("%(first)s; %(next)s", first=text, next=item)
    return text


def lower_label(label: str) -> str:
    """A label inside a sentence: its first letter in lower case, unless it starts with an acronym
    ("WHO region"); the rest as written ("région de l'OMS")."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def install(env) -> None:
    """Give a Jinja environment the build language's messages, numbers and dates."""
    env.add_extension("jinja2.ext.i18n")  # parses {% trans %}; the callables are the hub's own
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, hub_language=language())
    env.globals["hub_list"] = join_and
    env.filters.update(number=number, percent=percent, date_long=date_long, month_year=month_year,
                       hub_lower=lower_label)
