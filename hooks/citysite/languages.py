"""The site's five languages, which one a build is making, and the interface strings for each."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import yaml

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "ru", "zh", "ja", "ko")
TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)



def language_prefix(lang: str, root_language: str = DEFAULT_LANGUAGE) -> str:
    """The folder a language is served from: "" for the root language (English), "ru/" for Russian.
    A one-language preview serves its language at the root: pass it as `root_language`."""
    return "" if lang == root_language else f"{lang}/"


def language_folder(root: Path, lang: str) -> Path:
    """Where a language's Markdown lives: docs/ for English, docs_<lang>/ for the others."""
    return root / ("docs" if lang == DEFAULT_LANGUAGE else f"docs_{lang}")


def i18n_plugin(config: Any) -> Any | None:
    """The mkdocs-static-i18n plugin instance of this build, if it is configured."""
    return config.plugins.get("i18n")


def root_language(config: Any) -> str:
    """The language served at the site root: English, or the one language of a preview build."""
    plugin = i18n_plugin(config)
    return plugin.default_language if plugin is not None else DEFAULT_LANGUAGE


def current_language(config: Any) -> str:
    """The language the current (sub-)build renders; the i18n plugin builds each in turn."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return DEFAULT_LANGUAGE
    return plugin.current_language or plugin.default_language or DEFAULT_LANGUAGE


def is_first_build(config: Any) -> bool:
    """True in the build that starts a run (the others are nested in its post_build event)."""
    plugin = i18n_plugin(config)
    return plugin is None or not plugin.building


def built_languages(config: Any) -> list[str]:
    """Languages this run builds, in the configured order (one only with build_only_locale)."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return [DEFAULT_LANGUAGE]
    return list(plugin.build_languages)


def check_configured_languages(config: Any) -> None:
    """Fail early when mkdocs.yml and the code disagree about the site's languages."""
    plugin = i18n_plugin(config)
    configured = tuple(lang.locale for lang in plugin.config.languages) if plugin else ()
    if configured != LANGUAGES:
        raise ValueError(
            f"mkdocs.yml: plugins.i18n.languages lists {list(configured)}; the site is built for "
            f"{list(LANGUAGES)} (hooks/citysite/languages.py). Make them match."
        )


def project_root(config: Any) -> Path:
    """The folder holding mkdocs.yml (tests build copies of the project elsewhere)."""
    return Path(config.config_file_path).resolve().parent


@lru_cache(maxsize=4)
def ui_strings(path: Path) -> dict[str, dict[str, str]]:
    """data/ui.yml: interface strings (notices, labels) keyed by name, then language; all required."""
    with path.open(encoding="utf-8") as stream:
        strings = yaml.safe_load(stream)
    missing = [f"{key}.{lang}" for key, texts in strings.items() for lang in LANGUAGES if not texts.get(lang)]
    if missing:
        raise ValueError(f"data/ui.yml: missing translations: {', '.join(missing)}; add them")
    return strings


MARKDOWN_PERMALINK_TITLE = 'title="Permanent link"'  # the toc extension's default, in English


def localize_permalinks(html: str, title: str) -> str:
    """Heading link icons with their tooltip in the page's language."""
    return html.replace(MARKDOWN_PERMALINK_TITLE, f'title="{escape(title)}"')
