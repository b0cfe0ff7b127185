"""Pictures: their records (data/images.yml), the files made from them, their markup and credits.

    <!-- image: amur-bridge -->       a line in a page's Markdown: the picture and its credit
                                      (`<!--image:amur-bridge-->`, `<!-- Image: amur-bridge -->` too)
    image: amur-bridge                in a page's front matter: the page's picture for link previews

A marker the site cannot read (not on its own line, an id with a space) and a picture from another
site (`![...](https://...)`, `<img src="https://...">`) stop the build with the page's file and line.

A page's own picture (front matter, else its first `<!-- image: ... -->`) is its Open Graph and
Twitter card image when it has a raster version; other pages use the site's card.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..errors import SiteError
from ..messages import Message
from .credits import credits_pages, credits_url
from .markup import credit_html, figure_html, img_html
from .process import ProcessedImage, Rendition, process_images
from .outside import check_page_pictures, without_code
from .records import ANY_IMAGE_MARKER, IMAGE_MARKER, IMAGES_FILE, ImageRecords, load_image_records

__all__ = ["IMAGES_FILE", "ProcessedImage", "Rendition", "SiteImages", "credits_pages", "credits_url"]


@dataclass
class SiteImages:
    """Every picture of a run, processed once for all languages."""

    images: dict[str, ProcessedImage]
    strings: dict[str, dict[str, str]]

    @classmethod
    def load(cls, root: Path, strings: dict[str, dict[str, str]]) -> SiteImages:
        records: ImageRecords = load_image_records(root)
        return cls(process_images(records, root), strings)

    @classmethod
    def nothing(cls) -> SiteImages:
        return cls({}, {})

    def files(self) -> dict[str, bytes]:
        """Site path -> bytes of every file made from the pictures."""
        return {path: data for image in self.images.values() for path, data in image.files().items()}

    def get(self, image_id: str, where: tuple[str, int | None] = (IMAGES_FILE, None)) -> ProcessedImage:
        if image_id not in self.images:
            known = ", ".join(self.images) or "none yet"
            raise SiteError(where[0], where[1], f"there is no picture '{image_id}' in {IMAGES_FILE} (known: {known})",
                            f"add its record to {IMAGES_FILE} or correct the id")
        return self.images[image_id]

    def _t(self, lang: str):
        return lambda key: self.strings[key][lang]

    def figure(self, image_id: str, lang: str, page_url: str, root_language: str, **options) -> str:
        """The picture with its credit, for a page at `page_url` (site-relative)."""
        image = self.get(image_id)
        return figure_html(image, lang, page_url, self._t(lang), credits_url(lang, root_language), **options)

    def picture(self, image_id: str, lang: str, page_url: str, **options) -> str:
        return img_html(self.get(image_id), lang, page_url, **options)

    def credit(self, image_id: str, lang: str, page_url: str, root_language: str) -> str:
        href = get_relative_url(credits_url(lang, root_language), page_url)
        return credit_html(self.get(image_id).record, self._t(lang), href)

    def embed(self, markdown: str, lang: str, page_url: str, root_language: str,
              source: tuple[str, str] | None = None) -> tuple[str, str | None]:
        """`markdown` with each `<!-- image: id -->` line replaced by the picture and its credit, and
        the first picture's id. `source` (the file's name and text) places an unknown id's error; an
        editor's page (one with a `source`) is also checked for pictures from other sites and for
        markers the site cannot read (either would be left out of the site, or loaded from elsewhere,
        without a word)."""
        first: list[str] = []
        where, text = source or ("", markdown)

        def line_of(fragment: str) -> int | None:
            at = text.find(fragment)
            return text[:at].count("\n") + 1 if at >= 0 else None

        def replace(match) -> str:
            image_id = match[1]
            if image_id not in self.images:
                self.get(image_id, (where, line_of(match[0].strip())))
            first.append(image_id)
            return "\n" + self.figure(image_id, lang, page_url, root_language) + "\n"

        if source is not None:
            check_page_pictures(markdown, where, text)
        if "<!--" not in markdown:
            return markdown, None
        unread = ANY_IMAGE_MARKER.search(IMAGE_MARKER.sub("", without_code(markdown))) if source else None
        if unread is not None:
            raise SiteError(where, line_of(unread[0]), Message("images.marker", marker=unread[0]))
        return IMAGE_MARKER.sub(replace, markdown), (first[0] if first else None)

    def card(self, image_id: str | None) -> Rendition | None:
        """The link-preview file of a picture (None: the page uses the site's card)."""
        image = self.images.get(image_id) if image_id else None
        return image.card if image is not None else None
