"""Typography of the pages: a number keeps its unit on the same line («−20 °C», «30 км»), a
separating dot or a dash ends a line and never starts the next («… · » / «…», «… —» / «…»), a
Russian date, number sign, initial or abbreviation keeps the word after it («7 января», «2019 года»,
«№ 27», «Н. И. Гродекова», «ул. Ленина»), and a Chinese or Japanese date or count stays whole
(«2月下旬», not «2月下» / «旬»; «1回», not «1» / «回»)."""

from __future__ import annotations

import re

# A number, an ordinary space, then a unit of temperature, distance or time that ends there: no Latin
# or Cyrillic letter follows («3 months» stays), though a CJK one may («約12 kmの距離»).
_NUMBER_SPACE_UNIT = re.compile(r"(?<=\d) (?=(?:°C|km|км|m|м|min|мин)(?![A-Za-zА-Яа-яЁё]))")
# "date · title · place", "source ·\nsource", "Хабаровск — Ниигата": the dot or dash ends a line
_SPACE_BEFORE_SEPARATOR = re.compile(r" (?=[·—]\s)")
_TEXT_BETWEEN_TAGS = re.compile(r">[^<]+<")  # not inside a tag: SVG path data ("0 m-3") stays as it is
# A month with its day or ten-day part, its year before it if written: Chinese and Japanese lines may
# break between any two characters, and on a phone cards broke «2027年2月下» / «旬», «2023年2» / «月».
# A number with the counter after it broke the same way («乗り継ぎ1» / «回», «1894» / «年設立»,
# «12万» / «1,000人»); a decimal point from the data comes escaped (6&#46;4万人).
_CJK_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?"
                       r"|\d(?:[\d,.]|&#46;)*(?:[万萬](?:[\d,.]|&#46;)*)?(?:か月|ヶ月|个月|時間|小时|分钟|公里|平方米|[年日回人分歳号路次天元])")


# The ordinary spaces a Russian line must not break at: between a day and its month, a year and
# «г.» / «года», «№» and its number, an initial and the next initial or surname, and an abbreviation
# and the name it belongs to («им. Гродекова», «ул. Ленина», «г. Хабаровск»).
_RUSSIAN_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_RUSSIAN_SPACE = re.compile(rf"(?<![\d.,])\d{{1,2}} (?=(?:{_RUSSIAN_MONTHS})\b)"
                            r"|(?<=\d{4}) (?=(?:гг?(?:\.|&#46;)|год(?:а|у|ом)?\b))|(?<=№) (?=\d)"
                            r"|\b(?:[А-ЯЁ]|им|ул|пр|пер|д|г)(?:\.|&#46;) (?=[А-ЯЁ\d])")  # data text escapes its dots
# A Russian number in groups of three, «10 000»: the data's summaries wrote an ordinary space, which
# a line could break at («10» / «000 человек»).
_RUSSIAN_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")


def bind_text(text: str, lang: str) -> str:
    """`text` (no tags; data text escapes its dots as &#46;) with a no-break space between each number
    and its unit (data text has it already: citysite.places.measure_text), before each separating dot
    or dash, and, in Russian, at each of _RUSSIAN_SPACE's places and between a number's groups of
    three digits."""
    text = _SPACE_BEFORE_SEPARATOR.sub("\u00a0", _NUMBER_SPACE_UNIT.sub("\u00a0", text))
    if lang == "ru":
        text = _RUSSIAN_SPACE.sub(lambda found: found.group().replace(" ", "\u00a0"), text)
        text = _RUSSIAN_THOUSANDS.sub(lambda found: found.group().replace(" ", "\u00a0"), text)
    return text


def bind_spaces(html: str, lang: str) -> str:
    """`html` with bind_text's no-break spaces in its text, not inside its tags."""
    return _TEXT_BETWEEN_TAGS.sub(lambda text: bind_text(text.group(), lang), html)


def keep_dates_whole(html: str, lang: str) -> str:
    """`html` with each Chinese or Japanese date or count in the text in a `.kh-nowrap` span (other
    languages break lines at spaces, which their dates keep)."""
    if lang not in ("zh", "ja"):
        return html
    return _TEXT_BETWEEN_TAGS.sub(
        lambda text: _CJK_DATE.sub(lambda date: f'<span class="kh-nowrap">{date.group()}</span>', text.group()), html)


# Words in another script than the page's: Russian names in an English, Chinese, Japanese or Korean
# text from the data («Прибрежная», «Красная речка»), a Korean one in a Chinese text (복사골). Marked
# with their language, a screen reader reads them in its voice, not spelt out in the page's.
_SCRIPT_RUNS = {
    # a run goes on over the escaped dots of «ул. Минусинская» and «двхм.рф» (&#46;)
    "ru": re.compile(r"[\u0400-\u04ff](?:(?:[\u0400-\u04ff\d\s.,-]|&#\d+;)*[\u0400-\u04ff])?"),
    "ko": re.compile(r"[\uac00-\ud7a3](?:[\uac00-\ud7a3\s]*[\uac00-\ud7a3])?"),
}
# A tag, or a text; the text of <script>, <style>, <code> and <pre> is left as it is.
_TAG_OR_TEXT = re.compile(r"<(script|style|code|pre)\b.*?</\1\s*>|<[^>]*>|[^<]+", re.S | re.I)
_LANG_ATTRIBUTE = re.compile(r"""\slang=["']?([A-Za-z-]+)""")
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def mark_other_scripts(html: str, lang: str) -> str:
    """`html` with each run of Cyrillic (on pages not in Russian) or Hangul (not in Korean) in a
    <span lang>, unless the element around it already says that language."""
    runs = [(other, pattern) for other, pattern in _SCRIPT_RUNS.items() if other != lang]
    if not any(pattern.search(html) for _other, pattern in runs):
        return html
    parts, open_langs = [], [lang]  # the language of each open element, innermost last
    for match in _TAG_OR_TEXT.finditer(html):
        piece = match.group()
        if piece.startswith("<"):
            name = re.match(r"</?([A-Za-z][\w-]*)", piece)
            if match.group(1) is None and name and name[1].lower() not in _VOID and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if len(open_langs) > 1:
                        open_langs.pop()
                else:
                    found = _LANG_ATTRIBUTE.search(piece)
                    open_langs.append(found[1] if found else open_langs[-1])
            parts.append(piece)
            continue
        for other, pattern in runs:
            if other != open_langs[-1]:
                piece = pattern.sub(lambda run, other=other: f'<span lang="{other}">{run.group()}</span>', piece)
        parts.append(piece)
    return "".join(parts)
