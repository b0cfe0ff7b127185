"""The typed records behind data/venues.yml, data/partners.yml and data/events.yml.

These dataclasses are the one definition of the data: the loader validates editors' YAML
against them, and `make schema` writes the JSON Schema that editors' YAML tools read from
them. Checks that need one record only live here; checks across records live in load.py.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic.dataclasses import dataclass

from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from .geo import CityLat, CityLon, CountryCode, Latitude, Longitude
from .when import DateField, Recurrence

STRICT = ConfigDict(extra="forbid", frozen=True)

REQUIRED_LANGUAGES = ("en", "ru")
OPTIONAL_LANGUAGES = tuple(lang for lang in LANGUAGES if lang not in REQUIRED_LANGUAGES)

VenueCategory = Literal[
    "square", "riverside", "park", "monument", "museum", "stage", "church", "sports", "transport"
]
EventCategory = Literal[
    "festival", "concert", "exhibition", "conference", "delegation", "business", "sports",
    "exchange", "health", "ecology", "holiday",
]
PartnerStatus = Literal["sister", "friendly", "partner"]
HOME_CITY = "khabarovsk"  # `city: khabarovsk` = in Khabarovsk, venue not known

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Lowercase latin letters, digits and hyphens, e.g. city-day-2019. Used in URLs.",
    ),
]
NonEmpty = Annotated[str, Field(min_length=1)]


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*\.[^\s]{2,}", value):
        raise ValueError(f"'{value}' is not a web address; write it in full, starting with https://")
    return value


Url = Annotated[str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri"})]

# seed: the 2019 report; page: a web page (full address, then an optional note); reference: the
# research notes in shared/reference/ (naming the sites they read); code: a public dataset;
# estimate, general: how a value was worked out, general knowledge; note: a remark for editors.
SOURCE_KINDS = ("seed", "page", "reference", "code", "estimate", "general", "note")


def source_parts(source: str) -> tuple[str, str]:
    """("page", "https://...") from "page:https://... (a note)": the kind and, for a page, its address
    alone; for the other kinds, the whole text after the colon."""
    kind, _, detail = (part.strip() for part in source.partition(":"))
    return kind, detail.split()[0] if kind == "page" and detail else detail


def _check_source(value: str) -> str:
    kind, detail = source_parts(value)
    if kind not in SOURCE_KINDS or not (detail or kind == "seed"):
        raise ValueError(
            f"'{value}' does not say what kind of source it is; start it with one of "
            + ", ".join(f"'{name}:'" for name in SOURCE_KINDS)
            + " and say what after the colon (a bare 'seed' means the 2019 report)"
        )
    if kind == "page":
        _check_url(detail)
    return value


Source = Annotated[
    str,
    AfterValidator(_check_source),
    Field(description='"seed: <quote>", "page:<URL> (note)", "reference: ...", "code:<id>", "estimate: ...", '
                      '"general: ..." or "note: ..."'),
]


@dataclass(config=STRICT)
class Text:
    """A text in the site's languages; English and Russian are required, the others fall back to English."""

    en: NonEmpty
    ru: NonEmpty
    zh: NonEmpty | None = None
    ja: NonEmpty | None = None
    ko: NonEmpty | None = None

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang) or getattr(self, DEFAULT_LANGUAGE)

    def shown_in(self, lang: str) -> str:
        """The language self[lang] is written in: `lang`, or English standing in for it."""
        return lang if getattr(self, lang) else DEFAULT_LANGUAGE

    def paragraphs(self, lang: str) -> list[str]:
        """self[lang] split at blank lines, each paragraph on one line."""
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", self[lang].strip()) if part.strip()]

    def missing(self) -> list[str]:
        """Optional languages not written yet (shown in English meanwhile)."""
        return [lang for lang in OPTIONAL_LANGUAGES if not getattr(self, lang)]


@dataclass(config=STRICT)
class Address:
    en: NonEmpty
    ru: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en

    def shown_in(self, lang: str) -> str:
        return "ru" if lang == "ru" else "en"


@dataclass(config=STRICT)
class Venue:
    """A place in Khabarovsk where tourist events are held."""

    id: Slug
    name: Text
    category: VenueCategory
    address: Address
    lat: CityLat
    lon: CityLon
    description: Text
    sources: list[Source] = Field(min_length=1)
    website: Url | None = None
    capacity: Annotated[int, Field(gt=0)] | None = None


@dataclass(config=STRICT)
class Partner:
    """A sister, friendly or partner city of Khabarovsk."""

    id: Slug
    name: Text
    country: CountryCode
    status: PartnerStatus
    lat: Latitude
    lon: Longitude
    summary: Text
    sources: list[Source] = Field(min_length=1)
    since: DateField | None = None
    note: Text | None = None
    website: Url | None = None


@dataclass(config=STRICT)
class Place:
    """Where an event happened when it is neither at a venue nor in a partner city."""

    name: Text
    lat: Latitude | None = None
    lon: Longitude | None = None


@dataclass(config=STRICT)
class Event:
    """Something that happens on a date: in Khabarovsk (venues or city: khabarovsk), in a
    partner city (city: <partner id>) or elsewhere (place)."""

    id: Slug
    title: Text
    summary: Text
    start: DateField
    category: EventCategory
    sources: list[Source] = Field(min_length=1)
    end: DateField | None = None
    venues: list[Slug] = field(default_factory=list)
    city: Slug | None = None
    place: Place | None = None
    partners: list[Slug] = field(default_factory=list)
    recurrence: Recurrence | None = None
    website: Url | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        where = [name for name, value in (("venues", self.venues), ("city", self.city), ("place", self.place)) if value]
        if len(where) != 1:
            raise ValueError(
                "venues: say where the event is with exactly one of: venues (ids from venues.yml), "
                "city (a partner city id, or khabarovsk when the venue is not known), place (elsewhere)"
                + (f"; it has {', '.join(where)}" if where else "")
            )
        if self.end is not None and self.end.last_day() < self.start.first_day():
            raise ValueError(f"end: {self.end} is before start {self.start}; swap them or fix the dates")
        if self.recurrence and self.start.precision not in ("day", "time"):
            raise ValueError("recurrence: a repeating event needs a start day (YYYY-MM-DD) to repeat from")
        return self

    @property
    def in_khabarovsk(self) -> bool:
        return bool(self.venues) or self.city == HOME_CITY
