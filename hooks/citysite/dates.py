"""Dates for readers: the build date, the next time a repeating event happens, and Babel formatting.

The build date comes from SOURCE_DATE_EPOCH when it is set, so two builds of the same tree
with the same value are identical; otherwise it is today, in Khabarovsk time. All dates are
formatted by Babel in the reader's language, as precise as the data knows them: «26 ноября
2026 г.», «2026年11月26日», «2026년 11월 26일», a month «ноябрь 2026 г.», or a year.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time
from dateutil.rrule import rrulestr

from .data.geo import KHABAROVSK_UTC_OFFSET
from .data.model import Event
from .data.when import When


def build_moment() -> dt.datetime:
    """When this build happened, in UTC: SOURCE_DATE_EPOCH when set, else now (whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def khabarovsk_day(moment: dt.datetime) -> dt.date:
    """The day it is in Khabarovsk at `moment` (an aware datetime)."""
    return moment.astimezone(KHABAROVSK_UTC_OFFSET).date()


# --- when an event happens ------------------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """One time an event happens: its start and end (the end is the start for one-day events)."""

    start: When
    end: When

    def last_day(self) -> dt.date:
        return self.end.last_day()


def _shift(when: When, day: dt.date) -> When:
    return When(day.year, day.month, day.day, when.hour, when.minute)


def rrule_text(event: Event) -> str | None:
    """The event's repeat rule as an iCalendar RRULE value ("yearly" means every year on the date)."""
    if not event.recurrence:
        return None
    return "FREQ=YEARLY" if event.recurrence == "yearly" else event.recurrence


def next_occurrence(event: Event, today: dt.date) -> Occurrence | None:
    """The first occurrence of a repeating event that has not ended by `today` (None when the rule
    has run out, or the event does not repeat)."""
    rule = rrule_text(event)
    if rule is None:
        return None
    start_day = event.start.first_day()
    length = (event.end.last_day() - start_day) if event.end else dt.timedelta(0)
    dates = rrulestr(rule, dtstart=dt.datetime.combine(start_day, dt.time()))
    found = dates.after(dt.datetime.combine(today - length, dt.time()), inc=True)
    if found is None:
        return None
    first = found.date()
    end = _shift(event.end, first + length) if event.end else _shift(event.start, first)
    return Occurrence(_shift(event.start, first), end)


def upcoming_occurrence(event: Event, today: dt.date) -> Occurrence | None:
    """When a visitor can still go: the next occurrence of a repeating event, or the event itself
    while it has not ended. None for events in the past."""
    if event.recurrence:
        return next_occurrence(event, today)
    end = event.end or event.start
    return Occurrence(event.start, end) if end.last_day() >= today else None


# --- formatting ------------------------------------------------------------------------------------

def _uses_12_hours(lang: str) -> bool:
    return "h" in Locale.parse(lang).time_formats["short"].pattern


def format_when(when: When, lang: str) -> str:
    """One date as precise as known: year, month, day ("long" format) or day and time."""
    if when.precision == "year":
        return format_skeleton("y", when.first_day(), locale=lang)
    if when.precision == "month":
        return format_skeleton("yMMMM", when.first_day(), locale=lang)
    day = format_date(when.first_day(), "long", locale=lang)
    if when.precision == "day":
        return day
    time = format_time(dt.time(when.hour, when.minute), "short", locale=lang)
    return Locale.parse(lang).datetime_formats["medium"].replace("{1}", day).replace("{0}", time)


def format_span(start: When, end: When | None, lang: str) -> str:
    """A start and optional end as one localized range ("26–28 мая 2019 г.", "May – June 2019")."""
    if end is None or end == start:
        return format_when(start, lang)
    if start.precision == end.precision == "time" and start.first_day() == end.first_day():
        skeleton = "hm" if _uses_12_hours(lang) else "Hm"
        times = format_interval(
            dt.time(start.hour, start.minute), dt.time(end.hour, end.minute), skeleton, locale=lang
        )
        day = format_date(start.first_day(), "long", locale=lang)
        return Locale.parse(lang).datetime_formats["medium"].replace("{1}", day).replace("{0}", times)
    if start.precision == end.precision == "time":
        return f"{format_when(start, lang)} – {format_when(end, lang)}"
    coarsest = max(start.precision, end.precision, key=("time", "day", "month", "year").index)
    if coarsest in ("time", "day"):
        first, last = start.first_day(), end.last_day()
        if first == last:
            return format_date(first, "long", locale=lang)
        if lang == "ru":  # CLDR abbreviates Russian months in ranges («8—9 дек.»); spell them out
            return _russian_day_range(first, last)
        return format_interval(first, last, "yMMMd", locale=lang)
    if coarsest == "month":
        first, last = start.first_day(), end.first_day()
        return format_when(start, lang) if (first.year, first.month) == (last.year, last.month) else (
            format_interval(first, last, "yMMMM", locale=lang)
        )
    first, last = start.year, end.year
    return format_when(start, lang) if first == last else f"{first}–{last}"


def _russian_day_range(first: dt.date, last: dt.date) -> str:
    """«8–9 декабря 2019 г.», «16 мая – 2 июня 2019 г.», «30 декабря 2019 г. – 5 января 2020 г.»."""
    end = format_date(last, "long", locale="ru")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    start = format_date(first, "d MMMM" if first.year == last.year else "long", locale="ru")
    return f"{start} – {end}"


def format_since(when: When, lang: str) -> str:
    """A date after "since": Russian wants the month in the genitive («с ноября 2025 г.»)."""
    if lang == "ru" and when.precision == "month":
        return format_date(when.first_day(), "MMMM y 'г.'", locale="ru")
    if lang == "ru" and when.precision == "year":
        return f"{when.year} г."
    return format_when(when, lang)


def format_month(year: int, month: int, lang: str) -> str:
    """A month heading in the archive: «May 2019», «Май 2019 г.», «2019年5月»."""
    text = format_skeleton("yMMMM", dt.date(year, month, 1), locale=lang)
    return text[:1].upper() + text[1:]


def format_year(year: int, lang: str) -> str:
    return format_skeleton("y", dt.date(year, 1, 1), locale=lang)
