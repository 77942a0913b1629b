"""What a check finds: a `Problem` (severity, field path, Thai message, rule) and its `Fix`.

A `Fix` is only a proposal: the checks never change a report; the window offers the fix as
one click and applies it with `forms.checks.apply_fix`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the report should not be submitted like this
    WARNING = "warning"  # probably wrong; the clerk decides


@dataclass(frozen=True)
class Fix:
    """Replace every `old_text` in the text at `path` with `new_text`."""

    path: str
    old_text: str
    new_text: str

    def apply_to(self, text: str) -> str:
        return text.replace(self.old_text, self.new_text)


@dataclass(frozen=True)
class Problem:
    severity: Severity
    path: str  # `project_code`, `objectives[3]`, `progress_reports[5].date`
    message: str  # Thai: names the field and the values, says what to do
    rule: str  # the id of the rule in `forms.checks.rules.RULES`
    fix: Fix | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def format_problem(problem: Problem) -> str:
    """`severity<TAB>field<TAB>message`, one line (the CLI's output format)."""
    message = " ".join(problem.message.split())
    return f"{problem.severity.value}\t{problem.path}\t{message}"
