"""Typography of the pages: a number keeps its unit on the same line («−20 °C», «30 км»), a
separating dot ends a line and never starts the next («… · » / «…»), and a Chinese or Japanese date
or count stays whole («2月下旬», not «2月下» / «旬»; «1回», not «1» / «回»)."""

from __future__ import annotations

import re

# A number, an ordinary space, then a unit of temperature, distance or time that ends there: no Latin
# or Cyrillic letter follows («3 months» stays), though a CJK one may («約12 kmの距離»).
_NUMBER_SPACE_UNIT = re.compile(r"(?<=\d) (?=(?:°C|km|км|m|м|min|мин)(?![A-Za-zА-Яа-яЁё]))")
_SPACE_BEFORE_DOT = re.compile(r" (?=·\s)")  # "date · title · place", "source ·\nsource"
_TEXT_BETWEEN_TAGS = re.compile(r">[^<]+<")  # not inside a tag: SVG path data ("0 m-3") stays as it is
# A month with its day or ten-day part, its year before it if written: Chinese and Japanese lines may
# break between any two characters, and on a phone cards broke «2027年2月下» / «旬», «2023年2» / «月».
# A number with the counter after it broke the same way («乗り継ぎ1» / «回», «1894» / «年設立»,
# «12万» / «1,000人»).
_CJK_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?"
                       r"|\d[\d,.]*(?:[万萬][\d,.]*)?(?:か月|ヶ月|个月|時間|小时|分钟|公里|平方米|[年日回人分歳号路次天元])")


def bind_units(html: str) -> str:
    """`html` with a no-break space between each number and its unit in the text (data text has it
    already: citysite.places.measure_text), and before each separating dot."""
    return _TEXT_BETWEEN_TAGS.sub(
        lambda text: _SPACE_BEFORE_DOT.sub("\u00a0", _NUMBER_SPACE_UNIT.sub("\u00a0", text.group())), html)


def keep_dates_whole(html: str, lang: str) -> str:
    """`html` with each Chinese or Japanese date or count in the text in a `.kh-nowrap` span (other
    languages break lines at spaces, which their dates keep)."""
    if lang not in ("zh", "ja"):
        return html
    return _TEXT_BETWEEN_TAGS.sub(
        lambda text: _CJK_DATE.sub(lambda date: f'<span class="kh-nowrap">{date.group()}</span>', text.group()), html)
