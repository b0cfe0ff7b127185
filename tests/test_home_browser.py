"""The home page as a visitor sees it, in Chromium, on a phone (390 px) and a desktop (1280 px), in
every language: the visitor blocks in order, the picture at the top with its size known before it
arrives, nothing wider than the screen, nothing requested from another host, no console error;
and how Chinese, Japanese and Korean text wraps and stands on the event cards and in notes.
Each view is saved as a screenshot to bench-results/screenshots/ (not committed) for a look."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from citysite.languages import load_ui_strings
from scripts import mkdocs_run
from scripts.static_host import StaticHost
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, page_language, serve_directory

pytestmark = pytest.mark.browser

SHOTS = ROOT / "bench-results" / "screenshots"
VIEWS = {
    390: {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True},
    1280: {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}
STRINGS = load_ui_strings(ROOT)

# Elements wider than the screen, or sticking out of it, except those inside a box that clips or
# scrolls them (Material's tables, the drawer and the search dialog, which sit off screen on purpose).
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el) => {
        if (getComputedStyle(el).position === 'fixed') return true;
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (/(hidden|auto|scroll|clip)/.test(style.overflowX) || style.position === 'fixed') return true;
        }
        return false;
    };
    const out = [];
    for (const el of document.querySelectorAll('.md-container *')) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
        if ((r.right > width + 1 || r.left < -1) && !clipped(el)) {
            out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""


# Every layout shift from the start of the page's load (none is allowed: the layout is known before
# the pictures and the theme's script arrive).
RECORD_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => window.__shifts.push(
    [entry.value, entry.sources.map(source => source.node && source.node.className)])))
    .observe({type: 'layout-shift', buffered: true});"""


def home_url(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.mark.parametrize("width", sorted(VIEWS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_blocks_fit_the_screen(browser, site_server, lang, width):
    context = browser.new_context(**VIEWS[width])
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    errors, hosts = [], set()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    held = []  # the logo arrives only after the first paint, as on a slow connection
    page.route("**/images/logo.svg", lambda route: held.append(route))
    try:
        page.goto(site_server + home_url(lang), wait_until="domcontentloaded")
        page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
        page.wait_for_timeout(100)
        assert held, "the header shows no logo"
        for route in held:
            route.continue_()
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")

        # The blocks, in the visitor's order; partner cities and cooperation last.
        headings = page.locator("article h2[id^='kh-']").all_inner_texts()
        assert headings == [STRINGS[key][lang] for key in
                            ("home_coming_up", "home_walks", "home_tasks", "home_seasons", "home_about", "home_partners")]
        assert page.locator(".kh-hero h1").inner_text().strip()
        assert page.locator(".kh-hero__tagline").inner_text().strip()
        assert page.locator(".kh-cards--tasks > .kh-card").count() == 6
        assert page.locator(".kh-cards--seasons > .kh-card").count() == 4
        assert page.locator(".kh-cards--routes > .kh-card").count() == 2
        # On a phone the coming season keeps its picture, the three others go without (600 px saved)
        pictures = page.locator(".kh-cards--seasons .kh-card__media")
        shown = [pictures.nth(i).is_visible() for i in range(pictures.count())]
        assert shown == ([True] * 4 if width >= 480 else [True, False, False, False]), shown
        # The drawer's "Home" opens no table of contents with a single entry (a design review)
        assert page.locator("label.md-nav__link[for='__toc']").count() == 0
        assert page.locator(".kh-cards--events > .kh-card .kh-date").count() >= 1

        # The picture at the top: in view at once, its size known, the others wait for a scroll.
        hero = page.locator(".kh-hero__image")
        assert hero.get_attribute("width") and hero.get_attribute("height")
        assert hero.get_attribute("loading") is None and hero.get_attribute("fetchpriority") == "high"
        assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
        lazy = page.locator(".kh-cards--seasons img")
        assert all(lazy.nth(i).get_attribute("loading") == "lazy" for i in range(lazy.count()))

        # Nothing moves, the header's title included when the logo comes late.
        assert page.evaluate("window.__shifts") == [], "the layout moved while the page loaded"

        layout = page.evaluate(OVERFLOW)
        assert layout["scrollWidth"] <= layout["width"], layout
        assert layout["out"] == [], layout

        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"home-{lang}-{width}.png"), full_page=True)
        page.mouse.wheel(0, 20000)  # the lazy pictures load without errors too
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert errors == []
    assert hosts <= {urlsplit(site_server).netloc}, hosts


class SlowPages(StaticHost):
    """The site's host, sending each page in parts with a pause before the language menu's search
    box, the home page's picture and the page's main part, as a slow connection does: the browser
    draws what it has at each pause."""

    PAUSES = (b'<div class="md-search"', b'<figure class="kh-hero__figure"', b'<main class="md-main"')

    def _send(self, status, content_type, body, suffix, head, cache=False):
        if suffix != ".html" or head:
            return super()._send(status, content_type, body, suffix, head, cache)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        cuts = sorted(index for index in (body.find(pause) for pause in self.PAUSES) if index > 0)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser moved on
            for start, end in zip([0, *cuts], [*cuts, len(body)], strict=True):
                self.wfile.write(body[start:end])
                self.wfile.flush()
                if end < len(body):
                    time.sleep(0.4)


@pytest.mark.parametrize(("url", "width"), [("", 1280), ("ru/", 1280), ("ru/visit/", 1280), ("zh/", 390)])
def test_nothing_moves_while_a_page_arrives_slowly(browser, site, url, width):
    """The header, the tabs and the home page's top are drawn whole, never in parts that then move:
    the page's head asks the browser to wait for them (`rel=expect`, overrides/main.html)."""
    context = browser.new_context(**VIEWS[width])
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    try:
        with serve_directory(site.root, host=SlowPages) as base:
            page.goto(base + url, wait_until="load")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__shifts") == [], "the layout moved while the page arrived"
        assert page.evaluate("performance.getEntriesByName('first-contentful-paint').length") == 1
    finally:
        context.close()


# The drawer's top-level entries a visitor can see and tap: their names, where the middle of their
# box is on screen and the entry itself is what a tap there meets.
TAPPABLE_SECTIONS = """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item > :is(a, label, .md-nav__container)')]
    .filter(el => { const r = el.getBoundingClientRect(); if (!r.width) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (el.contains(hit) || hit.contains(el)); })
    .map(el => el.textContent.trim())"""


@pytest.mark.parametrize("lang", ["", "ja/"])
def test_the_phone_menu_still_reaches_every_section(browser, site_server, lang):
    """The home page hides the sidebar on wide screens; on a phone the drawer still lists the tabs,
    on screen: a Japanese walkthrough found the home page's drawer blank, scrolled sideways to the
    page's (hidden) table of contents when the menu button took the focus."""
    context = browser.new_context(**VIEWS[390])
    page = context.new_page()
    try:
        page.goto(site_server + lang)
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(400)
        assert page.locator(".md-sidebar--primary").is_visible()
        sections = page.evaluate(TAPPABLE_SECTIONS)
        assert len(sections) >= 6, sections
        expected = "Partner cities" if not lang else "姉妹・友好都市"
        assert any(expected in section for section in sections), sections
    finally:
        context.close()


# Where the keyboard's focus is: on screen (a box inside the viewport) and named (its text, or aria-label).
FOCUSED = """() => {
    const el = document.activeElement, r = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim();
    return {tag: el.tagName, cls: String(el.className), left: r.left, right: r.right, width: r.width,
            visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth, named: name.length > 0};
}"""


@pytest.mark.parametrize("url, width", [("", 390), ("ko/events/city-day/", 390), ("ko/events/city-day/", 1280)])
def test_the_keyboard_meets_only_what_is_on_screen_and_named(browser, site_server, url, width):
    """An accessibility walkthrough counted 23 Tab stops in the closed menu drawer, off screen, before
    a page's content, the drawer's section toggles without a name and a menu button that no key
    opened. Now every Tab stop up to the content is on screen and named, and the menu button opens
    the drawer with Enter or Space, its first link focused, and Escape closes it again. On a desktop,
    the closed search's result list (no height) was an invisible stop too."""
    context = browser.new_context(**VIEWS[width])
    page = context.new_page()
    try:
        page.goto(site_server + url)
        stops = []
        for _ in range(14 if width == 390 else 60):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
            if page.evaluate("document.activeElement.closest('article') !== null"):
                break
        assert [stop for stop in stops if not stop["visible"] or not stop["named"]] == [], stops
        assert page.evaluate("document.activeElement.closest('article') !== null"), stops
        if width > 390:
            return  # no menu button: the navigation is on the page
        button = page.locator("label.md-header__button[for='__drawer']")
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
        assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.getAttribute('for') === '__drawer'")
        page.keyboard.press(" ")
        assert page.locator("#__drawer").is_checked()
    finally:
        context.close()


# The focused element's ring and what lies behind it: colours as [r, g, b] (the nearest background
# at least half opaque; for a ring drawn outside the element, its parent's).
FOCUS_RING = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    const rgb = text => text.match(/[\\d.]+/g).map(Number);
    let node = parseFloat(style.outlineOffset) > 0 ? el.parentElement : el, behind = [255, 255, 255];
    for (; node && node.nodeType === 1; node = node.parentElement) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length === 3 || colour[3] >= 0.5) { behind = colour.slice(0, 3); break; }
    }
    return {text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30),
            ring: style.outlineStyle === 'none' ? null : rgb(style.outlineColor).slice(0, 3), behind};
}"""


def contrast(first: list[float], second: list[float]) -> float:
    """WCAG's contrast ratio of two sRGB colours."""
    def luminance(colour):
        linear = [c / 255 / 12.92 if c <= 10.31 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("url", ["", "ja/venues/"])
def test_the_focus_ring_stands_out_from_what_is_behind_it(browser, site_server, url):
    """Every Tab stop from the page's top through the header, tabs and hero to the content shows a
    ring of at least 3:1 against its background (WCAG 2.2, non-text contrast): an accessibility
    walkthrough lost the focus on the dark blue header, where Material's green ring measured 1.1:1."""
    context = browser.new_context(**VIEWS[1280])
    page = context.new_page()
    try:
        page.goto(site_server + url)
        faint = []
        for _ in range(30):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUS_RING)
            if stop["ring"] is not None and contrast(stop["ring"], stop["behind"]) < 3:
                faint.append(stop)
        assert faint == []
    finally:
        context.close()


IN_THE_DRAWER = """() => {
    const el = document.activeElement, r = el.getBoundingClientRect();
    const drawer = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2, seen = document.elementFromPoint(x, y);
    return {text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
            inside: el.closest('.md-sidebar--primary') !== null && r.width > 0
                    && r.left >= drawer.left - 1 && r.right <= drawer.right + 1
                    && seen !== null && (seen === el || el.contains(seen) || seen.contains(el))};
}"""


# Whether the focused element lies under the shown "Back to top" button (Material's .md-top).
UNDER_BACK_TO_TOP = """() => {
    const el = document.activeElement, r = el.getBoundingClientRect(), top = document.querySelector('.md-top');
    const t = top.getBoundingClientRect(), style = getComputedStyle(top);
    const shown = !top.hidden && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > .5;
    return shown && r.bottom > t.top && r.top < t.bottom && r.right > t.left && r.left < t.right
        ? (el.textContent || '').trim().slice(0, 40) : null;
}"""


def test_a_single_key_never_leaves_the_page(browser, site_server):
    """Material turned to the next or previous page of the navigation on n, ".", p or "," wherever
    the focus was (an accessibility walkthrough left /ja/visit/ for /ja/events/ with one key)."""
    page = browser.new_page()
    page.goto(site_server + "ja/visit/")
    page.locator("a.md-skip, body").first.focus()
    for key in ("n", ".", "p", ","):
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        assert urlsplit(page.url).path == "/ja/visit/", key
    page.close()


@pytest.mark.parametrize("width, height", [(640, 400), (320, 200)])  # 200% and 400% zoom
def test_shift_tab_never_leaves_the_focus_under_the_back_to_top_button(browser, site_server, width, height):
    """An accessibility walkthrough moved back up the events list with Shift+Tab at 200% and 400%
    zoom: the "Back to top" button, shown while scrolling up, covered the focused link (WCAG 2.2,
    focus not obscured), 5 and 22 times in 40 steps."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(site_server + "events/")
        page.keyboard.press("End")
        page.locator("footer a").last.focus()
        covered = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            page.wait_for_timeout(120)  # Material shows the button as the page scrolls up
            covered.append(page.evaluate(UNDER_BACK_TO_TOP))
        assert [text for text in covered if text is not None] == []
    finally:
        page.close()


def test_every_language_of_the_menu_can_be_seen_at_400_percent_zoom(browser, site_server):
    """At 400% zoom (320 x 200 CSS px) an accessibility walkthrough tabbed to 한국어 in the language
    menu below the screen's edge, out of reach under the fixed header (WCAG 2.2, focus not
    obscured); the menu now scrolls within the screen, and the focused language is outlined."""
    page = browser.new_page(viewport={"width": 320, "height": 200})
    try:
        page.goto(site_server + "events/")
        links = page.locator(".md-select__link")
        assert links.count() == len(LANGUAGES)
        for index in range(links.count()):
            links.nth(index).focus()
            page.wait_for_timeout(300)  # Material slides the menu in
            box = links.nth(index).bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 200, (links.nth(index).inner_text(), box)
            # and shows the focus with an outline (Material's faint tint alone was about 1.1:1)
            assert links.nth(index).evaluate("link => getComputedStyle(link).outlineStyle") == "solid"
    finally:
        page.close()


def test_the_language_menu_shows_which_language_the_page_is_in(browser, site_server):
    """A Japanese walkthrough: in the menu 日本語 looked like the other languages."""
    page = browser.new_page()
    try:
        page.goto(site_server + "ja/events/")
        weights = page.eval_on_selector_all(".md-select__link", "links => links.map(link => "
                                            "[link.lang, getComputedStyle(link).fontWeight])")
        assert [lang for lang, weight in weights if int(weight) >= 700] == ["ja"], weights
    finally:
        page.close()


@pytest.mark.parametrize("url", ["ko/venues/grodekov-museum/", "venues/grodekov-museum/", "cooperation/culture/",
                                 "ja/about/"])
def test_the_keyboard_stays_on_what_the_open_drawer_shows(browser, site_server, url):
    """An accessibility walkthrough tabbed on from the drawer's sections into the links of folded
    sub-menus (invisible, the drawer scrolled sideways to a blank panel), then out of the open
    drawer to the page beneath it; on a page inside a section, the focus went to the top level's
    links under the section's panel. Now every Tab stop, forwards and back, is a link, toggle or
    title the drawer shows (on top, not covered)."""
    context = browser.new_context(**VIEWS[390])
    page = context.new_page()
    try:
        page.goto(site_server + url)
        page.locator("label.md-header__button[for='__drawer']").focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        stops = []
        for key in ["Tab"] * 40 + ["Shift+Tab"] * 10:
            page.keyboard.press(key)
            page.wait_for_timeout(30)
            stops.append(page.evaluate(IN_THE_DRAWER))
        assert [stop for stop in stops if not stop["inside"]] == [], stops
    finally:
        context.close()


def test_a_section_opened_from_the_keyboard_takes_the_focus_to_its_panel(browser, site_server):
    """An accessibility walkthrough opened a section of the drawer with Enter: its panel slid over
    the one the focus was in, and the focus stayed on the covered toggle, with nothing said. It now
    goes to the new panel's title (back to the level above), and back to the toggle from there."""
    context = browser.new_context(**VIEWS[390])
    page = context.new_page()
    try:
        page.goto(site_server + "ko/partners/harbin/")
        page.locator("label.md-header__button[for='__drawer']").focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        section = page.locator(".md-nav--primary > ul > li > div > label.md-nav__link[for^='__nav_']").first
        toggle = section.get_attribute("for")
        section.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        focused = page.evaluate("[document.activeElement.matches('label.md-nav__title'), "
                                "document.activeElement.getAttribute('for')]")
        assert focused == [True, toggle], focused
        page.keyboard.press("Enter")  # the title: back to the level above
        page.wait_for_timeout(400)
        assert page.evaluate("document.activeElement.getAttribute('for')") == toggle
        assert "md-nav__link" in page.evaluate("document.activeElement.className")
    finally:
        context.close()


@pytest.mark.parametrize("url", ["", "ru/"])
def test_english_and_russian_pages_use_the_sites_system_fonts(browser, site_server, url):
    """Material sets its own font stack (Helvetica, Arial) on body, which English and Russian pages
    used instead of the site's (a design review)."""
    page = browser.new_page()
    try:
        page.goto(site_server + url)
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    finally:
        page.close()


def test_space_opens_and_closes_a_section_of_the_navigation(browser, site_server):
    """An accessibility walkthrough pressed Space on a section's toggle in the sidebar: the page
    scrolled by a screen and the section stayed as it was (only Enter worked)."""
    context = browser.new_context(**VIEWS[1280])
    page = context.new_page()
    try:
        page.goto(site_server + "partners/")
        toggle = page.locator("label.md-nav__link[tabindex='0']").first
        box = page.locator("#" + toggle.get_attribute("for"))
        before, scrolled = box.is_checked(), page.evaluate("scrollY")
        toggle.focus()
        page.keyboard.press(" ")
        assert box.is_checked() != before and page.evaluate("scrollY") == scrolled
        assert toggle.get_attribute("aria-expanded") == str(not before).lower()  # and says so
    finally:
        context.close()


UNDER_THE_HEADER = """() => {
    const el = document.activeElement, r = el.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect();
    return el.closest('.md-header, .md-skip') || r.height === 0 ? null
        : (r.top < header.bottom - 1 ? (el.textContent || '').trim().slice(0, 30) + ' at ' + Math.round(r.top) : null);
}"""


def test_a_link_reached_backwards_is_not_hidden_under_the_header_at_200_percent(browser, site_server):
    """At 200% zoom (a 640 x 400 window), Shift+Tab left 12 of 40 links on Plan your visit under the
    sticky header (WCAG 2.2, focus not obscured)."""
    context = browser.new_context(viewport={"width": 640, "height": 400})
    page = context.new_page()
    try:
        page.goto(site_server + "visit/")
        page.keyboard.press("End")
        page.wait_for_timeout(300)
        hidden = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            hidden.append(page.evaluate(UNDER_THE_HEADER))
        assert [stop for stop in hidden if stop] == []
    finally:
        context.close()


@pytest.mark.parametrize("url", ["events/", "ja/venues/lenin-square/"])
def test_a_tap_on_an_event_cards_place_or_calendar_link_opens_that_link(browser, site_server, url):
    """The whole card opens the event; its other links (places, calendar file) stay tappable."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(site_server + url)
        links = page.locator(".kh-card--event .kh-card__meta a")
        assert links.count() >= 1
        for index in range(min(links.count(), 6)):
            link = links.nth(index)
            link.scroll_into_view_if_needed()
            box = link.bounding_box()
            on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a')?.href",
                                   [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
            assert on_top == link.evaluate("a => a.href"), (index, on_top)
    finally:
        context.close()


@pytest.mark.parametrize("url", ["zh/", "zh/events/", "zh/venues/lenin-square/"])
def test_a_saved_page_read_after_some_of_its_events_ended_hides_them_and_says_so(browser, site, site_server, url):
    """A Chinese visitor's phone set to late May 2027 showed the saved home page's hockey as "now"
    and its winter events as coming up (the offline guide keeps the home and events pages): an event
    that has ended is hidden, the home page's next events (spares, hidden) take the places of those
    that ended, and a note says the list is from its date (a place's page hid them without a word).
    Read in January, the list said "rebuilt every day" beside its date in December, and the rink, on
    since December, kept its chip "Dec": the date line says the list was saved, and an event begun
    since says "Now", as the next day's lists do."""
    cards = re.findall(r'<li class="kh-card kh-card--event" data-until="([0-9-]+)"( hidden data-spare)?>',
                       site.text(url))
    days = [(dt.date.fromisoformat(day), bool(spare)) for day, spare in cards]
    listed = sum(not spare for _, spare in days)
    read_on = min(day for day, spare in days if not spare) + dt.timedelta(days=1)  # the day after one ended
    moment = dt.datetime.combine(read_on, dt.time(12), dt.timezone(dt.timedelta(hours=10))).timestamp()
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(site_server + url)
        visible = "cards => cards.map(card => !card.hidden)"
        assert page.eval_on_selector_all("li[data-until]", visible) == [not spare for _, spare in days]
        assert not page.locator(".kh-past-note").first.is_visible()  # read on the day it was built
        context.add_init_script(f"Date.now = () => {int(moment * 1000)};")
        page.goto(site_server + url)
        expected, shown = [], 0
        for day, spare in days:  # in order: what has not ended, spares only while fewer than listed show
            expected.append(day >= read_on and (not spare or shown < listed))
            shown += expected[-1]
        assert page.eval_on_selector_all("li[data-until]", visible) == expected
        assert page.locator(".kh-past-note").first.is_visible()
        saved = STRINGS["saved_list_past_hidden"]["zh"].split("{date}")[1]
        assert saved in page.locator(".kh-past-note").first.text_content()
        assert not page.locator(".kh-as-of:not(.kh-past-note)").first.is_visible()
        chips = page.eval_on_selector_all("li[data-until]:not([hidden]) time.kh-date", """chips => chips.map(chip =>
            [chip.dataset.from || "", chip.querySelector('.kh-date__month').textContent, !!chip.querySelector('.kh-date__day')])""")
        begun = [(month, day) for start, month, day in chips if start and start < read_on.isoformat()]
        assert all(month == STRINGS["chip_now"]["zh"] and not day for month, day in begun), chips
        assert begun or url != "zh/events/"
    finally:
        context.close()


@pytest.mark.parametrize("url", ["ja/venues/grodekov-museum/", "ru/routes/centre-day/"])
def test_a_saved_page_names_the_next_closing_days_still_to_come(browser, site, site_server, url):
    """A Japanese walkthrough planned the museum for the last Friday of October, its sanitary day:
    a place's page and a walk name its next three closing days. Read a week later, a saved page of
    the next two weeks had lost a last Friday and a Monday (a Chinese walkthrough): those gone leave,
    the next ones take their places, and the line goes once none is left."""
    lang = url[:2]
    days = [dt.date.fromisoformat(day) for day in re.findall(r'<span data-closed="([0-9-]+)"', site.text(url))]
    assert len(days) >= 8 and all(day.weekday() in (0, 4) for day in days), days  # Mondays and last Fridays
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        shown = lambda: page.eval_on_selector_all(".kh-closed-days > span:not([hidden])",  # noqa: E731
                                                  "days => days.map(day => day.dataset.closed)")
        page.goto(site_server + url)
        assert shown() == [day.isoformat() for day in days[:3]]
        for read_on in (days[1] + dt.timedelta(days=1), days[-1] + dt.timedelta(days=1)):
            moment = dt.datetime.combine(read_on, dt.time(12), dt.timezone(dt.timedelta(hours=10))).timestamp()
            page.add_init_script(f"Date.now = () => {int(moment * 1000)};")
            page.goto(site_server + url)
            expected = [day.isoformat() for day in days if day >= read_on][:3]
            assert shown() == expected
            gaps = page.eval_on_selector_all(".kh-closed-days > span:not([hidden]) > .kh-gap:not([hidden])", "g => g.length")
            assert gaps == max(len(expected) - 1, 0)  # a separator between the days shown, none before the first
            assert page.get_by_text(STRINGS["label_closed_ahead"][lang]).is_visible() == bool(expected)
    finally:
        context.close()


@pytest.mark.parametrize("url", ["venues/", "venues/grodekov-museum/", "ko/venues/station-square/", "events/"])
def test_a_page_read_on_the_day_it_was_built_shows_all_its_headings(browser, site, site_server, url):
    """A change to past-events.js hid every heading whose section held only cards, places' cards
    too: /venues/ lost seven of its eight categories, and a venue page's "Nearby" places stood under
    "Events" (an English walkthrough). Read on its day, a page hides no heading."""
    expected = [heading.get("id", "") for heading in BeautifulSoup(site.text(url), "html.parser").select("article h2, article h3")]
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(site_server + url)
        shown = page.eval_on_selector_all("article h2, article h3", "hs => hs.filter(h => !h.hidden).map(h => h.id)")
        assert shown == expected
    finally:
        context.close()


@pytest.mark.parametrize("after", [False, True])
def test_the_home_pages_link_to_a_season_goes_with_the_seasons_events(browser, site, site_server, after):
    """An English walkthrough read the home page saved in December in October: "Winter 2026/27:
    all events" still led to a season long over; a Chinese one, in mid-July, followed the link to a
    summer whose events had all ended, hidden on the saved /events/. The link and the season's part
    of /events/ go on the same day."""
    link = BeautifulSoup(site.text(""), "html.parser").select_one("p.kh-more a[data-until]")
    day = dt.date.fromisoformat(link["data-until"]) + dt.timedelta(days=int(after))
    moment = dt.datetime.combine(day, dt.time(12), dt.timezone(dt.timedelta(hours=10))).timestamp()
    season = link["href"].partition("#")[2]
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(site_server)
        more = page.locator("p.kh-more:has(a[href^='events/'])")
        assert more.locator("a").count() == 2
        context.add_init_script(f"Date.now = () => {int(moment * 1000)};")
        page.goto(site_server)
        assert more.locator("a").count() == (1 if after else 2)
        assert "·" not in more.inner_text() or not after
        page.goto(site_server + "events/")
        assert page.locator(f"h2#{season}").is_visible() != after
    finally:
        context.close()


def test_a_printed_page_gives_its_links_addresses(browser, site, site_server):
    """A Bucheon official printed the partner page for a memo: its sources printed as names only,
    so it could not be cited. On screen the addresses do not show."""
    page = browser.new_page()
    try:
        page.goto(site_server + "ko/partners/bucheon/")
        after = "a => getComputedStyle(a, '::after').content"
        assert "http" not in page.eval_on_selector("article a[href^='http']", after)
        page.emulate_media(media="print")
        assert "http" in page.eval_on_selector("article a[href^='http']", after)
    finally:
        page.close()


def test_a_printed_venue_page_keeps_the_taxi_address_whole_and_leaves_out_buttons(browser, site, site_server):
    """A Japanese teacher printed a venue page for parents: the address for the taxi driver split over
    two sheets, and the map-app buttons and the link back to the list were printed."""
    page = browser.new_page()
    try:
        page.goto(site_server + "ja/venues/grodekov-museum/")
        shown = "e => getComputedStyle(e).display !== 'none'"
        assert page.eval_on_selector("article .md-button", shown)
        assert page.eval_on_selector("article a.kh-back", shown)
        page.emulate_media(media="print")
        assert not any(page.eval_on_selector_all("article .md-button, article a.kh-back", f"es => es.map({shown})"))
        assert page.eval_on_selector(".taxi-address", "e => getComputedStyle(e).breakInside") == "avoid"
        # the sheet's margins: the site's 15 mm, after the theme's 25 (Plan your visit: 20 sheets, then 17)
        margins = page.evaluate("""() => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
            .filter(rule => rule instanceof CSSPageRule).map(rule => rule.style.margin)""")
        assert margins[-1] == "15mm", margins
    finally:
        page.close()


def _months_of_season(heading) -> list[str]:
    """The month headings' ids under a season's heading (h2) of the events list."""
    months = []
    for element in heading.find_next_siblings():
        if element.name in ("h1", "h2"):
            break
        if element.name == "h3" and re.fullmatch(r"\d{4}-\d{2}", element.get("id", "")):
            months.append(element["id"])
    return months


def _month_end(month_id: str) -> dt.date:
    """The last day of the month whose heading's id is `month_id` ("2027-07")."""
    year, month = map(int, month_id.split("-"))
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _month_parts(soup) -> dict[str, list]:
    """Each month heading's id of the events list -> the elements under it."""
    parts = {}
    for heading in soup.find_all("h3", id=re.compile(r"^\d{4}-\d{2}$")):
        parts[heading["id"]] = []
        for element in heading.find_next_siblings():
            if element.name in ("h1", "h2", "h3"):
                break
            parts[heading["id"]].append(element)
    return parts


def _a_month_emptied_early(soup) -> dt.date:
    """The day after every event of a month (its cards, its "Still on" and "Possibly" lines) has
    ended, for the first month where that comes before the month itself ends."""
    for month, elements in _month_parts(soup).items():
        days = [dt.date.fromisoformat(tag["data-until"]) for element in elements
                for tag in element.select("li[data-until], span[data-until]")]
        if days and max(days) < _month_end(month) and dt.date.fromisoformat(month + "-01") <= max(days):
            return max(days) + dt.timedelta(days=1)
    raise AssertionError("no month whose events all end before it does: choose another reading day")


@pytest.mark.parametrize("days", [110, 200, "a month emptied early"])  # a month ended with one of its events
def test_a_saved_events_list_read_months_later_leaves_out_the_months_that_have_ended(browser, site, site_server, days):
    """An English walkthrough read the saved events page in late March: the January and February
    headings still stood there, each with its "Still on" line of winter events, and the line of
    months still led to them. A month that has ended goes, with its line and its link, unless one
    of its events is still on; so does a season whose months have all gone. A Korean walkthrough
    read it in mid-July: "July" stood there empty, its one event over, and "On now" too. This month
    goes once nothing in it is on, and an ended event leaves its "Still on" line.
    (110 days: a month ended with one of its events still on; 200: a whole season ended.)"""
    soup = BeautifulSoup(site.text("events/"), "html.parser")
    built = dt.datetime.fromtimestamp(int(mkdocs_run.SOURCE_DATE_EPOCH), dt.UTC).date()
    read_on = _a_month_emptied_early(soup) if isinstance(days, str) else built + dt.timedelta(days=days)
    day = read_on.isoformat()
    kept, gone, still_on = [], [], []
    for month, elements in _month_parts(soup).items():
        over = _month_end(month) < read_on
        running = any(card["data-until"] >= day for element in elements for card in element.select("li[data-until]"))
        running |= not over and any(item["data-until"] >= day for element in elements
                                    for item in element.select("span[data-until]"))
        (kept if running else gone).append(month)
        if over and running:
            still_on.append(month)
    emptied_early = [month for month in gone if _month_end(month) >= read_on]
    assert gone and kept and (still_on if days == 110 else emptied_early if isinstance(days, str) else True)
    moment = dt.datetime.combine(read_on, dt.time(12), dt.timezone(dt.timedelta(hours=10))).timestamp()
    context = browser.new_context(**VIEWS[390])
    try:
        context.add_init_script(f"Date.now = () => {int(moment * 1000)};")
        page = context.new_page()
        page.goto(site_server + "events/")
        shown = page.eval_on_selector_all("h3[id]", "hs => hs.filter(h => h.checkVisibility()).map(h => h.id)")
        assert [month for month in shown if re.fullmatch(r"\d{4}-\d{2}", month)] == kept
        links = page.eval_on_selector_all("a[href^='#20']", "links => links.map(a => a.getAttribute('href'))")
        assert list(dict.fromkeys(links)) == ["#" + month for month in kept]  # the lines of months
        assert "· ·" not in page.locator("p.kh-jump, p:has(a[href^='#20'])").first.inner_text()
        for month in gone:  # its "Still on" line went with it
            assert not page.locator(f"h3[id='{month}'] + ul, h3[id='{month}'] + p").first.is_visible()
        seasons = page.eval_on_selector_all("h2[id]", "hs => hs.filter(h => h.checkVisibility()).map(h => h.id)")
        gone_seasons = [heading["id"] for heading in soup.find_all("h2", id=True)
                        if (months := _months_of_season(heading)) and set(months) <= set(gone)]
        assert (gone_seasons if days == 200 else True) and not set(gone_seasons) & set(seasons)
        on_now = any(card["data-until"] >= day for card in soup.select("h2#now + ul li[data-until]"))
        assert ("now" in seasons) == on_now
        for item in page.eval_on_selector_all("p span[data-until]", "items => items.map(i => i.dataset.until)"):
            assert item >= day  # an ended event left its "Still on" line
    finally:
        context.close()


def test_on_now_goes_once_its_possibly_on_now_line_has_ended(browser, site, site_server):
    """A Korean walkthrough read the events list saved on 20 May on 1 June: "On now" stood alone,
    its one line ("possibly on now: the spring fair, May; Night of Museums") gone. Here "On now"
    holds only such a line (a month's "Possibly this month too" line, moved there)."""
    soup = BeautifulSoup(site.text("events/"), "html.parser")
    heading = soup.select_one("h2#now")
    for element in list(heading.find_next_siblings()):
        if element.name in ("h1", "h2"):
            break
        element.decompose()
    line = soup.select_one("h3 ~ p:has(span[data-until])")
    last = max(dt.date.fromisoformat(span["data-until"]) for span in line.select("span[data-until]"))
    heading.insert_after(BeautifulSoup(str(line), "html.parser"))
    page_html = str(soup)
    for day, shown in [(last, True), (last + dt.timedelta(days=1), False)]:
        moment = dt.datetime.combine(day, dt.time(12), dt.timezone(dt.timedelta(hours=10))).timestamp()
        context = browser.new_context(**VIEWS[390])
        try:
            context.add_init_script(f"Date.now = () => {int(moment * 1000)};")
            context.route(site_server + "events/", lambda route: route.fulfill(
                body=page_html, content_type="text/html; charset=utf-8"))
            page = context.new_page()
            page.goto(site_server + "events/")
            assert page.locator("h2#now").is_visible() == shown, day
            assert page.locator("h2#now + p").is_visible() == shown, day
        finally:
            context.close()


# Each place link of the event cards: its smallest line box, and whether a "、" right after it sits
# on the same line as the link's end (null when no "、" follows).
CARD_PLACE_LINKS = """() => [...document.querySelectorAll('.kh-card--event .kh-card__meta a')].map(a => {
    const rects = [...a.getClientRects()], last = rects[rects.length - 1], next = a.nextSibling;
    let sameLine = null;
    if (next && next.nodeType === Node.TEXT_NODE && next.data.startsWith('、')) {
        const range = document.createRange();
        range.setStart(next, 0);
        range.setEnd(next, 1);
        const mark = range.getBoundingClientRect();
        sameLine = Math.abs((mark.top + mark.bottom) / 2 - (last.top + last.bottom) / 2) < 3;
    }
    return {text: a.textContent, height: Math.min(...rects.map(r => r.height)), sameLine};
})"""


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_a_cards_list_of_places_wraps_like_text(browser, site_server, lang):
    """On a phone, the places on an event card wrap as text does: a "、" never starts a line (it
    did when each link was a block of its own), and each link stays a 24 px target."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}{lang}/events/")
        links = page.evaluate(CARD_PLACE_LINKS)
        assert sum(link["sameLine"] is not None for link in links) >= 3
        assert [link["text"] for link in links if link["sameLine"] is False] == []
        assert min(link["height"] for link in links) >= 24
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["", "ru/"])
def test_the_events_lists_months_and_categories_are_whole_thumb_sized_links(browser, site_server, lang):
    """The links to a month or a category at the top of the events list: on a phone each is one
    piece ("July 2027", "Concert (2)" broke in two) and at least 24 px high (17 px before)."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}{lang}events/")
        links = page.eval_on_selector_all(".kh-jump a", """links => links.map(link => ({
            text: link.textContent, pieces: link.getClientRects().length,
            height: link.getBoundingClientRect().height}))""")
        assert len(links) >= 10
        assert [link["text"] for link in links if link["pieces"] != 1] == []
        assert min(link["height"] for link in links) >= 24
    finally:
        context.close()


# The places where a Korean card title or link wraps inside a word: the two characters around each
# line break with a letter or digit on both sides ("시/민": Material's link style broke words anywhere).
BROKEN_KOREAN_WORDS = """() => {
    const broken = [];
    for (const link of document.querySelectorAll('.kh-card a')) {
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        let previous = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.data.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getBoundingClientRect(), char = node.data[i];
                if (previous && box.top > previous.top + 4 && /[\\p{L}\\p{N}]/u.test(previous.char) && /[\\p{L}\\p{N}]/u.test(char)) {
                    broken.push(previous.char + '/' + char);
                }
                if (box.height) previous = {top: box.top, char};
            }
        }
    }
    return broken;
}"""


def test_korean_cards_wrap_between_words(browser, site_server):
    """On a phone, the Korean event cards' titles and places wrap only where there is a space."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}ko/events/")
        assert page.locator(".kh-card a").count() >= 15
        assert page.evaluate(BROKEN_KOREAN_WORDS) == []
    finally:
        context.close()


# The text of each card that sticks out of the card (which clips it).
CUT_OFF_IN_CARDS = """() => [...document.querySelectorAll('.kh-card')].flatMap(card => {
    const box = card.getBoundingClientRect();
    return [...card.querySelectorAll('a, span, p')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
    }).map(el => el.textContent.trim());
})"""


# The title of each card whose text has less than 60 % of the card's width: a column beside the
# calendar chip, a syllable or two a line in large text.
NARROW_TEXT_IN_CARDS = """() => [...document.querySelectorAll('.kh-card__body')]
    .filter(body => body.getBoundingClientRect().width < 0.6 * body.closest('.kh-card').getBoundingClientRect().width)
    .map(body => body.textContent.trim().slice(0, 30))"""


@pytest.mark.parametrize("url", ["ja/events/", "ja/venues/", "ko/events/", "zh/events/", "ja/"])
def test_cards_keep_their_text_inside_in_large_text(browser, site_server, url):
    """With the phone's text at 200 %, a card's title, dates and places wrap inside the card: a
    Japanese card cut off 「グロデコフ記念ハバロフスク地方博物館」 and «2026年12月下旬» at its edge."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}{url}")
        assert page.evaluate(CUT_OFF_IN_CARDS) == []  # none at the usual size either
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert page.locator(".kh-card").count() >= 4
        assert page.evaluate(CUT_OFF_IN_CARDS) == []
        assert page.evaluate(NARROW_TEXT_IN_CARDS) == []
    finally:
        context.close()


@pytest.mark.parametrize("url", ["ko/routes/winter-day/", "ko/events/peoples-rink/", "ko/venues/grodekov-museum/",
                                 "ja/", "ja/visit/", "ru/visit/", "about/tourism/", "ru/about/tourism/"])
def test_nothing_runs_past_a_phones_edge_in_large_text(browser, site_server, url):
    """With the text at 200 %, a source's address («khab-vesti.ru/news/society/novogodnie-elki-isch…»)
    ran 120 px past the edge of a Korean route page, which cut it off (an accessibility walkthrough).
    A Japanese walkthrough in large text found 「アムールの断崖にあるビジターセンター」 on the home page
    and 「車いすの方、歩行に不安のある方へ」 in Plan your visit's line of sections past the edge, and
    the phrase and clothing tables' last columns behind a sideways scroll (now rows of blocks); the
    tourism table ran 76 px (en) and 220 px (ru) past it."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}{url}")
        page.add_style_tag(content="html { font-size: 200% !important; }")
        past_the_edge = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(el => el.tagName + ' ' + el.textContent.trim().slice(0, 60))""")
        assert past_the_edge == []
        wider = page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')].filter(w => w.scrollWidth > w.clientWidth)"
                              ".map(w => w.textContent.trim().slice(0, 40))")
        assert wider == []  # no table to scroll sideways either
    finally:
        context.close()


def test_no_page_scrolls_sideways_at_200_percent_zoom_on_a_phone(browser, site_server):
    """A 390 px phone zoomed to 200 % lays pages out 195 px wide. A Korean walkthrough found Plan
    your visit 4 px too wide (the consular call centre's number, kept on one line) and a museum's
    page 5 px (its "OpenStreetMap" button)."""
    context = browser.new_context(viewport={"width": 195, "height": 422}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        for url in ("ko/visit/", "visit/", "ko/venues/grodekov-museum/", "ru/venues/lenin-square/", "ko/events/",
                    "", "ru/", "ja/"):  # the home page's banner had widened past the edge, cut off
            page.goto(f"{site_server}{url}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 195, url
            assert page.evaluate("document.querySelector('.kh-hero, article').scrollWidth") <= 195, url
    finally:
        context.close()


@pytest.mark.parametrize("url", ["visit/", "ko/venues/grodekov-museum/", "zh/venues/river-station/"])
def test_a_phone_number_is_drawn_inside_its_link(browser, site_server, url):
    """A phone link made an inline block took the fact line's hanging indent: "112" was drawn over
    its label, outside its 10 px box and focus ring (an accessibility audit)."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        page.goto(f"{site_server}{url}")
        outside = page.evaluate("""() => [...document.querySelectorAll('article a[href^="tel:"]')].filter(a => {
            const box = a.getBoundingClientRect(), range = document.createRange();
            range.selectNodeContents(a);
            const text = range.getBoundingClientRect();
            return text.left < box.left - 1 || text.right > box.right + 1;
        }).map(a => a.textContent)""")
        assert page.locator('article a[href^="tel:"]').count() >= 1 and outside == []
    finally:
        context.close()


def test_no_table_of_plan_your_visit_scrolls_sideways_on_a_phone(browser, site_server):
    """The Japanese phrase table (a Russian word, its reading, its meaning) was 5 px too wide at 390 px."""
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        for lang in LANGUAGES:
            page.goto(f"{site_server}{'' if lang == 'en' else lang + '/'}visit/")
            wraps = page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')]"
                                  ".map(w => [w.scrollWidth, w.clientWidth])")
            assert len(wraps) >= 3 and [w for w in wraps if w[0] > w[1]] == [], lang
    finally:
        context.close()


def test_no_place_page_with_checked_facts_scrolls_sideways_on_a_phone(browser, site, site_server):
    """A practical fact's sources and check date, "(khv.aero, hab.aif.ru 1, …, checked …)", wrap
    on a phone: kept on one line they made Railway Station Square 900 px wide in every language.
    The two place pages of each language with the longest such notes are looked at."""
    longest: dict[str, list[tuple[int, str]]] = {lang: [] for lang in LANGUAGES}
    for path in site.html_files():
        url = site.url_of(path)
        if "/venues/" in f"/{url}":
            notes = re.findall(r'<span class="fact-checked">(.*?)</span>', path.read_text(encoding="utf-8"))
            if notes:
                longest[page_language(url)].append((max(len(re.sub(r"<[^>]+>", "", note)) for note in notes), url))
    pages = [url for found in longest.values() for _length, url in sorted(found, reverse=True)[:2]]
    assert len(pages) == 2 * len(LANGUAGES)
    context = browser.new_context(**VIEWS[390])
    try:
        page = context.new_page()
        wide = {}
        for url in pages:
            page.goto(f"{site_server}{url}", wait_until="domcontentloaded")  # laid out with its styles
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                wide[url] = page.evaluate(OVERFLOW)
        assert wide == {}
    finally:
        context.close()


def test_emphasis_is_upright_in_chinese_japanese_and_korean(browser, site_server):
    """CJK fonts have no italics (the browser would slant the characters): the "checked" notes of
    the visit page are upright there, italic in English and Russian."""
    page = browser.new_page()
    try:
        styles = {}
        for lang in LANGUAGES:
            page.goto(f"{site_server}{'' if lang == 'en' else lang + '/'}visit/")
            styles[lang] = page.evaluate("getComputedStyle(document.querySelector('article p > em')).fontStyle")
        assert styles == {"en": "italic", "ru": "italic", "zh": "normal", "ja": "normal", "ko": "normal"}
    finally:
        page.close()


def test_the_readme_screenshots_are_small():
    for name in ("readme-home-phone.png", "readme-home-desktop.png"):
        path = Path(ROOT / "docs" / "images" / name)
        assert path.is_file(), f"{name}: run scripts/screenshots.py"
        assert path.stat().st_size < 150_000, f"{name}: keep it small"
