"""For any report the JSON format admits, checking never crashes and never changes it."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from forms.checks import Severity, apply_fix, check_report, format_problem, parse_path
from forms.checks.paths import get_text
from forms.checks.spelling import misspellings
from forms.interchange import dumps, loads
from forms.report import Report
from tests.strategies import reports, thai_text

# Values JSON admits beyond the usual strategy: any int year, any finite number.
wild_numbers = st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [Decimal("1E+999999"), Decimal("-1E+999999"), Decimal("1E-999999"), Decimal("0E+5")]
)
wild_text = st.text(max_size=40)


@st.composite
def wild_reports(draw) -> Report:
    report = draw(reports(max_reports=6))
    progress = [
        replace(
            r,
            no=draw(st.integers(-(10**20), 10**20)),
            progress_percent=draw(st.none() | wild_numbers),
            budget_used=draw(st.none() | wild_numbers),
            narrative=draw(wild_text),
        )
        for r in report.progress_reports
    ]
    return replace(
        report,
        fiscal_year=draw(st.none() | st.integers(-(10**30), 10**30)),
        budget_received=draw(st.none() | wild_numbers),
        project_name=draw(wild_text),
        objectives=draw(st.lists(wild_text, max_size=4)),
        progress_reports=progress,
    )


def _check(report: Report, today: date) -> None:
    before = copy.deepcopy(report)
    problems = check_report(report, today=today)
    assert report == before
    for p in problems:
        assert isinstance(p.severity, Severity) and p.message and p.rule
        assert parse_path(p.path) is not None, p.path
        assert len(format_problem(p).split("\t")) == 3


@given(reports(), st.dates())
def test_checking_any_report_never_crashes_nor_changes_it(report: Report, today: date):
    _check(report, today)


@given(wild_reports(), st.dates())
def test_checking_extreme_values_never_crashes_nor_changes_it(report: Report, today: date):
    _check(report, today)


@given(reports())
def test_every_report_read_back_from_json_checks_the_same(report: Report):
    today = date(2026, 11, 24)
    assert check_report(loads(dumps(report)), today=today) == check_report(report, today=today)


# Texts holding what the fixes are for: known misspellings and quotes damaged into `?`.
damage = st.sampled_from([*misspellings(), "?ครูดีเด่น?", "?ก?", "??"])
typo_text = st.lists(thai_text | damage, max_size=5).map("".join)


@given(reports(), st.lists(typo_text, min_size=1, max_size=4), typo_text)
def test_every_offered_fix_applies_and_leaves_the_original_alone(report, objectives, name):
    report = replace(report, objectives=objectives, project_name=name)
    before = copy.deepcopy(report)
    problems = check_report(report, today=date(2026, 11, 24))
    fixes = [p.fix for p in problems if p.fix is not None]
    for fix in fixes:
        fixed = apply_fix(report, fix)
        assert report == before
        assert get_text(fixed, fix.path) == fix.apply_to(get_text(report, fix.path))
