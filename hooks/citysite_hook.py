"""The site's one MkDocs hook: every event goes to one CitySite object (hooks/citysite/plugin.py).

MkDocs loads this file once per process and keeps it between `make serve` rebuilds; the object
keeps nothing between runs but the run in progress.
"""

from citysite.plugin import CitySite

globals().update(CitySite().events())
