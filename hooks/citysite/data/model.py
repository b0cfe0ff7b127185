"""The typed records behind data/venues.yml, data/partners.yml and data/events.yml.

These dataclasses are the one definition of the data: the loader validates editors' YAML
against them, and `make schema` writes the JSON Schema that editors' YAML tools read from
them. Checks that need one record only live here; checks across records live in load.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import field
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic.dataclasses import dataclass

from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from ..messages import Message
from .geo import KHABAROVSK_UTC_OFFSET, CityLat, CityLon, CountryCode, Latitude, Longitude
from .hours import HoursSpec
from .sources import ENCYCLOPEDIAS, PRIVATE_PATH, RETIRED_KINDS, SOURCE_KINDS, blocked_host, is_public, source_parts
from .when import DateField, MonthDayField, MonthPart, Part, Recurrence, TimeField, When, rrule_parts

STRICT = ConfigDict(extra="forbid", frozen=True)


class FieldProblem(ValueError):
    """A problem of one field, found by a check of the whole entry (or of the field itself): shown as
    it is, without a 'name:' label in front (the message names the field where it helps), on the line
    of `path` (the field, or a part of it: ("alt", "ko")) below the place pydantic reports."""

    def __init__(self, message: str, *path: str):
        super().__init__(message)
        self.path = path


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
# Categories of the yearly events a visitor can attend (data/events.yml); the 2019 chronicle
# (data/chronicle.yml) uses EventCategory. Each has a label in data/ui.yml (event_category_...).
VisitorCategory = Literal["holiday", "festival", "concert", "fair", "exhibition", "museum", "sports", "religious"]
Price = Literal["free", "ticket"]
# The seasons as the events page groups the months (citysite.schedule.season_of): winter is
# December to February.
Season = Literal["winter", "spring", "summer", "autumn"]
EditionStatus = Literal["scheduled", "cancelled", "postponed"]
HOME_CITY = "khabarovsk"  # `city: khabarovsk` = in Khabarovsk, venue not known

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        description="Lowercase latin letters, digits and hyphens, e.g. city-day-2019. Used in URLs.",
    ),
]
def _not_a_placeholder(value: str) -> str:
    """A text with a letter or a digit: the guide's examples write `zh: ...`, and copied as they
    were, "..." passed as the Chinese text (an editor's walkthrough)."""
    if not re.search(r"[^\W_]", value):
        raise ValueError(Message("placeholder_text", value=value.strip()))
    return value


# Formatting an editor of Markdown pages writes into a data text, which the site shows as it is:
# **bold**, __bold__, <b>, a link [text](https://…) or <a href> (an editors' walkthrough saw them on the
# page, in its description for search engines and in link previews). Anything else, a <script>
# included, is shown as the text it is: every page escapes data text (tests/test_data_pages.py).
_MARKUP = re.compile(r"\*\*|__|\]\(\s*https?://|</?(?:a|b|i|u|em|strong|br|p|span|font|div|mark|small|sup|sub|"
                     r"h[1-6]|ul|ol|li)\b[^>]*>", re.IGNORECASE)
# Invisible characters a paste from Word leaves: soft hyphens (the site's search missed «мас­тер-классы»),
# zero-width spaces and joiners, a byte-order mark.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")


def _plain_text(value: str) -> str:
    """A data text as the site shows it: no formatting (an error), nothing invisible (dropped)."""
    if found := _MARKUP.search(value):
        raise ValueError(Message("markup_in_text", found=found[0] if len(found[0]) <= 40 else found[0][:39] + "…"))
    return value.translate(_INVISIBLE)


NonEmpty = Annotated[str, Field(min_length=1, pattern=r"\S"), AfterValidator(_not_a_placeholder),
                     AfterValidator(_plain_text)]  # not empty, not spaces alone, not "...", not formatted


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*\.[^\s]{2,}", value):
        raise ValueError(f"'{value}' is not a web address; write it in full, starting with https://")
    return value


# A picture's original under media/ (data/images.yml), lowercase: hosts tell Photo.JPG from photo.jpg.
MEDIA_PATH = r"^media/[a-z0-9._/-]+\.(jpe?g|png|webp|svg)$"
Url = Annotated[str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri"})]


def _check_source(value: str) -> str:
    kind, detail = source_parts(value)
    if kind in RETIRED_KINDS:
        raise ValueError(f"'{value}': '{kind}:' is no longer a kind of source; {RETIRED_KINDS[kind]}")
    if re.match(r"(https?://|www\.)", value.strip()):  # a web address alone: it is a page
        address = value.strip() if value.strip().startswith("http") else f"https://{value.strip()}"
        raise ValueError(Message("source_kind.page", value=value, address=address))
    if kind not in SOURCE_KINDS or not (detail or kind == "seed"):
        raise ValueError(
            f"'{value}' does not say what kind of source it is; start it with one of "
            + ", ".join(f"'{name}:'" for name in SOURCE_KINDS)
            + " and say what after the colon (a bare 'seed' means the 2019 report)"
        )
    if PRIVATE_PATH.search(value):
        raise ValueError(
            f"'{value}' cites a file of the project's research (shared/, reference/, notes.md), which "
            "visitors and reviewers cannot open; cite the public page it read ('page:https://...') or "
            "the 2019 report ('seed: <quote>')"
        )
    if kind == "page":
        _check_url(detail)
        rest = value.partition(detail)[2].strip()  # after the address: nothing, or its note in brackets
        if rest and not rest.startswith("("):  # "page:https://tass.ru/obschestvo/ 25786417 (TASS...)"
            raise ValueError(Message("source_after_address", value=value, address=detail, rest=rest.split()[0]))
        if blocked_host(detail, ENCYCLOPEDIAS):  # ru.wikipedia.org: it cites its sources; cite them
            raise ValueError(Message("source_wikipedia", value=value))
        host = blocked_host(detail)
        if host:
            raise ValueError(
                f"'{value}' is on {host}, a site that copies, reposts or aggregates other pages; cite "
                "the original (the city, the venue, the partner city, the organiser, an official body "
                "or established media), or leave the fact out"
            )
    return value


def _check_visible(sources: list[str]) -> list[str]:
    if sources and not any(is_public(source) for source in sources):
        raise ValueError(
            "has no source a visitor can check; add the 2019 report (\"seed: <quote>\") or a web page "
            "(\"page:https://...\") for the facts shown (code:, estimate:, general: and note: are for editors)"
        )
    return sources


Source = Annotated[
    str,
    AfterValidator(_check_source),
    Field(description='"seed: <quote>", "page:<URL> (note)", "code:<id>", "estimate: ...", '
                      '"general: ..." or "note: ..."'),
]
# At least one source, and at least one of them shown to visitors (seed: or page:).
Sources = Annotated[list[Source], AfterValidator(_check_visible)]


def _check_announced(sources: list[str]) -> list[str]:
    if sources and not any(is_public(source) for source in sources):
        raise ValueError(Message("edition.no_visible_source"))
    return sources


def _check_edition_source(value: str) -> str:
    """A year's dates are sourced by the page that announced them: a source without its kind is
    offered as that page's note (the list of every kind had led an editor to `general:`)."""
    kind, _ = source_parts(value)
    if kind not in SOURCE_KINDS and kind not in RETIRED_KINDS and not re.match(r"(https?://|www\.)", value.strip()):
        raise ValueError(Message("edition.source_kind", value=value))
    return _check_source(value)


# A year's dates: the page that announced them (an editor's yearly update cited a note for dates
# the organiser had not yet given, and was told to add the 2019 report)
EditionSources = Annotated[
    list[Annotated[str, AfterValidator(_check_edition_source),
                   Field(description='"page:<URL> (who announced the dates, and when)"')]],
    AfterValidator(_check_announced),
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

    def first_sentence(self, lang: str) -> str:
        """The first sentence of self[lang] (its first paragraph's): what a place is, on its card.
        A sentence ends at . ! ? before a space and anything but a small letter («в 1902 г. у
        площади» goes on), or at 。！？."""
        paragraph = self.paragraphs(lang)[0]
        return re.split(r"(?<=[.!?])\s+(?=[^a-zа-яё])|(?<=[。！？])", paragraph, maxsplit=1)[0].strip()

    def missing(self) -> list[str]:
        """Optional languages not written yet (shown in English meanwhile)."""
        return [lang for lang in OPTIONAL_LANGUAGES if not getattr(self, lang)]


@dataclass(config=STRICT)
class Address(Text):
    """Where a venue is, described for a visitor in each language (zh, ja, ko: street names as in
    the glossary); `ru` is the Russian postal address, which pages show large for a taxi driver and
    map apps understand. `en` is the English description, street names transliterated."""


# --- a venue's practical facts (hours, tickets, phone, step-free access, stop, closures) -------------
# Each carries its sources (at least one public page, whose own date goes in the note) and the day
# an editor checked it: such facts change, and a reader should see how fresh they are.

# When.parse's messages whose fix is a day, or two: kept for a field that takes a day only; its other
# messages offer a month or a year too, which such a field refuses next (an editor's walkthrough).
_DAY_FIXES = ("not_a_date.suggest", "not_a_date.range", "no_such_month.swapped")


def _one_day(value: object, message: Message) -> When:
    """`value` as a whole day, or `message` (When.parse's own where its fix is a day)."""
    try:
        day = When.parse(value)
    except ValueError as error:
        found = error.args[0] if error.args else None
        raise ValueError(found if getattr(found, "id", None) in _DAY_FIXES else message) from None
    if day.precision != "day":
        raise ValueError(message)
    return day


def _checked_day(value: object) -> When:
    day = _one_day(value, Message("not_a_checked_day", value=value))
    # Today in Khabarovsk by the clock (not the build date: the tests build on a fixed earlier day).
    if day.first_day() > dt.datetime.now(KHABAROVSK_UTC_OFFSET).date():
        raise ValueError(Message("checked_in_future", value=value))
    return day


def _day_field(check, description: str) -> object:
    """A When that `check` accepts only as a whole day, written "YYYY-MM-DD"."""
    return Annotated[When, PlainValidator(check), PlainSerializer(str),
                     WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": description})]


CheckedOn = _day_field(_checked_day, "The day an editor checked the fact on its source, YYYY-MM-DD.")
CheckedSources = Annotated[
    list[Source],
    Field(min_length=1, description="Where the fact was read: at least one 'page:<URL> (the page's own date)'."),
]


def _has_page(sources: list[str]) -> None:
    if not any(source_parts(source)[0] == "page" for source in sources):
        raise ValueError(
            "sources: a practical fact needs a 'page:' source, the web page it was read on "
            "(\"page:https://... (the page's own date)\")"
        )


@dataclass(config=STRICT)
class Hours:
    """Opening hours: `spec` in the OpenStreetMap opening_hours syntax, a `note`, or both."""

    sources: CheckedSources
    checked: CheckedOn
    spec: HoursSpec | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Hours:
        if self.spec is None and self.note is None:
            raise ValueError(Message("hours_spec_or_note"))
        _has_page(self.sources)
        return self


@dataclass(config=STRICT)
class Tickets:
    """Admission: free, or paid (with the adult price in roubles when a source gives it)."""

    free: bool
    sources: CheckedSources
    checked: CheckedOn
    price: Annotated[int, Field(gt=0, description="Full adult ticket, roubles")] | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Tickets:
        if self.free and self.price is not None:
            raise ValueError("free admission has no price; remove 'price' or write 'free: false'")
        _has_page(self.sources)
        return self


# What Word or a web page puts in a pasted number: spaces that do not break, dashes that are no hyphen
_PASTED_IN_NUMBERS = str.maketrans({**dict.fromkeys("\u00a0\u2007\u202f\u2009", " "),
                                    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-")})


def _check_phone(value: str) -> str:
    """The number as a call link dials it; spaces and dashes pasted from Word or a web page made plain."""
    value = value.translate(_PASTED_IN_NUMBERS)
    words = re.search(r"[^\W\d_]{2,}.*", value)
    number = value[:words.start()].strip(" (,;") if words else value
    extension = re.match(r"(?:доб|ext)\w*\.?\s*(\d+)", words[0], re.IGNORECASE) if words else None
    if re.match(r"8[\s(]*\d", number) and len(re.sub(r"\D", "", number)) == 11:  # 8 (4212) 47-71-58, as
        # Russians write it (an editor read "write it in full" as already done)
        number = re.sub(r"\s+", " ", ("+7 " + number[1:]).replace("(", " ").replace(")", " ")).strip()
        if not extension:
            raise ValueError(Message("phone.eight", value=value, fixed=number))
    if extension and re.match(r"[+8]\d", number):  # `… доб. 2`: an extension is no description
        raise ValueError(Message("phone.extension", value=value, number=number, ext=extension[1]))
    if words and re.match(r"\+\d", value):  # `+7 4212 00-00-00 (касса)`
        raise ValueError(Message("phone.words", value=value, words=words[0].strip("() ")))
    if not re.fullmatch(r"\+\d[\d ()-]{6,20}\d", value) or len(re.sub(r"\D", "", value)) < 10:
        raise ValueError(f"'{value}' is not a phone number; write it in full with the country code, "
                         "e.g. +7 4212 47-71-58")
    digits = re.sub(r"\D", "", value)
    if digits.startswith("7") and len(digits) != 11:  # a digit left out: the call link rang nobody
        raise ValueError(Message("phone.russian_digits", value=value, count=len(digits) - 1))
    return value


@dataclass(config=STRICT)
class Phone:
    number: Annotated[str, AfterValidator(_check_phone), Field(description="With the country code: +7 4212 47-71-58")]
    sources: CheckedSources
    checked: CheckedOn
    note: Text | None = None  # what the number is for ("box office")

    @model_validator(mode="after")
    def _sourced(self) -> Phone:
        _has_page(self.sources)
        return self


@dataclass(config=STRICT)
class StepFree:
    """Whether a wheelchair user can get in without steps (only as a source says)."""

    available: bool
    sources: CheckedSources
    checked: CheckedOn
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> StepFree:
        _has_page(self.sources)
        return self


def _closure_day(value: object) -> When:
    return _one_day(value, Message("closure.not_a_day", value=value))


ClosureDay = _day_field(_closure_day, "A day, YYYY-MM-DD (the closure includes it).")


LONGEST_EDITION_DAYS = 366  # a winter season's edition lasts about 200 days (HC Amur's home games)
EDITION_OVER_NEW_YEAR = 183  # the longest an edition's dates over New Year are taken to be (a winter season)


def end_before_start(start: When, end: When, longest: int = 366) -> Message:
    """The message for an `end` before its `start`. An end in an earlier month of the same year
    (start 2026-12-26, end 2026-02-23) is most likely an end in the next year, over New Year:
    swapping the two would make a season of the wrong months, so the next year's end is offered, when
    the two would then be at most `longest` days apart (an event's edition: a winter season, not the
    355 days of start 2025-12-01, end 2025-11-20; a closure for works may last most of a year)."""
    if end.year == start.year and end.month is not None and start.month is not None and end.month < start.month:
        try:
            later = When.parse(str(end).replace(f"{end.year:04d}", f"{end.year + 1:04d}", 1))
        except ValueError:  # 29 February in a year that has none
            later = None
        if later is not None and start.first_day() <= later.last_day() <= start.first_day() + dt.timedelta(days=longest):
            swapped = (start.last_day() - end.first_day()).days
            if swapped < (later.last_day() - start.first_day()).days:  # 31 March to 1 February: two months
                # swapped, not ten months over New Year (an editor's renovation, published for ten months)
                return Message("end_before_start.swapped", end=str(end), start=str(start), later=str(later))
            return Message("end_before_start.next_year", end=str(end), start=str(start), later=str(later))
    return Message("end_before_start", end=str(end), start=str(start))


@dataclass(config=STRICT)
class Closure:
    """A time the venue is closed (repairs, works), from `start` to `end`, both days included, as a
    source announces it; its page says so until the day after `end`."""

    start: ClosureDay
    end: ClosureDay
    reason: Text
    sources: CheckedSources
    checked: CheckedOn

    @model_validator(mode="after")
    def _ordered(self) -> Closure:
        if self.end.first_day() < self.start.first_day():
            raise ValueError(end_before_start(self.start, self.end))
        _has_page(self.sources)
        return self


RouteNumber = Annotated[
    str,
    BeforeValidator(lambda value: str(value) if isinstance(value, int) and not isinstance(value, bool) else value),
    Field(pattern=r"^\d{1,3}[A-Za-zА-Яа-яЁё]{0,2}$", description="A route number as on the stop: 34, 61С"),
]


@dataclass(config=STRICT)
class TransitRoutes:
    """Route numbers that a source says serve the stop (not always all of them)."""

    bus: list[RouteNumber] = field(default_factory=list)
    trolleybus: list[RouteNumber] = field(default_factory=list)
    tram: list[RouteNumber] = field(default_factory=list)


@dataclass(config=STRICT)
class TransitStop:
    """A public transport stop by the venue: its name (`ru` as on the sign) and routes."""

    name: Text
    sources: CheckedSources
    checked: CheckedOn
    routes: TransitRoutes | None = None

    @model_validator(mode="after")
    def _sourced(self) -> TransitStop:
        _has_page(self.sources)
        return self


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
    sources: Sources = Field(min_length=1)
    website: Url | None = None
    capacity: Annotated[int, Field(gt=0)] | None = None
    open_air: bool = False  # a square, street, embankment or park: no opening hours to give
    hours: Hours | None = None
    tickets: Tickets | None = None
    phone: Phone | None = None
    step_free: StepFree | None = None
    stop: TransitStop | None = None
    closed: list[Closure] = field(default_factory=list)

    def closures_ahead(self, today: dt.date) -> list[Closure]:
        """The closures not over by `today`, in order: what visitors are told."""
        return sorted((closure for closure in self.closed if closure.end.first_day() >= today),
                      key=lambda closure: closure.start.first_day())


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
    sources: Sources = Field(min_length=1)
    since: DateField | None = None
    # When the partner city (or Khabarovsk) suspended the relationship; cite it in `sources`.
    suspended: DateField | None = None
    # When one side put its exchanges on hold while the agreement stands; cite it in `sources`.
    exchanges_paused: DateField | None = None
    note: Text | None = None
    website: Url | None = None

    def pauses(self) -> list[tuple[str, When]]:
        """The relationship's pauses the city's page, the list and the map name: ("suspended", its
        date), ("exchanges_paused", its date)."""
        return [(name, date) for name in ("suspended", "exchanges_paused") if (date := getattr(self, name))]


@dataclass(config=STRICT)
class Place:
    """Where an event happened when it is neither at a venue nor in a partner city."""

    name: Text
    lat: Latitude | None = None
    lon: Longitude | None = None


@dataclass(config=STRICT)
class ChronicleEntry:
    """An entry of the city's 2019 chronicle of international cooperation (delegations, meetings,
    missions, programmes): something that happened on a date, in Khabarovsk (venues or city:
    khabarovsk), in a partner city (city: <partner id>) or elsewhere (place)."""

    id: Slug
    title: Text
    summary: Text
    start: DateField
    category: EventCategory
    sources: Sources = Field(min_length=1)
    end: DateField | None = None
    venues: list[Slug] = field(default_factory=list)
    city: Slug | None = None
    place: Place | None = None
    partners: list[Slug] = field(default_factory=list)
    website: Url | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ChronicleEntry:
        where = [name for name, value in (("venues", self.venues), ("city", self.city), ("place", self.place)) if value]
        if len(where) != 1:
            raise ValueError(
                "venues: say where the event is with exactly one of: venues (ids from venues.yml), "
                "city (a partner city id, or khabarovsk when the venue is not known), place (elsewhere)"
                + (f"; it has {', '.join(where)}" if where else "")
            )
        if self.end is not None and self.end.last_day() < self.start.first_day():
            raise ValueError(end_before_start(self.start, self.end))
        return self

    @property
    def in_khabarovsk(self) -> bool:
        return bool(self.venues) or self.city == HOME_CITY


# --- yearly events a visitor can attend (data/events.yml) -----------------------------------------

USUAL_KINDS = ("date", "rule", "moveable", "month", "from")
_USUAL_COMPANIONS = {"date": ("end", "time"), "rule": ("days", "time"), "moveable": ("offset_days", "days", "time"),
                     "month": ("part",), "from": ("to",)}


# A yearly date span that ends before it starts runs through New Year (12-25 to 01-10); one longer
# than this is an end written a day early (06-12 to 06-11: 365 days), not an event.
LONGEST_WRAP_DAYS = 250


@dataclass(config=STRICT)
class Usually:
    """When a yearly event usually happens, as precisely as its sources say; exactly one of `date`
    (a fixed day, MM-DD, to `end`), `rule` (an iCalendar RRULE, FREQ=YEARLY), `moveable`
    (orthodox-easter, `offset_days` from Easter Sunday), `month` (with an optional `part`: early,
    mid or late), or `from` and `to` (a season, each a month with an optional part). `text`
    says it in words where the generated wording is less exact than the sources."""

    date: MonthDayField | None = None
    end: MonthDayField | None = None
    rule: Recurrence | None = None
    moveable: Literal["orthodox-easter"] | None = None
    offset_days: Annotated[int, Field(ge=-200, le=200)] | None = None
    days: Annotated[int, Field(ge=1, le=31)] | None = None
    time: TimeField | None = None
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    part: Part | None = None
    from_: MonthPart | None = Field(default=None, alias="from")
    to: MonthPart | None = None
    text: Text | None = None

    def _given(self) -> list[str]:
        return [kind for kind in USUAL_KINDS if getattr(self, "from_" if kind == "from" else kind) is not None]

    @property
    def kind(self) -> str:
        return self._given()[0]

    @property
    def exact(self) -> bool:
        """True when the usual timing gives days (date, rule, moveable), not a month or a season."""
        return self.kind in ("date", "rule", "moveable")

    @model_validator(mode="after")
    def _one_kind(self) -> Usually:
        given = self._given()
        if len(given) != 1:
            has = Message("where_event_has", fields=", ".join(given)) if given else ""
            raise ValueError(Message("usually.one_kind", has=has))
        kind = given[0]
        allowed = _USUAL_COMPANIONS[kind]
        for name in ("end", "days", "time", "offset_days", "part", "to"):
            if getattr(self, name) is not None and name not in allowed:
                raise ValueError(Message("usually.not_with", name=name, kind=kind,
                                         allowed=", ".join(f"'{other}'" for other in allowed)))
        if kind == "from" and self.to is None:
            raise ValueError(Message("usually.from_needs_to"))
        if kind == "moveable" and self.offset_days is None:
            raise ValueError(Message("usually.moveable_needs_offset"))
        if kind == "date" and self.end == self.date:
            raise ValueError(Message("usually.end_same"))
        if kind == "rule" and self.rule == "yearly":
            raise ValueError(Message("usually.yearly_is_date"))
        if kind == "rule" and rrule_parts(self.rule).get("FREQ") != "YEARLY":
            raise ValueError(Message("usually.not_yearly", rule=self.rule))
        if kind == "rule":
            self._check_rule()
        if kind == "date" and self.end is not None and self.end < self.date:
            days = (self.end.in_year(2002) - self.date.in_year(2001)).days + 1
            if days > LONGEST_WRAP_DAYS:
                raise ValueError(Message("usually.end_wraps", end=str(self.end), date=str(self.date), days=days))
        return self

    def _check_rule(self) -> None:
        """An RRULE that stops (COUNT, UNTIL) or names a weekday without its month is a slip."""
        parts = rrule_parts(self.rule)
        for part in ("COUNT", "UNTIL"):
            if part in parts:
                raise ValueError(Message("usually.rule_ends", rule=self.rule, part=part))
        if "BYDAY" in parts and "BYMONTH" not in parts:
            raise ValueError(Message("usually.rule_needs_month", rule=self.rule))


@dataclass(config=STRICT)
class Edition:
    """One year's dates of a yearly event, as announced (by the city or the organiser), with their
    source. It replaces the usual timing of the year it starts in; past editions are the event's
    history."""

    start: DateField
    sources: EditionSources = Field(min_length=1)
    end: DateField | None = None
    time: TimeField | None = None
    status: EditionStatus = "scheduled"

    @model_validator(mode="after")
    def _consistent(self) -> Edition:
        if self.start.precision == "year":
            raise ValueError(Message("edition.only_year", start=str(self.start)))
        if self.start.precision == "time":
            raise ValueError(Message("edition.time_apart", day=str(self.start.first_day()),
                                     time=f"{self.start.hour:02d}:{self.start.minute:02d}"))
        if self.end is not None and self.end.last_day() < self.start.first_day():
            raise ValueError(end_before_start(self.start, self.end, longest=EDITION_OVER_NEW_YEAR))
        days = (self.end.last_day() - self.start.first_day()).days if self.end is not None else 0
        if days > LONGEST_EDITION_DAYS:  # `end: "2072-05-30"` for 2027: the site listed it "on now" for 45 years
            over_new_year = (self.end.month or 12, self.end.day or 31) < (self.start.month or 1, self.start.day or 1)
            year = self.start.year + over_new_year
            meant = str(self.end).replace(f"{self.end.year:04d}", f"{year:04d}", 1)
            raise ValueError(Message("edition.too_long", end=str(self.end), start=str(self.start), days=days,
                                     meant=meant))
        if self.time is not None and self.start.precision != "day":
            raise ValueError(Message("edition.time_needs_day"))
        return self

    @property
    def year(self) -> int:
        return self.start.year


# An editor's tool flags an event with neither `usually` nor `once: true`, as `make check` does.
_USUAL_OR_ONCE = {"anyOf": [{"required": ["usually"]}, {"required": ["once"], "properties": {"once": {"const": True}}}]}


@dataclass(config=ConfigDict(**STRICT, json_schema_extra=_USUAL_OR_ONCE))
class Event:
    """An event a visitor can attend in Khabarovsk: when it usually happens each year, the venues of
    data/venues.yml it is held at, and the dated editions editors add when they are announced. An
    event held once (`once: true`, a concert) has no usual time, only its one edition."""

    id: Slug
    title: Text
    summary: Text
    category: VisitorCategory
    venues: list[Slug] = Field(min_length=1)
    sources: Sources = Field(min_length=1)
    editions: list[Edition] = field(default_factory=list)
    usually: Usually | None = None  # required unless `once`
    once: bool = False
    price: Price | None = None
    price_note: Text | None = None
    organiser: Text | None = None
    website: Url | None = None

    @model_validator(mode="after")
    def _usual_or_once(self) -> Event:
        if self.once and self.usually is not None:
            raise ValueError(Message("event.once_and_usually"))
        if not self.once and self.usually is None:
            raise ValueError(Message("event.no_usually"))
        if self.once and len(self.editions) != 1:
            raise ValueError(Message("event.once_one_edition", count=len(self.editions)))
        return self

    @model_validator(mode="after")
    def _one_edition_a_year(self) -> Event:
        seen: dict[int, Edition] = {}
        for edition in self.editions:
            earlier = seen.setdefault(edition.year, edition)
            if earlier is edition:
                continue
            coarse = [one for one in (earlier, edition) if one.start.precision == "month"]
            if len(coarse) == 1:  # the month first, the days once announced: the month's entry stays behind
                raise ValueError(Message("editions.same_year.refined", year=edition.year, coarse=str(coarse[0].start)))
            raise ValueError(Message("editions.same_year", year=edition.year))
        return self


@dataclass(config=STRICT)
class RouteStop:
    """One stop of a walking route: a venue of data/venues.yml and what to see or do there."""

    venue: Slug
    text: Text


@dataclass(config=STRICT)
class Route:
    """A walking route through venues of data/venues.yml, stop by stop, in the order walked. The
    site works out the distances and walking times from the venues' coordinates."""

    id: Slug
    title: Text
    summary: Text
    stops: list[RouteStop] = Field(min_length=2)
    sources: Sources = Field(min_length=1)
    season: Text | None = None
    best_in: list[Season] = field(default_factory=list)  # listed first in these seasons

    @model_validator(mode="after")
    def _stops_move_on(self) -> Route:
        for number, (before, after) in enumerate(itertools.pairwise(self.stops), start=2):
            if before.venue == after.venue:
                raise ValueError(
                    f"stops: stop {number} is the same venue as stop {number - 1} ('{after.venue}'); "
                    "remove one of them"
                )
        return self
