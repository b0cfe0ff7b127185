"""The written pages as a reader gets them: every page exists in all five languages, really is in its
language, carries the same numbers in every version, and spells names as the glossary does."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter

import pytest
import yaml

from citysite.languages import language_folder
from citysite.translations import FrontMatterError, split_front_matter
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, main_text

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
SECTION_PAGES = {"events/index.md", "venues/index.md", "partners/index.md",
                 "cooperation/chronicle/index.md"}  # lists generated from data


def written_pages() -> list[str]:
    """Every hand-written English page, as its path under docs/."""
    return sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


def url_of(path: str) -> str:
    return re.sub(r"(^|/)index\.md$", r"\1", path).removesuffix(".md").rstrip("/") + "/" if path != "index.md" else ""


# --- is each page written in its language? -------------------------------------------------------

def script_shares(text: str) -> Counter:
    """Share of letters by script: latin, cyrillic, han, kana, hangul."""
    counts: Counter = Counter()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if "CJK UNIFIED" in name or "CJK COMPATIBILITY IDEOGRAPH" in name:
            counts["han"] += 1
        elif "HIRAGANA" in name or "KATAKANA" in name:
            counts["kana"] += 1
        elif "HANGUL" in name:
            counts["hangul"] += 1
        elif "CYRILLIC" in name:
            counts["cyrillic"] += 1
        elif "LATIN" in name:
            counts["latin"] += 1
    total = sum(counts.values()) or 1
    return Counter({script: count / total for script, count in counts.items()})


def looks_like(lang: str, shares: Counter) -> bool:
    if lang == "en":
        return shares["latin"] > 0.85
    if lang == "ru":
        return shares["cyrillic"] > 0.75
    if lang == "zh":
        return shares["han"] > 0.7 and shares["kana"] < 0.01
    if lang == "ja":
        return shares["kana"] + shares["han"] > 0.7 and shares["kana"] > 0.15
    if lang == "ko":
        return shares["hangul"] > 0.7
    raise ValueError(lang)


def test_script_detector_tells_the_languages_apart():
    samples = {
        "en": "Khabarovsk stands on the Amur river.",
        "ru": "Хабаровск стоит на берегу Амура.",
        "zh": "哈巴罗夫斯克位于阿穆尔河畔。",
        "ja": "ハバロフスクはアムール川のほとりにあります。",
        "ko": "하바롭스크는 아무르강 기슭에 있습니다.",
    }
    for lang, text in samples.items():
        assert [other for other in LANGUAGES if looks_like(other, script_shares(text))] == [lang]


def text_in_page_language(page, lang: str) -> str:
    """The article text without passages marked as written in another language (a Russian address
    to show a taxi driver, lang="zxx" web addresses, English standing in for a missing text)."""
    article = copy.copy(page.select_one("article.md-content__inner") or page.body)
    for element in article.select("[lang]"):
        if not element.decomposed and element.get("lang") != lang:  # (not inside one removed already)
            element.decompose()
    return article.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_written_in_its_language(site, lang):
    wrong = {}
    for url in site.content_pages(lang):
        shares = script_shares(text_in_page_language(site.page(url), lang))
        if not looks_like(lang, shares):
            wrong[url] = {script: round(share, 2) for script, share in shares.most_common(3)}
    assert wrong == {}


UNIT_ON_A_LINE_OF_ITS_OWN = re.compile(r"\d (?:°C|km|км|m|м|min|мин)(?![A-Za-zА-Яа-яЁё])")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_number_is_split_from_its_unit(site, lang):
    """«−20 °C», «30 км», «350 m» keep number and unit on one line (a no-break space): on a phone
    the Russian climate line broke as «около −20» / «°C», the Japanese «約10～12» / «kmの距離»."""
    split = {url: found for url in site.content_pages(lang)
             if (found := UNIT_ON_A_LINE_OF_ITS_OWN.findall(site.page(url).select_one("article").get_text()))}
    assert split == {}
    climate = site.page(PREFIX[lang] + "visit/").select_one("article").get_text()
    assert any(form in climate for form in ("30\u00a0°C", "30°C", "30도"))  # Korean writes 영하 30도


RUSSIAN_BREAKS = re.compile(r"(?<![\d.,])\d{1,2} (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
                            r"|ноября|декабря)\b|\d{4} (?:гг?\.|года?\b)|№ \d|\b(?:[А-ЯЁ]|им|ул)\. [А-ЯЁ\d]| —"
                            r"|(?<![\d.,])\d{1,3} \d{3}(?!\d)")


def test_russian_lines_do_not_break_inside_a_date_a_number_or_a_name(site):
    """A Russian line must not break between «7» and «января», «2019» and «года», «№» and «27»,
    «Н. И.» and «Гродекова», «ул.» and «Ленина», «10» and «000», nor start with a dash: the reader
    counted 350 dates and 380 dashes that could (a no-break space, hooks/citysite/typography.py)."""
    split = {url: found[:3] for url in site.content_pages("ru")
             if (found := RUSSIAN_BREAKS.findall(site.page(url).select_one("article").get_text()))}
    assert split == {}
    text = site.page("ru/about/").select_one("article").get_text()
    assert "\u00a0—" in text and re.search(r"\d{4}\u00a0год", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_your_visit_opens_with_links_to_its_sections(site, lang):
    """On a phone Material's table of contents is in the drawer: the 16 sections of Plan your visit are
    a line of links under the title, each to its heading, in the page's order, before the first one."""
    article = site.page(PREFIX[lang] + "visit/").select_one("article")
    contents = article.select_one("nav.kh-contents")
    headings = article.select("h2")
    assert contents is not None and contents.find_next("h2") is headings[0]
    assert [(a["href"], a.get_text()) for a in contents.select("a")] == [
        ("#" + h2["id"], h2.get_text().rstrip("¶").strip()) for h2 in headings]
    assert len(headings) >= 10 and contents.has_attr("data-search-exclude")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_emergency_numbers_are_one_tap_calls(site, lang):
    """On a phone a visitor in trouble taps the number: 112 and 101-104 are tel: links in the
    emergency table, and 112 in the summary at the top."""
    article = site.page(PREFIX[lang] + "visit/").select_one("article")
    calls = {a["href"] for a in article.select('a[href^="tel:"]')}
    assert {f"tel:{number}" for number in ("112", "101", "102", "103", "104")} <= calls, calls
    assert article.select_one('ul a[href="tel:112"]') is not None
    # the foreign ministries' hotlines too (a Korean visitor found the number as text)
    assert {"tel:+861012308", "tel:+82232100404"} <= calls, calls


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_frozen_river_is_a_warning_found_from_the_top_of_plan_your_visit(site, lang):
    """Going onto the Amur's ice was a bullet among ticks and pharmacies, 26 screens down a phone."""
    article = site.page(PREFIX[lang] + "visit/").select_one("article")
    heading = article.select_one("h3#river-ice")
    assert heading.find_next_sibling().select_one(".admonition.warning, .warning") or \
        "warning" in heading.find_next_sibling()["class"]
    assert article.select_one('#at-a-glance ~ ul a[href="#river-ice"]') is not None


@pytest.mark.parametrize("lang", ["en", "zh", "ja", "ko"])
def test_a_taxi_card_takes_a_visitor_back_to_the_airport(site, lang):
    """A Korean stopover had no hotel to call a taxi back, and no Russian to say where to."""
    section = site.page(PREFIX[lang] + "visit/").select_one("h3#airport-taxi")
    card = section.find_next("div", class_="taxi-address")
    assert card.find_previous("h3") is section
    assert "Аэропорт Хабаровск" in card.get_text() and "Международный терминал" in card.get_text()


# --- the same numbers in every version ----------------------------------------------------------

NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+|\d+(?:\.\d+(?=万))?)(?!\d)(\s*[月월])?(万)?")


MAN_AND_REST = re.compile(r"(?<![\d.,])(\d+)万(\d{1,3}(?:,\d{3})?)(?![\d,])")  # 12万1,000 (Japanese)


def numbers_in(text: str) -> set[int]:
    """Numbers of two or more digits, thousands separators removed, Chinese and Japanese ten
    thousands read (12.1万 and 12万1,000 are 121,000); month numbers (5月, 5월) left out."""
    text = MAN_AND_REST.sub(lambda m: str(int(m[1]) * 10_000 + int(m[2].replace(",", ""))), text)
    found = set()
    for match in NUMBER.finditer(text):
        if match.group(2):
            continue
        if match.group(3):
            value = round(float(match.group(1)) * 10_000)
        else:
            value = int(re.sub(r"\D", "", match.group(1)))
        if value >= 10:
            found.add(value)
    return found


def test_number_reader_handles_separators_and_months():
    assert numbers_in("121,000 visitors, 43 410 туристов, 2019年12月30日, 2019년 10월 3일, 12.1万名, 3万") == {
        121000, 43410, 2019, 30, 30000
    }
    assert numbers_in("12万1,000人、4万3,410人、1万人以上、160万人") == {121000, 43410, 10000, 1600000}


def line_with_number(file: str, number: int) -> int:
    """The first line of `file` (under the project) that holds `number`, or 1."""
    path = ROOT / file
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return next((index for index, line in enumerate(lines, 1) if number in numbers_in(line)), 1)


def number_differences(path: str, numbers: dict[str, set[int]]) -> list[str]:
    """For an editor (often one who wrote a paragraph in Russian only): each translation's numbers
    missing from it or not in the English page, at its file and line, in Russian and in English."""
    folder = {lang: language_folder(ROOT, lang).relative_to(ROOT).as_posix() for lang in numbers}
    english, original = numbers["en"], f"{folder['en']}/{path}"
    found = []
    for lang, its in numbers.items():
        file = f"{folder[lang]}/{path}"
        if its - english:
            extra = ", ".join(map(str, sorted(its - english)))
            found.append(
                f"{file}:{line_with_number(file, min(its - english))}: в версии {lang} есть числа, которых нет на "
                f"английской странице {original}: {extra}. Добавьте этот текст и на английскую страницу {original} "
                f"(тогда тест будет ждать перевода на остальные языки — попросите его в запросе на слияние) или "
                f"уберите числа: часы, цены и даты на всех языках должны совпадать\n"
                f"{file}: the {lang} version has numbers the English page {original} lacks: {extra}; add the text "
                f"to {original} too, or remove them")
        if english - its:
            missing = ", ".join(map(str, sorted(english - its)))
            found.append(
                f"{file}: в версии {lang} нет чисел, которые есть на английской странице {original}: {missing}. "
                f"Переведите изменённый текст ({original}:{line_with_number(original, min(english - its))}) или "
                f"попросите перевод в запросе на слияние\n"
                f"{file}: the {lang} version lacks numbers of the English page: {missing}; translate the changed text")
    return found


@pytest.mark.parametrize("path", written_pages())
def test_key_numbers_are_the_same_in_all_versions(site, path):
    url = url_of(path)
    numbers = {lang: numbers_in(main_text(site.page(PREFIX[lang] + url))) for lang in LANGUAGES}
    differences = number_differences(path, numbers)
    assert not differences, "\n".join(differences)


def test_a_number_only_in_the_russian_text_names_its_line_and_the_fix():
    """An editors' walkthrough: «с 10:00 до 18:00» added to the Russian page failed CI with
    `assert {'ru': {'miss...extra': [18]}} == {}`, no file, no line, no Russian."""
    path = "visit/index.md"
    line = next(index for index, text in enumerate((ROOT / "docs_ru" / path).read_text(encoding="utf-8").splitlines(), 1)
                if 112 in numbers_in(text))
    differences = number_differences(path, {"en": {10}, "ru": {10, 112}, "zh": set()})
    assert differences[0].startswith(f"docs_ru/visit/index.md:{line}: в версии ru есть числа, которых нет на "
                                     "английской странице docs/visit/index.md: 112. Добавьте этот текст и на "
                                     "английскую страницу docs/visit/index.md")
    assert differences[1].startswith("docs_zh/visit/index.md: в версии zh нет чисел, которые есть на английской "
                                     "странице docs/visit/index.md: 10. Переведите")


# --- one glossary ---------------------------------------------------------------------------------

def glossary_entries() -> list[dict[str, str]]:
    """Names with one spelling per language: partner cities, venues, and data/glossary.yml."""
    entries = []
    for kind in ("partners", "venues"):
        file = ROOT / "data" / f"{kind}.yml"
        if file.exists():
            entries += [entry["name"] for entry in yaml.safe_load(file.read_text(encoding="utf-8")) or []]
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    entries += [entry for group in glossary.values() for entry in group.values()]
    return entries


def name_pattern(name: str, lang: str) -> re.Pattern:
    """How a name is found in running text: Russian names inflect, CJK and Korean ignore spaces."""
    if lang == "ru":
        stems = [re.escape(word[: max(3, len(word) - 2)]) + r"\w*" for word in re.findall(r"\w+", name)]
        return re.compile(r"\b" + r"\W+".join(stems), re.IGNORECASE)
    if lang in ("zh", "ja", "ko"):
        return re.compile(r"\s*".join(re.escape(char) for char in name.replace(" ", "")))
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def english_mentions(text: str, name: str, longer: list[str]) -> bool:
    """Whether `name` is mentioned on its own, not only inside a longer glossary name (Amur in Amur Cliff)."""
    for other in longer:
        text = text.replace(other, " ")
    return bool(name_pattern(name, "en").search(text))


@pytest.mark.parametrize("path", [p for p in written_pages() if p not in SECTION_PAGES])
def test_names_follow_the_glossary(site, path):
    url = url_of(path)
    texts = {lang: main_text(site.page(PREFIX[lang] + url)) for lang in LANGUAGES}
    entries = glossary_entries()
    english_names = [entry["en"] for entry in entries]
    problems = []
    for entry in entries:
        longer = [name for name in english_names if entry["en"] in name and name != entry["en"]]
        if not english_mentions(texts["en"], entry["en"], longer):
            continue
        for lang in LANGUAGES[1:]:
            if not (language_folder(ROOT, lang) / path).exists():  # not translated yet: the English page shows
                continue
            if not name_pattern(entry[lang], lang).search(texts[lang]):
                problems.append(
                    f"{language_folder(ROOT, lang).name}/{path}: «{entry['en']}» здесь пишется «{entry[lang]}» "
                    "(data/glossary.yml, data/venues.yml или data/partners.yml), а на странице такого написания "
                    "нет: исправьте название на странице или в тексте из data/*.yml, который она показывает / "
                    f"'{entry['en']}' should appear as '{entry[lang]}'")
    assert problems == [], "\n".join(problems)


def test_glossary_entries_have_english_and_russian():
    """zh, ja and ko may come later (an entry's missing name shows in English), as in the data files."""
    for entry in glossary_entries():
        assert entry.get("en") and entry.get("ru"), entry


@pytest.mark.parametrize("folder", [language_folder(ROOT, lang).name for lang in LANGUAGES])
def test_every_page_has_front_matter_with_a_description(folder):
    """Broken front matter is not an error for MkDocs: the page would show it as text. Catch it here."""
    problems = []
    for path in sorted((ROOT / folder).rglob("*.md")):
        try:
            meta, _body = split_front_matter(path.read_text(encoding="utf-8"))
        except FrontMatterError as error:
            problems.append(f"{path.relative_to(ROOT)}: {error}")
            continue
        if not isinstance(meta, dict) or not str(meta.get("description", "")).strip():
            problems.append(f"{path.relative_to(ROOT)}: add front matter with a description (shown by search engines)")
    assert problems == []


# (page, the place measured from, [(a place measured to, its distance as the page says it, in km)]):
# distances a page states in words, from the places' coordinates (data/venues.yml).
STATED_DISTANCES = [
    ("visit/index.md", "station-square", [("lenin-square", 1.8), ("dynamo-park", 1.8), ("komsomolskaya-square", 3)]),
]


@pytest.mark.parametrize("page, origin, stated", STATED_DISTANCES)
def test_a_distance_stated_in_words_agrees_with_the_places_coordinates(page, origin, stated):
    """"About 1.8 km from the station to Lenin Square" is written in five languages from the
    coordinates: moved places must not leave the words behind (within the rounding written)."""
    from citysite.places import distance_km

    venues = {venue["id"]: venue for venue in yaml.safe_load((ROOT / "data" / "venues.yml").read_text(encoding="utf-8"))}
    for place, km in stated:
        measured = distance_km(venues[origin]["lat"], venues[origin]["lon"], (venues[place]["lat"], venues[place]["lon"]))
        step = 0.1 if km % 1 else 0.5  # "1.8 km" to a tenth, "3 km" to about half a kilometre
        assert abs(measured - km) <= step, f"{origin} -> {place}: {measured:.2f} km, the pages say {km}"
        for lang in LANGUAGES:
            text = (language_folder(ROOT, lang) / page).read_text(encoding="utf-8")
            written = f"{km:g}".replace(".", "," if lang == "ru" else ".")
            assert f"({'../venues/' + place + '.md'})" in text and written in text, (lang, place, written)
