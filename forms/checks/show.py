"""How messages show the clerk's values: short quoted text, exact numbers, BE dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from forms.thaidate import format_be_date

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_HUGE_EXPONENT = 30  # beyond this a plain digit string would flood the message


def show_text(text: str, limit: int = 40) -> str:
    """The text quoted for a message: control characters made visible, long text cut."""
    visible = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    if len(visible) > limit:
        visible = visible[: limit - 1] + "…"
    return f'"{visible}"'


def show_number(value: Decimal) -> str:
    """The value exactly as typed (`1.234`, `-5`), or in E notation when enormous."""
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int) or abs(exponent) > _HUGE_EXPONENT:
        return f"{value:E}"
    return f"{value:f}"


def show_date(d: date) -> str:
    return format_be_date(d)
