"""The events section, for visitors: a page per yearly event (data/events.yml), the list on /events/
(the next 12 months from the build date, by season and month, with a month index and category
filters that are plain links and anchors: no script needed), a page per category
(/events/category/<category>/), and the home page's link to the season's events.

An entry says when (the announced dates, or the usual period marked "usually"), where (the venues,
linked), whether it is free or ticketed when a source says, and links to its calendar file when
the days are known. The 2019 chronicle of the city's cooperation is in pages/chronicle.py.
"""

from __future__ import annotations

import datetime as dt
import typing
from html import escape

from babel.dates import format_date

from ..cards import DEFAULT_ICON, EVENT_ICONS, Card, cards_html, date_chip, meta_line
from ..data.model import Event, VisitorCategory
from ..data.sources import source_parts
from ..dates import format_month
from ..languages import aside, babel_locale, colon, list_gap, names_list
from ..schedule import (
    HORIZON_DAYS,
    Occurrence,
    edition_occurrence,
    history,
    month_key,
    season_end,
    season_of,
    season_planned_for,
    season_start,
)
from ..timing import occurrence_dates, occurrence_text, usual_text
from .common import (
    PageContext,
    back_link,
    external_link,
    front_matter,
    in_language,
    language_root,
    md_inline,
    md_paragraphs,
    md_text,
)

Entries = list[tuple[Event, Occurrence]]  # events, each with the occurrence a list shows

MAX_PLACES_IN_LIST = 3  # venues named in a list entry; the event's page names them all
CATEGORY_FOLDER = "category"
JUMP_LINKS = "{: .kh-jump }"  # a line of links to parts of the page or list (attr_list): thumb-sized, whole


def in_calendar(occurrence: Occurrence | None) -> bool:
    """Whether an occurrence goes into calendar files: its days are known and it is not cancelled."""
    return occurrence is not None and occurrence.exact and occurrence.status != "cancelled"


def categories_in_use(ctx: PageContext) -> list[str]:
    """The categories of data/events.yml that have events, in the model's order."""
    used = {event.category for event in ctx.data.events.values()}
    return [category for category in typing.get_args(VisitorCategory) if category in used]


def season_anchor(season: tuple[str, int]) -> str:
    return f"{season[0]}-{season[1]}"


def season_title(season: tuple[str, int], lang: str, ctx: PageContext) -> str:
    name, year = season
    years = ctx.t("season_winter_years", lang).format(year=year, next=f"{(year + 1) % 100:02d}") \
        if name == "winter" else str(year)
    return ctx.t(f"season_{name}", lang).format(years=years)


# --- one entry ------------------------------------------------------------------------------------

def venue_links(ctx: PageContext, event: Event, lang: str, root: str, limit: int | None = None,
                html: bool = False) -> str:
    """The event's venues linked (`root` leads from the page to the language's root folder: a
    Markdown path, or with `html` a built URL)."""
    target = "venues/{}/" if html else "venues/{}.md"
    names = [(f'<a href="{root}{target.format(venue)}">{md_inline(ctx.data.venues[venue].name, lang)}</a>' if html
              else f"[{md_inline(ctx.data.venues[venue].name, lang)}]({root}{target.format(venue)})")
             for venue in event.venues]
    if limit is not None and len(names) > limit:  # "A, B, C and 3 more": no "and" before C
        return ctx.t("more_places", lang).format(places=list_gap(lang).join(names[:limit]), count=len(names) - limit)
    return names_list(names, lang)


def price_label(event: Event, lang: str, ctx: PageContext) -> str | None:
    return ctx.t(f"price_{event.price}", lang) if event.price else None


def event_card(ctx: PageContext, event: Event, occurrence: Occurrence, lang: str, to_events: str, to_root: str,
               with_places: bool = True) -> Card:
    """An event in a list, as a card (citysite/cards.py): its calendar chip; the linked title;
    when ("usually" when no dates are announced), where (the venues, linked), the category in words
    beside its icon (the icon alone was read by nobody: an accessibility walkthrough), the price,
    the calendar link. `to_events` and `to_root` lead from the page's URL to /events/ and to the
    language's root."""
    meta = [meta_line("material/calendar", card_when(ctx, occurrence, lang))]
    if with_places:
        meta.append(meta_line("material/map-marker", venue_links(ctx, event, lang, to_root, MAX_PLACES_IN_LIST, html=True)))
    category = md_text(ctx.t(f"event_category_{event.category}", lang))
    meta.append(meta_line(EVENT_ICONS.get(event.category, DEFAULT_ICON), category))
    price = price_label(event, lang, ctx)
    if price:
        meta.append(meta_line("material/ticket", md_text(price)))
    if in_calendar(occurrence):  # named with the event: a list of links read "Add to calendar" six times
        label = f'{ctx.t("add_to_calendar", lang)}{colon(lang)}{event.title[lang]}'
        meta.append(meta_line("material/calendar-plus", f'<a href="{to_events}{event.id}.ics" '
                              f'aria-label="{escape(label, quote=True)}">{md_text(ctx.t("add_to_calendar", lang))}</a>'))
    return Card(url=f"{to_events}{event.id}/", title=md_inline(event.title, lang), kind="event", meta=meta,
                media=card_chip(ctx, occurrence, lang), until=occurrence.last)


def card_when(ctx: PageContext, occurrence: Occurrence, lang: str) -> str:
    """When an event in a list happens (escaped, for Markdown and HTML alike): its dates, with the
    start time when known (the Easter night service, Saturday 23:00, read as an event on Saturday),
    marked "usually" while none are announced; for a screen reader, "Now:" before one under way (its
    chip, which says so, is hidden from it)."""
    when = occurrence_text(occurrence, lang, ctx.strings_in(lang), with_time=True, weekday=True)
    under_way = occurrence.fills_its_period and occurrence.first < ctx.today <= occurrence.last
    now = f'<span class="kh-sr-only">{md_text(ctx.t("chip_now", lang))}{colon(lang)}</span>' if under_way else ""
    return now + md_text(when) + _usually(ctx, occurrence, lang)


def _usually(ctx: PageContext, occurrence: Occurrence, lang: str) -> str:
    """" (usually)" after an occurrence whose dates are not announced, else nothing."""
    return aside(md_text(ctx.t("usually_mark", lang)), lang) if not occurrence.exact and occurrence.edition is None else ""


def card_chip(ctx: PageContext, occurrence: Occurrence, lang: str) -> str:
    """The calendar chip of an event in a list: "Now" for one that began before today and goes on
    (its first month, "Sep" in December, read as months away), and for one still to come once it has
    begun on a page read later (a saved page in January showed the rink as "Dec"); this month for a
    few days some time in a usual period under way, only possibly on now (City Day on 10 June, "late
    May or early June", is "Jun", neither "Now" nor "May")."""
    under_way = occurrence.first < ctx.today <= occurrence.last
    if not occurrence.fills_its_period:  # possibly on now, or later in its period: "Jul", not "Now"
        return date_chip(max(occurrence.first, ctx.today), occurrence.last, lang, exact=occurrence.exact)
    now = ctx.t("chip_now", lang)  # the day a season opens is on its chip too (an editor saw "Dec" alone)
    return date_chip(occurrence.first, occurrence.last, lang, exact=occurrence.first_day_known,
                     under_way=now if under_way else "", now=now)


def event_cards(ctx: PageContext, entries: list[tuple[Event, Occurrence]], lang: str, to_events: str, to_root: str,
                heading: int, with_places: bool = True) -> str:
    """Events as a list of cards whose titles are headings of level `heading`."""
    cards = [event_card(ctx, event, occurrence, lang, to_events, to_root, with_places) for event, occurrence in entries]
    return cards_html(cards, heading=heading, css_class="kh-cards--list")  # one column: the page has sidebars


# --- the page of an event -------------------------------------------------------------------------

_NOTE_SEPARATOR = {"zh": "；", "ja": "。", "ko": ". "}  # between two notes in one bracket (en, ru: "; ")


def event_page(ctx: PageContext, event: Event, lang: str) -> str:
    """/events/<id>/: the next dates, the usual timing, where, price, organiser, category, what it
    is, a calendar link, past editions and sources."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    strings = ctx.strings_in(lang)
    occurrence = ctx.next[event.id]
    facts = []
    if occurrence is not None:
        when = md_text(occurrence_text(occurrence, lang, strings, with_time=True, weekday=True))
        if occurrence.exact and occurrence.time is not None:
            note = t("khabarovsk_time")
            if occurrence.edition is None:  # the usual time: a group had planned its morning around it
                note += _NOTE_SEPARATOR.get(lang, "; ") + t("time_usually")  # one bracket, not two in a row
            when += aside(md_text(note), lang)
        on_now = occurrence.first <= ctx.today <= occurrence.last
        if not occurrence.exact and occurrence.edition is None:  # the usual period, no dates announced
            approx = t("now_approx" if on_now else "next_approx")  # under way: "check this year's dates"
            when = md_text(approx.format(when=occurrence_text(occurrence, lang, strings)))
        if on_now and occurrence.status != "cancelled":
            # "When: on now · ...", not "Next date: on now"; "possibly on now" while it may be
            when = md_text(t("next_on_now" if occurrence.fills_its_period else "next_maybe_now")) + " · " + when
        facts.append(ctx.line("material-calendar-star", "label_when" if on_now else "label_next", when, lang))
    if event.usually is not None:  # an event held once has its one date above, or under "It took place"
        facts.append(ctx.line("material-calendar-sync", "label_usually", md_text(usual_text(event.usually, lang, strings)),
                              lang))
    if lang != "ru":  # to ask for it, or look it up in a Russian map app (a family could not name the rink)
        facts.append(ctx.line("material-translate", "label_name_ru", in_language(md_text(event.title.ru), "ru", lang),
                              lang))
    facts.append(ctx.line("material-map-marker", "label_where", venue_links(ctx, event, lang, "../"), lang))
    if len(event.venues) == 1:
        venue = ctx.data.venues[event.venues[0]]
        facts.append(ctx.line("material-home-map-marker", "label_address", md_inline(venue.address, lang), lang))
        if lang != "ru":  # to show a taxi driver without opening the venue's page
            russian = in_language(md_text(venue.address.ru), "ru", lang)
            facts.append(ctx.line("material-taxi", "label_address_ru", russian, lang))
    if event.price or event.price_note:
        price = md_text(price_label(event, lang, ctx) or "")
        if event.price_note is not None:
            price = (price + " · " if price else "") + md_inline(event.price_note, lang)
        facts.append(ctx.line("material-ticket-outline", "label_price", price, lang))
    if event.organiser is not None:
        facts.append(ctx.line("material-account-tie", "label_organiser", md_inline(event.organiser, lang), lang))
    category = f"[{t(f'event_category_{event.category}')}]({CATEGORY_FOLDER}/{event.category}.md)"
    facts.append(ctx.line("material-tag", "label_category", category, lang))
    if event.website:
        facts.append(ctx.line("material-web", "label_website", external_link(event.website), lang))

    parts = [
        front_matter(event.summary[lang]),
        f"# {md_inline(event.title, lang)}\n",
        back_link(t('back_to_events'), "index.md") + "\n",
        "\n".join(facts) + "\n",
        md_paragraphs(event.summary, lang) + "\n",
    ]
    if in_calendar(occurrence):
        parts.append(f"[:material-calendar-plus: {t('add_to_calendar')}]({event.id}.ics){{ .md-button }}\n")
    past = history(event, ctx.today)
    if past:
        items = []
        for edition in past:
            text = occurrence_text(edition_occurrence(event.id, edition, event.usually), lang, strings)
            items.append(f"- {md_text(text)}")
        parts.append(f"## {t('events_held_once' if event.once else 'events_history')}\n\n" + "\n".join(items) + "\n")
    parts.append(ctx.sources(event_sources(event), lang))
    return "\n".join(part for part in parts if part)


def event_sources(event: Event) -> list[str]:
    """The event's sources, then its editions', each web page once."""
    found, pages = [], set()
    for source in [*event.sources, *(source for edition in event.editions for source in edition.sources)]:
        kind, detail = source_parts(source)
        key = detail if kind == "page" else source
        if key not in pages:
            pages.add(key)
            found.append(source)
    return found


# --- the list on /events/ and the category pages --------------------------------------------------

def _made_on(ctx: PageContext, lang: str) -> str:
    """The day the lists were made (the build's date), as the reader's language writes it."""
    return format_date(ctx.today, "long", locale=babel_locale(lang))


def saved_list_note(ctx: PageContext, lang: str) -> str:
    """The note under a list of event cards, hidden until a page saved on a phone is read after one
    of them ended (docs/javascripts/past-events.js hides those): "This list was saved on ...: events
    that have ended since are not shown" (the home page and a place's page); out of the search index,
    as the events list's hidden line is (a Chinese walkthrough read both in one result)."""
    note = ctx.t("saved_list_past_hidden", lang).format(date=_made_on(ctx, lang))
    return f'<p class="kh-past-note" hidden data-search-exclude>{md_text(note)}</p>'


def _as_of(ctx: PageContext, lang: str) -> str:
    """The date the list was made and that it is made every day; a page read on a later day, saved
    on a phone, says instead that it was saved that day and that the events ended since are not
    shown (docs/javascripts/past-events.js; read offline in January, "the list is rebuilt every
    day" stood beside a list of 7 December)."""
    date, made = _made_on(ctx, lang), ctx.today.isoformat()
    saved = ctx.t("saved_list_past_hidden", lang).format(date=date)
    return (f':material-update: <span class="kh-as-of" data-made="{made}">'
            f"{md_text(ctx.t('events_as_of', lang).format(date=date))}</span>"
            f'<span class="kh-as-of kh-past-note" data-made="{made}" hidden data-search-exclude>{md_text(saved)}</span>')


def _category_links(ctx: PageContext, lang: str, prefix: str, current: str | None = None) -> str:
    """"Categories: Holiday (6) · Festival (4) ..." linking to each category's page (the current one
    not linked); `prefix` leads to the category folder."""
    counts = {category: 0 for category in categories_in_use(ctx)}
    for event, _occurrence in ctx.coming_up():
        counts[event.category] += 1
    links = []
    for category, count in counts.items():
        label = md_text(ctx.t(f"event_category_{category}", lang))
        number = aside(md_text(str(count)), lang)  # not md_text(aside(...)): it strips the space before "("
        # the count outside the link: a full-width bracket's blank half was underlined (a design review)
        links.append(f"**{label}**{number}" if category == current else f"[{label}]({prefix}{category}.md){number}")
    return f":material-filter-variant: {ctx.t('events_categories', lang)}{colon(lang)}" + " · ".join(links)


def _months(entries: Entries, today: dt.date) -> dict[str, Entries]:
    """Entries by the month they start in (those already on are left to the "on now" section)."""
    months: dict[str, Entries] = {}
    for event, occurrence in entries:
        if occurrence.first >= today:
            months.setdefault(month_key(occurrence.first), []).append((event, occurrence))
    return months


def _still_on(entries: Entries, today: dt.date) -> dict[str, Entries]:
    """Per month from today's, up to the end of the next 12 months, the entries that run for a
    whole month or more, begun in an earlier month, that go on (or, while their dates are not
    announced, usually go on) into it: a visitor looking at February finds the New Year towns and
    the rink there, not only under December, and one who follows the link to this month finds those
    begun last month there too (a family on 8 January read January as Epiphany alone). (City Day,
    "late May or early June", runs a weekend: it is not "still on" in June; `_maybe_in` names it.)"""
    end = today + dt.timedelta(days=HORIZON_DAYS - 1)
    this_month = today.replace(day=1)
    months: dict[str, Entries] = {}
    for event, occurrence in entries:
        whole = occurrence.first if occurrence.first.day == 1 else _month_after(occurrence.first)
        if _month_after(whole) - dt.timedelta(days=1) > occurrence.last:
            continue  # shorter than a month, or a few days somewhere in a range
        month = this_month if occurrence.first < this_month else _month_after(max(occurrence.first, today))
        while month <= min(occurrence.last, end):
            months.setdefault(month_key(month), []).append((event, occurrence))
            month = _month_after(month)
    return months


def _maybe_in(entries: Entries, today: dt.date, going_on: dict[str, Entries]) -> dict[str, Entries]:
    """Per month after the one it is listed in, the entries whose dates are not announced and whose
    usual period reaches into that month without filling it (those of `going_on`, by _still_on, do):
    a visitor looking at June learns that City Day, "late May or early June", may fall in June too,
    also once that period has begun (on 25 May a Korean couple coming on 3 June found June without it:
    it was only under this month's "possibly on now")."""
    still_on = {(event.id, occurrence.first) for month in going_on.values() for event, occurrence in month}
    end = today + dt.timedelta(days=HORIZON_DAYS - 1)
    months: dict[str, Entries] = {}
    for event, occurrence in entries:
        if occurrence.exact or (event.id, occurrence.first) in still_on:
            continue
        if occurrence.fills_its_period:  # a season (next year's hockey, from September): on, not "possibly",
            continue                     # and its months past the 12 were listed up to March 2029
        month = _month_after(max(occurrence.first, today))  # begun: under this month's "possibly on now"
        while month <= min(occurrence.last, end):
            months.setdefault(month_key(month), []).append((event, occurrence))
            month = _month_after(month)
    return months


def _event_link(event: Event, occurrence: Occurrence, lang: str, to_events: str, note: str) -> str:
    """An event in a line of links (HTML), with `note` after it and its last day: a saved page read
    later drops those that have ended (docs/javascripts/past-events.js)."""
    return (f'<span data-until="{occurrence.last.isoformat()}"><a href="{to_events}{event.id}/">'
            f"{md_inline(event.title, lang)}</a>{note}</span>")


def _begun(entries: Entries, today: dt.date) -> tuple[Entries, Entries, Entries]:
    """The entries begun before today: those on now, those only possibly on now (a few days some
    time in their usual period, Occurrence.fills_its_period), and those cancelled. An edition
    cancelled with only its month known ("2026-12", as the news often says) read "Possibly on now
    (dates not announced)" (an editor's walkthrough)."""
    begun = [(event, occurrence) for event, occurrence in entries if occurrence.first < today]
    held = [entry for entry in begun if entry[1].status != "cancelled"]
    return ([entry for entry in held if entry[1].fills_its_period],
            [entry for entry in held if not entry[1].fills_its_period],
            [entry for entry in begun if entry[1].status == "cancelled"])


def _on_now_section(ctx: PageContext, on_now: Entries, maybe_now: Entries, cancelled: Entries, lang: str,
                    heading: int, to_events: str, to_root: str) -> list[str]:
    """"On now": the cards of the events under way, then a line linking those possibly on now, and
    one linking those that would be on but are cancelled; "This month" over those lines alone (a
    Korean visitor on 10 July read "On now" over a fair usually held in early July, most likely over)."""
    if not on_now and not maybe_now and not cancelled:
        return []
    title = ctx.t("events_on_now" if on_now else "events_this_month", lang)
    lines = [f"{'#' * heading} {title} {{#now}}", ""]
    if on_now:
        lines += [event_cards(ctx, on_now, lang, to_events, to_root, heading=heading + 1), ""]
    strings = ctx.strings_in(lang)
    for entries, icon, label, dates in ((maybe_now, "calendar-question", "events_maybe_now", occurrence_text),
                                        (cancelled, "calendar-remove", "events_cancelled_now", occurrence_dates)):
        if entries:  # a line of links, each with its dates (a cancelled one's label says it is cancelled)
            links = " · ".join(_event_link(event, occurrence, lang, to_events,
                                           aside(md_text(dates(occurrence, lang, strings)), lang))
                               for event, occurrence in entries)
            lines += [f":material-{icon}: {ctx.t(label, lang)}{colon(lang)}{links}", ""]
    return lines


def _month_after(day: dt.date) -> dt.date:
    """The first day of the month after `day`'s."""
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_title(key: str, lang: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return format_month(year, month, lang)


def _months_ahead(today: dt.date) -> list[str]:
    """The months (YYYY-MM) after this one that the page covers, up to the last day of its
    12 months (this month's events under way are under "On now")."""
    last = today + dt.timedelta(days=HORIZON_DAYS - 1)
    count = (last.year - today.year) * 12 + last.month - today.month
    return [f"{today.year + (today.month + step - 1) // 12}-{(today.month + step - 1) % 12 + 1:02d}"
            for step in range(1, count + 1)]


def _by_month(entries: Entries, today: dt.date) -> dict[str, tuple[Entries, Entries, Entries]]:
    """Month (YYYY-MM) -> (the entries starting in it, those begun earlier that go on in it, those
    that may fall in it too), in order."""
    starting, going_on = _months(entries, today), _still_on(entries, today)
    maybe = _maybe_in(entries, today, going_on)
    keys = sorted(starting.keys() | going_on.keys() | maybe.keys())
    return {key: (starting.get(key, []), going_on.get(key, []), maybe.get(key, [])) for key in keys}


def _month_section(ctx: PageContext, key: str, entries: tuple[Entries, Entries, Entries], lang: str, heading: int,
                   to_events: str, to_root: str) -> list[str]:
    """A month of an events list: its heading (level `heading`), the cards of the events that start
    in it, then "Still on: ..." linking those that go on and "Possibly this month too: ..." those
    whose usual period reaches into it. `to_events` and `to_root` lead from the page's URL to
    /events/ and the language's root (as for event_cards). The links of those two lines are HTML, as
    the cards' are: Python-Markdown scans a line's rest for each Markdown link's closing bracket, and
    with 100 times the events a line of 400 links took 6 of the 50 seconds of a language's build.
    Each link carries its event's last day, as a card does: a saved page read later drops those
    that have ended (docs/javascripts/past-events.js)."""
    starting, going_on, maybe = entries
    strings = ctx.strings_in(lang)

    def still_on_note(event: Event, occurrence: Occurrence) -> str:
        """"(usually)", or in the month a season usually ends, when it usually does: a tour planned for
        mid-February read both ice towns as simply "Still on" (a Harbin travel agent)."""
        if not occurrence.exact and month_key(occurrence.last) == key and event.usually is not None:
            return aside(md_text(usual_text(event.usually, lang, strings)), lang)
        return _usually(ctx, occurrence, lang)

    lines = [f"{'#' * heading} {md_text(_month_title(key, lang))} {{#{key}}}", ""]
    if starting:
        lines += [event_cards(ctx, starting, lang, to_events, to_root, heading=heading + 1), ""]
    if going_on:
        links = " · ".join(_event_link(event, occurrence, lang, to_events, still_on_note(event, occurrence))
                           for event, occurrence in going_on)
        lines += [f":material-calendar-arrow-right: {ctx.t('events_still_on', lang)}{colon(lang)}{links}", ""]
    if maybe:
        links = " · ".join(_event_link(event, occurrence, lang, to_events,
                                       aside(md_text(usual_text(event.usually, lang, strings)), lang))
                           for event, occurrence in maybe)
        lines += [f":material-calendar-question: {ctx.t('events_maybe', lang)}{colon(lang)}{links}", ""]
    return lines


def events_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /events/: the next 12 months by season and month."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    entries = ctx.every_occurrence()
    on_now, maybe_now, cancelled = _begun(entries, ctx.today)
    by_month = _by_month(entries, ctx.today)
    lines = [_as_of(ctx, lang), ""]
    if by_month:
        index = " · ".join(f"[{md_text(_month_title(key, lang))}](#{key})" for key in by_month)
        lines += [f":material-calendar-month: {t('events_months')}{colon(lang)}{index}", JUMP_LINKS, ""]
    lines += [_category_links(ctx, lang, f"{CATEGORY_FOLDER}/"), JUMP_LINKS, ""]
    if not entries:
        lines += [t("events_none_upcoming"), ""]
    lines += _on_now_section(ctx, on_now, maybe_now, cancelled, lang, 2, "", "../")
    if entries and month_key(ctx.today) not in by_month:  # the list began with next month: a couple with
        # a free weekend in mid-August read nothing about August at all (a Korean walkthrough)
        none = t("events_none_this_month").format(venues="../venues/index.md")
        last = _month_after(ctx.today) - dt.timedelta(days=1)  # a saved page read next month drops it
        lines += [f':material-calendar-blank: {none}\n{{: .kh-dated data-until="{last.isoformat()}" }}', ""]
    season = None
    for key, month_entries in by_month.items():
        month_season = season_of(dt.date.fromisoformat(f"{key}-01"))
        if month_season != season:
            season = month_season
            lines += [f"## {md_text(season_title(season, lang, ctx))} {{#{season_anchor(season)}}}", ""]
        lines += _month_section(ctx, key, month_entries, lang, 3, "", "../")
    # the months with nothing and the calendar file after the list, not above it: a design review
    # found the first event 1,097 px down a phone
    empty = [key for key in _months_ahead(ctx.today) if key not in by_month]
    if empty and entries:  # a visitor coming in August sees that August was not forgotten
        titles = [_month_title(key, lang) for key in empty]
        if lang == "ru":  # inside a sentence: «Пока ничего не объявлено: апрель 2027 г.»
            titles = [title[:1].lower() + title[1:] for title in titles]
        months = " · ".join(md_text(title) for title in titles)
        lines += [f":material-calendar-blank: {t('events_months_empty')}{colon(lang)}{months}", ""]
    lines += [f"[:material-calendar-sync: {t('subscribe_calendar')}](events.ics){{ .md-button }}", ""]
    root = language_root(lang)
    lines += [
        f"## {t('chronicle_heading')}",
        "",
        f"{md_text(t('chronicle_moved'))} [{t('chronicle_title')}]({root}cooperation/chronicle/index.md)",
        "",
        open_data_line(ctx, lang, "events.json", "chronicle.json"),
    ]
    return "\n".join(lines) + "\n"


def category_page(ctx: PageContext, category: str, lang: str) -> str:
    """/events/category/<category>/: that category's events in the next 12 months, by month."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    label = t(f"event_category_{category}")
    title = t("events_in_category").format(category=label)
    entries = [(event, occ) for event, occ in ctx.every_occurrence() if event.category == category]
    lines = [
        front_matter(title),
        f"# {md_text(title)}",
        "",
        back_link(t('back_to_events'), "../index.md"),
        "",
        _as_of(ctx, lang),
        "",
        _category_links(ctx, lang, "", current=category),
        JUMP_LINKS,
        "",
    ]
    if not entries:
        lines += [t("events_none_in_category"), ""]
    lines += _on_now_section(ctx, *_begun(entries, ctx.today), lang, 2, "../../", "../../../")
    for key, month_entries in _by_month(entries, ctx.today).items():
        lines += _month_section(ctx, key, month_entries, lang, 2, "../../", "../../../")
    return "\n".join(lines)


def category_pages(ctx: PageContext, lang: str) -> dict[str, str]:
    """Path under events/ ("category/holiday.md") -> Markdown, for each category in use."""
    return {f"{CATEGORY_FOLDER}/{category}.md": category_page(ctx, category, lang) for category in categories_in_use(ctx)}


# --- the home page -------------------------------------------------------------------------------

def home_season(ctx: PageContext) -> tuple[str, int] | None:
    """The season the home page links to: the one a visitor plans for (season_planned_for) if
    /events/ lists events in it, else the next one that has some."""
    listed = sorted({season_of(group[0][1].first) for group in _months(ctx.every_occurrence(), ctx.today).values()},
                    key=season_start)
    wanted = season_start(season_planned_for(ctx.today))
    return next((season for season in listed if season_start(season) >= wanted), None)


def season_target(ctx: PageContext, lang: str) -> tuple[str, str, dt.date] | None:
    """("Winter 2026/27: all events", "events/index.md#winter-2026", its last day): the home page's
    link to the season's events on /events/ (None when no season has events); a page saved on a
    phone drops it after that day (docs/javascripts/past-events.js), the last day an event listed
    under the season is on, when a saved /events/ drops the season's part (the link of a home page
    read in mid-July led to a summer whose events had all ended, hidden)."""
    season = home_season(ctx)
    if season is None:
        return None
    label = ctx.t("season_all_events", lang).format(season=season_title(season, lang, ctx))
    listed = [occurrence.last for key, groups in _by_month(ctx.every_occurrence(), ctx.today).items()
              if season_of(dt.date.fromisoformat(f"{key}-01")) == season
              for group in groups for _event, occurrence in group]
    return label, f"events/index.md#{season_anchor(season)}", max(listed, default=season_end(season))


def open_data_line(ctx: PageContext, lang: str, *names: str) -> str:
    """"Open data:" and links to the site-wide data files (the same for every language)."""
    root = language_root(lang)
    links = list_gap(lang).join(f"[{name}]({root}data/{name})" for name in names)
    return f":material-database-export: {ctx.t('open_data', lang)}{colon(lang)}{links}"
