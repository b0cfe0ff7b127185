"""A small project for translation tests: the real configuration, hooks, templates and interface
strings, with a few pages and data entries of the test's own instead of the real content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from citysite.languages import LANGUAGES, language_folder

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE_FOLDERS = tuple(language_folder(ROOT, lang).name for lang in LANGUAGES)

VENUES = """\
- id: lenin-square
  name: {en: Lenin Square, ru: площадь Ленина, zh: 列宁广场, ja: レーニン広場, ko: 레닌 광장}
  category: square
  address: {en: "Lenin Square, Khabarovsk", ru: "Хабаровск, площадь Ленина", zh: 哈巴罗夫斯克列宁广场, ja: ハバロフスク、レーニン広場, ko: "하바롭스크, 레닌 광장"}
  lat: 48.4800
  lon: 135.0717
  description:
    en: The main square of the city.
    ru: Главная площадь города.
  sources: [seed]
"""

PARTNERS = """\
- id: niigata
  name: {en: Niigata, ru: Ниигата, zh: 新潟, ja: 新潟, ko: 니가타}
  country: JP
  status: sister
  since: "1965-04-23"
  lat: 37.9161
  lon: 139.0364
  summary: {en: A port city in Japan., ru: Портовый город в Японии., zh: 日本的港口城市。, ja: 日本の港町。, ko: 일본의 항구 도시.}
  sources: [seed]
"""

# A yearly event (data/events.yml) and an entry of the 2019 chronicle (data/chronicle.yml).
EVENTS = """\
- id: city-day
  title: {en: City Day, ru: День города, zh: 城市日, ja: 市の日, ko: 도시의 날}
  summary: {en: The city's birthday., ru: День рождения города., zh: 城市的生日。, ja: 市の誕生日。, ko: 도시의 생일.}
  category: holiday
  usually:
    month: 5
    part: late
  venues: [lenin-square]
  editions:
    - start: "2025-05-30"
      end: "2025-05-31"
      sources: [seed]
  sources: [seed]
"""

CHRONICLE = """\
- id: city-day-2019
  title: {en: City Day, ru: День города, zh: 城市日, ja: 市の日, ko: 도시의 날}
  summary: {en: The city's birthday., ru: День рождения города., zh: 城市的生日。, ja: 市の誕生日。, ko: 도시의 생일.}
  start: "2019-05-26"
  category: holiday
  venues: [lenin-square]
  partners: [niigata]
  sources: [seed]
"""


# The section pages that the pages made from data link back to (the data hook adds the lists).
SECTION_PAGES = {
    "docs/events/index.md": "# Events\n",
    "docs/venues/index.md": "# Venues\n",
    "docs/partners/index.md": "# Partner cities\n",
    "docs/cooperation/chronicle/index.md": "# The 2019 chronicle\n",
}


def make_small_project(target: Path, pages: dict[str, str], *, sections: bool = True) -> Path:
    """A project in `target` whose Markdown is `pages` ({"docs_ru/guide.md": text, ...}) and whose
    data is one venue, one partner city and one entry of the 2019 chronicle; navigation follows the files. Without
    `sections` it lacks the English section pages it needs to build (for tests that do not)."""
    target.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ \t-].*\n?)*", "", config, flags=re.MULTILINE)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    data = target / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    # No yearly event (EVENTS is for tests of data/events.yml): one data entry of each kind is enough.
    for name, text in (("venues", VENUES), ("partners", PARTNERS), ("events", "[]\n"), ("chronicle", CHRONICLE)):
        (data / f"{name}.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("*.md"))
    for folder in LANGUAGE_FOLDERS:
        (target / folder).mkdir(exist_ok=True)
    for path, text in ({**SECTION_PAGES, **pages} if sections else pages).items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text, encoding="utf-8")
    return target
