"""Typography of the written pages: a number keeps its unit on the same line («−20 °C», «30 км»)."""

from __future__ import annotations

import re

# A number, an ordinary space, then a unit of temperature, distance or time that ends there: no Latin
# or Cyrillic letter follows («3 months» stays), though a CJK one may («約12 kmの距離»).
_NUMBER_SPACE_UNIT = re.compile(r"(?<=\d) (?=(?:°C|km|км|m|м|min|мин)(?![A-Za-zА-Яа-яЁё]))")
_TEXT_BETWEEN_TAGS = re.compile(r">[^<]+<")  # not inside a tag: SVG path data ("0 m-3") stays as it is


def bind_units(html: str) -> str:
    """`html` with a no-break space between each number and its unit in the text (data text has it
    already: citysite.places.measure_text)."""
    return _TEXT_BETWEEN_TAGS.sub(lambda text: _NUMBER_SPACE_UNIT.sub("\u00a0", text.group()), html)
