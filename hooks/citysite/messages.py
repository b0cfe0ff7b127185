"""Every message an editor gets, in English and Russian: one catalogue keyed by message id.

A message is made with `Message("id", **arguments)`. It *is* its English text (a `str`), so code
and tests that compare English keep working, and it remembers its id and arguments, so that
`text(message, "ru")` renders the Russian template with the same arguments. Arguments that are
Messages themselves (a hint inside a sentence) are rendered in the same language.

Text that reaches the editor as a plain English string (from code that formats its own messages,
or from MkDocs) is matched against the English templates (`translate`), so it is still shown in
Russian when its wording is in the catalogue. A message that is in neither stays English; the
tests (tests/test_messages.py, tests/test_contributing.py) list every such message an editor can
get, so **add each new message to CATALOGUE**, with the same wording in `en` as the code writes.

Which language: SITE_MESSAGES (`ru`, `en`, or `ru,en` for both), else both when CI=true (the
pull-request log is read by Russian- and English-speaking people), else the editor's locale
(LC_ALL, LC_MESSAGES, LANG starting with `ru`: Russian; another language: English), else both (no
locale, or one that names no language: C.UTF-8, the default of WSL and Docker; LC_ALL=C: English). With both, each message is shown
twice: the Russian line, then the English line, each with its own file:line.

Templates use `{name}` for an argument and `{name:plural:one:few:many}` (Russian) or
`{name:plural:one:other}` (English) for a word that follows the number `name`.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

LANGUAGES = ("en", "ru")
BOTH = ("ru", "en")
NO_LANGUAGE = re.compile(r"(?i)(c|posix)([._@].*)?")  # a locale that names no language (set as LC_ALL: English)


# --- which language --------------------------------------------------------------------------------

def message_languages(env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages to show messages in, in order (see the module's docstring)."""
    env = os.environ if env is None else env
    explicit = env.get("SITE_MESSAGES", "").strip().lower()
    if explicit:
        if explicit in ("both", "all"):
            return BOTH
        chosen = tuple(dict.fromkeys(part.strip() for part in re.split(r"[,\s/]+", explicit)
                                     if part.strip() in LANGUAGES))
        if chosen:
            return chosen
    if env.get("CI", "").strip().lower() in ("true", "1", "yes"):
        return BOTH
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if value.lower().startswith("ru"):
            return ("ru",)
        if value and not (variable != "LC_ALL" and NO_LANGUAGE.fullmatch(value)):
            return ("en",)
    return BOTH  # a machine's default locale (WSL's and Docker's C.UTF-8) says nothing of its user


# --- messages --------------------------------------------------------------------------------------

class Message(str):
    """A catalogue message: its English text, with the id and arguments to render it in Russian."""

    id: str
    args: dict[str, Any]

    def __new__(cls, message_id: str, /, **args: Any) -> Message:
        if message_id not in CATALOGUE:
            raise KeyError(f"no message '{message_id}' in citysite/messages.py")
        self = super().__new__(cls, _format(CATALOGUE[message_id]["en"], args, "en"))
        self.id, self.args = message_id, args
        return self

    def in_language(self, lang: str) -> str:
        return _format(CATALOGUE[self.id].get(lang) or CATALOGUE[self.id]["en"], self.args, lang)

    def __reduce__(self):  # copies and pickles keep the id (str's own would pass the English text)
        return (_rebuild, (self.id, self.args))

    def __reduce_ex__(self, protocol):
        return self.__reduce__()


def _rebuild(message_id: str, args: dict[str, Any]) -> Message:
    return Message(message_id, **args)


def _plural(number: Any, forms: list[str], lang: str) -> str:
    try:
        n = abs(int(number))
    except (TypeError, ValueError):
        return forms[-1]
    if lang == "ru" and len(forms) >= 3:
        if n % 10 == 1 and n % 100 != 11:
            return forms[0]
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return forms[1]
        return forms[2]
    return forms[0] if n == 1 else forms[-1]


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.in_language(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(item, lang) for item in value)
    return str(value)


def _format(template: str, args: Mapping[str, Any], lang: str) -> str:
    out = []
    for literal, name, spec, _conversion in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        if spec and spec.startswith("plural:"):
            out.append(_plural(args.get(name), spec.split(":")[1:], lang))
        else:
            value = args.get(name, "{" + name + "}")
            if name in NESTED and isinstance(value, str) and not isinstance(value, Message):
                value = translate(value, lang)
            out.append(_value(value, lang))
    return "".join(out)


# --- translating text --------------------------------------------------------------------------------

# Arguments that are messages themselves, translated with the message.
NESTED = frozenset({"message", "hint", "detail", "suggest", "has", "type", "month_name", "why", "at", "folder", "first"})
# Of those, the arguments that are always catalogue text; the others ("detail": a parser's words)
# may stay English. A match whose strict argument is not catalogue text is not this message.
STRICT_NESTED = frozenset({"hint", "suggest", "has", "type", "month_name", "at", "folder", "first"})
MIN_PATTERN_LITERAL = 12  # shorter templates are only made as Messages, never recognised in text


@cache
def _patterns(short: bool = False) -> list[tuple[re.Pattern, str]]:
    """(regular expression of the English template, message id), the most specific first; with
    `short`, also the templates with little fixed text (for a part of a message, never a whole)."""
    found = []
    for message_id, texts in CATALOGUE.items():
        parts, seen, literal_length = [], set(), 0
        for literal, name, spec, _conversion in string.Formatter().parse(texts["en"]):
            parts.append(re.escape(literal))
            literal_length += len(literal)
            if name is None:
                continue
            if spec and spec.startswith("plural:"):
                parts.append("(?:" + "|".join(re.escape(form) for form in spec.split(":")[1:]) + ")")
            elif name in seen:
                parts.append(f"(?P={name})")
            else:
                seen.add(name)
                parts.append(f"(?P<{name}>.*?)")
        letters = sum(char.isalpha() for literal, *_ in string.Formatter().parse(texts["en"]) for char in literal)
        if literal_length >= MIN_PATTERN_LITERAL or (short and letters >= 3):  # or it would match any text
            found.append((literal_length, re.compile("".join(parts) + r"\Z", re.DOTALL), message_id))
    found.sort(key=lambda item: -item[0])
    return [(pattern, message_id) for _length, pattern, message_id in found]


@cache
def _fixed_texts() -> dict[str, str]:
    """English text -> id of the messages without arguments ("February", "check the id")."""
    return {texts["en"]: message_id for message_id, texts in reversed(CATALOGUE.items())
            if "{" not in texts["en"].replace("{{", "")}


def identify(text: str, part: bool = False) -> Message | None:
    """The catalogue message `text` is (a Message, or English text with a catalogue wording);
    `part`: `text` is an argument of another message ("line 3: ")."""
    if isinstance(text, Message):
        return text
    if text in _fixed_texts():
        return Message(_fixed_texts()[text])
    for pattern, message_id in _patterns(part):
        match = pattern.match(text)
        if match:
            args: dict[str, Any] = {}
            for name, value in match.groupdict().items():
                inner = identify(value, part=True) if name in NESTED and value else None
                if inner is None and value and name in STRICT_NESTED:
                    break
                args[name] = inner if inner is not None else value
            else:
                message = Message(message_id, **args)
                if message == text:
                    return message
    field_name, colon, rest = text.partition(": ")  # "summary.start: <a message>" from a field's check
    if colon and re.fullmatch(r"[\w][\w./-]*", field_name):  # a field, or a file: "docs_ru/a.md: ..."
        inner = identify(rest)
        if inner is not None:
            return Message("field_message", name=field_name, message=inner)
    return None


def translate(text: str, lang: str) -> str:
    """`text` in `lang`: a Message rendered, English text matched against the catalogue, or
    `text` itself when its wording is not in the catalogue."""
    if lang == "en":
        return str(text)
    message = identify(text)
    return message.in_language(lang) if message is not None else str(text)


def is_translated(text: str) -> bool:
    return identify(text) is not None


def render(text: str, prefix: str | Message = "", languages: Iterable[str] | None = None) -> str:
    """`prefix` + `text`, one line per language chosen (see message_languages)."""
    languages = tuple(languages or message_languages())
    return "\n".join(translate(prefix, lang) + translate(text, lang) if prefix else translate(text, lang)
                     for lang in languages)


def where(file: str, line: int | None) -> str:
    return f"{file}:{line}: " if line else f"{file}: "


# --- GitHub Actions -----------------------------------------------------------------------------------

def github_actions(env: Mapping[str, str] | None = None) -> bool:
    return (os.environ if env is None else env).get("GITHUB_ACTIONS", "").lower() == "true"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str, line: int | None, body: str, title: str) -> str:
    """A GitHub workflow command that shows `body` (the message, one line per language) on
    `file`'s `line` in the pull request; level: error, warning or notice."""
    where_ = f"file={_escape_property(file)}" + (f",line={int(line)}" if line else "")
    return f"::{level} {where_},title={_escape_property(title)}::{_escape_data(body)}"


def add_to_step_summary(markdown: str) -> None:
    """Append to the job's Summary page when running in GitHub Actions (nothing otherwise)."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if github_actions() and path:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown.rstrip("\n") + "\n\n")


# --- the catalogue -----------------------------------------------------------------------------------
# id -> {"en": the exact English wording the code writes, "ru": the same in Russian}. Russian uses
# the YAML field names (start, sources...) as they are: editors type them in the files.

# The words the data files take as values, in Russian: "use one of: cancelled (отменено), ..." (an
# editor wrote «отменено» for a status and had to guess which English word meant it).
RUSSIAN_VALUES = {
    "scheduled": "по плану", "cancelled": "отменено", "postponed": "перенесено",
    "free": "бесплатно", "ticket": "по билетам",
    "early": "начало месяца", "mid": "середина месяца", "late": "конец месяца",
    "holiday": "праздник", "festival": "фестиваль", "concert": "концерт", "fair": "ярмарка",
    "exhibition": "выставка", "museum": "музей", "sports": "спорт", "religious": "церковный праздник",
    "square": "площадь", "riverside": "набережная", "park": "парк", "monument": "памятник",
    "stage": "театр или концертный зал", "church": "храм", "transport": "транспорт",
    "sister": "город-побратим", "friendly": "дружественный город", "partner": "город-партнёр",
    "conference": "конференция", "delegation": "делегация", "business": "деловая встреча",
    "exchange": "обмен", "health": "здравоохранение", "ecology": "экология",
    "winter": "зима", "spring": "весна", "summer": "лето", "autumn": "осень",
}


def known_values(values: list[str]) -> list[Message | str]:
    """The values a field takes, each with its Russian word in the Russian message."""
    return [Message("value_gloss", value=value, word=RUSSIAN_VALUES[value]) if value in RUSSIAN_VALUES else value
            for value in values]


def meant_value(value: object, values: list[str]) -> str | None:
    """The value an editor meant by `value` ("Cancelled", «отменено»), if it is clear."""
    text = str(value).strip().lower()
    return next((known for known in values if text in (known, RUSSIAN_VALUES.get(known))), None)


CATALOGUE: dict[str, dict[str, str]] = {
    # -- where a data problem is ------------------------------------------------------------------
    "entry": {"en": "entry {entry}: ", "ru": "запись {entry}: "},
    "did_you_mean": {"en": "did you mean '{close}'?", "ru": "возможно, имелось в виду '{close}'?"},
    "check_the_id": {"en": "check the id", "ru": "проверьте id"},
    "allowed_fields": {"en": "allowed fields: {fields}", "ru": "допустимые поля: {fields}"},

    # -- reading the YAML files (citysite/data/yamlfile.py) -------------------------------------------------
    "yaml.syntax": {
        "en": "YAML syntax error: {detail}; check indentation, colons and quotes on this line or the one above "
              "(text with ':' or '#' needs quotes)",
        "ru": "ошибка синтаксиса YAML ({detail}); проверьте отступы, двоеточия и кавычки в этой строке или в строке "
              "выше (текст с ':' или '#' нужно брать в кавычки)",
    },
    "yaml.tab": {
        "en": "YAML syntax error: a tab character (column {column}) where YAML expects spaces; indent with spaces "
              "only, never with tabs (an editor's Tab key may insert one)",
        "ru": "ошибка синтаксиса YAML: символ табуляции (столбец {column}) там, где YAML ждёт пробелы; делайте "
              "отступы только пробелами, никогда табуляцией (её может вставить клавиша Tab)",
    },
    "yaml.dash_without_space": {
        "en": "YAML syntax error: '{item}' has no space after its hyphen, so YAML does not read it as an item of "
              "a list; put a space after the hyphen: {fixed}",
        "ru": "ошибка синтаксиса YAML: в '{item}' нет пробела после дефиса, и YAML не видит в этой строке пункт "
              "списка; поставьте после дефиса пробел: {fixed}",
    },
    "yaml.lookalike_space": {
        "en": "YAML syntax error: a non-breaking space (column {column}) where YAML expects an ordinary space; such a "
              "space comes with text pasted from Word or a web page and looks like an ordinary one: delete it and "
              "type an ordinary space",
        "ru": "ошибка синтаксиса YAML: неразрывный пробел (столбец {column}) там, где YAML ждёт обычный пробел; такой "
              "пробел попадает в файл с текстом, скопированным из Word или с веб-страницы, и выглядит как обычный: "
              "удалите его и наберите обычный пробел",
    },
    "yaml.indentation": {
        "en": "YAML syntax error: the indentation of this line does not match the lines above it; the lines of one "
              "entry or one block start at the same column (count the spaces at the start of the line)",
        "ru": "ошибка синтаксиса YAML: отступ этой строки не совпадает с отступом строк над ней; строки одной "
              "записи или одного блока начинаются с одного и того же столбца (посчитайте пробелы в начале строки)",
    },
    "yaml.indentation_list": {
        "en": "YAML syntax error: the indentation of this line does not match the lines above it; spaces at the "
              "start of this line: {here}, of the line above: {above} (a '- ' counts as two spaces). The entries of "
              "one list start their '- ' in the same column: on line {line} after {spaces} spaces, on this line "
              "after {these}; move the lines of the entry you pasted so that the two match",
        "ru": "ошибка синтаксиса YAML: отступ этой строки не совпадает с отступом строк над ней; пробелов в начале "
              "этой строки: {here}, в начале строки над ней: {above} ('- ' считается за два пробела). У записей одного "
              "списка '- ' стоит в одном столбце; пробелов перед '- ': в строке {line} — {spaces}, в этой строке — "
              "{these}; сдвиньте строки той записи, которую вы вставили, чтобы столбцы совпали",
    },
    "yaml.indentation_counted": {
        "en": "YAML syntax error: the indentation of this line does not match the lines above it; the lines of one "
              "entry or one block start at the same column; spaces at the start of this line: {here}, of the line "
              "above: {above} (a '- ' counts as two spaces)",
        "ru": "ошибка синтаксиса YAML: отступ этой строки не совпадает с отступом строк над ней; строки одной "
              "записи или одного блока начинаются с одного и того же столбца; пробелов в начале этой строки: {here}, "
              "в начале строки над ней: {above} ('- ' считается за два пробела)",
    },
    "yaml.colon": {
        "en": "YAML syntax error: a ': ' inside a text that is not in quotes; put the whole text in quotes "
              "(title: \"Partners: Harbin\")",
        "ru": "ошибка синтаксиса YAML: ': ' внутри текста без кавычек; возьмите весь текст в кавычки "
              "(title: \"Партнёры: Харбин\")",
    },
    "yaml.colon.line": {
        "en": "YAML syntax error: a ': ' inside a text that is not in quotes; put the whole text in quotes: "
              "{key}: \"{value}\"",
        "ru": "ошибка синтаксиса YAML: ': ' внутри текста без кавычек; возьмите весь текст в кавычки: "
              "{key}: \"{value}\"",
    },
    "yaml.no_colon_block": {
        "en": "YAML syntax error: no colon after '{key}'; write '{key}:' (the lines under it are its parts)",
        "ru": "ошибка синтаксиса YAML: нет двоеточия после '{key}'; напишите '{key}:' (строки под ним — его части)",
    },
    "yaml.no_dash": {
        "en": "YAML syntax error: an entry starts with '- ' at the start of the line; write '- id: {id}', and "
              "indent its other lines by two spaces",
        "ru": "ошибка синтаксиса YAML: каждая запись начинается с '- ' в самом начале строки; напишите "
              "'- id: {id}', а остальные её строки сдвиньте вправо на два пробела",
    },
    "yaml.unclosed_flow": {
        "en": "YAML syntax error: the '{{' or '[' opened on line {line} is not closed{hint}",
        "ru": "ошибка синтаксиса YAML: скобка '{{' или '[', открытая в строке {line}, не закрыта{hint}",
    },
    "yaml.colon_in_braces": {
        "en": "YAML syntax error: a ': ' inside a text between {{ and }}; put that text in quotes: {meant}",
        "ru": "ошибка синтаксиса YAML: ': ' внутри текста между {{ и }}; возьмите этот текст в кавычки: {meant}",
    },
    "yaml.hash_in_flow": {
        "en": "; the ' #' in a text without quotes starts a comment, which cuts off the rest of the line: "
              "put that text in quotes",
        "ru": "; ' #' в тексте без кавычек начинает комментарий и отрезает остаток строки: "
              "возьмите этот текст в кавычки",
    },
    "yaml.unclosed_quote": {
        "en": "YAML syntax error: the quote opened on line {line} is not closed; end the text with the same "
              "quote (\" or ')",
        "ru": "ошибка синтаксиса YAML: кавычка, открытая в строке {line}, не закрыта; закончите текст такой же "
              "кавычкой (\" или ')",
    },
    "yaml.bad_start": {
        "en": "YAML syntax error: a text starts with a character YAML keeps for itself (such as @, `, % or |); "
              "put the whole text in quotes",
        "ru": "ошибка синтаксиса YAML: текст начинается с символа, который YAML использует сам (например, @, `, % "
              "или |); возьмите весь текст в кавычки",
    },
    "not_utf8": {
        "en": "the file is not saved as UTF-8: this line has a character in another encoding (Windows Notepad's "
              "\"ANSI\", Windows-1251); save the file as UTF-8 (Notepad: File, Save as, Encoding: UTF-8), or paste "
              "its text into GitHub's web editor instead of uploading the file",
        "ru": "файл сохранён не в кодировке UTF-8: в этой строке есть символ в другой кодировке (\"ANSI\" "
              "Блокнота Windows, Windows-1251); сохраните файл в UTF-8 (Блокнот: Файл → Сохранить как → Кодировка: "
              "UTF-8) или вставьте его текст в веб-редактор GitHub вместо загрузки файла",
    },
    "photo_in_pages": {
        "en": "a photo here would be published as it is: full size, with the camera's data and the place it was "
              "taken, and without its author or licence; move it to media/photos/{file}, describe it in "
              "data/images.yml and show it with the line <!-- image: {name} --> (CONTRIBUTING.md, 'Add a picture')",
        "ru": "фотография отсюда попала бы на сайт как есть: в полном размере, с данными камеры и местом съёмки, "
              "без автора и лицензии; перенесите её в media/photos/{file}, опишите в data/images.yml и "
              "покажите строкой <!-- image: {name} --> (CONTRIBUTING.ru.md, «Как добавить изображение»)",
    },
    "yaml.key_twice": {
        "en": "the key '{key}' appears twice in the same entry (first on line {first}); keep one of the two lines",
        "ru": "ключ '{key}' встречается в одной записи дважды (первый раз — в строке {first}); оставьте одну из "
              "двух строк",
    },
    "yaml.no_space": {
        "en": "YAML syntax error: no space after the colon in '{key}:{value}'; write '{key}: {value}'",
        "ru": "ошибка синтаксиса YAML: нет пробела после двоеточия в '{key}:{value}'; напишите '{key}: {value}'",
    },
    "yaml.no_colon": {
        "en": "YAML syntax error: no colon after '{key}'; write '{key}: {value}'",
        "ru": "ошибка синтаксиса YAML: нет двоеточия после '{key}'; напишите '{key}: {value}'",
    },
    "yaml.quote_then_text": {
        "en": "YAML syntax error: the text starts with a quote and goes on after the closing one; put the "
              "whole text in single quotes '…', or write «…» for the quotes inside it",
        "ru": "ошибка синтаксиса YAML: текст начинается с кавычки и продолжается после закрывающей; возьмите "
              "весь текст в одинарные кавычки '…' или замените \"…\" внутри него на «…»",
    },
    "yaml.starts_with_hash": {
        "en": "the text of '{name}' starts with '#': YAML reads '#' and everything after it on the line as a "
              "comment, so '{name}' is empty; put the whole text in quotes: {key}: \"{whole}\"",
        "ru": "текст '{name}' начинается с '#': YAML считает '#' и всё, что после него в строке, комментарием, "
              "и '{name}' остаётся пустым; возьмите весь текст в кавычки: {key}: \"{whole}\"",
    },
    "yaml.cut_by_comment": {
        "en": "the text of '{name}' is cut at ' #': YAML reads ' #' and everything after it on the line as a "
              "comment, so the site would show only '{value}'; put the whole text in quotes: {key}: \"{whole}\"",
        "ru": "текст '{name}' обрезан на ' #': YAML считает ' #' и всё, что после него в строке, комментарием, и "
              "на сайте было бы только '{value}'; возьмите весь текст в кавычки: {key}: \"{whole}\"",
    },

    # -- validating the entries (citysite/data/load.py, model.py, when.py, geo.py) -----------------------------
    "missing": {
        "en": "'{name}' is missing; add it (see CONTRIBUTING.md for an example entry)",
        "ru": "нет поля '{name}'; добавьте его (пример записи — в CONTRIBUTING.ru.md)",
    },
    "missing_language": {
        "en": "'{name}' is missing, the text in {language}; add a line '{lang}: …' under '{parent}', indented as "
              "the other languages are (see CONTRIBUTING.md for an example entry)",
        "ru": "нет поля '{name}' — текста на {language} языке; добавьте под '{parent}' строку '{lang}: …' с тем же "
              "отступом, что у других языков (пример записи — в CONTRIBUTING.ru.md)",
    },
    "language.en": {"en": "English", "ru": "английском"},
    "language.ru": {"en": "Russian", "ru": "русском"},
    "language.zh": {"en": "Chinese", "ru": "китайском"},
    "language.ja": {"en": "Japanese", "ru": "японском"},
    "language.ko": {"en": "Korean", "ru": "корейском"},
    "missing_checked": {
        "en": "'{name}' is missing: add the day you read the source, on its own line beside its sources, "
              "checked: \"{today}\" (today)",
        "ru": "нет поля '{name}': добавьте рядом с источниками отдельную строку с днём, когда вы их читали, — "
              "например, checked: \"{today}\" (сегодня)",
    },
    "practical_in_description": {
        "en": "the {lang} description gives '{found}': opening hours, prices and phones go into hours:, tickets: "
              "and phone:, with their sources and the day you checked them (CONTRIBUTING.md, \"Opening hours, "
              "admission, phone, stop\"), so that the page says when they were checked",
        "ru": "в описании ({lang}) есть «{found}»: часы работы, цены и телефоны записывают в hours:, tickets: и "
              "phone: вместе с источниками и днём проверки (CONTRIBUTING.ru.md, раздел «Часы работы, вход, "
              "телефон, остановка») — тогда страница скажет, когда их проверили",
    },
    "not_in_language": {
        "en": "the {lang} text of '{name}' has no letters of that language: is it a translation? The site shows "
              "it on the {lang} pages as it is",
        "ru": "в тексте '{name}' для языка {lang} нет ни одной буквы этого языка — точно ли это перевод? Сайт "
              "покажет его на страницах для языка {lang} как есть",
    },
    "not_in_language.en": {
        "en": "the en text of '{name}' is in Russian letters only: the English, Chinese, Japanese and Korean pages "
              "show it as it is until they have their own; write it in English",
        "ru": "текст '{name}' для языка en написан только русскими буквами: английские, китайские, японские и "
              "корейские страницы покажут его как есть, пока у них не появится своего текста; напишите его по-английски",
    },
    "same_point": {
        "en": "the same coordinates as '{other}' (line {line}): copied with the entry? Write this place's own "
              "point (in a map app, press on the place and copy its coordinates); on the map the two pins would "
              "cover each other",
        "ru": "те же координаты, что у '{other}' (строка {line}): не скопированы ли они вместе с записью? Укажите "
              "координаты именно этого места (в картографическом приложении нажмите на место и скопируйте его "
              "координаты), иначе на карте две метки закроют друг друга",
    },
    "unknown_field": {
        "en": "unknown field '{name}'; {hint}",
        "ru": "неизвестное поле '{name}'; {hint}",
    },
    "indented_under": {
        "en": "'{key}' is indented under '{parent}', so YAML reads it as part of '{parent}'; fix the indentation: "
              "move '{key}:' left so that it starts in the same column as '{parent}:'",
        "ru": "'{key}' записано с отступом внутри '{parent}', и YAML считает его частью '{parent}'; исправьте "
              "отступ: сдвиньте '{key}:' влево, чтобы оно начиналось в том же столбце, что и '{parent}:'",
    },
    "not_indented_enough": {
        "en": "'{key}' belongs to '{parent}' above it, but is not indented; fix the indentation: indent '{key}:' "
              "like the other lines of '{parent}' (two more spaces than '{parent}:')",
        "ru": "'{key}' относится к '{parent}' выше, но записано без отступа; исправьте отступ: сдвиньте '{key}:' "
              "вправо, как другие строки '{parent}' (на два пробела дальше, чем '{parent}:')",
    },
    "not_known": {
        "en": "'{value}' is not a known {name}; use one of: {expected}",
        "ru": "'{value}' — недопустимое значение {name}; используйте одно из: {expected}",
    },
    "not_known.meant": {
        "en": "'{value}' is not a known {name}: write {meant}",
        "ru": "'{value}' — недопустимое значение {name}: напишите {meant}",
    },
    "value_gloss": {"en": "{value}", "ru": "{value} ({word})"},
    "image.alt_not_in_language": {
        "en": "alt.{lang} (what the picture shows, for readers who cannot see it) has no letter of that language: a "
              "screen reader would read the untranslated text to readers of the {lang} pages; write it in that language",
        "ru": "в alt.{lang} (описание изображения для тех, кто его не видит) нет ни одной буквы этого языка: программа "
              "чтения с экрана прочтёт читателю страниц на этом языке непереведённый текст; напишите описание на этом "
              "языке",
    },
    "image.alt_is_file_name": {
        "en": "alt.{lang} is the file's name; say in a sentence what the picture shows, for a reader who cannot "
              "see it: \"The Amur embankment in summer, with people walking by the river\"",
        "ru": "alt.{lang} — это имя файла; опишите одной фразой, что изображено, для того, кто не видит "
              "изображение: «Набережная Амура летом, люди гуляют у реки»",
    },
    "image_file": {
        "en": "'{value}' is not a file the site takes: it goes under media/ (media/photos/ for a photo), its name "
              "in lowercase latin letters, digits and hyphens, ending in .jpg, .png, .webp or .svg, e.g. "
              "media/photos/amur-embankment-2026.jpg; rename the file to match",
        "ru": "'{value}' — не тот файл, который принимает сайт: он должен лежать в media/ (фотография — в "
              "media/photos/), а его имя — из строчных латинских букв, цифр и дефисов с окончанием .jpg, .png, "
              ".webp или .svg, например media/photos/amur-embankment-2026.jpg; переименуйте файл так же",
    },
    "image_file.lowercase": {
        "en": "'{value}' has capital letters, which some hosts tell apart from small ones; write '{lower}' and "
              "rename the file the same way",
        "ru": "в '{value}' есть заглавные буквы, а некоторые хостинги отличают их от строчных; напишите "
              "'{lower}' и так же переименуйте сам файл",
    },
    "not_an_id": {
        "en": "'{value}' is not a valid id; use lowercase latin letters, digits and hyphens (city-day)",
        "ru": "'{value}' — недопустимый id; используйте строчные латинские буквы, цифры и дефисы (city-day)",
    },
    "unknown_field.cyrillic": {
        "en": "unknown field '{name}': it has Cyrillic letters ({letters}) that look like latin ones; type "
              "'{meant}' with the English keyboard layout",
        "ru": "неизвестное поле '{name}': в нём есть русские буквы ({letters}), похожие на латинские; наберите "
              "'{meant}' в английской раскладке",
    },
    "edition_part": {
        "en": "an edition has no 'part': only 'usually' gives a part of a month. Write the month the source "
              "gives (start: \"2027-06\") and the rest (\"late June\") in the source's note in brackets",
        "ru": "у выпуска нет поля 'part': часть месяца указывают только в 'usually'. Напишите месяц, который "
              "назвал источник (start: \"2027-06\"), а остальное («в конце июня») — в пояснении к источнику в скобках",
    },
    "status_of_edition": {
        "en": "'status: {value}' belongs to one year's edition: write it under 'editions:', in that year's "
              "entry (- start: ...), with the same indentation as its 'sources:'",
        "ru": "'status: {value}' относится к выпуску одного года: напишите его под 'editions:', в записи этого "
              "года (- start: ...), с тем же отступом, что и её 'sources:'",
    },
    "edition_in_sources": {
        "en": "an edition (start: {start}) is written inside 'sources:', at the end of the event; move it up "
              "under 'editions:', next to the other years, with the same indentation as theirs",
        "ru": "выпуск (start: {start}) записан внутри 'sources:', в конце события; перенесите его выше, под "
              "'editions:', к другим годам, с тем же отступом, что у них",
    },
    "not_an_id.cyrillic": {
        "en": "'{value}' is not a valid id: it has Cyrillic letters ({letters}), which may look like latin ones; "
              "type the id with the English keyboard layout: lowercase latin letters, digits and hyphens (city-day)",
        "ru": "'{value}' — недопустимый id: в нём есть русские буквы ({letters}), которые могут выглядеть как "
              "латинские; наберите id в английской раскладке: строчные латинские буквы, цифры и дефисы (city-day)",
    },
    "source_after_address": {
        "en": "'{value}': the address ends at the space before '{rest}', and the page would link to {address}; "
              "if '{rest}' is part of the address, remove the space; a note goes in brackets after the address: "
              "\"page:https://... (what the page says)\"",
        "ru": "'{value}': адрес обрывается на пробеле перед '{rest}', и ссылка вела бы на {address}; если '{rest}' — "
              "часть адреса, уберите пробел; пояснение пишется в скобках после адреса: "
              "\"page:https://... (что сказано на странице)\"",
    },
    "source_wikipedia": {
        "en": "'{value}' is Wikipedia, which retells other pages; cite the page its article cites for this fact "
              "(the city, the venue, the organiser, an official body or established media), or leave the fact out",
        "ru": "'{value}' — это Википедия, а она пересказывает другие источники; укажите страницу, на которую "
              "статья ссылается для этого факта (сайт города, площадки, организатора, официального ведомства или "
              "известного СМИ), или уберите этот факт",
    },
    "blank_text": {
        "en": "'{name}' is empty or only spaces; write its text between the quotes",
        "ru": "'{name}' — пустой текст или одни пробелы; напишите текст между кавычками",
    },
    "empty_value": {
        "en": "'{name}' has nothing after the colon; write its value there, or remove the line if the field is "
              "optional",
        "ru": "у '{name}' после двоеточия ничего нет; напишите там значение или удалите строку, если поле "
              "необязательное",
    },
    "must_be_whole": {
        "en": "'{name}' must be a whole number, not '{value}'",
        "ru": "'{name}' должно быть целым числом, а не '{value}'",
    },
    "must_be_number": {
        "en": "'{name}' must be a number such as {example}, not '{value}'",
        "ru": "'{name}' должно быть числом, например {example}, а не '{value}'",
    },
    "must_be_number.comma": {
        "en": "'{name}' must be a number with a decimal point, not a comma: write {fixed}, not '{value}'",
        "ru": "в '{name}' дробную часть отделяет точка, а не запятая: напишите {fixed}, а не '{value}'",
    },
    "must_be_number.pair": {
        "en": "'lat' holds both coordinates ('{value}'); write them on two lines: 'lat: {lat}' and 'lon: {lon}'",
        "ru": "в 'lat' обе координаты ('{value}'); напишите их на двух строках: 'lat: {lat}' и 'lon: {lon}'",
    },
    "must_be_text": {
        "en": "'{name}' must be text, not {type} '{value}'; put it in quotes",
        "ru": "'{name}' должно быть текстом, а не {type} '{value}'; возьмите его в кавычки",
    },
    "must_be_text.colon": {
        "en": "'{name}' must be text, but its ': ' made YAML read it as a field; put the whole text in quotes: "
              "\"{whole}\"",
        "ru": "'{name}' должно быть текстом, но в нём есть ': ', и YAML принял его за поле; возьмите весь текст в "
              "кавычки: \"{whole}\"",
    },
    "type.int": {"en": "int", "ru": "числом"},
    "type.float": {"en": "float", "ru": "числом"},
    "type.bool": {"en": "bool", "ru": "значением да/нет"},
    "type.NoneType": {"en": "NoneType", "ru": "пустым значением"},
    "type.list": {"en": "list", "ru": "списком"},
    "type.dict": {"en": "dict", "ru": "блоком полей"},
    "must_be_list": {
        "en": "'{name}' must be a list: in square brackets, [first, second], or one '- item' per line",
        "ru": "'{name}' должно быть списком: в квадратных скобках, [первый, второй], или по одному '- элемент' "
              "на строку",
    },
    "must_be_list.brackets": {
        "en": "'{name}' must be a list: put it in square brackets, {name}: [{value}], or write one '- item' per line",
        "ru": "'{name}' должно быть списком: возьмите его в квадратные скобки, {name}: [{value}], или пишите по "
              "одному '- элемент' на строку",
    },
    "must_not_be_empty": {
        "en": "'{name}' must not be empty; add at least one item (for sources: where the fact comes from)",
        "ru": "'{name}' не может быть пустым; добавьте хотя бы один элемент (для sources — откуда взят факт)",
    },
    "too_few_stops": {
        "en": "'stops' needs at least two stops: a route leads from one venue to another",
        "ru": "в 'stops' нужно хотя бы две остановки: маршрут ведёт от одной площадки к другой",
    },
    "greater_than": {"en": "'{name}' is {value}: input should be greater than {limit}",
                     "ru": "'{name}' равно {value}: значение должно быть больше {limit}"},
    "greater_than_equal": {"en": "'{name}' is {value}: input should be greater than or equal to {limit}",
                           "ru": "'{name}' равно {value}: значение должно быть не меньше {limit}"},
    "less_than": {"en": "'{name}' is {value}: input should be less than {limit}",
                  "ru": "'{name}' равно {value}: значение должно быть меньше {limit}"},
    "less_than_equal": {"en": "'{name}' is {value}: input should be less than or equal to {limit}",
                        "ru": "'{name}' равно {value}: значение должно быть не больше {limit}"},
    "latitude_swapped": {
        "en": "'{name}' is {value}: a latitude lies between -90 and 90; are lat and lon swapped? lat comes first in "
              "a map app's pair (Khabarovsk: lat 48.48, lon 135.07)",
        "ru": "'{name}' равно {value}: широта бывает только от −90 до 90; не перепутаны ли lat и lon? В "
              "картографических приложениях широта (lat) — первое число пары (Хабаровск: lat 48.48, lon 135.07)",
    },
    "must_be_block": {
        "en": "'{name}' must be a block of fields (name: ..., en: ...), not '{value}'",
        "ru": "'{name}' должно быть блоком полей (name: ..., en: ...), а не '{value}'",
    },
    "markup_in_text": {
        "en": "'{found}' is formatting for a page, but the site shows the texts of data files as they are, so "
              "visitors would see '{found}' itself; delete it (a web page goes into 'website:' or 'sources:', not "
              "into the text)",
        "ru": "«{found}» — это оформление для страниц, а тексты из файлов data/ сайт показывает как есть, и "
              "посетители увидели бы сами эти знаки; удалите их (адрес веб-страницы пишут в 'website:' или "
              "'sources:', а не в текст)",
    },
    "placeholder_text": {
        "en": "'{value}' has no letter: it stands in for a text, as in the guide's examples; write the text, or "
              "delete this language's line (the English text is shown until it is written)",
        "ru": "в '{value}' нет ни одной буквы: это не текст, а условное обозначение из примеров руководства; напишите текст или удалите "
              "строку этого языка (пока текста нет, показывается английский)",
    },
    "phone.words": {
        "en": "'{value}': take '{words}' out of the number and write it in the field note: "
              "note: {{en: box office, ru: касса}}",
        "ru": "'{value}': пояснение '{words}' уберите из номера и напишите в поле note: "
              "note: {{en: box office, ru: касса}}",
    },
    "price_zero": {
        "en": "tickets.price is 0: free admission is written free: true, without a price",
        "ru": "tickets.price равно 0: если вход бесплатный, напишите free: true, а price не указывайте",
    },
    "phone.eight": {
        "en": "'{value}': a Russian number written with 8 at the start is written with the country code instead: "
              "number: \"{fixed}\"",
        "ru": "'{value}': российский номер пишется не с 8, а с кодом страны: number: \"{fixed}\"",
    },
    "phone.extension": {
        "en": "'{value}': write the number alone, number: \"{number}\", and the extension in the note: "
              "note: {{en: extension {ext}, ru: доб. {ext}}}",
        "ru": "'{value}': в number оставьте только сам номер: number: \"{number}\", а добавочный напишите в поле note: "
              "note: {{en: extension {ext}, ru: доб. {ext}}}",
    },
    "phone.russian_digits": {
        "en": "'{value}': a Russian number has 10 digits after +7, this one {count}; check the number against "
              "its source",
        "ru": "'{value}': в российском номере после +7 десять цифр, а здесь {count}; сверьте номер с источником",
    },
    "field_message": {"en": "{name}: {message}", "ru": "{name}: {message}"},
    "no_entries": {
        "en": "the file has no entries; if its text was deleted by mistake, take the last good version from the "
              "file's History on GitHub; a file meant to have no entries holds the line []",
        "ru": "в файле нет ни одной записи; если текст удалён по ошибке, возьмите последнюю правильную версию из "
              "истории файла на GitHub (History); в файле, где записей и не должно быть, напишите строку []",
    },
    "not_a_list_of_entries": {
        "en": "the file must be a list of entries, each starting with '- id: ...'",
        "ru": "файл должен быть списком записей, каждая из которых начинается с '- id: ...'",
    },
    "no_translation_yet": {
        "en": "'{name}' has no {langs} text yet; English is shown instead",
        "ru": "у '{name}' ещё нет текста для языков: {langs}; вместо него показывается английский",
    },
    "id_used": {
        "en": "the id is already used on line {line}; give each entry its own id",
        "ru": "этот id уже занят в строке {line}; дайте каждой записи свой id",
    },
    "id_used.event": {
        "en": "the id is already used on line {line}; if you copied that event to add a new year, delete the "
              "copy and add the year's dates under 'editions:' of the event on line {line}",
        "ru": "этот id уже занят в строке {line}; если вы скопировали то событие, чтобы добавить новый год, удалите "
              "копию и добавьте даты этого года в 'editions:' события в строке {line}",
    },
    "entry_removed": {
        "en": "{entry} was published and is no longer in {file}: its page, its calendar file and the links "
              "visitors saved or shared would lead nowhere; put the entry back (a past event stays on the site as "
              "its history; one called off gets 'status: cancelled'); to remove it all the same, delete this line too",
        "ru": "запись {entry} уже была опубликована, а в {file} её больше нет: её страница, файл календаря и "
              "ссылки, которые посетители сохранили или отправили друг другу, перестанут работать; верните запись "
              "(прошедшее событие остаётся на сайте как история, отменённое получает 'status: cancelled'); если "
              "её всё же нужно убрать, удалите и эту строку",
    },
    "translation_copied": {
        "en": "the {language} text of '{name}' is the same as that of {other} (line {line}), whose English differs: "
              "this entry looks copied from it; delete this entry's '{lang}: …' lines in every text (title, summary "
              "and the others) until a translator writes its own: its {language} page shows the English meanwhile",
        "ru": "текст '{name}' на {language} языке совпадает с текстом записи {other} (строка {line}), хотя английский "
              "у них разный: похоже, эта запись скопирована с неё; удалите у этой записи строки '{lang}: …' во всех "
              "текстах (title, summary и других), пока переводчик не напишет свои — до тех пор её страница на "
              "{language} языке покажет английский текст",
    },
    "title_used.event": {
        "en": "the event on line {line} has the same title; one entry holds every year of an event: if this is "
              "a new year of it, delete this copy and add the year's dates under 'editions:' of the event on "
              "line {line}; if it is another event, give it its own title",
        "ru": "у события в строке {line} такое же название; все годы одного события хранит одна запись: если это "
              "новый год того же события, удалите эту копию и добавьте даты года в 'editions:' события в строке "
              "{line}; если это другое событие, дайте ему своё название",
    },
    "id_with_year.taken": {
        "en": "an event's id has no year: one entry holds every year's edition, and '{suggest}' is on line {line}; "
              "delete this copy and add the year's dates under 'editions:' of the event on line {line}",
        "ru": "в id события не пишут год: все годы хранит одна запись, и '{suggest}' уже есть в строке {line}; "
              "удалите эту копию и добавьте даты года в 'editions:' события в строке {line}",
    },
    "id_used_by_chronicle": {
        "en": "the id is already used by the entry on line {line} of {file}, which keeps the address "
              "events/{id}/; give the event another id",
        "ru": "этот id уже занят записью в строке {line} файла {file}, за которой остаётся адрес events/{id}/; "
              "дайте событию другой id",
    },
    "id_with_year": {
        "en": "an event's id has no year: one entry holds every year's edition; write '{suggest}' and put a "
              "year's dates under editions",
        "ru": "в id события не пишут год: одна запись хранит выпуски всех лет; напишите '{suggest}', а даты "
              "каждого года укажите в editions",
    },
    "unknown_venue": {
        "en": "unknown venue '{value}'; use an id from data/venues.yml ({suggest})",
        "ru": "неизвестная площадка '{value}'; используйте id из data/venues.yml ({suggest})",
    },
    "unknown_partner": {
        "en": "unknown partner '{value}'; use an id from data/partners.yml ({suggest})",
        "ru": "неизвестный город-партнёр '{value}'; используйте id из data/partners.yml ({suggest})",
    },
    "unknown_city": {
        "en": "unknown city '{value}'; use a partner city id from data/partners.yml, or '{home}' for Khabarovsk "
              "({suggest})",
        "ru": "неизвестный город '{value}'; используйте id города-партнёра из data/partners.yml или '{home}' для "
              "Хабаровска ({suggest})",
    },
    "file_missing": {"en": "the file is missing; create {name}", "ru": "файла нет; создайте {name}"},
    "home_not_partner": {
        "en": "Khabarovsk itself is not a partner city; remove this entry",
        "ru": "сам Хабаровск не может быть городом-партнёром; удалите эту запись",
    },
    "not_a_web_address": {
        "en": "'{value}' is not a web address; write it in full, starting with https://",
        "ru": "'{value}' — не веб-адрес; напишите его полностью, начиная с https://",
    },
    "source_kind": {
        "en": "'{value}' does not say what kind of source it is; start it with one of {kinds} and say what after "
              "the colon (a bare 'seed' means the 2019 report)",
        "ru": "у '{value}' не указан вид источника; начните его с одного из {kinds} и после двоеточия укажите, что "
              "это (просто 'seed' означает отчёт 2019 года)",
    },
    "edition.source_kind": {
        "en": "'{value}' does not say where the dates were announced; write the web page's address first: "
              "\"page:https://… ({value})\"",
        "ru": "у '{value}' не указано, где объявлены даты; в начале укажите адрес веб-страницы: "
              "\"page:https://… ({value})\"",
    },
    "source_kind.page": {
        "en": "'{value}' is a web address without the kind of source; write \"page:{address} (what it says)\"",
        "ru": "'{value}' — веб-адрес без вида источника; напишите \"page:{address} (что там сказано)\"",
    },
    "where_event": {
        "en": "venues: say where the event is with exactly one of: venues (ids from venues.yml), city (a partner "
              "city id, or khabarovsk when the venue is not known), place (elsewhere){has}",
        "ru": "venues: укажите, где проходит событие, ровно одним из полей: venues (id из venues.yml), city (id "
              "города-партнёра или khabarovsk, если площадка неизвестна), place (в другом месте){has}",
    },
    "where_event_has": {"en": "; it has {fields}", "ru": "; сейчас указано: {fields}"},
    "end_before_start": {
        "en": "end: {end} is before start {start}; swap them or fix the dates",
        "ru": "end: {end} раньше, чем start {start}; поменяйте их местами или исправьте даты",
    },
    "end_before_start.swapped": {
        "en": "end: {end} is before start {start}; most likely the two are swapped: start: \"{end}\", end: "
              "\"{start}\" (if the dates do run over New Year, end: \"{later}\")",
        "ru": "end: {end} раньше, чем start {start}; скорее всего, их перепутали местами: start: \"{end}\", end: "
              "\"{start}\" (если даты и правда идут через Новый год — end: \"{later}\")",
    },
    "end_before_start.next_year": {
        "en": "end: {end} is before start {start}; if the dates run over New Year, the end is in the next year: "
              "end: \"{later}\"? (otherwise fix the dates)",
        "ru": "end: {end} раньше, чем start {start}; если даты идут через Новый год, end — в следующем году: "
              "end: \"{later}\"? (иначе исправьте даты)",
    },
    # -- yearly events (data/events.yml): usual timing and editions (model.py, when.py) ---------------
    "usually.one_kind": {
        "en": "say when the event usually happens with exactly one of: date (MM-DD), rule (an RRULE), moveable "
              "(orthodox-easter), month (with an optional part), or from and to{has}",
        "ru": "укажите, когда событие обычно проходит, ровно одним способом: date (ММ-ДД), rule (правило RRULE), "
              "moveable (orthodox-easter), month (можно с part) или from и to{has}",
    },
    "usually.not_with": {
        "en": "'{name}' does not go with '{kind}'; next to '{kind}' write only {allowed}",
        "ru": "'{name}' не сочетается с '{kind}'; рядом с '{kind}' пишите только {allowed}",
    },
    "usually.from_needs_to": {
        "en": "'from' needs 'to': the month (and part) the season usually ends in",
        "ru": "к 'from' нужно 'to': месяц (и part), в котором сезон обычно заканчивается",
    },
    "usually.moveable_needs_offset": {
        "en": "'moveable' needs 'offset_days': 0 for Easter Sunday, -50 for the Saturday of Maslenitsa week",
        "ru": "к 'moveable' нужно 'offset_days': 0 — само пасхальное воскресенье, -50 — суббота масленичной недели",
    },
    "usually.end_same": {
        "en": "'end' is the same day as 'date'; leave 'end' out for a one-day event",
        "ru": "'end' — тот же день, что и 'date'; для однодневного события уберите 'end'",
    },
    "usually.end_wraps": {
        "en": "'end' {end} comes before 'date' {date}, so the event would run through New Year for {days} days; "
              "swap the two days or correct them (an event across New Year is written date: \"12-25\", end: "
              "\"01-10\")",
        "ru": "'end' {end} раньше, чем 'date' {date}, и событие шло бы через Новый год {days} дней; поменяйте "
              "дни местами или исправьте их (событие через Новый год пишется так: date: \"12-25\", end: "
              "\"01-10\")",
    },
    "usually.rule_needs_month": {
        "en": "rule '{rule}' names a weekday but no month; add the month, e.g. BYMONTH=6 for June: "
              "FREQ=YEARLY;BYMONTH=6;BYDAY=2SA",
        "ru": "в правиле '{rule}' есть день недели, но нет месяца; добавьте месяц, например BYMONTH=6 для июня: "
              "FREQ=YEARLY;BYMONTH=6;BYDAY=2SA",
    },
    "usually.rule_ends": {
        "en": "rule '{rule}' stops repeating ({part}), but the event's page says it is held every year; leave "
              "{part} out (a year without the event is an edition with status: cancelled)",
        "ru": "правило '{rule}' перестаёт повторяться ({part}), а страница события говорит, что оно проходит "
              "каждый год; уберите {part} (год без события — выпуск со status: cancelled)",
    },
    "usually.yearly_is_date": {
        "en": "rule 'yearly' gives no day; for the same day every year write date: \"MM-DD\" instead",
        "ru": "правило 'yearly' не называет день; для одного и того же дня каждый год пишите date: \"ММ-ДД\"",
    },
    "usually.not_yearly": {
        "en": "rule '{rule}' does not repeat every year; start it with FREQ=YEARLY",
        "ru": "правило '{rule}' повторяется не каждый год; начните его с FREQ=YEARLY",
    },
    "edition.only_year": {
        "en": "the start '{start}' gives only a year; an edition needs at least the month (YYYY-MM), better the "
              "days (YYYY-MM-DD)",
        "ru": "в start '{start}' указан только год; выпуску нужен хотя бы месяц (ГГГГ-ММ), а лучше дни (ГГГГ-ММ-ДД)",
    },
    "edition.time_apart": {
        "en": "write the start time apart: start: \"{day}\" and time: \"{time}\"",
        "ru": "запишите время начала отдельно: start: \"{day}\" и time: \"{time}\"",
    },
    "event.no_usually": {
        "en": "'usually' is missing: when is the event usually held each year (CONTRIBUTING.md, Add an event)? "
              "For an event held only once, write 'once: true' instead, with its dates under 'editions:'",
        "ru": "нет поля 'usually': когда событие обычно проходит каждый год (CONTRIBUTING.ru.md, «Как добавить событие»)? "
              "Если событие проводится один раз, напишите вместо этого 'once: true', а его даты — под 'editions:'",
    },
    "event.once_and_usually": {
        "en": "an event held once ('once: true') has no 'usually': delete 'usually', or delete 'once: true' if "
              "the event is held every year",
        "ru": "у разового события ('once: true') не должно быть поля 'usually': удалите 'usually' или, если событие "
              "проводится каждый год, удалите 'once: true'",
    },
    "event.once_one_edition": {
        "en": "an event held once ('once: true') has its dates as one edition under 'editions:' (start, sources); "
              "it has {count}",
        "ru": "у разового события ('once: true') даты записываются одним выпуском под 'editions:' (start, "
              "sources); сейчас выпусков: {count}",
    },
    "edition.no_sources": {
        "en": "the dates starting {start} have no source: add a line under them, in line with 'start:', "
              "sources: [\"page:https://… (who announced the dates, and when)\"]",
        "ru": "у выпуска (start: {start}) нет источника: добавьте под его датами строку с тем же отступом, что и "
              "'start:': sources: [\"page:https://… (кто и когда объявил даты)\"]",
    },
    "edition.too_long": {
        "en": "end: {end} is {days} days after start: {start}, and one year's edition lasts a season at most; "
              "check the year in end (meant: \"{meant}\"?)",
        "ru": "end: {end} — через {days} дн. после start: {start}, а выпуск одного года длится не дольше сезона; "
              "проверьте год в end (возможно, имелось в виду \"{meant}\"?)",
    },
    "edition.time_needs_day": {
        "en": "a start time needs a start day (YYYY-MM-DD)",
        "ru": "для времени начала нужен день начала (ГГГГ-ММ-ДД)",
    },
    "editions.same_year": {
        "en": "editions: two editions start in {year}; an edition is one year's dates, so merge them or fix the year",
        "ru": "editions: два выпуска начинаются в {year} году; выпуск — это даты одного года: объедините их или "
              "исправьте год",
    },
    "editions.same_year.refined": {
        "en": "editions: two editions start in {year}; once the days are announced, they replace the month: "
              "delete the edition with start: \"{coarse}\" (its lines down to the next '- start:')",
        "ru": "editions: два выпуска начинаются в {year} году; когда объявлены точные даты, они заменяют месяц: "
              "удалите выпуск со start: \"{coarse}\" (все его строки до следующей строки '- start:')",
    },
    "same_stop_twice": {
        "en": "stops: stop {number} is the same venue as stop {previous} ('{venue}'); remove one of them",
        "ru": "stops: остановка {number} — та же площадка, что и остановка {previous} ('{venue}'); удалите одну "
              "из них",
    },
    "must_be_bool": {
        "en": "'{name}' must be true or false, not '{value}'",
        "ru": "'{name}' должно быть true (да) или false (нет), а не '{value}'",
    },
    "not_a_route_number": {
        "en": "'{value}' is not a route number; write it as on the stop's sign: 34 or 61С",
        "ru": "'{value}' — не номер маршрута; пишите его как на табличке остановки: 34 или 61С",
    },
    "edition.no_visible_source": {
        "en": "a year's dates need the page where the city or the organiser announced them (\"page:https://...\"); "
              "if they have not been announced yet, do not add this year: until then the site shows the usual "
              "time from 'usually'",
        "ru": "для дат года нужна страница, где их объявил город или организатор (\"page:https://...\"); "
              "если их ещё не объявили, не добавляйте этот год: до тех пор сайт показывает обычные сроки из "
              "'usually'",
    },
    "no_visible_source": {
        "en": "has no source a visitor can check; add the 2019 report (\"seed: <quote>\") or a web page "
              "(\"page:https://...\") for the facts shown (code:, estimate:, general: and note: are for editors)",
        "ru": "нет источника, который может проверить посетитель; добавьте отчёт 2019 года (\"seed: <цитата>\") "
              "или веб-страницу (\"page:https://...\") для показанных фактов (code:, estimate:, general: и note: — "
              "только для редакторов)",
    },
    "retired_source_kind": {
        "en": "'{value}': '{kind}:' is no longer a kind of source; {detail}",
        "ru": "'{value}': вида источника '{kind}:' больше нет; {detail}",
    },
    "retired.reference": {
        "en": "the research notes are not public: cite the page they read as 'page:https://...', "
              "or keep the remark for editors as 'note: ...'",
        "ru": "заметки исследования не публичны: укажите страницу, которую они цитируют, как 'page:https://...', "
              "или оставьте замечание для редакторов как 'note: ...'",
    },
    "private_source": {
        "en": "'{value}' cites a file of the project's research (shared/, reference/, notes.md), which visitors "
              "and reviewers cannot open; cite the public page it read ('page:https://...') or the 2019 report "
              "('seed: <quote>')",
        "ru": "'{value}' ссылается на файл исследования проекта (shared/, reference/, notes.md), который не могут "
              "открыть ни посетители, ни проверяющие; укажите публичную страницу ('page:https://...') или отчёт "
              "2019 года ('seed: <цитата>')",
    },
    "blocked_source": {
        "en": "'{value}' is on {host}, a site that copies, reposts or aggregates other pages; cite the original "
              "(the city, the venue, the partner city, the organiser, an official body or established media), "
              "or leave the fact out",
        "ru": "'{value}' — на сайте {host}, который копирует, перепечатывает или собирает чужие страницы; укажите "
              "оригинал (город, площадку, город-партнёр, организатора, официальный орган или известное СМИ) или "
              "не приводите этот факт",
    },
    "closure.not_a_day": {
        "en": "'{value}' is not a day; a closure starts and ends on a day, YYYY-MM-DD in quotes, e.g. \"2027-03-01\"",
        "ru": "'{value}' — не день; закрытие начинается и кончается в определённый день: ГГГГ-ММ-ДД в кавычках, "
              "например \"2027-03-01\"",
    },
    "not_a_checked_day": {
        "en": "'{value}' is not a day; write the day you checked the source, YYYY-MM-DD",
        "ru": "'{value}' — не день; напишите день, когда вы проверили источник, ГГГГ-ММ-ДД",
    },
    "practical_needs_page": {
        "en": "sources: a practical fact needs a 'page:' source, the web page it was read on "
              "(\"page:https://... (the page's own date)\")",
        "ru": "sources: практическому сведению нужен источник 'page:' — веб-страница, где оно прочитано "
              "(\"page:https://... (дата самой страницы)\")",
    },
    "hours_spec_or_note": {
        "en": "give the 'spec' (e.g. \"Mo-Fr 09:00-18:00; Sa 10:00-16:00\") or a 'note', or both",
        "ru": "укажите 'spec' (например, \"Mo-Fr 09:00-18:00; Sa 10:00-16:00\"), или 'note', или оба",
    },
    "free_has_no_price": {
        "en": "free admission has no price; remove 'price' or write 'free: false'",
        "ru": "у бесплатного входа нет цены; удалите 'price' или напишите 'free: false'",
    },
    "not_a_phone": {
        "en": "'{value}' is not a phone number; write it in full with the country code, e.g. +7 4212 47-71-58",
        "ru": "'{value}' — не номер телефона; напишите его полностью, с кодом страны, например +7 4212 47-71-58",
    },
    "not_a_day_of_year": {
        "en": "'{value}' is not a day of the year; write MM-DD in quotes, e.g. \"01-07\" for 7 January",
        "ru": "'{value}' — не день года; пишите ММ-ДД в кавычках, например \"01-07\" для 7 января",
    },
    "no_such_day_of_year": {
        "en": "'{value}' does not exist: {month_name} has {days} days{hint}",
        "ru": "'{value}' не существует: в {month_name} {days} {days:plural:день:дня:дней}{hint}",
    },
    "feb_29_needs_rule": {
        "en": "; an event on 29 February needs a rule",
        "ru": "; событию 29 февраля нужно правило повтора",
    },
    "not_a_time": {
        "en": "'{value}' is not a time of day; write HH:MM in quotes (Khabarovsk time), e.g. \"10:00\"",
        "ru": "'{value}' — не время суток; пишите ЧЧ:ММ в кавычках (время хабаровское), например \"10:00\"",
    },
    "not_hours": {
        "en": "'{spec}' is not an opening-hours rule the site reads: in '{part}', {why}; write it like "
              "'{example}': days Mo Tu We Th Fr Sa Su, a range Tu-Su, a list Mo,We, Fr[-1] for the last Friday of "
              "the month; times HH:MM-HH:MM; 'off' for closed; rules separated by ';'",
        "ru": "'{spec}' — не правило часов работы, понятное сайту: в '{part}' {why}; пишите так: '{example}': "
              "дни Mo Tu We Th Fr Sa Su, диапазон Tu-Su, список Mo,We, Fr[-1] — последняя пятница месяца; время "
              "ЧЧ:ММ-ЧЧ:ММ; 'off' — выходной; правила разделяются ';'",
    },
    "hours.span": {"en": "a time span is HH:MM-HH:MM with leading zeros (09:00-18:00), a day off 'off'",
                   "ru": "промежуток времени пишется ЧЧ:ММ-ЧЧ:ММ с ведущими нулями (09:00-18:00), выходной — 'off'"},
    "hours.dates": {"en": "dates do not go in the weekly hours: write a closure under 'closed:', other changes "
                          "from a date on in 'note'",
                    "ru": "даты в недельное расписание не пишутся: закрытие запишите в 'closed:', другие изменения "
                          "с какой-то даты — в 'note'"},
    "hours.range": {"en": "hours go from 00:00 to 24:00", "ru": "часы — от 00:00 до 24:00"},
    "hours.empty_span": {"en": "a span must not end when it starts",
                         "ru": "промежуток не может заканчиваться там же, где начинается"},
    "hours.days": {"en": "days are Mo Tu We Th Fr Sa Su",
                   "ru": "дни пишутся латиницей: Mo Tu We Th Fr Sa Su (пн вт ср чт пт сб вс)"},
    "hours.nth": {"en": "[1] to [5] is the first to fifth such day of the month, [-1] the last",
                  "ru": "[1]–[5] — с первого по пятый такой день месяца, [-1] — последний"},
    "hours.nth_alone": {"en": "a day of the month such as Fr[-1] needs a rule of its own",
                        "ru": "дню месяца вроде Fr[-1] нужно отдельное правило"},
    "hours.needs_times": {"en": "the days need times, or 'off'", "ru": "дням нужно время или 'off'"},
    "hours.overridden": {
        "en": "in '{spec}', the rule '{rule}' has no effect: '{later}' after it sets the hours of the same days, and "
              "a later rule replaces an earlier one; write the general rule first and the exception after it: "
              "'{fixed}'",
        "ru": "в '{spec}' правило '{rule}' не действует: правило '{later}', стоящее после него, задаёт часы работы "
              "в те же дни, а более позднее правило отменяет более раннее; напишите сначала общее правило, потом исключение: "
              "'{fixed}'",
    },
    "hours.colon_after_days": {"en": "no colon after the days: '{fixed}'", "ru": "после дней недели двоеточие не нужно: '{fixed}'"},
    "hours.last_day": {"en": "the last such day of the month is written with [-1]: '{fixed}'",
                       "ru": "последний в месяце день недели обозначается [-1]: '{fixed}'"},
    "hours.empty_rule": {"en": "an empty rule between ';'", "ru": "пустое правило между ';'"},
    "hours.as_text": {"en": "write the opening hours as text in quotes, e.g. \"{example}\"",
                      "ru": "пишите часы работы текстом в кавычках, например \"{example}\""},
    "hours.colon": {"en": "hours and minutes are separated by a colon, not a dot: {fixed}",
                    "ru": "часы и минуты разделяются двоеточием, а не точкой: {fixed}"},
    "hours.semicolon": {"en": "rules are separated by a semicolon, not a comma: '{fixed}'",
                        "ru": "правила разделяются точкой с запятой, а не запятой: '{fixed}'"},
    "hours.words": {"en": "days and times are written in codes (Mo Tu We Th Fr Sa Su, 10:00-18:00), not in "
                          "Russian words or abbreviations{suggest}",
                    "ru": "дни и время пишутся кодами (Mo Tu We Th Fr Sa Su, 10:00-18:00), а не русскими словами "
                          "или сокращениями{suggest}"},
    "hours.words.suggest": {"en": " (here: '{fixed}')", "ru": " (здесь: '{fixed}')"},
    "date_as_text": {
        "en": "write the date as text: {forms}",
        "ru": "напишите дату текстом: ГГГГ-ММ-ДД, ГГГГ-ММ-ДД ЧЧ:ММ, ГГГГ-ММ или ГГГГ",
    },
    "not_a_date": {
        "en": "'{value}' is not a date; write {forms}, e.g. 2019-05-26",
        "ru": "'{value}' — не дата; пишите ГГГГ-ММ-ДД, ГГГГ-ММ-ДД ЧЧ:ММ, ГГГГ-ММ или ГГГГ, например 2019-05-26",
    },
    "checked_in_future": {
        "en": "'{value}' has not come yet; 'checked' is the day you read the source: today or earlier",
        "ru": "'{value}' ещё не наступило; в 'checked' пишется день, когда вы читали источник: сегодня или раньше",
    },
    "not_a_date.range": {
        "en": "'{value}' is several days: the first day goes in start, the last in end. Write start: \"{start}\" and, "
              "on the next line with the same indentation, end: \"{end}\"",
        "ru": "'{value}' — это несколько дней: первый день пишется в start, последний — в end. Напишите start: "
              "\"{start}\", а на следующей строке, с тем же отступом, end: \"{end}\"",
    },
    "not_a_date.curly_quotes": {
        "en": "'{value}' is in typographic quotes («…» or “…”), which YAML keeps as part of the date; write it in "
              "straight quotes: {suggestion} (Shift+' on an English keyboard, Shift+2 on a Russian one)",
        "ru": "'{value}' — в типографских кавычках («…» или “…”), а YAML считает их частью даты; напишите её в "
              "прямых кавычках: {suggestion} (Shift+2 в русской раскладке, Shift+Э — в английской)",
    },
    "not_a_date.suggest": {
        "en": "'{value}' is not a date the site reads; write {suggestion} (year-month-day, in quotes)",
        "ru": "'{value}' — дата не в том виде, который понимает сайт; напишите {suggestion} (год-месяц-день, в "
              "кавычках)",
    },
    "not_a_date.suggest_month": {
        "en": "'{value}' is not a date the site reads; write {suggestion} (year-month, in quotes)",
        "ru": "'{value}' — дата не в том виде, который понимает сайт; напишите {suggestion} (год-месяц, в кавычках)",
    },
    "not_a_date.suggest_part": {
        "en": "'{value}' is not a date the site reads; write {suggestion} (year-month, in quotes): a date has no "
              "part of a month, which goes into the source's note in brackets",
        "ru": "'{value}' — дата не в том виде, который понимает сайт; напишите {suggestion} (год-месяц, в "
              "кавычках); часть месяца («в конце июня») пишут не в дате, а в пояснении к источнику, в скобках",
    },
    "no_such_month": {
        "en": "'{value}': there is no month {month}; months go from 01 to 12",
        "ru": "'{value}': месяца {month} не бывает; месяцы — от 01 до 12",
    },
    "no_such_month.swapped": {
        "en": "'{value}': there is no month {month}; months go from 01 to 12, the month before the day: "
              "did you mean \"{swapped}\"?",
        "ru": "'{value}': месяца {month} не бывает; месяцы — от 01 до 12, и месяц пишется перед днём: "
              "возможно, имелось в виду \"{swapped}\"?",
    },
    "no_such_day": {
        "en": "'{value}' does not exist: {month_name} {year} has {days} days",
        "ru": "'{value}' не существует: в {month_name} {year} года {days} {days:plural:день:дня:дней}",
    },
    "no_such_time": {
        "en": "'{value}': the time must be between 00:00 and 23:59",
        "ru": "'{value}': время должно быть от 00:00 до 23:59",
    },
    "time_with_dot": {
        "en": "'{typed}': write a time with a colon, in quotes: \"{time}\"",
        "ru": "'{typed}' — время пишется через двоеточие и в кавычках: \"{time}\"",
    },
    "time_unquoted": {
        "en": "{time} without quotes is read as a number; put the time in quotes: \"{time}\"",
        "ru": "{time} без кавычек читается как число; возьмите время в кавычки: \"{time}\"",
    },
    "not_a_repeat_rule": {
        "en": "'{value}' is not a repeat rule; write 'yearly' (the same date every year) or an iCalendar RRULE: "
              "FREQ=YEARLY;BYMONTH=6;BYDAY=2SA is the second Saturday of June (BYMONTH: the month, 1 to 12; "
              "BYDAY: which one of the month, -1 for the last, and the day: MO TU WE TH FR SA SU)",
        "ru": "'{value}' — не правило повтора; напишите 'yearly' (каждый год в тот же день) или правило iCalendar "
              "RRULE: FREQ=YEARLY;BYMONTH=6;BYDAY=2SA — вторая суббота июня (BYMONTH — месяц, от 1 до 12; "
              "BYDAY — какой по счёту в месяце, -1 — последний, и день: MO пн, TU вт, WE ср, TH чт, FR пт, "
              "SA сб, SU вс)",
    },
    "rrule_starts_with_freq": {
        "en": "'{value}': an RRULE starts with FREQ=, e.g. FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU",
        "ru": "'{value}': правило RRULE начинается с FREQ=, например FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU",
    },
    "outside_khabarovsk": {
        "en": "{value} is outside Khabarovsk ({axis} {low}..{high}); a venue must be in the city: check the number "
              "and that lat and lon are not swapped",
        "ru": "{value} — за пределами Хабаровска ({axis} {low}..{high}); площадка должна быть в городе: проверьте "
              "число и не перепутаны ли lat и lon",
    },
    "not_a_country": {
        "en": "'{value}' is not an ISO 3166 country code; use two capital letters such as JP, CN, KR, US",
        "ru": "'{value}' — не код страны ISO 3166; используйте две заглавные латинские буквы, например JP, CN, KR, US",
    },
    **{f"month.{number}": {"en": en, "ru": ru} for number, (en, ru) in enumerate((
        ("January", "январе"), ("February", "феврале"), ("March", "марте"), ("April", "апреле"),
        ("May", "мае"), ("June", "июне"), ("July", "июле"), ("August", "августе"),
        ("September", "сентябре"), ("October", "октябре"), ("November", "ноябре"), ("December", "декабре")), 1)},

    # -- make check (scripts/check_data.py) ---------------------------------------------------------------------
    "schema_line": {
        "en": "make the first line `{line}` so that editors' YAML tools check the file as you type",
        "ru": "сделайте первой строкой `{line}`, чтобы редактор кода (например, VS Code с расширением YAML) проверял файл прямо при наборе",
    },
    "check.warnings": {
        "en": "Warnings (they do not stop the build; English is shown where a translation is missing):",
        "ru": "Предупреждения (сборку они не останавливают; где нет перевода, показывается английский текст):",
    },
    "check.failed": {
        "en": "{errors} {errors:plural:error:errors}, {warnings} {warnings:plural:warning:warnings}: fix the errors above; the site is not "
              "built until they are fixed.",
        "ru": "Ошибок: {errors}, предупреждений: {warnings}. Исправьте ошибки выше: пока они есть, сайт не "
              "собирается.",
    },
    "check.ok": {
        "en": "OK: {counts}; {warnings} {warnings:plural:warning:warnings}.",
        "ru": "OK: {counts}; предупреждений: {warnings}.",
    },
    "check.count.venues": {"en": "{n} venues", "ru": "площадок: {n}"},
    "check.count.partners": {"en": "{n} partner cities", "ru": "городов-партнёров: {n}"},
    "check.count.events": {"en": "{n} events", "ru": "событий: {n}"},
    "check.count.routes": {"en": "{n} routes", "ru": "маршрутов: {n}"},
    "check.count.chronicle": {"en": "{n} entries of the 2019 chronicle", "ru": "записей хроники 2019 года: {n}"},
    "check.count.pictures": {"en": "{n} {n:plural:picture:pictures}", "ru": "изображений: {n}"},
    "summary.build_errors": {"en": "Build errors (mkdocs build)", "ru": "Ошибки сборки (mkdocs build)"},
    "summary.data_errors": {
        "en": "Data errors (make check)", "ru": "Ошибки в данных (make check)",
    },

    # -- the build (citysite/errors.py and the build's own checks) ---------------------------------------------
    "build.data_errors": {
        "en": "The data files have {count} {count:plural:problem:problems}; nothing was built and the previous site "
              "is unchanged. Fix each one (`make check` checks the data without building):",
        "ru": "В файлах данных есть ошибки ({count}); сайт не собран, прежний сайт не изменился. Исправьте каждую "
              "(`make check` проверяет данные без сборки):",
    },
    "build.failed": {
        "en": "the site was not built (the messages above say why); the previous site is unchanged",
        "ru": "сайт не собран (причины — в сообщениях выше); прежний сайт не изменился",
    },
    "build.placeholder_address": {
        "en": "Built for {url}, a placeholder address: fine for a preview; to publish the site, build it for "
              "its real address with `SITE_URL=<the address> make publish` (README, Publish)",
        "ru": "Сайт собран для адреса-заглушки {url}: для предпросмотра это годится, но для публикации соберите "
              "его с настоящим адресом — `SITE_URL=<адрес> make publish` (CONTRIBUTING.ru.md, раздел «Публикация»)",
    },
    "build.address_empty": {
        "en": "the site's address is empty: SITE_URL is set, to nothing",
        "ru": "адрес сайта пуст: переменная SITE_URL задана, но пуста",
    },
    "build.address_empty.fix": {
        "en": "set SITE_URL to the site's address, such as https://<host>/khabarovsk/, or unset it "
              "(`unset SITE_URL`) for a preview",
        "ru": "укажите в SITE_URL адрес сайта, например https://<домен>/khabarovsk/, или, чтобы собрать "
              "сайт для предпросмотра, удалите переменную (`unset SITE_URL`)",
    },
    "build.address_spaces": {
        "en": "the site's address {url} contains a space or a line break, which every page's address would carry",
        "ru": "в адресе сайта {url} есть пробел или перевод строки — этот символ попал бы в адреса всех страниц",
    },
    "build.address_spaces.fix": {
        "en": "write the address alone, with nothing before or after it: SITE_URL=https://<host>/khabarovsk/ "
              "(a file saved on Windows ends its lines with an invisible \\r)",
        "ru": "напишите только адрес, ничего не добавляя до и после: SITE_URL=https://<домен>/khabarovsk/ (в "
              "файле, сохранённом в Windows, строки заканчиваются невидимым символом \\r)",
    },
    "build.address_query": {
        "en": "the site's address {url} has a '?' or '#' part, which no page's address can follow",
        "ru": "адрес сайта {url} содержит часть, начинающуюся с '?' или '#': к такому адресу нельзя дописать адреса страниц",
    },
    "build.address_query.fix": {
        "en": "give the folder's address without it, such as https://<host>/khabarovsk/",
        "ru": "укажите адрес папки без части после '?' или '#', например https://<домен>/khabarovsk/",
    },
    "build.address_file": {
        "en": "the site's address {url} ends in a file's name: every page's address would start with it",
        "ru": "адрес сайта {url} заканчивается именем файла: с него начинались бы адреса всех страниц",
    },
    "build.address_file.fix": {
        "en": "give the folder's address, such as https://<host>/khabarovsk/",
        "ru": "укажите адрес папки, например https://<домен>/khabarovsk/",
    },
    "build.publish_unset": {
        "en": "to publish, build the site for the address it will have, an https:// address on your own "
              "host: `SITE_URL=https://<the site's address>/ make publish`; SITE_URL is not set",
        "ru": "для публикации соберите сайт для его будущего адреса на вашем сервере (он должен начинаться с "
              "https://): `SITE_URL=https://<адрес сайта>/ make publish`; сейчас SITE_URL не задана",
    },
    "build.publish_http": {
        "en": "to publish, the site's address must start with https:// (the offline guide and \"near me\" "
              "work only over https): `SITE_URL=https://<the site's address>/ make publish`; SITE_URL is {url}",
        "ru": "для публикации адрес сайта должен начинаться с https:// (офлайн-путеводитель и кнопка «рядом со "
              "мной» работают только по https): `SITE_URL=https://<адрес сайта>/ make publish`; сейчас "
              "SITE_URL — {url}",
    },
    "build.publish_placeholder": {
        "en": "to publish, build the site for its own address, not a placeholder such as example.org, "
              "khabarovsk.example.org, a .test address or localhost: `SITE_URL=https://<the site's address>/ make publish`; "
              "SITE_URL is {url}",
        "ru": "для публикации соберите сайт для его собственного адреса, а не для заглушки вроде example.org, "
              "khabarovsk.example.org, адреса в .test или localhost: `SITE_URL=https://<адрес сайта>/ make publish`; сейчас "
              "SITE_URL — {url}",
    },
    "build.published": {
        "en": "Built for {url}: upload everything in {folder}, {files} files (CONTRIBUTING.md, Publishing)",
        "ru": "Сайт собран для {url}: загрузите на сервер всё содержимое папки {folder} (файлов: {files}; "
              "см. CONTRIBUTING.ru.md, раздел «Публикация»)",
    },
    "build.publish_leftover": {
        "en": "the built site still names a placeholder address ({url}) in {files}; it was not put in site/, "
              "which is unchanged",
        "ru": "в собранном сайте остался адрес-заглушка ({url}): {files}; собранный сайт не скопирован в site/, "
              "там остался прежний",
    },
    "build.publish_sitemap": {
        "en": "sitemap.xml does not list the pages under {url}; the built site was not put in site/, which is "
              "unchanged",
        "ru": "в sitemap.xml нет страниц с адресами, начинающимися с {url}; собранный сайт не скопирован в site/, "
              "там остался прежний",
    },
    # MkDocs' own last line when a build stops (mkdocs/commands/build.py), as scripts/build_site.py shows it
    "build.error_reading": {"en": "Error reading page '{page}':", "ru": "Ошибка при чтении страницы '{page}':"},
    "build.aborted": {"en": "Aborted with a BuildError!",
                      "ru": "Сборка остановлена из-за ошибки, описанной выше."},
    "build.aborted_strict": {
        "en": "Aborted with {count} warnings in strict mode!",
        "ru": "Сборка остановлена: предупреждений — {count}. В строгом режиме (make build, проверка на GitHub) "
              "каждое из них нужно исправить.",
    },
    "fix": {"en": "; {message}", "ru": "; {message}"},
    "ui.not_yaml": {"en": "not valid YAML ({detail})", "ru": "это некорректный YAML ({detail})"},
    "ui.not_yaml.fix": {
        "en": "check the indentation and put text with ':' or '#' in quotes",
        "ru": "проверьте отступы и возьмите в кавычки текст с ':' или '#'",
    },
    "ui.missing": {"en": "missing translations: {missing}", "ru": "нет переводов: {missing}"},
    "ui.missing.fix": {"en": "add them", "ru": "добавьте их"},
    "i18n_missing": {"en": "the i18n plugin is missing", "ru": "нет плагина i18n"},
    "i18n_not_configured": {"en": "the i18n plugin is not configured", "ru": "плагин i18n не настроен"},
    "i18n.fix": {"en": "list it under plugins:", "ru": "добавьте его в plugins:"},
    "same_page_twice": {"en": "the same page as {other}", "ru": "та же страница, что и {other}"},
    "same_page_twice.fix": {"en": "keep translations only in docs_{lang}/",
                            "ru": "держите переводы только в docs_{lang}/"},
    "option.fix": {"en": "see the comments above it in mkdocs.yml for what it takes",
                   "ru": "что здесь можно писать, сказано в комментариях над этой строкой в mkdocs.yml"},
    "contents.not_bool": {"en": "'contents: {value}' must be true or false",
                          "ru": "'contents: {value}' — здесь можно написать только true или false"},
    "contents.fix": {
        "en": "write `contents: true` for a line of links to the page's sections under its title, or remove the line",
        "ru": "напишите `contents: true`, чтобы под заголовком была строка ссылок на разделы страницы, или удалите строку",
    },
    "offline.not_bool": {"en": "'offline: {value}' must be true or false",
                         "ru": "'offline: {value}' — здесь можно написать только true или false"},
    "offline.fix": {
        "en": "write `offline: true` to keep the page on visitors' phones for reading offline, or remove the line",
        "ru": "напишите `offline: true`, чтобы страница сохранялась на телефонах посетителей для чтения без "
              "интернета, или удалите строку",
    },
    "map_marker": {
        "en": "'{marker}' asks for a map, but there are maps only on the home page, venues/index.md, "
              "partners/index.md and the venue pages",
        "ru": "'{marker}' просит карту, но карты есть только на главной странице, в venues/index.md, "
              "partners/index.md и на страницах площадок",
    },
    "map_marker.fix": {"en": "remove the line", "ru": "удалите эту строку"},
    "pinned_changed": {"en": "{what}: the pinned theme or i18n plugin changed",
                       "ru": "{what}: изменилась закреплённая версия темы или плагина i18n"},
    "link.missing": {
        "en": "the link '{url}' leads to a page or file that does not exist ({target}){suggest}; check the "
              "spelling and the ../{folder}",
        "ru": "ссылка '{url}' ведёт на несуществующую страницу или файл ({target}){suggest}; проверьте "
              "написание и ../{folder}",
    },
    "link.folder": {"en": " ({lang}/ at the start of the path means the file in docs_{lang}/)",
                    "ru": " ({lang}/ в начале пути означает файл в docs_{lang}/)"},
    "page.no_english": {
        "en": "this translation has no English page docs/{path}, so it would be published at /{lang}/ alone, "
              "outside every menu and the language switch; a page starts in English: add docs/{path} (write it in "
              "English, or ask a colleague to translate it) and its line in mkdocs.yml's nav, or move this file "
              "to the path of its English page in docs/",
        "ru": "у этого перевода нет английской страницы docs/{path}, и он попал бы на сайт только в разделе /{lang}/, "
              "вне меню и переключателя языков; каждая страница сначала создаётся на английском: добавьте "
              "docs/{path} (напишите её по-английски или попросите коллегу перевести её) и её строку в nav в "
              "mkdocs.yml — или перенесите этот файл так, чтобы его путь совпадал с путём английской страницы в docs/",
    },
    "page.generated_address": {
        "en": "the site already makes a page at this address from {data}; this page would replace it in this "
              "language (or be dropped), with nothing said",
        "ru": "по этому адресу сайт уже делает страницу из {data}; эта страница молча заменила бы её на этом "
              "языке (или пропала бы)",
    },
    "page.generated_address_fix": {
        "en": "to add to that page, edit its entry in data/{section}.yml; for a page of your own, give this file "
              "another name (for example with the year: {section}/visit-2027.md)",
        "ru": "чтобы дополнить ту страницу, правьте её запись в data/{section}.yml; если нужна отдельная страница, дайте этому "
              "файлу другое имя (например, с годом: {section}/visit-2027.md)",
    },
    "menu.title": {
        "en": "the menu title '{title}' is not English with a translation for each language (missing: {languages}): "
              "every menu would show it as written",
        "ru": "заголовок меню '{title}' должен быть английским и иметь перевод для каждого языка (нет перевода: "
              "{languages}): иначе меню на всех языках покажет его как есть",
    },
    "menu.title_fix": {
        "en": "write the line without a title (`- visit/winter.md`): each language's menu then shows the page's own "
              "heading; or write the title in English and add `{title}: …` under nav_translations of each language",
        "ru": "напишите строку без заголовка (`- visit/winter.md`): тогда меню на каждом языке покажет заголовок самой "
              "страницы; или напишите заголовок по-английски и добавьте `{title}: …` в nav_translations каждого языка",
    },
    "nav.missing": {
        "en": "the menu (nav) lists the page '{url}', and there is no file docs/{url}{suggest}; correct the path in "
              "mkdocs.yml, or add the English page docs/{url} first (its translations go at the same path in "
              "docs_ru/ and the other docs_… folders)",
        "ru": "в меню (nav) указана страница '{url}', а файла docs/{url} нет{suggest}; исправьте путь в mkdocs.yml "
              "или сначала добавьте английскую страницу docs/{url} (переводы кладут по тому же пути в docs_ru/ и "
              "другие папки docs_…)",
    },
    "link.suggest": {"en": " (did you mean '{url}'?)", "ru": " (возможно, имелось в виду '{url}'?)"},
    "link.no_entry": {
        "en": "the link '{url}' leads to the page of '{id}', and data/{section}.yml has no such entry: if its id was "
              "changed, change the link too",
        "ru": "ссылка '{url}' ведёт на страницу записи '{id}', а в data/{section}.yml такой записи нет: если её id "
              "изменили, исправьте и ссылку",
    },
    "link.no_event": {
        "en": "the link '{url}' leads to the page of the event '{id}', and data/events.yml has no such entry: if its "
              "id was changed, change the link too; if the event was deleted because it was cancelled, restore it "
              "and write status: cancelled in the cancelled year's edition",
        "ru": "ссылка '{url}' ведёт на страницу события '{id}', а в data/events.yml такой записи нет: если её id "
              "изменили, исправьте и ссылку; если событие удалили из-за отмены, верните запись и напишите "
              "status: cancelled в выпуске отменённого года",
    },
    "link.absolute": {
        "en": "the link '{url}' starts with '/': it would break when the site is published under a sub-path; "
              "link to the page's file relative to this page (../visit/index.md)",
        "ru": "ссылка '{url}' начинается с '/': она сломается, если сайт опубликован не в корне адреса; "
              "ссылайтесь на файл страницы относительно этой страницы (../visit/index.md)",
    },
    "link.absolute.file": {
        "en": "the link '{url}' starts with '/': it would break when the site is published under a sub-path; "
              "link to the page's file relative to this page: {file}",
        "ru": "ссылка '{url}' начинается с '/': она сломается, если сайт опубликован не в корне адреса; "
              "ссылайтесь на файл страницы относительно этой страницы: {file}",
    },
    "link.picture": {
        "en": "the picture '{url}' is not a file of the site; a picture goes into media/photos/, is described in "
              "data/images.yml and is shown with the line <!-- image: <its id> --> (CONTRIBUTING.md, 'Add a picture')",
        "ru": "картинки '{url}' на сайте нет; картинку кладут в media/photos/, описывают в data/images.yml и "
              "показывают строкой <!-- image: <её id> --> (CONTRIBUTING.ru.md, «Как добавить изображение»)",
    },
    "link.unrecognized": {
        "en": "the link '{url}' does not name a page's file; link to the file (../visit/index.md), not to a "
              "folder or address of the site",
        "ru": "ссылка '{url}' не указывает на файл страницы; ссылайтесь на файл (../visit/index.md), а не на "
              "папку или адрес сайта",
    },
    "link.anchor": {
        "en": "the link '{url}' leads to the section '#{anchor}', which {target} does not have{suggest}; a "
              "section's name for links is at the end of its heading, in braces: ## Visas {{#visas}}",
        "ru": "ссылка '{url}' ведёт к разделу '#{anchor}', которого нет в {target}{suggest}; имя раздела для "
              "ссылок написано в конце его заголовка, в фигурных скобках: ## Визы {{#visas}}",
    },
    "dated.expired": {
        "en": "this passage was dated until {date} and is no longer shown on the site; update it, with a new "
              "date, or delete it",
        "ru": "этот текст был верен по {date} включительно, и на сайте его больше нет; обновите его и поставьте "
              "новую дату или удалите",
    },
    "dated.bad_date": {
        "en": "'{date}' in `until=\"…\"` is not a date",
        "ru": "'{date}' в `until=\"…\"` — не дата",
    },
    "dated.fix": {
        "en": "write the last day the passage holds as YYYY-MM-DD: {{: until=\"2027-01-10\" }}",
        "ru": "напишите последний день, когда текст ещё верен, в виде ГГГГ-ММ-ДД: {{: until=\"2027-01-10\" }}",
    },
    "link.generated": {"en": "{file} (a page made from {data})", "ru": "{file} (страница из {data})"},
    "anchor.repeated": {
        "en": "two headings of this page have the anchor '{{#{anchor}}}'{first}: links to it all lead to the first",
        "ru": "у двух заголовков этой страницы один и тот же якорь '{{#{anchor}}}'{first}: все ссылки на него ведут к первому",
    },
    "anchor.first_line": {"en": " (the first on line {line})", "ru": " (первый — в строке {line})"},
    "anchor.fix": {
        "en": "give this heading an anchor of its own, for example '{{#{anchor}-2}}'",
        "ru": "дайте этому заголовку свой якорь, например '{{#{anchor}-2}}'",
    },

    # -- make serve's error page -----------------------------------------------------------------------------------
    "serve.title": {"en": "The site could not be rebuilt", "ru": "Сайт не удалось пересобрать"},
    "serve.warnings_title": {"en": "The site was rebuilt, but the check on GitHub would stop it",
                             "ru": "Сайт пересобран, но проверка на GitHub его остановит"},
    "serve.warnings_lead": {
        "en": "The preview has built your change, but the build that publishes the site stops at these problems. "
              "Fix the file and save it: this page reloads by itself.",
        "ru": "Предпросмотр собрал ваше изменение, но сборка, которая публикует сайт, остановится на этих "
              "ошибках. Исправьте файл и сохраните его — страница обновится сама.",
    },
    "serve.lead": {
        "en": "Your last change has a problem; until it is fixed, the preview shows this page. Fix the file "
              "and save it: this page reloads by itself.",
        "ru": "В последнем изменении есть ошибка; пока она не исправлена, предпросмотр показывает эту страницу. "
              "Исправьте файл и сохраните его — страница обновится сама.",
    },
    "serve.more": {
        "en": "The same message is in the terminal where make serve runs. What the messages mean: {guide}, "
              "\"Checks and what their messages mean\".",
        "ru": "То же сообщение есть в терминале, где запущен make serve. Что означают сообщения — в {guide}, "
              "раздел «Проверки и что означают их сообщения».",
    },
    "serve.guide": {"en": "CONTRIBUTING.md", "ru": "CONTRIBUTING.ru.md"},
    "serve.partial": {
        "en": "Rebuilt only '{lang}' ({files}); the other languages are rebuilt with the next change of the data, "
              "templates or settings",
        "ru": "Пересобран только язык '{lang}' ({files}); остальные языки пересоберутся при следующем изменении "
              "данных, шаблонов или настроек",
    },
    "serve.stale": {
        "en": "'{langs}' still show the previous English text of {files} (their copies of it are rebuilt with "
              "the next change of the data, templates or settings, or a restart of make serve)",
        "ru": "'{langs}' пока показывают прежний английский текст {files} (их копии пересоберутся при следующем "
              "изменении данных, шаблонов или настроек или после перезапуска make serve)",
    },

    # -- translation status (citysite/translations.py, scripts/translations.py) ---------------------------------
    "front_matter.invalid": {
        "en": "{at}the front matter (between the --- lines) is not valid YAML ({detail}); put text containing ': ' "
              "or '#' in quotes",
        "ru": "{at}заголовочный блок (между строками ---) — некорректный YAML ({detail}); возьмите в кавычки текст, "
              "в котором есть ': ' или '#'",
    },
    "front_matter.yaml": {"en": "{at}the front matter (between the --- lines): {message}",
                          "ru": "{at}заголовочный блок (между строками ---): {message}"},
    "front_matter.unclosed": {
        "en": "the page starts with a '---' line (the front matter) and has no closing '---', so the site would "
              "show the front matter as text at the top of the page; put a line '---' before line {line}, after "
              "the last 'key: value' line",
        "ru": "страница начинается со строки '---' (заголовочный блок), а закрывающей '---' нет, и сайт показал бы "
              "заголовочный блок текстом в начале страницы; вставьте строку '---' перед строкой {line}, после "
              "последней строки 'ключ: значение'",
    },
    "front_matter.line": {"en": "line {line}: ", "ru": "строка {line}: "},
    "front_matter.not_mapping": {
        "en": "the front matter (between the --- lines) must be 'key: value' lines",
        "ru": "заголовочный блок (между строками ---) должен состоять из строк 'ключ: значение'",
    },
    "translations.data_error": {
        "en": "data/*.yml have {count} {count:plural:error:errors}, so data entries were not checked; run "
              "`make check` to see and fix them",
        "ru": "в data/*.yml есть ошибки ({count}), поэтому записи данных не проверены; выполните `make check`, "
              "чтобы увидеть и исправить их",
    },
    "status.up to date": {"en": "up to date", "ru": "актуален"},
    "status.outdated": {"en": "outdated", "ru": "устарел"},
    "status.not marked": {"en": "not marked", "ru": "не отмечен"},
    "status.missing": {"en": "missing", "ru": "нет перевода"},
    "mark.what": {
        "en": "say what to mark: make mark-translated PAGE=docs_ru/visit/index.md (a translation), "
              "PAGE=docs/visit/index.md (all of its translations), ENTRY=events/city-day (a data entry), "
              "or ALL=1",
        "ru": "укажите, что отметить: make mark-translated PAGE=docs_ru/visit/index.md (один перевод), "
              "PAGE=docs/visit/index.md (все его переводы), ENTRY=events/city-day (запись в data/) или ALL=1",
    },
    "report.title": {
        "en": "Translations compared with the English originals (docs/ and data/*.yml)",
        "ru": "Переводы в сравнении с английскими оригиналами (docs/ и data/*.yml)",
    },
    "report.pages": {"en": "pages", "ru": "страницы"},
    "report.data": {"en": "data", "ru": "данные"},
    "report.data_not_checked": {"en": "not checked, the data files have errors (see below)",
                                "ru": "не проверены: в файлах данных есть ошибки (см. ниже)"},
    "report.none": {"en": "none", "ru": "нет"},
    "report.in_all": {"en": "{counts} ({total} in all)", "ru": "{counts} (всего {total})"},
    "report.count": {"en": "{n} {status}", "ru": "{status}: {n}"},
    "report.problem": {"en": "Problem: {message}", "ru": "Проблема: {message}"},
    "report.translation_only": {
        "en": "Changed in a translation only, not in its English original: {pages}. If you corrected a fact (a date, "
              "a number, a name), correct it in the English page too, so that the other languages follow "
              "(CONTRIBUTING.md, \"A correction in the Russian text\"); a new or better translation needs nothing.",
        "ru": "Изменено только в переводе, а в английском оригинале нет: {pages}. Если вы исправили факт (дату, "
              "число, название), исправьте его и на английской странице, чтобы правка дошла и до других языков "
              "(CONTRIBUTING.ru.md, «Исправление в русском тексте»); если это новый или улучшенный перевод, ничего "
              "делать не нужно.",
    },
    "report.complete": {"en": "Everything is translated and up to date.", "ru": "Всё переведено и актуально."},
    "report.words": {"en": "What the words mean:", "ru": "Что означают слова:"},
    "report.what_changed": {"en": "what changed: {command}", "ru": "что изменилось: {command}"},
    "advice.outdated": {
        "en": "the English original changed after the translation was marked: update the translation, then mark "
              "it (make mark-translated PAGE=docs_<lang>/<page> or ENTRY=<kind>/<id>)",
        "ru": "английский оригинал изменился после того, как перевод отметили: обновите перевод, затем отметьте "
              "его (make mark-translated PAGE=docs_<язык>/<страница> или ENTRY=<вид>/<id>)",
    },
    "advice.not marked": {
        "en": "translated, but nobody has marked which English version it translates: compare it with the English "
              "text, then mark it the same way",
        "ru": "перевод есть, но никто не отметил, какой английской версии он соответствует: сверьте его с "
              "английским текстом, затем отметьте так же",
    },
    "advice.missing": {
        "en": "not translated yet; the site shows the English text meanwhile",
        "ru": "ещё не переведено; пока сайт показывает английский текст",
    },
    "md.title": {"en": "Translations", "ru": "Переводы"},
    "md.problem": {"en": "Problem", "ru": "Проблема"},
    "md.language": {"en": "language", "ru": "язык"},
    "md.entries": {"en": "data entries", "ru": "записи данных"},
    "md.not_checked": {"en": "not checked (data errors)", "ru": "не проверены (ошибки в данных)"},
    "mark.pages": {
        "en": "Marked {changed} of {total} page translations as up to date{tail}",
        "ru": "Переводы страниц отмечены как актуальные: {changed} из {total}{tail}",
    },
    "mark.pages.none_changed": {"en": " (all already were)", "ru": " (все уже были отмечены)"},
    "mark.entries": {
        "en": "Marked {count} data entry translations as up to date in {file}",
        "ru": "Переводы записей данных отмечены как актуальные: {count} (в {file})",
    },
    "mark.outdated": {
        "en": "Not marked: the {lang} text of {key}, because the English changed after it was last marked; once it "
              "is checked against the English, mark it with SITE_LANG={lang} (or with ALL=1 if every language "
              "was checked)",
        "ru": "Не отмечено: текст {key} на языке {lang}, потому что английский текст изменился после прошлой "
              "отметки; когда сверите его с английским, отметьте его с SITE_LANG={lang} (или с ALL=1, если сверены "
              "все языки)",
    },
    "mark.skipped": {
        "en": "Not marked: {key} has no {lang} text yet for {fields}",
        "ru": "Не отмечено: у {key} ещё нет текста для языка {lang} в полях: {fields}",
    },
    "records.broken": {
        "en": "{file}:{line}: this file is written by `make mark-translated` and cannot be read after an edit by "
              "hand; restore it with `git checkout {file}` (in GitHub's web editor: undo your change to it), then "
              "mark the translations again",
        "ru": "{file}:{line}: этот файл пишет команда `make mark-translated`, и после ручной правки сайт не может его прочитать; "
              "верните его командой `git checkout {file}` (в веб-редакторе GitHub — отмените свою правку в нём) и "
              "отметьте переводы заново",
    },
    "mark.error": {"en": "Error: {message}", "ru": "Ошибка: {message}"},
    "mark.data_errors": {
        "en": "data/*.yml have errors, so no entry was marked; run `make check` and fix them",
        "ru": "в data/*.yml есть ошибки, поэтому ни одна запись не отмечена; выполните `make check` и исправьте их",
    },
    "mark.no_entry": {
        "en": "no data entry {keys}; write it as events/<id>, venues/<id>, partners/<id>, routes/<id> or chronicle/<id>",
        "ru": "нет записи данных {keys}; пишите её как events/<id>, venues/<id>, partners/<id>, routes/<id> или chronicle/<id>",
    },
    "mark.no_file": {"en": "{path} does not exist", "ru": "{path} не существует"},
    "mark.no_translation": {"en": "{path} has no translation yet in {langs}",
                            "ru": "у {path} ещё нет перевода на {langs}"},
    "mark.no_original": {"en": "{path} has no English original docs/{rel}",
                         "ru": "у {path} нет английского оригинала docs/{rel}"},
    "mark.not_a_page": {
        "en": "'{target}' is not a page: give docs_<lang>/<path>.md, docs/<path>.md, or a data entry such as "
              "events/<id>",
        "ru": "'{target}' — не страница: укажите docs_<язык>/<путь>.md, docs/<путь>.md или запись данных вроде "
              "events/<id>",
    },

    # -- pictures (data/images.yml, citysite/images/) and the home page's blocks (data/home.yml) ---------------
    "images.no_record": {
        "en": "'{file}' has no record, so no credit; add an entry with its author, licence, source and alt text, "
              "or delete the file",
        "ru": "у '{file}' нет записи, а значит, и указания автора; добавьте запись с автором, лицензией, источником "
              "и альтернативным текстом или удалите файл",
    },
    "images.no_file": {
        "en": "'{file}' does not exist; put the file there or correct the path",
        "ru": "'{file}' не существует; положите файл туда или исправьте путь",
    },
    "images.misnamed": {
        "en": "'{file}' does not exist, and '{found}' has no record: correct file: or rename the file to '{name}'",
        "ru": "файла '{file}' нет, а у '{found}' нет записи: исправьте file: или переименуйте файл в '{name}'",
    },
    "images.too_large": {
        "en": "'{file}' is {width} × {height} pixels ({megapixels} million), more than the site takes ({limit} "
              "million); shrink it to 3000 pixels on its long side and upload it again (CONTRIBUTING.md, 'Add a "
              "picture', says how)",
        "ru": "'{file}' — {width} × {height} пикселей ({megapixels} млн), больше, чем принимает сайт ({limit} млн); "
              "уменьшите до 3000 пикселей по длинной стороне и загрузите заново (как — в CONTRIBUTING.ru.md, «Как "
              "добавить изображение»)",
    },
    "images.project_only_drawings": {
        "en": "'project' is only for drawings made for this site (author: {author}, no source); a photo, or a "
              "picture from another site, keeps its author's licence: write the one its source page gives, such as "
              "CC-BY-SA-4.0 (Wikimedia Commons writes 'CC BY-SA 4.0'), or city-permission for the city's own",
        "ru": "'project' — только для рисунков, нарисованных для этого сайта (author: {author}, без source); у "
              "фотографии или изображения с другого сайта остаётся лицензия его автора: напишите ту, что указана на "
              "странице источника, например CC-BY-SA-4.0 (на Wikimedia Commons — «CC BY-SA 4.0»), или "
              "city-permission для изображения самого города",
    },
    "images.rights_reserved": {
        "en": "'{value}': a picture whose rights are reserved cannot be used on the site at all, whatever licence "
              "is written here; choose another one under CC0, CC BY or CC BY-SA (its page says so), or the city's "
              "own with its written permission (licence: city-permission)",
        "ru": "'{value}': изображение, все права на которое защищены, на сайте использовать нельзя вообще, какую "
              "лицензию здесь ни напиши; выберите другое — под лицензией CC0, CC BY или CC BY-SA (это сказано на "
              "его странице) — или изображение самого города с его письменным разрешением (licence: "
              "city-permission)",
    },
    "images.marker": {
        "en": "'{marker}' is not a picture marker the site reads: write it on a line of its own, "
              "<!-- image: amur-embankment -->, with the id of a record in data/images.yml (lowercase latin "
              "letters, digits and hyphens)",
        "ru": "'{marker}' — не отметка изображения, понятная сайту: напишите её отдельной строкой, "
              "<!-- image: amur-embankment -->, с id записи из data/images.yml (строчные латинские буквы, цифры и "
              "дефисы)",
    },
    "page.unsafe_html": {
        "en": "the page contains {what}, which would run code or load another site on every visitor's phone; "
              "remove it: a page holds text, links and pictures (<!-- image: id -->), and HTML only for layout, "
              "such as <span lang=\"ru\">",
        "ru": "на странице есть {what}: это запустило бы код или загрузило чужой сайт на телефоне каждого "
              "посетителя; удалите его. На странице могут быть только текст, ссылки и изображения (<!-- image: id -->), "
              "а HTML — только для оформления, например <span lang=\"ru\">",
    },
    "page.word_bullet": {
        "en": "a line starts with a bullet ({bullet}) pasted from Word, which Markdown does not read as a list; write "
              "each item as '- ' (a hyphen and a space) at the start of its line, with a blank line before the list",
        "ru": "строка начинается с маркера ({bullet}), скопированного из Word, и Markdown не видит в ней пункт списка; "
              "начинайте каждый пункт с '- ' (дефис и пробел), а перед списком оставьте пустую строку",
    },
    "page.list_under_paragraph": {
        "en": "a list starts right under a line of text, so the site joins its items into that paragraph; put a "
              "blank line before the list",
        "ru": "список начинается сразу под строкой текста, и сайт склеит его пункты с этим абзацем; оставьте "
              "перед списком пустую строку",
    },
    "page.year_list": {
        "en": "the line starts with '{year}.' (a number and a full stop), so the site makes it a numbered list and "
              "shows 1, 2, 3 instead of the years; write '{year} —' (or '{year}:') instead",
        "ru": "строка начинается с '{year}.' (число и точка), и сайт сделает из неё нумерованный список: вместо "
              "годов будут 1, 2, 3; напишите '{year} —' (или '{year}:')",
    },
    "page.hashtag_heading": {
        "en": "the line starts with '{start}' (a '#' with no space after it), so the site makes the line a heading "
              "in large letters, while GitHub's preview shows it as text; for a hashtag, write '{escaped}' (a "
              "backslash before '#'); for a heading, put a space after the '#' signs",
        "ru": "строка начинается с '{start}' (знак # без пробела после него), и сайт сделает её заголовком "
              "крупными буквами, хотя предпросмотр GitHub покажет её обычным текстом; если это хештег, напишите "
              "'{escaped}' (обратная косая черта перед #); если нужен заголовок, поставьте пробел после знаков #",
    },
    "page.blank_with_nbsp": {
        "en": "this line looks empty but holds a no-break space (from Word or a web page), so to the site it is no "
              "empty line: the blocks above and below are joined; delete the line's space and keep it empty",
        "ru": "эта строка выглядит пустой, но в ней неразрывный пробел (из Word или с веб-страницы), и для сайта "
              "это не пустая строка: блоки над ней и под ней склеятся; удалите пробел, чтобы строка стала пустой",
    },
    "page.table_no_rule": {
        "en": "the table has no line '{rule}' right under its first row (or it is written with other dashes), so "
              "the site shows its rows as text with '|'; put the line '{rule}' under the first row, with "
              "hyphens (-)",
        "ru": "у таблицы нет строки '{rule}' сразу под первой строкой (или она написана другими тире), и сайт "
              "покажет её строки обычным текстом со знаками '|'; поставьте под первой строкой строку '{rule}' "
              "из дефисов (-)",
    },
    "page.table_under_paragraph": {
        "en": "a table starts right under a line of text, so the site shows its rows as text with '|' (GitHub's "
              "preview shows the table, the site does not); put a blank line before the table",
        "ru": "таблица начинается сразу под строкой текста, и сайт покажет её строки обычным текстом со знаками '|' "
              "(в предпросмотре GitHub таблица видна, на сайте — нет); оставьте перед таблицей пустую строку",
    },
    "page.nested_list_indent": {
        "en": "this list item is indented by {spaces} {spaces:plural:space:spaces}, so the site shows it as one "
              "more item of the list above, not nested under the item before it (GitHub's preview nests it, the "
              "site does not); indent a nested item by 4 spaces",
        "ru": "пункт списка сдвинут на {spaces} {spaces:plural:пробел:пробела:пробелов}, и сайт покажет его не "
              "вложенным, а ещё одним пунктом того же списка (предпросмотр GitHub вложит его, сайт — нет); "
              "вложенный пункт сдвигайте на 4 пробела",
    },
    "page.list_paragraph_indent": {
        "en": "this line, after a list item and a blank line, is indented by {spaces} "
              "{spaces:plural:space:spaces}: GitHub's preview keeps it in the item above, but the site ends the "
              "list here (a numbered list starts again at 1 after it); indent it by 4 spaces to keep it in the "
              "item, or start it at the beginning of the line if the list is over",
        "ru": "эта строка после пункта списка и пустой строки сдвинута на {spaces} "
              "{spaces:plural:пробел:пробела:пробелов}: предпросмотр GitHub оставит её в пункте выше, а сайт "
              "закончит список перед ней (нумерация после неё начнётся снова с 1); сдвиньте её на 4 пробела, чтобы "
              "она осталась в пункте, или начните с начала строки, если список закончился",
    },
    "page.paren_numbers": {
        "en": "the list is numbered '1)', '2)', which the site does not read as a list: it joins the items into "
              "one paragraph; number them '1.', '2.' (a full stop and a space), with a blank line before the list",
        "ru": "пункты пронумерованы '1)', '2)', а сайт такой список не понимает и склеит пункты в один абзац; "
              "нумеруйте их '1.', '2.' (цифра, точка и пробел) и оставьте перед списком пустую строку",
    },
    "page.tab_cells": {
        "en": "these lines have cells separated by tabs, as a table pasted from Excel or Word does, and the site "
              "joins them into one line of text; write them as a table, with a blank line before it: this line "
              "as '{row}', then a line '{rule}' under it, then each next line the same way, its cells between '|'",
        "ru": "в этих строках ячейки разделены табуляцией, как в таблице, вставленной из Excel или Word, и сайт "
              "склеит их в одну строку текста; оформите их таблицей, с пустой строкой перед ней: эту строку "
              "перепишите так: '{row}', под ней добавьте строку '{rule}', остальные строки — так же, разделяя "
              "ячейки знаком '|'",
    },
    "page.underlined_heading": {
        "en": "the line '{underline}' right under this text makes it a heading; for a heading, write '## ' (two # "
              "and a space) before the text and delete the line '{underline}'{rule}",
        "ru": "строка '{underline}' сразу под этим текстом делает его заголовком; если нужен заголовок, напишите "
              "перед текстом '## ' (два знака # и пробел) и удалите строку '{underline}'{rule}",
    },
    "page.underlined_heading.rule": {
        "en": "; for a dividing line, put a blank line before '---'",
        "ru": "; если нужна разделительная линия, оставьте перед '---' пустую строку",
    },
    "page.indented_code": {
        "en": "this line comes after a blank one and starts with a tab or 4 spaces, so the site shows it as a grey "
              "block of code, not as text; delete the spaces or the tab at the start of the line",
        "ru": "эта строка идёт после пустой и начинается с табуляции или 4 пробелов, поэтому сайт покажет её серым "
              "блоком кода, а не обычным текстом; удалите пробелы или табуляцию в начале строки",
    },
    "page.own_address": {
        "en": "the link {address} is the site's own full address: it can take the reader to a page in another language, "
              "and it does not lead to your version in a preview or at another address of the site; replace the "
              "address in the link's brackets with the path to the page's file: ({link})",
        "ru": "ссылка {address} — полный адрес самого сайта: она может увести читателя на страницу на другом языке и "
              "не ведёт на вашу версию в предпросмотре или на другом адресе сайта; замените адрес в круглых скобках "
              "ссылки путём к файлу страницы: ({link})",
    },
    "page.own_address.no_page": {
        "en": "the link {address} is the site's own full address, and there is no page at it; replace it with the "
              "path to the file of the page you mean, relative to this one, such as ../visit/index.md",
        "ru": "ссылка {address} — полный адрес самого сайта, и страницы по этому адресу нет; замените его путём к "
              "файлу нужной страницы относительно этой, например ../visit/index.md",
    },
    "images.outside": {
        "en": "the picture '{url}' is on another site: pictures go through data/images.yml (author, licence, alt "
              "text) and the site loads nothing from other hosts; save the file in media/photos/, describe it in "
              "data/images.yml and show it with the line <!-- image: id --> (CONTRIBUTING.md, 'Add a picture')",
        "ru": "изображение '{url}' — с другого сайта: изображения добавляются через data/images.yml (автор, "
              "лицензия, альтернативный текст), а сайт ничего не загружает с чужих адресов; сохраните файл в "
              "media/photos/, опишите его в data/images.yml и покажите строкой <!-- image: id --> "
              "(CONTRIBUTING.ru.md, «Как добавить изображение»)",
    },
    "images.used_twice": {
        "en": "'{file}' already has a record, '{other}'; one record per file",
        "ru": "у '{file}' уже есть запись, '{other}'; на каждый файл — одна запись",
    },
    "images.no_source": {
        "en": "'source' is missing; give the address of the page the picture comes from, where its author "
              "and licence can be checked",
        "ru": "нет поля 'source'; укажите адрес страницы, откуда взято изображение и где можно проверить "
              "автора и лицензию",
    },
    "images.no_permission": {
        "en": "'permission' is missing; say who in the city administration allowed the use, when and in "
              "which letter or agreement",
        "ru": "нет поля 'permission'; укажите, кто в администрации города разрешил использование, когда "
              "и в каком письме или соглашении",
    },
    "images.permission_only_city": {
        "en": "only a picture under 'city-permission' has a 'permission'",
        "ru": "поле 'permission' бывает только у изображения с лицензией 'city-permission'",
    },
    "images.card_only_svg": {
        "en": "only an SVG needs a 'card'; a photograph is its own link preview",
        "ru": "поле 'card' нужно только для SVG; фотография сама служит превью ссылки",
    },
    "images.svg_viewbox": {
        "en": "'{file}': the SVG has no viewBox on its <svg> element; add one (viewBox=\"0 0 WIDTH HEIGHT\")",
        "ru": "'{file}': у элемента <svg> нет атрибута viewBox; добавьте его (viewBox=\"0 0 ШИРИНА ВЫСОТА\")",
    },
    "images.svg_title": {
        "en": "'{file}': the SVG has no <title>; add one right after <svg ...> saying what it shows",
        "ru": "'{file}': в SVG нет <title>; добавьте его сразу после <svg ...> и напишите, что изображено",
    },
    "images.svg_script": {
        "en": "'{file}': the SVG contains a script, an event handler or a link to another site; remove it",
        "ru": "'{file}': в SVG есть скрипт, обработчик событий или ссылка на другой сайт; удалите их",
    },
    "images.unreadable": {
        "en": "'{file}' cannot be read as a picture; open it in an image editor and export it again as JPEG or PNG",
        "ru": "'{file}' не читается как изображение; откройте его в графическом редакторе и сохраните заново в "
              "JPEG или PNG",
    },
    "images.case_differs": {
        "en": "'{file}' does not exist, but '{found}' does: the names differ in capital letters; rename the file "
              "to '{name}'",
        "ru": "файла '{file}' нет, но есть '{found}': имена различаются заглавными буквами; переименуйте файл в "
              "'{name}'",
    },
    "images.elsewhere": {
        "en": "'{file}' does not exist, but '{found}' does; move the file to {folder} or write '{found}'",
        "ru": "файла '{file}' нет, но есть '{found}'; перенесите файл в {folder} или напишите '{found}'",
    },
    "images.unknown": {
        "en": "there is no picture '{id}' in data/images.yml (known: {known})",
        "ru": "в data/images.yml нет изображения '{id}' (есть: {known})",
    },
    "images.unknown_fix": {
        "en": "add its record to data/images.yml or correct the id",
        "ru": "добавьте его запись в data/images.yml или исправьте id",
    },
    "home.not_a_page": {
        "en": "'{link}' is not a page of the site; correct the path",
        "ru": "'{link}' — не страница сайта; исправьте путь",
    },
    "home.no_picture": {
        "en": "there is no picture '{id}' in data/images.yml",
        "ru": "в data/images.yml нет изображения '{id}'",
    },
    "home.season_twice": {
        "en": "season: {season} is also the card on line {first}; each season has one card (winter, spring, summer, "
              "autumn)",
        "ru": "season: {season} уже указан у карточки в строке {first}; у каждого времени года может быть только одна "
              "карточка (winter — зима, spring — весна, summer — лето, autumn — осень)",
    },
}
