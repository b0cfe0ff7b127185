"""The partner cities section: a page per city (country, status, since, distance, cooperation
timeline) and the list on /partners/, grouped by status and country."""

from __future__ import annotations

import typing

from ..data.model import Partner, PartnerStatus
from ..dates import format_since, format_when
from ..places import distance_km, measure_text
from .common import PageContext, back_link, external_link, front_matter, md_inline, md_paragraphs, md_text
from .events import open_data_line
from .venues import MAP_MARKER


def distance_text(partner: Partner, lang: str) -> str:
    """«520 km», «520 км», «520公里»: to the nearest 10 km (city centres are known to 1-2 km)."""
    km = distance_km(partner.lat, partner.lon)
    return measure_text(round(km, -1) if km >= 100 else round(km), "length-kilometer", lang)


def partner_page(ctx: PageContext, partner: Partner, lang: str) -> str:
    """/partners/<id>/: the facts, the summary and every event with this city, oldest first."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    facts = [
        ctx.line("material-flag", "label_country", md_text(ctx.data.country_name(partner.country, lang)), lang),
        ctx.line("material-handshake", "label_status", t(f"partner_status_{partner.status}"), lang),
    ]
    if partner.since:
        facts.append(ctx.line("material-calendar-check", "label_since", format_when(partner.since, lang), lang))
    for pause, date in partner.pauses():  # its label: label_suspended, label_exchanges_paused
        value = t("since_value").format(date=format_since(date, lang))
        facts.append(ctx.line("material-pause-circle-outline", f"label_{pause}", value, lang))
    facts.append(
        ctx.line("material-map-marker-distance", "label_distance", t("distance_value").format(distance=distance_text(partner, lang)), lang)
    )
    if partner.website:
        facts.append(ctx.line("material-web", "label_website", external_link(partner.website), lang))

    events = ctx.events_with_partner.get(partner.id, [])
    timeline = "\n".join(ctx.event_item(entry, lang, "../cooperation/chronicle/") for entry in events) \
        or t("partner_no_events")
    parts = [
        front_matter(partner.summary[lang]),
        f"# {md_inline(partner.name, lang)}\n",
        back_link(t('back_to_partners'), "index.md") + "\n",
        "\n".join(facts) + "\n",
        md_paragraphs(partner.summary, lang) + "\n",
        md_paragraphs(partner.note, lang) + "\n" if partner.note else "",
        f"## {t('partner_timeline')}\n\n{timeline}\n",
        ctx.sources(partner.sources, lang),
    ]
    return "\n".join(part for part in parts if part)


def partners_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /partners/: the map, then the cities by status and country, nearest first."""
    groups: dict[str, dict[str, list[Partner]]] = {}
    for partner in ctx.data.partners.values():
        country = ctx.data.country_name(partner.country, lang)
        groups.setdefault(partner.status, {}).setdefault(country, []).append(partner)
    lines = [MAP_MARKER]
    for status in typing.get_args(PartnerStatus):
        if status not in groups:
            continue
        lines += ["", f"## {ctx.t(f'partner_group_{status}', lang)}"]
        # Nearest first: the same order in every language (names sort differently in each script).
        nearest = lambda partner: distance_km(partner.lat, partner.lon)  # noqa: E731
        for country in sorted(groups[status], key=lambda c: min(map(nearest, groups[status][c]))):
            lines += ["", f"### {md_text(country)}", ""]
            for partner in sorted(groups[status][country], key=nearest):
                details = [ctx.t("since_value", lang).format(date=format_since(partner.since, lang))] \
                    if partner.since else []
                details += [ctx.t(f"{pause}_value", lang).format(date=format_since(date, lang))
                            for pause, date in partner.pauses()]
                details.append(distance_text(partner, lang))
                lines.append(f"- [{md_inline(partner.name, lang)}]({partner.id}.md) · {' · '.join(details)}")
    lines += ["", open_data_line(ctx, lang, "partners.geojson")]
    return "\n".join(lines) + "\n"
