"""BENCHMARKS.md, which `make bench` and `make audit` share: each rewrites only its own sections."""

from __future__ import annotations

from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"
LIGHTHOUSE_HEADING = "## Lighthouse (make audit)"  # written by scripts/audit.py, kept by scripts/bench.py


def read() -> str:
    return BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"


def write(text: str) -> None:
    BENCHMARKS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The section under `heading` (the heading included, up to the next "## "), or ""."""
    if heading not in text:
        return ""
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end == -1 else text[start:end + 1]


def with_section(text: str, heading: str, block: str, before: str | None = None) -> str:
    """`text` with the section under `heading` replaced by `block`, or added before the section
    `before` (else at the end)."""
    block = block.rstrip("\n") + "\n\n"
    old = section(text, heading)
    if old:
        return text.replace(old, block, 1)
    if before and f"\n{before}" in text:
        return text.replace(f"\n{before}", f"\n{block}{before}", 1)
    return text.rstrip("\n") + "\n\n" + block
