"""The district's workbook (`main.py summary --xlsx`, the window's summary view): the
summary table, every progress report of every project, and the quarterly figures, one
sheet each (`forms.export.tables`), written by `forms.export.xlsx_style`."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime

from forms.district.summary import Collected
from forms.export.tables import items_progress_table, quarter_table, summary_table
from forms.export.xlsx_style import cyclic_gc_paused, new_workbook, write_tables

TITLE = "สรุปรายงานความก้าวหน้าโครงการ"


def render(items: Sequence[Collected], today: date) -> bytes:
    out = io.BytesIO()
    with cyclic_gc_paused():
        workbook = new_workbook(out, TITLE, created=datetime(today.year, today.month, today.day))
        write_tables(
            workbook,
            (
                summary_table(items, today),
                items_progress_table(items),
                quarter_table(items),
            ),
        )
        workbook.close()
    return out.getvalue()
