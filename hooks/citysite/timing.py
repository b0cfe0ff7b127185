"""How the timing of a yearly event reads in each language: its usual timing ("every year on
January 7", «конец мая», "5月下旬～6月上旬") and one year's occurrence ("January 6 – 7, 2027",
"late May – early June 2027"). Babel gives the month and day names; the phrases around them are
interface strings of data/ui.yml, so translators can correct them.

Every function takes `strings`, the interface strings of one language (key -> text).
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_interval, format_skeleton, format_time, get_day_names
from babel.units import format_unit

from .data.model import Usually
from .data.when import MonthDay, MonthPart, When, rrule_parts
from .dates import _DASH, RANGE_MARKS, SPACED_DASH, format_span, format_when
from .languages import babel_locale
from .schedule import Occurrence

CJK = ("zh", "ja", "ko")  # languages that write the year first: 2027年5月下旬
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SAMPLE_YEAR = 2001


@functools.lru_cache(maxsize=4096)  # Babel's formatting is slow, and the same months recur on every page
def month_name(month: int, lang: str, year: int | None = None, genitive: bool = False) -> str:
    """"May", "May 2027"; Russian «май 2027 г.», or «мая 2027 г.» after «конец»; "2027年5月", "2027년 5월"."""
    day, locale = dt.date(year or _SAMPLE_YEAR, month, 1), babel_locale(lang)
    if lang == "ru":
        name = format_date(day, "MMMM" if genitive else "LLLL", locale="ru")
        return f"{name} {year} г." if year else name
    if lang in CJK:
        return format_skeleton("yMMM" if year else "MMM", day, locale=locale)
    return format_skeleton("yMMMM", day, locale=locale) if year else format_date(day, "LLLL", locale=locale)


def period_text(part: MonthPart, lang: str, strings: dict[str, str], year: int | None = None) -> str:
    """A month or a part of it: "late May 2027", «конец мая 2027 г.», "2027年5月下旬", "May"."""
    if part.part is None:
        return month_name(part.month, lang, year)
    return strings[f"part_{part.part}"].format(month=month_name(part.month, lang, year, genitive=True))


def period_range(begin: MonthPart, end: MonthPart, lang: str, strings: dict[str, str],
                 first_year: int | None = None, last_year: int | None = None) -> str:
    """Two periods joined: "late May – early June 2027" (the year once when it is the same, at the end,
    or at the start in Chinese, Japanese and Korean), "late December 2026 – February 2027"."""
    if first_year is not None and first_year == last_year:
        if lang in CJK:
            first, last = period_text(begin, lang, strings, first_year), period_text(end, lang, strings)
        else:
            first, last = period_text(begin, lang, strings), period_text(end, lang, strings, last_year)
    else:
        first, last = period_text(begin, lang, strings, first_year), period_text(end, lang, strings, last_year)
    return strings["period_range"].format(start=first, end=last)


def _day_of_year(day: MonthDay, lang: str) -> str:
    return format_skeleton("MMMMd", day.in_year(_SAMPLE_YEAR), locale=babel_locale(lang))


def _days_of_year(first: MonthDay, last: MonthDay, lang: str) -> str:
    """«6–7 января», "January 6 – 7", "1月6日至7日"; across the new year, two days joined."""
    if last < first:
        return f"{_day_of_year(first, lang)}{SPACED_DASH.get(lang, ' – ')}{_day_of_year(last, lang)}"
    start, end = first.in_year(_SAMPLE_YEAR), last.in_year(_SAMPLE_YEAR)
    if lang == "ru":  # CLDR would write «6—7 янв.»; the site spells Russian months out
        if start.month == end.month:
            return f"{start.day}–{format_date(end, 'd MMMM', locale='ru')}"
        return f"{format_date(start, 'd MMMM', locale='ru')}{SPACED_DASH['ru']}{format_date(end, 'd MMMM', locale='ru')}"
    if lang == "zh" and start.month == end.month:  # CLDR drops the first 日 («1月6至7日»)
        return f"{start.month}月{start.day}日至{end.day}日"
    text = format_interval(start, end, "MMMMd", locale=babel_locale(lang))
    mark = {**RANGE_MARKS, "ko": "~"}.get(lang)  # «1月6日～7日», «1월 6일~7일», as date ranges read
    return _DASH.sub(mark, text) if mark else text


def _russian_ordinal(forms: str, weekday_name: str) -> str:
    """The Russian ordinal of data/ui.yml («первый/первую/первое») agreeing with the weekday in the
    accusative: «в первый понедельник», «в последнюю субботу», «в последнее воскресенье»."""
    masculine, feminine, neuter = (form.strip() for form in forms.split("/"))
    if weekday_name.endswith("а"):
        return feminine
    return neuter if weekday_name.endswith("е") else masculine


def _nth_weekday(rule: str, lang: str, strings: dict[str, str]) -> str | None:
    """"every year on the last Sunday of May" for a rule with one month and one weekday, else None."""
    parts = rrule_parts(rule)
    months, days = parts.get("BYMONTH", ""), parts.get("BYDAY", "")
    if not months.isdigit() or "," in days or len(days) < 3 or days[-2:] not in _WEEKDAYS:
        return None
    number = days[:-2] or "0"
    if number not in ("1", "2", "3", "4", "5", "-1", "+1", "+2", "+3", "+4", "+5"):
        return None
    ordinal = strings["ordinal_last" if number == "-1" else f"ordinal_{number.lstrip('+')}"]
    weekday = get_day_names("wide", "format", locale=babel_locale(lang))[_WEEKDAYS.index(days[-2:])]
    if lang == "ru":
        ordinal = _russian_ordinal(ordinal, weekday)
        weekday = weekday[:-1] + "у" if weekday.endswith("а") else weekday  # среда -> среду
    month = month_name(int(months), lang, genitive=True)
    text = strings["usually_nth_weekday"].format(nth=ordinal, weekday=weekday, month=month)
    return text.replace(" в вт", " во вт") if lang == "ru" else text  # «во вторую субботу»


def _rule_text(rule: str, lang: str, strings: dict[str, str]) -> str:
    parts = rrule_parts(rule)
    month, day = parts.get("BYMONTH", ""), parts.get("BYMONTHDAY", "")
    if month.isdigit() and day.isdigit() and "BYDAY" not in parts:
        return strings["usually_every_year_on"].format(date=_day_of_year(MonthDay(int(month), int(day)), lang))
    return _nth_weekday(rule, lang, strings) or strings["repeat_yearly"]


def _moveable_text(usually: Usually, lang: str, strings: dict[str, str]) -> str:
    offset = usually.offset_days or 0
    if offset == 0:
        return strings["usually_easter"]
    days = format_unit(abs(offset), "duration-day", "long", locale=babel_locale(lang))
    return strings["usually_before_easter" if offset < 0 else "usually_after_easter"].format(days=days)


def usual_text(usually: Usually | None, lang: str, strings: dict[str, str]) -> str:
    """The usual timing in words (what follows "Usually:"): the editors' own wording when they gave
    one, else made from the rule; a month or a season adds that the dates are announced each year;
    "held once" for an event without one."""
    if usually is None:
        return strings["usually_once"]
    if usually.text is not None:
        return usually.text[lang]
    kind = usually.kind
    if kind == "date":
        if usually.end is None:
            return strings["usually_every_year_on"].format(date=_day_of_year(usually.date, lang))
        return strings["usually_every_year_on"].format(date=_days_of_year(usually.date, usually.end, lang))
    if kind == "rule":
        return _rule_text(usually.rule, lang, strings)
    if kind == "moveable":
        return _moveable_text(usually, lang, strings)
    if kind == "month":
        when = period_text(MonthPart(usually.month, usually.part), lang, strings)
    else:
        when = period_range(usually.from_, usually.to, lang, strings)
    return strings["usually_announced"].format(when=when)


def occurrence_dates(occ: Occurrence, lang: str, strings: dict[str, str], with_time: bool = False,
                     weekday: bool = False) -> str:
    """One year's dates, as precisely as known: "6 – 7 January 2027" ("Wed, 6 Jan – Thu, 7 Jan
    2027" with the weekdays); "1 May 2027, 23:00" with the time; "late May – early June 2027"
    for the usual period; "May 2027" for a month's edition; "from 13 December 2026" for a season's
    edition that gives its first day only."""
    if occ.exact:
        first = When(occ.first.year, occ.first.month, occ.first.day)
        last = When(occ.last.year, occ.last.month, occ.last.day)
        if with_time and occ.time is not None:
            start = When(first.year, first.month, first.day, occ.time.hour, occ.time.minute)
            if occ.first == occ.last:
                return format_when(start, lang, weekday)
            time = format_time(occ.time, "short", locale=babel_locale(lang))
            return format_span(first, last, lang, weekday) + strings["from_time"].format(time=time)
        return format_span(first, last, lang, weekday)
    if occ.edition is not None:
        if occ.edition.end is None and occ.last > occ.edition.start.last_day():  # a season's first day
            start = occ.edition.start  # «с 13 декабря», «с декабря 2026 г.»: not a weekday, the month's case
            if lang == "ru" and start.precision == "month":
                return strings["from_date"].format(date=month_name(start.month, lang, start.year, genitive=True))
            return strings["from_date"].format(date=format_when(start, lang, weekday and lang != "ru"))
        return format_span(occ.edition.start, occ.edition.end, lang, weekday)
    begin, end = occ.period
    if begin == end:
        return period_text(begin, lang, strings, occ.first.year)
    return period_range(begin, end, lang, strings, occ.first.year, occ.last.year)


def occurrence_text(occ: Occurrence, lang: str, strings: dict[str, str], with_time: bool = False,
                    weekday: bool = False) -> str:
    """occurrence_dates, with what a visitor must know besides: cancelled or postponed."""
    text = occurrence_dates(occ, lang, strings, with_time, weekday)
    if occ.status != "scheduled":
        text = strings["edition_status"].format(dates=text, status=strings[f"status_{occ.status}"])
    return text
