"""The typed records behind data/venues.yml, data/partners.yml and data/events.yml.

These dataclasses are the one definition of the data: the loader validates editors' YAML
against them, and `make schema` writes the JSON Schema that editors' YAML tools read from
them. Checks that need one record only live here; checks across records live in load.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import field
from typing import Annotated, Any, Literal

from babel import Locale
from dateutil.rrule import rrulestr
from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic.dataclasses import dataclass

from ..languages import DEFAULT_LANGUAGE, LANGUAGES

STRICT = ConfigDict(extra="forbid", frozen=True)
KHABAROVSK_TZ = "Asia/Vladivostok"  # UTC+10 all year, the zone Khabarovsk keeps (no DST)
KHABAROVSK_UTC_OFFSET = dt.timezone(dt.timedelta(hours=10))
KHABAROVSK_CENTRE = (48.4800, 135.0717)  # Lenin Square
# The city's territory along the Amur, generously: the airport and the Amur bridge are inside.
CITY_BOUNDS = {"lat": (48.33, 48.62), "lon": (134.90, 135.26)}

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


def _check_country(value: str) -> str:
    if value not in Locale("en").territories or not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(
            f"'{value}' is not an ISO 3166 country code; use two capital letters such as JP, CN, KR, US"
        )
    return value


CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166 code: JP, CN, KR..."}),
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


@dataclass(frozen=True, order=True)
class When:
    """A date as precise as the source: a year, a month, a day, or a day and a time (Khabarovsk time)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?$")
    FORMS = "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM or YYYY"

    @classmethod
    def parse(cls, value: Any) -> When:
        if isinstance(value, When):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"write the date as text: {cls.FORMS}")
        match = cls.PATTERN.match(str(value).strip())
        if not match:
            raise ValueError(f"'{value}' is not a date; write {cls.FORMS}, e.g. 2019-05-26")
        year, month, day, hour, minute = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{value}': there is no month {month}; months go from 01 to 12")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"'{value}' does not exist: {calendar.month_name[month]} {year} has {last} days"
                )
        if hour is not None and (hour > 23 or minute > 59):
            raise ValueError(f"'{value}': the time must be between 00:00 and 23:59")
        return cls(year, month, day, hour, minute)

    @property
    def precision(self) -> Literal["year", "month", "day", "time"]:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day" if self.hour is None else "time"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def as_datetime(self) -> dt.datetime | None:
        """Start as an aware datetime in Khabarovsk time, when a time is given."""
        if self.hour is None:
            return None
        return dt.datetime(self.year, self.month, self.day, self.hour, self.minute, tzinfo=KHABAROVSK_UTC_OFFSET)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        return text


DateField = Annotated[
    When,
    PlainValidator(When.parse),
    PlainSerializer(str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2})?)?)?$",
            "description": "A date in Khabarovsk time, as precise as known: "
            "2019-05-26, 2019-05-26 18:00, 2019-05 or 2019.",
        }
    ),
]


def _check_recurrence(value: str) -> str:
    if value == "yearly":
        return value
    try:
        rrulestr(value, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise ValueError(
            f"'{value}' is not a repeat rule ({error}); write 'yearly' (same date every year) or an "
            f"iCalendar RRULE such as FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU (last Sunday of May)"
        ) from None
    if not value.startswith("FREQ="):
        raise ValueError(f"'{value}': an RRULE starts with FREQ=, e.g. FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU")
    return value


Recurrence = Annotated[
    str,
    AfterValidator(_check_recurrence),
    WithJsonSchema(
        {
            "type": "string",
            "description": "'yearly', or an iCalendar RRULE such as FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU",
        }
    ),
]


def _in_city(axis: str):
    low, high = CITY_BOUNDS[axis]

    def check(value: float) -> float:
        if not low <= value <= high:
            raise ValueError(
                f"{value} is outside Khabarovsk ({axis} {low}..{high}); a venue must be in the city: "
                f"check the number and that lat and lon are not swapped"
            )
        return value

    return AfterValidator(check)


CityLat = Annotated[float, _in_city("lat")]
CityLon = Annotated[float, _in_city("lon")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


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
