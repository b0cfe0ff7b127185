"""The spelling and style rules of each language, in every written page (docs*/**/*.md) and every
text in the data (venues, partners, events, the chronicle, routes, the home page, interface strings), and in the map popups:

- no variant that data/glossary.yml lists under `avoid` (the 2019 report's own words, quoted in
  `sources` and the glossary's `src`, are not checked);
- Korean addresses the reader with the polite -세요 form, not -십시오 or ...바랍니다;
- Chinese and Japanese use full-width punctuation next to Chinese characters and kana;
- Russian numbers from 10 000 up group their thousands with a no-break space;
- a temperature below zero has a minus sign (−20 °C) or, in Chinese, 零下; never a hyphen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from citysite.languages import language_folder, language_prefix
from tests.conftest import ROOT
from tests.helpers import LANGUAGES
from tests.test_content import name_pattern

NOT_TEXTS = {"glossary", "translated-from"}  # every other data file holds texts visitors read
SKIPPED_KEYS = {"sources", "src"}  # quotations of the 2019 report and where a name comes from


# --- what is checked --------------------------------------------------------------------------------

def page_texts(lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every written page of a language, line by line, without its front matter
    (a translation_of fingerprint of twelve digits read as a number without its space)."""
    folder = language_folder(ROOT, lang)
    for path in sorted(folder.rglob("*.md")):
        where = path.relative_to(ROOT).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        body = lines.index("---", 1) + 1 if lines[:1] == ["---"] and "---" in lines[1:] else 0
        for number, line in enumerate(lines[body:], body + 1):
            yield f"{where}:{number}", line


def _walk(value, where: str, lang: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        if lang in value and isinstance(value[lang], str) and set(value) & {"en", "ru"}:
            yield where, value[lang]
        for key, item in value.items():
            if key not in SKIPPED_KEYS and key not in LANGUAGES:
                yield from _walk(item, f"{where}.{key}", lang)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            name = item.get("id") or item.get("venue") if isinstance(item, dict) else None
            yield from _walk(item, f"{where}[{name or index}]", lang)


def data_texts(lang: str, root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of a language in the data files (sources left out)."""
    for path in sorted((root / "data").glob("*.yml")):
        if path.stem not in NOT_TEXTS:
            yield from _walk(yaml.safe_load(path.read_text(encoding="utf-8")), f"data/{path.name}", lang)


def all_texts(lang: str) -> list[tuple[str, str]]:
    return [*page_texts(lang), *data_texts(lang)]


# --- the glossary's avoided variants ------------------------------------------------------------------

def avoided() -> dict[str, list[tuple[str, str]]]:
    """Per language: (variant, the glossary's spelling) for each variant to avoid."""
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    found: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGUAGES}
    for group in glossary.values():
        for entry in group.values():
            for lang, variants in (entry.get("avoid") or {}).items():
                found[lang] += [(variant, entry[lang]) for variant in variants]
    return found


def avoid_pattern(variant: str, lang: str) -> re.Pattern:
    """English and Russian variants as words (Russian by stem, as the glossary test finds names);
    Chinese, Japanese and Korean as they are written."""
    if lang in ("zh", "ja", "ko"):
        return re.compile(re.escape(variant))
    return name_pattern(variant, lang)


def avoided_patterns(lang: str) -> list[tuple[re.Pattern, str, str]]:
    """A Russian variant that differs from the spelling only in punctuation («Таланты юных – любимому
    городу», with an en dash) is matched as written: by stem it would match the right spelling too."""
    patterns = []
    for variant, spelling in avoided()[lang]:
        pattern = avoid_pattern(variant, lang)
        if pattern.search(spelling):
            pattern = re.compile(re.escape(variant))
        patterns.append((pattern, variant, spelling))
    return patterns


def test_the_glossary_lists_variants_to_avoid():
    assert all(avoided()[lang] for lang in ("en", "ru", "zh", "ja", "ko"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_or_data_text_uses_an_avoided_variant(lang):
    patterns = avoided_patterns(lang)
    problems = [
        f"{where}: '{variant}' -> '{spelling}'"
        for where, text in all_texts(lang)
        for pattern, variant, spelling in patterns
        if pattern.search(text)
    ]
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_built_page_uses_an_avoided_variant(site, lang):
    """What the build writes from elsewhere (a partner's country from Babel, an interface string
    joined to a name) follows the glossary too: every page's article and every map's popups, the
    2019 report's passages quoted under Sources left out."""
    patterns = avoided_patterns(lang)
    pages = [(url, site.text(url)) for url in site.content_pages(lang)]
    maps = sorted((site.root / language_prefix(lang) / "maps").glob("*.html"))
    pages += [(site.url_of(path), path.read_text(encoding="utf-8")) for path in maps]
    problems = []
    for url, page in pages:
        article = page[page.find("<article"):page.find("</article>")] if "<article" in page else page
        article = re.sub(r'<h2 class="kh-sources".*', "", article, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]*>", " ", article))
        problems += [f"{url}: '{variant}' -> '{spelling}'" for pattern, variant, spelling in patterns
                     if pattern.search(text)]
    assert problems == [], problems[:10]


def test_the_avoided_variant_check_catches_the_old_text():
    ja = [(avoid_pattern(v, "ja"), v) for v, _ in avoided()["ja"]]
    old = "ハバロフスク市行政府と大韓民国の釜山市"
    assert {v for pattern, v in ja if pattern.search(old)} == {"市行政府", "大韓民国"}
    ru = [pattern for pattern, _, _ in avoided_patterns("ru")]
    assert any(p.search("учащиеся Высшей школы искусств Кёнги") for p in ru)
    assert any(p.search("выставка «Таланты юных – любимому городу»") for p in ru)
    assert not any(p.search("учащиеся Старшей школы искусств Кёнги, «Таланты юных — любимому городу»") for p in ru)


# --- Korean: the polite -세요 form ---------------------------------------------------------------------

KOREAN_FORMAL = re.compile(r"\S*(?:십시오|바랍니다)")


@pytest.mark.parametrize("where", ["pages", "data"])
def test_korean_uses_the_polite_form(where):
    texts = page_texts("ko") if where == "pages" else data_texts("ko")
    problems = [f"{at}: {match}" for at, text in texts for match in KOREAN_FORMAL.findall(text)]
    assert problems == [], "write -세요 (확인하세요, 참고하세요)"


def test_korean_check_catches_the_formal_forms():
    assert KOREAN_FORMAL.findall("출발 전에 확인하십시오. 참고하시기 바랍니다. 확인하세요.") == ["확인하십시오", "바랍니다"]


# --- Chinese and Japanese: full-width punctuation ------------------------------------------------------

CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# Markdown and HTML syntax, web addresses and code: not text, so not checked.
NOT_TEXT = re.compile(
    r"<[^>]*>"                          # HTML tags
    r"|\]\([^)\s]*\)"                   # link targets: [text](url)
    r"|\{[:#.][^}]*\}"                  # attribute lists {: lang="zxx" }
    r"|`[^`]*`"                         # inline code
    r"|https?://\S+|\b[\w.-]+\.(?:ru|com|org|jp|cn|kr|net|gov|aero)\S*"  # addresses
    r"|:[a-z0-9-]+:"                    # icons :material-airplane:
    r"|^:\s+"                           # definition lists
    r"|\(\d{3,5}\)\s?\d[\d-]*"            # telephone numbers (4212) 45-00-56
    r"|^\s*(?:!!!|\?\?\?)\+?\s+\w+"     # admonition markers
    r"|^[a-z_]+:\s"                     # front matter keys
)
HALF_WIDTH = re.compile(
    rf"(?<={CJK})\s*[,;:!?()](?!//)"    # after a character: 哈巴罗夫斯克, → ，
    rf"|[,;:!?()]\s*(?={CJK})"          # before one: (哈巴罗夫斯克 → （
    rf"|(?<={CJK})\.(?=\s|$|{CJK})"     # a full stop: 。
)


def half_width_marks(text: str) -> list[str]:
    """ASCII punctuation touching a Chinese character or kana, in text (not in syntax or numbers)."""
    text = NOT_TEXT.sub(" ", html.unescape(text))
    return [text[max(0, m.start() - 6): m.end() + 6] for m in HALF_WIDTH.finditer(text)]


def test_punctuation_check_finds_half_width_marks_only_in_text():
    assert half_width_marks("哈巴罗夫斯克, 俄罗斯") and half_width_marks("气候:1月") and half_width_marks("(哈尔滨)")
    assert half_width_marks("ハバロフスク.") and half_width_marks("**気候:**")
    assert not half_width_marks("[哈尔滨](../partners/harbin.md)之后，1,000人：12:00")
    assert not half_width_marks("- :material-cash: **货币**：卢布（RUB, ₽）")
    assert not half_width_marks("官网：[khv.aero](https://khv.aero/){: lang=\"zxx\" }。")


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_chinese_and_japanese_use_full_width_punctuation(lang):
    problems = [f"{where}: {found}" for where, text in all_texts(lang) for found in half_width_marks(text)]
    assert problems == [], "use ，：；！？（）。 next to Chinese characters and kana"


def test_japanese_writes_ranges_with_one_wave_dash():
    """11:00～23:00, 2000～2002年: the full-width tilde (U+FF5E) that the dates Babel writes use too,
    never the wave dash U+301C, which fonts draw differently."""
    problems = [f"{where}: {text[max(0, i - 8):i + 8]}" for where, text in all_texts("ja")
                for i in (m.start() for m in re.finditer("\u301c", text))]
    assert problems == [], "write ～ (U+FF5E) for a range"


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_the_built_pages_put_full_width_brackets_around_what_the_build_adds(site, lang):
    """The notes the build writes after a text (the time zone after a time, "usually" after a
    month, where and when a fact was checked, the number of events in a category) are bracketed
    like the texts: （…） with no space before it, in every page's article."""
    problems = []
    for url in site.content_pages(lang):
        page = site.text(url)
        article = page[page.index("<article"):page.index("</article>")]
        # inline tags dropped, lines kept, and the end of a block is a line's end (an editor's text
        # ending in ")" before the next label of the credits page is not "）" missing)
        blocks = re.sub(r"</(?:p|li|dd|dt|td|th|h[1-6]|figcaption)>", "\n", article)
        text = html.unescape(re.sub(r"<[^>]*>", "", blocks))
        problems += [f"{url}: {found}" for line in text.splitlines() for found in half_width_marks(line)]
        problems += [f"{url}: {m.group(0)}" for m in re.finditer(r"\S{0,8}[^\S\n]（", text)]
    assert problems == [], problems[:10]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_map_popups_use_full_width_punctuation(site, lang):
    maps = sorted((site.root / lang / "maps").rglob("*.html"))
    assert maps, f"no map pages under {lang}/maps/"
    problems, texts = [], 0
    for path in maps:
        text = path.read_text(encoding="utf-8")
        # Popup and tooltip texts are in the page's script as JSON strings and in its HTML.
        for chunk in re.findall(r'"((?:[^"\\]|\\.)*)"', text) + re.findall(r">([^<>]+)<", text):
            try:
                chunk = chunk.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            except (UnicodeDecodeError, UnicodeEncodeError):
                pass
            chunk = re.sub(r'<span lang="ru">.*?</span>', "", chunk)  # the Russian address, for a taxi driver
            if re.search(CJK, chunk):
                texts += 1
                problems += [f"{site.url_of(path)}: {found}" for found in half_width_marks(chunk)]
    assert texts > len(maps), "the popups' texts were not found in the map pages"
    assert problems == []


# --- Russian: 10 000 and more with a no-break space -----------------------------------------------------

RUSSIAN_THOUSANDS = re.compile(r"(?<![\w.,/-])(\d{2,3}|\d{1,3}(?: \d{3})+)[ ,](\d{3})(?![\w.,])")
RUSSIAN_LONG_NUMBER = re.compile(r"(?<![\w.,/№:+-])(\d{5,})(?![\w.,/-])")


def russian_number_problems(text: str) -> list[str]:
    text = NOT_TEXT.sub(" ", text)
    found = [m.group(0) for m in RUSSIAN_THOUSANDS.finditer(text)]
    found += [m.group(0) for m in RUSSIAN_LONG_NUMBER.finditer(text)
              if not re.search(r"(индекс|тел|лини[яиюей]|\(4212\)|\+\d[\d ]*)\W*$", text[: m.start()])]  # phones
    return found


def test_russian_number_check():
    assert russian_number_problems("43 410 туристов, 121,000 человек, 12000 мест") == ["43 410", "121,000", "12000"]
    assert russian_number_problems("43\u00a0410 туристов, 5000 рублей, 2019 год, 1,5 км, 8-924-310-61-39") == []
    assert russian_number_problems("горячая линия 12308, линии 12308, +86 10 12308") == []


@pytest.mark.parametrize("where", ["pages", "data"])
def test_russian_numbers_use_a_no_break_space(where):
    texts = page_texts("ru") if where == "pages" else data_texts("ru")
    problems = [f"{at}: {found}" for at, text in texts for found in russian_number_problems(text)]
    assert problems == [], ("напишите 43\u00a0410 с неразрывным пробелом (скопируйте его из этого сообщения или, "
                            "на странице, напишите &nbsp;) / write 43\u00a0410 (no-break space: Option+Space, or "
                            "&nbsp; in a page)")


# --- temperatures ---------------------------------------------------------------------------------------

HYPHEN_TEMPERATURE = re.compile(r"(?<![0-9A-Za-z.-])-\s?\d+(?:[.,]\d+)?\s?°")


def test_temperature_check():
    assert HYPHEN_TEMPERATURE.findall("约-20 °C，-30°C以下") == ["-20 °", "-30°"]
    assert not HYPHEN_TEMPERATURE.findall("约零下20 °C，−30 °C，+21 °C，2025-2027")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_temperatures_below_zero_have_a_minus_sign(lang):
    problems = [f"{where}: {m}" for where, text in all_texts(lang) for m in HYPHEN_TEMPERATURE.findall(text)]
    assert problems == [], ("напишите −20 °C со знаком минуса (U+2212: скопируйте его из этого сообщения), не с "
                            "дефисом / write −20 °C (a minus sign, U+2212) or, in Chinese, 零下20 °C")


# --- the menu -------------------------------------------------------------------------------------------

def test_the_menu_names_the_partner_cities_as_their_page_does():
    """The i18n plugin's nav_translations give the menu labels. Chinese: 伙伴城市, the partner cities of
    every kind (友好城市 means sister cities only)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    problems = []
    for language in i18n["languages"]:
        label = (language.get("nav_translations") or {}).get("Partner cities")
        if label is None:
            continue
        path = language_folder(ROOT, language["locale"]) / "partners" / "index.md"
        title = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1).strip()
        if label != title:
            problems.append(f"{language['locale']}: menu '{label}', page '{title}'")
    assert problems == []
