"""Dates as precise as a source gives them (a year, a month, a day, a time), repeat rules, and the
pieces of a yearly event's usual timing: a day of the year (MM-DD), a time of day (HH:MM) and a
month or part of one (early, mid, late)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from dateutil.rrule import rrulestr
from pydantic import AfterValidator, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic.dataclasses import dataclass

from ..messages import Message
from .geo import KHABAROVSK_UTC_OFFSET


# Month names an editor may write instead of the number: Russian (either case) and English.
_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр",
                "ноябр", "декабр")
_MONTH_WORDS = [(re.compile(rf"^(?:{stem}|{calendar.month_name[number][:3]})", re.IGNORECASE), number)
                for number, stem in enumerate(_MONTH_STEMS, 1)]


def _month_number(word: str) -> int | None:
    return next((number for pattern, number in _MONTH_WORDS if pattern.match(word)), None)


# Words for a part of a month before its name ("конец июня 2027", "late June 2027"): a date has no
# part of a month, so the month alone is suggested, and the part goes into the source's note.
_PART_WORDS = re.compile(r"^(?:(?:в\s+)?(?:начал[оеа]|середин[аеы]|кон[её]ц|конце|конца"
                         r"|(?:перв|втор)[аоу][яй]\s+половин[аеуы])"
                         r"|early|mid|middle\s+of|late|end\s+of|beginning\s+of)\s+", re.IGNORECASE)


def iso_form(value: str) -> str | None:
    """The date an editor meant, written as the site reads it, in quotes as the guide writes dates:
    12.05.2027 -> "2027-05-12", "12 мая 2027" -> "2027-05-12", "май 2027" -> "2027-05"; None when
    it is not recognisably a date."""
    text = _PART_WORDS.sub("", value.strip().strip("«»“”„\"' "))
    if When.PATTERN.match(text):  # typographic quotes around a good date
        return f'"{text}"'
    numbers = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?", text)
    if numbers:
        day, month, year, hour, minute = numbers.groups()
        time = f" {int(hour):02d}:{minute}" if hour else ""
        return f'"{year}-{int(month):02d}-{int(day):02d}{time}"'
    words = re.fullmatch(r"(?:(\d{1,2})\s+)?([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года?))?", text)
    month = _month_number(words[2]) if words else None
    if month:
        return f'"{words[3]}-{month:02d}' + (f"-{int(words[1]):02d}" if words[1] else "") + '"'
    return None


def range_form(value: str) -> tuple[str, str] | None:
    """The start and end an editor meant by a range of days written as one date: "3–5 июля 2027"
    -> ("2027-07-03", "2027-07-05"), "03.07–05.07.2027" and "03.07.2027 - 05.07.2027" likewise."""
    text = value.strip().strip("«»“”„\"' ")
    words = re.fullmatch(r"(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года?))?", text)
    if words and _month_number(words[3]):
        month, year = _month_number(words[3]), words[4]
        return f"{year}-{month:02d}-{int(words[1]):02d}", f"{year}-{month:02d}-{int(words[2]):02d}"
    numbers = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if numbers:
        day, month, year, last_day, last_month, last_year = numbers.groups()
        return (f"{year or last_year}-{int(month):02d}-{int(day):02d}",
                f"{last_year}-{int(last_month):02d}-{int(last_day):02d}")
    return None


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
            days = range_form(str(value))
            if days:
                raise ValueError(Message("not_a_date.range", value=value, start=days[0], end=days[1]))
            suggestion = iso_form(str(value))
            if suggestion and re.fullmatch(r"[«“„”].*[»”“]", str(value).strip()) and cls.PATTERN.match(suggestion.strip('"')):
                # “2027-07-10” beside "2027-07-10": alike on a phone (an editors' walkthrough)
                raise ValueError(Message("not_a_date.curly_quotes", value=value, suggestion=suggestion))
            if suggestion:
                form = "not_a_date.suggest_month" if len(suggestion) == len('"2027-05"') else "not_a_date.suggest"
                if _PART_WORDS.match(str(value).strip().strip("«»“”„\"' ")):
                    form = "not_a_date.suggest_part"
                raise ValueError(Message(form, value=value, suggestion=suggestion))
            raise ValueError(f"'{value}' is not a date; write {cls.FORMS}, e.g. 2019-05-26")
        year, month, day, hour, minute = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            if day is not None and 1 <= day <= 12 and month <= calendar.monthrange(year, day)[1]:
                # 2027-13-03: the day and the month written the other way round (13 March)
                swapped = match[0].strip()[:5] + f"{day:02d}-{month:02d}" + match[0].strip()[10:]
                raise ValueError(Message("no_such_month.swapped", value=value, month=month, swapped=swapped))
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
    except (ValueError, TypeError):
        raise ValueError(Message("not_a_repeat_rule", value=value)) from None
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


# --- the usual timing of a yearly event ("usually") and the dated editions editors add ------------

MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
TIME_OF_DAY = re.compile(r"^(\d{2}):(\d{2})$")
# A day of any year; 29 February only exists in some, so a yearly date cannot be it.
_SAMPLE_YEAR = 2001


@dataclass(frozen=True, order=True)
class MonthDay:
    """A day of the year without the year: "01-07" is 7 January."""

    month: int
    day: int

    @classmethod
    def parse(cls, value: Any) -> MonthDay:
        if isinstance(value, MonthDay):
            return value
        match = MONTH_DAY.match(str(value).strip()) if isinstance(value, str) else None
        if not match:
            raise ValueError(f"'{value}' is not a day of the year; write MM-DD in quotes, e.g. \"01-07\" for 7 January")
        month, day = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            if 1 <= day <= 12 and month <= calendar.monthrange(_SAMPLE_YEAR, day)[1]:  # "13-03": 13 March
                raise ValueError(Message("no_such_month.swapped", value=value, month=month,
                                         swapped=f"{day:02d}-{month:02d}"))
            raise ValueError(f"'{value}': there is no month {month}; months go from 01 to 12")
        last = calendar.monthrange(_SAMPLE_YEAR, month)[1]
        if not 1 <= day <= last:
            hint = "; an event on 29 February needs a rule" if (month, day) == (2, 29) else ""
            raise ValueError(f"'{value}' does not exist: {calendar.month_name[month]} has {last} days{hint}")
        return cls(month, day)

    def in_year(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


MonthDayField = Annotated[
    MonthDay,
    PlainValidator(MonthDay.parse),
    PlainSerializer(str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}-\d{2}$",
                    "description": "A day of the year, MM-DD: \"01-07\" is 7 January."}),
]


def _parse_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # YAML reads an unquoted 18:00 as the number 1080 (sexagesimal): give back what was written
        raise ValueError(Message("time_unquoted", time=f"{value // 60:02d}:{value % 60:02d}"))
    match = TIME_OF_DAY.match(str(value).strip()) if isinstance(value, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        dotted = _dotted_time(value)
        if dotted:
            raise ValueError(Message("time_with_dot", typed=dotted[0], time=dotted[1]))
        raise ValueError(f"'{value}' is not a time of day; write HH:MM in quotes (Khabarovsk time), e.g. \"10:00\"")
    return dt.time(int(match[1]), int(match[2]))


def _dotted_time(value: Any) -> tuple[str, str] | None:
    """A time written the Russian way, 18.00 (which YAML reads as the number 18.0) or "18.00",
    "18-00": (what the editor typed, "18:00"); an editor was shown '18.0' and no fix."""
    typed = f"{value:.2f}" if isinstance(value, float) else value.strip() if isinstance(value, str) else ""
    match = re.fullmatch(r"(\d{1,2})[.,\- ](\d{2})", typed)
    if match and int(match[1]) <= 23 and int(match[2]) <= 59:
        return typed, f"{int(match[1]):02d}:{match[2]}"
    return None


TimeField = Annotated[
    dt.time,
    PlainValidator(_parse_time),
    PlainSerializer(lambda value: value.strftime("%H:%M")),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}$",
                    "description": "A start time in Khabarovsk time, HH:MM, e.g. \"10:00\"."}),
]

Part = Literal["early", "mid", "late"]
# The days of a month each part covers: early 1-10, mid 11-20, late 21 to the month's end.
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(config=ConfigDict(extra="forbid", frozen=True))
class MonthPart:
    """A month, or a part of it: {month: 5, part: late} is late May (21-31 May)."""

    month: Annotated[int, Field(ge=1, le=12)]
    part: Part | None = None

    def first_day(self, year: int) -> dt.date:
        return dt.date(year, self.month, PART_DAYS[self.part][0] if self.part else 1)

    def last_day(self, year: int) -> dt.date:
        last = calendar.monthrange(year, self.month)[1]
        return dt.date(year, self.month, min(PART_DAYS[self.part][1], last) if self.part else last)
