"""Controlled vocabularies: the only words a record may use in its coded fields.

The network's own words (partner types, topics, levels, ...) are not written here: they live
in `hub.yml` (see `config.py`), and the names below read the active configuration each time
they are used, so the models, the JSON Schemas, the templates, the error hints and the
contributor docs all read the same lists. Each mapping goes from the word a contributor writes
(lower-case, hyphenated) to the label a reader sees, in the order of `hub.yml`.

Only words with a fixed meaning in the code stay here: brief statuses (what is published),
and the WHO regions and World Bank income groups (facts of the world, not of a network).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set

from . import config
from .i18n import _ACTIVE as _LANGUAGES  # (the language in use is its last item: `i18n.language`)
from .i18n import N_, _, language


class Vocabulary(Mapping[str, str]):
    """word -> label of one vocabulary of the active `hub.yml`, read on every use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._last: tuple = (None, None, None)  # (configuration, language, its words)

    def _words(self) -> dict[str, str]:
        # Read for every coded value validated: the words of the last configuration and
        # language asked for are kept (the same objects: a new hub.yml is a new configuration).
        cfg, lang = config.active(), language()
        last = self._last
        if last[0] is not cfg or last[1] != lang:
            last = self._last = (cfg, lang, cfg.labels(self.name))
        return last[2]

    def __getitem__(self, word: str) -> str:
        return self._words()[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())

    def __contains__(self, word: object) -> bool:
        # Asked for every coded value validated (45,000 at 10,000 records): the words kept by
        # `_words` are used at once while the configuration and language in use are theirs
        # (read from where `config.use` and `i18n.use` keep them, without two calls).
        last, configs, languages = self._last, config._ACTIVE, _LANGUAGES
        if configs and last[0] is configs[-1] and last[1] == languages[-1]:
            return word in last[2]
        return word in self._words()

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}: {self._words()!r})"

    def descriptions(self) -> dict[str, str]:
        return {k: w.description for k, w in getattr(config.active().vocabularies, self.name).items()}


class _GovernmentTypes(Set[str]):
    """The partner types marked `government: true` in `hub.yml` (only these carry a tier), in
    vocabulary order."""

    def __contains__(self, word: object) -> bool:
        return word in config.active().government_types

    def __iter__(self) -> Iterator[str]:
        gov = config.active().government_types
        return iter([t for t in config.active().vocabularies.partner_types if t in gov])

    def __len__(self) -> int:
        return len(config.active().government_types)


PARTNER_TYPES = Vocabulary("partner_types")
GOVERNMENT_TYPES = _GovernmentTypes()
TIERS = Vocabulary("tiers")
TOPICS = Vocabulary("topics")
SDG_TARGETS = Vocabulary("sdg_targets")
MEMBER_ROLES = Vocabulary("member_roles")
PROFESSIONS = Vocabulary("professions")
TRACK_LEVELS = Vocabulary("levels")
COMPETENCIES = Vocabulary("competencies")
SESSION_FORMATS = Vocabulary("session_formats")
LANGUAGES = Vocabulary("languages")
EXCHANGE_KINDS = Vocabulary("exchange_kinds")

class Translated(Mapping[str, str]):
    """A fixed table of labels (English, marked for the message catalogue), read in the build's
    language (hub.i18n): `WHO_REGIONS["AFR"]` is "Région africaine" in a French build."""

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def __getitem__(self, key: str) -> str:
        return _(self._labels[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"Translated({self._labels!r})"


BRIEF_STATUSES: dict[str, str] = {
    "draft": "Draft (validated, never published)",
    "published": "Published",
    "archived": "Archived (published, marked as no longer current)",
}

# The status of an exchange: fixed words, because the checks give each a meaning (a completed
# exchange has an end date; a planned one has not started). See hooks/hub/exchanges.py.
EXCHANGE_STATUSES = Translated({
    "planned": N_("Planned"),
    "ongoing": N_("Ongoing"),
    "completed": N_("Completed"),
})

WHO_REGIONS = Translated({
    "AFR": N_("African Region"),
    "AMR": N_("Region of the Americas"),
    "SEAR": N_("South-East Asia Region"),
    "EUR": N_("European Region"),
    "EMR": N_("Eastern Mediterranean Region"),
    "WPR": N_("Western Pacific Region"),
})

INCOME_GROUPS = Translated({
    "LIC": N_("Low income"),
    "LMC": N_("Lower-middle income"),
    "UMC": N_("Upper-middle income"),
    "HIC": N_("High income"),
})
