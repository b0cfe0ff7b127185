"""Dates as a reader sees them (Babel, in each language) and the build date. When yearly events
happen, and how their timing reads, is tested in tests/test_events.py."""

from __future__ import annotations

import datetime as dt

import pytest

from citysite.data.when import When
from citysite.dates import (
    build_moment,
    format_month,
    format_since,
    format_span,
    format_when,
    khabarovsk_day,
)


def plain(text: str) -> str:
    """CLDR puts no-break spaces in some formats; compare with ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2009", " ")


@pytest.mark.parametrize(
    ("lang", "day", "month", "year"),
    [
        ("en", "26 November 2026", "November 2026", "2026"),
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
    [("en", "26 May 2019, 18:00"), ("ru", "26 мая 2019 г., 18:00"), ("ja", "2019年5月26日 18:00"),
     ("ko", "2019년 5월 26일 18:00")],
)
def test_date_and_time(lang, expected):
    assert plain(format_when(When.parse("2019-05-26 18:00"), lang)) == expected


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ("2019-06-15", "2019-06-18", "ru", "15–18 июня 2019 г."),
        ("2019-06-15", "2019-06-18", "zh", "2019年6月15日至18日"),
        ("2019-12-08", "2019-12-09", "zh", "2019年12月8日至9日"),
        ("2019-12-08", "2019-12-09", "ja", "2019年12月8日～9日"),
        ("2019-05-30", "2019-06-02", "zh", "2019年5月30日至6月2日"),
        ("2019-12-30", "2020-01-05", "zh", "2019年12月30日至2020年1月5日"),
        ("2019-05", "2019-06", "zh", "2019年5月至6月"),
        ("2019-05", "2019-06", "ja", "2019年5月～6月"),
        ("2019", "2020", "zh", "2019年至2020年"),
        ("2019-05-25 18:00", "2019-05-26 10:00", "zh", "2019年5月25日 18:00至2019年5月26日 10:00"),
        ("2019-05-25 18:00", "2019-05-26 10:00", "ja", "2019年5月25日 18:00～2019年5月26日 10:00"),
        ("2019-06-15", "2019-06-18", "ko", "2019년 6월 15일~18일"),
        ("2019-06-28", "2019-07-02", "en", "28 Jun – 2 Jul 2019"),
        ("2019-05", "2019-06", "en", "May – June 2019"),
        ("2019-05-25 18:00", "2019-05-25 21:00", "ru", "25 мая 2019 г., 18:00–21:00"),
        ("2019-05-25", "2019-05-25", "en", "25 May 2019"),
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


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2019-12-08", "2019-12-09", "8–9 декабря 2019 г."),
        ("2019-05-16", "2019-06-02", "16 мая — 2 июня 2019 г."),
        ("2019-12-30", "2020-01-05", "30 декабря 2019 г. — 5 января 2020 г."),
    ],
)
def test_russian_day_ranges_spell_the_month_out(start, end, expected):
    assert plain(format_span(When.parse(start), When.parse(end), "ru")) == expected


def test_since_puts_a_russian_month_in_the_genitive():
    assert plain(format_since(When.parse("2025-11"), "ru")) == "ноября 2025 г."
    assert plain(format_since(When.parse("1992"), "ru")) == "1992 г."
    assert plain(format_since(When.parse("2025-11"), "en")) == "November 2025"
