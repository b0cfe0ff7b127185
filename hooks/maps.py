"""MkDocs hook: the venue and partner-city maps.

In each language build it writes that language's map files (maps/venues.html, maps/partners.html,
maps/venue-<id>.html under the language's folder) and replaces the line `<!-- map -->` of the
pages that have a map with an iframe showing it. The first build also copies Leaflet and
Leaflet.markercluster into assets/vendor/. Logic lives in hooks/citysite/maps/.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from citysite import data, maps
from citysite.languages import (
    current_language,
    is_first_build,
    language_prefix,
    project_root,
    root_language,
    ui_strings,
)

log = logging.getLogger("mkdocs.hooks.maps")

_context: maps.MapContext | None = None  # the language being built


@event_priority(-110)  # after the i18n plugin (-100) chose this language's pages
def on_files(files, config):
    global _context
    lang = current_language(config)
    root = project_root(config)
    strings = ui_strings(root / "data" / "ui.yml")
    _context = maps.MapContext(
        lang=lang,
        strings={key: texts[lang] for key, texts in strings.items()},
        tiles=maps.Tiles.from_extra(config.extra, lang),
        page_urls=maps.page_urls(files),
        prefix=language_prefix(lang, root_language(config)),
    )
    if is_first_build(config):  # the libraries are shared by every language's maps
        for path, source in maps.vendor_files().items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
    made = maps.map_files(_context, data.current())
    for path, html in made.items():
        files.append(File.generated(config, path, content=html))
    log.info(f"maps: {len(made)} map files for '{lang}'")
    return files


def on_page_markdown(markdown, page, config, files):
    src_uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    try:
        return maps.embed_maps(markdown, _context, src_uri, page.url, data.current())
    except maps.MapPlacementError as error:
        source = page.file.abs_src_path
        where = Path(os.path.relpath(source, project_root(config))).as_posix() if source else src_uri
        raise PluginError(f"{where}: {error}") from None
