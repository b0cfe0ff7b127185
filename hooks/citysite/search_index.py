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

from .languages import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, language_prefix

# How much a page counts in search, by its address in the language (first match). A visitor searching
# "visa" or "City Day" wants the practical page, not the 2019 chronicle that mentions it in passing.
# A page's own front matter (`search: boost: 2`) wins; hand-written sections set theirs there.
PAGE_BOOSTS: tuple[tuple[re.Pattern, float], ...] = (
    (re.compile(r"^(visit|events|routes)/"), 2.0),      # the trip, yearly events, walking routes
    (re.compile(r"^(venues|partners)/[^#]"), 1.5),      # a venue's or a partner city's own page
    (re.compile(r"^(cooperation/chronicle|reports)/"), 0.5),  # the 2019 chronicle and report
)

# Words end at these too, besides the theme's separator (spaces, hyphens, CJK commas and stops): a
# name in brackets or quotes is a word of its own ("홈경기(아이스하키)", «Амур», 「たびレジ」), and so
# are the parts of hours and ranges ("月曜日休館／毎月最終金曜日休館", "10:00～18:00": 休館日 found
# nothing in a Japanese walkthrough).
PUNCTUATION = r"[()\[\]（）「」『』【】《》〈〉“”‘’\"'«»・·,:;!?：；！？/／~～〜–—]+"


# The zero-width spaces the theme puts between the Chinese words it cuts (jieba) are also where a
# search result's text may break its line: none before closing or after opening punctuation, so
# that no line of a result starts with "，" or "。" (punctuation separates words anyway).
_SPACE_AT_PUNCTUATION = re.compile("\u200b(?=[，。、；：！？）」』】》”])|(?<=[（「『【《“])\u200b")


# The theme cuts Chinese text into words only within runs of Han characters, so a date's number
# stood apart from its 年, 月 or 日 ("7​月"): the query 7月 found nothing. Each is one word again.
_DATE_PARTS_WHOLE = re.compile("(?<=\\d)\u200b(?=[年月日])")


# Most Russian writing puts "е" for "ё" (елка, Утес): the index keeps "е" only, and the search field
# turns a typed "ё" into "е" (docs/javascripts/search-input.js), so that both spellings find a page.
_YO_AS_YE = str.maketrans("ёЁ", "еЕ")


# Languages whose words the index keeps by their stem (lunr's stemmers), so that a query finds the
# other forms of a word: pharmacy and pharmacies, hospital and hospitals, трамвай and трамваи,
# больница and больницы (Material keeps only the stop-word filter for English and Russian, and the
# beginning of a word alone missed every plural and case). English also trims punctuation off a
# word's ends ("card." was a word of its own); the Russian trimmer would cut Latin words to nothing.
STEMMED_PIPELINES = {"en": ["trimmer", "stopWordFilter", "stemmer"], "ru": ["stopWordFilter", "stemmer"]}


def pipeline(lang: str, theme_pipeline: list[str]) -> list[str]:
    """The search's processing of words for `lang`: STEMMED_PIPELINES, or the theme's."""
    return STEMMED_PIPELINES.get(lang, theme_pipeline)


def word_separator(theme_separator: str) -> str:
    """The search's word separator: the theme's for the language, or PUNCTUATION."""
    return f"{theme_separator}|{PUNCTUATION}"


def page_boost(location: str) -> float | None:
    """The boost of a search entry at `location` (relative to its language's root), if a rule sets one."""
    for pattern, boost in PAGE_BOOSTS:
        if pattern.search(location):
            return boost
    return None


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
        text = _DATE_PARTS_WHOLE.sub("", _SPACE_AT_PUNCTUATION.sub("", entry["text"]))
        doc = {**entry, "location": location[len(prefix):], "title": entry["title"].translate(_YO_AS_YE),
               "text": text.translate(_YO_AS_YE)}
        if "boost" not in doc and (boost := page_boost(doc["location"])) is not None:
            doc["boost"] = boost
        docs.append(doc)
    return {"config": search_config, "docs": docs}


def write_index(site_dir: str, lang: str, index: dict, root: str = DEFAULT_LANGUAGE) -> Path:
    path = Path(site_dir) / language_prefix(lang, root) / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
