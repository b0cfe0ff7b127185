"""`make schema`: write data/schemas/*.schema.json from the data model (hooks/citysite/data/model.py).

With --check, change nothing and exit 1 when a committed schema is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citysite.data.schema import SCHEMA_FOLDER, json_schemas

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    args = parser.parse_args()
    folder = ROOT / "data" / SCHEMA_FOLDER
    stale = []
    for name, text in json_schemas().items():
        path = folder / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'out of date; run make schema' if args.check else 'written'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
