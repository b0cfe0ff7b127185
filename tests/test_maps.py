"""The maps as files: what a build writes (map pages per language, self-hosted libraries, the
iframes in pages), byte-identical rebuilds, escaped data, and the plain functions behind them.

A small fixture project (a copy of the site with six venues and five partner cities, one of each
with a hostile name) is built once per session; tests/test_maps_browser.py opens it and the
real site in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils import yaml_load

from citysite.config import TilesConfig
from citysite.data import load_site_data
from citysite.data.geo import CITY_BOUNDS
from citysite.languages import language_folder, language_prefix, load_ui_strings
from citysite.maps import MapContext, Tiles, map_files
from citysite.maps.build import lon_near
from tests.conftest import ROOT, built_once, copy_project, run_mkdocs_build
from tests.helpers import LANGUAGES, BuiltSite, resolve

STRINGS = load_ui_strings(ROOT)
HOSTILE = "<img src=x onerror=alert(1)> ${alert(2)} `${alert(3)}` </script><script>alert(4)</script> {{ 7*7 }}"


def _text(en: str, ru: str | None = None, **others: str) -> dict[str, str]:
    return {"en": en, "ru": ru or en, **others}


def _venue(id: str, name: dict, category: str, lat: float, lon: float, address_ru: str) -> dict:
    return {
        "id": id, "name": name, "category": category, "lat": lat, "lon": lon,
        "address": {"en": address_ru, "ru": address_ru},
        "description": _text("A place for the map tests.", "Место для проверки карт."),
        "sources": ["seed", "general: test fixture"],
    }


# Coordinates from ../shared/reference/venues.yml. The art museum and the philharmonic are
# about 13 m apart: the map must cluster them.
LENIN_SQUARE = _text("Lenin Square", "Площадь Ленина", zh="列宁广场", ja="レーニン広場", ko="레닌 광장")
FIXTURE_VENUES = [
    _venue("lenin-square", LENIN_SQUARE, "square", 48.4800, 135.0717, "ул. Муравьёва-Амурского"),
    _venue("komsomolskaya-square", _text("Komsomolskaya Square", "Комсомольская площадь"),
           "square", 48.4728, 135.0563, "ул. Муравьёва-Амурского, начало"),
    _venue("far-eastern-art-museum", _text("Far Eastern Art Museum", "Дальневосточный художественный музей"),
           "museum", 48.4730, 135.0524, "ул. Шевченко, 7"),
    _venue("philharmonic", _text("Far Eastern Philharmonic", "Дальневосточная филармония"),
           "stage", 48.4731, 135.0523, "ул. Шевченко, 7"),
    _venue("amur-bridge-museum", _text("Amur Bridge Museum", "Музей истории Амурского моста"),
           "museum", 48.5409, 135.0129, "ул. Тихоокеанская"),
    _venue("hostile-venue", _text(HOSTILE, HOSTILE), "park", 48.4815, 135.0791, HOSTILE),
]


def _partner(id: str, name: dict, country: str, status: str, lat: float, lon: float, since: str | None):
    entry = {
        "id": id, "name": name, "country": country, "status": status, "lat": lat, "lon": lon,
        "summary": _text("A city for the map tests.", "Город для проверки карт."),
        "sources": ["seed", "general: test fixture"],
    }
    if since:
        entry["since"] = since
    return entry


# Names, dates and coordinates as in data/partners.yml; the hostile city sits on Pohang.
FIXTURE_PARTNERS = [
    _partner("niigata", _text("Niigata", "Ниигата", zh="新潟", ja="新潟", ko="니가타"), "JP", "sister",
             37.9161, 139.0364, "1965-04-23"),
    _partner("portland", _text("Portland", "Портленд", zh="波特兰", ja="ポートランド", ko="포틀랜드"),
             "US", "sister", 45.5200, -122.6819, "1988-06-10"),
    _partner("mogilev", _text("Mogilev", "Могилёв"), "BY", "sister", 53.9000, 30.3333, None),
    _partner("fuyuan", _text("Fuyuan", "Фуюань"), "CN", "friendly", 48.3645, 134.2896, None),
    _partner("hostile-city", _text(HOSTILE, HOSTILE), "KR", "partner", 36.0190, 129.3435, "2019-02"),
]


# A walking route through five of the venues, the hostile one last (its name is in markers' titles).
FIXTURE_ROUTE = {
    "id": "fixture-walk",
    "title": _text("Fixture walk", "Тестовая прогулка", zh="测试路线", ja="テスト散歩", ko="테스트 산책"),
    "summary": _text("A walk for the map tests.", "Прогулка для проверки карт."),
    "stops": [{"venue": venue, "text": _text("A stop.", "Остановка.")} for venue in (
        "komsomolskaya-square", "far-eastern-art-museum", "philharmonic", "lenin-square", "hostile-venue")],
    "sources": ["seed"],
}
FIXTURE_ROUTES = [FIXTURE_ROUTE]


def write_fixture_data(data: Path) -> None:
    for name, entries in (("venues", FIXTURE_VENUES), ("partners", FIXTURE_PARTNERS), ("events", []),
                          ("chronicle", []), ("routes", FIXTURE_ROUTES)):
        text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
        (data / f"{name}.yml").write_text(text, encoding="utf-8")


def make_fixture_project(project: Path) -> Path:
    """Turn a copy of the site into the map fixture: small data and a map on the home page."""
    write_fixture_data(project / "data")
    for lang in LANGUAGES:
        folder = language_folder(project, lang)
        home = folder / "index.md"
        if home.exists() and "<!-- map -->" not in home.read_text(encoding="utf-8"):
            home.write_text(home.read_text(encoding="utf-8") + "\n<!-- map -->\n", encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> BuiltSite:
    """The fixture project built (not --strict: pages of the real site link to real venues), once
    per run for this module and tests/test_maps_browser.py."""
    def build(folder: Path) -> str:
        project = copy_project(folder / "project")
        make_fixture_project(project)
        result = run_mkdocs_build(project, folder / "site", strict=False)
        if result.returncode != 0:
            pytest.fail(f"the map fixture did not build:\n{result.stdout}\n{result.stderr}")
        return result.stderr

    folder, log = built_once(tmp_path_factory, "maps", build)
    return BuiltSite(folder / "site", build_log=log)


def _map_names() -> list[str]:
    return ["venues", "partners", *(f"venue-{venue['id']}" for venue in FIXTURE_VENUES),
            *(f"route-{route['id']}" for route in FIXTURE_ROUTES)]


# --- what the build writes -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_map_file_in_every_language(fixture_site, lang):
    for name in _map_names():
        page = fixture_site.page(f"{language_prefix(lang)}maps/{name}.html")
        assert page.html["lang"] == lang
        title = page.title.string
        if name == "venues":
            assert title == STRINGS["map_title_venues"][lang]
        elif name == "partners":
            assert title == STRINGS["map_title_partners"][lang]
        elif name.startswith("route-"):
            route_title = FIXTURE_ROUTE["title"].get(lang, FIXTURE_ROUTE["title"]["en"])
            assert title == STRINGS["map_title_route"][lang].format(name=route_title)
        else:
            venue = next(v for v in FIXTURE_VENUES if f"venue-{v['id']}" == name)
            venue_name = venue["name"].get(lang, venue["name"]["en"])
            assert title == STRINGS["map_title_venue"][lang].format(name=venue_name)
        assert [h1.get_text() for h1 in page.find_all("h1")] == [title]  # a screen reader's heading list
        script = page.find_all("script")[-1].string
        assert f'"zoomInTitle": "{STRINGS["map_zoom_in"][lang]}"' in script
        assert f'"zoomOutTitle": "{STRINGS["map_zoom_out"][lang]}"' in script
        # the map, a Tab stop, says which keys move it (announced as nothing: a walkthrough)
        container = page.select_one("div.folium-map")
        assert (container["role"], container["aria-label"]) == ("region", STRINGS["map_keys"][lang])


def _tile_layer(text: str) -> tuple[str, str]:
    """The tile URL template and attribution a map page gives Leaflet."""
    url = re.search(r'L\.tileLayer\(\s*("(?:[^"\\]|\\.)*")', text)
    attribution = re.search(r'"attribution": ("(?:[^"\\]|\\.)*")', text)
    return json.loads(url[1]), json.loads(attribution[1])


def test_tiles_and_attribution_in_the_language_from_mkdocs_yml(fixture_site):
    config = yaml_load((ROOT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["citysite"]["tiles"]
    for lang in LANGUAGES:
        for name in ("venues", "partners", "venue-lenin-square"):
            url, attribution = _tile_layer(fixture_site.text(f"{language_prefix(lang)}maps/{name}.html"))
            assert url == config["url"]
            assert attribution == config["attribution"][lang]
    assert "участники" in config["attribution"]["ru"]


def test_maps_load_only_the_site_s_own_files(fixture_site):
    """Scripts and stylesheets come from assets/vendor/ (copied from the XStatic packages); no
    jQuery, Bootstrap or Font Awesome; nothing from another host but tiles. The site's icon from the
    site's folder (a map opened by itself asked the host's root for /favicon.ico, outside a site
    published in a folder)."""
    for lang in LANGUAGES:
        for name in _map_names():
            url = f"{language_prefix(lang)}maps/{name}.html"
            page = fixture_site.page(url)
            icon = page.select_one('link[rel="icon"]')
            assert icon is not None and resolve(url, icon["href"]) == "images/favicon.svg", url
            assert fixture_site.exists(resolve(url, icon["href"])), url
            links = [tag["src"] for tag in page.find_all("script", src=True)]
            links += [tag["href"] for tag in page.find_all("link", href=True) if tag is not icon]
            assert links, url
            for link in links:
                assert "://" not in link and resolve(url, link).startswith("assets/vendor/"), (url, link)
                assert fixture_site.exists(resolve(url, link)), (url, link)
                assert not re.search(r"jquery|bootstrap|font-?awesome|awesome", link, re.I), (url, link)
            hosts = set(re.findall(r"https?://([^/\"'\\]+)", fixture_site.text(url)))
            assert hosts <= {"tile.openstreetmap.org", "www.openstreetmap.org", "leafletjs.com"}, (url, hosts)


def test_every_file_a_stylesheet_names_is_in_the_site(fixture_site):
    """A publisher's link checker reported three 404s: images that Leaflet's stylesheet names
    (url(images/layers.png) ...) were not copied."""
    sheets = [path for path in fixture_site.root.rglob("*.css")]
    assert any("leaflet" in str(path) for path in sheets)
    for sheet in sheets:
        for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            if target.startswith(("data:", "#", "http://", "https://")):
                continue
            assert (sheet.parent / target.split("?")[0].split("#")[0]).is_file(), (sheet, target)


def test_map_files_are_made_once_per_language(fixture_site):
    made = re.findall(r"maps: (\d+) map files for '(\w+)'", fixture_site.build_log)
    assert sorted(lang for _, lang in made) == sorted(LANGUAGES)
    assert {int(count) for count, _ in made} == {2 + len(FIXTURE_VENUES) + len(FIXTURE_ROUTES)}


def test_rebuild_gives_byte_identical_maps(fixture_site, tmp_path):
    """A second build (another process: other random numbers) writes the same bytes."""
    project = fixture_site.root.parent / "project"
    again = tmp_path / "site"
    result = run_mkdocs_build(project, again, strict=False)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(fixture_site.root): p.read_bytes() for p in fixture_site.root.rglob("maps/*.html")}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("maps/*.html")}
    assert len(first) == len(LANGUAGES) * len(_map_names())
    assert first == second


def test_hostile_names_are_escaped_in_map_files(fixture_site):
    for url in ("maps/venues.html", "ru/maps/partners.html", "maps/venue-hostile-venue.html"):
        text = fixture_site.text(url)
        assert "<img" not in text and "onerror=alert(1)>" not in text
        assert text.count("</script>") == text.count("<script")  # no early end of a script
        assert "{{ 7*7 }}" in text  # as written, not run as a template
        page = BeautifulSoup(text, "html.parser")
        assert [tag.name for tag in page.find_all(["img", "iframe", "object", "embed"])] == []


# --- maps in pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_embed_their_map(fixture_site, lang):
    prefix = language_prefix(lang)
    expected = {
        f"{prefix}": ("venues", STRINGS["map_title_venues"][lang], "small"),
        f"{prefix}venues/": ("venues", STRINGS["map_title_venues"][lang], "large"),
        f"{prefix}partners/": ("partners", STRINGS["map_title_partners"][lang], "large"),
        f"{prefix}venues/lenin-square/": (
            "venue-lenin-square",
            STRINGS["map_title_venue"][lang].format(name=LENIN_SQUARE[lang]),
            "small",
        ),
        f"{prefix}routes/fixture-walk/": (
            "route-fixture-walk",
            STRINGS["map_title_route"][lang].format(name=FIXTURE_ROUTE["title"][lang]),
            "large",
        ),
    }
    for url, (name, title, size) in expected.items():
        figure = fixture_site.page(url).select_one("figure.site-map")
        assert figure is not None, f"{url}: no map"
        assert f"site-map--{size}" in figure["class"]
        iframe = figure.iframe
        assert iframe["title"] == title and iframe["loading"] == "lazy"
        # a small map (below the first screen) waits for docs/javascripts/map-frames.js
        address = "src" if size == "large" else "data-src"
        assert not iframe.has_attr("data-src" if size == "large" else "src"), url
        assert resolve(url, iframe[address]) == f"{prefix}maps/{name}.html"
        for link in figure.figcaption.find_all("a"):
            assert fixture_site.exists(resolve(url, link["href"])), (url, link["href"])


def test_list_pages_have_the_map_before_the_list(fixture_site):
    """The generated list right after the map is its text version (screen readers, no tiles)."""
    page = fixture_site.page("ru/venues/")
    figure = page.select_one("figure.site-map")
    names_after = " ".join(tag.get_text() for tag in figure.find_all_next("a"))
    assert "Площадь Ленина" in names_after and "Дальневосточная филармония" in names_after


def test_a_map_marker_where_no_map_belongs_stops_the_build(fixture_site, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(fixture_site.root.parent / "project", project)
    page = project / "docs" / "about" / "index.md"
    text = page.read_text(encoding="utf-8") + "\n<!-- map -->\n"
    page.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0
    line = text.count("\n")  # the marker's line: the last one
    assert f"docs/about/index.md:{line}: '<!-- map -->' asks for a map" in result.stderr
    assert "Traceback" not in result.stderr
    assert "remove the line" in result.stderr


# --- the plain functions ---------------------------------------------------------------------------

def test_lon_near_goes_the_short_way_round():
    assert lon_near(-122.68, 135.07) == pytest.approx(237.32)  # Portland: across the Pacific
    assert lon_near(30.33, 135.07) == 30.33  # Mogilev: west, over Eurasia
    assert lon_near(170.0, -170.0) == -190.0


def _tiles(values: dict) -> TilesConfig:
    tiles = TilesConfig()
    tiles.load_dict(values)
    errors, _ = tiles.validate()
    assert errors == []
    return tiles


def test_tiles_attribution_per_language_or_one_for_all():
    per_language = _tiles({"url": "https://t/{z}/{x}/{y}.png", "attribution": {"en": "E", "ru": "R"}})
    assert per_language.attribution_in("ru") == "R"
    assert per_language.attribution_in("ja") == "E"
    one = _tiles({"url": "https://t/{z}/{x}/{y}.png", "attribution": "A"})
    assert (one.attribution_in("ko"), one.max_zoom) == ("A", 19)


def test_same_data_same_bytes_within_a_run(tmp_path):
    write_fixture_data(tmp_path)
    data = load_site_data(tmp_path)
    ctx = MapContext(
        lang="zh", strings={key: texts["zh"] for key, texts in STRINGS.items()},
        tiles=Tiles("https://t/{z}/{x}/{y}.png", "A"), prefix="zh/",
        page_urls={"venues/lenin-square.md": "zh/venues/lenin-square/"},
    )
    first, second = map_files(ctx, data), map_files(ctx, data)
    assert first == second
    venues = first["zh/maps/venues.html"]
    assert venues.count('target=\\"_top\\"') == 1  # only Lenin Square has a page in page_urls
    assert 'href=\\"../venues/lenin-square/\\"' in venues


def test_the_map_is_made_at_once_and_its_layers_in_steps(tmp_path):
    """The map's script blocks a phone's main thread in short tasks: the map, its legend, locate
    button, view and tiles first, in that order (before the first paint: no layout shift of the
    corners' controls; only the view's tiles load), then the cluster with all its markers in a
    step of its own."""
    write_fixture_data(tmp_path)
    ctx = MapContext(lang="en", strings={key: texts["en"] for key, texts in STRINGS.items()},
                     tiles=Tiles("https://t/{z}/{x}/{y}.png", "A"), page_urls={})
    script = map_files(ctx, load_site_data(tmp_path))["maps/venues.html"].split("<script>\n")[-1]
    library, _, generated = script.partition('citysite.tilesMissing); });\n')  # map.js, then folium's script
    assert "runSteps: function" in library
    at_once, _, in_steps = generated.partition("\ncitysite.runSteps([\n")
    first = ("L.map(", "citysite.legend", "citysite.locate", "citysite.fitAll", "L.tileLayer")  # fitAll reads the legend
    assert [at_once.index(call) for call in first] == sorted(at_once.index(call) for call in first)
    assert "L.marker(" not in at_once
    steps = in_steps.split("function () {\n")[1:]
    assert len(steps) == 1 and "L.markerClusterGroup" in steps[0]
    assert steps[0].count("L.marker(") == len(FIXTURE_VENUES)


# --- full-screen maps: the site's header ---------------------------------------------------------

def _home_of(name: str, lang: str) -> tuple[str, str]:
    """The page a map belongs to (site-relative URL) and its name as the back link gives it."""
    prefix = language_prefix(lang)
    if name == "venues":
        return f"{prefix}venues/", STRINGS["page_venues"][lang]
    if name == "partners":
        return f"{prefix}partners/", STRINGS["label_partners"][lang]
    kind, _, entry_id = name.partition("-")
    if kind == "route":
        return f"{prefix}routes/{entry_id}/", FIXTURE_ROUTE["title"][lang]
    venue = next(v for v in FIXTURE_VENUES if v["id"] == entry_id)
    return f"{prefix}venues/{entry_id}/", venue["name"].get(lang, venue["name"]["en"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_screen_maps_have_the_site_header(fixture_site, lang):
    """Each map file has a skip link to the map (its main landmark), the site's name linking home, a link back
    to the page the map belongs to and a language menu leading to the same map in every language,
    all relative links to files that exist."""
    prefix = language_prefix(lang)
    for name in _map_names():
        url = f"{prefix}maps/{name}.html"
        page = fixture_site.page(url)
        skip = page.select_one("body > a.map-skip")
        assert skip["href"] == "#map-main" and skip.get_text() == STRINGS["map_skip"][lang], url
        main = page.select_one('div#map-main[role="main"]')
        assert main is not None and main.select_one(".folium-map") is not None, url
        header = page.select_one("body > header.map-header")
        assert header is not None and header.find_next_sibling("div") is main, url
        site_link = header.select_one("a.map-header__site")
        assert resolve(url, site_link["href"]) == prefix and site_link.get_text() == STRINGS["khabarovsk"][lang]
        back_url, back_name = _home_of(name, lang)
        back = header.select_one("a.map-header__back")
        assert resolve(url, back["href"]) == back_url, url
        assert STRINGS["map_back"][lang].format(page=back_name) in back.get_text(), url
        menu = header.select_one("details.map-header__languages nav")
        assert menu["aria-label"] == STRINGS["map_languages"][lang]
        links = {a["lang"]: a for a in menu.select("a")}
        assert list(links) == list(LANGUAGES), url
        for other, link in links.items():
            target = resolve(url, link["href"])
            assert target == f"{language_prefix(other)}maps/{name}.html" and fixture_site.exists(target), (url, other)
            assert (link.get("aria-current") == "page") == (other == lang), (url, other)
        assert "://" not in str(header)


def test_a_framed_map_hides_its_header_before_the_body_is_drawn(fixture_site):
    """In an iframe the page around the map has the header: the map file marks <html> from <head>
    (so nothing moves) and its CSS hides the header and the skip link there."""
    text = fixture_site.text("ko/maps/venue-lenin-square.html")
    head, body = text.split("<body>", 1)
    assert 'if (window.self !== window.top) document.documentElement.classList.add("map-framed")' in head
    css = re.sub(r"\s+", " ", head)
    assert "html.map-framed .map-header, html.map-framed .map-skip { display: none; }" in css


def test_header_of_a_one_language_build_has_no_language_menu(tmp_path):
    """A one-language preview builds no other languages: the header links no map of theirs."""
    write_fixture_data(tmp_path)
    ctx = MapContext(lang="ru", strings={key: texts["ru"] for key, texts in STRINGS.items()},
                     tiles=Tiles("https://t/{z}/{x}/{y}.png", "A"), root_language="ru",
                     page_urls={"index.md": "", "venues/lenin-square.md": "venues/lenin-square/"},
                     languages=(("ru", "Русский"),))
    page = BeautifulSoup(map_files(ctx, load_site_data(tmp_path))["maps/venue-lenin-square.html"], "html.parser")
    header = page.select_one("header.map-header")
    assert header.select_one("details, nav") is None
    assert header.select_one("a.map-header__back")["href"] == "../venues/lenin-square/"
    assert header.select_one("a.map-header__site")["href"] == "../"


# --- walking routes ---------------------------------------------------------------------------------

def _route_markers(text: str) -> list[dict]:
    """The numbered markers a route map's script makes: their options and icons, in order."""
    markers = []
    for options, icon in re.findall(r"L\.marker\(\[[^\]]*\], Object\.assign\(\s*(\{.*?\}), \{icon: L\.divIcon\((\{.*?\})\)\}",
                                    text, re.S):
        markers.append({**json.loads(options), **json.loads(icon)})
    return markers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_route_map_has_a_line_and_a_numbered_marker_per_stop(fixture_site, lang):
    text = fixture_site.text(f"{language_prefix(lang)}maps/route-fixture-walk.html")
    markers = [marker for marker in _route_markers(text) if "map-marker--stop" in marker["className"]]
    stops = FIXTURE_ROUTE["stops"]
    assert len(markers) == len(stops)
    for number, (marker, stop) in enumerate(zip(markers, stops, strict=True), start=1):
        venue = next(v for v in FIXTURE_VENUES if v["id"] == stop["venue"])
        name = venue["name"].get(lang, venue["name"]["en"])
        assert marker["title"] == STRINGS["route_stop_title"][lang].format(number=number, name=name)
        assert marker["html"] == f'<span aria-hidden="true">{number}</span>'
    line = re.search(r"L\.polyline\(\s*(\[\[.*?\]\])", text, re.S)
    points = [[v["lat"], v["lon"]] for v in (next(v for v in FIXTURE_VENUES if v["id"] == s["venue"]) for s in stops)]
    assert line and json.loads(line[1]) == points
    assert '"className": "map-line map-line--route"' in text or "map-line map-line--route" in text


# --- where am I -------------------------------------------------------------------------------------

def _locate_call(text: str) -> tuple[dict, list, list] | None:
    """The (texts, city corners, points kept in view) a map page passes citysite.locate, or None."""
    call = re.search(r"citysite\.locate\(map_\d+, (\{.*?\}), (\[\[.*?\]\]), (\[.*?\])\);", text, re.S)
    return None if call is None else (json.loads(call[1]), json.loads(call[2]), json.loads(call[3]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_city_maps_can_show_the_visitor_where_they_are(fixture_site, lang):
    """The venues, venue and route maps have a "show where I am" button labelled in the page's
    language, with its note; in the city they keep in view the venue or the route's stops (the
    venues map: none, it goes to street level). The partner cities' map, of half the world, has
    none."""
    prefix = language_prefix(lang)
    city = [[CITY_BOUNDS["lat"][0], CITY_BOUNDS["lon"][0]], [CITY_BOUNDS["lat"][1], CITY_BOUNDS["lon"][1]]]  # SW, NE
    venue = FIXTURE_VENUES[0]
    stops = [next([v["lat"], v["lon"]] for v in FIXTURE_VENUES if v["id"] == stop["venue"]) for stop in FIXTURE_ROUTE["stops"]]
    expected_keep = {"venues": [], f"venue-{venue['id']}": [[venue["lat"], venue["lon"]]], "route-fixture-walk": stops}
    for name, keep in expected_keep.items():
        text = fixture_site.text(f"{prefix}maps/{name}.html")
        texts, corners, kept = _locate_call(text)
        assert (corners, kept) == (city, keep), name
        assert {key: texts[key] for key in ("button", "here", "far", "failed")} == {
            "button": STRINGS["map_locate"][lang], "here": STRINGS["map_here"][lang],
            "far": STRINGS["map_locate_far"][lang], "failed": STRINGS["map_locate_failed"][lang]}
        assert texts["icon"].startswith("<svg") and 'aria-hidden="true"' in texts["icon"]
        note = BeautifulSoup(text, "html.parser").select_one(".map-notes p.map-locate-note[role=status]")
        # in the page from the start, empty: a live region that appears with its text is often not read
        assert note is not None and not note.has_attr("hidden") and note.get_text() == "", name
    partners = fixture_site.text(f"{prefix}maps/partners.html")
    assert _locate_call(partners) is None
    assert BeautifulSoup(partners, "html.parser").select_one(".map-locate-note") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_route_page_lists_the_stops_in_map_order(fixture_site, lang):
    """The text version of the route map: the stops in the same order, each linking its venue page,
    the way to the next stop after each but the last, and the map above them."""
    prefix = language_prefix(lang)
    url = f"{prefix}routes/fixture-walk/"
    page = fixture_site.page(url)
    assert page.select_one("article h1").get_text().rstrip("¶") == FIXTURE_ROUTE["title"][lang]
    items = page.select("article ol > li")
    stops = FIXTURE_ROUTE["stops"]
    assert len(items) == len(stops)
    for item, stop in zip(items, stops, strict=True):
        assert resolve(url, item.select_one("a")["href"]) == f"{prefix}venues/{stop['venue']}/"
    legs = [item for item in items if item.find("em")]
    assert len(legs) == len(stops) - 1 and not items[-1].find("em")
    figure = page.select_one("figure.site-map")
    assert figure.find_next("ol") is items[0].parent


FOLIUM_IMPORT = """
import hashlib, marshal, sys
from pathlib import Path
import jinja2
from citysite.templates import TEMPLATE_CACHE
compiled = []
jinja2_compile = jinja2.Environment.compile
def counted(env, source, name=None, *args, **kwargs):
    if name is None:  # from a string: a template read by a loader has a name
        compiled.append(source)
    return jinja2_compile(env, source, name, *args, **kwargs)
jinja2.Environment.compile = counted
TEMPLATE_CACHE.keep_in(Path(sys.argv[1]))
from citysite.maps import import_builder
import_builder()
import folium, folium.plugins
from citysite.maps import elements
classes = {f"{c.__module__}.{c.__qualname__}": c for module in (folium, folium.plugins, elements)
           for c in vars(module).values() if isinstance(getattr(c, "_template", None), jinja2.Template)}
code = b"".join(marshal.dumps(classes[name]._template.root_render_func.__code__) for name in sorted(classes))
print(len(compiled), len(classes), hashlib.sha256(code).hexdigest())
"""


def test_the_templates_folium_compiles_on_import_come_from_the_cache_the_second_time(tmp_path):
    """Folium's classes compile about 90 Jinja templates from strings when it is imported, at the
    start of every build: the first process compiles them into the project's .cache/jinja/, the
    next loads the same code from there and compiles none (citysite/templates.py)."""
    def import_folium() -> tuple[int, int, str]:
        result = subprocess.run([sys.executable, "-c", FOLIUM_IMPORT, str(tmp_path)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        compiled, classes, code = result.stdout.split()
        return int(compiled), int(classes), code

    first, second = import_folium(), import_folium()
    assert first[0] >= 50 and first[1] >= 50, first
    assert second[0] == 0, f"{second[0]} templates compiled again"
    assert second[1:] == first[1:], "the templates loaded from the cache differ from those compiled"
    assert len(list((tmp_path / ".cache" / "jinja").glob("string-*"))) == first[0]
