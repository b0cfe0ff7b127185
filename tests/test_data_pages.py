"""The pages, calendars, JSON-LD and open data the build makes from data/*.yml, as a visitor gets them.

The project is built once (build date 2026-11-26) with the small data set of tests/data_fixture/
plus one event whose texts are full of HTML, Markdown and iCalendar syntax, which must all show
literally. Expected dates and names come from Babel and the fixture, not from the code under test.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from babel import Locale

from citysite.data import load_site_data
from citysite.data.geo import KHABAROVSK_CENTRE
from citysite.places import distance_km
from tests.conftest import ROOT, run_mkdocs_build
from tests.helpers import LANGUAGES, BuiltSite, main_text, resolve

FIXTURE = Path(__file__).parent / "data_fixture"
PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
NASTY_TITLE = "</title><script>alert(1)</script> *bold* _x_ :smile: [a](https://x.org) {: .red } | b |"
NASTY_SUMMARY = "First </script><!-- map --> paragraph, with a comma; and END:VEVENT\nBEGIN:VEVENT\n\n??? note\n# not a heading"
NASTY_EVENT = f"""
- id: nasty
  title: {{en: {json.dumps(NASTY_TITLE)}, ru: "Кавычки \\" и & амперсанд"}}
  summary: {{en: {json.dumps(NASTY_SUMMARY)}, ru: Описание}}
  start: "2026-12-01 10:00"
  end: "2026-12-01 12:00"
  venues: [komsomolskaya-square]
  category: festival
  sources: ["seed"]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuiltSite:
    project = tmp_path_factory.mktemp("data-pages") / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, project, ignore=ignore)
    for name in ("venues.yml", "partners.yml", "events.yml"):
        shutil.copy(FIXTURE / name, project / "data" / name)
    with (project / "data" / "events.yml").open("a", encoding="utf-8") as events:
        events.write(NASTY_EVENT)
    site_dir = project.parent / "site"
    # Not --strict: hand-written pages link to venues and cities the small fixture lacks.
    result = run_mkdocs_build(project, site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    own = [line for line in result.stderr.splitlines()
           if line.startswith("WARNING") and re.search(r"Doc file '(\w\w/)?(events|venues|partners)/", line)]
    assert not own, "warnings about the generated pages:\n" + "\n".join(own)
    return BuiltSite(site_dir, build_log=result.stderr)


@pytest.fixture(scope="module")
def data():
    return load_site_data(FIXTURE)


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2009", " ")


def facts(site: BuiltSite, url: str) -> dict[str, str]:
    """The "Label: value" lines at the top of a generated page."""
    result = {}
    for item in site.page(url).select("article li"):
        label = item.find("strong")
        if label is not None:
            result[label.get_text().rstrip(":：")] = plain(item.get_text(" ", strip=True).split(label.get_text(), 1)[1].strip())
    return result


# --- a page per entry, in every language ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_has_a_page_in_every_language(built, data, lang):
    entries = [("events", data.events), ("venues", data.venues), ("partners", data.partners)]
    for section, records in entries:
        for record in records.values():
            url = f"{PREFIX[lang]}{section}/{record.id}/"
            page = built.page(url)
            name = (record.title if section == "events" else record.name)[lang]
            assert page.find("html")["lang"] == lang
            assert page.select_one("article h1").get_text().rstrip("¶") == name, url
            back = page.select_one("article h1 ~ p a")
            assert resolve(url, back["href"]) == f"{PREFIX[lang]}{section}/", url


@pytest.mark.parametrize(
    ("lang", "when", "where", "category"),
    [
        ("en", "May 25, 2019, 6:00 – 9:00 PM (Khabarovsk time, UTC+10)", "Lenin Square", "Concert"),
        ("ru", "25 мая 2019 г., 18:00–21:00 (по хабаровскому времени, UTC+10)", "Площадь Ленина", "Концерт"),
        ("zh", "2019年5月25日 18:00–21:00 (哈巴罗夫斯克时间，UTC+10)", "列宁广场", "音乐会"),
        ("ko", "2019년 5월 25일 오후 6:00~9:00 (하바롭스크 시간, UTC+10)", "레닌 광장", "공연"),
    ],
)
def test_event_page_facts(built, lang, when, where, category):
    strings = {"en": ("When", "Where", "Category"), "ru": ("Когда", "Где", "Категория"),
               "zh": ("时间", "地点", "类别"), "ko": ("일시", "장소", "분류")}[lang]
    found = facts(built, f"{PREFIX[lang]}events/harbin-concert-2019/")
    assert found[strings[0]].replace("—", "–") == when
    assert found[strings[1]] == where
    assert found[strings[2]] == category


def test_repeating_event_shows_its_next_date(built):
    # City Day: the last Sunday of May; after 2026-11-26 that is 30 May 2027.
    assert facts(built, "ru/events/city-day/")["Ближайшая дата"] == "30 мая 2027 г."
    assert facts(built, "ja/events/city-day/")["次回"] == "2027年5月30日"
    assert facts(built, "events/city-day/")["Repeats"] == "every year"


def test_event_links_to_its_venues_and_partner_cities(built):
    page = built.page("events/city-day/")
    links = {a.get_text(): resolve("events/city-day/", a["href"]) for a in page.select("article li a")}
    assert links["Lenin Square"] == "venues/lenin-square/"
    assert links["Komsomolskaya Square"] == "venues/komsomolskaya-square/"
    assert links["Harbin"] == "partners/harbin/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_list_upcoming_first_then_archive_by_year_and_month(built, lang):
    url = f"{PREFIX[lang]}events/"
    page = built.page(url)
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2, article h3, article h4")]
    months = {"en": "August 2019", "ru": "Август 2019 г.", "zh": "2019年8月", "ja": "2019年8月", "ko": "2019년 8월"}
    assert plain(headings[2]) == "2019" or headings[2].startswith("2019")
    assert plain(headings[3]) == months[lang]  # newest month first
    items = [resolve(url, a["href"]) for a in page.select("article li a[href]")]
    prefix = f"{PREFIX[lang]}events/"
    # Upcoming: the nasty event (1 Dec 2026), the winter festival (20 Dec), City Day (30 May 2027).
    assert items[:3] == [f"{prefix}nasty/", f"{prefix}winter-festival-2026/", f"{prefix}city-day/"]
    assert items[3:] == [f"{prefix}{i}/" for i in (
        "youth-exchange-2019", "delegation-to-harbin-2019", "harbin-concert-2019", "forum-2019")]
    assert all(built.exists(item) for item in items)


def test_events_list_appears_once_and_after_the_intro(built):
    page = built.page("events/")
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    assert headings == ["Upcoming events", "Archive"]
    text = main_text(page)
    assert text.index("Times are Khabarovsk time") < text.index("Upcoming events ¶")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_page(built, data, lang):
    harbin = data.partners["harbin"]
    found = facts(built, f"{PREFIX[lang]}partners/harbin/")
    values = list(found.values())
    assert values[0] == Locale.parse(lang).territories["CN"]  # country, named by Babel
    assert values[1] == {"en": "Sister city", "ru": "Город-побратим", "zh": "友好城市", "ja": "姉妹都市", "ko": "자매도시"}[lang]
    assert values[2] == {"en": "June 15, 1993", "ru": "15 июня 1993 г.", "zh": "1993年6月15日",
                         "ja": "1993年6月15日", "ko": "1993년 6월 15일"}[lang]
    km = round(distance_km(harbin.lat, harbin.lon), -1)
    assert re.sub(r"\D", "", values[3]) == str(int(km))
    timeline = [a["href"] for a in built.page(f"{PREFIX[lang]}partners/harbin/").select("article h2 + ul a")]
    assert [h.split("/")[-2] for h in timeline] == ["harbin-concert-2019", "delegation-to-harbin-2019", "city-day"]


def test_haversine_distance():
    assert distance_km(KHABAROVSK_CENTRE[0], KHABAROVSK_CENTRE[1]) == 0
    assert distance_km(0, 0, (0, 1)) == pytest.approx(111.195, abs=0.01)
    assert distance_km(0, 0, (90, 0)) == pytest.approx(10007.5, abs=0.1)  # equator to pole


@pytest.mark.parametrize("lang", LANGUAGES)
def test_venue_page(built, lang):
    url = f"{PREFIX[lang]}venues/komsomolskaya-square/"
    text = main_text(built.page(url))
    assert "ул. Муравьёва-Амурского" in text  # the Russian address, for a taxi driver
    links = [resolve(url, a["href"]) for a in built.page(url).select("article h2 + ul a")]
    events = [link for link in links if "events/" in link]
    assert events == [f"{PREFIX[lang]}events/nasty/", f"{PREFIX[lang]}events/city-day/"]  # next date first


def test_generated_markdown_has_the_map_marker_where_the_maps_go():
    import datetime as dt

    from citysite.generated import make_outputs
    from citysite.languages import load_ui_strings

    outputs = make_outputs(load_site_data(FIXTURE), load_ui_strings(ROOT),
                           "https://khabarovsk.example.org/", dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    venue = outputs.pages["ru/venues/lenin-square.md"]
    assert venue.count("\n<!-- map -->\n") == 1
    assert venue.index("Адрес") < venue.index("<!-- map -->")
    for section in ("venues", "partners"):
        listing = outputs.listings[f"ko/{section}/index.md"]
        assert listing.startswith("<!-- map -->\n\n## ")  # right before the list that is its text version


def test_venues_grouped_by_category_and_partners_by_status_and_country(built):
    venues = [h.get_text().rstrip("¶") for h in built.page("ru/venues/").select("article h2")]
    assert venues == ["Площади и улицы"]
    partners = [h.get_text().rstrip("¶") for h in built.page("zh/partners/").select("article h2, article h3")]
    assert partners == ["友好城市", "中国", "友好交流城市", "日本"]


# --- data text shows literally everywhere -------------------------------------------------------------

def test_data_text_is_escaped_in_html(built):
    html = built.text("events/nasty/")
    assert "<script>alert" not in html and "</title><script>" not in html
    page = built.page("events/nasty/")
    assert page.select_one("article h1").get_text().rstrip("¶") == NASTY_TITLE
    assert page.title.get_text() == f"{NASTY_TITLE} - Khabarovsk"
    assert page.select_one("article").find_all(["em", "strong"], string=re.compile("bold|x")) == []
    assert "First </script><!-- map --> paragraph" in main_text(page)
    assert "Кавычки \" и & амперсанд" == built.page("ru/events/nasty/").select_one("article h1").get_text().rstrip("¶")
    listing = built.page("events/")
    assert NASTY_TITLE in [a.get_text() for a in listing.select("article li a")]


def jsonld(site: BuiltSite, url: str) -> dict:
    scripts = site.page(url).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, url
    return json.loads(scripts[0].string)


def test_event_json_ld(built, data):
    value = jsonld(built, "ru/events/harbin-concert-2019/")
    assert value["@context"] == "https://schema.org" and value["@type"] == "Event"
    assert value["name"] == "Артисты из Харбина на Дне города"
    assert value["startDate"] == "2019-05-25T18:00:00+10:00" and value["endDate"] == "2019-05-25T21:00:00+10:00"
    venue = data.venues["lenin-square"]
    assert value["location"]["@type"] == "Place"
    assert value["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": venue.lat, "longitude": venue.lon}
    assert value["url"] == "https://khabarovsk.example.org/ru/events/harbin-concert-2019/"
    city_day = jsonld(built, "events/city-day/")
    assert city_day["startDate"] == "2027-05-30" and city_day["eventSchedule"]["repeatFrequency"] == "P1Y"
    abroad = jsonld(built, "events/delegation-to-harbin-2019/")
    assert abroad["location"]["address"]["addressCountry"] == "CN"


def test_venue_json_ld(built, data):
    value = jsonld(built, "zh/venues/komsomolskaya-square/")
    assert value["@type"] == "TouristAttraction"
    assert value["name"] == "共青团广场"
    assert value["geo"]["latitude"] == data.venues["komsomolskaya-square"].lat
    assert value["maximumAttendeeCapacity"] == 5000


def test_json_ld_cannot_close_its_script(built):
    html = built.text("events/nasty/")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script
    assert json.loads(script)["name"] == NASTY_TITLE


def test_no_json_ld_on_other_pages(built):
    assert not built.page("events/").select('script[type="application/ld+json"]')
    assert not built.page("partners/harbin/").select('script[type="application/ld+json"]')


# --- iCalendar ------------------------------------------------------------------------------------------

def calendar(site: BuiltSite, url: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(site.path_of(url).read_bytes())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_feed_per_language(built, data, lang):
    feed = calendar(built, f"{PREFIX[lang]}events/events.ics")
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    # Month- and year-precision events are left out (no day to put them on).
    assert set(events) == {f"{i}@khabarovsk.example.org" for i in (
        "city-day", "harbin-concert-2019", "delegation-to-harbin-2019", "winter-festival-2026", "nasty")}
    assert [tz["TZID"] for tz in feed.walk("VTIMEZONE")] == ["Asia/Vladivostok"]
    concert = events["harbin-concert-2019@khabarovsk.example.org"]
    assert concert["DTSTART"].params["TZID"] == "Asia/Vladivostok"
    assert concert.decoded("DTSTART").isoformat() == "2019-05-25T18:00:00+10:00"
    assert str(concert["SUMMARY"]) == data.events["harbin-concert-2019"].title[lang]
    delegation = events["delegation-to-harbin-2019@khabarovsk.example.org"]
    assert str(delegation.decoded("DTSTART")) == "2019-06-15"
    assert str(delegation.decoded("DTEND")) == "2019-06-19"  # all day: the end is exclusive
    rule = events["city-day@khabarovsk.example.org"]["RRULE"]
    assert rule["FREQ"] == ["YEARLY"] and rule["BYDAY"] == ["-1SU"]


def test_calendar_text_round_trips(built):
    feed = calendar(built, "events/events.ics")
    nasty = next(e for e in feed.walk("VEVENT") if str(e["UID"]).startswith("nasty@"))
    assert str(nasty["SUMMARY"]) == NASTY_TITLE
    assert str(nasty["DESCRIPTION"]).startswith("First </script><!-- map --> paragraph, with a comma; and END:VEVENT BEGIN:VEVENT")
    assert len(list(feed.walk("VEVENT"))) == 5  # the END:VEVENT in the text did not end anything


def test_add_to_calendar_link_gives_one_event(built):
    page = built.page("ko/events/harbin-concert-2019/")
    link = page.select_one('article a[href$=".ics"]')
    target = resolve("ko/events/harbin-concert-2019/", link["href"])
    assert target == "ko/events/harbin-concert-2019.ics"
    single = calendar(built, target)
    assert [str(e["UID"]) for e in single.walk("VEVENT")] == ["harbin-concert-2019@khabarovsk.example.org"]
    assert not built.page("events/youth-exchange-2019/").select('article a[href$=".ics"]')  # month only


# --- open data ----------------------------------------------------------------------------------------

def test_open_data_once_at_the_root(built, data):
    venues = json.loads(built.text("data/venues.geojson"))
    assert venues["type"] == "FeatureCollection"
    lenin = next(f for f in venues["features"] if f["properties"]["id"] == "lenin-square")
    assert lenin["geometry"] == {"type": "Point", "coordinates": [data.venues["lenin-square"].lon, data.venues["lenin-square"].lat]}
    assert lenin["properties"]["name"]["ja"] == "レーニン広場"
    partners = json.loads(built.text("data/partners.geojson"))
    harbin = next(f for f in partners["features"] if f["properties"]["id"] == "harbin")
    assert harbin["properties"]["country_name"]["ru"] == "Китай"
    events = json.loads(built.text("data/events.json"))["events"]
    city_day = next(e for e in events if e["id"] == "city-day")
    assert city_day["title"]["ko"] == "도시의 날" and city_day["next"]["start"] == "2027-05-30"
    assert city_day["url"]["ru"] == "https://khabarovsk.example.org/ru/events/city-day/"
    for lang in LANGUAGES[1:]:
        assert not built.exists(f"{lang}/data/events.json")


def test_open_data_links_resolve_in_every_language(built):
    for lang in LANGUAGES:
        url = f"{PREFIX[lang]}venues/"
        links = [resolve(url, a["href"]) for a in built.page(url).select('article a[href$=".geojson"]')]
        assert links == ["data/venues.geojson"]


def test_text_in_another_language_is_marked_as_such(built):
    # Lenin Square has no Chinese description in the fixture: the English one is shown, marked.
    page = built.page("zh/venues/lenin-square/")
    assert [p.get_text() for p in page.select('article p[lang="en"]')] == ["The main square of the city, with fountains."]
    russian = built.page("ja/venues/lenin-square/").select('article [lang="ru"]')
    assert [element.get_text() for element in russian] == ["ул. Муравьёва-Амурского / ул. Карла Маркса"]
    # Where a translation exists nothing is marked.
    assert not built.page("zh/venues/komsomolskaya-square/").select('article p[lang]')
