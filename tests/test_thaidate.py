"""Thai calendar helpers: BE text, fiscal years, leap days, never 543 twice."""

from __future__ import annotations

from datetime import date

import pytest

from forms.thaidate import (
    ThaiDateError,
    add_years,
    fiscal_year_bounds,
    fiscal_year_of,
    format_be_date,
    format_printout_timestamp,
    format_thai_long_date,
    parse_be_date,
)


def test_be_date_text_round_trips():
    d = date(2023, 1, 30)
    assert format_be_date(d) == "30/01/2566"
    assert parse_be_date("30/01/2566") == d
    assert parse_be_date(format_be_date(d)) == d


def test_leap_day_2567():
    assert parse_be_date("29/02/2567") == date(2024, 2, 29)
    with pytest.raises(ThaiDateError):
        parse_be_date("29/02/2566")


def test_ce_year_typed_is_refused_with_be_hint():
    with pytest.raises(ThaiDateError, match="2567"):
        parse_be_date("01/10/2024")


@pytest.mark.parametrize("text", ["30-01-2566", "abc", "32/01/2566", "30/13/2566"])
def test_unreadable_dates_are_refused(text):
    with pytest.raises(ThaiDateError):
        parse_be_date(text)


def test_empty_text_is_no_date():
    assert parse_be_date("  ") is None
    assert format_be_date(None) == ""


def test_fiscal_year_edges():
    assert fiscal_year_bounds(2566) == (date(2022, 10, 1), date(2023, 9, 30))
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert fiscal_year_of(date(2022, 12, 31)) == 2566
    assert fiscal_year_of(date(2023, 1, 1)) == 2566


def test_printed_forms():
    assert format_printout_timestamp(date(2022, 10, 1)) == "2022-10-01 00:00:00"
    assert format_thai_long_date(date(2022, 10, 1)) == "1 ตุลาคม 2565"


def test_add_years_moves_leap_day_to_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2022, 10, 1), 1) == date(2023, 10, 1)
