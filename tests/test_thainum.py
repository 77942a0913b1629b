"""Money and percent as printed and as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms.thainum import format_money, format_percent, parse_number


@pytest.mark.parametrize(
    ("value", "text"),
    [("180000", "180,000"), ("205090.00", "205,090"), ("1234.5", "1,234.50"), ("0", "0")],
)
def test_money_as_printed(value, text):
    assert format_money(Decimal(value)) == text


def test_percent_has_two_decimals():
    assert format_percent(Decimal(20)) == "20.00"
    assert format_percent(Decimal("113.944")) == "113.94"


@pytest.mark.parametrize(
    ("text", "value"), [("180,000", "180000"), (" 1 234.50", "1234.50"), ("๑๒.๕", "12.5")]
)
def test_typed_numbers(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "1.2.3", "1e5", "١٢", "12บาท"])
def test_non_numbers_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_empty_is_none():
    assert parse_number("") is None
    assert format_money(None) == "" and format_percent(None) == ""
