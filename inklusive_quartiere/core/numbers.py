"""Numbers as a visitor reads them: German style, one helper for templates, the PDF and Python code.

Thousands are grouped in threes with a no-break space ("20 500", DIN 5008), decimals take a comma
("3,5"), amounts of money the euro sign after a no-break space ("12 000 €"). The no-break space
(U+00A0) keeps a number on one line; the narrow one (U+202F) is not in the site's font (Fira Sans), so a browser
or the PDF would draw it from another font.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

NBSP = "\u00a0"


def format_number(value, decimals: int | None = None) -> str:
    """``20500`` → ``"20 500"``, ``3.5`` → ``"3,5"``; ``None``, ``""`` and what is not a number → ``""``.

    ``decimals`` fixes the number of decimal places (rounded half up); without it an integer keeps none and a
    decimal keeps the places it has (``2.50`` → ``"2,50"``, ``2.0`` → ``"2"``). Strings of digits are accepted;
    a value that is already formatted is returned as it is, never doubled."""
    if value is None or value == "" or isinstance(value, bool):
        return ""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    elif isinstance(value, float) and number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = NBSP.join(groups)
    if fraction:
        result += "," + fraction
    if sign and result.strip("0,\u00a0"):
        result = "\u2212" + result  # the minus sign, not a hyphen
    return result


def format_currency(value, decimals: int | None = None, symbol: str = "€") -> str:
    """``12000`` → ``"12 000 €"``; empty for ``None`` like :func:`format_number`."""
    number = format_number(value, decimals)
    return f"{number}{NBSP}{symbol}" if number else ""
