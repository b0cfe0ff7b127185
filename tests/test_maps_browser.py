"""The maps as a visitor on a phone sees them, in Chromium: every marker drawn and in view, no
console errors, no request to any host but the site and the tile server, popups in the page's
language whose links lead to the right page, and hostile data shown as text, never run.

Tile requests are answered with a 1x1 PNG; requests to the configured site_url (the site
itself, in production) are answered from the built folder. One browser for the session, one
page per language and map.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from mkdocs.utils import yaml_load
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from citysite.data import SiteData, load_site_data
from citysite.languages import language_prefix, load_ui_strings
from citysite.maps.build import STOP_SIZE
from citysite.places import distance_km
from citysite.walking import distance_text
from tests.conftest import ROOT
from scripts.static_host import StaticHost
from tests.helpers import LANGUAGES, PNG_1X1, BuiltSite, serve_directory
from tests.test_home_browser import RECORD_SHIFTS
from tests.test_maps import HOSTILE, fixture_site  # noqa: F401  (the fixture project, built once)

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True}
CONFIG = yaml_load((ROOT / "mkdocs.yml").open(encoding="utf-8"))
TILES = CONFIG["extra"]["citysite"]["tiles"]
TILE_HOST = urlsplit(TILES["url"]).netloc
SITE_URL = CONFIG["site_url"]
STRINGS = load_ui_strings(ROOT)


@dataclass
class Visit:
    """One browser page on the site, with what it logged and asked for."""

    page: object
    base_url: str
    errors: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)


@pytest.fixture
def visit(browser):
    """Open pages of a served site like a phone; yields a function (site, base_url, url,
    **browser context options) -> Visit."""
    contexts = []

    def open_page(site: BuiltSite, base_url: str, url: str, **options) -> Visit:
        context = browser.new_context(**PHONE, **options)
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, base_url)
        page.on("console", lambda message: _is_error(message) and seen.errors.append(
            f"{message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("dialog", lambda dialog: (seen.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("request", lambda request: seen.hosts.add(urlsplit(request.url).netloc))
        context.route(re.compile(rf"^https?://{re.escape(TILE_HOST)}/"),
                      lambda route: route.fulfill(body=PNG_1X1, content_type="image/png"))
        context.route(re.compile(rf"^{re.escape(SITE_URL)}"), lambda route: _from_folder(route, site))
        page.goto(base_url + url)
        return seen

    yield open_page
    for context in contexts:
        context.close()


def _is_error(message) -> bool:
    return message.type == "error"


def _from_folder(route, site: BuiltSite) -> None:
    """Answer a request for the production address from the built folder."""
    path = site.path_of(urlsplit(route.request.url).path)
    if path.is_file():
        route.fulfill(path=path)
    else:
        route.fulfill(status=404, body="not found")


def map_frame(visit: Visit):
    """Scroll the page's map into view (it loads lazily) and wait until Leaflet drew markers."""
    iframe = visit.page.locator("figure.site-map iframe")
    iframe.scroll_into_view_if_needed()
    visit.page.wait_for_selector("figure.site-map iframe[src]")  # a small map's, once in view
    frame = iframe.element_handle().content_frame()
    frame.wait_for_selector(".leaflet-marker-icon", state="attached")
    visit.page.wait_for_timeout(300)  # let the clusters settle
    return frame


MARKERS_IN_VIEW = """() => {
    const box = document.querySelector('.folium-map').getBoundingClientRect();
    let count = 0, outside = [];
    for (const icon of document.querySelectorAll('.leaflet-marker-icon')) {
        const r = icon.getBoundingClientRect();
        if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) {
            outside.push(icon.title || icon.textContent);
        }
        const number = icon.querySelector('.marker-cluster span[aria-hidden]');
        count += icon.classList.contains('marker-cluster') ? Number(number.textContent) : 1;
    }
    return {count, outside};
}"""


def assert_all_markers(frame, expected: int) -> None:
    shown = frame.evaluate(MARKERS_IN_VIEW)
    assert shown["count"] == expected, f"{frame.url}: {shown['count']} markers drawn, {expected} expected"
    assert shown["outside"] == [], f"{frame.url}: markers outside the view: {shown['outside']}"


def open_a_popup(visit: Visit, frame, *, exclude: str = ".map-marker--home"):
    """Tap a single marker like a visitor: tap the smallest cluster until markers show, then one
    of them; returns the marker's title and the popup."""
    for _ in range(6):
        markers = frame.locator(f".map-marker:not({exclude})")
        if markers.count():
            marker = markers.first
            title = marker.get_attribute("title")
            marker.click()
            popup = frame.locator(".leaflet-popup-content .map-popup")
            popup.wait_for()
            visit.page.wait_for_timeout(400)  # Leaflet's pan to show the popup: a tap during it missed the link
            return title, popup
        clusters = frame.locator(".marker-cluster")
        counts = [int(text) for text in clusters.locator("span[aria-hidden]").all_text_contents()]
        clusters.nth(counts.index(min(counts))).click()
        visit.page.wait_for_timeout(700)  # the zoom or spiderfy animation
    raise AssertionError(f"{frame.url}: no single marker to tap")


def follow_popup_link(visit: Visit, popup, expected_url: str, expected_heading: str) -> None:
    link = popup.locator("a")
    link.click()
    try:
        visit.page.wait_for_url(visit.base_url + expected_url, timeout=10_000)
    except PlaywrightTimeoutError:  # a click while Leaflet was still panning the popup into view went
        link.click()                # nowhere, once, in a full run on a loaded machine: one more try
        visit.page.wait_for_url(visit.base_url + expected_url)
    assert visit.page.locator("h1").first.inner_text().rstrip("¶ \n") == expected_heading


def attribution_text(lang: str) -> str:
    """The tile attribution of mkdocs.yml for `lang`, as text."""
    attribution = TILES["attribution"]
    if isinstance(attribution, dict):
        attribution = attribution.get(lang, attribution["en"])
    return html.unescape(re.sub(r"<[^>]+>", "", attribution))


def assert_clean(visit: Visit) -> None:
    allowed = {urlsplit(visit.base_url).netloc, TILE_HOST, urlsplit(SITE_URL).netloc}
    assert visit.errors == [], f"console errors: {visit.errors}"
    assert visit.hosts <= allowed, f"requests to other hosts: {visit.hosts - allowed}"


# --- the site's maps, in every language ----------------------------------------------------------

@pytest.fixture(scope="module")
def real_data() -> SiteData:
    return load_site_data(ROOT / "data")


@pytest.fixture(scope="module")
def fixture_data(fixture_site) -> SiteData:  # noqa: F811
    return load_site_data(fixture_site.root.parent / "project" / "data")


@pytest.fixture(scope="module")
def fixture_server(fixture_site):  # noqa: F811
    with serve_directory(fixture_site.root) as base_url:
        yield base_url


@pytest.fixture(params=["real", "fixture"])
def served(request):
    """(site, base URL, data) for the real site and the map fixture (six venues, hostile names)."""
    if request.param == "real":
        names = ("site", "site_server", "real_data")
    else:
        names = ("fixture_site", "fixture_server", "fixture_data")
    return tuple(request.getfixturevalue(name) for name in names)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_venues_map(visit, served, lang):
    site, base_url, data = served
    prefix = language_prefix(lang)
    seen = visit(site, base_url, f"{prefix}venues/")
    frame = map_frame(seen)
    assert frame.evaluate("document.documentElement.lang") == lang
    assert attribution_text(lang) in frame.locator(".leaflet-control-attribution").inner_text()
    assert_all_markers(frame, len(data.venues))
    legend = frame.locator(".map-legend").text_content()
    for category in {venue.category for venue in data.venues.values()}:
        assert STRINGS[f"venue_category_{category}"][lang] in legend

    title, popup = open_a_popup(seen, frame)
    venue = next(v for v in data.venues.values() if v.name[lang] == title)
    assert popup.get_attribute("lang") == lang
    text = popup.inner_text()
    category = STRINGS[f"venue_category_{venue.category}"][lang]
    for expected in (venue.name[lang], category, venue.address[lang]):
        assert expected in text
    follow_popup_link(seen, popup, f"{prefix}venues/{venue.id}/", venue.name[lang])
    assert_clean(seen)


def test_categories_of_near_colours_are_told_apart_by_a_white_centre(browser, site, site_server):
    """Riverside and sports are both blue, squares and stages both orange (the Okabe-Ito set): the
    second of each pair has a white centre, on the pins and in the legend that names them."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_server + "maps/venues.html")
    page.evaluate("document.querySelector('.map-legend').open = true")

    def centre(category: str) -> tuple[int, int, int]:
        png = page.locator(f".map-legend .map-swatch.map-marker--{category}").screenshot()
        image = Image.open(io.BytesIO(png)).convert("RGB")
        return image.getpixel((image.width // 2, image.height // 2))

    white = lambda rgb: min(rgb) > 235  # noqa: E731
    assert [white(centre(c)) for c in ("riverside", "sports", "square", "stage")] == [False, True, False, True]
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partners_map(visit, served, lang):
    site, base_url, data = served
    prefix = language_prefix(lang)
    seen = visit(site, base_url, f"{prefix}partners/")
    frame = map_frame(seen)
    assert frame.evaluate("document.documentElement.lang") == lang
    assert_all_markers(frame, len(data.partners) + 1)  # and Khabarovsk
    assert frame.locator(f'.map-marker--home[title="{STRINGS["khabarovsk"][lang]}"]').count() == 1
    assert frame.locator(".map-line").count() >= len(data.partners)  # one per city (+ the legend's)
    # Each place is at least 24 px to tap (WCAG 2.2 target size): a city's 18 px disc was its own
    # target (an accessibility walkthrough).
    boxes = frame.locator(".leaflet-marker-pane .map-marker").evaluate_all(
        "markers => markers.map(m => [m.offsetWidth, m.offsetHeight])")
    assert boxes and all(width >= 24 and height >= 24 for width, height in boxes), boxes

    title, popup = open_a_popup(seen, frame)
    partner = next(p for p in data.partners.values() if p.name[lang] == title)
    assert popup.get_attribute("lang") == lang
    text = popup.inner_text()
    for expected in (partner.name[lang], STRINGS[f"partner_status_{partner.status}"][lang]):
        assert expected in text
    follow_popup_link(seen, popup, f"{prefix}partners/{partner.id}/", partner.name[lang])
    assert_clean(seen)


# --- details, on the fixture ---------------------------------------------------------------------

def test_partner_map_crosses_the_pacific(visit, fixture_site, fixture_server):  # noqa: F811
    """Portland is drawn east of Khabarovsk (across the Pacific), Mogilev west of it."""
    seen = visit(fixture_site, fixture_server, "ru/partners/")
    frame = map_frame(seen)
    x = {
        name: frame.locator(f'.map-marker[title="{name}"]').bounding_box()["x"]
        for name in ("Портленд", "Хабаровск", "Могилёв")
    }
    assert x["Могилёв"] < x["Хабаровск"] < x["Портленд"]
    assert_clean(seen)


def test_hostile_names_show_as_text(visit, fixture_site, fixture_server):  # noqa: F811
    """A name with markup, `${...}` and backticks shows literally in the popup and runs nothing."""
    seen = visit(fixture_site, fixture_server, "venues/hostile-venue/")
    frame = map_frame(seen)
    frame.locator(".map-marker").click()
    popup = frame.locator(".leaflet-popup-content .map-popup")
    assert popup.locator("strong").inner_text() == HOSTILE
    assert popup.locator("img, script").count() == 0
    assert frame.evaluate("document.title").endswith(HOSTILE)
    assert_clean(seen)  # no dialog was opened


def test_keyboard_opens_a_popup(visit, fixture_site, fixture_server):  # noqa: F811
    """Markers are buttons a keyboard can reach; the zoom buttons are named in the page's language
    and, like the popup's close button, do not navigate the page."""
    seen = visit(fixture_site, fixture_server, "ja/venues/lenin-square/")
    frame = map_frame(seen)
    # In the page's frame the map is named once, by the frame: its own heading and the name of its
    # main landmark (for the full-screen map) are left out (an accessibility walkthrough heard it four
    # times), and so is the landmark: no second main inside the page's own (another walkthrough).
    main = frame.locator("#map-main")
    assert frame.locator("h1.map-title").is_hidden() and main.get_attribute("aria-label") is None
    assert main.get_attribute("role") is None and frame.locator("main, [role=main]").count() == 0
    zoom_in = frame.locator(".leaflet-control-zoom-in")
    assert zoom_in.get_attribute("aria-label") == STRINGS["map_zoom_in"]["ja"]
    marker = frame.locator(".map-marker")
    assert marker.get_attribute("role") == "button"
    marker.focus()
    marker.press("Enter")
    assert "レーニン広場" in frame.locator(".leaflet-popup-content").inner_text()
    # An accessibility walkthrough: the popup's link came after every other marker, Leaflet's close
    # button was "Close popup" in English, Escape did nothing and closing dropped the focus.
    close = frame.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") == STRINGS["map_close_popup"]["ja"]
    assert frame.locator(".leaflet-popup").evaluate("box => box.contains(document.activeElement)")
    seen.page.keyboard.press("Escape")
    assert frame.locator(".leaflet-popup").count() == 0
    assert marker.evaluate("node => document.activeElement === node")
    marker.press(" ")  # Space too, as on a button (an accessibility walkthrough: only Enter did)
    assert "レーニン広場" in frame.locator(".leaflet-popup-content").inner_text()
    # The map page opens links in the main window (<base target="_top">); its own buttons must not.
    page_url = seen.page.url
    frame.locator(".leaflet-popup-close-button").click()
    zoom_in.click()
    seen.page.wait_for_timeout(300)
    assert seen.page.url == page_url and frame.locator(".leaflet-popup").count() == 0
    assert_clean(seen)


def test_home_map_is_small_and_folds_its_legend(visit, fixture_site, fixture_server):  # noqa: F811
    seen = visit(fixture_site, fixture_server, "ko/")
    frame = map_frame(seen)
    height = seen.page.locator("figure.site-map iframe").bounding_box()["height"]
    assert 200 <= height <= 400
    assert frame.evaluate("document.querySelector('.map-legend').open") is False
    assert_all_markers(frame, 6)
    assert_clean(seen)


def test_venue_map_is_centred_on_the_venue(visit, fixture_site, fixture_server):  # noqa: F811
    seen = visit(fixture_site, fixture_server, "zh/venues/amur-bridge-museum/")
    frame = map_frame(seen)
    left, top, width, height = frame.evaluate(
        "(() => { const r = document.querySelector('.map-marker').getBoundingClientRect();"
        " return [r.left, r.top, innerWidth, innerHeight]; })()"
    )
    tip = (left + 12, top + 29)  # the pin's point: its icon anchor (citysite/maps/build.py)
    assert abs(tip[0] - width / 2) <= 1 and abs(tip[1] - height / 2) <= 1
    assert_clean(seen)


@pytest.mark.parametrize("url", ["venues/grodekov-museum/", "ko/venues/lenin-square/"])
def test_a_venue_map_below_the_first_screen_loads_once_scrolled_to(browser, site, site_server, url):
    """On a phone a venue's map lies below the first screen: until the reader scrolls to it the
    page asks for no map and no Leaflet (docs/javascripts/map-frames.js); in view, it loads and
    shows the venue."""
    context = browser.new_context(**PHONE)
    try:
        context.route(re.compile(rf"^https?://{re.escape(TILE_HOST)}/"),
                      lambda route: route.fulfill(body=PNG_1X1, content_type="image/png"))
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(urlsplit(request.url).path))
        page.goto(site_server + url, wait_until="networkidle")
        page.wait_for_timeout(500)
        iframe = page.locator("figure.site-map iframe")
        assert iframe.bounding_box()["y"] > PHONE["viewport"]["height"], "pick a venue whose map is below the first screen"
        assert [path for path in asked if "/maps/" in path or "leaflet" in path] == []
        iframe.scroll_into_view_if_needed()
        page.wait_for_selector("figure.site-map iframe[src]")
        iframe.element_handle().content_frame().wait_for_selector(".map-marker", state="attached")
        venue = url.rstrip("/").rsplit("/", 1)[-1]
        assert [path for path in asked if path.endswith(f"/maps/venue-{venue}.html")]
    finally:
        context.close()


def test_a_visitor_who_asked_for_less_motion_gets_no_map_animations(browser, site_server):
    context = browser.new_context(**PHONE, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(site_server + "maps/venues.html")
        page.wait_for_selector(".map-marker", state="attached")
        options = page.evaluate("""() => { const map = Object.values(window).find(v => v && v._container && v.eachLayer);
            return [map.options.zoomAnimation, map.options.fadeAnimation, map.options.markerZoomAnimation]; }""")
        assert options == [False, False, False]
    finally:
        context.close()


def swipe_up(context, page, x: float, y: float) -> None:
    """One finger from (x, y) 250 px up, as a phone's touch screen sends it (Chromium's own input)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 25 * step}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_on_a_phone_one_finger_over_a_framed_map_scrolls_the_page(browser, site_server):
    """A Chinese visitor swiping down the places page panned its map (548 of the screen's 844 px)
    and the page stood still: in a page's frame, one finger now scrolls the page and the map says
    that two fingers move it; the map opened full screen still moves with one."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.route(re.compile(r"https://tile\.openstreetmap\.org/.*"),
                   lambda route: route.fulfill(body=PNG_1X1, content_type="image/png"))
        page.goto(site_server + "zh/venues/", wait_until="networkidle")
        element = page.locator("figure.site-map iframe").first
        element.scroll_into_view_if_needed()
        frame = element.element_handle().content_frame()
        frame.wait_for_selector(".map-marker", state="attached")
        box, before = element.bounding_box(), page.evaluate("scrollY")
        swipe_up(context, page, box["x"] + box["width"] / 2, box["y"] + box["height"] - 60)
        assert page.evaluate("scrollY") > before + 100
        note = frame.locator(".map-touch-note")
        assert note.is_visible() and note.text_content() == STRINGS["map_two_fingers"]["zh"]
        seen = note.bounding_box()  # below the page's sticky header (at the map's top it slid under it)
        header = page.locator("header.md-header").bounding_box()
        assert seen["y"] > header["y"] + header["height"] and seen["y"] + seen["height"] < 844
        page.goto(site_server + "zh/maps/venues.html")
        page.wait_for_selector(".map-marker", state="attached")
        assert page.evaluate("Object.values(window).find(v => v && v._container && v.eachLayer).dragging.enabled()")
    finally:
        context.close()


def test_a_high_contrast_mode_keeps_the_categories_colours(browser, site_server):
    """In forced colours every pin and legend swatch became the same outline: the categories could
    no longer be told apart."""
    context = browser.new_context(**PHONE, forced_colors="active")
    try:
        page = context.new_page()
        page.goto(site_server + "maps/venues.html")
        page.wait_for_selector(".map-swatch", state="attached")
        colours = page.evaluate("[...document.querySelectorAll('.map-legend .map-swatch')]"
                                ".map(el => getComputedStyle(el).backgroundColor)")
        assert len(colours) >= 5 and len(set(colours)) >= len(colours) - 2, colours
    finally:
        context.close()


def test_a_keyboard_can_skip_a_map_in_a_page(browser, site_server):
    """A map in a page was some twenty Tab stops (its places, buttons and credits) with no way round
    them (an accessibility walkthrough): a link before it, seen when the keyboard reaches it, goes
    past the map to its caption."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_server + "ko/routes/centre-day/", wait_until="networkidle")
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.site-map__skip')"):
                break
        skip = page.locator(".site-map__skip")
        assert skip.evaluate("link => link === document.activeElement"), "the keyboard never reached it"
        assert skip.inner_text() == STRINGS["map_skip_past"]["ko"] and skip.bounding_box()["width"] > 20
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('figure.site-map figcaption') !== null")
        assert page.evaluate("document.activeElement.textContent") == STRINGS["map_open_full"]["ko"]
    finally:
        page.close()


def test_tab_from_a_popup_goes_on_to_the_next_place(browser, site_server):
    """An accessibility walkthrough: after a stop's popup (its link, then Close), Tab went on to the
    zoom buttons, since the popup comes after every marker; it now closes the popup and goes on
    to the next stop."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_server + "maps/route-centre-day.html", wait_until="networkidle")
        markers = page.locator(".leaflet-marker-pane .leaflet-marker-icon[tabindex='0']")
        markers.nth(0).focus()
        page.keyboard.press("Enter")
        page.locator(".leaflet-popup").wait_for()
        # The popup's link, which takes the focus, names its place: "Place details" alone was all a
        # screen reader said, the same in every popup (an accessibility walkthrough).
        name = page.locator(".leaflet-popup-content strong").inner_text().split(": ", 1)[-1]  # "Stop 1: …"
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert label.startswith(page.evaluate("document.activeElement.textContent") + ": ") and label.endswith(name)
        for _ in range(5):
            if page.evaluate("document.activeElement.matches('.leaflet-popup-close-button')"):
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.locator(".leaflet-popup").count() == 0
        assert page.evaluate("document.activeElement.title") == markers.nth(1).get_attribute("title")
    finally:
        page.close()


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_keyboard_opens_a_cluster_of_places(browser, site_server, key):
    """An accessibility walkthrough pressed Enter on the venues map's cluster bubbles ("7 places
    here; select to zoom in") and nothing happened: 21 of the 28 venues were out of a keyboard's
    reach. The key zooms in as a click does and the keyboard goes on to the first of its places."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_server + "maps/venues.html", wait_until="networkidle")
        zoom = "Object.values(window).find(value => value instanceof L.Map).getZoom()"
        before = page.evaluate(zoom)
        page.locator(".marker-cluster").first.focus()
        page.keyboard.press(key)
        page.wait_for_function(f"{zoom} > {before}", timeout=5000)
        page.wait_for_function("document.activeElement.classList.contains('leaflet-marker-icon')", timeout=5000)
    finally:
        page.close()


def test_a_venue_map_below_the_first_screen_loads_when_the_keyboard_reaches_it(browser, site_server):
    """An accessibility walkthrough tabbed to the venue map's frame while it was still empty; the
    next Tab skipped the map, so a keyboard never reached its markers."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(site_server + "ko/venues/grodekov-museum/", wait_until="networkidle")
        frame = page.locator("figure.site-map iframe")
        assert frame.get_attribute("data-src")
        frame.evaluate("frame => frame.focus({preventScroll: true})")
        page.wait_for_selector("figure.site-map iframe[src]", timeout=3000)
    finally:
        context.close()


# --- where am I ----------------------------------------------------------------------------------

# The map's Leaflet object (folium names it map_<n>), its view, and where "You are here" and the
# other markers are drawn in the frame.
LOCATED = """() => {
  const map = Object.values(window).find(value => value instanceof L.Map), centre = map.getCenter();
  const here = document.querySelector('.map-here'), note = document.querySelector('.map-locate-note');
  const inView = icon => { const r = icon.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
                          return x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight; };
  return {centre: [centre.lat, centre.lng], zoom: map.getZoom(), note: note.textContent || null,
          here: here && {title: here.title, inView: inView(here)},
          othersOutOfView: [...document.querySelectorAll('.leaflet-marker-icon:not(.map-here)')].filter(i => !inView(i)).length};
}"""
PLAZA = {"latitude": 48.4790, "longitude": 135.0740}  # by Lenin Square, in the city
AIRPORT_WAY = {"latitude": 48.5050, "longitude": 135.1500}  # in the city, away from the centre walk
SEOUL = {"latitude": 37.5665, "longitude": 126.9780}


def _press_locate(frame, lang: str) -> dict:
    before = frame.evaluate(LOCATED)
    frame.get_by_role("button", name=STRINGS["map_locate"][lang]).click()
    frame.wait_for_function("() => !document.querySelector('.map-locate__button[aria-busy]')")
    frame.wait_for_timeout(400)  # the view's animation
    return before


def test_the_venues_map_goes_to_the_visitor_in_the_city(visit, site, site_server):
    seen = visit(site, site_server, "ru/maps/venues.html", geolocation=PLAZA, permissions=["geolocation"])
    frame = seen.page.main_frame
    frame.wait_for_selector(".leaflet-marker-icon", state="attached")
    assert frame.locator(".map-here").count() == 0, "the location is asked only when the button is pressed"
    _press_locate(frame, "ru")
    after = frame.evaluate(LOCATED)
    assert after["here"] == {"title": STRINGS["map_here"]["ru"], "inView": True}
    assert after["zoom"] >= 15 and after["note"] is None
    assert abs(after["centre"][0] - PLAZA["latitude"]) < 1e-4 and abs(after["centre"][1] - PLAZA["longitude"]) < 1e-4
    assert_clean(seen)


@pytest.mark.parametrize("url", ["ja/venues/grodekov-museum/", "routes/centre-day/"])
def test_a_venue_or_route_map_keeps_its_places_in_view_with_the_visitor(visit, site, site_server, url):
    """In the page's frame: the visitor's position and the venue, or every stop of the route."""
    lang = url.split("/")[0] if url.startswith(("ru/", "zh/", "ja/", "ko/")) else "en"
    seen = visit(site, site_server, url, geolocation=AIRPORT_WAY, permissions=["geolocation"])
    frame = map_frame(seen)
    _press_locate(frame, lang)
    after = frame.evaluate(LOCATED)
    assert after["here"] == {"title": STRINGS["map_here"][lang], "inView": True}
    assert after["othersOutOfView"] == 0 and after["note"] is None
    assert_clean(seen)


@pytest.mark.parametrize(("lang", "options", "message"), [
    ("ko", {"geolocation": SEOUL, "permissions": ["geolocation"]}, "map_locate_far"),
    ("zh", {}, "map_locate_failed"),  # the visitor refused, or the phone cannot tell
])
def test_away_from_the_city_or_without_a_location_the_map_stays_and_says_why(visit, site, site_server, lang,
                                                                                 options, message):
    seen = visit(site, site_server, f"{language_prefix(lang)}maps/venues.html", **options)
    frame = seen.page.main_frame
    frame.wait_for_selector(".leaflet-marker-icon", state="attached")
    before = _press_locate(frame, lang)
    after = frame.evaluate(LOCATED)
    assert after["note"] == STRINGS[message][lang]
    assert (after["centre"], after["zoom"], after["here"]) == (before["centre"], before["zoom"], None)
    assert_clean(seen)


def test_without_https_no_locate_button_and_the_near_me_list_says_why(browser, site):
    """Browsers refuse a location to a page served over plain HTTP (not a secure context): there
    the map has no button that could only fail, and the list of places' button says why it cannot."""
    context = browser.new_context(**PHONE, geolocation=PLAZA, permissions=["geolocation"])
    try:
        context.route(re.compile(r"^http://insecure\.example\.net/"), lambda route: _from_folder(route, site))
        context.route(re.compile(rf"^https?://{re.escape(TILE_HOST)}/"),
                      lambda route: route.fulfill(body=PNG_1X1, content_type="image/png"))
        page = context.new_page()
        page.goto("http://insecure.example.net/ko/maps/venues.html")
        page.wait_for_selector(".leaflet-marker-icon", state="attached")
        assert page.evaluate("window.isSecureContext") is False
        assert page.locator(".leaflet-control-zoom").count() == 1
        assert page.locator(".map-locate__button").count() == 0
        page.goto("http://insecure.example.net/ko/venues/")  # the list's button says it cannot
        assert _press_near_me(page, "ko") == {"note": STRINGS["map_locate_failed"]["ko"], "places": None}
    finally:
        context.close()


NEAR_ME_SHOWN = """() => {
  const note = document.querySelector('.near-me__note'), list = document.querySelector('.near-me__list');
  return {note: note.textContent || null,
          places: list.hidden ? null : [...list.querySelectorAll('li')].map(li =>
            [li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent,
             li.querySelector('.near-me__distance').textContent])};
}"""


def _press_near_me(page, lang: str) -> dict:
    page.get_by_role("button", name=STRINGS["venues_near_me"][lang]).click()
    page.wait_for_function("() => !document.querySelector('.near-me__button[aria-busy]')")
    page.wait_for_function("() => document.querySelector('.near-me__note').textContent !== ''")
    return page.evaluate(NEAR_ME_SHOWN)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_list_of_places_shows_the_five_nearest_to_the_visitor(visit, site, site_server, real_data, lang):
    """By Lenin Square, "show the places nearest to me" lists the five nearest places, nearest
    first, each linking its page, with its distance written as the site writes distances."""
    seen = visit(site, site_server, f"{language_prefix(lang)}venues/", geolocation=PLAZA, permissions=["geolocation"])
    assert seen.page.evaluate(NEAR_ME_SHOWN) == {"note": None, "places": None}, "nothing is asked before the button"
    # the live region waits in the page, empty: one unhidden and filled at once was often not announced
    assert seen.page.evaluate("!document.querySelector('.near-me__note').hidden")
    shown = _press_near_me(seen.page, lang)
    nearest = sorted(real_data.venues.values(),
                     key=lambda venue: distance_km(PLAZA["latitude"], PLAZA["longitude"], (venue.lat, venue.lon)))[:5]
    assert shown["note"] == STRINGS["venues_near_me_found"][lang]
    assert shown["places"] == [
        [f"{venue.id}/", venue.name[lang], STRINGS["distance_value"][lang].format(
            distance=distance_text(distance_km(PLAZA["latitude"], PLAZA["longitude"], (venue.lat, venue.lon)), lang))]
        for venue in nearest]
    assert_clean(seen)


@pytest.mark.parametrize(("lang", "options", "message"), [
    ("ja", {"geolocation": SEOUL, "permissions": ["geolocation"]}, "venues_near_me_far"),
    ("ru", {}, "map_locate_failed"),
])
def test_away_from_the_city_or_without_a_location_the_list_says_why(visit, site, site_server, lang, options, message):
    seen = visit(site, site_server, f"{language_prefix(lang)}venues/", **options)
    shown = _press_near_me(seen.page, lang)
    assert shown == {"note": STRINGS[message][lang], "places": None}
    assert_clean(seen)


# --- walking routes --------------------------------------------------------------------------------

STOPS_DRAWN = """() => [...document.querySelectorAll('.map-marker--stop')].map(icon => [icon.textContent, icon.title])"""
# Stops in view a reader cannot read or tap: covered at their own centre by another stop, or with
# their disc over another's ([covered, overlapping pairs]).
STOPS_HIDDEN = """() => {
  const stops = [...document.querySelectorAll('.map-marker--stop')], boxes = stops.map(s => s.getBoundingClientRect());
  const covered = stops.filter((stop, i) => {
    const x = boxes[i].x + boxes[i].width / 2, y = boxes[i].y + boxes[i].height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;  // zoomed in: out of view
    const top = document.elementFromPoint(x, y);
    return !top || top.closest('.map-marker--stop') !== stop;
  }).map(stop => stop.textContent);
  const touching = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (Math.hypot(a.x - b.x, a.y - b.y) < a.width) touching.push(stops[i].textContent + '/' + stops[i + 1 + j].textContent);
  }));
  return [covered, touching];
}"""


# [stops moved aside, legs from their place to their number, dots at their place] (map.js, spreadStops)
STOPS_MOVED = """size => {
  const moved = [...document.querySelectorAll('.map-marker--stop')].filter(
    stop => parseFloat(stop.style.marginTop) !== -size / 2 || parseFloat(stop.style.marginLeft) !== -size / 2).length;
  return [moved, document.querySelectorAll('path.map-leg:not(.map-leg__place)').length,
          document.querySelectorAll('path.map-leg__place').length];
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_route_maps_show_the_numbered_stops(visit, site, site_server, real_data, lang):
    """Each route page's map draws the line and one marker per stop, numbered 1, 2, 3... as the
    list under it and titled with the stop's name, all in view, none hidden under another, also
    after zooming in (two stops of the centre walk are 25 m apart); inside the page's frame the
    map has no header of its own and fills the frame."""
    prefix = language_prefix(lang)
    assert len(real_data.routes) >= 2
    moved_stops = {}
    for route in real_data.routes.values():
        seen = visit(site, site_server, f"{prefix}routes/{route.id}/")
        frame = map_frame(seen)
        expected = [
            [str(number), STRINGS["route_stop_title"][lang].format(number=number, name=real_data.venues[stop.venue].name[lang])]
            for number, stop in enumerate(route.stops, start=1)
        ]
        assert frame.evaluate(STOPS_DRAWN) == expected, route.id
        assert frame.evaluate(STOPS_HIDDEN) == [[], []], route.id
        moved, legs, dots = frame.evaluate(STOPS_MOVED, STOP_SIZE)
        assert legs == dots == moved, (route.id, moved, legs, dots)  # a stop moved aside keeps its place on the line
        moved_stops[route.id] = moved
        assert_all_markers(frame, len(route.stops))
        if lang == "en":  # the spreading does not depend on the language
            frame.locator(".leaflet-control-zoom-in").click()
            frame.wait_for_timeout(400)  # the zoom animation
            assert frame.evaluate(STOPS_HIDDEN) == [[], []], f"{route.id}, zoomed in"
            moved, legs, dots = frame.evaluate(STOPS_MOVED, STOP_SIZE)
            assert legs == dots == moved <= moved_stops[route.id], (route.id, "zoomed in", moved, legs, dots)
        assert frame.locator("path.map-line--route").count() == 1
        # the line is drawn for the eye: a screen reader met it as an unnamed image (a walkthrough)
        drawing = "line => line.closest('svg').getAttribute('aria-hidden')"
        assert frame.locator("path.map-line--route").evaluate(drawing) == "true"
        assert frame.locator(".map-header").is_hidden() and frame.locator(".map-skip").is_hidden()
        assert frame.evaluate("document.querySelector('.folium-map').getBoundingClientRect().top") == 0
        assert_clean(seen)
    assert moved_stops["centre-day"] > 0  # 15 stops, some a few metres apart


POPUP_BESIDE_THE_BUTTONS = """async () => {
    const map = Object.values(window).find(value => value && value._container && value.eachLayer);
    let marker = null;
    map.eachLayer(layer => { if (!marker && layer.getPopup && layer.getPopup() && layer.getLatLng) marker = layer; });
    const at = map.latLngToContainerPoint(marker.getLatLng());
    map.panBy([at.x - 12, at.y - 140], {animate: false});  // the stop just under the zoom buttons
    marker.openPopup();
    await new Promise(resolve => setTimeout(resolve, 800));  // Leaflet's pan to show the popup
    const popup = document.querySelector('.leaflet-popup').getBoundingClientRect();
    const buttons = document.querySelector('.leaflet-top.leaflet-left').getBoundingClientRect();
    return {popupLeft: popup.left, buttonsRight: buttons.right};
}"""


def test_a_popup_opened_beside_the_map_buttons_is_not_hidden_under_them(visit, site, site_server):
    """A visitor tapped a place at the left edge of a map and read "닌 경기장": the first letters of
    its popup were under the zoom and locate buttons."""
    seen = visit(site, site_server, "ko/maps/route-centre-day.html")
    seen.page.wait_for_selector(".leaflet-marker-icon")
    found = seen.page.evaluate(POPUP_BESIDE_THE_BUTTONS)
    assert found["popupLeft"] >= found["buttonsRight"], found


POPUPS_OUTSIDE_THE_MAP = """async () => {
    const map = Object.values(window).find(value => value && value._container && value.eachLayer);
    const markers = [];
    map.eachLayer(layer => { if (layer.getPopup && layer.getPopup() && layer.getLatLng) markers.push(layer); });
    const outside = [];
    for (const marker of markers) {
        marker.openPopup();
        await new Promise(resolve => setTimeout(resolve, 350));  // Leaflet's pan to show the popup
        const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
        if (box.left < 0 || box.right > window.innerWidth)
            outside.push([marker.options.title, Math.round(box.left), Math.round(box.right), window.innerWidth]);
        marker.closePopup();
    }
    return [markers.length, outside];
}"""


TAP_TARGETS = """() => {
    const buttons = [...document.querySelectorAll('.leaflet-bar a, .map-locate__button')]
        .map(button => { const box = button.getBoundingClientRect(); return [box.width, box.height]; });
    const pin = document.querySelector('.leaflet-marker-pane .map-marker').getBoundingClientRect();
    const x = pin.left + pin.width / 2, y = pin.top + pin.height / 2;
    const beside = [[x + 18, y], [x - 18, y], [x, y + 18], [x, y - 18]]
        .map(([px, py]) => document.elementFromPoint(px, py)?.closest('.map-marker') !== null);
    return {buttons, beside};
}"""


def test_on_a_phone_the_map_buttons_and_pins_are_large_enough_to_tap_in_gloves(visit, site, site_server):
    """A visitor in -25 °C found the 30 px zoom buttons and the 24 px pins too small to hit in gloves."""
    seen = visit(site, site_server, "ko/maps/venue-lenin-square.html")
    seen.page.wait_for_selector(".leaflet-marker-icon")
    found = seen.page.evaluate(TAP_TARGETS)
    assert len(found["buttons"]) >= 2 and all(w >= 40 and h >= 40 for w, h in found["buttons"]), found
    assert all(found["beside"]), "a tap 18 px from the pin's centre reaches the pin"


def test_every_popup_of_a_route_map_fits_the_map_on_a_phone(visit, site, site_server):
    """On a phone the route map in a page is 358 px wide: a stop's popup (280 px of text) ran 26 px
    past its right edge, its close button out of reach."""
    seen = visit(site, site_server, "ko/routes/centre-day/")
    frame = map_frame(seen)
    count, outside = frame.evaluate(POPUPS_OUTSIDE_THE_MAP)
    assert count > 5 and outside == [], outside


def test_a_stop_s_popup_names_it_and_links_its_venue(visit, fixture_site, fixture_server):  # noqa: F811
    seen = visit(fixture_site, fixture_server, "zh/routes/fixture-walk/")
    frame = map_frame(seen)
    marker = frame.locator(".map-marker--stop", has_text="4")
    assert marker.get_attribute("title") == "第4站：列宁广场"
    marker.click()
    popup = frame.locator(".leaflet-popup-content .map-popup")
    popup.wait_for()
    assert popup.locator("strong").inner_text() == "第4站：列宁广场"
    follow_popup_link(seen, popup, "zh/venues/lenin-square/", "列宁广场")
    assert_clean(seen)


# --- full-screen maps: the site's header ---------------------------------------------------------

def test_full_screen_map_has_the_header_back_link_and_language_menu(visit, fixture_site, fixture_server):  # noqa: F811
    """A venue map opened on its own: the site's header above the map (not over it), whose language
    menu leads to the same map in another language and whose back link to the venue's page."""
    seen = visit(fixture_site, fixture_server, "ja/maps/venue-lenin-square.html")
    page = seen.page
    page.wait_for_selector(".map-marker", state="attached")
    header = page.locator("header.map-header")
    assert header.is_visible()
    box = header.bounding_box()
    assert page.locator(".folium-map").bounding_box()["y"] >= box["y"] + box["height"] - 0.5
    assert page.locator(".map-header__site").inner_text() == "ハバロフスク"
    assert page.locator(".map-header__back").inner_text() == "← " + STRINGS["map_back"]["ja"].format(page="レーニン広場")

    page.locator(".map-header__languages summary").click()
    page.locator('.map-header__languages a[lang="ko"]').click()
    page.wait_for_url(fixture_server + "ko/maps/venue-lenin-square.html")
    assert page.evaluate("document.documentElement.lang") == "ko"
    page.wait_for_selector(".map-marker", state="attached")
    assert page.locator(".map-marker").get_attribute("title") == "레닌 광장"

    page.locator(".map-header__back").click()
    page.wait_for_url(fixture_server + "ko/venues/lenin-square/")
    assert page.locator("h1").first.inner_text().rstrip("¶ \n") == "레닌 광장"
    assert_clean(seen)


FOCUSED = """() => { const e = document.activeElement;
    return {cls: e.getAttribute('class') || '', id: e.id, title: e.getAttribute('title') || '',
            outline: getComputedStyle(e).outlineStyle, top: e.getBoundingClientRect().top}; }"""


def test_keyboard_reaches_the_back_link_and_every_stop(visit, fixture_site, fixture_server):  # noqa: F811
    """Tab from the top of a full-screen route map: the skip link (shown when focused), the site's
    name, the back link (with a visible focus ring), the language menu, the map, then each stop in
    order. The skip link moves the focus to the map."""
    seen = visit(fixture_site, fixture_server, "ru/maps/route-fixture-walk.html")
    page = seen.page
    page.wait_for_selector(".map-marker--stop", state="attached")
    page.wait_for_timeout(300)
    focused = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused.append(page.evaluate(FOCUSED))
    classes = [item["cls"] for item in focused]
    assert "map-skip" in classes[0] and focused[0]["top"] >= 0
    back = next(i for i, cls in enumerate(classes) if "map-header__back" in cls)
    assert focused[back]["outline"] != "none"
    stops = [item["title"] for item in focused if "map-marker--stop" in item["cls"]]
    names = ["Комсомольская площадь", "Дальневосточный художественный музей", "Дальневосточная филармония",
             "Площадь Ленина", HOSTILE]
    assert stops == [STRINGS["route_stop_title"]["ru"].format(number=n, name=name) for n, name in enumerate(names, 1)]
    assert back < next(i for i, cls in enumerate(classes) if "map-marker--stop" in cls)

    page.goto(fixture_server + "ru/maps/route-fixture-walk.html")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map-main"
    assert_clean(seen)


# Every opacity below 1 that a map tile is given, in order.
RECORD_TILE_OPACITY = """
window.__tileOpacities = [];
new MutationObserver(function (changes) {
  changes.forEach(function (change) {
    var tile = change.target;
    if (tile.classList && tile.classList.contains("leaflet-tile") && tile.style.opacity !== "" && tile.style.opacity < 1) {
      window.__tileOpacities.push(tile.style.opacity);
    }
  });
}).observe(document, {attributes: true, attributeFilter: ["style"], subtree: true});
"""


@pytest.mark.parametrize("url", ["maps/venues.html", "ru/maps/partners.html", "ja/maps/route-centre-day.html"])
def test_a_map_does_not_move_or_fade_as_its_layers_arrive(browser, site, site_server, url):
    """The legend and the tiles' attribution are in their corner before the first paint; the
    markers and routes that follow in later tasks move nothing (cumulative layout shift 0). Tiles
    show as they arrive: Leaflet's fade-in would set a tile's opacity frame after frame."""
    context = browser.new_context(**PHONE)
    try:
        context.route(re.compile(rf"^https?://{re.escape(TILE_HOST)}/"),
                      lambda route: route.fulfill(body=PNG_1X1, content_type="image/png"))
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.add_init_script(RECORD_TILE_OPACITY)
        page.goto(site_server + url, wait_until="networkidle")
        page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
        page.wait_for_selector(".leaflet-tile-loaded")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__shifts") == []
        assert page.evaluate("window.__tileOpacities") == []
    finally:
        context.close()


RUN_STEPS = """([stepMs, count]) => new Promise((done) => {
  const ran = [];
  const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end) {} };
  citysite.runSteps(Array.from({length: count}, (_, i) => () => { busy(stepMs); ran.push(i); }));
  setTimeout(() => {  // queued after runSteps' first task, before any task that one queues
    const inFirstTask = ran.length;
    const wait = () => ran.length < count ? setTimeout(wait, 10) : done({inFirstTask, ran});
    wait();
  }, 0);
})"""


def test_a_map_runs_its_layers_in_short_tasks(browser, site, site_server):
    """citysite.runSteps (maps/map.js) runs the layers in order, several in one task while they
    are quick (a task each let the browser draw the map between layers), and lets the page answer
    taps once a task has taken 8 ms (a long task on a phone four times slower is 50 ms)."""
    page = browser.new_page()
    try:
        page.goto(site_server + "ru/maps/partners.html")
        quick = page.evaluate(RUN_STEPS, [0, 20])
        assert quick["ran"] == list(range(20))
        assert quick["inFirstTask"] > 1
        slow = page.evaluate(RUN_STEPS, [5, 6])
        assert slow["ran"] == list(range(6))
        assert 1 <= slow["inFirstTask"] <= 2
    finally:
        page.close()


# --- the host's security headers -------------------------------------------------------------------

def publishing_guide_headers() -> dict[str, str]:
    """The security headers both publishing guides give a host (CONTRIBUTING.md and .ru.md,
    Publishing, step 5), read from their text."""
    found = [dict(re.findall(r"^\s*(Content-Security-Policy|X-Frame-Options): (\S.*)$",
                             (ROOT / guide).read_text(encoding="utf-8"), re.M))
             for guide in ("CONTRIBUTING.md", "CONTRIBUTING.ru.md")]
    assert found[0] == found[1] and sorted(found[0]) == ["Content-Security-Policy", "X-Frame-Options"], found
    return found[0]


def test_maps_and_search_work_under_the_headers_the_publishing_guide_gives(visit, site, real_data):
    """A publisher who followed the guide's earlier advice (a policy without inline styles, data:
    images or frames) got a venues map with no markers, and a host's usual X-Frame-Options: DENY
    blanked every map. Served with the headers the guide now gives, a page with a map draws it, the
    search finds pages, and nothing is refused (the browser logs every refusal as an error)."""
    headers = publishing_guide_headers()

    class GuardedHost(StaticHost):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    with serve_directory(site.root, host=GuardedHost) as base_url:
        seen = visit(site, base_url, "ja/venues/")
        assert_all_markers(map_frame(seen), len(real_data.venues))
        seen.page.locator("label.md-header__button[for='__search']").click()
        seen.page.locator("input.md-search__input").fill("博物館")
        seen.page.locator("li.md-search-result__item").first.wait_for()  # a locator: the policy forbids eval
        assert_clean(seen)
