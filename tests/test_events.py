"""The events section for visitors (issue 13): yearly events with their usual timing and announced
editions (data/events.yml), the list of the next 12 months, the calendar feeds, search engines'
data, and the 2019 chronicle that moved under Cooperation with its old addresses still working.

The first part checks the model and the wording without a build; the second checks the real site
(built once per session with the build date 2026-11-26, SOURCE_DATE_EPOCH=1795651200).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup, Tag
from dateutil.rrule import rrulestr
from pydantic import TypeAdapter

from citysite.cards import EVENT_ICONS, icon_svg
from citysite.data import DataError, load_site_data
from citysite.data.model import Edition, Event, Usually
from citysite.dates import format_month
from citysite.home import upcoming_events
from citysite.pages.common import PageContext
from citysite.pages.events import card_chip, card_when, event_page, events_listing
from citysite.languages import aside, load_ui_strings
from citysite.schedule import (
    history,
    next_occurrence,
    orthodox_easter,
    season_of,
    upcoming,
    usual_occurrences,
)
from citysite.timing import occurrence_text, usual_text
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, main_text, resolve

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
BUILD_DATE = dt.date(2026, 11, 26)
FIXTURE = Path(__file__).parent / "data_fixture"
STRINGS = load_ui_strings(ROOT)


def strings(lang: str) -> dict[str, str]:
    return {key: texts[lang] for key, texts in STRINGS.items()}


def usually(**fields) -> Usually:
    return TypeAdapter(Usually).validate_python(fields)


def event(timing: dict, editions: list[dict] | None = None) -> Event:
    return TypeAdapter(Event).validate_python({
        "id": "x", "title": {"en": "X", "ru": "Х"}, "summary": {"en": "X", "ru": "Х"}, "category": "festival",
        "usually": timing, "venues": ["lenin-square"], "sources": ["seed"], "editions": editions or [],
    })


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2009", " ")


# --- when: rules, moveable feasts, months and seasons ---------------------------------------------

def test_a_fixed_day_and_a_range_across_the_new_year():
    christmas = usual_occurrences("x", usually(date="01-06", end="01-07"), 2027)[0]
    assert (christmas.first, christmas.last, christmas.exact) == (dt.date(2027, 1, 6), dt.date(2027, 1, 7), True)
    new_year = usual_occurrences("x", usually(date="12-31", end="01-02"), 2026)[0]
    assert (new_year.first, new_year.last) == (dt.date(2026, 12, 31), dt.date(2027, 1, 2))


def test_a_rule_gives_its_days_and_a_time():
    last_sunday = usual_occurrences("x", usually(rule="FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU", days=2, time="10:00"), 2027)
    assert [(o.first, o.last, o.time) for o in last_sunday] == [(dt.date(2027, 5, 30), dt.date(2027, 5, 31), dt.time(10))]


@pytest.mark.parametrize(("year", "easter"), [(2020, "2020-04-19"), (2026, "2026-04-12"), (2027, "2027-05-02")])
def test_orthodox_easter(year, easter):
    assert orthodox_easter(year).isoformat() == easter


@pytest.mark.parametrize("saturday", ["2016-03-12", "2017-02-25", "2021-03-13", "2023-02-25", "2026-02-21"])
def test_maslenitsa_saturday_is_fifty_days_before_easter(saturday):
    """The Saturdays the city held Maslenitsa on (data/events.yml, its sources)."""
    day = dt.date.fromisoformat(saturday)
    found = usual_occurrences("x", usually(moveable="orthodox-easter", offset_days=-50), day.year)[0]
    assert found.first == day and found.first.weekday() == 5


def test_a_month_or_a_season_is_approximate():
    late_may = usual_occurrences("x", usually(month=5, part="late"), 2027)[0]
    assert (late_may.first, late_may.last, late_may.exact) == (dt.date(2027, 5, 21), dt.date(2027, 5, 31), False)
    winter = usual_occurrences("x", usually(**{"from": {"month": 12, "part": "late"}, "to": {"month": 2}}), 2026)[0]
    assert (winter.first, winter.last) == (dt.date(2026, 12, 21), dt.date(2027, 2, 28))


def test_an_edition_replaces_the_usual_timing_of_its_year():
    season = {"from": {"month": 5, "part": "late"}, "to": {"month": 6, "part": "early"}}
    city_day = event(season, [{"start": "2027-05-29", "end": "2027-05-30", "sources": ["seed"]},
                              {"start": "2025-05-30", "end": "2025-05-31", "sources": ["seed"]}])
    found = upcoming(city_day, BUILD_DATE)
    assert [(o.first, o.last, o.exact, o.edition is not None) for o in found] == [
        (dt.date(2027, 5, 29), dt.date(2027, 5, 30), True, True)]
    assert [str(e.start) for e in history(city_day, BUILD_DATE)] == ["2025-05-30"]
    # Without the 2027 edition: the usual period, approximate.
    usual = upcoming(event(season), BUILD_DATE)
    assert [(o.first, o.last, o.exact) for o in usual] == [(dt.date(2027, 5, 21), dt.date(2027, 6, 10), False)]


def test_a_seasons_edition_that_gives_its_first_day_only_lasts_the_season():
    """The news gives a rink's or a New Year town's opening day, not its last: an edition with that
    day alone made the rink a one-day event, gone from the lists the day after it opened."""
    rink = event({"from": {"month": 12, "part": "mid"}, "to": {"month": 3}},
                 [{"start": "2026-12-12", "sources": ["seed"]}, {"start": "2025-12-13", "sources": ["seed"]}])
    found = upcoming(rink, dt.date(2027, 1, 5))
    assert (found[0].first, found[0].last, found[0].edition is not None) == (dt.date(2026, 12, 12), dt.date(2027, 3, 31), True)
    assert plain(occurrence_text(found[0], "en", strings("en"))) == "from 12 December 2026"
    assert plain(occurrence_text(found[0], "ru", strings("ru"), weekday=True)) == "с 12 декабря 2026 г."
    assert [str(e.start) for e in history(rink, dt.date(2027, 1, 5))] == ["2025-12-13"]
    month = event({"from": {"month": 12}, "to": {"month": 2}}, [{"start": "2026-12", "sources": ["seed"]}])
    assert plain(occurrence_text(upcoming(month, BUILD_DATE)[0], "ru", strings("ru"))) == "с декабря 2026 г."
    cancelled = event({"from": {"month": 5, "part": "late"}, "to": {"month": 6}},
                      [{"start": "2027-05", "status": "cancelled", "sources": ["seed"]}])
    assert plain(occurrence_text(upcoming(cancelled, BUILD_DATE)[0], "en", strings("en"))) == "May 2027: cancelled"
    one_day = event({"month": 5}, [{"start": "2027-05-15", "sources": ["seed"]}])  # not a season: its day
    assert [(o.first, o.last) for o in upcoming(one_day, BUILD_DATE)] == [(dt.date(2027, 5, 15), dt.date(2027, 5, 15))]


def test_upcoming_means_not_over_on_the_build_date_and_within_12_months():
    season = event({"from": {"month": 9, "part": "early"}, "to": {"month": 3}})
    found = upcoming(season, BUILD_DATE)
    assert [o.first for o in found] == [dt.date(2026, 9, 1), dt.date(2027, 9, 1)]  # on now, and next September
    assert found[0].is_on(BUILD_DATE)
    assert upcoming(event({"date": "11-25"}), BUILD_DATE)[0].first == dt.date(2027, 11, 25)  # yesterday: next year
    assert upcoming(event({"date": "11-27"}), BUILD_DATE)[0].first == dt.date(2026, 11, 27)
    assert upcoming(event({"date": "11-26"}), BUILD_DATE)[0].first == BUILD_DATE  # today
    assert upcoming(event({"date": "12-01"}), dt.date(2026, 12, 2))[0].first == dt.date(2027, 12, 1)
    assert upcoming(event({"date": "12-01"}), dt.date(2026, 11, 30), horizon_days=1) == []


def test_a_cancelled_edition_is_said_to_be():
    cancelled = event({"month": 5}, [{"start": "2027-05", "status": "cancelled", "sources": ["seed"]}])
    occurrence = next_occurrence(cancelled, BUILD_DATE)
    assert occurrence.status == "cancelled"
    assert plain(occurrence_text(occurrence, "en", strings("en"))) == "May 2027: cancelled"
    assert plain(occurrence_text(occurrence, "ru", strings("ru"))) == "май 2027 г.: отменено"


def test_seasons_of_the_year():
    assert season_of(dt.date(2026, 12, 5)) == ("winter", 2026)
    assert season_of(dt.date(2027, 2, 28)) == ("winter", 2026)
    assert season_of(dt.date(2027, 3, 1)) == ("spring", 2027)
    assert season_of(dt.date(2027, 11, 30)) == ("autumn", 2027)


# --- "usually" in five languages -----------------------------------------------------------------

USUAL_WORDING = {
    # kind: {lang: text}
    "date": (dict(date="01-07"), {
        "en": "every year on 7 January", "ru": "каждый год 7 января", "zh": "每年1月7日", "ja": "毎年1月7日",
        "ko": "매년 1월 7일"}),
    "dates": (dict(date="01-06", end="01-07"), {
        "en": "every year on 6 – 7 January", "ru": "каждый год 6–7 января", "zh": "每年1月6日至7日",
        "ja": "毎年1月6日～7日", "ko": "매년 1월 6일~7일"}),
    "last sunday": (dict(rule="FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU"), {
        "en": "every year on the last Sunday of May", "ru": "каждый год в последнее воскресенье мая",
        "zh": "每年5月的最后一个星期日", "ja": "毎年5月の最終日曜日", "ko": "매년 5월 마지막 일요일"}),
    "second saturday": (dict(rule="FREQ=YEARLY;BYMONTH=8;BYDAY=2SA"), {
        "en": "every year on the second Saturday of August", "ru": "каждый год во вторую субботу августа",
        "zh": "每年8月的第二个星期六", "ja": "毎年8月の第2土曜日", "ko": "매년 8월 둘째 토요일"}),
    "easter": (dict(moveable="orthodox-easter", offset_days=0), {
        "en": "every year on Orthodox Easter Sunday", "ru": "каждый год в день православной Пасхи",
        "zh": "每年东正教复活节当天", "ja": "毎年、正教会の復活大祭の日", "ko": "매년 정교회 부활절 당일"}),
    "before easter": (dict(moveable="orthodox-easter", offset_days=-50), {
        "en": "every year 50 days before Orthodox Easter", "ru": "каждый год за 50 дней до православной Пасхи",
        "zh": "每年东正教复活节前50天", "ja": "毎年、正教会の復活大祭の50 日前", "ko": "매년 정교회 부활절 50일 전"}),
    "late month": (dict(month=5, part="late"), {
        "en": "late May; the exact dates are announced each year",
        "ru": "конец мая; точные даты объявляют каждый год",
        "zh": "5月下旬；具体日期每年公布", "ja": "5月下旬（日程は毎年発表）",
        "ko": "5월 하순. 정확한 날짜는 매년 발표됩니다"}),
    "season": ({"from": {"month": 12, "part": "late"}, "to": {"month": 2}}, {
        "en": "late December – February; the exact dates are announced each year",
        "ru": "конец декабря — февраль; точные даты объявляют каждый год",
        "zh": "12月下旬至2月；具体日期每年公布", "ja": "12月下旬～2月（日程は毎年発表）",
        "ko": "12월 하순~2월. 정확한 날짜는 매년 발표됩니다"}),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", USUAL_WORDING)
def test_usually_reads_naturally_in_five_languages(kind, lang):
    fields, expected = USUAL_WORDING[kind]
    assert plain(usual_text(usually(**fields), lang, strings(lang))) == plain(expected[lang])


def test_the_editors_own_wording_comes_first():
    text = {"en": "the last weekend of May or the first weekend of June", "ru": "последние выходные мая"}
    timing = usually(**{"from": {"month": 5, "part": "late"}, "to": {"month": 6, "part": "early"}, "text": text})
    assert usual_text(timing, "en", strings("en")) == text["en"]
    assert usual_text(timing, "ko", strings("ko")) == text["en"]  # English until Korean is written


@pytest.mark.parametrize(
    ("lang", "same_year", "two_years"),
    [
        ("en", "late May – early June 2027", "late December 2026 – February 2027"),
        ("ru", "конец мая — начало июня 2027 г.", "конец декабря 2026 г. — февраль 2027 г."),
        ("zh", "2027年5月下旬至6月上旬", "2026年12月下旬至2027年2月"),
        ("ja", "2027年5月下旬～6月上旬", "2026年12月下旬～2027年2月"),
        ("ko", "2027년 5월 하순~6월 초순", "2026년 12월 하순~2027년 2월"),
    ],
)
def test_a_usual_period_names_its_year_once(lang, same_year, two_years):
    may = usual_occurrences("x", usually(**{"from": {"month": 5, "part": "late"}, "to": {"month": 6, "part": "early"}}), 2027)
    winter = usual_occurrences("x", usually(**{"from": {"month": 12, "part": "late"}, "to": {"month": 2}}), 2026)
    assert plain(occurrence_text(may[0], lang, strings(lang))) == same_year
    assert plain(occurrence_text(winter[0], lang, strings(lang))) == two_years


def test_a_start_time_is_given_with_the_day():
    easter = usual_occurrences("x", usually(moveable="orthodox-easter", offset_days=-1, time="23:00"), 2027)[0]
    assert plain(occurrence_text(easter, "ru", strings("ru"), with_time=True)) == "1 мая 2027 г., 23:00"
    assert plain(occurrence_text(easter, "en", strings("en"), with_time=True)) == "1 May 2027, 23:00"
    assert plain(occurrence_text(easter, "en", strings("en"))) == "1 May 2027"  # lists give the day alone


# --- mistakes in data/events.yml: file, line, entry, what to do -------------------------------------

@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    return folder


def problems_after(data_dir: Path, old: str, new: str) -> tuple[list[str], str]:
    path = data_dir / "events.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return [str(problem) for problem in caught.value.problems], text


def line_of(text: str, needle: str) -> int:
    """The line of `needle`; "entry-id/needle" for the first one after that entry's id."""
    entry, _, needle = needle.rpartition("/") if "/" in needle and not needle.startswith(" ") else ("", "", needle)
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line == f"- id: {entry}") if entry else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragment"),
    [
        ("    month: 5\n    part: mid\n", "    month: 5\n    part: mid\n    date: \"05-15\"\n", "museum-night/  usually:",
         "usually: say when the event usually happens with exactly one of"),
        ("    month: 5\n    part: mid\n", "    month: 5\n    part: middle\n", "part: middle", "'middle' is not a known"),
        ("    month: 5\n    part: mid\n", "    date: \"05-32\"\n", "05-32", "'05-32' does not exist: May has 31 days"),
        ("    offset_days: -1\n", "", "easter-service/  usually:", "'moveable' needs 'offset_days'"),
        ("    rule: FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU\n", "    rule: FREQ=WEEKLY;BYDAY=SU\n", "  usually:",
         "does not repeat every year"),
        ('    - start: "2027-05-29"\n', '    - start: "2027"\n', '"2027"', "gives only a year"),
        ('      end: "2027-05-30"\n', '      end: "2027-05-20"\n', 'end: "2027-05-20"',  # on the end's line
         "end: 2027-05-20 is before start 2027-05-29"),
        ('    - start: "2025-05-25"\n', '    - start: "2027-06-01"\n', "  editions:", "two editions start in 2027"),
        ("  venues: [lenin-square]\n  editions:\n    - start: \"2026-12-20\"",
         "  venues: [lenin-sqare]\n  editions:\n    - start: \"2026-12-20\"", "lenin-sqare",
         "unknown venue 'lenin-sqare'"),
    ],
)
def test_a_mistake_in_the_usual_timing_or_an_edition_names_its_line(data_dir, old, new, needle, fragment):
    found, text = problems_after(data_dir, old, new)
    assert len(found) == 1, found
    assert re.match(rf"data/events\.yml:{line_of(text, needle)}: entry [\w-]+: ", found[0]), found[0]
    assert fragment in found[0], found[0]


# --- the real site ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


def listed_events(site, lang: str) -> dict[str, list[str]]:
    """Event id -> the month sections (YYYY-MM, or "now") it is listed under on /events/, in order."""
    url = f"{PREFIX[lang]}events/"
    page = site.page(url)
    found = {}
    for heading, key in month_sections(page):
        cards = section_part(heading, "ul")
        for link in cards.select("li a") if cards is not None else ():
            target = resolve(url, link["href"])
            match = re.fullmatch(rf"{PREFIX[lang]}events/([a-z0-9-]+)/", target)
            if match:
                found.setdefault(match[1], []).append(key)
    return found


def month_sections(page) -> list[tuple[Tag, str]]:
    """(heading, "YYYY-MM" or "now") of each month's section of /events/ (and of "On now")."""
    return [(heading, heading.get("id", "")) for heading in page.select("article h2, article h3")
            if re.fullmatch(r"\d{4}-\d{2}", heading.get("id", "")) or heading.get("id") == "now"]


def section_part(heading, name: str):
    """The first `name` element between `heading` and the next heading, or None."""
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name):
            return None
        if sibling.name == name:
            return sibling
    return None


def month_line(heading, label: str):
    """The paragraph under a month's heading that starts with `label` ("Still on"), or None."""
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name):
            return None
        if sibling.name == "p" and sibling.get_text().strip().startswith(label):
            return sibling
    return None


def still_on(site, lang: str, page: str = "", label: str = "events_still_on") -> dict[str, list[str]]:
    """Month (YYYY-MM) -> the events its "Still on" line (or another, by its ui.yml key) links, in
    order (on /events/ or a page under it)."""
    url = f"{PREFIX[lang]}events/{page}"
    found = {}
    for heading, key in month_sections(site.page(url)):
        line = month_line(heading, STRINGS[label][lang])
        if line is not None:
            found[key] = [resolve(url, a["href"]).split("/")[-2] for a in line.select("a")]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_month_an_events_usual_period_reaches_into_names_it(site, data, lang):
    """A Chinese group leader coming in early June 2027 tapped June and missed City Day, "the last
    weekend of May or the first weekend of June": June names it as possible, with its usual period;
    an event with its dates announced, or one going on all month, is not named so."""
    maybe = still_on(site, lang, label="events_maybe")
    assert {"city-day", "happy-khabarovsk", "amur-waves"} <= set(maybe["2027-06"])
    assert all("peoples-rink" not in events and "hc-amur-home-games" not in events for events in maybe.values())
    june = dict((key, heading) for heading, key in month_sections(site.page(f"{PREFIX[lang]}events/")))["2027-06"]
    line = month_line(june, STRINGS["events_maybe"][lang])
    assert plain(data.events["city-day"].usually.text[lang]) in plain(line.get_text())  # with its usual period


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_events_page_lists_15_events_in_8_months_of_the_next_12(site, data, lang):
    listed = listed_events(site, lang)
    months = {month for months in listed.values() for month in months if month != "now"}
    assert len(listed) >= 15 and len(months) >= 8, (len(listed), sorted(months))
    assert set(listed) <= set(data.events)
    last = (BUILD_DATE + dt.timedelta(days=364)).strftime("%Y-%m")
    assert all(BUILD_DATE.strftime("%Y-%m") <= month <= last for month in months)
    as_of = {"en": "26 November 2026", "ru": "26 ноября 2026 г.", "zh": "2026年11月26日", "ja": "2026年11月26日",
             "ko": "2026년 11월 26일"}[lang]
    assert as_of in plain(main_text(site.page(f"{PREFIX[lang]}events/")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_months_without_events_are_named_so_none_of_the_twelve_seems_forgotten(site, lang):
    """A Japanese visitor coming in August found the month index jump from July to September."""
    page = site.page(f"{PREFIX[lang]}events/")
    linked = {a["href"][1:] for a in page.select("article a[href^='#20']") if re.fullmatch(r"#\d{4}-\d{2}", a["href"])}
    [line] = [p.get_text() for p in page.select("article p") if p.get_text().strip().startswith(
        STRINGS["events_months_empty"][lang])]
    month = BUILD_DATE.year * 12 + BUILD_DATE.month - 1  # the months after the build date's, 12 of them here
    ahead = [f"{(month + step) // 12}-{(month + step) % 12 + 1:02d}" for step in range(1, 13)]
    assert ahead[-1] == (BUILD_DATE + dt.timedelta(days=364)).strftime("%Y-%m")
    empty = [key for key in ahead if key not in linked]
    assert linked <= {*ahead, BUILD_DATE.strftime("%Y-%m")} and "2027-08" in empty
    assert line.count("·") == len(empty) - 1
    names = [format_month(int(key[:4]), int(key[5:]), lang) for key in empty]
    if lang == "ru":  # in the middle of a sentence
        names = [name[:1].lower() + name[1:] for name in names]
    assert all(name in line for name in names), line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_event_running_for_months_is_found_under_each_month_it_goes_on(site, lang):
    """A visitor coming in February finds the New Year towns, the rink and the hockey under
    February, though they begin in December (or September); City Day, "late May or early June",
    is not listed again under June; every month of the month index has its section; the hockey
    season under way is listed again at the next one, from September."""
    listed, later = listed_events(site, lang), still_on(site, lang)
    winter = ["hc-amur-home-games", "peoples-rink", "dynamo-park-new-year-town", "new-year-town-lenin-square"]
    assert listed["new-year-town-lenin-square"] == ["2026-12"] and listed["city-day"] == ["2027-05"]
    # the season under way and the next, from September (a Korean visitor coming in October found
    # no hockey listed for 2027/28)
    assert listed["hc-amur-home-games"] == ["now", "2027-09"] and "hc-amur-home-games" in later["2027-10"]
    assert sorted(later.get("2027-01", [])) == sorted(later.get("2027-02", [])) == sorted(winter)
    assert sorted(later.get("2027-03", [])) == ["hc-amur-home-games", "peoples-rink"]
    assert "city-day" not in later.get("2027-06", []) and "2027-04" not in later
    assert still_on(site, lang, "category/sports/").get("2027-02") == ["hc-amur-home-games", "peoples-rink"]
    page = site.page(f"{PREFIX[lang]}events/")
    index = list(dict.fromkeys(a["href"] for a in page.select("article a[href^='#20']")
                               if re.fullmatch(r"#\d{4}-\d{2}", a["href"])))
    assert "#2027-02" in index and index == [f"#{key}" for _heading, key in month_sections(page) if key != "now"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_2019_official_meeting_is_among_the_visitor_events(site, data, lang):
    url = f"{PREFIX[lang]}events/"
    links = {resolve(url, a["href"]) for a in site.page(url).select("article li a")}
    chronicle = {f"{PREFIX[lang]}events/{i}/" for i in data.chronicle} | {
        f"{PREFIX[lang]}cooperation/chronicle/{i}/" for i in data.chronicle}
    assert not links & chronicle
    assert f"{PREFIX[lang]}cooperation/chronicle/" in {resolve(url, a["href"]) for a in site.page(url).select("article a")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_links_the_next_events_and_the_seasons_events(site, data, lang):
    url = PREFIX[lang]
    links = [resolve(url, a["href"]) for a in site.page(url).select("main a[href]")]
    events = [link for link in links if re.fullmatch(rf"{PREFIX[lang]}events/([a-z0-9-]+)/", link)
              and link.split("/")[-2] in data.events]
    assert len(dict.fromkeys(events)) >= 3, events
    assert f"{PREFIX[lang]}events/#winter-2026" in links  # the coming season on /events/
    assert site.page(f"{PREFIX[lang]}events/").select_one("#winter-2026") is not None


@pytest.mark.parametrize("day, on_now, later", [
    # three "late May to early June" festivals are on by their usual dates; Russia Day is two days on
    ("2027-06-10", ["amur-waves", "city-day"], ["russia-day-karagod"]),
    # the hockey, the rink, the New Year towns and the ice sculptors (January, days unknown) are on;
    # Orthodox Christmas is on the 7th: the seasons ending soonest come first, not the hockey season,
    # on from September to March, nor a contest whose days are not known
    ("2027-01-05", ["dynamo-park-new-year-town", "new-year-town-lenin-square"], ["orthodox-christmas"]),
    ("2026-12-31", ["dynamo-park-new-year-town", "new-year-town-lenin-square"], ["ledyshka-kha"]),
    ("2027-01-07", ["orthodox-christmas", "dynamo-park-new-year-town"], ["epiphany"]),  # its days known: first
    # the spring fair ("May") most likely over, City Day ("late May or early June") most likely ahead
    # (a Korean couple's home page on 25 May showed the fair and no City Day)
    ("2027-05-25", ["amur-waves", "city-day"], ["childrens-day"]),
])
def test_the_home_pages_coming_up_always_shows_something_still_to_come(data, day, on_now, later):
    """An editor's walkthrough built the site for 10 June: the three cards were all "Now". A family
    there for New Year saw the hockey season first all winter, and no New Year town; then, with
    those ending soonest first, a January contest whose days nobody had announced."""
    cards = upcoming_events(data, STRINGS, "en", dt.date.fromisoformat(day), "", "en")
    ids = [card.url.rstrip("/").rsplit("/", 1)[-1] for card in cards if not card.spare]
    assert ids == on_now + later


def test_a_seasons_opening_day_is_on_its_chip(data):
    """An editor who added the rink's opening day, 12 December, saw "Dec" alone on its card."""
    rink = event({"from": {"month": 12, "part": "mid"}, "to": {"month": 3}},
                 [{"start": "2026-12-12", "sources": ["seed"]}])
    occurrence = upcoming(rink, dt.date(2026, 12, 7))[0]
    chip = BeautifulSoup(card_chip(PageContext(data, dt.date(2026, 12, 7), STRINGS), occurrence, "en"), "html.parser")
    assert (chip.select_one(".kh-date__month").get_text(), chip.select_one(".kh-date__day").get_text()) == ("Dec", "12")


@pytest.mark.parametrize("day, event_id, month", [("2027-07-08", "amurfest-summer", "Jul"), ("2027-06-10", "city-day", "Jun")])  # not "Now", not "May"
def test_a_few_days_some_time_in_a_usual_period_are_possibly_on_not_on(data, day, event_id, month):
    """A Korean family on 8 July read AmurFest ("early July", no dates announced; the 4th to the 6th
    in 2025) as "Now" on the home page, under "On now" and on its page. A season (a New Year town)
    is on now in its period; a few days some time in it are possibly on now."""
    today = dt.date.fromisoformat(day)
    ctx = PageContext(data, today, STRINGS)
    listing = events_listing(ctx, "en")
    now_section = listing.split("{#now}", 1)[1].split("\n## ", 1)[0]
    # nothing surely under way: not "On now" over a fair most likely over (a Korean visitor on 10 July)
    assert "kh-card" not in now_section and f"## {STRINGS['events_this_month']['en']} {{#now}}" in listing
    maybe_line = next(line for line in now_section.splitlines() if STRINGS["events_maybe_now"]["en"] in line)
    assert f"{event_id}/" in maybe_line and f'href="{event_id}/"' not in now_section.replace(maybe_line, "")
    card = next(card for card in upcoming_events(data, STRINGS, "en", today, "", "en") if event_id in card.url)
    chip = BeautifulSoup(card.media, "html.parser").time
    assert chip.select_one(".kh-date__month").get_text() == month and not chip.has_attr("data-now")
    assert f"{STRINGS['next_maybe_now']['en']} · " in event_page(ctx, data.events[event_id], "en")


def test_a_cancelled_edition_of_a_known_month_is_not_possibly_on_now(data):
    """An editor who knew only that this December's ice-sculpture contest was cancelled wrote
    `start: "2026-12"` with `status: cancelled`; /events/ listed it under "Possibly on now (dates not
    announced)", its page said "possibly on now", and it took a place on the home page."""
    contest = data.events["amur-crystal"]
    cancelled = dataclasses.replace(contest, editions=[*contest.editions, TypeAdapter(Edition).validate_python(
        {"start": "2026-12", "status": "cancelled", "sources": ["seed"]})])
    data = dataclasses.replace(data, events={**data.events, contest.id: cancelled})
    today = dt.date(2026, 12, 20)
    ctx = PageContext(data, today, STRINGS)
    now_section = events_listing(ctx, "en").split("{#now}", 1)[1].split("\n## ", 1)[0]
    lines = {line.split(":", 2)[2].split(":")[0].strip(): line for line in now_section.splitlines()
             if line.startswith(":material-calendar")}
    assert "amur-crystal/" in lines[STRINGS["events_cancelled_now"]["en"]]
    assert "amur-crystal/" not in lines.get(STRINGS["events_maybe_now"]["en"], "")
    assert all("amur-crystal" not in card.url for card in upcoming_events(data, STRINGS, "en", today, "", "en"))
    page = event_page(ctx, data.events["amur-crystal"], "en")
    assert "When:** December 2026: cancelled" in html.unescape(page) and STRINGS["next_maybe_now"]["en"] not in page


def test_the_events_list_stays_within_its_12_months(data):
    """Built for 20 September 2027, /events/ linked months up to March 2029: next year's hockey
    season, from early September 2028, was "possibly this month too" in each of its months."""
    listing = events_listing(PageContext(data, dt.date(2027, 9, 20), STRINGS), "en")
    months = re.findall(r"\]\(#(\d{4}-\d{2})\)", listing)
    assert months and max(months) <= "2028-09", months
    assert not any("hc-amur-home-games" in line for line in listing.splitlines()
                   if STRINGS["events_maybe"]["en"] in line)


def test_an_event_begun_in_its_usual_period_is_possibly_in_the_next_month_too(data):
    """On 25 May a Korean couple coming on 3 June found June without City Day ("late May or early
    June"): begun, it was only under May's "possibly on now"."""
    listing = events_listing(PageContext(data, dt.date(2027, 5, 25), STRINGS), "en")
    june = listing.split("{#2027-06}", 1)[1].split("\n## ", 1)[0]
    maybe = next(line for line in june.splitlines() if STRINGS["events_maybe"]["en"] in line)
    assert "city-day/" in maybe and "amurfest-spring/" not in maybe  # a May fair does not reach June


def test_a_screen_reader_hears_that_an_event_is_on_now(data):
    """The chip saying "Now" is hidden from screen readers: the card's dates were read alone (an
    accessibility walkthrough). An event still to come gets no such words."""
    ctx = PageContext(data, dt.date(2026, 12, 7), STRINGS)
    hockey, crystal = ctx.next["hc-amur-home-games"], ctx.next["amur-crystal"]
    assert card_when(ctx, hockey, "ja").startswith(f'<span class="kh-sr-only">{STRINGS["chip_now"]["ja"]}：</span>')
    assert "kh-sr-only" not in card_when(ctx, crystal, "ja")


def test_a_month_with_nothing_left_says_so_until_it_ends(data):
    """Built for 14 August 2027, /events/ began with September: a couple with a free weekend read
    nothing about August at all (a Korean walkthrough). A day with more to come this month has no
    such line."""
    line = STRINGS["events_none_this_month"]["en"].split(":", 1)[0]
    august = events_listing(PageContext(data, dt.date(2027, 8, 14), STRINGS), "en")
    assert line in august and '{: .kh-dated data-until="2027-08-31" }' in august
    assert august.index(line) < august.index("{#2027-09}")
    assert line not in events_listing(PageContext(data, dt.date(2027, 5, 3), STRINGS), "en")  # Victory Day to come


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_pages_two_links_to_events_say_different_things(site, lang):
    """"Winter 2026/27: all events · All events in the next 12 months", not "...: all events · All
    events" (which read as the same link twice)."""
    coming_up = site.page(PREFIX[lang]).select_one("#kh-coming-up").parent
    season, year = [a.get_text(strip=True).casefold() for a in coming_up.select(".kh-more a")]
    assert year not in season and season not in year


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_event_under_way_in_its_usual_period_is_not_said_to_be_unannounced(site, lang):
    """HC Amur's season (usually from September to March) is under way on the build date: its page
    says so and asks the reader to check this season's dates, not that they are to be announced."""
    text = main_text(site.page(f"{PREFIX[lang]}events/hc-amur-home-games/"))
    assert STRINGS["next_on_now"][lang] + "\u00a0· " in text
    assert STRINGS["label_next"][lang] not in text  # "When: on now", never "Next date: on now"
    assert STRINGS["now_approx"][lang].replace("{when}", "").strip() in text
    assert STRINGS["next_approx"][lang].replace("{when}", "").strip() not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_mark_the_usual_period_and_show_now_for_a_season_under_way(site, lang):
    """On the home page as on the events page, a card without announced dates says "usually" (after
    a space: "March 2027(usually)" before), and HC Amur's season, begun in September, shows "Now"
    on its chip in November, not "Sep" (read as ten months away)."""
    for url in (PREFIX[lang], f"{PREFIX[lang]}events/"):
        card = site.page(url).select_one('li.kh-card:has(a[href*="hc-amur-home-games"])')
        assert card.select_one(".kh-date__month").get_text() == STRINGS["chip_now"][lang], url
        assert not card.select(".kh-date__day"), url
        when = card.select_one(".kh-card__meta").get_text()
        assert when.endswith(aside(STRINGS["usually_mark"][lang], lang)), (url, when)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "ru"])
def test_a_calendar_entry_gives_the_places_russian_address_for_a_map_app(site, data, lang):
    """A Japanese calendar said «ツルゲーネフ通り24番地（栄光広場）» alone, which a map app cannot find."""
    event = data.events["epiphany"]
    entry = icalendar.Calendar.from_ical(site.text(f"{PREFIX[lang]}events/epiphany.ics")).walk("VEVENT")[0]
    location = str(entry["LOCATION"])
    for venue in (data.venues[venue_id] for venue_id in event.venues):
        assert venue.address[lang] in location and f"({venue.address.ru})" in location, location


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "ru"])
def test_an_event_at_one_venue_gives_its_russian_address_for_a_taxi(site, data, lang):
    """A visitor reading about Amur Crystal can show the driver where to go without another page."""
    events = [event for event in data.events.values() if len(event.venues) == 1]
    assert len(events) >= 5
    for event in events:
        page = site.page(f"{PREFIX[lang]}events/{event.id}/")
        russian = [span.get_text() for span in page.select('article li span[lang="ru"]')]
        assert data.venues[event.venues[0]].address.ru in russian, event.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_are_cards_with_a_calendar_chip_and_the_category_in_words(site, data, lang):
    """The category was an icon in the title, which screen readers skip (an accessibility
    walkthrough): it is a line of the card, the icon beside its name, as on the home page."""
    strings = load_ui_strings(ROOT)
    url = f"{PREFIX[lang]}events/"
    cards = site.page(url).select("article li.kh-card--event")
    assert len(cards) >= 15
    for card in cards:
        event = data.events[resolve(url, card.select_one(".kh-card__title a")["href"]).split("/")[-2]]
        icon = BeautifulSoup(icon_svg(EVENT_ICONS[event.category]), "html.parser").path["d"]
        line = next(line for line in card.select(".kh-card__meta") if line.select_one("svg path")["d"] == icon)
        assert line.get_text(strip=True) == strings[f"event_category_{event.category}"][lang], event.id
        chip = card.select_one("time.kh-date")
        month = chip["datetime"][:7]
        assert card.find_parent("ul").find_previous_sibling(["h2", "h3"])["id"] in (month, "now"), event.id
        assert chip.select_one(".kh-date__month").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_results_do_not_run_a_calendar_chip_into_the_title(site, lang):
    """The chip is for the eye; the search index leaves it out (a Korean result read "5월9승전 기념일")."""
    import json

    index = json.loads(site.text(PREFIX[lang] + "search/search_index.json"))
    texts = " ".join(entry["title"] + " " + entry["text"] for entry in index["docs"])
    cards = site.page(f"{PREFIX[lang]}events/").select("article li.kh-card--event")
    glued = [chip.get_text() + card.select_one(".kh-card__title").get_text()
             for card in cards if (chip := card.select_one("time.kh-date"))]
    assert len(glued) >= 15
    assert [text for text in glued if text in texts] == []


def test_twelve_venue_pages_list_the_events_held_there(site, data):
    with_events = []
    for venue in data.venues:
        page = site.page(f"venues/{venue}/")
        links = [resolve(f"venues/{venue}/", a["href"]) for a in page.select("article li a")]
        if any(re.fullmatch(r"events/[a-z0-9-]+/", link) and link.split("/")[1] in data.events for link in links):
            with_events.append(venue)
    assert len(with_events) >= 12, with_events


def feed_days(feed: icalendar.Calendar, last: dt.date) -> dict[str, set[dt.date]]:
    """Event id -> every start day the feed gives up to `last`: dated VEVENTs, and RRULEs expanded
    (EXDATEs taken out), read back as a calendar app would."""
    found: dict[str, set[dt.date]] = {}
    for vevent in feed.walk("VEVENT"):
        uid = str(vevent["UID"]).split("@")[0]
        event_id = re.sub(r"-\d{4}$", "", uid)
        start = vevent.decoded("DTSTART")
        first = start.date() if isinstance(start, dt.datetime) else start
        days = {first}
        if "RRULE" in vevent:
            rule = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(first, dt.time()))
            days = {moment.date() for moment in rule.between(dt.datetime.combine(first, dt.time()),
                                                                 dt.datetime.combine(last, dt.time()), inc=True)}
            excluded = vevent.get("EXDATE")
            for group in excluded if isinstance(excluded, list) else [excluded] if excluded else []:
                days -= {d.dt.date() if isinstance(d.dt, dt.datetime) else d.dt for d in group.dts}
        found.setdefault(event_id, set()).update(days)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_feed_carries_every_upcoming_event_that_has_a_day(site, data, lang):
    feed = icalendar.Calendar.from_ical(site.path_of(f"{PREFIX[lang]}events/events.ics").read_bytes())
    assert [tz["TZID"] for tz in feed.walk("VTIMEZONE")] == ["Asia/Vladivostok"]
    last = BUILD_DATE + dt.timedelta(days=364)
    given = feed_days(feed, last)
    expected = {}
    for event in data.events.values():
        for occurrence in upcoming(event, BUILD_DATE):
            if occurrence.exact:
                expected.setdefault(event.id, set()).add(occurrence.first)
    assert expected and set(given) == set(expected)
    for event_id, days in expected.items():
        assert days <= given[event_id], event_id
    uids = [str(vevent["UID"]) for vevent in feed.walk("VEVENT")]
    assert len(uids) == len(set(uids)) and all(uid.endswith("@khabarovsk.example.org") for uid in uids)
    for vevent in feed.walk("VEVENT"):
        start = vevent["DTSTART"]
        assert isinstance(start.dt, dt.date) and (not isinstance(start.dt, dt.datetime)
                                                  or start.params["TZID"] == "Asia/Vladivostok")


def test_calendar_uids_are_stable_across_languages(site):
    uids = {lang: sorted(str(v["UID"]) for v in icalendar.Calendar.from_ical(
        site.path_of(f"{PREFIX[lang]}events/events.ics").read_bytes()).walk("VEVENT")) for lang in LANGUAGES}
    assert all(found == uids["en"] for found in uids.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_ld_has_what_googles_event_result_needs(site, data, lang):
    checked = 0
    for event in data.events.values():
        script = site.page(f"{PREFIX[lang]}events/{event.id}/").select_one('script[type="application/ld+json"]')
        exact = [o for o in upcoming(event, BUILD_DATE) if o.exact]
        if not exact:
            assert script is None, event.id  # no guessed day for search engines
            continue
        values = json.loads(script.string)
        values = values if isinstance(values, list) else [values]
        assert [v["startDate"][:10] for v in values] == [o.first.isoformat() for o in exact]
        for value in values:
            assert value["@type"] == "Event" and value["name"] == event.title[lang] and value["inLanguage"] == lang
            assert value["eventStatus"].startswith("https://schema.org/Event")
            places = value["location"] if isinstance(value["location"], list) else [value["location"]]
            assert all(p["@type"] == "Place" and p["address"]["streetAddress"] and p["geo"]["latitude"] for p in places)
            assert ("organizer" in value) == (event.organiser is not None)
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_old_event_address_leads_to_its_chronicle_page(site, data, lang):
    sitemap = site.text("sitemap.xml")
    index = {doc["location"] for doc in json.loads(site.text(f"{PREFIX[lang]}search/search_index.json"))["docs"]}
    for entry in data.chronicle:
        old = f"{PREFIX[lang]}events/{entry}/"
        new = f"{PREFIX[lang]}cooperation/chronicle/{entry}/"
        page = site.page(old)
        assert page.find("html")["lang"] == lang
        assert resolve(old, page.select_one('meta[http-equiv="refresh"]')["content"].split("url=")[1]) == new
        assert resolve(old, page.select_one("a")["href"]) == new and site.exists(new)
        assert f"/events/{entry}/" not in sitemap and f"events/{entry}/" not in index
        assert f"/cooperation/chronicle/{entry}/" in sitemap


def test_partner_cities_keep_their_cooperation_history(site, data):
    url = "partners/harbin/"
    links = [resolve(url, a["href"]) for a in site.page(url).select("article li a")]
    chronicle = [link for link in links if link.startswith("cooperation/chronicle/")]
    assert len(chronicle) >= 10 and all(site.exists(link) for link in chronicle)


def test_city_day_is_modelled_as_the_city_holds_it(site, data):
    """No fixed rule (the city's dates move between late May and early June): a season with the
    editors' wording, and the city's editions of 2022-2025 as its history."""
    city_day = data.events["city-day"]
    assert city_day.usually.kind == "from" and not city_day.usually.exact
    assert {e.year for e in city_day.editions} >= {2022, 2023, 2024, 2025}
    text = plain(main_text(site.page("events/city-day/")))
    assert "the last weekend of May or the first weekend of June" in text
    assert "late May – early June 2027 (the usual period; the dates have not been announced yet)" in text
    assert "30 – 31 May 2025" in text
    assert not site.exists("events/city-day.ics")  # no day known for 2027 yet


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_chinese_and_japanese_dates_stay_whole_on_a_line(site, lang):
    """A CJK line may break between any two characters: on a phone cards read «2027年2月下» / «旬».
    Every date of the events list and the home page's cards is one unbreakable piece."""
    for url in (PREFIX[lang] + "events/", PREFIX[lang]):
        page = BeautifulSoup(site.text(url), "html.parser")  # with the spans site.page() takes out
        for piece in page.select("main .md-content"):
            for text in piece.find_all(string=re.compile(r"\d月")):
                if text.parent.name in ("script", "style"):
                    continue
                for date in re.findall(r"(?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?", text):
                    assert text.parent.get("class") == ["kh-nowrap"] and text == date, (url, date)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_a_chinese_or_japanese_number_keeps_its_counter(site, lang):
    """The same for a count: Plan your visit read «乗り継ぎ1» / «回», «入国の4» / «日前» on a phone."""
    page = BeautifulSoup(site.text(PREFIX[lang] + "visit/"), "html.parser")
    counted = 0
    for text in page.select_one("article").find_all(string=re.compile(r"\d[回日年人天次]")):
        if text.parent.name in ("script", "style"):
            continue
        assert text.parent.get("class") == ["kh-nowrap"], (lang, str(text))
        counted += 1
    assert counted > 10


def test_a_decimal_from_the_data_keeps_its_counter_whole(site):
    """«6.4万人» and «3.1公里» come from the data with the point escaped: the span began after it."""
    numbers = []
    for url in ("zh/events/amurfest-summer/", "zh/routes/"):
        page = BeautifulSoup(site.text(url), "html.parser")
        for text in page.select_one("article").find_all(string=re.compile(r"\d\.\d*(?:万|公里)|\d\.$")):
            assert text.parent.get("class") == ["kh-nowrap"] and re.fullmatch(r"\d+\.\d+\S+", text), (url, str(text))
            numbers.append(str(text))
    assert "6.4万人" in numbers and len(numbers) > 2


def test_a_separating_dot_never_starts_a_line(site):
    """«date · title · place», «source · source»: a no-break space before each dot, so that on a
    phone a line ends with the dot instead of the next beginning with it."""
    offenders, pages = [], 0
    for path in site.html_files():
        text = path.read_text(encoding="utf-8")
        article = text.find("<article")
        if article < 0:
            continue
        pages += 1
        if any(re.search(r" ·\s", between) for between in re.findall(r">([^<]+)<", text[article:])):
            offenders.append(site.url_of(path))
    assert pages > 500 and offenders == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_chronicle_entry_leads_to_the_one_before_and_after_it_in_the_list(site, lang):
    """A Bucheon official reading the 2019 chronicle entry by entry had to go back to the top of the
    list each time: each entry now links to its neighbours, in the list's order."""
    strings = load_ui_strings(ROOT)
    listing = f"{PREFIX[lang]}cooperation/chronicle/"
    order = list(dict.fromkeys(
        link for a in site.page(listing).select("article li a")
        if (link := resolve(listing, a["href"])).startswith(listing) and link != listing))
    assert len(order) >= 40

    def neighbour(url: str, key: str) -> str | None:
        for item in site.page(url).select("article li"):
            if item.get_text().strip().startswith(strings[key][lang]):
                return resolve(url, item.select_one("a")["href"])
        return None

    for before, after in zip(order, order[1:], strict=False):
        assert neighbour(before, "chronicle_next") == after and neighbour(after, "chronicle_previous") == before
    assert neighbour(order[0], "chronicle_previous") is None and neighbour(order[-1], "chronicle_next") is None


def test_an_event_held_once_is_listed_until_it_has_taken_place_and_never_repeats(data):
    """An editor adding a one-evening concert had to give it a `usually`, and the page then said
    "Usually: every year on 20 March" and its calendar file repeated it yearly (an editor's yearly
    update). `once: true` lists its one date, repeats nothing, and keeps it as "It took place"."""
    from citysite.ical import CalendarMaker

    concert = TypeAdapter(Event).validate_python({
        "id": "sister-cities-concert", "title": {lang: "Sister Cities Concert" for lang in LANGUAGES},
        "summary": {lang: "A concert." for lang in LANGUAGES}, "category": "concert", "once": True,
        "venues": ["philharmonic"], "sources": ["seed"],
        "editions": [{"start": "2027-03-20", "time": "18:30", "sources": ["page:https://example.org/"]}]})
    data = dataclasses.replace(data, events={**data.events, concert.id: concert})
    before, after = (PageContext(data, day, STRINGS) for day in (dt.date(2027, 3, 1), dt.date(2027, 3, 21)))
    assert 'href="sister-cities-concert/"' in events_listing(before, "en")
    assert "sister-cities-concert" not in events_listing(after, "en")
    page = event_page(before, concert, "en")
    assert "20 Mar 2027, 18&#58;30" in page and STRINGS["label_usually"]["en"] not in page
    page = html.unescape(event_page(after, concert, "en"))
    assert f"## {STRINGS['events_held_once']['en']}\n\n- 20 March 2027" in page, page
    calendar = CalendarMaker(data, STRINGS, "https://example.org/", dt.datetime(2027, 3, 1, tzinfo=dt.UTC),
                             before.upcoming, before.today)
    [vevent] = calendar.vevents(concert, "en")
    assert "RRULE" not in vevent and vevent.decoded("dtstart").date() == dt.date(2027, 3, 20)


def test_a_season_in_the_month_it_usually_ends_says_when(data):
    """A Harbin travel agent planning a tour for mid-February read both ice towns as simply "Still
    on" in February: in the month a season usually ends, its usual period is said; before, "(usually)"."""
    ctx = PageContext(data, dt.date(2026, 12, 8), STRINGS)
    listing = events_listing(ctx, "en")
    usual = usual_text(data.events["new-year-town-lenin-square"].usually, "en", ctx.strings_in("en"))

    def note(month: str) -> str:  # what follows the town's link in the month's "Still on" line
        section = listing.split(f"{{#{month}}}", 1)[1].split("\n###", 1)[0]
        line = next(line for line in section.splitlines() if STRINGS["events_still_on"]["en"] in line)
        return html.unescape(line.split('href="new-year-town-lenin-square/">', 1)[1].split("</span>", 1)[0])

    assert usual not in note("2027-01") and STRINGS["usually_mark"]["en"] in note("2027-01")
    assert usual in note("2027-02")


def test_this_months_section_names_the_seasons_begun_last_month(data):
    """A family on 8 January followed the month line's "January 2027" and read only Epiphany (19
    January): the ice towns and the rink, begun in December, were only under "On now" above."""
    listing = events_listing(PageContext(data, dt.date(2027, 1, 8), STRINGS), "en")
    january = listing.split("{#2027-01}", 1)[1].split("\n###", 1)[0]
    still_on = next(line for line in january.splitlines() if STRINGS["events_still_on"]["en"] in line)
    assert 'href="new-year-town-lenin-square/"' in still_on and 'href="peoples-rink/"' in still_on


@pytest.mark.parametrize("lang", ["en", "zh", "ja", "ko"])
def test_an_event_page_gives_the_events_russian_name(data, lang):
    """A family could not name the People's Rink to a taxi driver or find it in a Russian map app: the
    Japanese pages never gave «Народный каток»."""
    rink = data.events["peoples-rink"]
    page = html.unescape(event_page(PageContext(data, dt.date(2027, 1, 8), STRINGS), rink, lang))
    assert f'{STRINGS["label_name_ru"][lang]}:**' in page.replace("：", ":")
    assert f'<span lang="ru">{rink.title.ru}</span>' in page, page[:800]


def test_the_usual_time_is_said_to_be_usual_on_the_page_and_in_the_calendar(data):
    """A student group planned its 9 May morning around Victory Day's 10:00, shown like an announced
    time; the calendar file said CONFIRMED. The usual day and time are marked, and TENTATIVE."""
    from citysite.ical import CalendarMaker

    ctx = PageContext(data, dt.date(2027, 5, 5), STRINGS)
    victory = data.events["victory-day"]
    assert ctx.next[victory.id].edition is None and ctx.next[victory.id].time is not None
    page = html.unescape(event_page(ctx, victory, "en"))
    assert f'10:00 (Khabarovsk time, UTC+10; {STRINGS["time_usually"]["en"]})' in page, page[:900]
    calendar = CalendarMaker(data, STRINGS, "https://example.org/", dt.datetime(2027, 5, 5, tzinfo=dt.UTC),
                             ctx.upcoming, ctx.today)
    [repeating] = [vevent for vevent in calendar.vevents(victory, "en") if "RRULE" in vevent]
    assert repeating["STATUS"] == "TENTATIVE"
    # a moveable feast's known day at its usual time (a Chinese visitor's Easter, 1 May 2027, 23:00)
    easter = data.events["easter"]
    [night, *_] = calendar.vevents(easter, "en")
    assert ctx.next[easter.id].edition is None and night["STATUS"] == "TENTATIVE"
