"""The home page's visitor blocks (overrides/home.html): the next events from data/events.yml,
the top tasks, the seasons and the partner cities from data/home.yml, each in the page's language.

data/home.yml is checked when a run starts (every text in all five languages, links to pages
that exist, images that have a record); the template gets plain values and ready HTML.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Annotated, Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url
from pydantic import Field, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass as checked

from .cards import DEFAULT_ICON, EVENT_ICONS, Card, cards_html, meta_line
from .data import SiteData
from .data.load import DataError, Problem, _describe
from .data.model import STRICT, Event, Season
from .data.yamlfile import YamlSyntaxError, read_yaml
from .images import SiteImages
from .images.records import EveryLanguage
from .languages import colon, language_prefix
from .messages import Message
from .offline import OFFLINE_PAGE
from .pages.common import PageContext
from .pages.events import card_chip, card_when, saved_list_note, season_target
from .pages.routes import route_cards, routes_in_order
from .schedule import SEASONS, Occurrence, season_planned_for
from .typography import bind_spaces, keep_dates_whole

HOME_FILE = "data/home.yml"
DATA_SECTIONS = ("events", "venues", "partners", "routes")  # pages made from data/<section>.yml
log = logging.getLogger("mkdocs.plugins.citysite")
HOME_TEMPLATE = "home.html"
UPCOMING_LIMIT = 3
WALKS_SHOWN = 2  # "Where to start": the walks made for the season first (a design review: ready
# itineraries were two taps away, the only one linked sat in the winter card 2,330 px down a phone)
# Events after those, hidden: a page saved on a phone and read later shows them in place of those
# that have ended since (docs/javascripts/past-events.js), so that the block still shows what comes.
SPARE_EVENTS = 4


Link = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/_.-]*\.md(#[a-z0-9-]+)?$",
                            description="A page of the site: visit/index.md#visas")]
Icon = Annotated[str, Field(pattern=r"^(material|fontawesome/solid|octicons)/[a-z0-9-]+$")]


@checked(config=STRICT)
class Tile:
    link: Link
    icon: Icon
    title: EveryLanguage
    text: EveryLanguage
    image: str | None = None
    call: Annotated[str, Field(pattern=r"^\d{2,4}$")] | None = None  # a number the card also calls (112)


@checked(config=STRICT, kw_only=True)
class SeasonTile(Tile):
    season: Season  # the page shows the coming season's card first


@checked(config=STRICT)
class PartnerBlock:
    links: list[Link]
    text: EveryLanguage


@checked(config=STRICT)
class HomeBlocks:
    """data/home.yml: the home page's tasks, seasons and partner cities."""

    tasks: list[Tile]
    seasons: list[SeasonTile]
    partners: PartnerBlock


def load_home_blocks(root: Path, images: SiteImages, page_exists) -> HomeBlocks | None:
    """data/home.yml checked (None when the project has none); `page_exists(src_uri)` says whether a
    link leads to a page (hand-written or made from the data)."""
    path = root / HOME_FILE
    if not path.exists():
        return None
    try:
        doc = read_yaml(path, HOME_FILE)
    except YamlSyntaxError as error:
        raise DataError([Problem(error.file, error.line, "", error.message)]) from None
    try:
        blocks = TypeAdapter(HomeBlocks).validate_python(doc.data)
    except ValidationError as error:
        raise DataError([Problem(HOME_FILE, doc.line_of(detail["loc"]), "", _describe(detail, HomeBlocks))
                         for detail in error.errors()]) from None
    problems = []
    for group in ("tasks", "seasons"):
        tiles = getattr(blocks, group)
        for index, tile in enumerate(tiles):
            target, line = tile.link.split("#")[0], doc.line_of((group, index, "link"))
            section = target.split("/")[0]
            if not page_exists(target) and section in DATA_SECTIONS and page_exists(f"{section}/index.md"):
                # An entry of data/<section>.yml that is not there (a project with other data, such as
                # the tests' fixtures): the card leads to the section's list instead.
                log.info(f"{HOME_FILE}:{line}: '{tile.link}' is not in data/{section}.yml; the card links to "
                         f"{section}/index.md")
                tiles[index] = tile = replace(tile, link=f"{section}/index.md")
            elif not page_exists(target):
                problems.append(Problem(HOME_FILE, line, "", f"'{tile.link}' is not a page of the site; correct the path"))
            if tile.image and tile.image not in images.images:
                problems.append(Problem(HOME_FILE, doc.line_of((group, index, "image")), "",
                                        f"there is no picture '{tile.image}' in data/images.yml"))
    for index, link in enumerate(blocks.partners.links):
        if not page_exists(link):
            problems.append(Problem(HOME_FILE, doc.line_of(("partners", "links", index)), "",
                                    f"'{link}' is not a page of the site; correct the path"))
    seen: dict[str, int] = {}
    for index, tile in enumerate(blocks.seasons):
        line = doc.line_of(("seasons", index, "season"))
        if tile.season in seen:
            problems.append(Problem(HOME_FILE, line, "", Message("home.season_twice", season=tile.season,
                                                                  first=seen[tile.season])))
        seen.setdefault(tile.season, line)
    if problems:
        raise DataError(problems)
    return blocks


def coming_seasons_first(tiles: list[SeasonTile], today: dt.date) -> list[SeasonTile]:
    """The season cards from the one a visitor plans for (season_planned_for, as the home page's link
    to the season's events) round the year: in July summer, autumn, winter, spring."""
    now = SEASONS.index(season_planned_for(today)[0])
    return sorted(tiles, key=lambda tile: (SEASONS.index(tile.season) - now) % len(SEASONS))


def page_url(link: str, lang: str, root_language: str) -> str:
    """The site-relative URL of a Markdown link ("visit/index.md#visas" -> "ru/visit/#visas")."""
    path, _, anchor = link.partition("#")
    path = re.sub(r"(^|/)index\.md$", r"\1", path)
    path = path[:-3] + "/" if path.endswith(".md") else path
    return language_prefix(lang, root_language) + path + (f"#{anchor}" if anchor else "")


def _on_now_order(entry: tuple[Event, Occurrence], today: dt.date) -> tuple[int, float, dt.date]:
    """The order of the events under way on the home page: those whose days are known, then those
    of a usual season (surely on in its middle: a New Year town), each ending soonest first; then
    those of a usual month or part of one (a contest of a few days some time in January), the most
    of whose period is still ahead first. A family in Khabarovsk for New Year saw the hockey season,
    on from September to March, first all winter, and neither New Year town; then a January contest
    whose days nobody had announced, as "Now". On 25 May a Korean couple saw the spring fair, "May",
    most likely over, and not City Day, "late May or early June", most likely still to come."""
    occurrence = entry[1]
    certainty = 2 if not occurrence.fills_its_period else 0 if occurrence.first_day_known else 1
    if certainty < 2:
        return certainty, 0.0, occurrence.last
    period = (occurrence.last - occurrence.first).days + 1
    return certainty, -((occurrence.last - today).days + 1) / period, occurrence.last


def upcoming_events(data: SiteData, strings: dict, lang: str, today: dt.date, page: str,
                    root_language: str, limit: int = UPCOMING_LIMIT) -> list[Card]:
    """The next `limit` events from the build date, as cards: those already on first (_on_now_order),
    but never all of them, so that the block always shows something still to come (an editor's
    walkthrough on 10 June: three "late May to early June" festivals filled it, and Russia Day on
    the 12th was missing; in January the hockey, the rink and a New Year town hid Christmas on the
    7th)."""
    ctx = PageContext(data, today, strings)
    # a cancelled edition is on /events/ and its own page, not among the three things to do
    found = [entry for entry in ctx.coming_up() if entry[1].status != "cancelled"]
    on_now = sorted((entry for entry in found if entry[1].first < today),
                    key=lambda entry: _on_now_order(entry, today))[:limit - 1]
    later = [entry for entry in found if entry[1].first >= today]
    cards = []
    for number, (event, occurrence) in enumerate((on_now + later)[:limit + SPARE_EVENTS]):
        title = escape(event.title[lang])
        if event.title.shown_in(lang) != lang:
            title = f'<span lang="{event.title.shown_in(lang)}">{title}</span>'
        category = strings.get(f"event_category_{event.category}", {}).get(lang)
        meta = [meta_line("material/calendar", card_when(ctx, occurrence, lang)),
                meta_line("material/map-marker", ctx.event_place(event, lang))]
        if category:
            meta.append(meta_line(EVENT_ICONS.get(event.category, DEFAULT_ICON), escape(category)))
        cards.append(Card(
            url=get_relative_url(page_url(f"events/{event.id}.md", lang, root_language), page),
            title=title, kind="event", meta=meta,
            media=card_chip(ctx, occurrence, lang), until=occurrence.last, spare=number >= limit,
        ))
    return cards


def home_context(blocks: HomeBlocks | None, data: SiteData | None, images: SiteImages, strings: dict,
                 lang: str, today: dt.date, page: str, root_language: str, titles: dict[str, str]) -> dict[str, Any]:
    """What overrides/home.html shows on the page at `page` (its site-relative URL): ready HTML for
    the card lists, and the links the template writes itself. `titles` are the pages' titles in
    this language, by path ("partners/index.md")."""
    def link(target: str) -> str:
        return get_relative_url(page_url(target, lang, root_language), page)

    def destination(target: str) -> str | None:
        """The title of the page a card opens, with what it is when it comes from the data ("Walk: A
        winter day in the centre"; a design review could not tell a walk from a place or an event)."""
        folder, _, name = target.partition("/")
        record = {"routes": data.routes, "events": data.events, "venues": data.venues}.get(folder, {}).get(
            name.removesuffix(".md")) if data else None
        names = getattr(record, "title", None) or getattr(record, "name", None)
        if names:
            return strings[f"home_opens_{folder}"][lang].format(name=names[lang])
        return titles.get(target)

    def tile(item: Tile, kind: str) -> Card:
        media = images.picture(item.image, lang, page, alt="", css_class="kh-card__image",
                               sizes="(min-width: 76.25em) 14rem, (min-width: 45em) 45vw, 100vw") if item.image else ""
        # A season's card says where it leads ("Summer" opened the River Station's page unannounced:
        # an accessibility walkthrough), and so does its link in a screen reader's list of links; a
        # task's title already says it. The line under the title is for the eye: the link's name said
        # it already (a screen reader read "Winter: walk: …" and then "walk: …").
        opens = destination(item.link) if kind == "season" else None
        meta = [meta_line("material/arrow-right", escape(opens), aria_hidden=True)] if opens else []
        if item.call:  # a tap calls it from the home page (the card itself leads to the page's section)
            meta.append(meta_line("material/phone", f'<a href="tel:{item.call}" class="kh-call">{item.call}</a>'))
        return Card(url=link(item.link), title=escape(item.title[lang]), icon=item.icon, kind=kind,
                    text=escape(item.text[lang]), media=media, meta=meta,
                    label=f"{item.title[lang]}{colon(lang)}{opens}" if opens else "")

    def typeset(html: str) -> Markup:  # its dates and names whole on a line, as on the other pages
        return Markup(keep_dates_whole(bind_spaces(html, lang), lang))

    def cards(items: list[Card], css_class: str) -> Markup:
        return typeset(cards_html(items, css_class=css_class))

    events = upcoming_events(data, strings, lang, today, page, root_language) if data else []
    # The season's events on /events/ ("Winter 2026/27: all events"): citysite.pages.events.
    page_context = PageContext(data, today, strings) if data else None
    season = season_target(page_context, lang) if page_context else None
    # said when a page saved on a phone is read after some of its events ended (past-events.js)
    saved = typeset(saved_list_note(page_context, lang)) if page_context else None
    # the walks written in this language first: an editor's new summer walk, in English and Russian
    # only, led the Chinese home page in English
    routes = sorted(routes_in_order(page_context), key=lambda route: route.title.shown_in(lang) != lang) \
        if data and data.routes else []
    walks = route_cards(page_context, lang, link("routes/index.md"), short=True, routes=routes[:WALKS_SHOWN])
    return {
        "events": cards(events, "kh-cards--events") if events else None,
        "walks": cards(walks, "kh-cards--routes") if walks else None,
        "routes_url": link("routes/index.md"),
        "venues_url": link("venues/index.md"),
        "visitor_centre_url": link("visit/index.md#tourist-info"),  # "start here", on the cliff
        "events_saved": saved,
        "events_url": link("events/index.md"),
        "season": {"label": season[0], "url": link(season[1]), "until": season[2].isoformat()} if season else None,
        "plan_url": link("visit/index.md"),
        "offline_url": link(OFFLINE_PAGE),  # a Chinese visitor never found the offline guide
        "tasks": cards([tile(item, "task") for item in blocks.tasks], "kh-cards--tasks") if blocks else None,
        "seasons": cards([tile(item, "season") for item in coming_seasons_first(blocks.seasons, today)],
                         "kh-cards--seasons") if blocks else None,
        "partner_text": blocks.partners.text[lang] if blocks else "",
        "partner_links": [{"url": link(target), "title": titles.get(target) or target}
                          for target in (blocks.partners.links if blocks else [])],
    }


_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>\s*", re.DOTALL)


def without_h1(html: str) -> Markup:
    """The page's HTML without its title: the home template shows the title in the hero."""
    return Markup(_H1.sub("", str(html), count=1))
