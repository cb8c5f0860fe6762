"""People's names as cited: no titles or degrees in a name, and given/family when needed.

A citation inverts a name ("Sharma, A."), so "Dr Anita Sharma" would be cited "Sharma, D. A."
and "Anita Sharma, MD" would be "MD, A. S.". Titles and degrees are therefore refused in a
name, with the name to write instead; an author whose name does not read "given names, then
family name" (family name first, a two-word family name) gives `given:` and `family:`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from .fields import ShortText, fail

# Lower-case, without a trailing full stop. Titles before a name, in the network's languages
# (not words that are also common names: "Sri", "Eng", "Hon").
HONORIFICS = {
    "dr", "doctor", "prof", "professor", "assoc", "asst", "mr", "mrs", "ms", "miss", "mx", "sir",
    "dame", "rev", "dra", "sra", "srta", "pr", "mme", "mlle", "shri", "smt", "dott",
}
# Degrees and post-nominal letters after a name, as they are written (case matters: "Ma" is a
# family name, "MA" a degree).
DEGREES = {
    "MD", "PhD", "MPH", "MBBS", "MBChB", "RN", "MSc", "BSc", "MA", "BA", "DrPH", "MPA", "DO",
    "FACP", "FRCP", "DNP", "PharmD", "DDS", "BDS", "MSN", "BSN", "MS", "FRCS", "MRCP", "DPhil",
}


def title_problem(name: str) -> tuple[str, str] | None:
    """(message, hint) when `name` starts with a title or ends with a degree, else None."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    lead = 0
    while lead < len(words) - 1 and words[lead].lower().rstrip(".") in HONORIFICS:
        lead += 1
    if lead:
        return (f"{name!r} starts with the title {words[0]!r}",
                f"write the name alone, {' '.join(words[lead:])!r}: a citation would read the "
                "title as a given name")
    end = len(words)
    while end > 1 and words[end - 1].replace(".", "") in DEGREES:
        end -= 1
    if end < len(words):
        return (f"{name!r} ends with the degree {words[end]!r}",
                f"write the name alone, {' '.join(words[:end])!r}: degrees are not part of a name")
    return None


def _person_name(v: str) -> str:
    found = title_problem(v)
    if found:
        raise fail(*found)
    return v


PersonName = Annotated[ShortText, AfterValidator(_person_name)]
