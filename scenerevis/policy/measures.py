"""measures.py: the floor area and room sides a prompt states, in metres ("about 25 m2", "twenty square metres",
"a 10 ft by 12 ft room", "6 metres long and 4 metres wide"); read with regular expressions, before the parse.
"""

from __future__ import annotations

import re

_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: A number as digits or spelled out ("twenty", "thirty-five", "a hundred"), up to 999.
_HUNDREDS = r"(?:a|one|two|three)[\s-]+hundred"
_BELOW_HUNDRED = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(_UNITS[:9])
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
#: A number as digits or spelled out ("twenty", "thirty-five", "a hundred and twenty"), up to 399; never empty.
NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|"
    + _HUNDREDS
    + r"(?:[\s-]+(?:and[\s-]+)?"
    + _BELOW_HUNDRED
    + r")?|"
    + _BELOW_HUNDRED
)
_AREA_RE = re.compile(
    r"(?<![\w.,])(?:(\d+(?:[.,]\d+)?)\s*(?:-|\u2013|to)\s*)?(" + NUMBER + r")\s*(?:-\s*)?"
    r"(square[\s-]*met(?:er|re)s?|sq\.?\s*m(?:et(?:er|re)s?)?\b|m2\b|m\u00b2|m\^2|m\s+sq\b|"
    r"square[\s-]*feet|square[\s-]*foot|sq\.?\s*ft\b|ft2\b|ft\u00b2)",
    re.IGNORECASE,
)
_LENGTH = r"(\d+(?:[.,]\d+)?)\s*(m\b|meters?|metres?|ft\b|feet|foot)"
#: "6 metres long and 4 metres wide", "4 m wide by 6 m deep"
_SIDES_RE = re.compile(
    _LENGTH + r"\s+(?:long|wide|deep)\s*(?:,|and|by|x|\u00d7)?\s*" + _LENGTH + r"\s+(?:long|wide|deep)", re.IGNORECASE
)
_DIMS_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(m|meters?|metres?|ft|feet|foot)?\s*(?:by|x|\u00d7|\*)\s*(\d+(?:[.,]\d+)?)"
    r"(?:\s*(m\b|meters?|metres?|ft\b|feet|foot)|(?=\s*(?:$|[.,;:)]|\s(?:and|with|in|of)\b)))",
    re.IGNORECASE,
)


def size_from_text(text: str) -> tuple[float | None, tuple[float, float] | None]:
    """(floor area m^2, (width, depth) m) a prompt states, each None when it states none: "about 25 m2",
    "twenty square metres", "215 sq ft", "25-30 m2" (the middle), "5 x 4 m", "6 metres long and 4 metres wide";
    sides outside 1.5-20 m are no room's."""
    area = dims = None
    m = _AREA_RE.search(text)
    if m:
        value = number_value(m.group(2))
        if m.group(1):  # "25-30 m2": the middle of the range
            value = (number_value(m.group(1)) + value) / 2
        area = value * 0.092903 if "f" in m.group(3).lower() else value
    m = _DIMS_RE.search(text)
    got = (m.group(1), m.group(2) or m.group(4), m.group(3), m.group(4) or m.group(2)) if m else None
    if got is None and (m := _SIDES_RE.search(text)):
        got = m.groups()
    if got is not None:
        k = [0.3048 if (unit or "m").lower().startswith("f") else 1.0 for unit in (got[1], got[3])]
        a, b = number_value(got[0]) * k[0], number_value(got[2]) * k[1]
        if 1.5 <= a <= 20 and 1.5 <= b <= 20:
            dims = (a, b)
    return area, dims


def number_value(text: str) -> float:
    """The value of a number ``NUMBER`` matched: digits or spelled-out words ("thirty-five" -> 35)."""
    low = text.lower().strip()
    if low[:1].isdigit():  # "1,200" is a thousands separator, "4,5" a decimal comma
        return float(low.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", low) else low.replace(",", "."))
    total = 0.0
    for word in re.split(r"[\s-]+", low):
        if word == "hundred":
            total = max(total, 1.0) * 100
        elif word in _TENS:
            total += 20 + 10 * _TENS.index(word)
        elif word in _UNITS:
            total += 1 + _UNITS.index(word)
    return total
