"""What one build run knows: the validated data, the interface strings, the site's options and
everything made from them once for all five languages. A run starts in the first language's
on_config and is replaced by the next (a `make serve` rebuild), so an edit to any data file,
template or asset shows on the next reload."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import CitySiteConfig, load_options
from .data import SiteData, load_site_data
from .dates import build_moment
from .generated import Outputs, make_outputs
from .languages import load_ui_strings, project_root
from .maps import MapContext
from .sources import Sources

PLACEHOLDER_SITE_URL = "https://localhost/"  # links in feeds when mkdocs.yml gives no site_url


@dataclass
class Run:
    root: Path
    options: CitySiteConfig
    data: SiteData | None  # None when mkdocs.yml says from_data: false
    strings: dict[str, dict[str, str]]
    moment: dt.datetime
    outputs: Outputs
    sources: Sources = field(default_factory=Sources)
    maps: dict[str, MapContext] = field(default_factory=dict)  # language -> its map settings

    @classmethod
    def start(cls, config: Any) -> Run:
        """Read and check everything a build needs; a problem stops it before anything is written."""
        root = project_root(config)
        options = load_options(config)
        strings = load_ui_strings(root)
        moment = build_moment()
        if not options.from_data:
            return cls(root, options, None, strings, moment, Outputs.nothing())
        data = load_site_data(root / "data")
        outputs = make_outputs(data, strings, config.site_url or PLACEHOLDER_SITE_URL, moment)
        return cls(root, options, data, strings, moment, outputs)

    def strings_in(self, lang: str) -> dict[str, str]:
        return {key: texts[lang] for key, texts in self.strings.items()}
