"""Pictures in pages: the <picture> element with its sizes, its width and height (the browser
keeps the space, so nothing moves when it arrives), lazy loading below the fold, and the credit
shown with it (author, licence, source; a drawing made for the site links to the credits page)."""

from __future__ import annotations

from html import escape

from mkdocs.utils import get_relative_url

from .process import ProcessedImage
from .records import ImageRecord

CC_NAMES = {"CC0": "publicdomain/zero", "CC-BY": "licenses/by", "CC-BY-SA": "licenses/by-sa"}


def licence_name(licence: str) -> str | None:
    """"CC BY-SA 4.0" for "CC-BY-SA-4.0"; None for the city's and the project's own."""
    if not licence.startswith("CC"):
        return None
    kind, version = licence.rsplit("-", 1)
    return f"{kind.replace('-', ' ', 1)} {version}" if kind != "CC0" else f"CC0 {version}"


def licence_url(licence: str) -> str | None:
    """The licence's own page at Creative Commons."""
    if not licence.startswith("CC"):
        return None
    kind, version = licence.rsplit("-", 1)
    return f"https://creativecommons.org/{CC_NAMES[kind]}/{version}/"


def _link(href: str, text: str, **attributes: str) -> str:
    extra = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def credit_html(record: ImageRecord, t, credits_href: str) -> str:
    """The credit line under a picture, in the page's language (`t(key)` gives ui.yml's text)."""
    if record.licence == "project":
        return _link(credits_href, t("credit_project"))
    kind = t("credit_illustration" if record.is_vector else "credit_photo")
    author = _link(record.source, record.author, lang="und") if record.source else \
        f'<span lang="und">{escape(record.author)}</span>'
    parts = [kind.replace("{author}", author)]
    if record.licence == "city-permission":
        parts.append(_link(credits_href, t("licence_city_permission")))
    else:
        parts.append(_link(licence_url(record.licence), licence_name(record.licence), rel="license"))
    return " · ".join(parts)


def _srcset(renditions, page_url: str) -> str:
    return ", ".join(f"{escape(get_relative_url(r.path, page_url))} {r.width}w" for r in renditions)


# How wide a picture in a page's text is drawn: the screen's width less the margins on a phone and a
# tablet; from 60em, beside the navigation, 686-826 px (measured in Chromium at 960-2400 px). With
# "100vw" a desktop fetched the 1600 px file for a 700 px place.
IN_TEXT = "(min-width: 60em) 830px, 100vw"


def img_html(image: ProcessedImage, lang: str, page_url: str, *, sizes: str = IN_TEXT,
             eager: bool = False, css_class: str = "", alt: str | None = None) -> str:
    """The picture itself: <picture> with WebP and JPEG sources for a photograph, <img> for an SVG.
    `eager` for a picture at the top of the page (the largest paint); every other one is lazy.
    `alt=""` when the text beside the picture already says what it shows."""
    record = image.record
    src = escape(get_relative_url(image.fallback.path, page_url))
    # The top picture is painted with the first frame that can (no async decoding): it is the page's
    # largest paint; the others wait until a visitor scrolls near them.
    loading = 'fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
    style = f' style="object-position: {record.focus}"' if record.focus else ""
    classes = f' class="{escape(css_class)}"' if css_class else ""
    common = (f'width="{image.width}" height="{image.height}" alt="{escape(record.alt[lang] if alt is None else alt)}" '
              f'{loading}{classes}{style}')
    if image.svg is not None:
        return f'<img src="{src}" {common}>'
    return (
        f'<picture><source type="image/webp" srcset="{_srcset(image.webp, page_url)}" sizes="{escape(sizes)}">'
        f'<img src="{src}" srcset="{_srcset(image.jpeg, page_url)}" sizes="{escape(sizes)}" {common}></picture>'
    )


def figure_html(image: ProcessedImage, lang: str, page_url: str, t, credits_path: str, **options) -> str:
    """A picture with its credit under it."""
    credits_href = get_relative_url(credits_path, page_url)
    return (
        f'<figure class="kh-figure">{img_html(image, lang, page_url, **options)}'
        f'<figcaption class="kh-credit">{credit_html(image.record, t, credits_href)}</figcaption></figure>'
    )
