"""The fallback engine (PLATFORM.md): ProperDocs, the maintained fork of MkDocs 1.x pinned in
requirements-properdocs.txt, builds the same site as MkDocs, apart from `<meta name="generator">`
(and the offline guide's service workers, whose version hashes are made from those pages).

`make test` installs it in .venv/properdocs (`make properdocs`); where it is missing the test is
skipped, except in CI, where it fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from scripts import build_site, mkdocs_run
from tests.test_parallel_build import files_of

PROPERDOCS = Path(os.environ.get("PROPERDOCS_PATH") or build_site.DEFAULT_PROPERDOCS_PATH)
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
WORKER_HASH = re.compile(rb'"[0-9a-f]{12,64}"')


def normalised(name: str, content: bytes) -> bytes:
    if name.endswith(".html"):
        return GENERATOR.sub(b'<meta name="generator" content="">', content)
    if name.endswith("sw.js"):  # the offline guide's worker: hashes of the pages it keeps
        return WORKER_HASH.sub(b'"hash"', content)
    return content


def test_properdocs_builds_the_same_site_as_mkdocs(frozen_site, tmp_path):
    if not (PROPERDOCS / "properdocs").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"ProperDocs is not installed in {PROPERDOCS}: `make test` installs it (make properdocs)")
        pytest.skip(f"ProperDocs is not installed in {PROPERDOCS} (make properdocs)")
    project, built_with_mkdocs = frozen_site  # a copy of the project and its site built with MkDocs
    mkdocs_site = built_with_mkdocs.root
    built = tmp_path / "properdocs"
    result = mkdocs_run.build_site(project, built, {"PROPERDOCS_PATH": str(PROPERDOCS)}, strict=True,
                                   options=("--engine", "properdocs"))
    assert result.returncode == 0, result.stderr[-3000:]
    mine, theirs = files_of(mkdocs_site), files_of(built)
    assert mine.keys() == theirs.keys(), sorted(mine.keys() ^ theirs.keys())[:20]
    differ = [name for name in sorted(mine) if mine[name].read_bytes() != theirs[name].read_bytes()]
    assert differ, "no page names its generator: the comparison below would prove nothing"
    still = [name for name in differ
             if normalised(name, mine[name].read_bytes()) != normalised(name, theirs[name].read_bytes())]
    assert not still, f"ProperDocs' site differs beyond the generator tag: {still[:20]}"
    assert b"ProperDocs" in (built / "index.html").read_bytes()
