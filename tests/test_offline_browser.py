"""The offline guide in Chromium (hooks/citysite/offline, issue 19): the site installs as an app in
every language, also under a sub-path; after one online visit, with the network off, the kept pages
of each language render with their content and styles, a page not kept shows the offline page in
that language, and a map shows its places with a note that tiles need a connection; a new build
replaces the cache; map tiles are kept within the cap; the worker at the site root leaves the other
languages alone.

"Network off" is both Playwright's offline mode and the test's own server shut down. Installability
is asked of Chromium (DevTools' Page.getInstallabilityErrors) in a persistent profile: an incognito
profile is never installable.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from citysite import offline
from citysite.data import load_site_data
from citysite.languages import language_prefix, load_ui_strings
from tests.conftest import CHROMIUM, ROOT, SUB_PATH_URL
from tests.helpers import LANGUAGES, PNG_1X1, BuiltSite, plain, serve_directory
from tests.test_offline import project_guide

pytestmark = pytest.mark.browser

STRINGS = load_ui_strings(ROOT)
DATA = load_site_data(ROOT / "data")
PREFIX = {lang: language_prefix(lang) for lang in LANGUAGES}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TILE_HOST = "tile.openstreetmap.org"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

# Resolves with the worker's scope once it is active (its install, the kept files, is done) and
# controls the page (it claims open pages when it activates).
READY = """async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
    return registration.scope;
}"""
CACHES = """async () => {
    const found = {};
    for (const name of await caches.keys()) {
        found[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return found;
}"""
HEADER_COLOUR = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"


def heading(site: BuiltSite, url: str) -> str:
    return site.page(url).select_one("h1").get_text().rstrip("¶").strip()


def shown_heading(page) -> str:
    return page.locator("h1").first.inner_text().rstrip("¶").strip()


def tiles_with_cors(route) -> None:
    route.fulfill(body=PNG_1X1, content_type="image/png", headers={"Access-Control-Allow-Origin": "*"})


@pytest.fixture
def profile(browser, tmp_path):
    """A persistent Chromium profile (yields a function url -> page): installability needs one."""
    contexts = []

    def open_page(url: str):
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / f"profile-{len(contexts)}"), executable_path=CHROMIUM, headless=True, args=ARGS)
        contexts.append(context)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def site_copy(site, tmp_path) -> Path:
    """A copy of the built site that a test may change (a new build, other settings)."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    return copy


def assert_installable(page, base: str, lang: str) -> None:
    scope = page.evaluate(READY)
    assert scope == base + PREFIX[lang]
    response = page.reload()
    assert response.from_service_worker, "the worker answers the page (it has a fetch handler)"
    session = page.context.new_cdp_session(page)
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"] == base + PREFIX[lang] + offline.MANIFEST
    assert manifest["errors"] == []
    assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    assert page.evaluate("document.querySelector('link[rel=manifest]').href") == manifest["url"]


# --- installable -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_site_installs_as_an_app_in_each_language(site, site_server, profile, lang):
    page = profile(site_server + PREFIX[lang] + "visit/")
    assert_installable(page, site_server, lang)


def test_the_app_installs_under_a_sub_path_in_every_language(sub_path_site, profile):
    path = urlsplit(SUB_PATH_URL).path
    with serve_directory(sub_path_site.root, prefix=path) as base:
        assert base.endswith("/khabarovsk/")
        for lang in LANGUAGES:
            page = profile(base + PREFIX[lang])
            assert_installable(page, base, lang)
            page.context.set_offline(True)
            page.goto(base + PREFIX[lang] + "venues/")
            assert shown_heading(page) == heading(sub_path_site, PREFIX[lang] + "venues/")
            page.goto(base + PREFIX[lang] + "cooperation/")
            assert shown_heading(page) == STRINGS["offline_title"][lang]
            registrations = page.evaluate("navigator.serviceWorker.getRegistrations().then("
                                          "list => list.map(r => r.scope))")
            assert registrations == [base + PREFIX[lang]]  # under the base path, nothing else on the host


# --- offline ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_one_visit_the_guide_reads_offline(browser, site, lang):
    prefix = PREFIX[lang]
    venues = list(DATA.venues.values())[:3]
    route = next(iter(DATA.routes.values()))
    context = browser.new_context(**PHONE)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(site.root) as base:
        page.goto(base + prefix)
        assert page.evaluate(READY) == base + prefix
    context.set_offline(True)  # and the server is gone

    kept = ["", "visit/", "events/", "venues/", *(f"venues/{venue.id}/" for venue in venues),
            "routes/", f"routes/{route.id}/", "partners/", "about/",  # about/: the Japanese memorial
            "events/category/museum/"]  # a category's list, where search led a walkthrough (2026-12-07)
    for url in kept:
        page.goto(base + prefix + url)
        assert shown_heading(page) == heading(site, prefix + url), url
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate(HEADER_COLOUR) == "rgb(11, 74, 111)", f"{url}: the site's styles, from the cache"
    for venue in venues:  # the address for the taxi driver, in Russian
        page.goto(base + prefix + f"venues/{venue.id}/")
        assert plain(venue.address.ru) in plain(page.locator("article").inner_text())

    # a page not kept: the offline page in the reader's language, at the address asked for, saying
    # so under its heading, and that the guide is kept on this device (a roaming visitor could not
    # tell whether it was, or that a save cut off halfway had left nothing that opens)
    page.goto(base + prefix + "cooperation/")
    assert page.url == base + prefix + "cooperation/"
    assert shown_heading(page) == STRINGS["offline_title"][lang]
    expect(page.locator("article h1 + .kh-offline-missing")).to_have_text(STRINGS["offline_status_missing"][lang])
    expect(page.locator(".kh-offline-status")).to_have_text(STRINGS["offline_status_saved"][lang])
    assert plain(STRINGS["offline_maps"][lang]) in plain(page.locator("article").inner_text())  # which maps work offline
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate(HEADER_COLOUR) == "rgb(11, 74, 111)"
    links = page.locator("article ul.kh-offline-pages a")
    assert links.count() >= len(DATA.venues) + 6
    with page.expect_navigation():
        page.locator(f'article ul.kh-offline-pages a[href$="venues/{venues[0].id}/"]').click()
    assert page.url == base + prefix + f"venues/{venues[0].id}/"
    assert shown_heading(page) == heading(site, prefix + f"venues/{venues[0].id}/")
    if lang == "en":  # another language's page, its guide not installed: the offline page, not the browser's error
        page.goto(base + "ru/")
        assert shown_heading(page) == STRINGS["offline_title"]["en"]

    # a route's map: Leaflet and the stops from the cache, a note instead of the missing tiles
    page.goto(base + prefix + f"routes/{route.id}/")
    frame = map_frame(page)
    assert frame.locator(".map-marker--stop").count() == len(route.stops)
    frame.locator(".map-tiles-note").wait_for(state="visible")
    assert frame.locator(".map-tiles-note").inner_text() == STRINGS["map_tiles_offline"][lang]
    frame.locator(".map-marker--stop").first.click()  # the note covered the name in a stop's popup
    frame.locator(".leaflet-popup").wait_for()
    assert not frame.locator(".map-tiles-note").is_visible()
    # a venue's own small map is not kept: its frame says the map needs a connection, never blank
    page.goto(base + prefix + f"venues/{venues[1].id}/")
    frame = map_frame(page, markers=False)
    # the worker answers the frame's request after its load event may have fired on about:blank
    expect(frame.locator("body")).to_contain_text(STRINGS["map_offline"][lang])
    assert frame.evaluate("document.documentElement.lang") == lang
    # with the way to the map of all places, which is kept; and the place's map opened full screen
    # says the same (it showed the list of kept pages, no map: a walkthrough, 2026-12-07)
    all_places = base + prefix + "maps/venues.html"
    assert frame.locator("a").get_attribute("href") == all_places
    assert frame.locator("a").inner_text() == STRINGS["map_offline_all_places"][lang]
    page.goto(base + prefix + f"maps/venue-{venues[1].id}.html")
    assert STRINGS["map_offline"][lang] in page.locator("body").inner_text()
    with page.expect_navigation():
        page.locator("a").click()
    assert page.url == all_places and page.locator(".map-marker").count() > 0
    # a page's address typed without its slash (the server would send the browser on to venues/)
    page.goto(base + prefix + "venues")
    assert shown_heading(page) == heading(site, prefix + "venues/")
    assert dialogs == []
    context.close()


def test_the_offline_page_says_whether_the_guide_is_saved_on_this_device(browser, site):
    """Opened with a connection on a first visit, the offline page says the guide is being saved, then
    that it is saved (a roaming visitor's save stopped halfway without a word); it is no page that
    was asked for and not kept."""
    context = browser.new_context(**PHONE)
    context.add_init_script("""window.khStatuses = []; setInterval(() => {  // every text the line shows
        const line = document.querySelector('.kh-offline-status');
        if (line && !line.hidden && khStatuses.at(-1) !== line.textContent) khStatuses.push(line.textContent);
    }, 20);""")
    page = context.new_page()
    try:
        with serve_directory(site.root) as base:
            page.goto(base + "ko/offline/")
            status = page.locator("article h1 ~ .kh-offline-status")
            expect(status).to_have_text(STRINGS["offline_status_saved"]["ko"], timeout=20000)
            assert not page.locator(".kh-offline-missing").is_visible()
            # never "not saved yet" while it saves (a Korean couple read it for a second, online)
            assert STRINGS["offline_status_none"]["ko"] not in page.evaluate("khStatuses"), page.evaluate("khStatuses")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_one_visit_search_works_offline(browser, site, lang):
    """The search index, Material's search worker and the lunr scripts it imports for the
    language (Japanese: tinyseg) are kept at install: a visitor who never searched online finds
    Plan your visit with the network off."""
    from tests.test_search_browser import NIIGATA, QUERIES, VISIT, search

    context = browser.new_context()  # the search field in the header, as the search tests use it
    page = context.new_page()
    with serve_directory(site.root) as base:
        page.goto(base + PREFIX[lang])
        assert page.evaluate(READY) == base + PREFIX[lang]
    context.set_offline(True)  # and the server is gone
    page.goto(base + PREFIX[lang] + "venues/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    query = next(query for query, expected in QUERIES[lang] if expected == VISIT)
    assert VISIT in search(page, lang, query)[:3], query
    # A partner city's page is not kept: its result says so before it is tapped (a Korean visitor
    # offline opened results that only led to the offline page); Plan your visit's does not.
    query = next(query for query, expected in QUERIES[lang] if expected == NIIGATA)
    assert NIIGATA in search(page, lang, query)[:3], query
    page.wait_for_function("!document.querySelector('a.md-search-result__link[data-kh-kept=\"?\"]')")
    kept = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link", """links =>
        Object.fromEntries(links.map(a => [new URL(a.href).pathname, a.dataset.khKept]))""")
    assert kept[f"/{PREFIX[lang]}{NIIGATA}"] == "no", kept
    notes = page.locator("li.md-search-result__item .kh-not-kept").all_text_contents()
    assert notes and set(notes) == {STRINGS["search_not_kept"][lang]}
    search(page, lang, next(q for q, expected in QUERIES[lang] if expected == VISIT))
    page.wait_for_function("!document.querySelector('a.md-search-result__link[data-kh-kept=\"?\"]')")
    assert page.locator(f"a.md-search-result__link[href*='{VISIT}'][data-kh-kept='yes']").count() >= 1
    context.close()


def map_frame(page, markers: bool = True):
    iframe = page.locator("figure.site-map iframe")
    iframe.scroll_into_view_if_needed()
    page.wait_for_selector("figure.site-map iframe[src]")  # a small map's, once in view
    frame = iframe.element_handle().content_frame()
    frame.wait_for_load_state()
    if markers:
        frame.wait_for_selector(".leaflet-marker-icon", state="attached")
    return frame


def test_a_new_build_replaces_the_cache_on_the_next_visit(browser, site_copy):
    context = browser.new_context(**PHONE)
    asked: list[str] = []
    context.on("request", lambda request: request.service_worker and asked.append(request.url))
    page = context.new_page()
    with serve_directory(site_copy) as base:
        page.goto(base + "ru/")
        page.evaluate(READY)
        old = set(page.evaluate(CACHES))
        assert len([name for name in old if not name.endswith((" read", " tiles"))]) == 1

        # the next build: a kept page changed, so its worker has a new version
        visit = site_copy / "ru" / "visit" / "index.html"
        visit.write_text(visit.read_text(encoding="utf-8").replace(
            "</article>", '<p id="new-build">New build</p></article>', 1), encoding="utf-8")
        offline.write_workers(site_copy, ["ru"], "en", project_guide())
        asked.clear()
        page.goto(base + "ru/")  # the browser checks the worker on a visit
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        old_kept = {name for name in old if not name.endswith((" read", " tiles"))}
        for _ in range(100):  # the new worker installs, then activates and deletes the old version
            new = set(page.evaluate("caches.keys()"))
            if not new & old_kept and {name for name in new if not name.endswith((" read", " tiles"))}:
                break
            page.wait_for_timeout(100)
        kept_paths = {"/" + path for path in offline.worker_files((site_copy / "ru" / "sw.js").read_text("utf-8"))}
        # of the kept files only the changed page was downloaded again; the rest came from the old cache
        downloaded = {urlsplit(url).path for url in asked} & kept_paths - {"/ru/"}  # "/ru/": the visit itself
        assert downloaded == {"/ru/visit/"}
    context.set_offline(True)
    page.goto(base + "ru/visit/")
    assert page.locator("#new-build").inner_text() == "New build"
    kept = [name for name in new if not name.endswith((" read", " tiles"))]
    assert len(kept) == 1 and not (old & set(kept)), "the old version's cache is gone"
    context.close()


def test_a_page_of_a_new_build_gets_its_own_styles_while_the_last_builds_worker_runs(browser, site_copy):
    # A publisher's walkthrough: the first page read after a new build was published came with the
    # new build's HTML (pages come from the network first) and the old site.css from the worker.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    with serve_directory(site_copy) as base:
        page.goto(base + "ru/")
        page.evaluate(READY)
        assert page.evaluate(HEADER_COLOUR) == "rgb(11, 74, 111)"
        # the next build's styles, linked from its pages; the worker is still the last build's
        styles = site_copy / "stylesheets" / "site.css"
        old = offline._revision(styles.read_bytes())
        styles.write_text(styles.read_text(encoding="utf-8") + "\n.md-header{background-color:rgb(1,2,3)}\n",
                          encoding="utf-8")
        new = offline._revision(styles.read_bytes())
        visit = site_copy / "ru" / "visit" / "index.html"
        html = visit.read_text(encoding="utf-8")
        assert html.count(f"site.css?v={old}") == 1, "the page links the styles with their revision"
        visit.write_text(html.replace(f"site.css?v={old}", f"site.css?v={new}"), encoding="utf-8")
        page.goto(base + "ru/visit/")
        assert page.evaluate(HEADER_COLOUR) == "rgb(1, 2, 3)", "the new page's own styles"
        page.goto(base + "ru/")
        assert page.evaluate(HEADER_COLOUR) == "rgb(11, 74, 111)", "a page of the last build keeps its own"
    context.close()


def test_map_tiles_are_kept_once_seen_within_the_cap(browser, site_copy):
    offline.write_workers(site_copy, ["ja"], "en", dataclasses.replace(project_guide(), max_tiles=5))
    context = browser.new_context(**PHONE)
    context.route(re.compile(rf"^https://{re.escape(TILE_HOST)}/"), tiles_with_cors)
    page = context.new_page()
    with serve_directory(site_copy) as base:
        page.goto(base + "ja/")
        page.evaluate(READY)
        page.goto(base + "ja/maps/venues.html")
        page.wait_for_selector(".leaflet-tile-loaded")
        page.wait_for_timeout(1500)
        found = page.evaluate(CACHES)
        tiles = next(urls for name, urls in found.items() if name.endswith(" tiles"))
        assert 0 < len(tiles) <= 5
        assert all(urlsplit(url).netloc == TILE_HOST for url in tiles)
        others = [url for urls in found.values() for url in urls if urlsplit(url).netloc not in (TILE_HOST,
                                                                                               urlsplit(base).netloc)]
        assert others == [], "nothing else from another host is kept"
        assert page.locator(".map-tiles-note").is_hidden()
    context.close()


def test_the_worker_at_the_root_leaves_the_other_languages_to_theirs(browser, site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    with serve_directory(site.root) as base:
        page.goto(base)
        assert page.evaluate(READY) == base
        page.goto(base + "ru/visit/")
        assert page.evaluate(READY) == base + "ru/"
        scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then(list => list.map(r => r.scope))")
        assert sorted(scopes) == [base, base + "ru/"]
        found = page.evaluate(CACHES)
        english = [url for name, urls in found.items() if name.startswith(f"citysite {base} ") for url in urls]
        assert english and [url for url in english if "/ru/" in url] == []
    context.close()
