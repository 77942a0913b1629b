"""The district's summary table as CSV (`main.py summary --csv`): one row per report, the
same columns as the workbook's first sheet (`forms.export.tables.summary_table`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from forms.district.summary import Collected
from forms.export.csv_table import render_csv
from forms.export.tables import summary_table


def render(items: Sequence[Collected], today: date) -> bytes:
    return render_csv(summary_table(items, today))
