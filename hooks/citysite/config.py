"""The site's own options in mkdocs.yml (`extra.citysite`), validated with MkDocs' config classes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .errors import SiteError
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .offline import OfflineConfig

OPTIONS_KEY = "extra.citysite"


class TilesConfig(base.Config):
    """The map tile server: the site's only third-party requests."""

    url = c.Type(str)  # a URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png
    attribution = c.Type((str, dict))  # HTML; one text, or one per language (English as fallback)
    max_zoom = c.Type(int, default=19)

    def problems(self) -> list[tuple[str, str]]:
        """(key, what is wrong) for values of the right type that still cannot work."""
        found = []
        if not all(part in self.url for part in ("{z}", "{x}", "{y}")):
            found.append(("url", f"'{self.url}' needs {{z}}, {{x}} and {{y}}"))
        if isinstance(self.attribution, dict):
            unknown = sorted(set(self.attribution) - set(LANGUAGES))
            if unknown or DEFAULT_LANGUAGE not in self.attribution:
                found.append(("attribution", f"needs a text for '{DEFAULT_LANGUAGE}' and only the site's languages "
                              f"({', '.join(LANGUAGES)}); found {', '.join(map(str, self.attribution))}"))
        return found

    def attribution_in(self, lang: str) -> str:
        attribution = self.attribution
        return str(attribution.get(lang) or attribution[DEFAULT_LANGUAGE]) if isinstance(attribution, dict) \
            else str(attribution)


class CitySiteConfig(base.Config):
    """Everything under `extra.citysite:` in mkdocs.yml."""

    tiles = c.SubConfig(TilesConfig)
    # false: the Markdown pages alone, nothing made from data/ (no data pages, lists, maps or
    # feeds); `make bench` compares the two to measure what the site's own steps cost.
    from_data = c.Type(bool, default=True)
    # The offline guide (citysite/offline): data sections whose pages a visitor's phone keeps, tiles kept.
    offline = c.SubConfig(OfflineConfig)


def _line_of(config_file: Path, key: str) -> int | None:
    for number, line in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().startswith(f"{key}:"):
            return number
    return None


def load_options(config: Any) -> CitySiteConfig:
    """`extra.citysite` of this build's mkdocs.yml, checked; a wrong value stops the build with
    the line and what to write instead."""
    config_file = Path(config.config_file_path)
    options = CitySiteConfig(config_file_path=str(config_file))
    options.load_dict(dict(config.extra.get("citysite") or {}))
    errors, _warnings = options.validate()
    if not errors:
        errors = [(f"tiles.{key}", problem) for key, problem in options.tiles.problems()]
    if errors:
        key, error = errors[0]
        line = _line_of(config_file, key.rsplit(".", 1)[-1]) or _line_of(config_file, "citysite")
        raise SiteError(config_file.name, line, f"{OPTIONS_KEY}.{key}: {error}",
                        "see the comments above it in mkdocs.yml for what it takes")
    return options
