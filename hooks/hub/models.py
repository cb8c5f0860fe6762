"""The record models: the single source of truth for what a contributor may write.

The JSON Schemas in `schemas/` are exported from these classes (`make schemas`), the
validator checks records against them, and the pages are generated from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import vocab
from .fields import (
    CountryCode,
    Doi,
    Hours,
    HttpsUrl,
    IsoDate,
    MarkdownText,
    Minutes,
    Orcid,
    PlainText,
    Ref,
    SdgTarget,
    ShortText,
    Slug,
    YamlBool,
    Year,
    fail,
    vocabulary,
)
from .person_names import PersonName
from .validate_files import LogoPath

PartnerType = vocabulary(vocab.PARTNER_TYPES, "partner type")
Tier = vocabulary(vocab.TIERS, "tier of government")
Topic = vocabulary(vocab.TOPICS, "topic")
Role = vocabulary(vocab.MEMBER_ROLES, "member role")
Profession = vocabulary(vocab.PROFESSIONS, "profession")
Status = vocabulary(vocab.BRIEF_STATUSES, "brief status")
Level = vocabulary(vocab.TRACK_LEVELS, "level")
Competency = vocabulary(vocab.COMPETENCIES, "competency")
SessionFormat = vocabulary(vocab.SESSION_FORMATS, "session format")
Language = vocabulary(vocab.LANGUAGES, "language code")


class Record(BaseModel):
    """Base of every record model.

    `extra="forbid"`: a misspelt or unknown field is an error, not silently ignored, because
    a contributor who writes `websit:` expects it to appear on the page. It is also how the
    privacy rule is kept: there is no field for e-mail, phone or postal address, so a record
    that carries one is rejected.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Partner(Record):
    """An institution of the network (`partners.yaml`)."""

    id: Slug
    example: YamlBool = False
    name: ShortText
    short_name: Annotated[PlainText, Field(max_length=40)] | None = None
    type: PartnerType
    country: CountryCode
    city: ShortText | None = None
    tier: Tier | None = None
    website: HttpsUrl
    focus: Annotated[list[Topic], Field(min_length=1, max_length=8)]
    sdg_targets: list[SdgTarget] = []
    since: IsoDate
    description: Annotated[MarkdownText, Field(max_length=3000)]
    logo: LogoPath | None = None

    @model_validator(mode="after")
    def _tier_only_for_government(self) -> Partner:
        if self.tier and self.type not in vocab.GOVERNMENT_TYPES:
            kinds = list(vocab.GOVERNMENT_TYPES)
            only = (", ".join(kinds[:-1]) + " or " + kinds[-1]) if len(kinds) > 1 else "".join(kinds)
            raise fail(f"a partner of type '{self.type}' has no tier of government",
                       f"remove `tier:`; it is only for partners of type {only}" if kinds
                       else "remove `tier:`; this network has no government partner types",
                       field="tier")
        return self


class MemberLinks(Record):
    orcid: Orcid | None = None
    website: HttpsUrl | None = None


class Consent(Record):
    """Whether, and since when, the member agreed to a public profile."""

    public: YamlBool
    date: IsoDate


class Member(Record):
    """A member of the network (`members.yaml`)."""

    id: Slug
    example: YamlBool = False
    name: PersonName
    role: Role
    profession: Profession
    country: CountryCode
    affiliation: Ref | None = None
    cohort: Year | None = None
    interests: list[Topic] = []
    links: MemberLinks | None = None
    bio: Annotated[PlainText, Field(max_length=400)] | None = None
    consent: Consent


class Author(Record):
    """A brief's author: a member of the network (`member: id`) or an outside author.

    Citations split `name` into given names and the last word as the family name; an outside
    author whose name is written otherwise (family name first, two family names) gives
    `given:` and `family:` as they should be cited. Titles and degrees are refused in names.
    """

    member: Ref | None = None
    name: PersonName | None = None
    affiliation: ShortText | None = None
    given: PersonName | None = None  # as cited, when `name` is not "given names, family name"
    family: PersonName | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Author:
        if self.member and self.name:
            raise fail("an author has both `member:` and `name:`",
                       "keep `member:` for a member of the network (the name comes from "
                       "members.yaml), or `name:` for an outside author")
        if not (self.member or self.name):
            raise fail("an author needs `member:` (a member id) or `name:`",
                       "write `- member: <id>` for a member, or `- name: ...` and "
                       "`affiliation: ...` for an outside author")
        if self.member and self.affiliation:
            raise fail("`affiliation:` is only for outside authors",
                       "a member's affiliation comes from members.yaml; remove it here")
        if self.member and (self.given or self.family):
            raise fail("`given:` and `family:` are only for outside authors",
                       "a member's name comes from members.yaml; remove them here",
                       field="given" if self.given else "family")
        if self.given and not self.family:
            raise fail("`given:` needs `family:` too",
                       "add the family name as cited, e.g. `family: Sharma`", field="given")
        return self


class Reference(Record):
    """A source cited by a brief or read in a module: a URL and/or a DOI is required."""

    title: ShortText
    authors: ShortText | None = None
    publisher: ShortText | None = None
    year: Year
    url: HttpsUrl | None = None
    doi: Doi | None = None

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if not (self.url or self.doi):
            raise fail("a reference needs a `url:` or a `doi:` so readers can find it",
                       "add the https:// address or the DOI")
        return self


class Brief(Record):
    """The front matter of a policy brief (`content/briefs/<slug>.md`)."""

    title: ShortText
    date: IsoDate
    example: YamlBool = False
    authors: Annotated[list[Author], Field(min_length=1)]
    partners: list[Ref] = []
    countries: Annotated[list[CountryCode], Field(min_length=1)]
    tiers: list[Tier] = []  # required or not: `required.brief_tiers` in hub.yml
    topics: Annotated[list[Topic], Field(min_length=1)]
    sdg_targets: list[SdgTarget] = []  # required or not: `required.brief_sdg_targets`
    status: Status
    summary: Annotated[PlainText, Field(max_length=400)]
    recommendations: Annotated[list[Annotated[MarkdownText, Field(max_length=1000)]], Field(min_length=1)]
    references: Annotated[list[Reference], Field(min_length=1)]
    review_by: IsoDate
    doi: Doi | None = None
    lang: Language = "en"

    @model_validator(mode="before")
    @classmethod
    def _required_by_the_network(cls, data: Any) -> Any:
        """Fields the network's hub.yml requires: missing is reported as pydantic's own
        `missing`, empty as `too_short`, so the messages are those of any required list."""
        from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

        from .config import active

        if not isinstance(data, dict):
            return data
        req = active().required
        errs: list[InitErrorDetails] = []
        for name, needed in (("tiers", req.brief_tiers), ("sdg_targets", req.brief_sdg_targets)):
            if not needed:
                continue
            if name not in data:
                errs.append({"type": "missing", "loc": (name,), "input": data})
            elif isinstance(data[name], list) and not data[name]:
                errs.append({"type": PydanticCustomError(
                    "too_short", "needs at least 1 item", {"min_length": 1}),
                    "loc": (name,), "input": data[name]})
        if errs:
            raise ValidationError.from_exception_data(cls.__name__, errs)
        return data

    @model_validator(mode="after")
    def _review_after_date(self) -> Brief:
        if self.review_by <= self.date:
            raise fail("`review_by` must be later than `date`",
                       "set the date by which the evidence should be checked again, "
                       "usually one to three years after `date`", field="review_by")
        return self


class Track(Record):
    """A curriculum track (`curriculum/tracks.yaml`)."""

    id: Slug
    example: YamlBool = False
    title: ShortText
    description: Annotated[MarkdownText, Field(max_length=3000)]


class Session(Record):
    title: ShortText
    minutes: Minutes
    format: SessionFormat


class Reading(Reference):
    open_access: YamlBool


class Module(Record):
    """A curriculum module (`curriculum/modules/<id>.yaml`)."""

    id: Slug
    example: YamlBool = False
    title: ShortText
    track: Ref
    level: Level
    competencies: Annotated[list[Competency], Field(min_length=1)]
    duration_hours: Hours
    partners: list[Ref] = []
    objectives: Annotated[list[Annotated[PlainText, Field(max_length=300)]], Field(min_length=1)]
    prerequisites: list[Ref] = []
    sessions: Annotated[list[Session], Field(min_length=1)]
    readings: Annotated[list[Reading], Field(min_length=1)]
    assessment: Annotated[MarkdownText, Field(max_length=3000)]
    notes: MarkdownText | None = None

    @model_validator(mode="after")
    def _sessions_fit(self) -> Module:
        total = sum(s.minutes for s in self.sessions)
        if total > self.duration_hours * 60:
            raise fail(f"the sessions add up to {total} minutes, more than duration_hours "
                       f"({self.duration_hours:g} h = {self.duration_hours * 60:g} minutes)",
                       f"raise duration_hours to at least {total / 60:g} or shorten the sessions",
                       field="duration_hours")
        return self

    @property
    def session_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)


FILE_MODELS: dict[str, Any] = {
    "partners": Partner,
    "members": Member,
    "brief": Brief,
    "tracks": Track,
    "module": Module,
}


def today() -> dt.date:
    """The build's idea of today: from SOURCE_DATE_EPOCH when set, for reproducible output."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
