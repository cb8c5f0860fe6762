"""What a network decides, read from `hub.yml`: its name and wording, its vocabularies, which
sections it has, which derived facts it shows and which fields it requires.

`hub.yml` is the one file an adopting network edits besides its content. It is read with the
hub's own strict YAML reader (never PyYAML's full loader, unlike `mkdocs.yml`) and checked by
the pydantic models below, so its mistakes are reported like a record's: `hub.yml:12:5: ...`.
Everything else that depends on it (the JSON Schemas, the issue-form options, the word lists
in CONTRIBUTING.md, the `make new` templates, facets and messages) is derived from it.

One configuration is *active* at a time (`use`, `active`): `validate(root)` activates the
configuration of the hub at `root`; without one, the configuration of the repository this
package lives in is read on first use.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from .problems import Problem

FILE = "hub.yml"
REPO = Path(__file__).resolve().parents[2]
WORD_RE = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
SECTION_NAMES = ("partners", "members", "briefs", "curriculum", "exchanges", "countries", "topics",
                 "numbers")


class ConfigError(Exception):
    """`hub.yml` has mistakes: `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def _fail(message: str, hint: str = "", field: str = "") -> Exception:
    from .fields import fail

    return fail(message, hint, field)


class Strict(BaseModel):
    """`extra="forbid"`: a misspelt setting is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, Field(min_length=1, max_length=400)]


def _https(v: Any) -> Any:
    if isinstance(v, str) and not v.startswith(("https://", "http://")):
        raise _fail(f"{v!r} is not a web address", "write the full address, starting with https://")
    return v


Url = Annotated[str, BeforeValidator(_https)]


class Word(Strict):
    """One word of a vocabulary: the label readers see, and an optional longer description."""

    label: Text
    description: str = ""
    government: bool = False  # partner types only: a government body, which may carry a tier


def _word(v: Any) -> Any:
    return {"label": v} if isinstance(v, str) else v


def _words(v: Any) -> Any:
    if isinstance(v, dict):
        for key in v:
            if not isinstance(key, str) or not WORD_RE.match(key):
                raise _fail(f"{key!r} cannot be a word of a vocabulary",
                            "use lower-case letters, digits and hyphens (dots for SDG targets), "
                            "in quotes if it looks like a number: \"3.8\"")
        return {k: _word(w) for k, w in v.items()}
    return v


Words = Annotated[dict[str, Word], BeforeValidator(_words)]


class Vocabularies(Strict):
    """The controlled words of the records, in the order readers see them."""

    partner_types: Annotated[Words, Field(min_length=1)]
    tiers: Words = {}
    topics: Annotated[Words, Field(min_length=1)]
    sdg_targets: Words = {}
    member_roles: Words = {}
    professions: Words = {}
    levels: Words = {}
    competencies: Words = {}
    session_formats: Words = {}
    languages: Annotated[Words, Field(min_length=1)]
    exchange_kinds: Words = {}  # `kind` of an exchange (hooks/hub/exchanges.py)

    @model_validator(mode="after")
    def _government_only_for_partner_types(self) -> Vocabularies:
        for name in type(self).model_fields:
            if name != "partner_types" and any(w.government for w in getattr(self, name).values()):
                raise _fail(f"`government:` is only for partner types, not for {name}",
                            "remove `government: true` here")
        return self


class Section(Strict):
    """One part of the site: on or off, its title (navigation, headings) and its description."""

    enabled: bool = True
    title: Text
    description: Text = ""
    singular: str = ""  # one item, as in citations and feeds: "Policy brief"


class Sections(Strict):
    partners: Section
    members: Section
    briefs: Section
    curriculum: Section
    # Collaborations between partners (hooks/hub/exchanges.py). Optional in hub.yml, so that
    # a hub written before exchanges existed still loads: without it, the section is off.
    exchanges: Section = Section(enabled=False, title="Exchanges")
    countries: Section
    topics: Section
    # The equity indicators page (hooks/hub/numbers.py); on unless hub.yml switches it off.
    numbers: Section = Section(
        title="The network in numbers",
        description="Who the network is, by income group and WHO region, what it writes and "
                    "teaches, and how up to date it is: rebuilt from the records at every build.")

    @model_validator(mode="after")
    def _partners_always(self) -> Sections:
        if not self.partners.enabled:
            raise _fail("the partners section cannot be switched off",
                        "every hub lists its partners; remove `enabled: false` there", "partners")
        return self


class Fact(Strict):
    """A fact derived from a record's country (not written by contributors)."""

    show: bool = True
    label: Text
    plural: str = ""  # "WHO regions" (default: the label with an English plural)


class Facts(Strict):
    who_region: Fact
    income_group: Fact


class Required(Strict):
    """Fields of a brief that a network may make optional."""

    brief_sdg_targets: bool = True
    brief_tiers: bool = True


class Licence(Strict):
    name: Text
    url: Url


class Network(Strict):
    """The network's identity: what the site, feeds, citations and data say about it."""

    name: Text
    short_name: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
    description: Text
    site_url: Url
    repo_url: Url | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Za-z]{2,4})?$")] = "en"
    licence: Licence
    copyright: Text
    schema_base: Url | None = None  # default: <site_url>schemas/


class SectionText(Strict):
    """A section's words in another language (what is left out stays in the source language)."""

    title: Text | None = None
    description: Text | None = None
    singular: Text | None = None


class FactText(Strict):
    label: Text
    plural: str = ""


def _fact_text(v: Any) -> Any:
    return {"label": v} if isinstance(v, str) else v


class NetworkText(Strict):
    """The network's description and copyright line in another language (its name stays)."""

    description: Text | None = None
    copyright: Text | None = None


class Translation(Strict):
    """The network's words in one more language: `translations: {fr: {sections: ..., facts: ...,
    vocabularies: ...}}`. Words are the vocabularies' own; only their labels (and descriptions)
    are translated. A label left out is shown in the source language."""

    network: NetworkText = NetworkText()
    sections: dict[Literal["partners", "members", "briefs", "curriculum", "countries", "topics", "numbers",
                           "exchanges"],
                   SectionText] = {}
    facts: dict[Literal["who_region", "income_group"],
                Annotated[FactText, BeforeValidator(_fact_text)]] = {}
    vocabularies: dict[str, Words] = {}


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Za-z]{2,4})?$")]


LangCode = Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Za-z]{2,4})?$")]


def _material_languages() -> frozenset[str]:
    """The languages Material's interface is translated into (its `partials/languages/`)."""
    import importlib.util

    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "languages"
    return frozenset(p.stem for p in folder.glob("*.html") if p.stem != "custom")


def _languages(v: Any) -> Any:
    if isinstance(v, list):
        seen: set[str] = set()
        known = _material_languages()
        for code in v:
            if not isinstance(code, str):
                continue  # pydantic says "expected text"
            if code in seen:
                raise _fail(f"the language {code!r} is listed twice", "keep one of them")
            seen.add(code)
            if known and WORD_RE.match(code.lower()) and code not in known:
                from .fields import closest

                near = closest(code, sorted(known))
                raise _fail(f"{code!r} is not a language the site's theme (Material) has an interface in",
                            f"did you mean {near[0]!r}?" if near else
                            "use a two-letter ISO 639-1 code, e.g. fr, es, pt, ar")
    return v


class HubConfig(Strict):
    """The whole of `hub.yml`."""

    network: Network
    # The languages of the site: the first is the source (network.language), in which every
    # record is written; the others are translations (`python -m hub translations`).
    languages: Annotated[list[LangCode], BeforeValidator(_languages), Field(max_length=40)] = []
    sections: Sections
    facts: Facts
    required: Required = Required()
    # A contributor's word -> the words of the labels it means, for suggestions (`suggest.py`).
    synonyms: dict[Annotated[str, Field(pattern=r"^[a-z0-9]+$")], list[str]] = {}
    vocabularies: Vocabularies
    # The network's words in other languages than network.language (interface: hooks/hub/locales)
    translations: dict[LanguageCode, Translation] = {}
    _cache: dict[Any, Any] = PrivateAttr(default_factory=dict)  # labels are read per page

    @model_validator(mode="after")
    def _translations_name_known_words(self) -> HubConfig:
        for lang, tr in self.translations.items():
            for name, words in tr.vocabularies.items():
                if name not in type(self.vocabularies).model_fields:
                    from .fields import did_you_mean

                    raise _fail(f"{name!r} is not a vocabulary",
                                did_you_mean(name, list(type(self.vocabularies).model_fields)),
                                ("translations", lang, "vocabularies", name))
                known = getattr(self.vocabularies, name)
                for word in words:
                    if word not in known:
                        from .fields import did_you_mean

                        raise _fail(f"{word!r} is not a word of {name}", did_you_mean(word, known),
                                    ("translations", lang, "vocabularies", name, word))
        return self

    @model_validator(mode="after")
    def _source_language_first(self) -> HubConfig:
        if self.languages and self.languages[0] != self.network.language:
            raise _fail(f"the first language is {self.languages[0]!r}, but network.language is "
                        f"{self.network.language!r}",
                        "list the source language first (the one every record is written in), "
                        f"e.g. languages: [{self.network.language}, ...]", "languages")
        return self

    @model_validator(mode="after")
    def _vocabularies_of_sections(self) -> HubConfig:
        v, s = self.vocabularies, self.sections
        needed = {"members": ("member_roles", "professions"),
                  "curriculum": ("levels", "competencies", "session_formats"),
                  "exchanges": ("exchange_kinds",)}
        for section, names in needed.items():
            for name in names:
                if getattr(s, section).enabled and not getattr(v, name):
                    raise _fail(f"the {section} section is on but `vocabularies.{name}` is empty",
                                f"list the {name.replace('_', ' ')} under vocabularies, or switch "
                                f"the {section} off (sections.{section}.enabled: false)", "vocabularies")
        if self.required.brief_sdg_targets and not v.sdg_targets:
            raise _fail("`required.brief_sdg_targets` is true but there are no SDG targets",
                        "list them under vocabularies.sdg_targets, or set it to false", "required")
        if self.required.brief_tiers and not v.tiers:
            raise _fail("`required.brief_tiers` is true but there are no tiers",
                        "list them under vocabularies.tiers, or set it to false", "required")
        return self

    # --- what the code asks ------------------------------------------------------------------

    def enabled(self, section: str) -> bool:
        return getattr(self.sections, section).enabled

    def _translation(self) -> Translation | None:
        """The network's words in the build's language (hub.i18n), if hub.yml has them."""
        from .i18n import language

        lang = language()
        return self.translations.get(lang) or self.translations.get(lang.split("-")[0])

    def section(self, name: str) -> Section:
        return getattr(self.shown_sections, name)

    def _shown(self, part: str, words: Callable[[Any], dict[str, Any]]) -> Any:
        """`self.<part>` (sections or facts) with each entry's words in the build's language:
        `words(text)` of the translation's entry, copied over the source's; made once per language."""
        tr = self._translation()
        source = getattr(self, part)
        if tr is None:
            return source
        key = (part, id(tr))
        if key not in self._cache:
            changed = {name: getattr(source, name).model_copy(update=words(text))
                       for name, text in getattr(tr, part).items()}
            self._cache[key] = source.model_copy(update=changed)
        return self._cache[key]

    @property
    def shown_sections(self) -> Sections:
        """The sections with their titles in the build's language (the source's where missing)."""
        return self._shown("sections", lambda text: {k: v for k, v in text.model_dump().items()
                                                     if v is not None})

    def network_text(self, key: str) -> str:
        """The network's description or copyright line in the build's language."""
        tr = self._translation()
        return (getattr(tr.network, key) if tr is not None else None) or getattr(self.network, key)

    @property
    def shown_facts(self) -> Facts:
        return self._shown("facts", lambda text: text.model_dump())

    @property
    def source_language(self) -> str:
        return self.network.language

    @property
    def all_languages(self) -> list[str]:
        """Every language of the site, the source first."""
        return list(self.languages) or [self.network.language]

    @property
    def translation_languages(self) -> list[str]:
        """The languages records may be translated into (all but the source)."""
        return self.all_languages[1:]

    @property
    def site_url(self) -> str:
        return self.network.site_url.rstrip("/") + "/"

    @property
    def schema_base(self) -> str:
        return (self.network.schema_base or self.site_url + "schemas/").rstrip("/") + "/"

    def labels(self, name: str) -> dict[str, str]:
        """word -> label, in the build's language where hub.yml translates it. Read for every
        coded value validated and every label shown: remembered per vocabulary and language."""
        from .i18n import language

        cache = self._cache
        key = ("labels", name, language())
        found = cache.get(key)
        if found is None:
            tr = self._translation()
            found = {k: w.label for k, w in getattr(self.vocabularies, name).items()}
            if tr is not None:
                found.update({k: w.label for k, w in tr.vocabularies.get(name, {}).items()})
            cache[key] = found
        return found

    @property
    def government_types(self) -> frozenset[str]:
        found = self._cache.get("government")
        if found is None:
            found = self._cache["government"] = frozenset(
                k for k, w in self.vocabularies.partner_types.items() if w.government)
        return found


# --- reading -----------------------------------------------------------------------------------


def load(root: Path | str) -> tuple[HubConfig | None, list[Problem]]:
    """`root/hub.yml` checked: the configuration, or None and every problem found."""
    from .load_records import Origin, problems_from
    from .load_yaml import decode, parse

    path = Path(root) / FILE
    if not path.is_file():
        return None, [Problem(FILE, 1, 1, "", "the hub's configuration file is missing",
                              "copy hub.yml from the hub's repository and adapt it (README.md)")]
    text, problems = decode(path.read_bytes(), FILE)
    if text is None:
        return None, problems
    doc, problems = parse(text, FILE)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(FILE, 1, 1, "", "hub.yml must be `setting: value` lines",
                              "see the hub.yml of the hub's repository")]
    from pydantic import ValidationError

    try:
        return HubConfig.model_validate(doc.data), []
    except ValidationError as exc:
        return None, problems_from(exc, HubConfig, Origin(doc))


def load_or_raise(root: Path | str) -> HubConfig:
    cfg, problems = load(root)
    if cfg is None:
        raise ConfigError(problems)
    return cfg


_ACTIVE: list[HubConfig] = []


def active() -> HubConfig:
    """The configuration in use; the repository's own on first use."""
    if not _ACTIVE:
        _ACTIVE.append(load_or_raise(REPO))
    return _ACTIVE[-1]


def use(cfg: HubConfig) -> None:
    """Make `cfg` the configuration in use (for the rest of the process)."""
    if _ACTIVE:
        _ACTIVE[-1] = cfg
    else:
        _ACTIVE.append(cfg)


@contextlib.contextmanager
def using(cfg: HubConfig | None) -> Iterator[HubConfig]:
    """Use `cfg` inside a `with` block (None: keep the active one)."""
    if cfg is None:
        yield active()
        return
    active()
    _ACTIVE.append(cfg)
    try:
        yield cfg
    finally:
        _ACTIVE.pop()
