"""Money and percent as the printout writes them, and as a clerk types them.

Formatting goes through Babel's Thai locale (thousands separators); Decimal throughout.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from forms.thaidate import THAI_DIGITS

_TYPED_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")


# Babel formats through a Decimal context of 28 digits: a value this large (a damaged
# draft's; typing and import refuse over 15 digits) is written as Python writes it, so it
# stays visible, and the checks say what is wrong with it
_FORMATTABLE_DIGITS = 25


def _unformattable(value: Decimal) -> bool:
    return not value.is_finite() or value.adjusted() >= _FORMATTABLE_DIGITS


def _format(value: Decimal, pattern: str) -> str:
    # Babel on first use, as `forms.thaidate` loads it: the report model (`forms.kinds`)
    # imports this module, and listing drafts or starting the window formats no number
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale="th", decimal_quantization=True)


def format_money(value: Decimal | None) -> str:
    """`180,000` or `1,234.50` (decimals only when there are satang); '' when empty."""
    if value is None:
        return ""
    if _unformattable(value):
        return str(value)
    has_satang = value != value.to_integral_value()
    pattern = "#,##0.00" if has_satang else "#,##0"
    return _format(value, pattern)


def format_percent(value: Decimal | None) -> str:
    """`20.00` (always two decimals); '' when empty."""
    if value is None:
        return ""
    if _unformattable(value):
        return str(value)
    return _format(value, "0.00")


def parse_number(text: str, unit: str = "") -> Decimal | None:
    """A number typed by a clerk: Thai digits, thousands commas and spaces allowed; '' gives None.

    `unit` (`บาท`, `%`) may follow the number, as printouts write it and clerks copy it:
    `parse_number("180,000 บาท", "บาท")` is 180000. Raises ValueError for anything else
    (the unit alone, with no number, too).
    """
    cleaned = text.translate(THAI_DIGITS).replace(",", "").replace(" ", "").replace("\u00a0", "")
    if unit and cleaned.endswith(unit):
        cleaned = cleaned.removesuffix(unit)
        if not cleaned:
            raise ValueError(text)
    if not cleaned:
        return None
    if not _TYPED_NUMBER.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None


def decimal_places(value: Decimal) -> int:
    """How many decimals carry information (`20.000` has 0, `1.005` has 3): the JSON
    import and the checks both hold money and percent to 2.

    Counted on the digit tuple: `quantize` raises on huge values, `normalize` rounds them.
    """
    sign_digits_exponent = value.as_tuple()
    digits, exponent = sign_digits_exponent.digits, sign_digits_exponent.exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    places = -exponent
    for digit in reversed(digits):
        if digit != 0 or places == 0:
            break
        places -= 1
    return places
