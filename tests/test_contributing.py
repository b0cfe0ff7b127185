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
from citysite.translations import split_front_matter
from tests.small_project import EVENTS, PARTNERS, ROOT, VENUES

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
        assert re.fullmatch(r"# data/(venues|partners|events)\.yml", first), f"{guide}: name the file: {first}"
        examples.append((first.removeprefix("# data/"), block))
    return examples


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_has_an_example_for_each_data_file(guide):
    assert sorted(name for name, _ in yaml_examples(guide)) == ["events.yml", "partners.yml", "venues.yml"]


@pytest.mark.parametrize("guide", GUIDES)
def test_yaml_examples_validate_against_the_real_data(guide, tmp_path):
    """Each example, pasted into the real data file (replacing the entry with the same id, if
    there is one), gives no problem and no warning about the example's own entry."""
    for name, example in yaml_examples(guide):
        data = tmp_path / name.removesuffix(".yml")
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

# Data files with one mistake each (or a few), starting from a small valid set.
BROKEN = {
    "syntax": {"venues": VENUES.replace("category: square", "category: square: big")},
    "key twice": {"venues": VENUES.replace("category: square", "category: square\n  category: park")},
    "missing": {"events": EVENTS.replace("  summary:", "  #summary:")},
    "unknown field": {"events": EVENTS.replace("  title:", "  titel:")},
    "category": {"venues": VENUES.replace("category: square", "category: plaza")},
    "id": {"events": EVENTS.replace("id: city-day-2019", "id: City Day")},
    "number": {"venues": VENUES.replace("lat: 48.4800", "lat: north")},
    "whole number": {"venues": VENUES.replace("  sources: [seed]", "  capacity: 1.5\n  sources: [seed]")},
    "text": {"partners": PARTNERS.replace("en: Niigata", "en: 1965")},
    "list": {"events": EVENTS.replace("partners: [niigata]", "partners: niigata")},
    "empty": {"events": EVENTS.replace("sources: [seed]", "sources: []")},
    "not a date": {"events": EVENTS.replace('"2019-05-26"', '"26 May"')},
    "no such day": {"events": EVENTS.replace('"2019-05-26"', '"2019-02-30"')},
    "no such month": {"events": EVENTS.replace('"2019-05-26"', '"2019-13"')},
    "end before start": {"events": EVENTS.replace("  category:", '  end: "2019-05-20"\n  category:')},
    "where": {"events": EVENTS.replace("  category:", "  city: niigata\n  category:")},
    "repeat rule": {"events": EVENTS.replace("  category:", "  recurrence: weekly\n  category:")},
    "repeat day": {"events": EVENTS.replace('"2019-05-26"', '"2019-05"').replace(
        "  category:", "  recurrence: yearly\n  category:")},
    "outside": {"venues": VENUES.replace("lat: 48.4800", "lat: 55.7558")},
    "country": {"partners": PARTNERS.replace("country: JP", "country: Japan")},
    "web address": {"partners": PARTNERS.replace("  sources:", "  website: www.niigata\n  sources:")},
    "source kind": {"events": EVENTS.replace("sources: [seed]", 'sources: ["https://example.org/report"]')},
    "unknown venue": {"events": EVENTS.replace("[lenin-square]", "[lenin-sqare]")},
    "unknown partner": {"events": EVENTS.replace("[niigata]", "[nigata]")},
    "unknown city": {"events": EVENTS.replace("  venues: [lenin-square]", "  city: nigata")},
    "duplicate": {"events": EVENTS + "\n" + EVENTS},
    "khabarovsk": {"partners": PARTNERS + PARTNERS.replace("id: niigata", "id: khabarovsk")},
    "not a list": {"venues": "id: lenin-square\n"},
    "file missing": {"venues": None},
    "warning": {"venues": VENUES},  # the venue's description has no zh, ja, ko
}


def real_messages(tmp_path: Path) -> list[str]:
    messages = []
    for case, files in BROKEN.items():
        folder = tmp_path / case.replace(" ", "-")
        folder.mkdir()
        for name, text in {"venues": VENUES, "partners": PARTNERS, "events": EVENTS, **files}.items():
            if text is not None:
                (folder / f"{name}.yml").write_text(text, encoding="utf-8")
        try:
            found = load_site_data(folder)
            case_messages = [w.message for w in found.warnings]
        except DataError as error:
            case_messages = [p.message for p in error.problems] + [w.message for w in error.warnings]
        assert case_messages, f"case '{case}' gave no message"
        messages += case_messages
    return messages


def message_patterns(guide: str) -> dict[str, re.Pattern]:
    """The first-column messages of the guide's `make check` table, `…` standing for anything."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    table = text.split("<!-- messages of make check", 1)[1].split("\n\n", 1)[0]
    patterns = {}
    for row in table.splitlines()[3:]:
        first_cell = row.split(" | ")[0]
        for code in re.findall(r"`([^`]+)`", first_cell):
            patterns[code] = re.compile(".*?".join(re.escape(part) for part in code.split("…")))
    return patterns


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> list[str]:
    return real_messages(tmp_path_factory.mktemp("broken-data"))


@pytest.mark.parametrize("guide", GUIDES)
def test_every_message_an_editor_gets_is_explained(guide, messages):
    patterns = message_patterns(guide)
    unexplained = [m for m in messages if not any(p.search(m) for p in patterns.values())]
    assert unexplained == []


@pytest.mark.parametrize("guide", GUIDES)
def test_every_explained_message_really_occurs(guide, messages):
    patterns = message_patterns(guide)
    stale = [code for code, pattern in patterns.items() if not any(pattern.search(m) for m in messages)]
    assert stale == []
