"""What a page's head tells browsers, phones, search engines and social networks: a description on
every page, icons that exist, Open Graph and Twitter card metadata in the page's language, and a
search dialog with a name. Also that links in running text are underlined (not told by colour)."""

from __future__ import annotations

import struct

import pytest
from mkdocs.utils import yaml_load
from mkdocs.utils.meta import get_data

from citysite.languages import language_folder
from tests.conftest import ROOT, SUB_PATH_URL, UNTRANSLATED
from tests.helpers import LANGUAGES, SITE_URL, BuiltSite, resolve
from tests.test_site_languages import SITE_NAMES

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
OG_LOCALES = {"en": "en_US", "ru": "ru_RU", "zh": "zh_CN", "ja": "ja_JP", "ko": "ko_KR"}
SEARCH = {"en": "Search", "ru": "Поиск", "zh": "查找", "ja": "検索", "ko": "검색"}  # Material's words
CONFIG = yaml_load((ROOT / "mkdocs.yml").open(encoding="utf-8"))
SITE_DESCRIPTIONS = {
    lang["locale"]: " ".join((lang.get("site_description") or CONFIG["site_description"]).split())
    for lang in next(plugin["i18n"] for plugin in CONFIG["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)[
        "languages"
    ]
}
DATA_SECTIONS = ("events/", "venues/", "partners/")


def meta(page, name: str) -> str | None:
    """The content of <meta property=name> (Open Graph) or <meta name=name>."""
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def sample_pages(site: BuiltSite, lang: str) -> list[str]:
    """The home page, the section pages and one page of each kind made from the data."""
    prefix = PREFIX[lang]
    urls = [prefix, f"{prefix}visit/", f"{prefix}about/tourism/", *(prefix + section for section in DATA_SECTIONS)]
    for section in DATA_SECTIONS:
        urls.append(next(url for url in site.content_pages(lang) if url.startswith(prefix + section) and url != prefix + section))
    return urls


# --- descriptions ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_one_description(site, lang):
    pages = site.content_pages(lang)
    assert len(pages) > 50
    assert [url for url in pages if len(site.page(url).find_all("meta", attrs={"name": "description"})) != 1] == []
    assert [url for url in pages if not meta(site.page(url), "description").strip()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_descriptions_are_the_ones_editors_wrote(site, lang):
    """Quotes and ampersands in front matter reach the page as text (the theme does not escape them)."""
    folder = language_folder(ROOT, lang)
    checked = 0
    for source in sorted(folder.rglob("*.md")):
        written = get_data(source.read_text(encoding="utf-8"))[1].get("description")
        if not written:
            continue
        path = source.relative_to(folder).with_suffix("").as_posix()
        url = PREFIX[lang] + ("" if path == "index" else path.removesuffix("/index") + "/")
        assert meta(site.page(url), "description") == " ".join(written.split()), url
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_made_from_the_data_describe_themselves(site, lang):
    prefix = PREFIX[lang]
    generic = [
        url for url in site.content_pages(lang)
        if url.startswith(tuple(prefix + section for section in DATA_SECTIONS))
        and " ".join(meta(site.page(url), "description").split()) == SITE_DESCRIPTIONS[lang]
    ]
    assert generic == []


# --- Open Graph and Twitter card ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_graph_names_the_page_in_its_language(site, lang):
    for url in sample_pages(site, lang):
        page = site.page(url)
        canonical = page.find("link", rel="canonical")["href"]
        assert meta(page, "og:locale") == OG_LOCALES[lang], url
        assert meta(page, "og:url") == canonical == SITE_URL + url, url
        assert meta(page, "og:site_name") == SITE_NAMES[lang], url
        assert meta(page, "og:description") == meta(page, "description"), url
        if url == PREFIX[lang]:
            assert meta(page, "og:title") == SITE_NAMES[lang] == page.title.get_text()  # not «Главная - Хабаровск»
        else:  # with the city, as the browser's title (Russian typography: a dash, not a hyphen)
            separator = " — " if lang == "ru" else " - "
            assert meta(page, "og:title") == page.title.get_text(), url
            assert meta(page, "og:title").endswith(f"{separator}{SITE_NAMES[lang]}"), url
        translations = {link["hreflang"] for link in page.find_all("link", rel="alternate", hreflang=True)}
        alternates = {tag["content"] for tag in page.find_all("meta", attrs={"property": "og:locale:alternate"})}
        assert alternates == {OG_LOCALES[other] for other in translations - {lang, "x-default"}}, url
        assert len(alternates) == 4, url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_its_picture_or_the_social_card_and_a_twitter_card(site, lang):
    """A page with a picture of its own (data/images.yml) shows it in link previews, described in the
    page's language; every other page shows the site's card."""
    own = 0
    for url in site.content_pages(lang):
        page = site.page(url)
        image = meta(page, "og:image")
        if image.startswith(SITE_URL + "images/generated/"):
            own += 1
            assert site.path_of(image).is_file(), url
            assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630"), url
            assert meta(page, "og:image:type") == "image/jpeg", url
            assert meta(page, "og:image:alt") not in (None, "", SITE_NAMES[lang]), url
        else:
            assert image == SITE_URL + "images/social-card.png", url
            assert meta(page, "og:image:alt") == SITE_NAMES[lang], url
        assert meta(page, "twitter:card") == "summary_large_image", url
        assert meta(page, "og:title") and meta(page, "og:url"), url
    assert own >= 2, "the home page and the About page have pictures of their own"
    assert "images/generated/amur-cliff-card." in meta(site.page(PREFIX[lang]), "og:image")


def test_the_social_card_is_on_the_site(site):
    page = site.page("visit/")
    image = site.path_of(meta(page, "og:image"))
    data = image.read_bytes()
    assert png_size(data) == (int(meta(page, "og:image:width")), int(meta(page, "og:image:height"))) == (1200, 630)
    assert meta(page, "og:image:type") == "image/png"
    assert len(data) < 100_000, "keep the card small: it is fetched for every shared link"


def test_an_untranslated_copy_describes_its_english_original(sub_path_site):
    page = sub_path_site.page(f"ru/{UNTRANSLATED}")
    assert meta(page, "og:locale") == "en_US"
    assert meta(page, "og:url") == SUB_PATH_URL + UNTRANSLATED
    assert page.find_all("meta", attrs={"property": "og:locale:alternate"}) == []
    assert meta(page, "og:image") == SUB_PATH_URL + "images/social-card.png"


# --- icons -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_icons_exist(site, lang):
    for url in sample_pages(site, lang):
        page = site.page(url)
        links = page.find_all("link", rel=lambda rel: rel in ("icon", "apple-touch-icon"))
        assert {" ".join(link["rel"]) for link in links} == {"icon", "apple-touch-icon"}, url
        for link in links:
            assert site.exists(resolve(url, link["href"])), f"{url}: {link['href']}"
        svg = page.find("link", rel="icon", type="image/svg+xml")
        assert svg is not None, url
        touch = page.find("link", rel="apple-touch-icon")
        assert png_size(site.path_of(resolve(url, touch["href"])).read_bytes()) == (180, 180)


def test_favicon_ico_at_the_site_root(site):
    data = site.path_of("favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an .ico file"
    sizes = {struct.unpack("<B", data[6 + 16 * index:7 + 16 * index])[0] for index in range(count)}
    assert {16, 32} <= sizes


# --- accessibility of the theme's parts ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_dialog_has_a_name_in_the_page_language(site, lang):
    dialog = site.page(PREFIX[lang]).select_one(".md-search[role=dialog]")
    assert dialog is not None and dialog.get("aria-label") == SEARCH[lang]


@pytest.mark.browser
def test_links_in_running_text_are_underlined(site_server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_server + "visit/")
    decorations = page.eval_on_selector_all(
        "article p a:not(.headerlink)", "links => links.map(link => getComputedStyle(link).textDecorationLine)"
    )
    page.close()
    assert decorations and set(decorations) == {"underline"}
