"""Dates for readers: the build date and Babel formatting (when yearly events happen is in
citysite.schedule, and how their timing reads in citysite.timing).

The build date comes from SOURCE_DATE_EPOCH when it is set, so two builds of the same tree
with the same value are identical; otherwise it is today, in Khabarovsk time. All dates are
formatted by Babel in the reader's language, as precise as the data knows them: «26 ноября
2026 г.», «2026年11月26日», «2026년 11월 26일», a month «ноябрь 2026 г.», or a year.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time

from .data.geo import KHABAROVSK_UTC_OFFSET
from .data.when import When
from .languages import babel_locale


def build_moment() -> dt.datetime:
    """When this build happened, in UTC: SOURCE_DATE_EPOCH when set, else now (whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def khabarovsk_day(moment: dt.datetime) -> dt.date:
    """The day it is in Khabarovsk at `moment` (an aware datetime)."""
    return moment.astimezone(KHABAROVSK_UTC_OFFSET).date()


# --- formatting ------------------------------------------------------------------------------------

# Korean sites write the time of day on the 24-hour clock (10:00~18:00), as this site's opening
# hours and texts do; CLDR's short form for Korean is 오후 6:00.
CLOCK_24_HOURS = {"ko"}


def _uses_12_hours(lang: str) -> bool:
    return lang not in CLOCK_24_HOURS and "h" in Locale.parse(babel_locale(lang)).time_formats["short"].pattern


def _time_of_day(hour: int, minute: int, lang: str) -> str:
    time, locale = dt.time(hour, minute), babel_locale(lang)
    return format_skeleton("Hm", time, locale=locale) if lang in CLOCK_24_HOURS else format_time(time, "short", locale=locale)


def _with_weekday_marks(text: str, lang: str) -> str:
    """The weekday as each language's sites write it after a date: «2027年5月9日（日）»,
    «2027年5月9日（周日）», «2027년 5월 9일(일)» (CLDR: "(日)", "周日", " (일)")."""
    if lang == "ja":
        return text.replace("(", "（").replace(")", "）")
    if lang == "zh":
        return re.sub(r"(周[一二三四五六日])", r"（\1）", text)
    if lang == "ko":
        return text.replace(" (", "(")
    return text


def format_day(day: dt.date, lang: str, weekday: bool = False) -> str:
    """A day ("long" format), with its weekday if asked: «Sun, 9 May 2027», «2027년 5월 9일(일)»,
    «воскресенье, 9 мая 2027 г.»."""
    locale = babel_locale(lang)
    if not weekday:
        return format_date(day, "long", locale=locale)
    if lang == "ru":  # CLDR's «сб, 13 мар. 2027 г.» abbreviates the month as Russian texts do not
        return format_date(day, "EEEE, d MMMM y 'г.'", locale="ru")
    return _with_weekday_marks(format_skeleton("yMMMEd", day, locale=locale), lang)


def format_day_of_year(day: dt.date, lang: str) -> str:
    """A day of this year with its weekday, the year left out: «Fri 29 Oct», «29 октября (пт)» (not
    CLDR's «пт, 29 октября», whose comma runs into a list's), «10月29日（周五）», «10月29日（金）»,
    «10월 29일(금)»."""
    if lang == "ru":
        return format_date(day, "d MMMM (EEEEEE)", locale="ru")
    text = _with_weekday_marks(format_skeleton("MMMEd", day, locale=babel_locale(lang)), lang)
    return text.replace(" ", "\u00a0")  # one date, not «Mon 14» / «Dec» at 200 % zoom


def _day_and_time(day: str, time: str, lang: str) -> str:
    """A formatted day and time (or times) joined as the language joins them (CLDR's medium form)."""
    return Locale.parse(babel_locale(lang)).datetime_formats["medium"].replace("{1}", day).replace("{0}", time)


def format_when(when: When, lang: str, weekday: bool = False) -> str:
    """One date as precise as known: year, month, day ("long" format, with its weekday if asked)
    or day and time."""
    if when.precision == "year":
        return format_year(when.year, lang)
    if when.precision == "month":
        return format_skeleton("yMMMM", when.first_day(), locale=babel_locale(lang))
    day = format_day(when.first_day(), lang, weekday)
    if when.precision == "day":
        return day
    return _day_and_time(day, _time_of_day(when.hour, when.minute, lang), lang)


# Chinese writes a range with 至 and Japanese with ～ («12月8日至9日», «12月8日～9日»); CLDR gives
# Chinese an en dash, and Japanese one where two days and times meet.
RANGE_MARKS = {"zh": "至", "ja": "～"}
# Russian puts a dash between spaced parts as CLDR's own «май — июнь 2019 г.»: an em dash.
SPACED_DASH = {"ru": " — "}
_DASH = re.compile(r"\s*[–—]\s*")


def format_span(start: When, end: When | None, lang: str, weekday: bool = False) -> str:
    """A start and optional end as one localized range ("26–28 мая 2019 г.", "May – June 2019",
    "2019年12月8日至9日", "2019年12月8日～9日"); days with their weekdays if asked (not in Russian
    ranges, whose months CLDR abbreviates)."""
    text = _format_span(start, end, lang, weekday)
    mark = RANGE_MARKS.get(lang)
    if not mark or end is not None and start.precision == end.precision == "time" \
            and start.first_day() == end.first_day():
        return text  # hours of one day keep CLDR's form (18:00–21:00, 18時00分～21時00分)
    return _DASH.sub(mark, text)


def _format_span(start: When, end: When | None, lang: str, weekday: bool = False) -> str:
    if end is None or end == start:
        return format_when(start, lang, weekday)
    if start.precision == end.precision == "time" and start.first_day() == end.first_day():
        skeleton = "hm" if _uses_12_hours(lang) else "Hm"
        times = format_interval(dt.time(start.hour, start.minute), dt.time(end.hour, end.minute), skeleton,
                                locale=babel_locale(lang))
        if lang in CLOCK_24_HOURS:  # CLDR's «18:00 ~ 21:00»; the site's hours are written 10:00~18:00
            times = times.replace(" ~ ", "~")
        return _day_and_time(format_day(start.first_day(), lang, weekday), times, lang)
    if start.precision == end.precision == "time":
        return f"{format_when(start, lang)}{SPACED_DASH.get(lang, ' – ')}{format_when(end, lang)}"
    coarsest = max(start.precision, end.precision, key=("time", "day", "month", "year").index)
    if coarsest in ("time", "day"):
        first, last = start.first_day(), end.last_day()
        if first == last:
            return format_day(first, lang, weekday)
        if lang == "ru":  # CLDR abbreviates Russian months in ranges («8—9 дек.»); spell them out
            return _russian_day_range(first, last)
        skeleton = "yMMMEd" if weekday else "yMMMd"
        return _with_weekday_marks(format_interval(first, last, skeleton, locale=babel_locale(lang)), lang)
    if coarsest == "month":
        first, last = start.first_day(), end.first_day()
        return format_when(start, lang) if (first.year, first.month) == (last.year, last.month) else (
            format_interval(first, last, "yMMMM", locale=babel_locale(lang))
        )
    first, last = start.year, end.year
    if first == last:
        return format_when(start, lang)
    if lang in RANGE_MARKS:  # «2019年至2020年»
        return f"{format_year(first, lang)}–{format_year(last, lang)}"
    return f"{first}–{last}"


def _russian_day_range(first: dt.date, last: dt.date) -> str:
    """«8–9 декабря 2019 г.», «16 мая — 2 июня 2019 г.», «30 декабря 2019 г. — 5 января 2020 г.»."""
    end = format_date(last, "long", locale="ru")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    start = format_date(first, "d MMMM" if first.year == last.year else "long", locale="ru")
    return f"{start}{SPACED_DASH['ru']}{end}"


def format_since(when: When, lang: str) -> str:
    """A date after "since": Russian wants the month in the genitive («с ноября 2025 г.»)."""
    if lang == "ru" and when.precision == "month":
        return format_date(when.first_day(), "MMMM y 'г.'", locale="ru")
    if lang == "ru" and when.precision == "year":
        return f"{when.year} г."
    return format_when(when, lang)


def format_month(year: int, month: int, lang: str) -> str:
    """A month heading in the archive: «May 2019», «Май 2019 г.», «2019年5月»."""
    text = format_skeleton("yMMMM", dt.date(year, month, 1), locale=babel_locale(lang))
    return text[:1].upper() + text[1:]


def format_year(year: int, lang: str) -> str:
    return format_skeleton("y", dt.date(year, 1, 1), locale=babel_locale(lang))
