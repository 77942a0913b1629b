"""Report <-> database rows, driven by the live schema (`forms.schema`).

One column per scalar input field of `FIELDS` in table `drafts`, one per `PROGRESS_FIELDS`
key in `progress_reports`; the column name is the field key. Computed fields (`budget_spent`)
are never written. Both tables also have a `typed` column, not a form field: the report's
(and each progress report's) texts typed where a value could not be read, as a JSON object
{field key: text}. The columns themselves come from the frozen migrations
(`storage.schema_migrations`); a test checks the two agree.
"""

from __future__ import annotations

import json
from typing import Any

from forms.kinds import TYPED_KINDS, TYPES
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, PROGRESS_FIELDS, Field, Kind

DRAFT_FIELDS: tuple[Field, ...] = tuple(
    f for f in FIELDS if not f.computed and f.kind != Kind.REPORT_LIST
)
TYPED_COLUMN = "typed"
DRAFT_COLUMNS: tuple[str, ...] = (*(f.key for f in DRAFT_FIELDS), TYPED_COLUMN)
PROGRESS_COLUMNS: tuple[str, ...] = (*(f.key for f in PROGRESS_FIELDS), TYPED_COLUMN)
_TYPED_KEYS = frozenset(f.key for f in (*FIELDS, *PROGRESS_FIELDS) if f.kind in TYPED_KINDS)


def to_column(field: Field, value: Any) -> Any:
    """The SQLite value of a model value (as its kind keeps it: `forms.kinds`)."""
    return TYPES[field.kind].to_column(value)


def from_column(field: Field, value: Any) -> Any:
    """The model value of a SQLite value."""
    return TYPES[field.kind].from_column(value)


def typed_to_column(typed: dict[str, str]) -> str:
    return json.dumps(typed, ensure_ascii=False, sort_keys=True)


def typed_from_column(value: Any) -> dict[str, str]:
    """The typed texts of a `typed` column, for fields that take them. A damaged column
    (a bit flip) reads as none: its fields then show empty, and the draft still opens."""
    try:
        typed = json.loads(value) if isinstance(value, str) else {}
    except ValueError:
        return {}
    if not isinstance(typed, dict):
        return {}
    return {k: t for k, t in typed.items() if k in _TYPED_KEYS and isinstance(t, str)}


def draft_row(report: Report) -> dict[str, Any]:
    """The `drafts` columns of a report (without id and timestamps)."""
    row = {f.key: to_column(f, getattr(report, f.key)) for f in DRAFT_FIELDS}
    return {**row, TYPED_COLUMN: typed_to_column(report.typed)}


def progress_rows(draft_id: int, report: Report) -> list[dict[str, Any]]:
    """The `progress_reports` rows of a report, in order."""
    return [
        {
            "draft_id": draft_id,
            "position": position,
            **{f.key: to_column(f, getattr(item, f.key)) for f in PROGRESS_FIELDS},
            TYPED_COLUMN: typed_to_column(item.typed),
        }
        for position, item in enumerate(report.progress_reports)
    ]


def report_from_rows(draft: dict[str, Any], progress: list[dict[str, Any]]) -> Report:
    """The report held by one `drafts` row and its `progress_reports` rows (in order)."""
    values = {f.key: from_column(f, draft[f.key]) for f in DRAFT_FIELDS}
    values["progress_reports"] = [
        ProgressReport(
            **{f.key: from_column(f, row[f.key]) for f in PROGRESS_FIELDS},
            typed=typed_from_column(row.get(TYPED_COLUMN)),
        )
        for row in progress
    ]
    return Report(**values, typed=typed_from_column(draft.get(TYPED_COLUMN)))
