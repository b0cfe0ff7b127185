"""The events section: a page per event, and the list on /events/ (upcoming first, then the
archive by year and month, newest first)."""

from __future__ import annotations

from collections import defaultdict

from babel.lists import format_list

from ..data.model import Event
from ..data.when import rrule_parts
from ..dates import format_month, format_span, format_year, rrule_text
from ..ical import in_calendar
from ..languages import colon
from .common import PageContext, external_link, front_matter, language_root, md_inline, md_paragraphs


def _repeats(event: Event, lang: str, ctx: PageContext) -> str:
    """"every year" for yearly rules (the next date says which day), else "regularly"."""
    parts = rrule_parts(rrule_text(event))
    yearly = parts.get("FREQ") == "YEARLY" and parts.get("INTERVAL", "1") == "1"
    return ctx.t("repeat_yearly" if yearly else "repeat_other", lang)


def event_page(ctx: PageContext, event: Event, lang: str) -> str:
    """/events/<id>/: when, where, who, what, and a link to add it to a calendar."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    when = format_span(event.start, event.end, lang)
    if event.start.precision == "time":
        when += f" ({t('khabarovsk_time')})"
    facts = []
    if event.recurrence:
        occurrence = ctx.upcoming[event.id]
        if occurrence is not None:
            facts.append(ctx.line("material-calendar-star", "label_next", format_span(occurrence.start, occurrence.end, lang), lang))
        facts.append(ctx.line("material-calendar-sync", "label_repeats", _repeats(event, lang, ctx), lang))
        facts.append(ctx.line("material-calendar", "label_first_date", when, lang))
    else:
        facts.append(ctx.line("material-calendar", "label_when", when, lang))
    facts.append(ctx.line("material-map-marker", "label_where", ctx.event_place(event, lang, "../"), lang))
    if len(event.venues) == 1:
        venue = ctx.data.venues[event.venues[0]]
        facts.append(ctx.line("material-home-map-marker", "label_address", md_inline(venue.address, lang), lang))
    if event.partners:
        names = format_list(
            [f"[{md_inline(ctx.data.partners[p].name, lang)}](../partners/{p}.md)" for p in event.partners],
            locale=lang,
        )
        facts.append(ctx.line("material-handshake", "label_partners", names, lang))
    facts.append(ctx.line("material-tag", "label_category", t(f"event_category_{event.category}"), lang))
    if event.website:
        facts.append(ctx.line("material-web", "label_website", external_link(event.website), lang))

    parts = [
        front_matter(event.summary[lang]),
        f"# {md_inline(event.title, lang)}\n",
        f"[:material-arrow-left: {t('back_to_events')}](index.md)\n",
        "\n".join(facts) + "\n",
        md_paragraphs(event.summary, lang) + "\n",
    ]
    if in_calendar(event):
        parts.append(f"[:material-calendar-plus: {t('add_to_calendar')}]({event.id}.ics){{ .md-button }}\n")
    parts.append(ctx.sources(event.sources, lang))
    return "\n".join(part for part in parts if part)


def events_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /events/: upcoming events, then the archive by year and month."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    events = sorted(ctx.data.events.values(), key=ctx.date_key)
    upcoming = [event for event in events if ctx.upcoming[event.id] is not None]
    archive: dict[int, dict[int | None, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        if ctx.upcoming[event.id] is None:
            archive[event.start.year][event.start.month].append(event)

    lines = [
        f"[:material-calendar-sync: {t('subscribe_calendar')}](events.ics){{ .md-button }}",
        "",
        f"## {t('events_upcoming')}",
        "",
    ]
    lines += [ctx.event_item(event, lang) for event in upcoming] or [t("events_none_upcoming")]
    if archive:
        lines += ["", f"## {t('events_archive')}"]
    for year in sorted(archive, reverse=True):
        lines += ["", f"### {format_year(year, lang)}"]
        months = archive[year]
        for month in sorted(months, key=lambda m: -1 if m is None else m, reverse=True):
            heading = format_month(year, month, lang) if month else t("events_month_unknown")
            lines += ["", f"#### {heading}", ""]
            lines += [ctx.event_item(event, lang) for event in months[month]]
    lines += ["", open_data_line(ctx, lang, "events.json")]
    return "\n".join(lines) + "\n"


def open_data_line(ctx: PageContext, lang: str, *names: str) -> str:
    """"Open data:" and links to the site-wide data files (the same for every language)."""
    root = language_root(lang)
    links = ", ".join(f"[{name}]({root}data/{name})" for name in names)
    return f":material-database-export: {ctx.t('open_data', lang)}{colon(lang)}{links}"

