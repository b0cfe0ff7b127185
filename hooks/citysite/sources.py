"""Feed the i18n plugin pages that do not live in docs/: the docs_<lang>/ folders and generated pages.

mkdocs-static-i18n (folder mode) expects translations at docs/<lang>/. We add each
docs_<lang>/<path> as a File whose src_uri is <lang>/<path>, before the plugin sorts files
into languages. The plugin then re-creates every File from docs_dir, losing where the text
really is; `restore_sources` points each one back at its real file or generated text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files

from .languages import TRANSLATED_LANGUAGES, language_folder

IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class Sources:
    """Where each added src_uri really comes from: a file on disk or text made by a hook."""

    paths: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def clear(self) -> None:
        self.paths.clear()
        self.texts.clear()


SOURCES = Sources()


def translation_files(root: Path) -> dict[str, Path]:
    """Every file of docs_<lang>/ keyed by the src_uri the i18n plugin expects (<lang>/<path>)."""
    found: dict[str, Path] = {}
    for lang in TRANSLATED_LANGUAGES:
        folder = language_folder(root, lang)
        if not folder.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name in IGNORED_NAMES:
                    continue
                path = Path(dirpath) / name
                found[f"{lang}/{path.relative_to(folder).as_posix()}"] = path
    return found


def add_translation_folders(files: Files, config, root: Path) -> Files:
    """Add docs_<lang>/ files to the build under <lang>/ (call before the i18n plugin's on_files)."""
    for src_uri, path in translation_files(root).items():
        if files.get_file_from_path(src_uri) is not None:
            raise ValueError(
                f"docs/{src_uri} and {path.relative_to(root)} are the same page; "
                f"keep translations only in docs_{src_uri.split('/')[0]}/"
            )
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        SOURCES.paths[src_uri] = str(path)
    return files


def add_generated_page(files: Files, config, src_uri: str, markdown: str) -> None:
    """Add a page made from data, e.g. "ru/events/city-day.md" (call before the i18n plugin)."""
    files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    SOURCES.texts[src_uri] = markdown


def restore_sources(files: Files) -> Files:
    """Point the i18n plugin's re-created Files back at their real source (call after it)."""
    for file in files:
        if file.src_uri in SOURCES.paths:
            file.abs_src_path = SOURCES.paths[file.src_uri]
        elif file.src_uri in SOURCES.texts:
            file.content_string = SOURCES.texts[file.src_uri]
    return files
