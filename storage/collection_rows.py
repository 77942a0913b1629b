"""The rows of a district's collection (`storage.collection`): the columns of one stored
copy of a report, the SQL that writes and reads them, and the summary row and words made
from them, so that the table never needs a report's JSON parsed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from forms.district.summary import SOURCE_APP_PDF, SOURCE_JSON, SummaryRow, summary_row
from forms.report import Report
from forms.thaidate import format_be_date
from storage.collection_reports import digest_of

# the columns `reports` and `history` share (storage.collection_migrations)
COLUMNS = (
    "project_code",
    "fiscal_year",
    "project_name",
    "agency_office",
    "agency_division",
    "agency_section",
    "budget_received",
    "budget_spent",
    "percent_spent",
    "latest_no",
    "latest_date",
    "latest_progress",
    "plan_status",
    "target_status",
    "progress_reports",
    "errors",
    "warnings",
    "source",
    "source_kind",
    "read_notes",
    "collected_at",
    "digest",
    "report_json",
)
COLUMN_LIST = ", ".join(COLUMNS)
INSERT = f"INSERT INTO reports ({COLUMN_LIST}) VALUES ({', '.join(':' + c for c in COLUMNS)})"
UPDATE = "UPDATE reports SET " + ", ".join(f"{c} = :{c}" for c in COLUMNS) + " WHERE id = :id"
TO_HISTORY = (
    f"INSERT INTO history ({COLUMN_LIST}, replaced_at, why)"
    f" SELECT {COLUMN_LIST}, ?, ? FROM reports WHERE id = ?"
)
INSERT_HISTORY = (
    f"INSERT INTO history ({COLUMN_LIST}, replaced_at, why)"
    f" VALUES ({', '.join(':' + c for c in COLUMNS)}, :replaced_at, :why)"
)
# what the summary table is built from, without the reports' JSON
ROW_COLUMNS = (
    "id",
    "agency_office",
    "agency_division",
    "agency_section",
    "project_code",
    "project_name",
    "fiscal_year",
    "budget_received",
    "budget_spent",
    "percent_spent",
    "latest_no",
    "latest_date",
    "latest_progress",
    "plan_status",
    "target_status",
    "errors",
    "warnings",
    "source",
    "source_kind",
    "collected_at",
)
SELECT_ROWS = f"SELECT {', '.join(ROW_COLUMNS)} FROM reports"
ITEMS_SQL = (
    f"{SELECT_ROWS} ORDER BY agency_office, agency_division, agency_section, project_code,"
    " fiscal_year"
)
EXACT_SOURCES = (SOURCE_APP_PDF, SOURCE_JSON)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def copy_row(
    report: Report,
    *,
    errors: int,
    warnings: int,
    source: str,
    source_kind: str,
    notes: Sequence[str] = (),
    collected_at: str = "",
) -> dict[str, Any]:
    """The columns of one stored copy of `report`."""
    from forms.interchange import dumps

    row = summary_row(report, errors, warnings)
    text = dumps(report, indent=None)
    return {
        "project_code": report.project_code.strip(),
        "fiscal_year": report.fiscal_year,
        "project_name": row.project_name,
        "agency_office": row.agency_office,
        "agency_division": row.agency_division,
        "agency_section": row.agency_section,
        "budget_received": _text(row.budget_received),
        "budget_spent": _text(row.budget_spent),
        "percent_spent": _text(row.percent_spent),
        "latest_no": row.latest_no,
        "latest_date": row.latest_date.isoformat() if row.latest_date else None,
        "latest_progress": _text(row.latest_progress),
        "plan_status": row.plan_status,
        "target_status": row.target_status,
        "progress_reports": len(report.progress_reports),
        "errors": errors,
        "warnings": warnings,
        "source": source,
        "source_kind": source_kind,
        "read_notes": json.dumps(list(notes), ensure_ascii=False),
        "collected_at": collected_at or now(),
        "digest": digest_of(text),
        "report_json": text,
    }


def summary_from_columns(values: Sequence[Any]) -> SummaryRow:
    """A `SummaryRow` from the stored columns `ROW_COLUMNS[1:17]`."""
    (office, division, section, code, name, year, received, spent, percent) = values[:9]
    (no, when, progress, plan, target, errors, warnings) = values[9:16]
    return SummaryRow(
        agency_office=office,
        agency_division=division,
        agency_section=section,
        project_code=code,
        project_name=name,
        fiscal_year=year,
        budget_received=_decimal(received),
        budget_spent=Decimal(spent),
        percent_spent=_decimal(percent),
        latest_no=no,
        latest_date=date.fromisoformat(when) if when else None,
        latest_progress=_decimal(progress),
        plan_status=plan,
        target_status=target,
        errors=errors,
        warnings=warnings,
    )


def recency_of(row: dict[str, Any]) -> tuple[str, int, int]:
    """`forms.district.summary.recency` from stored columns (ISO dates sort as dates)."""
    return (row["latest_date"] or "", row["latest_no"] or 0, row["progress_reports"])


def progress_words(row: dict[str, Any]) -> str:
    if not row["progress_reports"]:
        return "ยังไม่มีรายงานความก้าวหน้า"
    when = row["latest_date"]
    on = f" วันที่ {format_be_date(date.fromisoformat(when))}" if when else " ไม่ระบุวันที่"
    return f"รายงานล่าสุดครั้งที่ {row['latest_no']}{on}"


def project_words(row: dict[str, Any]) -> str:
    return f"โครงการ {row['project_code']} ปีงบประมาณ {row['fiscal_year']}"


def unkeyed(report: Report) -> str:
    """Why a report cannot be told apart from others (no code or no year), or ''."""
    if not report.project_code.strip():
        return (
            f'รายงาน "{report.project_name or "ไม่มีชื่อโครงการ"}" ไม่มีรหัสโครงการ'
            " จึงบอกไม่ได้ว่าเป็นโครงการใด — ให้ผู้ส่งกรอกรหัสโครงการแล้วส่งมาใหม่"
        )
    if report.fiscal_year is None:
        return f"โครงการ {report.project_code.strip()} ไม่มีปีงบประมาณ — ให้ผู้ส่งกรอกปีงบประมาณแล้วส่งมาใหม่"
    return ""
