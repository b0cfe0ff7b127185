"""MkDocs hook: a fast preview of one language (`make serve LANG=ru`).

mkdocs.yml sets the i18n plugin's `build_only_locale` from the BUILD_ONLY_LOCALE environment
variable; the plugin then builds that language alone at the site root. This hook does nothing
in a normal build. Logic: hooks/citysite/preview.py.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from citysite import preview
from citysite.languages import DEFAULT_LANGUAGE


@event_priority(-99)  # after the hooks that add pages, just before the i18n plugin (-100)
def on_files(files, config):
    lang = preview.preview_language(config)
    if lang and lang != DEFAULT_LANGUAGE:
        preview.drop_translated_originals(files, lang)
    return files


def on_nav(nav, config, files):
    # After the i18n plugin sorted the files, before any page is read.
    lang = preview.preview_language(config)
    if lang and lang != DEFAULT_LANGUAGE:
        preview.mark_untranslated_as_english(files)
    return nav
