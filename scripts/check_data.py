"""`make check`: validate data/venues.yml, data/partners.yml, data/events.yml (and the other data
files) and data/images.yml with the pictures it names, without building.

Prints every problem as `data/FILE.yml:LINE: entry ID: what is wrong; how to fix it`, then the
warnings (texts still missing in Chinese, Japanese or Korean, for which English is shown; a data
file without its schema line), then a summary. Exits 1 when there are errors.

Messages are in the editor's language (Russian when the locale is Russian, or SITE_MESSAGES=ru;
both in CI; citysite/messages.py). In GitHub Actions (GITHUB_ACTIONS=true) each error is also an
annotation on its file and line (`::error file=...,line=...::`), and the errors are added to the
job's Summary page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citysite.data import DataError, Problem, load_site_data
from citysite.data.load import DATA_FILES
from citysite.data.schema import schema_line
from citysite.errors import SiteError
from citysite.images.loose import check_no_loose_photos
from citysite.images.records import load_image_records
from citysite.messages import (
    BOTH,
    CATALOGUE,
    Message,
    add_to_step_summary,
    annotation,
    github_actions,
    message_languages,
    render,
)

ROOT = Path(__file__).resolve().parents[1]


def schema_line_problems(folder: Path) -> list[Problem]:
    """Data files whose first line does not point editors' YAML tools at the schema."""
    problems = []
    for kind in DATA_FILES:
        path = folder / f"{kind}.yml"
        # A byte-order mark or Windows line endings do not change the first line (git stores LF); a
        # file not saved as UTF-8 is an error of the loader's.
        first = path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()[:1] if path.exists() else None
        if first is not None and first != [schema_line(kind)]:
            problems.append(Problem(f"data/{kind}.yml", 1, "", Message("schema_line", line=schema_line(kind))))
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
    pictures = None
    try:  # data/images.yml: every picture's credit and alt text, and the files it names
        pictures = load_image_records(args.data.parent)
    except DataError as error:
        errors = sorted([*errors, *error.problems])
    try:  # a photo put into docs*/ instead: it would be published with its GPS data and no credit
        check_no_loose_photos(args.data.parent)
    except SiteError as error:
        errors = sorted([*errors, Problem(error.file, 1, "", error.what_is_wrong)])
    warnings = schema_line_problems(args.data) + warnings
    for problem in errors:
        print(problem)
    if github_actions():
        report_to_github(errors, warnings)
    if warnings and not args.quiet:
        print("\n" + render(Message("check.warnings")))
        for warning in warnings:
            print("\n".join(f"  {line}" for line in str(warning).splitlines()))
    if errors or (warnings and not args.quiet):
        print()
    if errors:
        print(render(Message("check.failed", errors=len(errors), warnings=len(warnings))))
        return 1
    counts = [Message(f"check.count.{kind}", n=len(getattr(data, kind))) for kind in DATA_FILES
              if f"check.count.{kind}" in CATALOGUE and getattr(data, kind, None) is not None]
    counts.append(Message("check.count.pictures", n=len(pictures.records)))  # an editor's new photo: checked too
    print(render(Message("check.ok", counts=counts, warnings=len(warnings))))
    return 0


def report_to_github(errors: list[Problem], warnings: list[Problem]) -> None:
    """Each error, and each warning, as an annotation on its file and line (a warning beside its
    line too: an English text pasted into `ru:` was only in the log of a green step), and the
    errors on the job's Summary page, in Russian and English (whatever the log's language)."""
    for level, found in (("error", errors), ("warning", warnings)):
        for problem in found:
            body = "\n".join(problem.what(lang) for lang in message_languages())
            print(annotation(level, problem.file, problem.line, body, "make check"))
    if errors:
        title = " / ".join(Message("summary.data_errors").in_language(lang) for lang in BOTH)
        items = [f"- `{p.file}:{p.line}`: " + " / ".join(p.what(lang) for lang in BOTH) for p in errors]
        add_to_step_summary("\n".join([f"### {title}", "", *items]))


if __name__ == "__main__":
    sys.exit(main())
