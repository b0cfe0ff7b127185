"""Walking routes (data/routes.yml): checked like the other data files (a stop at an unknown venue
comes back with the file's line and the nearest id), distances and walking times that follow from
the venues' coordinates and say they are straight lines, and on the real site a page and a map
per route in every language, listed on /routes/ and in the navigation.

The map itself, in Chromium: tests/test_maps_browser.py; the map files: tests/test_maps.py.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from citysite.data import load_site_data
from citysite.data.schema import json_schemas
from citysite.languages import language_prefix, load_ui_strings
from citysite.pages.common import PageContext
from citysite.pages.routes import routes_in_order
from citysite.places import compass_point
from citysite.walking import (
    WALKING_SPEED_KMH,
    distance_text,
    minutes_text,
    route_km,
    route_legs,
    walking_minutes,
)
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, main_text, plain, resolve
from tests.test_data_validation import FIXTURE, edit, errors, line_of

STRINGS = load_ui_strings(ROOT)
NAV_NAMES = {"en": "Walking routes", "ru": "Маршруты", "zh": "步行路线", "ja": "散策ルート", "ko": "도보 코스"}
# Sources the research draft leaned on that the content rules exclude (a personal blog, travel and
# news aggregators): no route may cite them.
EXCLUDED_HOSTS = {"tanakaiku.sakura.ne.jp", "russiavibes.com", "tuturizm.ru", "khabarovsk-news.ru",
                  "transsibinfo.com"}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """The venues and the route of tests/data_fixture/, without events and partner cities (routes
    do not refer to them)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("venues", "routes"):
        shutil.copy(FIXTURE / f"{name}.yml", folder)
    for name in ("events", "partners"):  # the files a project must have
        (folder / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    return folder


def route_errors(folder: Path) -> list[str]:
    """The errors about data/routes.yml."""
    return [message for message in errors(folder) if message.startswith("data/routes.yml:")]


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The test's own great-circle distance (mean Earth radius 6371.0088 km)."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


# --- data/routes.yml as an editor writes it ---------------------------------------------------------

def test_a_stop_at_an_unknown_venue_names_the_line_and_the_nearest_id(data_dir):
    text = edit(data_dir, "routes.yml", "    - venue: lenin-square", "    - venue: lenin-sqare")
    found = route_errors(data_dir)
    line = line_of(text, "venue: lenin-sqare")
    assert found == [f"data/routes.yml:{line}: entry two-squares: unknown venue 'lenin-sqare'; "
                     "use an id from data/venues.yml (did you mean 'lenin-square'?)"]


def test_a_route_needs_two_stops(data_dir):
    text = edit(data_dir, "routes.yml", "    - venue: lenin-square\n      text: {en: End on the main square., "
                "ru: Закончите на главной площади.}\n", "")
    found = route_errors(data_dir)
    assert len(found) == 1 and found[0].startswith(f"data/routes.yml:{line_of(text, 'stops:')}: entry two-squares: ")
    assert "'stops' needs at least two stops" in found[0]


def test_the_same_venue_twice_in_a_row_is_an_error(data_dir):
    edit(data_dir, "routes.yml", "    - venue: lenin-square", "    - venue: komsomolskaya-square")
    found = route_errors(data_dir)
    assert len(found) == 1 and "entry two-squares: " in found[0]
    assert "stop 2 is the same venue as stop 1 ('komsomolskaya-square'); remove one of them" in found[0]


def test_an_unknown_field_in_a_stop_suggests_the_right_one(data_dir):
    text = edit(data_dir, "routes.yml", "    - venue: lenin-square", "    - venu: lenin-square")
    found = route_errors(data_dir)
    assert any(f"data/routes.yml:{line_of(text, 'venu: lenin-square')}: entry two-squares: unknown field "
               "'stops.venu'; did you mean 'venue'?" in message for message in found), found


def test_a_stop_text_without_a_translation_is_a_warning_at_its_line(data_dir):
    text = (data_dir / "routes.yml").read_text(encoding="utf-8")
    warnings = [str(w) for w in load_site_data(data_dir).warnings]
    line = line_of(text, "text: {en: End on the main square.")
    assert (f"data/routes.yml:{line}: entry two-squares: 'stops.text' has no zh, ja, ko text yet; "
            "English is shown instead") in warnings


def test_a_project_without_routes_needs_no_routes_file(data_dir):
    (data_dir / "routes.yml").unlink()
    assert load_site_data(data_dir).routes == {}


def test_the_schema_describes_a_route_for_editors_tools():
    schema = json.loads(json_schemas()["routes.schema.json"])
    route, stop = schema["$defs"]["Route"], schema["$defs"]["RouteStop"]
    assert route["additionalProperties"] is False and stop["additionalProperties"] is False
    assert {"id", "title", "summary", "stops", "sources"} <= set(route["required"])
    assert route["properties"]["stops"]["minItems"] == 2
    assert set(stop["required"]) == {"venue", "text"}


# --- distances and times -----------------------------------------------------------------------------

def test_legs_are_straight_lines_between_consecutive_stops(data_dir):
    data = load_site_data(data_dir)
    route = data.routes["two-squares"]
    legs = route_legs(data, route)
    assert [(leg.start.id, leg.end.id) for leg in legs] == [("komsomolskaya-square", "lenin-square")]
    start, end = data.venues["komsomolskaya-square"], data.venues["lenin-square"]
    assert legs[0].km == pytest.approx(haversine_km((start.lat, start.lon), (end.lat, end.lon)), rel=1e-9)
    assert route_km(legs) == pytest.approx(legs[0].km)
    assert haversine_km((48.0, 135.0), (49.0, 135.0)) == pytest.approx(111.195, abs=0.001)  # one degree


@pytest.mark.parametrize(("to", "expected"), [
    ((48.49, 135.0717), "n"), ((48.47, 135.0717), "s"), ((48.48, 135.09), "e"), ((48.48, 135.05), "w"),
    ((48.49, 135.085), "ne"), ((48.47, 135.058), "sw"),
    # Komsomolskaya Square to Lenin Square, the first way of "A day in the centre": up the main street
    ((48.4800, 135.0717), "ne"),
])
def test_the_way_to_the_next_stop_is_one_of_eight_compass_points(to, expected):
    """An English walkthrough, offline with a phone's compass: "730 m in a straight line" said
    how far, not which way."""
    start = (48.4636, 135.0556) if to == (48.4800, 135.0717) else (48.48, 135.0717)
    assert compass_point(*start, to) == expected


def test_walking_time_at_the_stated_speed_rounded_up():
    assert WALKING_SPEED_KMH == 4.5
    assert [walking_minutes(km) for km in (0.001, 0.075, 0.076, 0.45, 4.5, 4.51)] == [1, 1, 2, 6, 60, 61]


@pytest.mark.parametrize(("km", "lang", "expected"), [
    (0.027, "en", "30\u00a0m"), (0.004, "en", "10\u00a0m"), (0.9949, "en", "990\u00a0m"), (0.996, "en", "1\u00a0km"),
    (1.934, "en", "1.9\u00a0km"), (1.934, "ru", "1,9\u00a0км"), (0.35, "zh", "350米"), (2.44, "ko", "2.4km"), (0.35, "ja", "350m"),
])
def test_distances_in_metres_below_a_kilometre(km, lang, expected):
    assert distance_text(km, lang) == expected


def test_minutes_in_each_language():
    assert [minutes_text(6, lang) for lang in LANGUAGES] == ["6\u00a0min", "6\u00a0мин", "6分钟", "6分", "6분"]
    # from half an hour on, to the nearest 5 minutes («約39分», «1小时1分钟» claimed too much)
    assert [minutes_text(minutes, "en") for minutes in (29, 31, 37, 38, 59)] == [
        "29\u00a0min", "30\u00a0min", "35\u00a0min", "40\u00a0min", "1\u00a0hr"]
    # from an hour on, hours and minutes («около 70 мин пешком» read oddly)
    assert [minutes_text(71, lang) for lang in LANGUAGES] == [
        "1\u00a0hr\u00a010\u00a0min", "1\u00a0ч\u00a010\u00a0мин", "1小时10分钟", "1時間10分", "1시간\u00a010분"]
    assert [minutes_text(121, lang) for lang in LANGUAGES] == ["2\u00a0hr", "2\u00a0ч", "2小时", "2時間", "2시간"]


# --- the real routes ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


def test_at_least_two_routes_in_five_languages(data):
    assert len(data.routes) >= 2
    raw = yaml.safe_load((ROOT / "data" / "routes.yml").read_text(encoding="utf-8"))
    for entry in raw:
        texts = [entry["title"], entry["summary"], *(stop["text"] for stop in entry["stops"])]
        texts += [entry["season"]] if "season" in entry else []
        for text in texts:
            assert set(text) == set(LANGUAGES), (entry["id"], text)


def test_routes_cite_no_excluded_source_and_one_a_visitor_can_follow(data):
    for route in data.routes.values():
        pages = [source.split(":", 1)[1].split()[0] for source in route.sources if source.startswith("page:")]
        assert pages, f"{route.id}: no page: source a visitor can follow"
        hosts = {urlsplit(url).hostname.removeprefix("www.") for url in pages}
        assert not hosts & EXCLUDED_HOSTS, route.id


def test_the_routes_made_for_the_season_come_first(site, data):
    """`best_in: [winter]`: the winter walk heads /routes/ from December to February; otherwise the
    routes keep the order of data/routes.yml, as on the tests' site (built on 26 November)."""
    def order(day: dt.date) -> list[str]:
        return [route.id for route in routes_in_order(PageContext(data, day, STRINGS))]

    assert data.routes["winter-day"].best_in == ["winter"]
    assert order(dt.date(2026, 12, 1))[0] == order(dt.date(2027, 2, 28))[0] == "winter-day"
    assert order(dt.date(2027, 3, 1)) == order(dt.date(2026, 11, 30)) == list(data.routes)
    index = site.page("routes/")
    listed = [resolve("routes/", a["href"]) for a in index.select("article h2 a[href]:not(.headerlink)")]
    assert listed == [f"routes/{route_id}/" for route_id in data.routes]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_route_has_its_page_with_numbered_stops(site, data, lang):
    prefix = language_prefix(lang)
    index_url = f"{prefix}routes/"
    index = site.page(index_url)
    listed = {resolve(index_url, a["href"]) for a in index.select("article h2 a[href]:not(.headerlink)")}
    assert listed == {f"{prefix}routes/{route_id}/" for route_id in data.routes}
    for route in data.routes.values():
        url = f"{prefix}routes/{route.id}/"
        page = site.page(url)
        assert page.select_one("article h1").get_text().rstrip("¶") == route.title[lang]
        iframe = page.select_one("article figure.site-map iframe")
        assert resolve(url, iframe["src"]) == f"{prefix}maps/route-{route.id}.html"
        assert site.exists(resolve(url, iframe["src"]))
        items = page.select("article ol > li")
        assert len(items) == len(route.stops), url
        for item, stop in zip(items, route.stops, strict=True):
            link = item.select_one("a")
            assert resolve(url, link["href"]) == f"{prefix}venues/{stop.venue}/", url
            assert plain(link.get_text()) == plain(data.venues[stop.venue].name[lang])
            # its address in Russian, to show on a printed route (a Chinese tour leader's had none)
            russian = item.select_one("span[lang=ru]") if lang != "ru" else item
            assert plain(data.venues[stop.venue].address.ru) in plain(russian.get_text()), url
        legs = route_legs(data, route)
        for item, leg in zip(items, legs, strict=False):  # every stop but the last: the way to the next one
            expected = STRINGS["route_leg"][lang].format(distance=distance_text(leg.km, lang),
                                                         direction=STRINGS[f"direction_{leg.direction}"][lang],
                                                         time=minutes_text(leg.minutes, lang))
            assert item.find("em").get_text() == expected, url
        assert items[-1].find("em") is None
        total = route_km(legs)
        minutes = sum(leg.minutes for leg in legs)  # the legs a visitor adds up (a walkthrough: 7 said, 9 added)
        length = STRINGS["route_length_value"][lang].format(
            distance=distance_text(total, lang), time=minutes_text(minutes, lang))
        assert length in main_text(page), url
        count = STRINGS["route_stops_count"][lang].format(n=len(route.stops))  # "들르는 곳: 15곳"
        assert re.search(rf"{re.escape(STRINGS['label_route_stops'][lang])}\s*[:：]\s*{re.escape(count)}(?!\d)",
                         main_text(page)), url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_routes_are_in_the_navigation(site, lang):
    tabs = [a.get_text(strip=True) for a in site.page(language_prefix(lang)).select(".md-tabs__link")]
    assert NAV_NAMES[lang] in tabs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_venue_page_shows_walks_and_places_around_before_its_events(site, lang):
    """Lenin Square's eleven event cards pushed its walks and the places around 3,800 px down a phone."""
    headings = [h2.get_text().rstrip("¶") for h2 in site.page(f"{language_prefix(lang)}venues/lenin-square/").select("article h2")]
    order = [STRINGS[key][lang] for key in ("venue_on_routes", "venues_nearby", "events_held_here")]
    assert [heading for heading in headings if heading in order] == order, headings


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_venue_page_links_the_routes_that_stop_there(site, data, lang):
    """Each venue page lists every route with a stop at it, in the order of data/routes.yml, with
    the stop's number; a venue on no route has no such section."""
    heading = STRINGS["venue_on_routes"][lang]
    prefix = language_prefix(lang)
    on_some_route = 0
    for venue_id in data.venues:
        url = f"{prefix}venues/{venue_id}/"
        expected = [(f"{prefix}routes/{route.id}/", route.title[lang],
                     STRINGS["venue_route_stop"][lang].format(number=number, count=len(route.stops)))
                    for route in data.routes.values()
                    for number, stop in enumerate(route.stops, start=1) if stop.venue == venue_id]
        section = next((h2 for h2 in site.page(url).select("article h2") if h2.get_text().rstrip("¶") == heading), None)
        if not expected:
            assert section is None, url
            continue
        on_some_route += 1
        cards = section.find_next_sibling("ul").select("li.kh-card")
        shown = [(resolve(url, card.a["href"]), card.a.get_text(), card.select_one(".kh-card__meta").get_text())
                 for card in cards]
        assert shown == expected, url
        for target, _, _ in shown:
            assert site.exists(target), target
    assert 0 < on_some_route < len(data.venues)
