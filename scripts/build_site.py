"""`make build`: the whole site, each language built by its own process, assembled into one site folder.

    python scripts/build_site.py [--site-dir site] [--strict] [--jobs N] [--sequential] [--engine properdocs] [-q|-v]

The i18n plugin builds the other languages one after the other inside the first language's build.
Here the coordinator loads the configuration once (every import done once), then forks one process
per language, at most --jobs at a time (default: the number of cores this process may use). Each
builds its language alone (CITYSITE_BUILD_LANGUAGE; hooks/citysite/plugin.py) into a folder of its
own, writes the language's own files there (its search index, the patched theme scripts, its
service worker: assembly.finish_languages) and saves what the site-wide files need (its pages,
hooks/citysite/assembly.py). The coordinator then merges the folders (a file written by several
languages, such as the theme's assets, must be the same in each: any difference stops the build),
writes sitemap.xml(.gz) and robots.txt with the same function as a one-process build
(assembly.finish_site), and puts the result in place of --site-dir. If anything fails, the previous
site stays as it was. The site is byte for byte the one `mkdocs build` makes in one process
(tests/test_parallel_build.py).

--sequential (or --jobs 1, or a one-language preview with BUILD_ONLY_LOCALE) builds in one process,
as `mkdocs build` does, into the same temporary folder first.

--engine properdocs builds with ProperDocs, the maintained fork of MkDocs 1.x (PLATFORM.md): it is
imported from PROPERDOCS_PATH (default .venv/properdocs, where `make properdocs` installs it) and
answers every `mkdocs.*` import itself. The output differs only in `<meta name="generator">`
(tests/test_engines.py).
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import importlib
import json
import logging
import os
import re
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("mkdocs", "properdocs")
DEFAULT_PROPERDOCS_PATH = ROOT / ".venv" / "properdocs"
# Written by every language's build with different content: the sitemaps, rewritten by
# assembly.finish_site, and Material's index of the whole build, whose place the root language's
# own index takes (assembly.finish_languages; merged first).
REWRITTEN = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
TIMES_FILE = "CITYSITE_BUILD_TIMES"  # where to write the CPU seconds of each part (scripts/bench.py)
# Started first: the longest (the Chinese build also segments its search text with jieba).
START_FIRST = ("zh",)
# Each language process logs these again; the coordinator says them once for the whole site.
# MkDocs' last line of a strict build that met warnings: each language's counted only its own, and the
# merged log said "1 warning" under five (an editors' walkthrough); the coordinator counts them all.
STRICT_ABORT = re.compile(r"Aborted with \d+ warnings in strict mode!")
REPEATED_LOG_LINES = ("Cleaning site directory", "Building documentation to directory",
                      "Documentation built in", "Building '")

# Where a built site names addresses (make publish looks there for the placeholder).
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".ics", ".json", ".geojson", ".js", ".webmanifest")

log = logging.getLogger("mkdocs.citysite.build_site")
_LOGGING = None  # the command line's logging set-up (setup_logging)


class BuildFailed(Exception):
    """The site was not built; the message says why (the language builds' logs are printed)."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def use_engine(engine: str) -> None:
    """Make `import mkdocs` the chosen engine's (call before anything imports mkdocs)."""
    if engine == "properdocs":
        path = os.environ.get("PROPERDOCS_PATH") or str(DEFAULT_PROPERDOCS_PATH)
        if path not in sys.path:
            sys.path.insert(0, path)
        try:
            import properdocs.replacement  # noqa: F401 - mkdocs.* imports become properdocs.*
        except ImportError:
            raise BuildFailed(f"ProperDocs is not installed in {path}: run `make properdocs` "
                              "(or set PROPERDOCS_PATH)") from None


def import_jieba_directly() -> None:
    """Material's search plugin imports jieba (Chinese words), and jieba imports pkg_resources, the
    slowest import of the build (0.4 s), only to open its own data files: without it, jieba opens
    them directly (jieba/_compat.py). Call before the configuration is loaded."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment] - `import pkg_resources` fails
    try:
        importlib.import_module("jieba")
    except ImportError:
        pass
    finally:
        del sys.modules["pkg_resources"]


def use_projects_code(config_file: Path) -> None:
    """Import citysite from the project being built, before anything imports it: a second checkout
    that shares the first one's .venv (to build an older commit for a roll-back) would otherwise get
    the first checkout's code, which the .venv's editable install names (a publishers' walkthrough)."""
    hooks = str(config_file.parent / "hooks")
    if hooks not in sys.path:
        sys.path.insert(0, hooks)


def in_editors_language(text: str, prefix: str = "") -> str:
    """`text` (a message of the catalogue, or MkDocs' English) in the editor's language(s)."""
    from citysite.messages import render  # imported late: the project's own citysite (build_site)

    return render(text, prefix)


def setup_logging(verbosity: int) -> None:
    """The command line's logging, as `mkdocs build` sets it up (level from -q / -v)."""
    from mkdocs import __main__ as cli

    global _LOGGING
    level = logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    _LOGGING = cli.State()  # the engine's logger with its own handler and format (kept while it lives)
    _LOGGING.logger.setLevel(level)
    if os.environ.get("NO_COLOR") or not sys.stderr.isatty():  # a log file or cron mail: no colour codes
        _LOGGING.stream.formatter.colors = {}
    if verbosity <= 0:  # the i18n plugin's notes on each language's name and menu: -v shows them
        logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)
    cli._enable_warnings()


# --- building ------------------------------------------------------------------------------------

def load(config_file: Path, site_dir: Path, strict: bool):
    from mkdocs.config import load_config

    return load_config(str(config_file), site_dir=str(site_dir), strict=strict)


def build_in_this_process(config_file: Path, site_dir: Path, strict: bool) -> None:
    """What `mkdocs build` does after parsing its options."""
    from mkdocs.commands.build import build

    config = load(config_file, site_dir, strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _language_process(config_file: Path, lang: str, work: Path, strict: bool) -> None:
    """The forked process of one language: build it alone, log to work/<lang>.log, never return."""
    from citysite import assembly

    code = 1
    try:
        with open(work / f"{lang}.log", "w", encoding="utf-8") as out:
            os.dup2(out.fileno(), 1)
            os.dup2(out.fileno(), 2)
        os.environ[assembly.ENV_LANGUAGE] = lang
        os.environ[assembly.ENV_PART] = str(work / f"{lang}.json")
        build_in_this_process(config_file, work / lang, strict)
        code = 0
    except SystemExit as stop:  # MkDocs' Abort: its last line, in the editor's language
        if STRICT_ABORT.fullmatch(str(stop)):  # counted over every language by the coordinator
            (work / f"{lang}.strict").touch()
        else:
            print(in_editors_language(str(stop) or "Aborted"), file=sys.stderr)
    except BaseException:  # noqa: BLE001 - reported in the log, as the command line would
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def build_languages(config_file: Path, work: Path, languages: list[str], strict: bool,
                    jobs: int) -> dict[str, tuple[float, float]]:
    """Fork a process per language, at most `jobs` at a time; the seconds each took and the CPU
    seconds it used. A failed language does not stop the others: a link broken in every
    translation is named in each language's file, in one round of the checks (an editors'
    walkthrough deleted an event and got one language's file per round). BuildFailed is raised
    once every log is printed (in the order of `languages`)."""
    pending = sorted(languages, key=lambda lang: lang not in START_FIRST)
    running, failed, seconds, started = {}, [], {}, {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                lang = pending.pop(0)
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    _language_process(config_file, lang, work, strict)
                running[pid], started[lang] = lang, time.monotonic()
            if not running:
                break
            pid, status, usage = os.wait4(-1, 0)
            lang = running.pop(pid)
            seconds[lang] = (time.monotonic() - started[lang], usage.ru_utime + usage.ru_stime)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(lang)
    finally:
        for pid in list(running):
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    warnings = print_logs(work, languages)
    if any((work / f"{lang}.strict").exists() for lang in languages):
        print(in_editors_language(f"Aborted with {warnings} warnings in strict mode!"), file=sys.stderr)
    if failed:
        log.debug(f"build_site: the {', '.join(failed)} build failed")
        from citysite.messages import Message

        raise BuildFailed(Message("build.failed"))
    return seconds


def print_logs(work: Path, languages: list[str]) -> int:
    """Each language's messages in build order, a line said by several languages once; the number
    of warnings printed."""
    seen, warnings = set(), 0
    for lang in languages:
        path = work / f"{lang}.log"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line in seen or any(part in line for part in REPEATED_LOG_LINES):
                continue
            seen.add(line)
            warnings += line.startswith("WARNING")
            print(line, file=sys.stderr)
    return warnings


def merge(folders: list[Path], target: Path) -> None:
    """Move every file of `folders` into `target` (a folder only one has, such as ru/, in one
    move); a file several have must be the same in each (apart from REWRITTEN), else BuildFailed
    lists the differences."""
    differ: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        _merge_into(folder, target, Path(), folder.name, differ)
    if differ:
        raise BuildFailed("the language builds wrote different files at the same place: "
                          + ", ".join(differ[:20]) + (f" and {len(differ) - 20} more" if len(differ) > 20 else ""))


def _merge_into(source: Path, target: Path, rel: Path, lang: str, differ: list[str]) -> None:
    for entry in os.scandir(source):
        path, dest, name = Path(entry.path), target / entry.name, (rel / entry.name).as_posix()
        if not os.path.lexists(dest):
            os.replace(path, dest)
        elif entry.is_dir(follow_symlinks=False) and dest.is_dir():
            _merge_into(path, dest, rel / entry.name, lang, differ)
        elif entry.is_dir(follow_symlinks=False) or dest.is_dir():
            differ.append(f"{name} (a folder in one language, a file in another)")
        elif name not in REWRITTEN and not filecmp.cmp(path, dest, shallow=False):
            differ.append(f"{name} ({lang} and an earlier language)")


def build_parallel(config_file: Path, site_dir: Path, work: Path, strict: bool, jobs: int) -> bool:
    """The parallel build into `site_dir`; False when it cannot apply (the caller builds in one process)."""
    # One build moment for every language (the feeds, "upcoming" lists and MkDocs' dates).
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    config = load(config_file, site_dir, strict)  # every import, once, before the processes fork
    from mkdocs.structure.files import Files

    from citysite import assembly, maps, pinned, run  # the project's (its hook imported them)

    plugin = pinned.i18n_plugin(config)
    if plugin is None or plugin.config.build_only_locale or len(plugin.build_languages) < 2:
        return False
    languages, root = list(plugin.build_languages), plugin.default_language
    started = time.monotonic()
    cpu = time.process_time()
    with contextlib.suppress(Exception):  # else each language's process reads them, and reports the problem
        if run.prepare(config) is not None:  # maps will be built: folium imported once, for all
            maps.import_builder()
    cpu_prepare = time.process_time() - cpu
    pinned.list_theme_files_once()  # Material's 14,500 files listed once, for all
    pinned.add_files_from_theme(Files([]), None, config)
    pinned.reuse_markdown_converters()
    forked, cpu_forked = time.monotonic(), time.process_time()
    seconds = build_languages(config_file, work, languages, strict, jobs)
    built, cpu_built = time.monotonic(), time.process_time()
    merge([work / lang for lang in sorted(languages, key=lambda lang: lang != root)], site_dir)
    pages = dict(assembly.load_pages(work / f"{lang}.json") for lang in languages)
    assembly.finish_site(site_dir, pages, config.site_url, root)
    log.debug(f"build_site: {forked - started:.2f} s reading the data, then the languages ("
              + ", ".join(f"{lang} {seconds[lang][0]:.2f} s" for lang in languages)
              + f") in {built - forked:.2f} s, assembled in {time.monotonic() - built:.2f} s")
    if os.environ.get(TIMES_FILE):  # for scripts/bench.py: the CPU seconds of each part
        events = [float((work / f"{lang}.seconds").read_text()) for lang in languages]  # CitySite.event_seconds
        assembled = time.process_time() - cpu_built
        Path(os.environ[TIMES_FILE]).write_text(json.dumps({
            "before": cpu_forked, "languages": {lang: seconds[lang][1] for lang in languages},
            "order": sorted(languages, key=lambda lang: lang not in START_FIRST), "jobs": jobs,
            "assembly": assembled,
            # The project's own code: reading the data, the site's event methods, the assembly.
            "project": cpu_prepare + sum(events) + assembled}), encoding="utf-8")
    if run.is_placeholder_address(config.site_url):
        from citysite import messages

        log.info(messages.render(messages.Message("build.placeholder_address", url=config.site_url)))
    log.info(f"Documentation built in {time.monotonic() - started:.2f} seconds "
             f"({len(languages)} languages, {min(jobs, len(languages))} at a time)")
    return True


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is, the old one removed only once the new one is in place."""
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: Path, site_dir: Path, *, strict: bool = False, jobs: int | None = None,
               sequential: bool = False, check: Callable[[Path, str], None] | None = None) -> None:
    """Build into a temporary folder beside `site_dir`, then put it in place (BuildFailed otherwise);
    `check(folder, SITE_URL)` may refuse the built site before that (make publish)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    use_projects_code(config_file)
    work = site_dir.parent / f".site-build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        new = work / "site"
        jobs = jobs or available_cores()
        one_process = sequential or jobs < 2 or not hasattr(os, "fork")  # fork: not on Windows
        if one_process or not build_parallel(config_file, new, work, strict, jobs):
            shutil.rmtree(new, ignore_errors=True)
            build_in_this_process(config_file, new, strict)
        if check is not None:
            check(new, os.environ.get("SITE_URL", ""))
        replace_folder(new, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_publish_address(site_url: str) -> None:
    """`make publish`: the site is built only for an address it can have (https, not a placeholder)."""
    from citysite import run
    from citysite.messages import Message

    if not site_url.strip():
        raise BuildFailed(Message("build.publish_unset"))
    if not site_url.startswith("https://"):
        raise BuildFailed(Message("build.publish_http", url=repr(site_url)))
    if run.is_placeholder_address(site_url):
        raise BuildFailed(Message("build.publish_placeholder", url=repr(site_url)))


def check_published(site_dir: Path, site_url: str) -> None:
    """`make publish`: the built site names its own address, not the placeholder."""
    from citysite import run
    from citysite.messages import Message

    domains = "|".join(re.escape(domain) for domain in run.EXAMPLE_DOMAINS)
    placeholder = re.compile(rf"https?://([\w-]+\.)*({domains})(?![\w.-])".encode())  # the host's end
    text_files = (path for path in sorted(site_dir.rglob("*")) if path.suffix in TEXT_SUFFIXES)
    leftover = {path.relative_to(site_dir).as_posix(): found.group().decode()
                for path in text_files if (found := placeholder.search(_unfolded(path)))}
    if leftover:
        raise BuildFailed(Message("build.publish_leftover", url=next(iter(leftover.values())),
                                  files=", ".join(list(leftover)[:5])))
    if f"<loc>{site_url}" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8"):
        raise BuildFailed(Message("build.publish_sitemap", url=site_url))


def _unfolded(path: Path) -> bytes:
    """The file's bytes, an iCalendar file's long lines joined again (RFC 5545 folds them at 75
    octets: «https://example» / « .github.io/» read as the placeholder host «example»)."""
    data = path.read_bytes()
    return re.sub(rb"\r?\n[ \t]", b"", data) if path.suffix == ".ics" else data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"))
    parser.add_argument("-s", "--strict", action="store_true", help="stop on any warning, as mkdocs build --strict")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="language builds at a time (default: cores)")
    parser.add_argument("--sequential", action="store_true", help="build in one process, as mkdocs build does")
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("SITE_ENGINE") or "mkdocs",
                        help="mkdocs (default) or properdocs (SITE_ENGINE sets the default)")
    parser.add_argument("--publish", action="store_true",
                        help="for publishing: SITE_URL must be the site's real https address (make publish)")
    parser.add_argument("--dirty", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-q", "--quiet", action="store_const", const=-1, dest="verbosity", default=0)
    parser.add_argument("-v", "--verbose", action="store_const", const=1, dest="verbosity")
    args = parser.parse_args(argv)
    if args.dirty:
        print("--dirty is not supported: a dirty build keeps pages made from the data out of date; "
              "build without it (make build)", file=sys.stderr)
        return 2
    use_projects_code(args.config_file.resolve())
    try:
        use_engine(args.engine)
        import_jieba_directly()
        setup_logging(args.verbosity)
        if args.publish:
            check_publish_address(os.environ.get("SITE_URL", ""))
        build_site(args.config_file.resolve(), args.site_dir, strict=args.strict, jobs=args.jobs,
                   sequential=args.sequential, check=check_published if args.publish else None)
        if args.publish:  # what to upload, and for which address
            from citysite import messages

            files = sum(1 for path in args.site_dir.rglob("*") if path.is_file())
            log.info(messages.render(messages.Message("build.published", url=os.environ["SITE_URL"],
                                                      folder=f"{args.site_dir}/", files=files)))
    except BuildFailed as error:
        print(in_editors_language(str(error), prefix="ERROR    -  "), file=sys.stderr)
        return 1
    except SystemExit as stop:  # MkDocs' Abort (a one-process build): MkDocs logged the reason
        print(in_editors_language(str(stop) or "Aborted"), file=sys.stderr)
        return 1
    except Exception as error:  # a wrong mkdocs.yml, say: as the command line shows it
        if not callable(getattr(error, "format_message", None)):  # not a click error: a bug
            raise
        print(f"Error: {error.format_message()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
