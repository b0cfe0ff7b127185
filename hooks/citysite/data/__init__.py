"""The site's data: typed records (model), the validating loader (load), YAML with line numbers."""

from __future__ import annotations

from .load import DataError, Problem, SiteData, load_site_data

__all__ = ["DataError", "Problem", "SiteData", "load_site_data"]
