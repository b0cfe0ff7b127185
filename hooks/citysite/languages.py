"""The site's languages, read from mkdocs.yml (the one place that lists them), where each is
served, and the interface strings of data/ui.yml in each."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Container
from pathlib import Path
from typing import Any

import yaml
from babel.lists import format_list

from .errors import SiteError

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the folder holding mkdocs.yml and hooks/
UI_STRINGS_FILE = "data/ui.yml"
# libyaml's parser where PyYAML has it (five times faster than the Python one), else the Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data: MkDocs' own tags (!ENV, !!python/...) become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def configured_languages(config_file: Path) -> tuple[tuple[str, ...], str]:
    """(every locale, the default one) as mkdocs.yml's i18n plugin lists them."""
    with config_file.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in languages if lang.get("default"))
            return tuple(lang["locale"] for lang in languages), default
    raise SiteError(str(config_file.name), 1, "the i18n plugin is missing", "list it under plugins:")


LANGUAGES, DEFAULT_LANGUAGE = configured_languages(PROJECT_ROOT / "mkdocs.yml")
TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


# The CLDR locale Babel writes each language's dates and lists in, where it is not the language
# itself: the site's English is British (organiser, programme), so are its dates («9 May 2027»,
# «10:00», «A, B and C»), not CLDR's American «May 9, 2027, 10:00 AM».
BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(lang: str) -> str:
    """The Babel locale of a site language (BABEL_LOCALES)."""
    return BABEL_LOCALES.get(lang, lang)


def colon(lang: str) -> str:
    """The colon after a label: full width in Chinese and Japanese."""
    return "：" if lang in ("zh", "ja") else ": "


def list_gap(lang: str) -> str:
    """Between the items of a list written out: the ideographic comma in Chinese and Japanese."""
    return "、" if lang in ("zh", "ja") else ", "


def names_list(names: list[str], lang: str) -> str:
    """Names in a sentence as the language's visitor sites list them: CLDR's «A, B and C», «A、B和C»,
    but commas in Korean («A, B, C»: CLDR's «A, B 및 C» reads like an official document)."""
    return ", ".join(names) if lang == "ko" else format_list(names, locale=babel_locale(lang))


def aside(text: str, lang: str) -> str:
    """A note in brackets after what it explains: full width with no space before it in Chinese and
    Japanese ("18:00（UTC+10）"), no space before it in Korean ("18:00(UTC+10)"), " (…)" elsewhere."""
    if lang in ("zh", "ja"):
        return f"（{text}）"
    return f"({text})" if lang == "ko" else f" ({text})"


def language_prefix(lang: str, root_language: str = DEFAULT_LANGUAGE) -> str:
    """The folder a language is served from: "" for the root language (English), "ru/" for Russian.
    A one-language preview serves its language at the root: pass it as `root_language`."""
    return "" if lang == root_language else f"{lang}/"


def src_uri_language(src_uri: str) -> str:
    """The language of a page the build hands the i18n plugin: "ru/events/x.md" -> "ru",
    "events/x.md" -> the default language."""
    first = src_uri.split("/", 1)[0]
    return first if first in TRANSLATED_LANGUAGES else DEFAULT_LANGUAGE


def page_file_link(site_path: str, src: str, pages: Container[str]) -> str | None:
    """The link an editor writes for the page at `site_path` (ru/venues/philharmonic/): its file
    relative to the linking page `src` (ru/visit/index.md), ../venues/philharmonic.md; a
    translation's link leads to the reader's language, so the language folder is left out of both.
    None when none of `pages` (the build's source paths) is at that path."""
    path = site_path.strip("/")
    path = path.removeprefix(language_prefix(src_uri_language(path + "/"))).strip("/")
    folder = language_prefix(src_uri_language(src))  # "ru/" for a Russian page
    for candidate in (f"{path}.md", f"{path}/index.md".lstrip("/")):
        if candidate in pages or folder + candidate in pages:
            return posixpath.relpath(candidate, posixpath.dirname(src.removeprefix(folder)) or ".")
    return None


def language_folder(root: Path, lang: str) -> Path:
    """Where a language's Markdown lives: docs/ for English, docs_<lang>/ for the others."""
    return root / ("docs" if lang == DEFAULT_LANGUAGE else f"docs_{lang}")


IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


def files_under(folder: Path) -> list[str]:
    """Every file under `folder` as a sorted relative path ("about/index.md"), hidden ones left out."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [(Path(dirpath) / name).relative_to(folder).as_posix() for name in sorted(filenames)
                  if not name.startswith(".") and name not in IGNORED_NAMES]
    return found


def project_root(config: Any) -> Path:
    """The folder holding the mkdocs.yml being built (tests build copies of the project elsewhere)."""
    return Path(config.config_file_path).resolve().parent


def load_ui_strings(root: Path) -> dict[str, dict[str, str]]:
    """data/ui.yml: interface strings (notices, labels) keyed by name, then language; all required."""
    path = root / UI_STRINGS_FILE
    with path.open(encoding="utf-8-sig") as stream:
        try:
            strings = yaml.load(stream, Loader=SAFE_LOADER)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            raise SiteError(UI_STRINGS_FILE, mark.line + 1 if mark else 1, f"not valid YAML ({error.problem})",
                            "check the indentation and put text with ':' or '#' in quotes") from None
    missing = [f"{key}.{lang}" for key, texts in strings.items() for lang in LANGUAGES if not texts.get(lang)]
    if missing:
        raise SiteError(UI_STRINGS_FILE, 1, f"missing translations: {', '.join(missing)}", "add them")
    return strings
