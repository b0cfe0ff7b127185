"""One search index per language, so a reader's search finds pages in the reader's language only.

Material writes one index at search/search_index.json, and the i18n plugin merges every
language into it. We keep each language's own entries instead, with locations relative to
that language's root, and write them to <lang>/search/search_index.json; the page template
points the search worker at its language's folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, language_prefix


def entry_language(location: str, root_language: str = DEFAULT_LANGUAGE) -> str:
    """The language a search entry belongs to, from its location ("ru/about/#amur" -> "ru")."""
    first = location.split("/", 1)[0]
    return first if first in TRANSLATED_LANGUAGES and first != root_language else root_language


def language_index(
    entries: list[dict], lang: str, fallback_urls: set[str], search_config: dict, root: str = DEFAULT_LANGUAGE
) -> dict:
    """The index for one language: its own entries, fallback copies left out, locations relative."""
    prefix = language_prefix(lang, root)
    docs = []
    for entry in entries:
        location = entry["location"]
        page_url = location.split("#", 1)[0]
        if page_url in fallback_urls:
            continue
        if entry_language(location, root) != lang:
            continue
        docs.append({**entry, "location": location[len(prefix):]})
    return {"config": search_config, "docs": docs}


def write_index(site_dir: str, lang: str, index: dict, root: str = DEFAULT_LANGUAGE) -> Path:
    path = Path(site_dir) / language_prefix(lang, root) / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
