"""Translation status of the site, and marking checked translations as up to date.

    python scripts/translations.py                 # report for every language (make translations)
    python scripts/translations.py --lang ru       # one language
    python scripts/translations.py --strict        # exit 1 unless everything is translated and up to date
    python scripts/translations.py --markdown      # the report as Markdown (pull-request summary)

    python scripts/translations.py mark docs_ru/visit/index.md   # this translation is up to date
    python scripts/translations.py mark docs/visit/index.md      # every translation of this page
    python scripts/translations.py mark events/city-day          # a data entry, every language
    python scripts/translations.py mark --lang ru                # every Russian page and entry
    python scripts/translations.py mark --all                    # everything translated so far

How translations record their English version: hooks/citysite/translations.py; the status of
each page and entry, and marking: scripts/translation_status.py.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import translation_status as tr  # beside this script

from citysite.languages import TRANSLATED_LANGUAGES, language_folder
from citysite.messages import BOTH, Message, message_languages, translate

ROOT = Path(__file__).resolve().parents[1]

LANGUAGE_NAMES = {"ru": "Русский", "zh": "中文", "ja": "日本語", "ko": "한국어"}
STATUS_ORDER = (tr.Status.OUTDATED, tr.Status.UNMARKED, tr.Status.MISSING, tr.Status.CURRENT)  # lists
SUMMARY_ORDER = (tr.Status.CURRENT, tr.Status.OUTDATED, tr.Status.UNMARKED, tr.Status.MISSING)  # totals
ADVICE = {status: Message(f"advice.{status.value}")  # citysite/messages.py: in English and Russian
          for status in (tr.Status.OUTDATED, tr.Status.UNMARKED, tr.Status.MISSING)}


def say(message: str, languages: tuple[str, ...] | None = None) -> str:
    """A message in the report's language(s): the editor's, or "русский / English" for both."""
    return " / ".join(dict.fromkeys(translate(message, lang) for lang in (languages or message_languages())))


def status_word(status: tr.Status, languages: tuple[str, ...] | None = None) -> str:
    return say(Message(f"status.{status.value}"), languages)


# --- report ---------------------------------------------------------------------------------------

def english_version_commit(root: Path, rel: str, recorded: str) -> str | None:
    """The latest commit whose docs/<rel> has the fingerprint a translation recorded, to show what
    changed since (`git diff <commit> -- docs/<rel>`); None without git history."""
    path = f"docs/{rel}"
    try:
        log = subprocess.run(
            ["git", "log", "--format=%h", "-n", "50", "--", path],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.split()
        for commit in log:
            shown = subprocess.run(
                ["git", "show", f"{commit}:{path}"], cwd=root, capture_output=True, text=True, check=False
            )
            if shown.returncode == 0 and tr.page_fingerprint(shown.stdout) == recorded:
                return commit
    except (OSError, subprocess.CalledProcessError):
        pass
    return None


def _branch_start(root: Path) -> str:
    """Where this branch left the shared history (its merge base with origin's default branch, as a
    pull request's check sees it), or HEAD alone on a copy without a remote."""
    for ref in ("origin/HEAD", "origin/main"):
        found = subprocess.run(["git", "merge-base", "HEAD", ref], cwd=root, capture_output=True, text=True,
                               check=False)
        if found.returncode == 0:
            return found.stdout.strip()
    return "HEAD"


def changed_in_translation_only(root: Path) -> list[str]:
    """The translated pages changed on this branch (uncommitted changes included) whose English
    original did not change: a fact corrected in Russian only reaches no other language, and the
    fingerprints cannot see it (an editor's walkthrough: the report said «Всё переведено и
    актуально»). A new or better translation is listed too; the advice says it needs nothing."""
    try:
        changed = subprocess.run(["git", "diff", "--name-only", _branch_start(root), "--"], cwd=root,
                                 capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return []
    found = []
    for name in changed:
        folder, _, rel = name.partition("/")
        if (folder.removeprefix("docs_") in TRANSLATED_LANGUAGES and folder.startswith("docs_")
                and rel.endswith(".md") and f"docs/{rel}" not in changed and (root / "docs" / rel).is_file()):
            found.append(name)
    return found


def recorded_fingerprint(root: Path, page: tr.PageStatus) -> str | None:
    meta, _ = tr.split_front_matter(tr.read_page(language_folder(root, page.lang) / page.path))
    recorded = meta.get(tr.FINGERPRINT_KEY)
    return None if recorded is None else str(recorded)


def item_names(report: tr.Report, lang: str, root: Path) -> dict[str, dict[tr.Status, list[str]]]:
    """For one language: "pages"/"data" -> status -> readable item names."""
    grouped: dict[str, dict[tr.Status, list[str]]] = {"pages": defaultdict(list), "data": defaultdict(list)}
    for page in report.pages:
        if page.lang != lang:
            continue
        name = f"docs_{lang}/{page.path}"
        if page.status is tr.Status.OUTDATED:
            commit = english_version_commit(root, page.path, recorded_fingerprint(root, page))
            if commit:
                name += f" ({say(Message('report.what_changed', command=f'git diff {commit} -- docs/{page.path}'))})"
        grouped["pages"][page.status].append(name)
    for entry in report.entries:
        if entry.lang != lang:
            continue
        name = entry.key + (f" ({', '.join(entry.missing)})" if entry.status is tr.Status.MISSING else "")
        grouped["data"][entry.status].append(name)
    return grouped


def summary(statuses: dict[tr.Status, list[str]], languages: tuple[str, ...] | None = None) -> str:
    """"11 up to date, 1 outdated, 2 missing (14 in all)" (in Russian: "актуален: 11, ...")."""
    total = sum(len(names) for names in statuses.values())
    counts = [Message("report.count", n=len(statuses[s]), status=Message(f"status.{s.value}"))
              for s in SUMMARY_ORDER if statuses[s]]
    if not total:
        return say(Message("report.none"), languages)
    return say(Message("report.in_all", counts=counts, total=total), languages)


def text_report(report: tr.Report, root: Path) -> str:
    lines = [say(Message("report.title")), ""]
    for lang in report.languages:
        lines.append(f"{LANGUAGE_NAMES[lang]} ({lang})")
        for part, statuses in item_names(report, lang, root).items():
            if part == "data" and report.data_error:
                lines.append(f"  {say(Message('report.data'))}: {say(Message('report.data_not_checked'))}")
                continue
            lines.append(f"  {say(Message(f'report.{part}'))}: {summary(statuses)}")
            width = max(len(status_word(status)) for status in STATUS_ORDER) + 2  # the longest, its colon, a space
            for status in STATUS_ORDER:
                if statuses[status]:
                    label = f"    {status_word(status) + ':':<{width}}"
                    lines += textwrap.wrap(
                        ", ".join(statuses[status]), width=110, initial_indent=label,
                        subsequent_indent=" " * len(label), break_on_hyphens=False, break_long_words=False,
                    )
        lines.append("")
    lines += [say(Message("report.problem", message=problem)) for problem in report.problems()]
    only = changed_in_translation_only(root)
    if only:
        lines += [say(Message("report.translation_only", pages=", ".join(only))), ""]
    if report.complete():
        lines.append(say(Message("report.complete")))
    else:
        lines.append(say(Message("report.words")))
        lines += [f"  {status_word(status)}: {say(advice)}" for status, advice in ADVICE.items()]
    return "\n".join(lines)


def markdown_report(report: tr.Report, root: Path) -> str:
    """The report for the pull request's Summary page: always in Russian and English."""
    both = BOTH

    def bilingual(message_id: str, **args) -> str:
        return say(Message(message_id, **args), both)

    lines = [
        f"## {bilingual('md.title')}",
        "",
        f"| {bilingual('md.language')} | {bilingual('report.pages')} | {bilingual('md.entries')} |",
        "| --- | --- | --- |",
    ]
    grouped = {lang: item_names(report, lang, root) for lang in report.languages}
    for lang, parts in grouped.items():
        data = bilingual("md.not_checked") if report.data_error else summary(parts["data"], both)
        lines.append(f"| {LANGUAGE_NAMES[lang]} ({lang}) | {summary(parts['pages'], both)} | {data} |")
    lines.append("")
    lines += [f"> **{bilingual('md.problem')}:** {say(problem, both)}" for problem in report.problems()]
    only = changed_in_translation_only(root)
    if only:
        pages = ", ".join(f"`{name}`" for name in only)
        lines += ["", f"> {say(Message('report.translation_only', pages=pages), both)}"]
    for lang, parts in grouped.items():
        lines += ["", f"<details><summary>{LANGUAGE_NAMES[lang]} ({lang})</summary>", ""]
        for part, statuses in parts.items():
            for status in STATUS_ORDER:
                if statuses[status]:
                    names = ", ".join(f"`{name}`" for name in statuses[status])
                    lines.append(f"- {bilingual(f'report.{part}')}, **{status_word(status, both)}**: {names}")
        lines += ["", "</details>"]
    lines += ["", bilingual("report.words"), ""]
    for status, advice in ADVICE.items():
        lines += [f"- **{status_word(status, both)}**: {advice.in_language('ru')}", f"  / {advice}"]
    return "\n".join(lines) + "\n"


# --- marking --------------------------------------------------------------------------------------

def page_targets(root: Path, target: str, languages: list[str]) -> list[tuple[str, str]]:
    """(language, path under docs_<lang>/) pairs a `mark` argument names; ValueError if none."""
    path = Path(target)
    relative = (path.resolve().relative_to(root) if path.is_absolute() else path).as_posix()
    folder, _, rel = relative.partition("/")
    if folder == "docs":
        found = [(lang, rel) for lang in languages if (language_folder(root, lang) / rel).is_file()]
        if not (root / relative).is_file():
            raise ValueError(f"{relative} does not exist")
        if not found:
            raise ValueError(f"{relative} has no translation yet in {', '.join(languages)}")
        return found
    lang = folder.removeprefix("docs_")
    if folder.startswith("docs_") and lang in TRANSLATED_LANGUAGES:
        if not (root / relative).is_file():
            raise ValueError(f"{relative} does not exist")
        if not (root / "docs" / rel).is_file():
            raise ValueError(f"{relative} has no English original docs/{rel}")
        return [(lang, rel)]
    raise ValueError(
        f"'{target}' is not a page: give docs_<lang>/<path>.md, docs/<path>.md, "
        f"or a data entry such as events/<id>"
    )


def is_entry_key(target: str) -> bool:
    return target.split("/")[0] in tr.DATA_FILES and not target.endswith(".md")


def mark(root: Path, targets: list[str], languages: list[str], *, outdated: bool = True) -> int:
    """Mark the named pages and data entries (none named: all of them) in `languages` as up to date;
    without `outdated`, not a data entry's translation whose English changed since it was marked."""
    entry_keys = [target for target in targets if is_entry_key(target)]
    errors: list[str] = []
    if targets:
        pages: list[tuple[str, str]] = []
        for target in targets:
            if target not in entry_keys:
                try:
                    pages += page_targets(root, target, languages)
                except ValueError as error:
                    errors.append(str(error))
    else:
        pages = [(lang, rel) for rel in tr.english_pages(root) for lang in languages
                 if (language_folder(root, lang) / rel).is_file()]
    changed = []
    for lang, rel in pages:
        try:
            if tr.mark_page(root, lang, rel):
                changed.append(f"docs_{lang}/{rel}")
        except tr.FrontMatterError as error:
            errors.append(str(error))
    if pages:
        tail = ":" if changed else Message("mark.pages.none_changed")
        print(say(Message("mark.pages", changed=len(changed), total=len(pages), tail=tail)))
        for name in changed:
            print(f"  {name}")
    if entry_keys or not targets:
        try:
            marked, skipped = tr.mark_entries(root, languages, entry_keys or None, outdated=outdated)
        except KeyError as error:
            errors.append(error.args[0])
        except tr.DataError:
            errors.append(Message("mark.data_errors"))
        else:
            print(say(Message("mark.entries", count=len(marked), file=tr.RECORDS_FILE)))
            for entry in skipped:
                if entry.status is tr.Status.OUTDATED:
                    print(say(Message("mark.outdated", key=entry.key, lang=entry.lang)))
                else:
                    print(say(Message("mark.skipped", key=entry.key, lang=entry.lang, fields=", ".join(entry.missing))))
    for error in errors:
        print(say(Message("mark.error", message=error)), file=sys.stderr)
    return 1 if errors else 0


# --- command line ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("report", "mark"):
        argv.insert(0, "report")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", action="append", choices=TRANSLATED_LANGUAGES, help="only this language")
    common.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", parents=[common], help="what is translated (the default command)")
    report.add_argument("--strict", action="store_true", help="exit 1 unless all is translated and current")
    report.add_argument("--markdown", action="store_true", help="write the report as Markdown")
    marking = commands.add_parser("mark", parents=[common], help="record that translations match the English")
    marking.add_argument("targets", nargs="*", help="docs_<lang>/<page>.md, docs/<page>.md or <kind>/<id>")
    marking.add_argument("--all", action="store_true", help="every translated page and data entry")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    languages = args.lang or list(TRANSLATED_LANGUAGES)

    try:
        if args.command == "mark":
            if not args.targets and not args.lang and not args.all:
                print(say(Message("mark.what")), file=sys.stderr)
                return 2
            # ENTRY=events/x alone: a translation the English has moved away from is not marked unless
            # its language is named (SITE_LANG=zh) or ALL=1 says every language was checked.
            return mark(root, args.targets, languages, outdated=bool(args.lang or args.all or not args.targets))
        result = tr.build_report(root, languages)
    except tr.RecordsError as error:  # data/translated-from.yml edited by hand
        print(say(error.args[0]), file=sys.stderr)
        return 1
    print(markdown_report(result, root) if args.markdown else text_report(result, root))
    return 1 if args.strict and not result.complete() else 0


if __name__ == "__main__":
    sys.exit(main())
