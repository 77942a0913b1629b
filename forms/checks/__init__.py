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

from typing import TYPE_CHECKING

from forms.lazy import lazy_getattr

# the names load on first use, so the printout reader's `forms.checks.paths` does not pay
# for every rule and the misspellings
_HOMES = {
    "FixNotApplicableError": "forms.checks.fixes",
    "apply_fix": "forms.checks.fixes",
    "PathParts": "forms.checks.paths",
    "parse_path": "forms.checks.paths",
    "Fix": "forms.checks.problem",
    "Problem": "forms.checks.problem",
    "Severity": "forms.checks.problem",
    "format_problem": "forms.checks.problem",
    "RULES": "forms.checks.rules",
    "RULES_BY_ID": "forms.checks.rules",
    "Rule": "forms.checks.rules",
    "check_report": "forms.checks.run",
}

if TYPE_CHECKING:
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

__getattr__ = lazy_getattr("forms.checks", _HOMES)
