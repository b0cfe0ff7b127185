"""The Chinese words search must keep whole: the names of the glossary (data/glossary.yml), the venues
and the partner cities, made into a user dictionary for jieba, which segments Chinese text for the
search index (citysite.pinned.segment_han_text).

jieba's own dictionary does not know transliterated names: it cuts 格罗杰科夫 (Grodekov) into
格/罗杰/科夫, 新潟 into 新/潟 and 城市日 (City Day) into 城市/日, so a reader's query finds the
fragments everywhere instead of the page. A name with a generic last word (广场 square, 博物馆
museum, 大街 street...) is added without it: 列宁广场 gives 列宁, so that 广场 alone still finds
every square. The list comes from the data only: the same data gives the same dictionary, offline.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from .languages import SAFE_LOADER

# Words that end many names and are worth finding on their own (jieba knows them); longest first.
GENERIC_ENDINGS = tuple(sorted({
    "广场", "站前广场", "大街", "街", "滨江步道", "步道", "公园", "博物馆", "纪念馆", "美术馆", "图书馆", "大教堂",
    "教堂", "剧院", "话剧院", "音乐厅", "爱乐音乐厅", "体育场", "体育馆", "竞技场", "纪念碑", "客运站", "火车站",
    "一站", "站", "机场", "新机场", "岛", "河", "江", "湖", "池塘", "省", "市", "区", "边疆区", "州", "县", "大学",
    "高中", "学校", "医院", "协会", "中心", "集团", "会议", "艺术节", "节", "博览会", "洽谈会", "周", "城市",
    "市政府", "政府",
}, key=len, reverse=True))
PIECES = re.compile(r"[\s·・“”\"‘’「」『』《》〈〉（）()\-—–、，。：:/]+")
HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
RARE = 100  # a jieba word this rare inside a name is a fragment of a transliteration (罗杰, 科夫)
NOT_ATTACHED = set("的和与之")  # single characters that end a phrase, not a name


def core(name: str) -> str:
    """A name without its generic last word (列宁广场 -> 列宁, 黑龙江省 -> 黑龙江); the name itself if
    that would leave less than two characters."""
    for ending in GENERIC_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            return name[: -len(ending)]
    return name


def pieces(name: str) -> list[str]:
    """A name's parts (split at ·, quotes, hyphens...) without generic endings, Chinese only."""
    found = []
    for piece in PIECES.split(name or ""):
        word = core(piece)
        if HAN_ONLY.match(word):
            found.append(word)
    return found


@functools.cache
def jieba_dictionary():
    """jieba's default tokenizer with its own dictionary only: read once per process (about a
    second) and never changed, so the same names always give the same words. The site's words go
    into a copy for the search index (citysite.pinned.segment_han_text)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt


def name_runs(fragment: str) -> list[str]:
    """The parts of a compound name jieba does not know: runs of single characters and rare words
    (格/罗杰/科夫 -> 格罗杰科夫, 中/俄/文化/艺术 -> 中俄), and a last single character joined to the word
    before it (城市/日 -> 城市日)."""
    tokenizer = jieba_dictionary()
    cut = list(tokenizer.cut(fragment, HMM=False))
    runs, current = [], ""
    for index, part in enumerate(cut):
        weak = part not in NOT_ATTACHED and (len(part) == 1 or tokenizer.FREQ.get(part, 0) < RARE)
        if not weak:
            if len(current) >= 2:
                runs.append(current)
            current = ""
            continue
        if len(part) == 1 and index == len(cut) - 1 and index > 0 and not current:
            current = cut[index - 1]  # 城市/日: the last character belongs to the word before it
        current += part
    if len(current) >= 2:
        runs.append(current)
    return runs


def han_words(names: Iterable[str], proper_names: Iterable[str] = ()) -> list[str]:
    """The words to keep whole, sorted. `proper_names` (places, people, partner cities) are kept whole
    (without a generic ending: 阿穆尔河 -> 阿穆尔); the other `names` (venues, organisations, events)
    give the parts of them jieba would cut into fragments."""
    proper_names = list(proper_names)
    whole = {word for name in proper_names for word in pieces(name) if len(word) >= 2}
    words = set(whole)
    # Cut at a proper name with its ending too: 哈巴罗夫斯克边疆区格罗杰科夫博物馆 leaves 格罗杰科夫, not 区格罗杰科夫.
    full = {piece for name in proper_names for piece in PIECES.split(name) if HAN_ONLY.match(piece)}
    anchors = sorted(whole | full, key=len, reverse=True)
    for name in names:
        for piece in pieces(name):
            fragments = [piece]
            for anchor in anchors:
                fragments = [part for fragment in fragments for part in fragment.split(anchor) if part]
            for fragment in fragments:
                words.update(name_runs(fragment))
    return sorted(words)


def chinese_words(data, glossary: Path) -> list[str]:
    """The user dictionary of this site's data: glossary places and people and the partner cities
    whole, the parts of venue, organisation and event names that jieba does not know."""
    proper = [record.name.zh for record in data.partners.values()]
    other = [record.name.zh for record in data.venues.values()]
    if glossary.exists():
        entries = yaml.load(glossary.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        for group, members in entries.items():
            names = [entry.get("zh", "") for entry in (members or {}).values()]
            (proper if group in ("places", "people") else other).extend(names)
    return han_words([name for name in other if name], [name for name in proper if name])
