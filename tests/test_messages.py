"""Every message an editor gets exists in English and Russian (hooks/citysite/messages.py), with
the same file and line; the language follows SITE_MESSAGES, else CI (both), else the locale."""

from __future__ import annotations

import copy
import pickle
import string
from pathlib import Path

import pytest

from citysite.data import DataError, load_site_data
from citysite.errors import SiteError
from citysite.messages import (
    BOTH,
    CATALOGUE,
    Message,
    annotation,
    identify,
    is_translated,
    message_languages,
    translate,
)
from tests.small_project import PARTNERS, VENUES
from tests.test_contributing import BROKEN, real_messages


@pytest.mark.parametrize(("env", "expected"), [
    ({}, BOTH),  # no locale at all: it says nothing of the reader
    ({"LANG": "ru_RU.UTF-8"}, ("ru",)),
    ({"LANG": "ru"}, ("ru",)),
    ({"LANG": "en_US.UTF-8"}, ("en",)),
    ({"LANG": "C.UTF-8"}, BOTH),  # WSL's and Docker's default: a Russian editor on WSL read English
    ({"LANG": "ca_ES.UTF-8"}, ("en",)),  # Catalan is a language, not the C locale
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, ("ru",)),
    ({"LANG": "ru_RU.UTF-8", "LC_ALL": "C"}, ("en",)),  # LC_ALL wins, as for every program
    ({"SITE_MESSAGES": "ru", "LANG": "en_US.UTF-8"}, ("ru",)),
    ({"SITE_MESSAGES": "en", "LANG": "ru_RU.UTF-8"}, ("en",)),
    ({"CI": "true", "LANG": "C.UTF-8"}, BOTH),
    ({"CI": "true", "SITE_MESSAGES": "en"}, ("en",)),
    ({"SITE_MESSAGES": "ru,en"}, ("ru", "en")),
    ({"SITE_MESSAGES": "both"}, BOTH),
    ({"SITE_MESSAGES": "fr", "LANG": "ru_RU.UTF-8"}, ("ru",)),  # an unknown value: as if not set
])
def test_the_language_of_messages(env, expected):
    assert message_languages(env) == expected


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Arguments a Russian template leaves out on purpose: it writes the date forms in Russian letters.
DROPPED_IN_RUSSIAN = {"date_as_text": {"forms"}, "not_a_date": {"forms"}}
# Arguments only the Russian template uses: the Russian word beside a value the data files take.
ADDED_IN_RUSSIAN = {"value_gloss": {"word"}}


def test_every_value_the_data_files_take_has_its_russian_word():
    """«отменено» for a status got English words to guess from: each value of the data's fixed
    lists is shown with its Russian word (messages.RUSSIAN_VALUES), so a new value needs one too."""
    import typing

    from citysite.data import model, when
    from citysite.messages import RUSSIAN_VALUES

    lists = (model.VenueCategory, model.EventCategory, model.PartnerStatus, model.VisitorCategory, model.Price,
             model.Season, model.EditionStatus, when.Part)
    values = {value for values in lists for value in typing.get_args(values)}
    assert sorted(values - set(RUSSIAN_VALUES)) == []


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_each_message_has_english_and_russian_with_the_same_arguments(message_id):
    texts = CATALOGUE[message_id]
    assert texts.get("en") and texts.get("ru")
    assert (placeholders(texts["ru"]) | DROPPED_IN_RUSSIAN.get(message_id, set())
            == placeholders(texts["en"]) | ADDED_IN_RUSSIAN.get(message_id, set()))
    assert "CONTRIBUTING.md" not in texts["ru"]  # the Russian guide is CONTRIBUTING.ru.md


@pytest.fixture(scope="module")
def editor_messages(tmp_path_factory) -> list[str]:
    """The messages `make check` gives for the broken data of tests/test_contributing.py."""
    return real_messages(tmp_path_factory.mktemp("broken"))


def test_every_message_an_editor_gets_is_in_russian(editor_messages):
    untranslated = [message for message in editor_messages if not is_translated(message)]
    assert untranslated == [], "add these to CATALOGUE in hooks/citysite/messages.py"
    for message in editor_messages:
        russian = translate(message, "ru")
        assert russian != message and any("а" <= char <= "я" for char in russian.lower()), message


def test_a_missing_field_points_to_the_guide_in_the_readers_language(editor_messages):
    missing = next(message for message in editor_messages if "is missing; add it" in message)
    assert "CONTRIBUTING.md" in missing
    assert "CONTRIBUTING.ru.md" in translate(missing, "ru")


def test_english_text_from_elsewhere_is_recognised_with_its_arguments():
    text = "unknown venue 'lenin-sqare'; use an id from data/venues.yml (did you mean 'lenin-square'?)"
    message = identify(text)
    assert message.id == "unknown_venue" and message.args["value"] == "lenin-sqare"
    assert translate(text, "ru") == ("неизвестная площадка 'lenin-sqare'; используйте id из data/venues.yml "
                                     "(возможно, имелось в виду 'lenin-square'?)")
    assert translate("some text nobody wrote a template for", "ru") == "some text nobody wrote a template for"


def test_messages_survive_copies():
    message = Message("no_such_day", value="2019-02-30", month_name=Message("month.2"), year=2019, days=28)
    assert message == "'2019-02-30' does not exist: February 2019 has 28 days"
    assert message.in_language("ru") == "'2019-02-30' не существует: в феврале 2019 года 28 дней"
    for copied in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert copied.id == "no_such_day" and copied.in_language("ru") == message.in_language("ru")


def broken_data(tmp_path: Path, venues: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name, text in (("venues", venues), ("partners", PARTNERS), ("events", "[]\n")):
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def test_a_problem_has_the_same_file_and_line_in_both_languages(tmp_path, monkeypatch):
    folder = broken_data(tmp_path, VENUES.replace("category: square", "category: plaza"))
    with pytest.raises(DataError) as caught:
        load_site_data(folder)
    problem = caught.value.problems[0]
    english, russian = problem.text("en"), problem.text("ru")
    assert english.startswith("data/venues.yml:3: entry lenin-square: 'plaza' is not a known category")
    assert russian.startswith("data/venues.yml:3: запись lenin-square: 'plaza' — недопустимое значение category")
    monkeypatch.setenv("SITE_MESSAGES", "ru,en")
    assert str(problem).splitlines() == [russian, english]  # in CI: the Russian line, then the English
    monkeypatch.setenv("SITE_MESSAGES", "ru")
    assert str(problem) == russian


def test_site_errors_are_in_the_editors_language(monkeypatch):
    monkeypatch.setenv("SITE_MESSAGES", "ru")
    error = SiteError("data/ui.yml", 1, "missing translations: permalink_title.ko", "add them")
    assert str(error) == "data/ui.yml:1: нет переводов: permalink_title.ko; добавьте их"
    assert error.text("en") == "data/ui.yml:1: missing translations: permalink_title.ko; add them"


def test_an_annotation_escapes_what_github_reads_as_syntax(monkeypatch):
    line = annotation("error", "data/a,b.yml", 12, "100% wrong: one\ntwo", "make check")
    assert line == "::error file=data/a%2Cb.yml,line=12,title=make check::100%25 wrong: one%0Atwo"


def test_the_broken_cases_cover_the_yaml_traps():
    """The cases of tests/test_contributing.py that the guides' tables are checked against include
    the traps of issue 16 (tab, indentation, ' #' in text), so their Russian rows are checked too."""
    assert {"tab", "indentation", "cut by comment", "indented too far", "not indented"} <= set(BROKEN)
