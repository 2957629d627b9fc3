"""Pydantic models of the data files: Organisation (Contact) and Network (Fact, Membership).

Every model forbids unknown keys. Checks that need several files (ids against file names, members
naming existing organisations, duplicates within a network) live in kb.catalogue.
"""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import fields as f

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar")

Text = Annotated[str, AfterValidator(f.check_text)]  # at most f.TEXT_MAX characters
Name = Annotated[str, AfterValidator(f.bounded(f.NAME_MAX, "a name")), AfterValidator(f.check_text)]
Title = Annotated[str, AfterValidator(f.bounded(f.TITLE_MAX, "a title")), AfterValidator(f.check_text)]
Id = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_id),
               WithJsonSchema({"type": "string", "pattern": f.ID_RE.pattern})]
Country = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_country),
                    WithJsonSchema({"type": "string", "enum": sorted(f.COUNTRIES)})]
Email = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_email),
                  WithJsonSchema({"type": "string", "format": "email",
                                  "pattern": "^[\\x21-\\x7e]+$"})]
Phone = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_phone),
                  WithJsonSchema({"type": "string", "pattern": "^\\+[1-9][0-9]{6,14}$"})]
HttpsUrl = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_https),
                     WithJsonSchema({"type": "string", "pattern": "^https://[^\\s]+$"})]
SOURCE_PATTERN = f"^(https://[^\\s]+|{f.SOURCE_TEXT_RE.pattern[1:-1]})$"
SourceRef = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_source),
                      WithJsonSchema({"type": "string", "pattern": SOURCE_PATTERN})]
YearMonth = Annotated[str, BeforeValidator(f.year_or_text), AfterValidator(f.check_year_month),
                      WithJsonSchema({"anyOf": [
                          {"type": "integer", "minimum": 1000, "maximum": 9999},
                          {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2})?$"}]})]
Period = Annotated[str, BeforeValidator(f.period_or_text), AfterValidator(f.check_period),
                   WithJsonSchema({"anyOf": [
                       {"type": "integer", "minimum": 1000, "maximum": 9999},
                       {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}]})]
PublicSource = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_public_source),
                         WithJsonSchema({"type": "string", "pattern": "^https://[^\\s]+$"})]
Day = Annotated[date, BeforeValidator(f.parse_day)]
DateOrUnknown = Annotated[str, BeforeValidator(f.period_or_text), AfterValidator(f.check_period_or_unknown),
                          WithJsonSchema({"anyOf": [
                              {"type": "integer", "minimum": 1000, "maximum": 9999},
                              {"type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|unknown)$"}]})]
LanguageCode = Annotated[str, AfterValidator(f.check_text), AfterValidator(f.check_language),
                         WithJsonSchema({"type": "string", "pattern": "^[a-z]{2,3}$"})]
Count = Annotated[StrictInt, Field(ge=0)]


class Kind(str, Enum):
    """What an organisation is within the Movement."""

    NATIONAL_SOCIETY = "national-society"
    ICRC = "icrc"
    IFRC = "ifrc"


class Visibility(str, Enum):
    """Where a contact may appear: public website, or the access-controlled network edition only."""

    PUBLIC = "public"
    NETWORK = "network"


class Role(str, Enum):
    """What an organisation is in a network; labels for each language live in data/labels.yml."""

    MEMBER = "member"
    PARTNER = "partner"
    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    VICE_CHAIR = "vice-chair"
    SECRETARIAT_HOST = "secretariat-host"


class Region(str, Enum):
    """The IFRC region a network works in (a key, so every language can label it)."""

    AFRICA = "africa"
    AMERICAS = "americas"
    ASIA_PACIFIC = "asia-pacific"
    EUROPE = "europe"
    MENA = "middle-east-north-africa"


class FactKey(str, Enum):
    """What a network figure counts; add a key here (and its labels) to record a new kind."""

    FOUNDING_MEMBERS = "founding-members"
    ENGAGED_NATIONAL_SOCIETIES = "engaged-national-societies"
    ENGAGED_ORGANISATIONS = "engaged-organisations"
    MEMBER_NATIONAL_SOCIETIES = "member-national-societies"
    WORKING_GROUPS = "working-groups"
    NATIONAL_SOCIETIES_IN_WORKING_GROUPS = "national-societies-in-working-groups"


def at(path: tuple[str | int, ...], message: str) -> PydanticCustomError:
    """An error about a field of the model being validated (path relative to that model)."""
    return PydanticCustomError("kb_at", "{message}", {"message": message, "at": path})


class Strict(BaseModel):
    """Base: unknown keys are errors, an empty value is an error, models are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @field_validator("*", mode="before")
    @classmethod
    def _not_empty(cls, value: Any) -> Any:
        """A key written with nothing after it: ask for a value or removal of the line."""
        if value is None:
            raise PydanticCustomError("kb", "{message}", {
                "message": "is empty; write a value or remove the line"})
        return value


class Names(Strict):
    """A name in several languages; English is required, pages fall back to it."""

    en: Name = Field(description="English (required)")
    fr: Name | None = Field(None, description="French")
    es: Name | None = Field(None, description="Spanish")
    ar: Name | None = Field(None, description="Arabic")

    def get(self, lang: str) -> str:
        """The text in a language, or the English text when there is no translation."""
        return getattr(self, lang, None) or self.en

    def missing(self) -> list[str]:
        """Languages without a translation, in site order."""
        return [lang for lang in LANGUAGES if not getattr(self, lang)]


class Titles(Names):
    """An event's title in several languages (longer than a name); English is required."""

    en: Title = Field(description="English (required)")
    fr: Title | None = Field(None, description="French")
    es: Title | None = Field(None, description="Spanish")
    ar: Title | None = Field(None, description="Arabic")


class Notes(Names):
    """A note in several languages (a sentence or a short paragraph); English is required."""

    en: Text = Field(description="English (required)")
    fr: Text | None = Field(None, description="French")
    es: Text | None = Field(None, description="Spanish")
    ar: Text | None = Field(None, description="Arabic")


class Contact(Strict):
    """A role-based contact (never a person's name or personal address)."""

    role: Name = Field(description="What the contact is for, e.g. 'Network secretariat'")
    email: Email | None = Field(None, description="A role-based address")
    phone: Phone | None = Field(None, description="E.164: + country code, digits only")
    visibility: Visibility = Field(
        description="public: public website; network: network edition only")
    last_verified: Day = Field(description="Date the contact was last checked (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        """A contact needs an e-mail address or a phone number."""
        if self.email is None and self.phone is None:
            raise at(("email",), "a contact needs an e-mail address or a phone number (or both); "
                     "add email: or phone:")
        return self


class Organisation(Strict):
    """A National Society, the ICRC or the IFRC: data/organisations/<id>.yml."""

    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"kind": {"const": "national-society"}}},
        "then": {"required": ["country"]},
        "else": {"not": {"required": ["country"]}},
    })

    id: Id = Field(description="Same as the file name without .yml")
    kind: Kind
    country: Country | None = Field(None, description="ISO 3166-1 alpha-2, National Societies only")
    name: Names
    website: HttpsUrl | None = None
    contacts: list[Contact] = Field(default_factory=list)
    sources: list[SourceRef] = Field(min_length=1)

    @model_validator(mode="after")
    def _country_for_national_societies(self) -> Organisation:
        """A National Society has a country; the ICRC and the IFRC have none."""
        if self.kind is Kind.NATIONAL_SOCIETY and self.country is None:
            raise at(("country",), "a National Society needs its country: add a line like "
                     "country: AU (ISO 3166-1 alpha-2 code)")
        if self.kind is not Kind.NATIONAL_SOCIETY and self.country is not None:
            raise at(("country",), f"only National Societies have a country; remove this line "
                     f"for kind {self.kind.value}")
        return self


class Fact(Strict):
    """A dated, sourced figure about a network (e.g. 35 engaged National Societies, 2018-10)."""

    key: FactKey
    value: Count
    as_of: Period | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    source: SourceRef
    note: Notes | None = Field(None, description="Needed when the source gives no date")

    @model_validator(mode="after")
    def _dated_or_explained(self) -> Fact:
        """A figure needs a date, or a note saying why its source gives none."""
        if self.as_of is None and self.note is None:
            raise at(("as_of",), "add as_of: (YYYY, YYYY-MM or YYYY-MM-DD); if the source gives no "
                     "date, add a note: saying so instead")
        return self


class Membership(Strict):
    """An organisation's place in a network: its roles and, if known, since when."""

    organisation: Id = Field(description="An id from data/organisations/")
    roles: list[Role] = Field(min_length=1)
    since: Period | None = None


class EventKind(str, Enum):
    """What happened; labels for each language live in data/labels.yml (timeline.kind.*)."""

    CREATION = "creation"
    MEETING = "meeting"
    CONFERENCE = "conference"
    PLEDGE = "pledge"
    EVALUATION = "evaluation"
    PUBLICATION = "publication"
    TRAINING = "training"


class Attendance(str, Enum):
    """How people took part; leave it out when the source does not say."""

    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"


class EventStatus(str, Enum):
    """held: it took place (as the source reports); planned: the source reports it as planned."""

    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Place(Strict):
    """Where an event took place: a city (in each language) and/or a country (ISO code)."""

    city: Names | None = Field(None, description="The city's name per language (en required)")
    country: Country | None = Field(None, description="ISO 3166-1 alpha-2 code")

    @model_validator(mode="after")
    def _somewhere(self) -> Place:
        """A place names a city, a country or both."""
        if self.city is None and self.country is None:
            raise at(("country",), "a place needs a country: (ISO code) or a city: (or both); "
                     "remove place: if the source does not say where")
        return self


class Event(Strict):
    """A dated, sourced event in a network's history (and, later, its calendar).

    The date has the precision the source gives: a year (2004), a month (2012-12) or a day
    (2018-06-20); a range adds `end` with the same precision. Nothing is made more precise
    than its source.
    """

    id: Id = Field(description="Stable, unique across networks (anchors, calendar UIDs)")
    kind: EventKind
    date: Period = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source")
    end: Period | None = Field(None, description="Last day/month/year of a range, same precision as date")
    title: Titles
    place: Place | None = None
    attendance: Attendance | None = Field(None, description="in-person, online or hybrid, if the source says")
    status: EventStatus = EventStatus.HELD
    source: PublicSource = Field(description="The publisher's own https:// page that reports the event")
    note: Notes | None = Field(None, description="What the reader should know about the date or source")

    @model_validator(mode="after")
    def _range(self) -> Event:
        """An end has the same precision as the date and comes after it."""
        if self.end is None:
            return self
        if len(self.end) != len(self.date):
            raise at(("end",), f"write end: like date: ({self.date} has "
                     f"{_precision(self.date)} precision, {self.end} has {_precision(self.end)} precision)")
        if self.end <= self.date:
            raise at(("end",), f"{self.end} is not after {self.date}; end: is the last "
                     "year, month or day of the event")
        return self


def _precision(value: str) -> str:
    """'year', 'month' or 'day' for YYYY, YYYY-MM, YYYY-MM-DD."""
    return {4: "year", 7: "month"}.get(len(value), "day")


class Network(Strict):
    """A network of National Societies: data/networks/<id>.yml."""

    id: Id
    acronym: Name
    name: Names
    founded: YearMonth
    region: Region
    facts: list[Fact] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list, description="Dated, sourced history")
    members: list[Membership] = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)

    def member(self, organisation: str) -> Membership | None:
        """The membership of an organisation, if it is in this network."""
        return next((m for m in self.members if m.organisation == organisation), None)

    def with_role(self, role: Role) -> list[str]:
        """Ids of the organisations holding a role, in file order."""
        return [m.organisation for m in self.members if role in m.roles]


# ---------------------------------------------------------------- library (data/resources/)

class ResourceType(str, Enum):
    """What a document is; labels for each language live in data/labels.yml (library.type.*)."""

    GUIDANCE = "guidance"
    POLICY = "policy"
    PLEDGE = "pledge"
    REPORT = "report"
    EVALUATION = "evaluation"
    TRAINING = "training"


class Resource(Strict):
    """A document the networks share: data/resources/<id>.yml, listed on the library page.

    The title is kept in the document's own language; the summary is ours, in every language.
    `date` is as precise as the source, or `unknown` with a `note` saying that the source gives none.
    """

    id: Id = Field(description="Same as the file name without .yml; the entry's anchor on the library page")
    title: Title = Field(description="The document's own title, as the publisher writes it")
    title_language: LanguageCode = Field(description="The language the title is written in (en, fr, ...)")
    languages: list[LanguageCode] = Field(min_length=1, description="Languages the document exists in")
    publisher: Names = Field(description="Who publishes the document (organisation, never a person)")
    date: DateOrUnknown = Field(description="YYYY, YYYY-MM or YYYY-MM-DD as precise as the source, "
                                            "or unknown (then a note is needed)")
    type: ResourceType
    networks: list[Id] = Field(min_length=1, description="The networks it concerns: ids from data/networks/")
    url: PublicSource = Field(description="The publisher's own https:// page of the document (never a mirror)")
    summary: Texts = Field(description="One sentence in our own words, in every language")
    source: PublicSource = Field(description="The https:// page where the facts above were read")
    note: Notes | None = Field(None, description="What the reader should know about the date or source")

    @model_validator(mode="after")
    def _consistent(self) -> Resource:
        """Languages listed once; the title's language among them; an unknown date explained."""
        seen: set[str] = set()
        for index, lang in enumerate(self.languages):
            if lang in seen:
                raise at(("languages", index), f"{lang} is listed twice; keep it once")
            seen.add(lang)
        if self.title_language not in self.languages:
            raise at(("title_language",), f"{self.title_language} is not in languages: "
                     f"({', '.join(self.languages)}); the title is in a language the document exists in")
        if self.date == f.UNKNOWN and self.note is None:
            raise at(("date",), "is unknown: add a note: saying that the source gives no date "
                     "(or write the date as YYYY, YYYY-MM or YYYY-MM-DD)")
        return self


# ---------------------------------------------------------------- glossary (data/glossary.yml)

DEFINITION_MAX = 400  # characters: one or two sentences


def _short(value: str) -> str:
    """A glossary definition stays short: one or two sentences."""
    if len(value) > DEFINITION_MAX:
        f.fail(f"is {len(value)} characters long; keep a definition to one or two sentences "
               f"(at most {DEFINITION_MAX} characters)")
    return value


Short = Annotated[str, AfterValidator(_short), AfterValidator(f.check_text)]


class Texts(Strict):
    """A text required in every language of the site (no fallback)."""

    en: Text = Field(description="English")
    fr: Text = Field(description="French")
    es: Text = Field(description="Spanish")
    ar: Text = Field(description="Arabic")

    def get(self, lang: str) -> str:
        """The text in a language (English for a language the site does not have)."""
        return getattr(self, lang, None) or self.en


class TermNames(Texts):
    """A glossary term in every language of the site (a name: at most 200 characters each)."""

    en: Name = Field(description="English")
    fr: Name = Field(description="French")
    es: Name = Field(description="Spanish")
    ar: Name = Field(description="Arabic")


class Definition(Texts):
    """A short definition in every language, in our own words."""

    en: Short = Field(description="English, one or two sentences")
    fr: Short = Field(description="French")
    es: Short = Field(description="Spanish")
    ar: Short = Field(description="Arabic")


class Forms(Strict):
    """Other ways a page may write the term (plural, synonym, abbreviation), per language."""

    en: list[Name] = Field(default_factory=list)
    fr: list[Name] = Field(default_factory=list)
    es: list[Name] = Field(default_factory=list)
    ar: list[Name] = Field(default_factory=list)


class Term(Strict):
    """One glossary entry: the term and its definition in every language, and its sources."""

    id: Id = Field(description="Stable anchor on the glossary page, e.g. informed-consent")
    term: TermNames
    also: Forms = Field(default_factory=Forms, description="Other forms that count as a use")
    definition: Definition
    sources: list[PublicSource] = Field(min_length=1)

    def forms(self, lang: str) -> list[str]:
        """Every way the term is written in a language: the term first, then the other forms."""
        return [self.term.get(lang), *getattr(self.also, lang, [])]


class Glossary(Strict):
    """data/glossary.yml: the key terms, shown on the glossary page and at their first use."""

    terms: list[Term] = Field(min_length=1)
