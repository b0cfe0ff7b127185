"""What a source in data/*.yml may be: its kinds, which of them a visitor sees, and the sites and
paths that are never a source. The one place to add a copy site or an aggregator found later.

A visitor-facing fact cites the city's 2019 report ("seed: <quote>") or a public page by its full
address ("page:https://..."): the city, the venue, the partner city, the organiser, official
bodies, or established media. Never a copy of Wikipedia, a mirror, a news aggregator or a repost,
and never the project's own research files (they are not public).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# seed: the 2019 report; page: a web page (full address, then an optional note); code: a public
# dataset, by its id in the code index; estimate, general: how a value was worked out, general
# knowledge; note: a remark for other editors.
SOURCE_KINDS = ("seed", "page", "code", "estimate", "general", "note")
# Only these are shown to visitors (linked on pages, listed in the open data); the others are
# remarks for editors and stay in the data files.
PUBLIC_KINDS = ("seed", "page")
# Kinds that no longer exist, with what to write instead.
RETIRED_KINDS = {
    "reference": "the research notes are not public: cite the page they read as 'page:https://...', "
                 "or keep the remark for editors as 'note: ...'",
}

# Hosts that copy other sites (Wikipedia mirrors and machine translations of it), aggregate or
# repost news, or reprint documents: cite the original page instead. A host matches itself and
# its subdomains (wikiwand.com also matches www.wikiwand.com).
BLOCKED_HOSTS = frozenset({
    # copies and mirrors of Wikipedia, machine translations of it
    "787414.lt5jd.group", "en-wiki.fonk.bid", "de.wikial.top", "perceptiosv.com", "perceptiode.com",
    "perceptiono.com", "dwikipedia.eth.limo", "wiki-org.ru", "wikiwand.com", "wiki2.org",
    "russianwiki.com", "wikimili.com", "wikisum.wiki", "enwikipedia.net", "unsorted.wikisort.ru",
    "w.owiki.org", "the-uncensored-wiki.com", "worddisk.com", "ru.wikipedia-on-ipfs.org", "memim.com",
    # reposts of news and documents, aggregators, user-posted content
    "news.mail.ru", "ru24.pro", "khabarovsk-news.net", "korea.news-pravda.com", "pikabu.ru", "rus.team",
    "my-calend.ru", "tender-expert.ru", "m.shuoxu.com", "zkan.com.ua", "cryer.org.uk", "mapio.net",
    "scoremates.com", "news.buzznet.ru", "web.lifelines.name", "amurdiame.ru",
    "getshortnews.ru", "news.myseldon.com", "dzen.ru", "zen.yandex.ru", "29ru.net",
    # machine-translated copies of travel descriptions and of Wikipedia found while re-sourcing
    "brilliant-tourism.com", "xcv.wiki", "kampuspedia.com", "perceptiofr.com", "perceptiopt.com",
})

# Encyclopedias: they retell what other pages say, which a fact cites instead (the page the article cites).
ENCYCLOPEDIAS = frozenset({"wikipedia.org"})

# Files of this project's research (outside the repository, not public): never a source.
PRIVATE_PATH = re.compile(r"(?<![\w.-])(?:shared|reference)/|(?<![\w-])notes\.md\b")


def source_parts(source: str) -> tuple[str, str]:
    """("page", "https://...") from "page:https://... (a note)": the kind and, for a page, its address
    alone; for the other kinds, the whole text after the colon."""
    kind, _, detail = (part.strip() for part in source.partition(":"))
    return kind, detail.split()[0] if kind == "page" and detail else detail


def blocked_host(url: str, hosts: frozenset[str] = BLOCKED_HOSTS) -> str | None:
    """The entry of `hosts` that `url` is on (itself or a subdomain), or None."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for blocked in hosts:
        if host == blocked or host.endswith("." + blocked):
            return blocked
    return None


def hosts_in(text: str) -> list[str]:
    """Blocked hosts named anywhere in a text, with or without https:// (for notes and glossary src)."""
    found = []
    for word in re.findall(r"[\w.-]+\.[a-z]{2,}(?:/\S*)?", text.lower()):
        host = blocked_host("https://" + word.split("//")[-1])
        if host and host not in found:
            found.append(host)
    return found


def is_public(source: str) -> bool:
    """Whether a source is shown to visitors (the 2019 report or a web page)."""
    return source_parts(source)[0] in PUBLIC_KINDS


def public_sources(sources: list[str]) -> list[str]:
    return [source for source in sources if is_public(source)]
