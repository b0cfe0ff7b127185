"""Feed the i18n plugin pages that do not live in docs/: the docs_<lang>/ folders and generated pages.

mkdocs-static-i18n (folder mode) expects translations at docs/<lang>/. We add each
docs_<lang>/<path> as a File whose src_uri is <lang>/<path>, before the plugin sorts files
into languages. The plugin then re-creates every File from docs_dir, losing where the text
really is; `Sources.restore` points each one back at its real file or generated text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from .errors import SiteError
from .messages import Message
from .languages import TRANSLATED_LANGUAGES, files_under, language_folder


def translation_files(root: Path) -> dict[str, Path]:
    """Every file of docs_<lang>/ keyed by the src_uri the i18n plugin expects (<lang>/<path>)."""
    found: dict[str, Path] = {}
    for lang in TRANSLATED_LANGUAGES:
        folder = language_folder(root, lang)
        for relative in files_under(folder) if folder.is_dir() else []:
            found[f"{lang}/{relative}"] = folder / relative
    return found


@dataclass
class Sources:
    """Where each added src_uri of one run really comes from: a file on disk or generated text."""

    paths: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def add_translation_folders(self, files: Files, config, root: Path) -> None:
        """Add docs_<lang>/ files to the build under <lang>/ (call before the i18n plugin's on_files);
        a page without its English page stops the build (it would be published in its language alone)."""
        for src_uri, path in translation_files(root).items():
            if files.get_file_from_path(src_uri) is not None:
                lang = src_uri.split("/")[0]
                raise SiteError(f"docs/{src_uri}", None, f"the same page as {path.relative_to(root).as_posix()}",
                                f"keep translations only in docs_{lang}/")
            lang, _, english = src_uri.partition("/")
            if english.endswith(".md") and files.get_file_from_path(english) is None:
                raise SiteError(path.relative_to(root).as_posix(), None,
                                Message("page.no_english", lang=lang, path=english))
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
            self.paths[src_uri] = str(path)

    def add_generated_page(self, files: Files, config, src_uri: str, markdown: str, root: Path) -> None:
        """Add a page made from data, e.g. "ru/events/city-day.md" (call before the i18n plugin).
        Such pages are deliberately outside the menu (the section pages list them): marked so,
        MkDocs does not list them as "not included in the nav" (hundreds of lines per build).
        A page an editor wrote at the same address stops the build: one of the two was silently
        dropped (an editor's docs_ru/partners/weihai.md replaced the partner city's Russian page)."""
        written = files.get_file_from_path(src_uri)
        if written is not None:
            path = Path(self.paths.get(src_uri) or written.abs_src_path)
            section = src_uri.split("/")[-2]
            raise SiteError(path.relative_to(root).as_posix(), None,
                            Message("page.generated_address", data=f"data/{section}.yml"),
                            Message("page.generated_address_fix", section=section))
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                          inclusion=InclusionLevel.NOT_IN_NAV))
        self.texts[src_uri] = markdown

    def restore(self, files: Files) -> None:
        """Point the i18n plugin's re-created Files back at their real source (call after it)."""
        for file in files:
            if file.src_uri in self.paths:
                file.abs_src_path = self.paths[file.src_uri]
            elif file.src_uri in self.texts:
                file.content_string = self.texts[file.src_uri]
