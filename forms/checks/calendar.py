"""Calendar rules of the checks on top of `forms.thaidate`: plausible BE years, CE years
typed by mistake, and the fiscal year of a report when it can be known.
"""

from __future__ import annotations

from datetime import date

from forms.thaidate import be_year, fiscal_year_bounds

PLAUSIBLE_BE_YEARS = range(2500, 2701)  # fiscal years a report can have (BE 2500-2700)


def is_plausible_be_year(year: int) -> bool:
    return year in PLAUSIBLE_BE_YEARS


def be_year_if_ce_typed(year: int) -> int | None:
    """The BE year meant when a CE year was typed (`2024` gives 2567), else None.

    Only CE years whose BE year is plausible count, so a mistyped BE year such as 2466 is
    not mistaken for CE 1923.
    """
    if is_plausible_be_year(year):
        return None
    meant = be_year(year)
    return meant if is_plausible_be_year(meant) else None


def fiscal_bounds(year: int | None) -> tuple[date, date] | None:
    """1 Oct - 30 Sep of a plausible BE fiscal year; None when the year is empty or implausible."""
    if year is None or not is_plausible_be_year(year):
        return None
    return fiscal_year_bounds(year)
