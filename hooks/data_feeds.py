"""MkDocs hook: the files made from data/*.yml that are not pages.

Per language: /events/events.ics and /events/<id>.ics (under /ru/, /zh/ ... for the others).
Once, at the site root: /data/venues.geojson, /data/partners.geojson, /data/events.json; they
are added to every language build so that --strict can check the links pages make to them.
The content is made once per run (citysite.generated); this hook only hands it over.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from citysite import generated
from citysite.languages import current_language


@event_priority(-150)  # after the i18n plugin kept this language's files
def on_files(files, config):
    made = generated.for_run(config).files
    for group in (made[current_language(config)], made[""]):
        for src_uri, content in group.items():
            files.append(File.generated(config, src_uri, content=content))
    return files
