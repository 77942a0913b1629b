"""One report's progress log as an Excel sheet (`main.py export ID --xlsx`, the window's
ส่งออกเป็น menu): the project's lines on top (name, code, year, agency, dates, budget),
then the log, its header frozen with an autofilter."""

from __future__ import annotations

import io

from forms.export import ReportExportOptions
from forms.export.tables import log_table, report_header
from forms.export.xlsx_style import SheetWriter, Styles, new_workbook
from forms.report import Report

TITLE = "รายงานความก้าวหน้าของโครงการ"
SECOND_PAIR = 4  # the column of the second label on a header line (the plan status column)


def render(report: Report, options: ReportExportOptions | None = None) -> bytes:
    out = io.BytesIO()
    workbook = new_workbook(out, report.project_name or TITLE)
    table = log_table(report)
    writer = SheetWriter(workbook, Styles(workbook), table.name)
    header = report_header(report)
    for row, items in enumerate(header):
        # the second pair sits over the status columns, clear of the first's long text
        for (label, kind, value), col in zip(items, (0, SECOND_PAIR), strict=False):
            writer.label(row, col, label)
            if value is not None and value != "":
                writer.cell(row, col + 1, kind, value, fit=False)
    writer.table(table, first_row=len(header) + 1)
    writer.finish()
    workbook.close()
    return out.getvalue()
