"""The district's view: many schools' reports read together (issue 11).

- `summary`: one `SummaryRow` per report (what the district table, the Excel workbook, the
  CSV and the summary PDF show) and its `QuarterFigure`s;
- `summary_pdf` (with `summary_table`): the summary as a landscape A4 PDF table;
- `filters`: the summary table's filters (window and `main.py summary` alike);
- `collect`: finding report files in folders and reading each as import does;
- the collection itself (a SQLite file of reports) lives in `storage.collection`.

Pure Python like the rest of `forms`: no Qt, no SQLite.
"""
