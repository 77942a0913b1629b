"""`check_report`: run every rule of `forms.checks.rules.RULES` over one report."""

from __future__ import annotations

from datetime import date

from forms.checks.context import Context
from forms.checks.paths import path_order
from forms.checks.problem import Problem
from forms.checks.rules import RULES
from forms.report import Report


def check_report(report: Report, today: date | None = None) -> list[Problem]:
    """Every problem of the report, in printed order of its fields.

    Never changes the report and never raises for a report the JSON format admits;
    `today` (default: the computer's date) is what "not in the future" means.
    """
    ctx = Context(report, today if today is not None else date.today())
    problems = [
        Problem(rule.severity, f.path, f.message, rule.id, f.fix)
        for rule in RULES
        for f in rule.check(ctx)
    ]
    problems.sort(key=lambda p: path_order(p.path))  # stable: rule order within a field
    return problems
