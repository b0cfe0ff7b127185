"""When a yearly event (data/events.yml) happens: each year's occurrence, from the dated edition
editors added for that year or, without one, from the event's usual timing.

An occurrence is exact when its days are known (an edition with days, a fixed date, an RRULE, a
feast that moves with Orthodox Easter) and approximate when only a month, a part of a month or a
season is (then `first` and `last` bound the days it may fall on, and pages say "usually").
"Upcoming" means not over on the build date and starting within the next 12 months; the build
date comes from citysite.dates.build_moment (SOURCE_DATE_EPOCH in tests and reproducible builds).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import get_args

from dateutil.easter import EASTER_ORTHODOX, easter
from dateutil.rrule import rrulestr

from .data.model import Edition, Event, Season, Usually
from .data.when import MonthPart, When

HORIZON_DAYS = 365  # "the next 12 months"
SEASON_DAYS = 31  # a usual period longer than a month is a season the event lasts (Occurrence.fills_its_period)
SEASONS: tuple[str, ...] = get_args(Season)


@dataclass(frozen=True)
class Occurrence:
    """One year's occurrence of a yearly event."""

    event_id: str
    year: int  # the year it starts in (the year an edition of it would give)
    first: dt.date  # its first day; for an approximate one, the first day it may start on
    last: dt.date  # its last day; for an approximate one, the last day it may end on
    exact: bool  # whether the days are known
    time: dt.time | None = None  # the start time, when known (Khabarovsk time)
    edition: Edition | None = None  # the announced edition these dates come from, if any
    period: tuple[MonthPart, MonthPart] | None = None  # usual month/part (or season) of an approximate one
    status: str = "scheduled"  # scheduled, cancelled or postponed (from the edition)

    def is_on(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    @property
    def fills_its_period(self) -> bool:
        """Whether the event is on every day from `first` to `last`: its days are known, or its usual
        period is a season of more than a month (a New Year town, the hockey season), not a few
        days some time in a month or part of one (AmurFest in "early July", City Day in "late May or
        early June"), which is only possibly on while its period lasts (a Korean family on 8 July
        read AmurFest as "Now"; its days in past years had been the 4th to the 6th)."""
        return self.exact or (self.last - self.first).days >= SEASON_DAYS

    @property
    def first_day_known(self) -> bool:
        """Whether its first day is known: its days are, or an announced edition gives the day a
        season opens (the rink: "from 12 December")."""
        return self.exact or (self.edition is not None and self.edition.start.precision in ("day", "time"))

    @property
    def start(self) -> When:
        """The first day as a When (with the time when known), for calendars and JSON-LD."""
        if self.time is not None:
            return When(self.first.year, self.first.month, self.first.day, self.time.hour, self.time.minute)
        return When(self.first.year, self.first.month, self.first.day)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Julian computus, given in the Gregorian calendar)."""
    return easter(year, EASTER_ORTHODOX)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(first: dt.date, days: int | None) -> dt.date:
    return first + dt.timedelta(days=(days or 1) - 1)


def usual_occurrences(event_id: str, usually: Usually, year: int) -> list[Occurrence]:
    """The occurrences the usual timing gives for the season starting in `year` (one, or several for
    an RRULE that falls more than once a year)."""
    kind = usually.kind
    if kind == "date":
        first = usually.date.in_year(year)
        last = first
        if usually.end is not None:
            last = usually.end.in_year(year if usually.end >= usually.date else year + 1)
        return [Occurrence(event_id, year, first, last, True, usually.time)]
    if kind == "moveable":
        first = orthodox_easter(year) + dt.timedelta(days=usually.offset_days or 0)
        return [Occurrence(event_id, year, first, _span(first, usually.days), True, usually.time)]
    if kind == "rule":
        start = dt.datetime(year, 1, 1)
        dates = rrulestr(usually.rule, dtstart=start).between(start, dt.datetime(year, 12, 31, 23, 59), inc=True)
        return [Occurrence(event_id, year, day.date(), _span(day.date(), usually.days), True, usually.time)
                for day in dates]
    if kind == "month":
        part = MonthPart(usually.month, usually.part)
        return [Occurrence(event_id, year, part.first_day(year), part.last_day(year), False, period=(part, part))]
    begin, end = usually.from_, usually.to
    return [Occurrence(event_id, year, begin.first_day(year), _season_end(usually, year), False, period=(begin, end))]


def _season_end(usually: Usually, year: int) -> dt.date:
    """The last day of the season (usually from/to) that begins in `year`."""
    begin, end = usually.from_, usually.to
    end_year = year if (end.month, end.first_day(2001)) >= (begin.month, begin.first_day(2001)) else year + 1
    return end.last_day(end_year)


def edition_occurrence(event_id: str, edition: Edition, usually: Usually | None) -> Occurrence:
    """The occurrence an announced edition gives: exact when it has days. An edition of a season
    (the rink, a New Year town) that gives only its first day ("opened on 13 December", as the news
    says) lasts until the season usually ends: it was a day, and the rink left the lists the day
    after it opened. A cancelled one lasted nothing: it is its day or month ("May 2020: cancelled",
    not "from May 2020")."""
    if edition.end is None and usually is not None and usually.kind == "from" and edition.status != "cancelled":
        begin = edition.start.first_day()
        return Occurrence(event_id, edition.year, begin, _season_end(usually, begin.year), False, None, edition,
                          status=edition.status)
    start, end = edition.start, edition.end or edition.start
    exact = start.precision == "day" and end.precision in ("day", "time")
    return Occurrence(event_id, edition.year, start.first_day(), end.last_day(), exact,
                      edition.time if exact else None, edition, status=edition.status)


def occurrences_between(event: Event, first_day: dt.date, last_day: dt.date) -> list[Occurrence]:
    """Every occurrence of `event` that is on during [first_day, last_day], in date order; a year with
    an edition takes its dates from the edition."""
    editions = {edition.year: edition for edition in event.editions}
    found = []
    for year in range(first_day.year - 1, last_day.year + 1):
        if year in editions:
            candidates = [edition_occurrence(event.id, editions[year], event.usually)]
        else:  # an event held once has no other years
            candidates = usual_occurrences(event.id, event.usually, year) if event.usually else []
        found += [occ for occ in candidates if occ.last >= first_day and occ.first <= last_day]
    return sorted(found, key=lambda occ: (occ.first, occ.last))


def upcoming(event: Event, today: dt.date, horizon_days: int = HORIZON_DAYS) -> list[Occurrence]:
    """The occurrences not over on `today` that start within `horizon_days` (the next 12 months)."""
    return occurrences_between(event, today, today + dt.timedelta(days=horizon_days - 1))


def next_occurrence(event: Event, today: dt.date) -> Occurrence | None:
    """The first occurrence not over on `today`, however far ahead (None if none in three years)."""
    found = occurrences_between(event, today, today + dt.timedelta(days=3 * 366))
    return found[0] if found else None


def history(event: Event, today: dt.date) -> list[Edition]:
    """The editions that are over on `today`, newest first: the event's history."""
    past = [edition for edition in event.editions if edition_occurrence(event.id, edition, event.usually).last < today]
    return sorted(past, key=lambda edition: edition.start.first_day(), reverse=True)


def season_of(day: dt.date) -> tuple[str, int]:
    """("winter", 2026) for any day from December 2026 to February 2027; ("spring", 2027) for March
    to May 2027, then summer (June-August) and autumn (September-November)."""
    if day.month == 12:
        return "winter", day.year
    if day.month <= 2:
        return "winter", day.year - 1
    return SEASONS[(day.month - 3) // 3 + 1], day.year


def season_planned_for(today: dt.date) -> tuple[str, int]:
    """The season a visitor plans for: that of the day two weeks after `today` (a little ahead)."""
    return season_of(today + dt.timedelta(days=14))


def season_start(season: tuple[str, int]) -> dt.date:
    """The first day of a season: ("winter", 2026) starts on 1 December 2026."""
    name, year = season
    return dt.date(year, {"winter": 12, "spring": 3, "summer": 6, "autumn": 9}[name], 1)


def season_end(season: tuple[str, int]) -> dt.date:
    """The last day of a season: ("winter", 2026) ends on 28 February 2027."""
    start = season_start(season)
    months = start.month + 2  # the season's third month
    return dt.date(start.year + months // 12, months % 12 + 1, 1) - dt.timedelta(days=1)


def month_key(day: dt.date) -> str:
    """"2026-12": the anchor of a month's section on the events page."""
    return f"{day.year:04d}-{day.month:02d}"
