"""Dates as precise as a source gives them (a year, a month, a day, a time) and repeat rules."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from dateutil.rrule import rrulestr
from pydantic import AfterValidator, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic.dataclasses import dataclass

from .geo import KHABAROVSK_UTC_OFFSET


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


def rrule_parts(rule: str) -> dict[str, str]:
    """An RRULE's parts by name: "FREQ=YEARLY;BYMONTH=5" -> {"FREQ": "YEARLY", "BYMONTH": "5"}."""
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
