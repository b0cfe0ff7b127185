"""Dates as a reader sees them (Babel, in each language), the build date, and when a repeating
event happens next."""

from __future__ import annotations

import datetime as dt

import pytest

from citysite.data.model import Event
from citysite.data.when import When
from citysite.dates import (
    build_moment,
    format_month,
    format_since,
    format_span,
    format_when,
    khabarovsk_day,
    next_occurrence,
    upcoming_occurrence,
)


def plain(text: str) -> str:
    """CLDR puts no-break spaces in some formats; compare with ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2009", " ")


@pytest.mark.parametrize(
    ("lang", "day", "month", "year"),
    [
        ("en", "November 26, 2026", "November 2026", "2026"),
        ("ru", "26 ноября 2026 г.", "ноябрь 2026 г.", "2026"),
        ("zh", "2026年11月26日", "2026年11月", "2026年"),
        ("ja", "2026年11月26日", "2026年11月", "2026年"),
        ("ko", "2026년 11월 26일", "2026년 11월", "2026년"),
    ],
)
def test_dates_in_each_language_as_precise_as_known(lang, day, month, year):
    assert plain(format_when(When.parse("2026-11-26"), lang)) == day
    assert plain(format_when(When.parse("2026-11"), lang)) == month
    assert plain(format_when(When.parse("2026"), lang)) == year


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "May 26, 2019, 6:00 PM"), ("ru", "26 мая 2019 г., 18:00"), ("ja", "2019年5月26日 18:00"),
     ("ko", "2019년 5월 26일 오후 6:00")],
)
def test_date_and_time(lang, expected):
    assert plain(format_when(When.parse("2019-05-26 18:00"), lang)) == expected


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ("2019-06-15", "2019-06-18", "ru", "15–18 июня 2019 г."),
        ("2019-06-15", "2019-06-18", "zh", "2019年6月15日 – 18日"),
        ("2019-06-15", "2019-06-18", "ko", "2019년 6월 15일~18일"),
        ("2019-06-28", "2019-07-02", "en", "Jun 28 – Jul 2, 2019"),
        ("2019-05", "2019-06", "en", "May – June 2019"),
        ("2019-05-25 18:00", "2019-05-25 21:00", "ru", "25 мая 2019 г., 18:00–21:00"),
        ("2019-05-25", "2019-05-25", "en", "May 25, 2019"),
    ],
)
def test_ranges(start, end, lang, expected):
    assert plain(format_span(When.parse(start), When.parse(end), lang)).replace("—", "–") == expected


def test_archive_month_heading_starts_with_a_capital():
    assert plain(format_month(2019, 5, "ru")) == "Май 2019 г."


def test_build_date_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")  # 2026-11-26 00:00 UTC
    assert build_moment() == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
    assert khabarovsk_day(build_moment()) == dt.date(2026, 11, 26)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795636800")  # 2026-11-25 20:00 UTC = 26th, 06:00 in Khabarovsk
    assert khabarovsk_day(build_moment()) == dt.date(2026, 11, 26)


def test_build_date_is_today_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert abs(build_moment() - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def event(**fields) -> Event:
    base = {"id": "x", "title": {"en": "X", "ru": "Х"}, "summary": {"en": "X", "ru": "Х"},
            "category": "holiday", "sources": ["seed"], "city": "khabarovsk"}
    return Event(**{**base, **fields})


def test_city_day_next_occurrence_is_the_last_sunday_of_may():
    city_day = event(start="2019-05-26", recurrence="FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU")
    assert next_occurrence(city_day, dt.date(2026, 11, 26)).start == When(2027, 5, 30)
    assert next_occurrence(city_day, dt.date(2026, 5, 31)).start == When(2026, 5, 31)  # today
    assert next_occurrence(city_day, dt.date(2026, 6, 1)).start == When(2027, 5, 30)


def test_yearly_event_keeps_its_length_and_time():
    festival = event(start="2019-09-13 18:00", end="2019-09-15 22:00", recurrence="yearly")
    nxt = next_occurrence(festival, dt.date(2026, 9, 14))  # still on: the 2026 edition
    assert (nxt.start, nxt.end) == (When(2026, 9, 13, 18, 0), When(2026, 9, 15, 22, 0))


def test_a_rule_that_ran_out_has_no_next_occurrence():
    ended = event(start="2019-05-26", recurrence="FREQ=YEARLY;UNTIL=20210601")
    assert next_occurrence(ended, dt.date(2026, 11, 26)) is None


def test_upcoming_means_not_over_on_the_build_date():
    today = dt.date(2026, 11, 26)
    assert upcoming_occurrence(event(start="2026-11-20", end="2026-11-26"), today) is not None
    assert upcoming_occurrence(event(start="2026-11-25"), today) is None
    assert upcoming_occurrence(event(start="2026-11"), today) is not None  # the month is not over
    assert upcoming_occurrence(event(start="2026-10"), today) is None


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2019-12-08", "2019-12-09", "8–9 декабря 2019 г."),
        ("2019-05-16", "2019-06-02", "16 мая – 2 июня 2019 г."),
        ("2019-12-30", "2020-01-05", "30 декабря 2019 г. – 5 января 2020 г."),
    ],
)
def test_russian_day_ranges_spell_the_month_out(start, end, expected):
    assert plain(format_span(When.parse(start), When.parse(end), "ru")) == expected


def test_since_puts_a_russian_month_in_the_genitive():
    assert plain(format_since(When.parse("2025-11"), "ru")) == "ноября 2025 г."
    assert plain(format_since(When.parse("1992"), "ru")) == "1992 г."
    assert plain(format_since(When.parse("2025-11"), "en")) == "November 2025"
