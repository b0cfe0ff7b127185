"""One search index per language, so a reader's search finds pages in the reader's language only.

Material writes one index at search/search_index.json, and the i18n plugin merges every
language into it. We keep each language's own entries instead, with locations relative to
that language's root, and write them to <lang>/search/search_index.json; the page template
points the search worker at its language's folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import Markup

from .languages import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, language_prefix


def split_pipeline(value: str) -> list[str]:
    """Material's "search.config.pipeline" string ("stemmer, stopWordFilter") as a list."""
    return [name for name in re.split(r"\s*,\s*", value.strip()) if name]


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


def search_config(env, lang: str, fields: dict) -> dict:
    """Material's search settings (lunr language, word separator, pipeline) for one language."""
    template = env.get_template("partials/language.html")
    module = template.make_module({"config": {"theme": {"language": lang}}})

    def translate(key: str) -> str:
        return str(module.t(key))

    return {
        "lang": [translate("search.config.lang")],
        "separator": translate("search.config.separator"),
        "pipeline": split_pipeline(translate("search.config.pipeline")),
        "fields": fields,
    }


def point_config_at_language(config_script: str, base_url: str, lang: str, root: str = DEFAULT_LANGUAGE) -> Markup:
    """Material's #__config script with "base" moved to the language's folder, where its index is."""
    prefix = language_prefix(lang, root)
    if not prefix:
        return Markup(config_script)
    old = '"base": ' + json.dumps(base_url)
    new = '"base": ' + json.dumps(f"{base_url}/{prefix}")
    if old not in config_script:
        raise ValueError(f"Material's search config no longer starts with {old}; update {__name__}")
    return Markup(str(config_script).replace(old, new, 1))
