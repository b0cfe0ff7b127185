"""The build as a whole: data read once per run, byte-identical rebuilds, a data error leaves the
previous site/ untouched, and the JSON Schema editors' tools read matches the model."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citysite.data.load import DATA_FILES
from citysite.data.schema import SCHEMA_FOLDER, json_schemas, schema_line
from citysite.languages import language_prefix
from tests.conftest import ROOT, run_mkdocs_build
from tests.helpers import LANGUAGES


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site: relative path -> SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="module")
def rebuilt(frozen_site, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """The session's project built again, in this process, counting how often the build read the
    data and made the generated pages: (its site, the counts)."""
    import citysite.run

    calls = {"load": 0, "make": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    site = tmp_path_factory.mktemp("rebuilt") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(citysite.run, "load_site_data", counted("load", citysite.run.load_site_data))
        patch.setattr(citysite.run, "make_outputs", counted("make", citysite.run.make_outputs))
        result = run_mkdocs_build(frozen_site[0], site, strict=False)
    assert result.returncode == 0, result.stderr
    return site, calls


def test_two_builds_of_the_same_tree_are_byte_identical(frozen_site, rebuilt):
    """The session's site (make build: a process per language) and the same tree built again in
    this process: nothing that varies between runs (set order, clock, paths) reaches a file."""
    first, second = frozen_site[1].root, rebuilt[0]
    files = snapshot(first)
    assert "events/events.ics" in files and "data/events.json" in files
    different = [path for path, digest in snapshot(second).items() if files.get(path) != digest]
    assert sorted(files) == sorted(snapshot(second))
    assert not different, f"{len(different)} files differ between two builds, e.g. {different[:5]}"


def test_the_build_date_moves_events_from_upcoming_to_the_archive(project_copy, tmp_path):
    """The same tree built on two dates: SOURCE_DATE_EPOCH decides what is upcoming (one language
    is enough: the open data, data/events.json, is the site's, made once for all languages)."""
    later = tmp_path / "later"
    env = {"SOURCE_DATE_EPOCH": "4102444800", "BUILD_ONLY_LOCALE": "en"}  # 2100
    result = run_mkdocs_build(project_copy, later, strict=False, env=env)
    assert result.returncode == 0, result.stderr
    events = json.loads((later / "data" / "events.json").read_text(encoding="utf-8"))
    assert events["build_date"] == "2100-01-01"
    upcoming = [occurrence for event in events["events"] for occurrence in event.get("upcoming", [])]
    assert upcoming and all(occurrence["last"] >= "2100-01-01" for occurrence in upcoming)
    assert all(occurrence["first"] < "2101-01-01" for occurrence in upcoming)  # the next 12 months
    # In January the winter walk (best_in: [winter]) heads the list of routes; in November (the
    # tests' site) the list keeps the order of data/routes.yml (tests/test_routes.py).
    routes = re.findall(r'<h2 class="kh-card__title">.*?<a href="([\w-]+)/"',
                        (later / "routes" / "index.html").read_text(encoding="utf-8"))
    assert routes[0] == "winter-day" and len(routes) >= 4, routes


def test_a_data_error_leaves_the_previous_site_untouched(frozen_site, project_copy, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(frozen_site[1].root, site)  # the site published before the editor's change
    before = snapshot(site)

    events = project_copy / "data" / "chronicle.yml"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if re.fullmatch(r'  start: "?\d{4}-\d{2}-\d{2}"?\n', text))
    entry = next(text.split(":", 1)[1].strip() for text in reversed(lines[:line]) if text.startswith("- id:"))
    lines[line - 1] = '  start: "2019-02-30"\n'
    events.write_text("".join(lines), encoding="utf-8")

    result = run_mkdocs_build(project_copy, site, strict=False)
    assert result.returncode != 0
    assert f"data/chronicle.yml:{line}: entry {entry}: start: '2019-02-30' does not exist" in result.stderr
    assert snapshot(site) == before


def test_data_is_read_and_pages_made_once_per_run_for_five_languages(rebuilt):
    site, calls = rebuilt
    assert calls == {"load": 1, "make": 1}
    for lang in LANGUAGES:
        assert (site / language_prefix(lang) / "events" / "events.ics").is_file()


def test_committed_json_schemas_are_up_to_date():
    for name, text in json_schemas().items():
        path = ROOT / "data" / SCHEMA_FOLDER / name
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing; run make schema"
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(ROOT)} is stale; run make schema"


def test_make_schema_check_reports_a_stale_schema(tmp_path):
    for folder in ("scripts", "hooks", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, str(tmp_path / "scripts" / "schema.py"), "--check"]
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    stale = tmp_path / "data" / SCHEMA_FOLDER / "venues.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace('"square"', '"plaza"'), encoding="utf-8")
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/schemas/venues.schema.json: out of date; run make schema" in result.stdout


def test_the_schema_follows_the_model():
    schema = json.loads(json_schemas()["events.schema.json"])
    event = schema["$defs"]["Event"]
    assert event["additionalProperties"] is False  # typos are flagged in the editor too
    assert {"id", "title", "summary", "category", "venues", "sources"} <= set(event["required"])
    assert {"required": ["usually"]} in event["anyOf"]  # or `once: true`
    assert "religious" in event["properties"]["category"]["enum"]
    usually = schema["$defs"]["Usually"]
    assert {"date", "rule", "moveable", "month", "part", "from", "to", "text"} <= set(usually["properties"])
    assert usually["additionalProperties"] is False
    entry = json.loads(json_schemas()["chronicle.schema.json"])["$defs"]["ChronicleEntry"]
    assert {"id", "title", "summary", "start", "category", "sources"} <= set(entry["required"])
    assert schema["$defs"]["Text"]["required"] == ["en", "ru"]


def test_each_data_file_points_editors_tools_at_its_schema():
    for kind in DATA_FILES:
        first = (ROOT / "data" / f"{kind}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_line(kind), f"data/{kind}.yml must start with: {schema_line(kind)}"
