"""One report's progress log as CSV (`main.py export ID --csv`): one row per progress
report, each naming its project (a CSV has no place for header lines), the same columns
as the district workbook's progress sheet."""

from __future__ import annotations

from forms.export import ReportExportOptions
from forms.export.csv_table import render_csv
from forms.export.tables import LOG_SHEET, progress_table
from forms.report import Report


def render(report: Report, options: ReportExportOptions | None = None) -> bytes:
    return render_csv(progress_table([report], name=LOG_SHEET))
