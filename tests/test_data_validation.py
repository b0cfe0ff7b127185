"""An editor's mistake in data/*.yml comes back as `data/FILE.yml:LINE: entry ID: what; how to fix`.

Each test starts from the small valid data set in tests/data_fixture/, makes one mistake an
editor could make, and checks the message names the file, the line of the mistake and the entry.
`make check` (scripts/check_data.py) is run as an editor runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citysite.data import DataError, load_site_data

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "data_fixture"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> str:
    """Replace `old` (which must occur once) in data/<name>; return the new text."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def append(folder: Path, name: str, entry: str) -> str:
    path = folder / name
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + entry.strip("\n") + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def errors(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(folder)
    return [str(problem) for problem in caught.value.problems]


def russian(folder: Path) -> str:
    """The first problem with the data in `folder`, as a Russian-speaking editor reads it."""
    with pytest.raises(DataError) as caught:
        load_site_data(folder)
    return caught.value.problems[0].text("ru")


def assert_reported(folder: Path, file: str, line: int, entry: str, *fragments: str) -> str:
    """Exactly one error, at `file:line` for `entry`, containing every fragment."""
    found = errors(folder)
    prefix = f"data/{file}:{line}: entry {entry}: " if entry else f"data/{file}:{line}: "
    matching = [message for message in found if message.startswith(prefix)]
    assert matching, f"no error starting with {prefix!r}; got:\n" + "\n".join(found)
    assert all(fragment in matching[0] for fragment in fragments), matching[0]
    assert len(found) == 1, "one mistake, one message:\n" + "\n".join(found)
    return matching[0]


def test_fixture_is_valid(data_dir):
    data = load_site_data(data_dir)
    assert set(data.events) >= {"city-day", "winter-festival"}
    assert set(data.chronicle) >= {"harbin-concert-2019", "delegation-to-harbin-2019"}


def test_yaml_syntax_error(data_dir):
    text = edit(data_dir, "venues.yml", "  category: square\n  address:\n    en: Muravyova",
                "  category: square\n   address:\n    en: Muravyova")
    message = assert_reported(data_dir, "venues.yml", line_of(text, "   address:"), "", "YAML syntax error")
    assert "indentation" in message


def test_unknown_field_suggests_the_right_name(data_dir):
    text = edit(data_dir, "chronicle.yml", "  category: concert\n", "  categroy: concert\n")
    line = line_of(text, "categroy")
    # The misspelt field is unknown, and the real one is therefore missing: both on the entry.
    found = errors(data_dir)
    assert f"data/chronicle.yml:{line}: entry harbin-concert-2019: unknown field 'categroy'; did you mean 'category'?" in found


def test_unknown_nested_field(data_dir):
    text = edit(data_dir, "partners.yml", "    zh: 中国的友好城市。", "    cn: 中国的友好城市。")
    assert_reported(data_dir, "partners.yml", line_of(text, "cn: 中国"), "harbin", "unknown field 'summary.cn'")


def test_missing_required_field(data_dir):
    text = edit(data_dir, "chronicle.yml", "  category: delegation\n", "")
    assert_reported(data_dir, "chronicle.yml", line_of(text, "id: delegation-to-harbin-2019"),
                    "delegation-to-harbin-2019", "'category' is missing", "add it")


def test_missing_required_language(data_dir):
    text = edit(data_dir, "chronicle.yml", "  title: {en: Delegation to Harbin, ru: Делегация в Харбин}",
                "  title: {en: Delegation to Harbin}")
    assert_reported(data_dir, "chronicle.yml", line_of(text, "title: {en: Delegation to Harbin}"),
                    "delegation-to-harbin-2019", "'title.ru' is missing")


def test_missing_optional_language_is_a_warning_with_its_line(data_dir):
    text = (data_dir / "chronicle.yml").read_text(encoding="utf-8")
    data = load_site_data(data_dir)  # no error
    warnings = [str(w) for w in data.warnings]
    line = line_of(text, "title: {en: Delegation to Harbin")
    assert (f"data/chronicle.yml:{line}: entry delegation-to-harbin-2019: 'title' has no zh, ja, ko text yet; "
            "English is shown instead") in warnings


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "fragment"),
    [
        ("venues.yml", "  lat: 48.4728\n", "  lat: north\n", "komsomolskaya-square", "'lat' must be a number"),
        ("venues.yml", "  capacity: 5000\n", "  capacity: many\n", "komsomolskaya-square", "'capacity' must be a whole number"),
        ("chronicle.yml", "  venues: [lenin-square]\n  partners: [harbin]\n  category: concert",
         "  venues: lenin-square\n  partners: [harbin]\n  category: concert", "harbin-concert-2019", "'venues' must be a list"),
        ("partners.yml", "  summary: {en: A friendship city in Japan., ru: Дружественный город в Японии.}",
         "  summary: A friendship city in Japan.", "musashino", "'summary' must be a block of fields"),
    ],
)
def test_wrong_type(data_dir, file, old, new, entry, fragment):
    text = edit(data_dir, file, old, new)
    assert_reported(data_dir, file, line_of(text, new.strip().splitlines()[0]), entry, fragment)


def test_impossible_date(data_dir):
    text = edit(data_dir, "chronicle.yml", '  start: "2019-06-15"', '  start: "2019-02-30"')
    assert_reported(data_dir, "chronicle.yml", line_of(text, "2019-02-30"), "delegation-to-harbin-2019",
                    "'2019-02-30' does not exist", "February 2019 has 28 days")


def test_not_a_date(data_dir):
    text = edit(data_dir, "chronicle.yml", '  end: "2019-06-18"', '  end: "18.06.2019"')
    assert_reported(data_dir, "chronicle.yml", line_of(text, "18.06.2019"), "delegation-to-harbin-2019",
                    "is not a date", 'write "2019-06-18"')


def test_end_before_start(data_dir):
    text = edit(data_dir, "chronicle.yml", '  end: "2019-06-18"', '  end: "2019-06-01"')
    assert_reported(data_dir, "chronicle.yml", line_of(text, '  end: "2019-06-01"'), "delegation-to-harbin-2019",
                    "2019-06-01 is before start 2019-06-15")


def test_unknown_venue_reference(data_dir):
    text = edit(data_dir, "chronicle.yml", "  venues: [lenin-square]\n  partners: [harbin]\n  category: concert",
                "  venues: [lenin-squar]\n  partners: [harbin]\n  category: concert")
    assert_reported(data_dir, "chronicle.yml", line_of(text, "lenin-squar]"), "harbin-concert-2019",
                    "unknown venue 'lenin-squar'", "did you mean 'lenin-square'?")


def test_unknown_city_reference(data_dir):
    text = edit(data_dir, "chronicle.yml", "  city: harbin\n", "  city: harbinn\n")
    assert_reported(data_dir, "chronicle.yml", line_of(text, "city: harbinn"), "delegation-to-harbin-2019",
                    "unknown city 'harbinn'", "did you mean 'harbin'?")


def test_unknown_partner_reference(data_dir):
    text = edit(data_dir, "chronicle.yml", "  partners: [musashino]\n", "  partners:\n    - musasino\n")
    assert_reported(data_dir, "chronicle.yml", line_of(text, "- musasino"), "youth-exchange-2019",
                    "unknown partner 'musasino'", "data/partners.yml")


def test_venue_outside_the_city(data_dir):
    text = edit(data_dir, "venues.yml", "  lon: 135.0539\n", "  lon: 48.4728\n")
    assert_reported(data_dir, "venues.yml", line_of(text, "lon: 48.4728"), "komsomolskaya-square",
                    "outside Khabarovsk", "swapped")


def test_duplicate_id(data_dir):
    text = append(data_dir, "partners.yml", """
- id: harbin
  name: {en: Harbin, ru: Харбин}
  country: CN
  status: sister
  lat: 45.75
  lon: 126.63
  summary: {en: Again., ru: Снова.}
  sources: [seed]
""")
    assert_reported(data_dir, "partners.yml", line_of(text, "- id: harbin", 2), "harbin",
                    f"already used on line {line_of(text, '- id: harbin')}")


def test_an_event_cannot_take_a_chronicle_entrys_id(data_dir):
    """The chronicle keeps its old addresses events/<id>/ and events/<id>.ics: an event with the same
    id would be given the chronicle's calendar file (an editor's walkthrough, 2026-12-07)."""
    chronicle = (data_dir / "chronicle.yml").read_text(encoding="utf-8")
    text = edit(data_dir, "events.yml", "- id: museum-night\n", "- id: forum\n")
    edit(data_dir, "chronicle.yml", "- id: forum-2019\n", "- id: forum\n")
    assert_reported(data_dir, "events.yml", line_of(text, "- id: forum"), "forum",
                    f"already used by the entry on line {line_of(chronicle, '- id: forum-2019')} of "
                    "data/chronicle.yml", "give the event another id")


def test_an_events_id_has_no_year(data_dir):
    text = edit(data_dir, "events.yml", "- id: museum-night\n", "- id: museum-night-2027\n")
    assert_reported(data_dir, "events.yml", line_of(text, "- id: museum-night-2027"), "museum-night-2027",
                    "write 'museum-night'", "editions")
    assert russian(data_dir).endswith("напишите 'museum-night', а даты каждого года укажите в editions")


def test_a_route_stop_at_an_unknown_venue_is_named_in_the_editors_language(data_dir):
    text = edit(data_dir, "routes.yml", "    - venue: lenin-square\n", "    - venue: lenin-squar\n")
    assert_reported(data_dir, "routes.yml", line_of(text, "venue: lenin-squar"), "two-squares",
                    "unknown venue 'lenin-squar'", "did you mean 'lenin-square'?")
    assert "неизвестная площадка 'lenin-squar'" in russian(data_dir)


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "fragment"),
    [
        ("venues.yml", "  category: square\n  address: {en", "  category: plaza\n  address: {en",
         "komsomolskaya-square", "'plaza' is not a known category; use one of: square"),
        ("chronicle.yml", "  category: exchange\n", "  category: party\n", "youth-exchange-2019",
         "'party' is not a known category"),
        ("partners.yml", "  status: friendly\n", "  status: twin\n", "musashino",
         "'twin' is not a known status; use one of: sister, friendly, partner"),
    ],
)
def test_unknown_category_or_status(data_dir, file, old, new, entry, fragment):
    text = edit(data_dir, file, old, new)
    assert_reported(data_dir, file, line_of(text, new.splitlines()[0]), entry, fragment)


def test_malformed_url(data_dir):
    text = edit(data_dir, "venues.yml", "  website: https://example.org/komsomolskaya\n",
                "  website: example.org/komsomolskaya\n")
    assert_reported(data_dir, "venues.yml", line_of(text, "website: example.org"), "komsomolskaya-square",
                    "is not a web address", "https://")


def test_unknown_country_code(data_dir):
    text = edit(data_dir, "partners.yml", "  country: JP\n", "  country: Japan\n")
    assert_reported(data_dir, "partners.yml", line_of(text, "country: Japan"), "musashino", "ISO 3166")


def test_every_problem_is_reported_at_once(data_dir):
    edit(data_dir, "chronicle.yml", '  start: "2019-06-15"', '  start: "2019-02-30"')
    edit(data_dir, "venues.yml", "  lon: 135.0539\n", "  lon: 48.4728\n")
    edit(data_dir, "partners.yml", "  status: friendly\n", "  status: twin\n")
    found = errors(data_dir)
    assert [message.split(":", 1)[0] for message in found] == [
        "data/chronicle.yml", "data/partners.yml", "data/venues.yml"
    ]


def run_check(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_data.py"), "--data", str(data_dir)],
        capture_output=True, text=True,
    )


def test_make_check_passes_on_valid_data_and_lists_missing_translations(data_dir):
    result = run_check(data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 2 venues, 2 partner cities, 4 events, 4 entries of the 2019 chronicle" in result.stdout
    assert "entry lenin-square: 'description' has no zh, ja, ko text yet" in result.stdout


def test_make_check_fails_listing_each_error_with_file_and_line(data_dir):
    text = edit(data_dir, "chronicle.yml", '  start: "2019-06-15"', '  start: "2019-02-30"')
    result = run_check(data_dir)
    assert result.returncode == 1
    line = line_of(text, "2019-02-30")
    assert f"data/chronicle.yml:{line}: entry delegation-to-harbin-2019: start: '2019-02-30' does not exist" in result.stdout
    assert "1 error," in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragment"),
    [
        ('["page:https://example.org/komsomolskaya"]', '["page:example.org/komsomolskaya"]', "page:example.org",
         "is not a web address"),
        ('["page:https://example.org/komsomolskaya"]', '["https://example.org/komsomolskaya"]', '["https://',
         'write "page:https://example.org/komsomolskaya (what it says)"'),
        # a space typed into the address: the link would have gone to https://example.org/ (an editors' walkthrough)
        ('["page:https://example.org/komsomolskaya"]', '["page:https://ru.wikipedia.org/wiki/Komsomolskaya"]',
         "wikipedia.org", "is Wikipedia, which retells other pages; cite the page its article cites"),
        ('["page:https://example.org/komsomolskaya"]', '["page:https://example.org/ komsomolskaya (the square)"]',
         "example.org/ komsomolskaya", "the address ends at the space before 'komsomolskaya', and the page would "
                                       "link to https://example.org/"),
    ],
)
def test_malformed_source(data_dir, old, new, needle, fragment):
    text = edit(data_dir, "venues.yml", old, new)
    assert_reported(data_dir, "venues.yml", line_of(text, needle), "komsomolskaya-square", fragment)


def test_the_first_message_is_the_cause_not_its_consequences(data_dir):
    """An editors' walkthrough: `- id: Harbin` was listed after the chronicle's entries that point
    at harbin, which suggested 'Harbin', itself no id; 'adress' came after "no field 'address'"; an
    empty `id:` was "entry None". The guide says: fix the first message."""
    edit(data_dir, "partners.yml", "- id: harbin", "- id: Harbin")
    found = errors(data_dir)
    assert found[0].startswith("data/partners.yml:3: entry Harbin: ") and "'Harbin'" in found[0], found
    assert len(found) == 3 and not any("did you mean 'Harbin'" in message for message in found), found
    edit(data_dir, "partners.yml", "- id: Harbin", "- id: harbin")
    edit(data_dir, "venues.yml", "  address: {en: Muravyova-Amurskogo St,", "  adress: {en: Muravyova-Amurskogo St,")
    found = errors(data_dir)
    assert len(found) == 1 and "unknown field 'adress'; did you mean 'address'?" in found[0], found
    edit(data_dir, "venues.yml", "  adress: {en:", "  address: {en:")
    text = edit(data_dir, "partners.yml", "- id: harbin", "- id:")
    assert "entry #1: " in errors(data_dir)[0] and "None" not in "".join(errors(data_dir))
    assert line_of(text, "- id:") == 3


def test_a_partner_city_with_lat_and_lon_swapped_is_told_so(data_dir):
    """A venue's swapped pair was explained, a partner city's got "should be less than or equal to 90"."""
    text = edit(data_dir, "partners.yml", "  lat: 45.7500", "  lat: 126.6333")
    assert_reported(data_dir, "partners.yml", line_of(text, "lat: 126.6333"), "harbin",
                    "'lat' is 126.6333: a latitude lies between -90 and 90; are lat and lon swapped?")


@pytest.mark.parametrize("blank", ['""', '" "'])
def test_a_name_left_empty_or_as_spaces_is_refused_in_the_editors_language(data_dir, blank):
    """An editors' walkthrough: `ru: ""` got pydantic's English "String should have at least 1
    character", and `ru: " "` passed, to publish an event with an empty heading and link."""
    text = edit(data_dir, "venues.yml", "ru: Комсомольская площадь,", f"ru: {blank},")
    assert_reported(data_dir, "venues.yml", line_of(text, f"ru: {blank},"), "komsomolskaya-square",
                    "'name.ru' is empty or only spaces; write its text between the quotes")
    assert "'name.ru' — пустой текст или одни пробелы" in russian(data_dir)


def test_an_event_copied_as_a_template_with_its_translations_is_refused_where_they_are(data_dir):
    """An editors' walkthrough copied an event to add a new one and rewrote the English and Russian
    she can read: its Chinese, Japanese and Korean title (and description) stayed the other event's,
    and its pages in those languages described that event."""
    text = edit(data_dir, "events.yml", "title: {en: Winter festival, ru: Зимний фестиваль}",
                "title: {en: Winter festival, ru: Зимний фестиваль, zh: 城市日}")
    assert_reported(data_dir, "events.yml", line_of(text, "zh: 城市日}"), "winter-festival",
                    "the Chinese text of 'title' is the same as that of city-day (line 3), whose English differs",
                    "delete this entry's 'zh: …' lines")
    assert "текст 'title' на китайском языке совпадает с текстом записи city-day" in russian(data_dir)


@pytest.mark.parametrize("text", ["Ice **sculptures** on the square.", "Ice <b>sculptures</b> on the square.",
                                  "Ice sculptures, [programme](https://example.org/ice)."])
def test_formatting_in_a_data_text_is_refused_as_it_would_show(data_dir, text):
    """Bold and links written as on a page were shown with their '**', '<b>' and '[…](…)' on the
    page, in its description for search engines and in link previews (an editors' walkthrough)."""
    edit(data_dir, "events.yml", "summary: {en: Ice sculptures on the square.,", f'summary: {{en: "{text}",')
    assert "is formatting for a page, but the site shows the texts of data files as they are" in errors(data_dir)[0]


def test_russian_copied_into_an_asian_translation_is_a_warning(data_dir):
    """Her Russian copied into zh, ja and ko to end the check's red cross was read out to Asian
    visitors (an editors' walkthrough); English pasted there was already caught."""
    edit(data_dir, "events.yml", "title: {en: Winter festival, ru: Зимний фестиваль}",
         "title: {en: Winter festival, ru: Зимний фестиваль, ko: Зимний фестиваль}")
    warnings = [str(warning) for warning in load_site_data(data_dir).warnings]
    assert any("the ko text of 'title' has no letters of that language" in warning for warning in warnings), warnings


def test_a_soft_hyphen_pasted_from_word_does_not_reach_the_site(data_dir):
    """Word's invisible soft hyphens reached the page, the search index and the calendar, and the
    site's search missed «мас­тер-классы»."""
    edit(data_dir, "events.yml", "ru: Ледовые скульптуры на площади.", "ru: Ледо\u00adвые скульп\u00adтуры на площади.")
    assert load_site_data(data_dir).events["winter-festival"].summary.ru == "Ледовые скульптуры на площади."


@pytest.mark.parametrize(("old", "new", "typed"), [
    ('    - start: "2026-12-20"', '    -start: "2026-12-20"', '-start: "2026-12-20"'),
    ('      sources: ["page:https://example.org/winter-festival-2026"]',
     '      sources:\n        -"page:https://example.org/winter-festival-2026"', '-"page:'),
])
def test_a_list_item_without_the_space_after_its_hyphen_is_named_at_its_line(data_dir, old, new, typed):
    """`-start:` was reported at the next line as indentation, and `-"page:…"` was offered back
    quoted with its hyphen (an editors' walkthrough)."""
    text = edit(data_dir, "events.yml", old, new)
    found = errors(data_dir)
    assert found[0].startswith(f"data/events.yml:{line_of(text, typed)}: ") and "has no space after its hyphen" in found[0], found


def test_an_entry_deleted_after_it_was_published_is_named(data_dir):
    """An editors' walkthrough deleted a past event no page linked to: its page, calendar file and
    shared links went with it, unsaid. A published entry (its translations marked) is missed."""
    (data_dir / "translated-from.yml").write_text(
        'events:\n  city-day: {ru: "abc"}\n  arsenyev-live: {ru: "abc", zh: "abc"}\n', encoding="utf-8")
    warnings = [str(warning) for warning in load_site_data(data_dir).warnings]
    assert [warning for warning in warnings if "was published" in warning] == [
        "data/translated-from.yml:3: entry arsenyev-live: events/arsenyev-live was published and is no longer in "
        "data/events.yml: its page, its calendar file and the links visitors saved or shared would lead nowhere; put "
        "the entry back (a past event stays on the site as its history; one called off gets 'status: cancelled'); to "
        "remove it all the same, delete this line too"]


def test_a_date_in_typographic_quotes_is_told_so(data_dir):
    """“2026-12-20” and "2026-12-20" look alike on a phone: the message asked for the second without
    saying what differed (an editors' walkthrough)."""
    text = edit(data_dir, "events.yml", '    - start: "2026-12-20"', '    - start: “2026-12-20”')
    assert_reported(data_dir, "events.yml", line_of(text, "“2026-12-20”"), "winter-festival",
                    "is in typographic quotes", 'write it in straight quotes: "2026-12-20"')
