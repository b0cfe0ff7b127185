"""A photo saved straight into the pages' folders (docs/images/, docs_ru/...) would be published
as it is: full size, with the camera's EXIF data and the place it was taken, without an author or
a licence. The build stops at its start and says where a photo goes instead: media/photos/, with
a record in data/images.yml, shown with `<!-- image: id -->` (CONTRIBUTING, "Add a picture")."""

from __future__ import annotations

from pathlib import Path

from ..errors import SiteError
from ..languages import LANGUAGES, language_folder
from ..messages import Message
from .records import RASTER_SUFFIXES

# What a camera, a phone or a screenshot tool saves, besides the formats the pipeline reads.
PHOTO_SUFFIXES = (*RASTER_SUFFIXES, ".gif", ".heic", ".heif", ".tif", ".tiff", ".bmp")
# The site's own pictures that are files of the theme, not photos: icons, the link preview, and the
# README's screenshots (a new one is added here by a maintainer).
SITE_ASSETS = frozenset({
    "docs/images/icon-192.png", "docs/images/icon-512.png", "docs/images/icon-maskable-512.png",
    "docs/images/apple-touch-icon.png", "docs/images/social-card.png",
    "docs/images/readme-home-phone.png", "docs/images/readme-home-desktop.png",
})


def check_no_loose_photos(root: Path) -> None:
    """Raise SiteError for the first raster image in a pages' folder that is not a site asset."""
    for lang in LANGUAGES:
        folder = language_folder(root, lang)
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.suffix.lower() in PHOTO_SUFFIXES and relative not in SITE_ASSETS and path.is_file():
                raise SiteError(relative, None,
                                Message("photo_in_pages", file=path.name.lower(), name=path.stem.lower()))
