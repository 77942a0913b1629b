"""The report as the JSON interchange file (`forms.interchange`, with budget_spent)."""

from __future__ import annotations

from forms.export import ReportExportOptions
from forms.interchange import dumps
from forms.report import Report


def render(report: Report, options: ReportExportOptions | None = None) -> bytes:
    return (dumps(report) + "\n").encode("utf-8")
