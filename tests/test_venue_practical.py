"""A venue's practical facts (issue 14): opening hours in the OpenStreetMap syntax, parsed when the
data is loaded and written the way each language writes them; admission, phone, step-free access,
the stop; the Russian address for a taxi driver; map-app links; addresses and popups in the
reader's language, with no English prose on Chinese, Japanese and Korean pages.

Most checks build a copy of the site with the real data/venues.yml and no events (the venue
pages are what is checked, whatever the state of the events calendar); the prose check also runs
on the real site. Expected texts come from the issue, Babel and data/ui.yml.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from citysite.data import DataError, load_site_data
from citysite.data.hours import HoursError, Span, parse_opening_hours
from citysite.dates import format_since, format_span, format_when
from citysite.data.when import When
from citysite.languages import aside, colon, load_ui_strings
from citysite.maps import MapContext, Tiles
from citysite.maps.popups import partner_popup, venue_popup
from citysite.practical import hours_text, map_app_urls, opening_hours_specification
from tests.conftest import ROOT, run_mkdocs_build
from tests.helpers import LANGUAGES, BuiltSite, plain, resolve
from tests.small_project import make_small_project
from tests.test_routes import haversine_km

STRINGS = load_ui_strings(ROOT)
PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
CJK = ("zh", "ja", "ko")


@pytest.fixture(scope="module")
def venues(tmp_path_factory):
    """The real venues, read with data/venues.yml alone (the other data files are not about venues)."""
    folder = tmp_path_factory.mktemp("venues-only")
    shutil.copy(ROOT / "data" / "venues.yml", folder / "venues.yml")
    for name in ("partners", "events"):
        (folder / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    return load_site_data(folder).venues


# A venue with every kind of fact, as the Grodekov museum's were researched in December 2026, far from
# the real ones (no "a short walk away" to change): the test of how a visitor reads the facts has its
# own venue, so that an editor who updates the museum's real hours or phone changes data, not a test.
SAMPLE_MUSEUM = """\
- id: sample-museum
  name: {en: Sample Museum, ru: Музей-образец, zh: 样本博物馆, ja: サンプル博物館, ko: 샘플 박물관}
  category: museum
  address: {en: 11 Shevchenko St, ru: "ул. Шевченко, 11", zh: 舍甫琴科街11号, ja: シェフチェンコ通り11番地, ko: 셰브첸코 거리 11}
  lat: 48.36
  lon: 135.2
  description: {en: A museum., ru: Музей., zh: 博物馆。, ja: 博物館です。, ko: 박물관입니다.}
  hours:
    spec: "Tu-Su 10:00-18:00; Fr[-1] off"
    sources: ["page:https://hkm.ru/en/category/uchenyj-sovet/ (the museum's site, footer)"]
    checked: "2026-12-04"
  tickets:
    free: false
    note: {en: "Free on 18 May.", ru: "Бесплатно 18 мая.", zh: "5月18日免费。", ja: "5月18日は無料です。", ko: "5월 18일 무료."}
    sources: ["page:https://hkm.ru/en/service_cat/predostavlyaemye-lgoty/ (free admission)"]
    checked: "2026-12-04"
  phone:
    number: "+7 4212 47-71-58"
    note: {en: information, ru: справки, zh: 咨询, ja: 問い合わせ, ko: 문의}
    sources: ["page:https://hkm.ru/en/service_cat/lekczii-konsultaczii-muzejnye-uroki/ (phone)"]
    checked: "2026-12-04"
  closed:
    - start: "2026-01-10"
      end: "2026-01-20"
      reason: {en: A past repair., ru: Прошедший ремонт., zh: 以往的维修。, ja: 過去の工事。, ko: 지난 공사.}
      sources: ["page:https://hkm.ru/en/ (a notice)"]
      checked: "2026-01-05"
    - start: "2027-03-01"
      end: "2027-04-30"
      reason: {en: Closed for renovation., ru: Закрыт на ремонт., zh: 闭馆维修。, ja: 改修工事のため休館します。, ko: 보수 공사로 휴관합니다.}
      sources: ["page:https://hkm.ru/en/news/ (a notice)"]
      checked: "2026-12-04"
  sources: ["page:https://hkm.ru/en/istoriya-muzeya/ (the museum's history)"]
"""
SAMPLE_ROUTE = """\
- id: sample-walk
  title: {en: Sample walk, ru: Прогулка-образец, zh: 示例路线, ja: サンプルコース, ko: 샘플 코스}
  summary: {en: A walk., ru: Прогулка., zh: 散步。, ja: 散歩です。, ko: 산책입니다.}
  stops:
    - venue: sample-museum
      text: {en: A museum., ru: Музей., zh: 博物馆。, ja: 博物館です。, ko: 박물관입니다.}
    - venue: lenin-square
      text: {en: A square., ru: Площадь., zh: 广场。, ja: 広場です。, ko: 광장입니다.}
  sources: ["page:https://hkm.ru/en/ (a sample)"]
"""


@pytest.fixture(scope="module")
def practical_site(tmp_path_factory) -> BuiltSite:
    """A small project (the real configuration, hooks and interface strings; no written pages)
    with the real data/venues.yml and no events: every venue page, as the build makes it."""
    project = make_small_project(tmp_path_factory.mktemp("practical") / "project", {})
    real = (ROOT / "data" / "venues.yml").read_text(encoding="utf-8")
    (project / "data" / "venues.yml").write_text(real.rstrip() + "\n\n" + SAMPLE_MUSEUM, encoding="utf-8")
    (project / "data" / "routes.yml").write_text(SAMPLE_ROUTE, encoding="utf-8")
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    site_dir = project.parent / "site"
    result = run_mkdocs_build(project, site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir, build_log=result.stderr)


def fact(site: BuiltSite, url: str, label_key: str, lang: str):
    """The list item of a venue page's fact with this label, or None."""
    label = STRINGS[label_key][lang]
    for item in site.page(url).select("article li"):
        strong = item.find("strong")
        if strong is not None and strong.get_text().rstrip(":：") == label:
            return item
    return None


def value_of(item) -> str:
    strong = item.find("strong")
    return item.get_text("", strip=False).split(strong.get_text(), 1)[1].strip()


# --- opening hours: parsing ----------------------------------------------------------------------

def test_opening_hours_are_parsed_into_typed_rules():
    hours = parse_opening_hours("Tu-Su 10:00-18:00; Fr[-1] off")
    regular, last_friday = hours.rules
    assert regular.days == (1, 2, 3, 4, 5, 6) and regular.spans == (Span(600, 1080),) and regular.nth is None
    assert last_friday.days == (4,) and last_friday.closed and last_friday.nth == -1
    assert set(hours.weekly()) == {1, 2, 3, 4, 5, 6}  # Monday closed; the last Friday is an exception
    assert parse_opening_hours("Fr-Mo 11:00-01:00").rules[0].days == (0, 4, 5, 6)  # wraps past Sunday
    assert parse_opening_hours("10:00-22:00").rules[0].every_day
    assert parse_opening_hours("24/7").weekly()[6] == (Span(0, 1440),)
    assert parse_opening_hours("Mo-Su 10:00-18:00; Mo off").weekly().keys() == {1, 2, 3, 4, 5, 6}
    lunch = parse_opening_hours("Mo-Fr 09:00-13:00, 14:00-18:00")
    assert lunch.rules[0].spans == (Span(540, 780), Span(840, 1080)) and str(lunch) == "Mo-Fr 09:00-13:00, 14:00-18:00"
    october = [dt.date(2027, 10, 1) + dt.timedelta(days=n) for n in range(31)]  # a Friday to a Sunday
    assert [day.day for day in october if hours.closed_on(day)] == [4, 11, 18, 25, 29]  # Mondays, the last Friday
    assert [day.day for day in october[:7] if parse_opening_hours("Mo-Su 10:00-18:00; We[1] off").closed_on(day)] == [6]


@pytest.mark.parametrize("spec", [
    "Tu-Su 10-18", "Tu-Xx 10:00-18:00", "Mo 18:00-18:00", "Mo 25:00-26:00", "Mo 10:00-10:75",
    "Fr[-2] off", "Mo,Fr[-1] off", "Mo", "Mo 10:00-18:00;", "PH off", "sunrise-sunset",
    "2027 Mar 01-2027 Apr 30 off", "Tu-Su 10:00-18:00; Mar 01-Apr 30 off",
])
def test_opening_hours_the_site_cannot_read_are_refused(spec):
    with pytest.raises(HoursError, match="is not an opening-hours rule the site reads"):
        parse_opening_hours(spec)


# --- opening hours: each language's way ------------------------------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [  # the forms of the issue, and the day off said
    ("en", "Tue–Sun 10:00–18:00; closed Mon"),
    ("ru", "Вт–вс 10:00–18:00; пн — выходной"),
    ("zh", "周二至周日 10:00至18:00；周一闭馆"),
    ("ja", "火～日 10:00～18:00／月曜日休館"),
    ("ko", "화~일 10:00~18:00 / 월요일 휴무"),
])
def test_hours_in_each_language(lang, expected):
    """A Korean visitor planning a Monday did not see from «화~일» alone that Monday is the day off."""
    assert hours_text(parse_opening_hours("Tu-Su 10:00-18:00"), lang) == expected


def test_exceptions_lists_and_closed_days_in_each_language():
    spec = parse_opening_hours("Tu-Su 10:00-18:00; Fr[-1] off")
    assert hours_text(spec, "en") == "Tue–Sun 10:00–18:00; closed Mon; closed on the last Friday of the month"
    assert hours_text(spec, "ru") == "Вт–вс 10:00–18:00; пн — выходной; последняя пятница месяца — выходной"
    assert hours_text(spec, "zh") == "周二至周日 10:00至18:00；周一闭馆；每月最后一个周五闭馆"
    assert hours_text(spec, "ja") == "火～日 10:00～18:00／月曜日休館／毎月最終金曜日休館"
    assert hours_text(spec, "ko") == "화~일 10:00~18:00 / 월요일 휴무 / 매월 마지막 금요일 휴무"
    # Russian ordinals agree with the weekday's gender.
    assert hours_text(parse_opening_hours("Tu[-1] off"), "ru") == "Последний вторник месяца — выходной"
    assert hours_text(parse_opening_hours("Su[1] off"), "ru") == "Первое воскресенье месяца — выходной"
    lists = parse_opening_hours("Mo,We 09:00-13:00,14:00-18:00; Sa,Su off")
    assert hours_text(lists, "ja") == "月・水 09:00～13:00、14:00～18:00／火・木～日曜日休館"
    assert hours_text(lists, "en") == "Mon, Wed 09:00–13:00, 14:00–18:00; closed Tue, Thu–Sun"
    assert hours_text(parse_opening_hours("10:00-22:00"), "ko") == "매일 10:00~22:00"


def test_opening_hours_specification_for_search_engines():
    week = opening_hours_specification(parse_opening_hours("Mo-Fr 09:00-18:00; Sa 10:00-24:00; Fr[-1] off"))
    assert week == [
        {"@type": "OpeningHoursSpecification",
         "dayOfWeek": [f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")],
         "opens": "09:00", "closes": "18:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Saturday"],
         "opens": "10:00", "closes": "23:59"},
    ]


# --- the data: messages and warnings -------------------------------------------------------------

BROKEN_VENUE = """
- id: test-museum
  name: {en: Test Museum, ru: Тестовый музей, zh: 测试博物馆, ja: テスト博物館, ko: 테스트 박물관}
  category: museum
  address: {en: 1 Test St, ru: "ул. Тестовая, 1", zh: 测试街1号, ja: テスト通り1番地, ko: 테스트 거리 1}
  lat: 48.48
  lon: 135.07
  description: {en: A test., ru: Тест., zh: 测试。, ja: テスト。, ko: 테스트.}
  sources: [seed]
  open_air: maybe
  hours:
    spec: "Tu-Su 10-18"
    sources: ["page:https://example.org/hours"]
    checked: "2026-12"
  tickets: {free: true, price: 300, sources: ["page:https://example.org/"], checked: "2026-12-04"}
  phone: {number: "47-71-58", sources: ["page:https://example.org/"], checked: "2026-12-04"}
  step_free: {available: true, sources: ["general: it looked flat"], checked: "2026-12-04"}
  stop:
    name: {en: Test, ru: Тест}
    routes: {bus: [34, "x-1"]}
    sources: ["page:https://example.org/"]
    checked: "2026-12-04"
  closed:
    - start: "2027-04-30"
      end: "2027-03-01"
      reason: {en: Repairs., ru: Ремонт.}
      sources: ["page:https://example.org/closed"]
      checked: "2026-12-04"
    - start: "2027-03"
      end: "01.05.2027"
      reason: {en: Repairs., ru: Ремонт.}
      sources: ["page:https://example.org/closed"]
      checked: "2026-12-04"
"""


def _load_venues(tmp_path: Path, text: str):
    for name in ("partners", "events"):
        (tmp_path / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "venues.yml").write_text(text, encoding="utf-8")
    return load_site_data(tmp_path)


def test_mistakes_in_practical_facts_name_the_line_and_the_field(tmp_path):
    with pytest.raises(DataError) as error:
        _load_venues(tmp_path, BROKEN_VENUE)
    lines = BROKEN_VENUE.splitlines()
    where = {problem.line: problem.message for problem in error.value.problems}

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, start=1) if text in line)

    assert where[line_of("open_air:")] == "'open_air' must be true or false, not 'maybe'"
    assert where[line_of('spec: "Tu-Su 10-18"')].startswith(
        "hours.spec: 'Tu-Su 10-18' is not an opening-hours rule the site reads: in '10-18', a time span is HH:MM-HH:MM")
    assert where[line_of('checked: "2026-12"')].startswith("hours.checked: '2026-12' is not a day")
    assert "free admission has no price" in where[line_of("tickets:")]
    assert where[line_of("phone:")].startswith("phone.number: '47-71-58' is not a phone number")
    assert "a practical fact needs a 'page:' source" in where[line_of("step_free:")]
    assert where[line_of("routes:")] == "'x-1' is not a route number; write it as on the stop's sign: 34 or 61С"
    assert where[line_of('end: "2027-03-01"')] == (  # on the end's line; two months swapped, not ten over New
        # Year (an editor's renovation was published for ten months)
        'closed: end: 2027-03-01 is before start 2027-04-30; most likely the two are swapped: start: "2027-03-01", '
        'end: "2027-04-30" (if the dates do run over New Year, end: "2028-03-01")')
    assert where[line_of('start: "2027-03"')].startswith("closed.start: '2027-03' is not a day; a closure starts")
    assert where[line_of('end: "01.05.2027"')] == (  # written the Russian way: the day to write instead
        "closed.end: '01.05.2027' is not a date the site reads; write \"2027-05-01\" (year-month-day, in quotes)")
    assert all(problem.entry == "test-museum" and problem.file == "data/venues.yml" for problem in error.value.problems)


def test_a_note_without_chinese_japanese_korean_is_a_warning(tmp_path):
    text = BROKEN_VENUE.split("  open_air:")[0] + (
        '  hours:\n    note: {en: "Services every day.", ru: "Службы ежедневно."}\n'
        '    sources: ["page:https://example.org/"]\n    checked: "2026-12-04"\n')
    data = _load_venues(tmp_path, text)
    assert [w.message for w in data.warnings] == ["'hours.note' has no zh, ja, ko text yet; English is shown instead"]
    assert data.venues["test-museum"].hours.checked.first_day() == dt.date(2026, 12, 4)


def test_real_practical_facts_have_a_page_source_and_a_checked_day(venues):
    for venue in venues.values():
        for fact in (venue.hours, venue.tickets, venue.phone, venue.step_free, venue.stop):
            if fact is not None:
                assert any(source.startswith("page:https://") or source.startswith("page:http://")
                           for source in fact.sources), venue.id
                assert fact.checked.precision == "day"


# --- venue pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_venue_page_has_the_five_map_app_links(practical_site, venues, lang):
    hosts = {"yandex": "yandex.ru", "2gis": "2gis.ru", "google": "www.google.com",
             "apple": "maps.apple.com", "osm": "www.openstreetmap.org"}
    for venue in venues.values():
        page = practical_site.page(f"{PREFIX[lang]}venues/{venue.id}/")
        links = page.select("article .map-apps a")
        assert [link.get_text() for link in links] == [STRINGS[f"map_app_{key}"][lang] for key in hosts], venue.id
        for key, link in zip(hosts, links, strict=True):
            url = urlsplit(link["href"])
            assert url.scheme == "https" and url.hostname == hosts[key], (venue.id, link["href"])
            assert link.get("translate") == "no"
        numbers = [float(n) for n in re.findall(r"\d+\.\d+", links[0]["href"])]
        assert numbers == [venue.lon, venue.lat]  # Yandex: pt=LON,LAT
        assert [float(n) for n in parse_qs(urlsplit(links[2]["href"]).query)["query"][0].split(",")] == [venue.lat, venue.lon]
        assert parse_qs(urlsplit(links[3]["href"]).query)["q"] == [venue.name[lang]]


def test_map_app_urls_from_the_coordinates(venues):
    urls = map_app_urls(venues["grodekov-museum"], "ko")
    assert urls["yandex"] == "https://yandex.ru/maps/?pt=135.0506,48.4733&z=17&l=map"
    assert urls["2gis"] == "https://2gis.ru/geo/135.0506,48.4733"
    assert urls["google"] == "https://www.google.com/maps/search/?api=1&query=48.4733,135.0506"
    assert urls["apple"].startswith("https://maps.apple.com/?ll=48.4733,135.0506&q=%EA%B7%B8")  # 그로데코프
    assert urls["osm"] == "https://www.openstreetmap.org/?mlat=48.4733&mlon=135.0506#map=17/48.4733/135.0506"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_venue_page_shows_the_russian_address_for_a_taxi_driver(practical_site, venues, lang):
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        if lang == "ru":  # the address itself is the Russian one
            assert plain(value_of(fact(practical_site, url, "label_address", lang))) == plain(venue.address.ru)
            continue
        block = practical_site.page(url).select_one("article .taxi-address")
        assert block.select_one("p").get_text() == STRINGS["taxi_address"][lang]
        # one tap from the address line down to the card (a long admission note pushed it two screens down)
        jump = fact(practical_site, url, "label_address", lang).select_one('a[href="#taxi"]')
        assert jump.get_text() == STRINGS["taxi_jump"][lang] and block["id"] == "taxi"
        ask = block.select_one(".taxi-address__ask")  # "Please take me to this address", for the driver
        assert (ask.get_text(), ask["lang"]) == ("Отвезите меня по этому адресу, пожалуйста", "ru")
        assert ask.get_text() in (ROOT / "docs" / "visit" / "index.md").read_text(encoding="utf-8")  # its phrases
        name, russian = block.select_one(".taxi-address__name"), block.select_one(".taxi-address__text")
        assert (name.get_text(), name["lang"], name["translate"]) == (venue.name.ru, "ru", "no")
        assert (russian.get_text(), russian["lang"], russian["translate"]) == (venue.address.ru, "ru", "no")


@pytest.mark.parametrize("lang", CJK)
def test_addresses_are_in_the_reader_s_language_with_english_as_a_labelled_alternative(practical_site, venues, lang):
    translated = [venue for venue in venues.values() if venue.address.shown_in(lang) == lang]
    assert translated  # an untranslated address is English marked as such: test_a_popup_marks_english...
    for venue in translated:
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        address = fact(practical_site, url, "label_address", lang)
        assert plain(value_of(address)) == plain(f"{getattr(venue.address, lang)} · {STRINGS['taxi_jump'][lang]}"), venue.id
        assert not address.select("[lang]")  # written in the page's language, not English standing in
        latin = practical_site.page(url).select_one(".taxi-address__latin")
        assert latin.get_text().startswith(STRINGS["label_address_latin"][lang])
        assert [(span["lang"], span.get_text()) for span in latin.select("[lang]")] == [("en", venue.address.en)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_places_by_the_river_warn_of_its_ice(site, venues, lang):
    """A Chinese walkthrough planning February found the frozen Amur's warning only on Plan your
    visit, not on the embankment's, the Amur Cliff's or the River Station's pages."""
    riverside = [venue for venue in venues.values() if venue.category == "riverside"]
    assert len(riverside) >= 3
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        item = fact(site, url, "label_river_ice", lang)
        assert (item is not None) == (venue in riverside), venue.id
        if item is not None:
            assert resolve(url, item.select_one("a[href]")["href"]) == f"{PREFIX[lang]}visit/#river-ice", venue.id
    assert site.page(f"{PREFIX[lang]}visit/").select_one("h3#river-ice")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_air_places_say_so_instead_of_hours(practical_site, venues, lang):
    open_air = [venue for venue in venues.values() if venue.open_air and venue.hours is None]
    assert len(open_air) >= 10
    for venue in open_air:
        item = fact(practical_site, f"{PREFIX[lang]}venues/{venue.id}/", "label_hours", lang)
        assert value_of(item) == STRINGS["hours_open_air"][lang], venue.id
        assert item.has_attr("data-search-exclude"), venue.id  # "opening hours" found the parks first
    unknown = [venue for venue in venues.values() if not venue.open_air and venue.hours is None]
    for venue in unknown:  # a museum or a church says none were found (three museums said nothing at all)
        item = fact(practical_site, f"{PREFIX[lang]}venues/{venue.id}/", "label_hours", lang)
        if venue.category in ("museum", "church"):  # to check its own site only where it has one
            said = STRINGS["hours_not_found" if venue.website else "hours_not_found_ask"][lang]
            assert value_of(item).split() == said.split(), venue.id  # «не указаны — …»
            assert item.has_attr("data-search-exclude"), venue.id  # "hotel" found six of them
        else:  # a theatre or an arena: its plays' and games' times, not opening hours
            assert item is None, venue.id
    assert {venue.category for venue in unknown} >= {"museum", "church", "stage"}
    assert {bool(venue.website) for venue in unknown if venue.category == "museum"} == {True, False}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_out_show_cyrillic_domains_in_cyrillic(practical_site, venues, lang):
    """A source or website on a Cyrillic domain reads двхм.рф, as its readers write it, never the
    xn--b1adz9a.xn--p1ai the browser sends."""
    shown = [a.get_text() for venue in venues for a in
             practical_site.page(f"{PREFIX[lang]}venues/{venue}/").select('article a[lang="zxx"], article a > span[lang="zxx"]')]
    assert any(".рф" in text for text in shown)
    assert [text for text in shown if "xn--" in text] == []


def jsonld(site: BuiltSite, url: str) -> dict:
    return json.loads(site.page(url).select_one('script[type="application/ld+json"]').string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_opening_hours_on_the_page_and_in_json_ld(practical_site, venues, lang):
    with_hours = [venue for venue in venues.values() if venue.hours is not None and venue.hours.spec is not None]
    assert with_hours, "no venue has opening hours"
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        value = jsonld(practical_site, url)
        if venue in with_hours:
            item = fact(practical_site, url, "label_hours", lang)
            assert plain(value_of(item)).startswith(plain(hours_text(venue.hours.spec, lang))), venue.id
            hosts = {urlsplit(s.split(":", 1)[1].split()[0]).hostname for s in venue.hours.sources if s.startswith("page:")}
            gap = "、" if lang in ("zh", "ja") else ", "
            checked = aside(STRINGS["checked_on"][lang].format(sources=gap.join(sorted(hosts)),
                                                               date=format_when(venue.hours.checked, lang)), lang)
            assert item.select_one(".fact-checked").get_text().split() == checked.split()  # Babel's spaces vary
            assert value["openingHoursSpecification"] == opening_hours_specification(venue.hours.spec)
        else:
            assert "openingHoursSpecification" not in value, venue.id


def test_a_venue_with_every_kind_of_fact(practical_site):
    """One venue with every kind of fact the research found (SAMPLE_MUSEUM), read as a Japanese visitor gets it."""
    url = "ja/venues/sample-museum/"
    assert value_of(fact(practical_site, url, "label_hours", "ja")).startswith("火～日 10:00～18:00／月曜日休館／毎月最終金曜日休館")
    tickets = value_of(fact(practical_site, url, "label_tickets", "ja"))
    assert tickets.startswith("有料\u00a0· 5月18日は無料です（hkm.ru、") and tickets.endswith("確認）。")
    phone = fact(practical_site, url, "label_phone", "ja").select_one("a")
    assert (phone["href"], phone.get_text()) == ("tel:+74212477158", "+7 4212 47-71-58")
    value = jsonld(practical_site, url)
    assert value["telephone"] == "+7 4212 47-71-58" and value["isAccessibleForFree"] is False
    hours_source = fact(practical_site, url, "label_hours", "ja").select_one(".fact-checked a")
    assert (hours_source["href"], hours_source.get_text()) == ("https://hkm.ru/en/category/uchenyj-sovet/", "hkm.ru")
    # each source link names its fact for a screen reader: the page's links read "hkm.ru" four times
    for label in ("label_hours", "label_tickets", "label_phone"):
        source = fact(practical_site, url, label, "ja").select_one(".fact-checked a")
        assert source["aria-label"] == f"{source.get_text()}：{STRINGS[label]['ja']}", label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_closure_ahead_is_a_warning_on_the_venue_and_at_its_route_stop_and_a_past_one_is_gone(practical_site, lang):
    """An editor could not say that a museum closes for two months; the closure now shows on its page
    (with its source), at its stop on a walking route and to search engines until it is over."""
    url = f"{PREFIX[lang]}venues/sample-museum/"
    page = practical_site.page(url)
    boxes = page.select("article .admonition.warning")
    assert [box.select_one(".admonition-title").get_text(strip=True) for box in boxes] == \
        [STRINGS["venue_closing_title"][lang]]  # not "Temporarily closed" before it begins (an editor's walkthrough)
    dates = format_span(When.parse("2027-03-01"), When.parse("2027-04-30"), lang)
    box = copy.copy(boxes[0].select_one("p:not(.admonition-title)"))
    box.select_one(".fact-checked").decompose()  # inside the last sentence in Chinese, Japanese and Korean
    text = " ".join(box.get_text().split())
    reason = {"en": "Closed for renovation.", "ru": "Закрыт на ремонт.", "zh": "闭馆维修。", "ja": "改修工事のため休館します。",
              "ko": "보수 공사로 휴관합니다."}[lang]
    assert text.startswith(" ".join((dates + colon(lang) + reason).split())), text
    assert [a["href"] for a in boxes[0].select(".fact-checked a")] == ["https://hkm.ru/en/news/"]
    assert "A past repair." not in page.get_text() and "2026-01-10" not in json.dumps(jsonld(practical_site, url))
    assert jsonld(practical_site, url)["specialOpeningHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00",
         "validFrom": "2027-03-01", "validThrough": "2027-04-30"}]
    route = practical_site.page(f"{PREFIX[lang]}routes/sample-walk/").select_one("article ol > li")
    assert " ".join(STRINGS["route_stop_closed"][lang].format(dates=dates).split()) in " ".join(route.get_text().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_route_stop_gives_its_venues_hours_from_the_data(practical_site, lang):
    """A walk's own text kept the museum's old closing days after an editor had changed its hours:
    the stop now says the venue's hours, as its page does."""
    route = practical_site.page(f"{PREFIX[lang]}routes/sample-walk/").select_one("article ol > li")
    hours = hours_text(parse_opening_hours("Tu-Su 10:00-18:00; Fr[-1] off"), lang)  # SAMPLE_MUSEUM's
    assert " ".join(f"{plain(STRINGS['label_hours'][lang])}{colon(lang)}{hours}".split()) in " ".join(
        route.get_text().split())
    checked = route.select_one(".fact-checked")  # where and when, as a practical fact is everywhere
    assert checked and checked.select_one("a")["href"] == "https://hkm.ru/en/category/uchenyj-sovet/", route


@pytest.mark.parametrize("day, title", [("2027-02-28", "venue_closing_title"), ("2027-03-01", "venue_closed_title"),
                                        ("2027-04-30", "venue_closed_title")])
def test_a_closure_is_ahead_until_its_first_day_and_then_closed(tmp_path, day, title):
    from citysite.pages.common import PageContext
    from citysite.pages.venues import closure_notices

    (tmp_path / "venues.yml").write_text(SAMPLE_MUSEUM, encoding="utf-8")
    for name in ("partners", "events"):
        (tmp_path / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    data = load_site_data(tmp_path)
    ctx = PageContext(data, dt.date.fromisoformat(day), STRINGS)
    box = closure_notices(ctx, data.venues["sample-museum"], "en")
    assert box.startswith(f'!!! warning "{STRINGS[title]["en"]}"'), box


def test_the_next_closing_days_count_a_closure_too(tmp_path):
    """During a closure for repairs (1 March to 30 April) an editors' walkthrough read only the next
    Mondays as closing days, as if the museum opened on the others."""
    from citysite.pages.common import PageContext
    from citysite.pages.venues import closed_days_ahead

    (tmp_path / "venues.yml").write_text(SAMPLE_MUSEUM, encoding="utf-8")
    for name in ("partners", "events"):
        (tmp_path / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    data = load_site_data(tmp_path)
    days = lambda today: re.findall(r'data-closed="([0-9-]+)"', closed_days_ahead(  # noqa: E731
        PageContext(data, dt.date.fromisoformat(today), STRINGS), data.venues["sample-museum"], "en"))
    assert days("2027-02-26")[:4] == ["2027-02-26", "2027-03-01", "2027-03-02", "2027-03-03"]  # the last Friday
    assert days("2027-04-29")[:4] == ["2027-04-29", "2027-04-30", "2027-05-03", "2027-05-10"]  # then Mondays


FACTS = {"hours": "label_hours", "tickets": "label_tickets", "phone": "label_phone",
         "step_free": "label_step_free", "stop": "label_stop"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_practical_fact_links_its_sources_and_says_when_it_was_checked(practical_site, venues, lang):
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        for name, label in FACTS.items():
            fact_ = getattr(venue, name)
            if fact_ is None:
                continue
            checked = fact(practical_site, url, label, lang).select_one(".fact-checked")
            pages = [s.split(":", 1)[1].split()[0] for s in fact_.sources if s.startswith("page:")]
            assert [a["href"] for a in checked.select("a")] == pages, (venue.id, name)
            assert format_when(fact_.checked, lang).split()[-1] in checked.get_text(), (venue.id, name)


def test_the_checked_note_comes_before_the_full_stop_in_chinese_japanese_and_korean(practical_site, venues):
    """«…끝났습니다(… 확인).», «…終わりました（…確認）。»: a Korean walkthrough read «…끝났습니다.(…)»."""
    ended = 0
    for lang in CJK:
        stop = "." if lang == "ko" else "。"
        for venue in venues.values():
            for name, label in FACTS.items():
                if getattr(venue, name) is None:
                    continue
                checked = fact(practical_site, f"{PREFIX[lang]}venues/{venue.id}/", label, lang).select_one(".fact-checked")
                before, after = checked.previous_sibling, checked.next_sibling
                assert not (isinstance(before, str) and before.rstrip().endswith(stop)), (lang, venue.id, name, before)
                ended += isinstance(after, str) and after.startswith(stop)
    assert ended  # some facts are whole sentences (the river station's navigation season)


def test_a_stop_gives_its_russian_name_and_routes(practical_site, venues):
    venue = next(v for v in venues.values() if v.stop is not None and v.stop.routes is not None)
    item = fact(practical_site, f"ko/venues/{venue.id}/", "label_stop", "ko")
    assert [span.get_text() for span in item.select('[lang="ru"]')] == [venue.stop.name.ru]
    assert venue.stop.name.ko in value_of(item) and STRINGS["route_bus"]["ko"].split()[0] in value_of(item)


@pytest.mark.parametrize("lang, word", [("ru", "автобусы"), ("en", "buses")])
def test_a_stop_served_by_several_routes_says_so_in_the_plural(practical_site, venues, lang, word):
    """«Площадь имени Ленина: автобус 34, 61С» read as one bus; a Russian editor asked for «автобусы»."""
    venue = next(v for v in venues.values() if v.stop is not None and v.stop.routes and len(v.stop.routes.bus) > 1)
    text = value_of(fact(practical_site, f"{PREFIX[lang]}venues/{venue.id}/", "label_stop", lang))
    first, second = (number if lang == "ru" else number.replace("С", "C") for number in venue.stop.routes.bus[:2])
    assert f"{word} {first}, {second}" in text, text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_venue_page_says_what_the_place_is_before_its_facts(practical_site, venues, lang):
    """On a phone the facts, the taxi card, the map-app buttons and the map filled the first two
    screens before the one sentence that says what the place is."""
    for venue in venues.values():
        article = practical_site.page(f"{PREFIX[lang]}venues/{venue.id}/").select_one("article")
        first_words = venue.description[lang].split("\n\n")[0][:12]
        facts = article.find("ul")
        assert first_words in " ".join(p.get_text() for p in facts.find_all_previous("p")), (venue.id, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_route_number_is_written_as_a_visitor_can_type_it(practical_site, venues, lang):
    """The sign's «61С» has a Cyrillic С: on Russian pages it stays; elsewhere it is the Latin C it looks
    like, which a visitor can type and search."""
    venue, cyrillic = next((v, number) for v in venues.values() if v.stop is not None and v.stop.routes
                           for number in v.stop.routes.bus if re.search("[А-Яа-я]", number))
    latin = cyrillic.replace("С", "C")
    text = value_of(fact(practical_site, f"{PREFIX[lang]}venues/{venue.id}/", "label_stop", lang))
    assert (cyrillic in text, latin in text) == ((True, False) if lang == "ru" else (False, True))


# --- no English prose on Chinese, Japanese and Korean pages and popups --------------------------------

PROSE_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")  # a Latin word with a small letter: not an acronym (KHL, CIS)
# Unit symbols Japanese and Korean write in Latin letters after a number, as Babel (CLDR) does: 1.2 km.
UNIT_SYMBOLS = {"km"}


def _metres_apart(a, b) -> float:
    return haversine_km((a.lat, a.lon), (b.lat, b.lon)) * 1000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_venue_page_lists_the_places_within_a_short_walk(practical_site, venues, lang):
    """"Nearby": the (at most four) other venues within 1.5 km in a straight line, the nearest first,
    each linking its page with its distance and time on foot; no section where none is that close."""
    heading = STRINGS["venues_nearby"][lang]
    phrase = re.escape(STRINGS["nearby_distance"][lang]).replace(r"\{distance\}", "(.+?)").replace(r"\{time\}", "(.+)")
    without = 0
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        page = practical_site.page(url)
        around = sorted((_metres_apart(venue, other), other.id) for other in venues.values() if other.id != venue.id)
        expected = [other for metres, other in around if metres <= 1500][:4]
        section = next((h2 for h2 in page.select("article h2") if h2.get_text().rstrip("¶") == heading), None)
        if not expected:
            assert section is None, url
            without += 1
            continue
        cards = section.find_next_sibling("ul").select("li.kh-card")
        assert [resolve(url, card.a["href"]) for card in cards] == [f"{PREFIX[lang]}venues/{other}/" for other in expected], url
        for card, other in zip(cards, expected, strict=True):
            assert plain(card.a.get_text()) == plain(venues[other].name[lang])
            distance, time = re.fullmatch(phrase, card.select_one(".kh-card__meta").get_text()).groups()
            metres = _metres_apart(venue, venues[other])
            shown = float(re.sub(r"[^\d.]", "", distance.replace(",", "."))) * (1 if metres < 995 else 1000)
            assert abs(shown - metres) <= (5 if metres < 995 else 50), (url, other, distance)
            assert re.search(r"\d", time), (url, other, time)
    assert 0 < without < len(venues)  # the Amur Bridge museum is far from the others


def english_prose(element, lang: str) -> list[str]:
    """Latin words in `element` outside what is marked as another language (lang="en", "ru", "zxx"
    for addresses and numbers) or not for translation (translate="no": brand names)."""
    element = copy.copy(element)
    for other in element.select("[lang], [translate=no]"):
        if other.decomposed:  # inside one removed already
            continue
        if other.get("lang", lang) != lang or other.get("translate") == "no":
            other.decompose()
    return [word for word in PROSE_WORD.findall(element.get_text(" ")) if len(word) > 1 and word not in UNIT_SYMBOLS]


def test_the_prose_measure_finds_english():
    page = BeautifulSoup('<article>住所 Shevchenko St <span lang="en">11 Shevchenko St</span> KHL '
                         '<a translate="no">Googleマップ</a></article>', "html.parser")
    assert english_prose(page.article, "zh") == ["Shevchenko", "St"]


def _prose_on_venue_pages(site: BuiltSite, venues, lang: str) -> dict[str, list[str]]:
    found = {}
    for venue in venues.values():
        url = f"{PREFIX[lang]}venues/{venue.id}/"
        words = english_prose(site.page(url).select_one("article"), lang)
        if words:
            found[url] = words
    return found


@pytest.mark.parametrize("lang", CJK)
def test_no_english_prose_on_venue_pages(practical_site, venues, lang):
    assert _prose_on_venue_pages(practical_site, venues, lang) == {}


@pytest.mark.parametrize("lang", CJK)
def test_no_english_prose_on_the_real_site_s_venue_pages(site, venues, lang):
    """The same on the real site, where venue pages also list their events."""
    assert _prose_on_venue_pages(site, venues, lang) == {}


def _map_context(lang: str) -> MapContext:
    return MapContext(lang=lang, strings={key: texts[lang] for key, texts in STRINGS.items()},
                      tiles=Tiles("https://t/{z}/{x}/{y}.png", "A"), prefix=PREFIX[lang],
                      page_urls={})


@pytest.mark.parametrize("lang", CJK)
def test_popups_are_in_the_map_s_language(venues, lang):
    ctx = _map_context(lang)
    for venue in [venue for venue in venues.values() if venue.address.shown_in(lang) == lang]:
        popup = BeautifulSoup(venue_popup(ctx, venue), "html.parser").select_one(".map-popup")
        assert popup["lang"] == lang
        assert getattr(venue.address, lang) in popup.get_text()
        # and the Russian address, for a taxi driver (a Chinese visitor offline found only 舍甫琴科街11号)
        assert [span.get_text() for span in popup.select('span[lang="ru"]')] == [venue.address.ru]
        assert english_prose(popup, lang) == [], venue.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_partner_citys_popup_says_its_relationship_is_paused(lang):
    """A Niigata official's map showed Niigata as a sister city since 1965 and not that exchanges have
    been on hold since March 2022, which its page and the list of partner cities say."""
    paused = [partner for partner in load_site_data(ROOT / "data").partners.values() if partner.pauses()]
    assert len(paused) >= 2  # Victoria suspended, Niigata's exchanges on hold
    for partner in paused:
        text = plain(BeautifulSoup(partner_popup(_map_context(lang), partner), "html.parser").get_text())
        for pause, date in partner.pauses():
            assert plain(STRINGS[f"{pause}_value"][lang].format(date=format_since(date, lang))) in text


def test_a_popup_marks_english_standing_in_for_a_missing_translation(venues):
    venue = venues["grodekov-museum"]
    untranslated = type(venue.address)(en=venue.address.en, ru=venue.address.ru)
    stand_in = copy.copy(venue)
    object.__setattr__(stand_in, "address", untranslated)
    popup = BeautifulSoup(venue_popup(_map_context("ja"), stand_in), "html.parser").select_one(".map-popup")
    assert popup["lang"] == "ja"
    assert [(span["lang"], span.get_text()) for span in popup.select("span[lang]")] == [
        ("en", venue.address.en), ("ru", venue.address.ru)]
    assert english_prose(popup, "ja") == []
