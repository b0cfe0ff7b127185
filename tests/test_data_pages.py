"""The pages, calendars, JSON-LD and open data the build makes from data/*.yml, as a visitor gets them.

The project is built once (build date 2026-11-26) with the small data set of tests/data_fixture/
plus one event whose texts are full of HTML, Markdown and iCalendar syntax, which must all show
literally. Expected dates and names come from Babel and the fixture, not from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from babel import Locale
from pydantic import TypeAdapter

from citysite.data import load_site_data
from citysite.data.geo import KHABAROVSK_CENTRE
from citysite.data.model import Text
from citysite.places import distance_km
from tests.conftest import ROOT, copy_project, run_mkdocs_build
from tests.helpers import LANGUAGES, BuiltSite, main_text, plain, resolve

FIXTURE = Path(__file__).parent / "data_fixture"
PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
NASTY_TITLE = "</title><script>alert(1)</script> *bold* _x_ :smile: [a][x] {: .red } | b |"  # [a](https://…): refused
NASTY_SUMMARY = "First </script><!-- map --> paragraph, with a comma; and END:VEVENT\nBEGIN:VEVENT\n\n??? note\n# not a heading"
NASTY_EVENT = f"""
- id: nasty
  title: {{en: {json.dumps(NASTY_TITLE)}, ru: "Кавычки \\" и & амперсанд"}}
  summary: {{en: {json.dumps(NASTY_SUMMARY)}, ru: Описание}}
  category: festival
  usually:
    date: "12-01"
    time: "10:00"
  venues: [komsomolskaya-square]
  sources: ["seed"]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("data-pages") / "project")
    for name in ("venues.yml", "partners.yml", "events.yml", "chronicle.yml", "routes.yml"):
        shutil.copy(FIXTURE / name, project / "data" / name)
    with (project / "data" / "events.yml").open("a", encoding="utf-8") as events:
        events.write(NASTY_EVENT)
    site_dir = project.parent / "site"
    # Not --strict: hand-written pages link to venues and cities the small fixture lacks.
    result = run_mkdocs_build(project, site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    own = [line for line in result.stderr.splitlines()
           if line.startswith("WARNING") and re.search(r"Doc file '(\w\w/)?(events|venues|partners|cooperation/chronicle)/", line)]
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
    entries = [("events", data.events), ("venues", data.venues), ("partners", data.partners),
               ("cooperation/chronicle", data.chronicle)]
    for section, records in entries:
        for record in records.values():
            url = f"{PREFIX[lang]}{section}/{record.id}/"
            page = built.page(url)
            name = (record.title if section in ("events", "cooperation/chronicle") else record.name)[lang]
            assert page.find("html")["lang"] == lang
            assert page.select_one("article h1").get_text().rstrip("¶") == name, url
            back = page.select_one("article h1 ~ p a")
            assert resolve(url, back["href"]) == f"{PREFIX[lang]}{section}/", url


@pytest.mark.parametrize(
    ("lang", "when", "where", "category"),
    [
        ("en", "25 May 2019, 18:00–21:00 (Khabarovsk time, UTC+10)", "Lenin Square", "Concert"),
        ("ru", "25 мая 2019 г., 18:00–21:00 (по хабаровскому времени, UTC+10)", "Площадь Ленина", "Концерт"),
        ("zh", "2019年5月25日 18:00–21:00（哈巴罗夫斯克时间，UTC+10）", "列宁广场", "音乐会"),
        ("ko", "2019년 5월 25일 18:00~21:00(하바롭스크 시간, UTC+10)", "레닌 광장", "공연"),
    ],
)
def test_event_page_facts(built, lang, when, where, category):
    strings = {"en": ("When", "Where", "Category"), "ru": ("Когда", "Где", "Категория"),
               "zh": ("时间", "地点", "类别"), "ko": ("일시", "장소", "분류")}[lang]
    found = facts(built, f"{PREFIX[lang]}cooperation/chronicle/harbin-concert-2019/")
    assert found[strings[0]].replace("—", "–") == when
    assert found[strings[1]] == where
    assert found[strings[2]] == category


def test_yearly_event_shows_its_announced_dates_and_its_usual_timing(built):
    # City Day: usually the last Sunday of May; the fixture announces 29-30 May 2027.
    assert facts(built, "ru/events/city-day/")["Ближайшая дата"] == "29–30 мая 2027 г."
    # with the weekdays, as Japanese sites write them (a native Japanese review); Russian ranges without
    assert facts(built, "ja/events/city-day/")["次回"] == "2027年5月29日（土）～30日（日）"
    assert facts(built, "zh/events/city-day/")["下次举办"] == "2027年5月29日（周六）至5月30日（周日）"
    assert facts(built, "events/city-day/")["Next date"] == "Sat, 29 May – Sun, 30 May 2027"
    found = facts(built, "events/city-day/")
    assert found["Usually"] == "every year on the last Sunday of May"
    assert found["Admission"] == "Free" and found["Organiser"] == "Khabarovsk City Administration"
    assert facts(built, "ru/events/city-day/")["Обычно"] == "каждый год в последнее воскресенье мая"
    # Only a month is known: the usual period, said to be the usual one.
    assert facts(built, "events/museum-night/")["Next date"] == (
        "mid-May 2027 (the usual period; the dates have not been announced yet)")
    heading = next(h2 for h2 in built.page("events/city-day/").select("article h2")
                   if h2.get_text().rstrip("¶") == "Past editions")
    history = [li.get_text(" ", strip=True) for li in heading.find_next_sibling("ul").select("li")
               if "2025" in li.get_text() or "2020" in li.get_text()]
    assert history == ["25 May 2025", "May 2020: cancelled"]


def test_event_links_to_its_venues_and_the_chronicle_to_partner_cities(built):
    page = built.page("events/city-day/")
    links = {a.get_text(): resolve("events/city-day/", a["href"]) for a in page.select("article li a")}
    assert links["Lenin Square"] == "venues/lenin-square/"
    assert links["Komsomolskaya Square"] == "venues/komsomolskaya-square/"
    assert links["Holiday"] == "events/category/holiday/"
    url = "cooperation/chronicle/harbin-concert-2019/"
    links = {a.get_text(): resolve(url, a["href"]) for a in built.page(url).select("article li a")}
    assert links["Harbin"] == "partners/harbin/" and links["Lenin Square"] == "venues/lenin-square/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_list_the_next_12_months_by_season_and_month(built, lang):
    url = f"{PREFIX[lang]}events/"
    page = built.page(url)
    ids = {h.get("id") for h in page.select("article h2, article h3")}
    assert {"winter-2026", "2026-12", "spring-2027", "2027-05"} <= ids
    prefix = f"{PREFIX[lang]}events/"
    items = [resolve(url, a["href"]) for a in page.select("article li a")]
    titles = [item for item in items if item.startswith(prefix) and item.count("/") == prefix.count("/") + 1]
    # 1 Dec (usual day), 20 Dec (an edition), 1 May (Easter, moveable), mid-May (usual), 29 May (an edition)
    assert titles == [f"{prefix}{i}/" for i in ("nasty", "winter-festival", "easter-service", "museum-night", "city-day")]
    month_links = [resolve(url, a["href"]) for a in page.select("article p a[href^='#']")]
    assert month_links == [f"{url}#2026-12", f"{url}#2027-05"]
    assert all(built.exists(item) for item in titles)


def test_events_list_says_when_dates_are_the_usual_ones_and_links_calendars(built):
    page = built.page("events/")
    entries = {li.select_one("a").get_text(): li for li in page.select("article li") if li.select_one("a")}
    assert " (usually)" in entries["Museum night"].get_text() and not entries["Museum night"].select('a[href$=".ics"]')
    assert "(usually)" not in entries["City Day"].get_text()  # announced
    assert [resolve("events/", a["href"]) for a in entries["City Day"].select('a[href$=".ics"]')] == ["events/city-day.ics"]
    assert "Tickets required" in entries["Museum night"].get_text() and "Free" in entries["City Day"].get_text()
    assert "26 November 2026" in main_text(page)  # "as of" the build date


def test_category_pages_filter_without_a_script(built):
    url = "events/category/religious/"
    links = [resolve(url, a["href"]) for a in built.page(url).select("article li a")]
    assert [link for link in links if link.startswith("events/") and "category" not in link
            and not link.endswith(".ics")] == ["events/easter-service/"]
    filters = [resolve("events/", a["href"]) for a in built.page("events/").select("article p a[href*='category/']")]
    assert filters == [f"events/category/{c}/" for c in ("holiday", "festival", "museum", "religious")]
    assert all(built.exists(link) for link in filters)
    line = " ".join(built.page("events/").select_one("article p a[href*='category/']").parent.get_text().split())
    assert re.search(r"Holiday \(\d+\) · Festival \(\d+\)", line), line  # «Holiday(5)» had lost its space


def test_events_list_appears_once_and_after_the_intro(built):
    page = built.page("events/")
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    assert headings == ["Winter 2026/27", "Spring 2027", "Delegations and official events of 2019"]
    text = main_text(page)
    assert text.index("Times are Khabarovsk time") < text.index("Winter 2026/27 ¶")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_page(built, data, lang):
    harbin = data.partners["harbin"]
    found = facts(built, f"{PREFIX[lang]}partners/harbin/")
    values = list(found.values())
    assert values[0] == Locale.parse(lang).territories["CN"]  # country, named by Babel
    assert values[1] == {"en": "Sister city", "ru": "Город-побратим", "zh": "友好城市", "ja": "姉妹都市", "ko": "자매도시"}[lang]
    assert values[2] == {"en": "15 June 1993", "ru": "15 июня 1993 г.", "zh": "1993年6月15日",
                         "ja": "1993年6月15日", "ko": "1993년 6월 15일"}[lang]
    km = round(distance_km(harbin.lat, harbin.lon), -1)
    assert re.sub(r"\D", "", values[3]) == str(int(km))
    timeline = [a["href"] for a in built.page(f"{PREFIX[lang]}partners/harbin/").select("article h2 + ul a")]
    assert [h.split("/")[-2] for h in timeline] == ["harbin-concert-2019", "delegation-to-harbin-2019"]
    assert all(resolve(f"{PREFIX[lang]}partners/harbin/", h).startswith(f"{PREFIX[lang]}cooperation/chronicle/")
               for h in timeline)


def test_haversine_distance():
    assert distance_km(KHABAROVSK_CENTRE[0], KHABAROVSK_CENTRE[1]) == 0
    assert distance_km(0, 0, (0, 1)) == pytest.approx(111.195, abs=0.01)
    assert distance_km(0, 0, (90, 0)) == pytest.approx(10007.5, abs=0.1)  # equator to pole


@pytest.mark.parametrize("lang", LANGUAGES)
def test_venue_page(built, lang):
    url = f"{PREFIX[lang]}venues/komsomolskaya-square/"
    text = main_text(built.page(url))
    assert "ул. Муравьёва-Амурского" in plain(text)  # the Russian address, for a taxi driver
    links = [resolve(url, a["href"]) for a in built.page(url).select("article h2 + ul a")]
    events = [link for link in links if "events/" in link and not link.endswith(".ics")]
    assert events == [f"{PREFIX[lang]}events/{i}/" for i in ("nasty", "easter-service", "museum-night", "city-day")]


def test_generated_markdown_has_the_map_marker_where_the_maps_go():
    import datetime as dt

    from citysite.generated import make_outputs
    from citysite.languages import load_ui_strings

    outputs = make_outputs(load_site_data(FIXTURE), load_ui_strings(ROOT),
                           "https://khabarovsk.example.org/", dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    venue = outputs.pages["ru/venues/lenin-square.md"]
    assert venue.count("\n<!-- map -->\n") == 1
    assert venue.index("Адрес") < venue.index("<!-- map -->")
    # Right before the list that is its text version; on the list of places, with the button that
    # lists the places nearest to the visitor between them.
    assert outputs.listings["ko/partners/index.md"].startswith("<!-- map -->\n\n## ")
    assert re.match(r'<!-- map -->\n\n<div class="near-me"[^>]*>.*?</div>\n\n<script [^>]*></script>\n\n+## ',
                    outputs.listings["ko/venues/index.md"], re.S)


def test_a_place_not_yet_named_in_a_language_comes_last_in_its_group():
    """A new museum named in English only came first on the Chinese list (Latin before Han)."""
    import dataclasses

    from citysite.languages import load_ui_strings
    from citysite.pages.common import PageContext
    from citysite.pages.venues import venues_listing

    data = load_site_data(ROOT / "data")
    museum = next(venue for venue in data.venues.values() if venue.category == "museum")
    renamed = dataclasses.replace(museum, name=TypeAdapter(Text).validate_python({"en": "Aaa Museum", "ru": "Музей"}))
    data = dataclasses.replace(data, venues={**data.venues, museum.id: renamed})
    listing = venues_listing(PageContext(data, dt.date(2026, 12, 7), load_ui_strings(ROOT)), "zh")
    group = listing.split(f'href="{museum.id}/"')[1].split("</ul>")[0]
    assert 'href="' not in group  # no other place of its group after it


def test_a_first_sentence_ends_where_a_sentence_does():
    text = TypeAdapter(Text).validate_python({
        "en": "A house by the square. A museum since 1998.", "ru": "Дом, построенный в 1902 г. у площади. Музей.",
        "zh": "商人宅邸。1998年起为博物馆。", "ja": "商人の館です。1998年から博物館です。", "ko": "상인 저택입니다. 2019년에는 무대였습니다."})
    assert [text.first_sentence(lang) for lang in LANGUAGES] == [
        "A house by the square.", "Дом, построенный в 1902 г. у площади.", "商人宅邸。", "商人の館です。", "상인 저택입니다."]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_places_card_says_what_the_place_is(built, data, lang):
    """A design review: the cards of /venues/ gave a name and an address, nothing to choose by. Each
    now has its description's first sentence."""
    page = built.page(("" if lang == "en" else f"{lang}/") + "venues/")
    for venue in data.venues.values():
        card = next(li for li in page.select("li.kh-card") if li.h3.a["href"] == f"{venue.id}/")
        text = card.select_one(".kh-card__text").get_text()
        assert text == venue.description.first_sentence(lang) and venue.description[lang].strip().startswith(text)


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
    assert page.select_one("article").find_all(["em", "strong"], string=re.compile(r"^(bold|x)$")) == []
    assert "First </script><!-- map --> paragraph" in main_text(page)
    assert "Кавычки \" и & амперсанд" == built.page("ru/events/nasty/").select_one("article h1").get_text().rstrip("¶")
    listing = built.page("events/")
    assert NASTY_TITLE in [a.get_text() for a in listing.select("article li a")]


def jsonld(site: BuiltSite, url: str) -> dict:
    scripts = site.page(url).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, url
    return json.loads(scripts[0].string)


def test_event_json_ld(built, data):
    value = jsonld(built, "ru/events/easter-service/")
    assert value["@context"] == "https://schema.org" and value["@type"] == "Event"
    assert value["name"] == "Пасхальное богослужение"
    assert value["startDate"] == "2027-05-01T23:00:00+10:00" and "endDate" not in value  # no end given
    assert value["eventStatus"] == "https://schema.org/EventScheduled"
    venue = data.venues["komsomolskaya-square"]
    assert value["location"]["@type"] == "Place" and value["location"]["address"]["streetAddress"]
    assert value["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": venue.lat, "longitude": venue.lon}
    assert value["url"] == "https://khabarovsk.example.org/ru/events/easter-service/" and value["inLanguage"] == "ru"
    city_day = jsonld(built, "events/city-day/")
    assert (city_day["startDate"], city_day["endDate"]) == ("2027-05-29", "2027-05-30")  # the announced edition
    assert city_day["organizer"]["name"] == "Khabarovsk City Administration"
    assert city_day["offers"]["price"] == 0 and city_day["isAccessibleForFree"] is True
    assert len(city_day["location"]) == 2  # two venues, each a Place
    concert = jsonld(built, "ru/cooperation/chronicle/harbin-concert-2019/")
    assert concert["startDate"] == "2019-05-25T18:00:00+10:00" and concert["endDate"] == "2019-05-25T21:00:00+10:00"
    abroad = jsonld(built, "cooperation/chronicle/delegation-to-harbin-2019/")
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
    assert not built.page("events/museum-night/").select('script[type="application/ld+json"]')  # no day known


# --- iCalendar ------------------------------------------------------------------------------------------

def calendar(site: BuiltSite, url: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(site.path_of(url).read_bytes())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_feed_per_language(built, data, lang):
    feed = calendar(built, f"{PREFIX[lang]}events/events.ics")
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    # Days known: a rule (with its announced year taken out and given as dated), a fixed day, an
    # edition of a season, a feast that moves with Easter. A month alone is left out (museum-night).
    assert set(events) == {f"{i}@khabarovsk.example.org" for i in (
        "city-day", "city-day-2027", "nasty", "winter-festival-2026", "easter-service-2027")}
    assert [tz["TZID"] for tz in feed.walk("VTIMEZONE")] == ["Asia/Vladivostok"]
    rule = events["city-day@khabarovsk.example.org"]
    assert rule["RRULE"]["FREQ"] == ["YEARLY"] and rule["RRULE"]["BYDAY"] == ["-1SU"]
    assert str(rule.decoded("DTSTART")) == "2027-05-30"
    assert [d.dt for d in rule["EXDATE"].dts] == [dt.date(2027, 5, 30)]  # the announced edition replaces it
    edition = events["city-day-2027@khabarovsk.example.org"]
    assert (str(edition.decoded("DTSTART")), str(edition.decoded("DTEND"))) == ("2027-05-29", "2027-05-31")
    easter = events["easter-service-2027@khabarovsk.example.org"]
    assert easter["DTSTART"].params["TZID"] == "Asia/Vladivostok"
    assert easter.decoded("DTSTART").isoformat() == "2027-05-01T23:00:00+10:00"
    assert str(easter["SUMMARY"]) == data.events["easter-service"].title[lang]
    winter = events["winter-festival-2026@khabarovsk.example.org"]
    assert (str(winter.decoded("DTSTART")), str(winter.decoded("DTEND"))) == ("2026-12-20", "2027-01-11")


def test_calendar_text_round_trips(built):
    feed = calendar(built, "events/events.ics")
    nasty = next(e for e in feed.walk("VEVENT") if str(e["UID"]).startswith("nasty@"))
    assert str(nasty["SUMMARY"]) == NASTY_TITLE
    assert str(nasty["DESCRIPTION"]).startswith("First </script><!-- map --> paragraph, with a comma; and END:VEVENT BEGIN:VEVENT")
    assert len(list(feed.walk("VEVENT"))) == 5  # the END:VEVENT in the text did not end anything


def test_add_to_calendar_link_gives_one_event(built):
    page = built.page("ko/events/nasty/")
    link = page.select_one('article a[href$=".ics"]')
    target = resolve("ko/events/nasty/", link["href"])
    assert target == "ko/events/nasty.ics"
    single = calendar(built, target)
    assert [str(e["UID"]) for e in single.walk("VEVENT")] == ["nasty@khabarovsk.example.org"]
    assert not built.page("events/museum-night/").select('article a[href$=".ics"]')  # month only
    assert not built.exists("events/museum-night.ics")


def test_a_lists_calendar_links_are_named_with_their_events(built):
    """A screen reader's list of links read "Add to calendar" six times on /events/: each is named
    with its event, the visible words first."""
    links = built.page("events/").select('article .kh-card a[href$=".ics"]')
    assert links
    for link in links:
        assert link["aria-label"].startswith(link.get_text() + ": "), link
    assert any(NASTY_TITLE in link["aria-label"] for link in links)


def test_the_chronicle_keeps_its_old_addresses(built):
    for lang in LANGUAGES:
        old = f"{PREFIX[lang]}events/harbin-concert-2019/"
        page = built.page(old)
        new = f"{PREFIX[lang]}cooperation/chronicle/harbin-concert-2019/"
        assert page.find("html")["lang"] == lang
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        assert resolve(old, refresh.split("url=", 1)[1]) == new
        assert page.select_one('link[rel="canonical"]')["href"] == f"https://khabarovsk.example.org/{new}"
        assert resolve(old, page.select_one("a")["href"]) == new and built.exists(new)
    single = calendar(built, "events/harbin-concert-2019.ics")  # the old calendar file too
    assert [str(e["UID"]) for e in single.walk("VEVENT")] == ["harbin-concert-2019@khabarovsk.example.org"]
    sitemap = built.text("sitemap.xml")
    assert "/events/harbin-concert-2019/" not in sitemap and "/cooperation/chronicle/harbin-concert-2019/" in sitemap


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
    assert city_day["title"]["ko"] == "도시의 날" and city_day["upcoming"][0]["first"] == "2027-05-29"
    assert city_day["usually"] == {"kind": "rule", "rule": "FREQ=YEARLY;BYMONTH=5;BYDAY=-1SU"}
    chronicle = json.loads(built.text("data/chronicle.json"))["entries"]
    assert [e["id"] for e in chronicle] == list(data.chronicle)
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
    assert [element.get_text() for element in russian] == [  # the taxi card: the request, the name, the address
        "Отвезите меня по этому адресу, пожалуйста", "Площадь Ленина", "ул. Муравьёва-Амурского / ул. Карла Маркса"]
    # Where a translation exists nothing is marked.
    marked = built.page("zh/venues/komsomolskaya-square/").select('article p[lang]')
    assert [p for p in marked if not p.find_parent(class_="taxi-address")] == []  # the taxi card's Russian is meant
