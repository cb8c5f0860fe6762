"""Numbers with their noun, singular or plural: "1 partner", "16 partners", "0 countries".

A Jinja filter (`{{ n | plural("partner") }}`) for the templates and the hand-written pages, so
that no page says "1 partners". English plurals of the hub's own nouns: -s, or -ies after a
consonant and y ("country" -> "countries"); pass the plural for any other word.
"""

from __future__ import annotations

from collections.abc import Sized


def plural_of(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural(n: int | float | str | Sized, singular: str, plural_form: str | None = None) -> str:
    """`n` and the noun that agrees with it; `n` may be a count, its text or a collection."""
    if isinstance(n, Sized) and not isinstance(n, str):
        n = len(n)
    value = float(n)
    number = f"{value:g}" if not value.is_integer() else str(int(value))
    noun = singular if value == 1 else (plural_form or plural_of(singular))
    return f"{number} {noun}"
