"""MkDocs hook: tell readers when a translation is older than its English original.

A translated page whose front matter records an English version (`translation_of`, written by
`make mark-translated`) that no longer matches docs/ gets `page_is_outdated` in its template
context; overrides/main.html then shows a notice linking to the original. The logic is in
hooks/citysite/translations.py.
"""

from __future__ import annotations

from citysite import alternates, translations
from citysite.languages import current_language, project_root


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    context["page_is_outdated"] = not alternates.is_fallback(page.file, lang) and translations.is_outdated(
        project_root(config), lang, page.file.src_uri, page.meta
    )
    return context
