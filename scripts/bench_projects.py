"""scripts/bench.py's throwaway copies of the project: the real one with N times the events, and
the static one (the Markdown the build makes, written as ordinary pages, the data hooks off)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import mkdocs_run
import yaml
from mkdocs.utils.meta import YAML_RE

from citysite.data.yamlfile import read_yaml
from citysite.languages import language_folder

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", ".site-*", "__pycache__", ".pytest_cache", "bench-results"
)
OPTIONS_LINE = "\n  citysite:\n"  # mkdocs.yml: extra.citysite, where the static copy sets from_data: false


def project_copy(target: Path, scale: int = 1) -> int:
    """Copy the project to `target` with `scale` times the events; return the number of events."""
    shutil.copytree(ROOT, target, ignore=IGNORED)
    events = read_yaml(ROOT / "data" / "events.yml", "data/events.yml").data or []
    copies = [
        {**event, "id": f"{event['id']}-x{n}" if n > 1 else event["id"]}
        for n in range(1, scale + 1)
        for event in events
    ]
    if scale > 1:
        (target / "data" / "events.yml").write_text(
            yaml.safe_dump(copies, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return len(copies)


CAPTURE_HOOK = '''"""Bench only: record each page's Markdown as the other hooks leave it."""
import json
import os

from mkdocs.plugins import event_priority

from citysite.pinned import current_language, path_in_language


@event_priority(-1000)  # after every other hook and plugin
def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    if getattr(page.file, "locale", lang) == lang:  # not a fallback copy of another language's page
        record = {"lang": lang, "src_uri": path_in_language(page.file),
                  "source": page.file.abs_src_path, "meta": page.meta, "markdown": markdown}
        with open(os.environ["BENCH_CAPTURE"], "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\\n")
    return markdown
'''


def static_copy(source: Path, target: Path) -> None:
    """A copy of `source` whose pages hold the Markdown the hooks make, without those hooks."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site-bench"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    (target / "hooks" / "_bench_capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/_bench_capture.py\n", 1), encoding="utf-8")
    capture = target / "capture.jsonl"
    result = mkdocs_run.build(target, target / "site-capture", {"BENCH_CAPTURE": str(capture)})
    if result.returncode != 0:
        sys.exit(f"the capture build failed:\n{result.stderr[-3000:]}")
    shutil.rmtree(target / "site-capture")
    for line in capture.read_text(encoding="utf-8").splitlines():
        _write_page(target, json.loads(line))
    capture.unlink()
    (target / "hooks" / "_bench_capture.py").unlink()
    if OPTIONS_LINE not in text:
        sys.exit(f"mkdocs.yml has no extra.citysite: update OPTIONS_LINE in {__file__}")
    config.write_text(text.replace(OPTIONS_LINE, OPTIONS_LINE + "    from_data: false\n", 1), encoding="utf-8")


def _write_page(project: Path, record: dict) -> None:
    """Write one captured page into `project` where MkDocs reads it, unless it is unchanged."""
    if record["source"] and Path(record["source"]).is_file():
        path = Path(record["source"])
        original = path.read_text(encoding="utf-8-sig")
        front = YAML_RE.match(original)  # MkDocs' own front-matter pattern
        front_matter = front.group(0) if front else ""
        if original[len(front_matter):].strip() == record["markdown"].strip():
            return
    else:
        path = language_folder(project, record["lang"]) / record["src_uri"]
        front_matter = f"---\n{yaml.safe_dump(record['meta'], allow_unicode=True)}---\n\n" if record["meta"] else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter + record["markdown"], encoding="utf-8")
