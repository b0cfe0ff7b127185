"""CONTRIBUTING.md and CONTRIBUTING.ru.md stay true: their YAML examples validate against the real
data, the commands they show exist, and their table of `make check` messages explains exactly
the messages editors really get."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from citysite.data import DataError, load_site_data
from citysite.data.yamlfile import read_yaml
from citysite.messages import translate
from citysite.translations import split_front_matter
from tests.small_project import CHRONICLE, EVENTS, PARTNERS, ROOT, VENUES

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.ru.md"]
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w+)\n(?P<body>.*?)^(?P=indent)```", re.MULTILINE | re.DOTALL)


def code_blocks(guide: str, lang: str) -> list[str]:
    text = (ROOT / guide).read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        if match["lang"] == lang:
            indent = len(match["indent"])
            blocks.append("".join(line[indent:] for line in match["body"].splitlines(keepends=True)))
    return blocks


def yaml_examples(guide: str) -> list[tuple[str, str]]:
    """(data file name, example) for each YAML block; the first line names the file."""
    examples = []
    for block in code_blocks(guide, "yaml"):
        first = block.splitlines()[0]
        assert re.fullmatch(r"# data/(venues|partners|events|routes|chronicle)\.yml", first), f"{guide}: name the file: {first}"
        examples.append((first.removeprefix("# data/"), block))
    return examples


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_has_an_example_for_each_data_file(guide):
    assert {name for name, _ in yaml_examples(guide)} == {"chronicle.yml", "events.yml", "partners.yml", "routes.yml", "venues.yml"}


@pytest.mark.parametrize("guide", GUIDES)
def test_yaml_examples_validate_against_the_real_data(guide, tmp_path):
    """Each example, pasted into the real data file (replacing the entry with the same id, if
    there is one), gives no problem and no warning about the example's own entry."""
    for number, (name, example) in enumerate(yaml_examples(guide)):
        data = tmp_path / f"{number}-{name.removesuffix('.yml')}"
        shutil.copytree(ROOT / "data", data)
        entries = list(read_yaml(data / name, name).data or []) if (data / name).exists() else []
        (tmp_path / "example.yml").write_text(example, encoding="utf-8")
        new = read_yaml(tmp_path / "example.yml", "example").data  # dates stay text, as in the build
        ids = {entry["id"] for entry in new}
        entries = [entry for entry in entries if entry.get("id") not in ids] + new
        text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
        (data / name).write_text(text, encoding="utf-8")
        try:
            site_data = load_site_data(data)
            problems, warnings = [], site_data.warnings
        except DataError as error:
            problems, warnings = error.problems, error.warnings
        assert [str(p) for p in problems if p.entry in ids] == [], f"{guide}: example for {name}"
        assert [str(w) for w in warnings if w.entry in ids] == [], f"{guide}: example for {name}"


@pytest.mark.parametrize("guide", GUIDES)
def test_page_examples_have_valid_front_matter(guide):
    for block in code_blocks(guide, "markdown"):
        meta, body = split_front_matter(block)  # raises if the front matter is not valid YAML
        assert meta.get("description") and body.lstrip().startswith("# "), guide


@pytest.mark.parametrize("guide", GUIDES)
def test_every_make_command_in_the_guide_exists(guide):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))
    used = set(re.findall(r"\bmake ([a-z][\w-]*)", (ROOT / guide).read_text(encoding="utf-8")))
    assert used and used <= targets


# --- the messages of `make check` --------------------------------------------------------------

# A walking route with a single stop (the small data set has one venue).
ONE_STOP_ROUTE = """\
- id: square-walk
  title: {en: Square walk, ru: Прогулка по площади, zh: 广场漫步, ja: 広場の散歩, ko: 광장 산책}
  summary: {en: A walk., ru: Прогулка., zh: 散步。, ja: 散歩。, ko: 산책.}
  stops:
    - venue: lenin-square
      text: {en: The square., ru: Площадь., zh: 广场。, ja: 広場。, ko: 광장.}
  sources: [seed]
"""

# Data files with one mistake each (or a few), starting from a small valid set.
BROKEN = {
    "syntax": {"venues": VENUES.replace("category: square", "category: square: big")},
    "english in ru": {"events": EVENTS.replace("ru: День рождения города.", "ru: The city's birthday.")},
    "hours in a description": {"venues": VENUES.replace("ru: Главная площадь города.", "ru: Открыта с 10:00 до 18:00.")},
    "key twice": {"venues": VENUES.replace("category: square", "category: square\n  category: park")},
    "no colon": {"venues": VENUES.replace("category: square", "category square")},
    "quote then text": {"partners": PARTNERS.replace("  status: sister", '  status: "sister" city')},
    "missing": {"chronicle": CHRONICLE.replace("  summary:", "  #summary:")},
    "missing language": {"venues": VENUES.replace("    ru: Главная площадь города.\n", "")},
    "unknown field": {"chronicle": CHRONICLE.replace("  title:", "  titel:")},
    "category": {"venues": VENUES.replace("category: square", "category: plaza")},
    "category meant": {"venues": VENUES.replace("category: square", "category: Square")},
    "text starts with a hash": {"venues": VENUES.replace("    ru: Главная площадь города.", "    ru: #1 Главная площадь города.")},
    "id": {"chronicle": CHRONICLE.replace("id: city-day-2019", "id: City Day")},
    "number": {"venues": VENUES.replace("lat: 48.4800", "lat: north")},
    "decimal comma": {"venues": VENUES.replace("lat: 48.4800", 'lat: "48,4800"')},
    "coordinates pair": {"venues": VENUES.replace("lat: 48.4800", "lat: 48.4800, 135.0717")},
    "whole number": {"venues": VENUES.replace("  sources: [seed]", "  capacity: 1.5\n  sources: [seed]")},
    "text": {"partners": PARTNERS.replace("en: Niigata", "en: 1965")},
    "list": {"chronicle": CHRONICLE.replace("partners: [niigata]", "partners: niigata")},
    "empty": {"chronicle": CHRONICLE.replace("sources: [seed]", "sources: []")},
    "not a date": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"26 May"')},
    "no such day": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"2019-02-30"')},
    "no such month": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"2019-13"')},
    "end before start": {"chronicle": CHRONICLE.replace("  category:", '  end: "2019-05-20"\n  category:')},
    "end over new year": {"events": EVENTS.replace('    - start: "2025-05-30"\n      end: "2025-05-31"',
                                                   '    - start: "2025-12-26"\n      end: "2025-02-23"')},
    "month and day swapped": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"2019-26-05"')},
    "where": {"chronicle": CHRONICLE.replace("  category:", "  city: niigata\n  category:")},
    # a yearly event's usual timing and editions (data/events.yml)
    "repeat rule": {"events": EVENTS.replace("    month: 5\n    part: late", "    rule: weekly")},
    "usually kind": {"events": EVENTS.replace("    month: 5\n", '    month: 5\n    date: "05-30"\n')},
    "usually companion": {"events": EVENTS.replace("    month: 5\n", '    month: 5\n    time: "10:00"\n')},
    "usually season": {"events": EVENTS.replace("    month: 5\n    part: late", "    from: {month: 12}")},
    "usually moveable": {"events": EVENTS.replace("    month: 5\n    part: late", "    moveable: orthodox-easter")},
    "usually yearly day": {"events": EVENTS.replace("    month: 5\n    part: late", "    rule: yearly")},
    "usually yearly": {"events": EVENTS.replace("    month: 5\n    part: late", "    rule: FREQ=MONTHLY;BYMONTHDAY=1")},
    "usually one day": {"events": EVENTS.replace("    month: 5\n    part: late", '    date: "05-30"\n    end: "05-30"')},
    "day of year": {"events": EVENTS.replace("    month: 5\n    part: late", '    date: "02-30"')},
    "day of year text": {"events": EVENTS.replace("    month: 5\n    part: late", '    date: "30 May"')},
    "time of day": {"events": EVENTS.replace("    month: 5\n    part: late", '    date: "05-30"\n    time: "25:00"')},
    "edition year": {"events": EVENTS.replace('    - start: "2025-05-30"', '    - start: "2025"')},
    "edition time": {"events": EVENTS.replace('    - start: "2025-05-30"\n      end: "2025-05-31"',
                                              '    - start: "2025-05-30 15:00"')},
    "edition time without day": {"events": EVENTS.replace('    - start: "2025-05-30"\n      end: "2025-05-31"',
                                                          '    - start: "2025-05"\n      time: "15:00"')},
    "edition twice": {"events": EVENTS.replace("  sources: [seed]\n", '  sources: [seed]\n', 1).replace(
        '      sources: [seed]\n', '      sources: [seed]\n    - start: "2025-06"\n      sources: [seed]\n', 1)},
    "outside": {"venues": VENUES.replace("lat: 48.4800", "lat: 55.7558")},
    "country": {"partners": PARTNERS.replace("country: JP", "country: Japan")},
    "web address": {"partners": PARTNERS.replace("  sources:", "  website: www.niigata\n  sources:")},
    "source kind": {"chronicle": CHRONICLE.replace("sources: [seed]", 'sources: ["report: the 2019 report"]')},
    "source web address": {"chronicle": CHRONICLE.replace("sources: [seed]", 'sources: ["https://example.org/report"]')},
    "retired kind": {"events": EVENTS.replace("sources: [seed]", 'sources: [seed, "reference: pikabu.ru"]')},
    "source with a space": {"events": EVENTS.replace("sources: [seed]", 'sources: ["page:https://example.org/ report (a note)"]')},
    "wikipedia": {"events": EVENTS.replace("sources: [seed]", 'sources: ["page:https://ru.wikipedia.org/wiki/Хабаровск"]')},
    "blank text": {"partners": PARTNERS.replace("ru: Ниигата", 'ru: " "')},
    "latitude swapped": {"partners": PARTNERS.replace("lat: 37.9161", "lat: 139.0364")},
    "copy site": {"events": EVENTS.replace("sources: [seed]", 'sources: ["page:https://www.wikiwand.com/ru/Хабаровск"]')},
    "research file": {"events": EVENTS.replace("sources: [seed]", 'sources: [seed, "note: see shared/reference/notes.md"]')},
    "no visible source": {"events": EVENTS.replace("sources: [seed]", 'sources: ["general: common knowledge"]')},
    # a venue's practical facts (hours, tickets, phone, stop): each with a page source and a checked day
    "hours": {"venues": VENUES + '  hours: {spec: "Tu-Su 10-18", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "hours dots": {"venues": VENUES + '  hours: {spec: "Tu-Su 10.00-18.00", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "hours overridden": {"venues": VENUES + '  hours: {spec: "Th 10:00-21:00; We-Su 10:00-18:00", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "hours comma": {"venues": VENUES + '  hours: {spec: "Tu-Su 10:00-18:00, Fr[-1] off", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "hours words": {"venues": VENUES + '  hours: {spec: "с 10 до 18", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "hours empty": {"venues": VENUES + '  hours: {sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "checked day": {"venues": VENUES + '  hours: {spec: "24/7", sources: ["page:https://example.org/"], checked: "2026-12"}\n'},
    "closure day": {"venues": VENUES + '  closed: [{start: "2027-03", end: "2027-04-30", reason: {en: Works., ru: Работы.}, '
                                       'sources: ["page:https://example.org/"], checked: "2026-12-04"}]\n'},
    "page source": {"venues": VENUES + '  hours: {spec: "24/7", sources: ["general: a sign"], checked: "2026-12-04"}\n'},
    "free price": {"venues": VENUES + '  tickets: {free: true, price: 300, sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "phone": {"venues": VENUES + '  phone: {number: "47-71-58", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "route number": {"venues": VENUES + '  stop: {name: {en: A, ru: Б}, routes: {bus: [3-4]}, sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "true or false": {"venues": VENUES + "  open_air: maybe\n"},
    "unknown venue": {"chronicle": CHRONICLE.replace("[lenin-square]", "[lenin-sqare]")},
    # walking routes (data/routes.yml); the small data set has one venue
    "one stop": {"routes": ONE_STOP_ROUTE},
    "same stop twice": {"routes": ONE_STOP_ROUTE.replace("  sources:", "    - venue: lenin-square\n"
                        "      text: {en: Again., ru: Снова., zh: 再来。, ja: もう一度。, ko: 다시.}\n  sources:")},
    "unknown partner": {"chronicle": CHRONICLE.replace("[niigata]", "[nigata]")},
    "unknown city": {"chronicle": CHRONICLE.replace("  venues: [lenin-square]", "  city: nigata")},
    "duplicate": {"chronicle": CHRONICLE + "\n" + CHRONICLE},
    "event with a chronicle id": {"chronicle": CHRONICLE.replace("id: city-day-2019", "id: city-day")},
    "event id with a year": {"events": EVENTS.replace("- id: city-day", "- id: city-day-2026")},
    # the yearly update: an event copied to add a year, a year's edition written the wrong way
    "event copied": {"events": EVENTS + EVENTS},
    "event copied with a year": {"events": EVENTS + EVENTS.replace("- id: city-day", "- id: city-day-2026")},
    "event copied as another": {"events": EVENTS + EVENTS.replace("- id: city-day", "- id: den-goroda")},
    "edition under sources": {"events": EVENTS.replace("\n  sources: [seed]\n",
                                                       '\n  sources:\n    - seed\n    - start: "2026-05"\n      sources: [seed]\n')},
    "edition part": {"events": EVENTS.replace('      end: "2025-05-31"\n', '      end: "2025-05-31"\n      part: late\n')},
    "status of event": {"events": EVENTS.replace("  editions:\n", "  status: cancelled\n  editions:\n")},
    "part of a month": {"events": EVENTS.replace('    - start: "2025-05-30"\n      end: "2025-05-31"',
                                                 '    - start: "конец мая 2025"')},
    "edition not announced": {"events": EVENTS.replace("      sources: [seed]", '      sources: ["note: not yet"]')},
    "edition without sources": {"events": EVENTS.replace("      sources: [seed]\n", "")},
    "edition source without kind": {"events": EVENTS.replace("      sources: [seed]", '      sources: ["мэрия"]')},
    "edition end year": {"events": EVENTS.replace('end: "2025-05-31"', 'end: "2052-05-31"')},
    "yearly event without usually": {"events": EVENTS.replace("  usually:\n    month: 5\n    part: late\n", "")},
    "once with usually": {"events": EVENTS.replace("  usually:\n", "  once: true\n  usually:\n")},
    "once with two editions": {"events": EVENTS.replace("  usually:\n    month: 5\n    part: late\n", "  once: true\n")
                               .replace("  editions:\n", '  editions:\n    - start: "2026-05"\n      sources: [seed]\n')},
    "edition refined": {"events": EVENTS.replace("  editions:\n", '  editions:\n    - start: "2025-05"\n      sources: [seed]\n')},
    "cyrillic field": {"venues": VENUES + '  hours: {spec: "24/7", sources: ["page:https://example.org/"], \u0441hecked: "2026-12-04"}\n'},
    "entry without its dash": {"chronicle": CHRONICLE + "\n" + CHRONICLE.replace("- id: city-day-2019", "id: forum-2019")},
    "no colon before a block": {"venues": VENUES.replace("  description:\n", "  description\n")},
    "khabarovsk": {"partners": PARTNERS + PARTNERS.replace("id: niigata", "id: khabarovsk")},
    "not a list": {"venues": "id: lenin-square\n"},
    "file missing": {"venues": None},
    "warning": {"venues": VENUES},  # the venue's description has no zh, ja, ko
    # the traps of YAML (citysite/data/yamlfile.py, citysite/data/indentation.py)
    "tab": {"venues": VENUES.replace("  category: square", "\tcategory: square")},
    "indentation": {"venues": VENUES.replace("  lat: 48.4800", "   lat: 48.4800")},
    "unclosed bracket": {"venues": VENUES.replace("category: square", "category: [square")},
    "unclosed quote": {"venues": VENUES.replace("category: square", 'category: "square')},
    "reserved character": {"venues": VENUES.replace("category: square", "category: @square")},
    "other syntax": {"venues": VENUES.replace("category: square", "category: *square")},
    "cut by comment": {"venues": VENUES.replace("en: The main square of the city.", "en: The main square #1 of the city.")},
    "indented too far": {"venues": VENUES.replace("  sources: [seed]", "    sources: [seed]")},
    "not indented": {"venues": VENUES.replace("    ru: Главная площадь города.", "  ru: Главная площадь города.")},
    # the slips of GitHub's web editor and of a Russian keyboard
    "no space": {"venues": VENUES.replace("category: square", "category:square")},
    # pasted from Word or a web page (an editors' walkthrough)
    "non-breaking space": {"venues": VENUES.replace("category: square", "category:\u00a0square")},
    "colon in braces": {"venues": VENUES + '  phone: {number: "+7 4212 47-71-58", note: {en: box office, ru: касса: '
                                           'билеты}, sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "colon in a source": {"chronicle": CHRONICLE.replace(
        "sources: [seed]", "sources:\n    - page:https://example.org/news (новость: отменено)")},
    "price zero": {"venues": VENUES + '  tickets: {free: false, price: 0, sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "phone with 8": {"venues": VENUES + '  phone: {number: "8 (4212) 47-71-58", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "phone extension": {"venues": VENUES + '  phone: {number: "+7 4212 47-71-58 доб. 2", sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "words in a phone": {"venues": VENUES + '  phone: {number: "+7 4212 47-71-58 (касса)", '
                                            'sources: ["page:https://example.org/"], checked: "2026-12-04"}\n'},
    "empty value": {"venues": VENUES.replace("en: The main square of the city.", "en:")},
    "date as written": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"26.05.2019"')},
    "days as written": {"chronicle": CHRONICLE.replace('"2019-05-26"', '"26–28 мая 2019"')},
    "checked in future": {"venues": VENUES + '  hours: {spec: "24/7", sources: ["page:https://example.org/"], checked: "2999-01-01"}\n'},
    "not utf-8": {"venues": VENUES.encode("utf-8").replace(
        "Главная".encode("utf-8"), "Главная".encode("cp1251"))},
    "no entries": {"chronicle": "# the 2019 chronicle\n"},
    # a usual timing that cannot be meant
    "end a day early": {"events": EVENTS.replace("month: 5\n    part: late", 'date: "06-12"\n    end: "06-11"')},
    "weekday without month": {"events": EVENTS.replace("month: 5\n    part: late", "rule: FREQ=YEARLY;BYDAY=2SA")},
    "rule that stops": {"events": EVENTS.replace("month: 5\n    part: late",
                                                 "rule: FREQ=YEARLY;BYMONTH=6;BYDAY=2SA;COUNT=1")},
    "translation copied": {"events": EVENTS + EVENTS.replace("id: city-day", "id: taste-of-amur").replace(
        "en: City Day, ru: День города", "en: Taste of the Amur, ru: Вкус Амура")},
    "dash without space": {"venues": VENUES.replace("  sources: [seed]", '  sources:\n    -"seed"')},
    "published entry removed": {"translated-from": 'events:\n  arsenyev-live: {ru: "abc"}\n'},
    "date in typographic quotes": {"chronicle": CHRONICLE.replace('"2019-05-26"', '“2019-05-26”')},
    "formatting": {"venues": VENUES.replace("ru: Главная площадь города.", "ru: Главная **площадь** города.")},
    "time unquoted": {"events": EVENTS.replace("month: 5\n    part: late", 'date: "06-12"\n    time: 18:00')},
}


def real_messages(tmp_path: Path) -> list[str]:
    messages = []
    for case, files in BROKEN.items():
        folder = tmp_path / case.replace(" ", "-")
        folder.mkdir()
        for name, text in {"venues": VENUES, "partners": PARTNERS, "events": EVENTS, "chronicle": CHRONICLE,
                           **files}.items():
            if isinstance(text, bytes):  # a file in another encoding
                (folder / f"{name}.yml").write_bytes(text)
            elif text is not None:
                (folder / f"{name}.yml").write_text(text, encoding="utf-8")
        try:
            found = load_site_data(folder)
            case_messages = [w.message for w in found.warnings]
        except DataError as error:
            case_messages = [p.message for p in error.problems] + [w.message for w in error.warnings]
        assert case_messages, f"case '{case}' gave no message"
        messages += case_messages
    return messages


def message_patterns(guide: str, table_name: str = "messages of make check") -> dict[str, re.Pattern]:
    """The first-column messages of the guide's `make check` table (or of the table after the comment
    `<!-- TABLE_NAME...`: the pictures' in tests/test_images.py), `…` standing for anything."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    table = text.split(f"<!-- {table_name}", 1)[1].split("\n\n", 1)[0]
    patterns = {}
    for row in table.splitlines()[3:]:
        first_cell = row.split(" | ")[0]
        for code in re.findall(r"`([^`]+)`", first_cell):
            patterns[code] = re.compile(".*?".join(re.escape(part) for part in code.split("…")))
    return patterns


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> list[str]:
    return real_messages(tmp_path_factory.mktemp("broken-data"))


def in_guide_language(guide: str, messages: list[str]) -> list[str]:
    """The messages as an editor reading `guide` gets them: in Russian for CONTRIBUTING.ru.md
    (LANG=ru_RU.UTF-8 or SITE_MESSAGES=ru; citysite/messages.py), in English otherwise."""
    return [translate(message, "ru") for message in messages] if guide.endswith(".ru.md") else messages


@pytest.mark.parametrize("guide", GUIDES)
def test_every_message_an_editor_gets_is_explained(guide, messages):
    patterns = message_patterns(guide)
    shown = in_guide_language(guide, messages)
    unexplained = [m for m in shown if not any(p.search(m) for p in patterns.values())]
    assert unexplained == []


@pytest.mark.parametrize("guide", GUIDES)
def test_every_explained_message_really_occurs(guide, messages):
    patterns = message_patterns(guide)
    shown = in_guide_language(guide, messages)
    stale = [code for code, pattern in patterns.items() if not any(pattern.search(m) for m in shown)]
    assert stale == []
