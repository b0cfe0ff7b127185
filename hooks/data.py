"""MkDocs hook: read and validate data/*.yml once per run, before MkDocs writes anything.

A data error stops the build in on_config, before the site folder is cleaned, so the
previous site/ stays as it was. Other hooks get the validated data from citysite.data.current().
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from citysite import data
from citysite.languages import is_first_build, project_root

log = logging.getLogger("mkdocs.hooks.data")


def on_config(config):
    if not is_first_build(config):
        return config
    try:
        site_data = data.load_for_run(project_root(config) / "data")
    except data.DataError as error:
        count = len(error.problems)
        raise PluginError(
            f"The data files have {count} problem{'s' if count > 1 else ''}; nothing was built and the "
            f"previous site is unchanged. Fix each one (`make check` checks the data without building):\n{error}"
        ) from None
    for warning in site_data.warnings:
        log.info(str(warning))
    return config
