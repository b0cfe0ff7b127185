"""`make check`: validate data/venues.yml, data/partners.yml and data/events.yml without building.

Prints every problem as `data/FILE.yml:LINE: entry ID: what is wrong; how to fix it`, then the
warnings (texts still missing in Chinese, Japanese or Korean, for which English is shown; a data
file without its schema line), then a summary. Exits 1 when there are errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from citysite.data import DataError, Problem, load_site_data
from citysite.data.load import DATA_FILES
from citysite.data.schema import schema_line


def schema_line_problems(folder: Path) -> list[Problem]:
    """Data files whose first line does not point editors' YAML tools at the schema."""
    problems = []
    for kind in DATA_FILES:
        path = folder / f"{kind}.yml"
        if path.exists() and path.read_text(encoding="utf-8").split("\n", 1)[0] != schema_line(kind):
            problems.append(Problem(f"data/{kind}.yml", 1, "", f"make the first line `{schema_line(kind)}` "
                                    "so that editors' YAML tools check the file as you type"))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    parser.add_argument("--quiet", action="store_true", help="do not list the warnings, only count them")
    args = parser.parse_args()
    try:
        data = load_site_data(args.data)
        errors, warnings = [], data.warnings
    except DataError as error:
        data, errors, warnings = None, error.problems, error.warnings
    warnings = schema_line_problems(args.data) + warnings
    for problem in errors:
        print(problem)
    if warnings and not args.quiet:
        print("\nWarnings (they do not stop the build; English is shown where a translation is missing):")
        for warning in warnings:
            print(f"  {warning}")
    if errors or (warnings and not args.quiet):
        print()
    if errors:
        print(f"{len(errors)} error{'s' if len(errors) != 1 else ''}, {len(warnings)} warnings: "
              "fix the errors above; the site is not built until they are fixed.")
        return 1
    print(f"OK: {len(data.venues)} venues, {len(data.partners)} partner cities, {len(data.events)} events; "
          f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
