"""A `Table` as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Thai
as the ANSI code page's garbage), `\\r\\n` line ends, one header row.

Values: money and percentages as plain numbers with two decimals (`180000.00`, no
thousands separators, so every spreadsheet reads a number); dates as ISO `2023-01-30`
(CE), which Excel and LibreOffice read as a date and show in the PC's own date format
(Buddhist Era on a Thai Windows); a text that could start a formula gets `'` in front
(`forms.export.cells.csv_text`); a value the clerk typed that cannot be read is its text.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from forms.export.cells import Kind, Table, Value, csv_text
from forms.typed import Unreadable


def csv_value(kind: Kind, value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Unreadable):
        return csv_text(value.text)
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal) and kind in (Kind.MONEY, Kind.PERCENT, Kind.CHANGE):
        return f"{value:.2f}"
    return str(value)


def render_csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    kinds = [column.kind for column in table.columns]
    writer.writerow([csv_text(column.header) for column in table.columns])
    writer.writerows(
        [csv_value(kind, value) for kind, value in zip(kinds, values, strict=True)]
        for values in table.rows
    )
    return out.getvalue().encode("utf-8-sig")
