"""The one-language preview (`make serve SITE_LANG=ru`): the i18n plugin's `build_only_locale`
builds that language alone, at the site root. These helpers make its pages come out as they do
in the full site: the translation wins over the English page, and untranslated pages are English
fallback copies (with the notice), not pages of the preview language."""

from __future__ import annotations

from mkdocs.structure.files import Files

from .languages import DEFAULT_LANGUAGE
from .pinned import is_untranslated


def drop_translated_originals(files: Files, lang: str) -> None:
    """Before the i18n plugin: remove English pages that have a `lang` version, so the plugin
    (which makes `lang` the default language here) cannot pick the English one."""
    prefix = f"{lang}/"
    translated = {file.src_uri.removeprefix(prefix) for file in files.documentation_pages()
                  if file.src_uri.startswith(prefix)}
    for file in [file for file in files.documentation_pages() if file.src_uri in translated]:
        files.remove(file)


def mark_untranslated_as_english(files: Files) -> None:
    """After the i18n plugin: pages it took from docs/ (no language folder) are English."""
    for file in files.documentation_pages():
        if is_untranslated(file):
            file.locale = DEFAULT_LANGUAGE
