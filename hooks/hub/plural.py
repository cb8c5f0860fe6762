"""Numbers with their noun, singular or plural: "1 partner", "16 partners", "0 countries".

A Jinja filter (`{{ n | plural("partner") }}`) for the hand-written pages' macros, so that no
page says "1 partners". English plurals of the hub's own nouns: -s, or -ies after a consonant
and y ("country" -> "countries"); pass the plural for any other word. The templates write
`ngettext("%(num)s partner", "%(num)s partners", n)` instead, which the message catalogue
translates; this filter uses the same catalogue entry when there is one (so `count_of("partners",
"partner")` reads "16 partenaires" in a French build), and writes the number for the locale.
"""

from __future__ import annotations

from collections.abc import Sized


def plural_of(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural(n: int | float | str | Sized, singular: str, plural_form: str | None = None) -> str:
    """`n` and the noun that agrees with it; `n` may be a count, its text or a collection."""
    from .i18n import ngettext as catalogue_plural  # not a marker: the nouns are the caller's

    if isinstance(n, Sized) and not isinstance(n, str):
        n = len(n)
    value = float(n)
    many = plural_form or plural_of(singular)
    return catalogue_plural("%(num)s " + singular, "%(num)s " + many, value)  # the catalogue's entry, if any
