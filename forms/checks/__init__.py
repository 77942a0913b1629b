"""Checks a clerk can trust: every problem of a report, in Thai, with the field it is in.

    from forms.checks import check_report, Problem, Severity
    problems = check_report(report, today=date.today())

The rules are declared in `forms.checks.rules.RULES` (id, severity, function); paths name
fields as in the JSON (`objectives[3]`, `progress_reports[5].date`, see `paths`); known
misspellings are data (`forms/data/misspellings.tsv`). Checks never change a report:
misspellings and damaged quotes carry a `Fix` that the window applies with `apply_fix`
only when the clerk clicks it.
"""

from __future__ import annotations

from forms.checks.fixes import FixNotApplicableError, apply_fix
from forms.checks.paths import PathParts, parse_path
from forms.checks.problem import Fix, Problem, Severity, format_problem
from forms.checks.rules import RULES, RULES_BY_ID, Rule
from forms.checks.run import check_report

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "Fix",
    "FixNotApplicableError",
    "PathParts",
    "Problem",
    "Rule",
    "Severity",
    "apply_fix",
    "check_report",
    "format_problem",
    "parse_path",
]
