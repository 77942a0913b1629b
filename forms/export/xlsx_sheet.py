"""The worksheet class of this app's workbooks: XlsxWriter's own, with shortcuts for the
440,000 cells of a district's workbook, and not one byte of the file changed.

Subclassing `Worksheet` through `Workbook.add_worksheet(name, worksheet_class)` is how
XlsxWriter's own examples (`inheritance1.py`, `inheritance2.py`) extend it. The shortcuts
write no XML (XlsxWriter writes all of it, as ever):

- `numbers` and `texts` put a column of values into the sheet's cell table as
  `write_number` and `write_string` would, cell by cell, but check the column's bounds
  once rather than at each cell (and any value they would treat specially, a number that
  is not finite or a text over half Excel's length limit, still goes through them);
- `_escape_attributes`, which XlsxWriter calls for each attribute of each cell as it
  writes the XML, returns a whole number (a cell's style index) at once: XlsxWriter's own
  returns it unchanged too, but only after its regular expression raised a TypeError on
  it, and that exception cost a sixth of the time of writing the file (a text, a cell's
  `A1` name, is searched with XlsxWriter's own expression, and escaped by it if need be);
- `_calculate_spans` (each 16 rows' first and last column, an optional hint in the file)
  finds the same spans from each row's cells instead of trying every column of every row;
- `_write_rows` writes a row's number and shared-text cells that carry their own format
  (every cell of this app's workbooks) as one string, the very text XlsxWriter's
  `_write_cell` writes for each (`<c r="B7" s="3"><v>1.5</v></c>`, `t="s"` for a text);
  any other cell goes through `_write_cell`, and a sheet with comments or in the
  constant_memory mode through XlsxWriter's own `_write_rows`. Writing the cells was
  two thirds of the workbook's time, most of it in building each cell's attribute list.

`tests/test_export_fast_paths.py` holds a workbook written with this class byte for byte
equal to one written with XlsxWriter's, so an XlsxWriter release that changes what these
shortcuts rely on shows there.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count
from math import isfinite
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellDatetimeTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)
from xlsxwriter.xmlwriter import xml_escapes

_escape_attributes = Worksheet._escape_attributes
_ESCAPED = xml_escapes  # the characters XlsxWriter's `_escape_attributes` escapes
_NUMBERS = (CellNumberTuple, CellDatetimeTuple)  # `_write_cell` writes both as a number


class FastWorksheet(Worksheet):
    """`Worksheet` with `numbers(first_row, col, values, format)` and `texts(...)`."""

    def __init__(self) -> None:
        super().__init__()
        self._styles: dict[Format, str] = {}  # a format's style attribute, once written

    def numbers(
        self,
        first_row: int,
        col: int,
        values: Sequence[float | int | None],
        cell_format: Format | None,
    ) -> None:
        """`write_number(first_row + i, col, value, cell_format)` for each value but None."""
        rows = [i for i, value in enumerate(values) if value is not None]
        if not rows:
            return
        present = [values[i] for i in rows]
        if self._bounds_differ(first_row + rows[0], first_row + rows[-1], col) or not all(
            map(isfinite, present)  # type: ignore[arg-type]
        ):
            for i in rows:  # XlsxWriter's own way: its errors, its limits
                self._write_number(first_row + i, col, values[i], cell_format)  # type: ignore[arg-type]
            return
        table = self.table
        for i, value in zip(rows, present, strict=True):
            table[first_row + i][col] = CellNumberTuple(value, cell_format)

    def texts(
        self, first_row: int, col: int, values: Sequence[str | None], cell_format: Format | None
    ) -> None:
        """`write_string(first_row + i, col, value, cell_format)` for each value but None
        and ''."""
        rows = [i for i, value in enumerate(values) if value]
        if not rows:
            return
        if self._bounds_differ(first_row + rows[0], first_row + rows[-1], col):
            for i in rows:
                self._write_string(first_row + i, col, values[i], cell_format)  # type: ignore[arg-type]
            return
        table, shared, longest = (
            self.table,
            self.str_table._get_shared_string_index,
            self.xls_strmax // 2,
        )
        for row, value in zip(count(first_row), values):
            if value:
                if len(value) > longest:  # may be over Excel's limit: XlsxWriter cuts it
                    self._write_string(row, col, value, cell_format)
                else:
                    table[row][col] = CellStringTuple(shared(value), cell_format)

    def _bounds_differ(self, first: int, last: int, col: int) -> bool:
        """Take the cells' rows and column into the sheet's dimensions, as `write_number`
        does for each cell; True when the plain way must be taken instead (a cell outside
        the sheet, or the constant_memory mode, which writes rows as they come)."""
        if self.constant_memory:
            return True
        return bool(self._check_dimensions(first, col) or self._check_dimensions(last, col))

    def _escape_attributes(self, attribute: Any) -> Any:
        if type(attribute) is int or (type(attribute) is str and not _ESCAPED.search(attribute)):
            return attribute  # as XlsxWriter's returns it: nothing in it to escape
        return _escape_attributes(self, attribute)

    def _calculate_spans(self) -> None:
        # XlsxWriter's looks at every column of every row in Python; the same spans here
        # from each row's first and last column (C-level `min` and `max` of its cells)
        if self.comments:  # comments widen the spans too: XlsxWriter's own way
            super()._calculate_spans()
            return
        blocks: dict[int, tuple[int, int]] = {}
        for row, cells in self.table.items():
            if not cells:
                continue
            first, last = min(cells), max(cells)
            block = blocks.get(row // 16)
            if block is not None:
                first, last = min(first, block[0]), max(last, block[1])
            blocks[row // 16] = (first, last)
        self.row_spans = {key: f"{first + 1}:{last + 1}" for key, (first, last) in blocks.items()}

    def _write_rows(self) -> None:
        if self.comments or self.constant_memory:
            super()._write_rows()
            return
        self._calculate_spans()
        table, row_info, spans = self.table, self.row_info, self.row_spans
        column_styles = self._column_styles()
        names = {col: xl_col_to_name(col) for col in range(self.dim_colmin, self.dim_colmax + 1)}  # type: ignore[arg-type]
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):  # type: ignore[arg-type]
            cells, info = table.get(row), row_info.get(row)
            if cells:
                self._write_row(row, spans.get(row // 16), info)
                row_format = info.row_format if info else None
                row_style = _style(row_format) if row_format else None
                self._write_cells(row, cells, row_style, column_styles, names)
                self._xml_end_tag("row")
            elif info is not None:  # a blank row with a height or a format only
                self._write_empty_row(row, spans.get(row // 16), info)

    def _column_styles(self) -> dict[int, str]:
        """The style attribute a cell without a format takes from its column's format."""
        return {
            col: _style(info.column_format)
            for col, info in self.col_info.items()
            if info.column_format is not None
        }

    def _write_cells(
        self,
        row: int,
        cells: dict[int, Any],
        row_style: str | None,
        columns: dict[int, str],
        names: dict[int, str],
    ) -> None:
        """The row's cells, left to right, as `_write_cell` writes each: a cell's own
        format first, then its row's, then its column's."""
        parts: list[str] = []
        line, styles = row + 1, self._styles
        for col in sorted(cells):
            cell = cells[col]
            kind = type(cell)
            if kind in _NUMBERS or kind is CellStringTuple:
                if cell.format:
                    style = styles.get(cell.format) or styles.setdefault(
                        cell.format, _style(cell.format)
                    )
                else:
                    style = row_style if row_style is not None else columns.get(col, "")
                ref = f"{names[col]}{line}"
                if kind is CellStringTuple:
                    parts.append(f'<c r="{ref}"{style} t="s"><v>{cell.string}</v></c>')
                else:
                    parts.append(f'<c r="{ref}"{style}><v>{cell.number:.16G}</v></c>')
                continue
            self.fh.write("".join(parts))
            parts.clear()
            self._write_cell(row, col, cell)
        self.fh.write("".join(parts))


def _style(cell_format: Format) -> str:
    return f' s="{cell_format._get_xf_index()}"'
