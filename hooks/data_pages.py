"""MkDocs hook: the pages made from data/*.yml, in every language.

Adds each generated page (events/<id>.md, venues/<id>.md, partners/<id>.md and their ru/, zh/,
ja/, ko/ versions) before the i18n plugin sorts files into languages, appends the generated lists
to the section pages (events/index.md ...), and gives event and venue pages their JSON-LD.
The Markdown is made once per run (citysite.generated); this hook only hands it over.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from citysite import generated, sources


@event_priority(50)  # before the i18n plugin (-100), which needs every language's pages in each build
def on_files(files, config):
    for src_uri, markdown in generated.for_run(config).pages.items():
        sources.add_generated_page(files, config, src_uri, markdown)
    return files


@event_priority(50)  # before hooks that read the page's Markdown (the maps hook looks for <!-- map -->)
def on_page_markdown(markdown, page, config, files):
    listing = generated.for_run(config).listings.get(page.file.src_uri)
    if listing is None:
        return markdown
    return f"{markdown.rstrip()}\n\n{listing}"


def on_page_context(context, page, config, nav):
    context["page_jsonld"] = generated.for_run(config).jsonld.get(page.file.src_uri)
    return context
