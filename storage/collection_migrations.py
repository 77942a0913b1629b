"""A district collection's schema history, as sqlite-utils `Migrations` steps.

Frozen like `storage.schema_migrations`' steps: never edit a released step, append one.
The steps are recorded under their own migration set (`COLLECTION_MIGRATION_SET`), so a
drafts database and a collection can never be taken for each other.

The tables are meant to be read by people too (Datasette, any SQLite browser):
- `reports`: the current copy of each report, one row per (project_code, fiscal_year),
  its summary-table values as plain columns and the whole report as interchange JSON;
- `history`: every copy that was replaced by a later one or came in older (`why`);
- `meta`: `fiscal_year`, when the collection holds one fiscal year only;
- the views `summary` (money and percent as numbers, for sorting and summing) and
  `progress` (every progress report of every current report, from the JSON).

Money and percent are TEXT holding the exact Decimal, as in the drafts database: a budget
may have 15 digits and satang, which REAL would round, and the summary read back from
these columns must equal the report's to the satang. The `summary` view casts them to
REAL for browsing (text would sort `9,000` after `10,000`). Dates are ISO `YYYY-MM-DD`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.schema_migrations import Step

if TYPE_CHECKING:
    from sqlite_utils import Database

# the columns `reports` and `history` share, in order (`storage.collection` writes them)
_COPY_COLUMNS = """
    project_code TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    project_name TEXT NOT NULL DEFAULT '',
    agency_office TEXT NOT NULL DEFAULT '',
    agency_division TEXT NOT NULL DEFAULT '',
    agency_section TEXT NOT NULL DEFAULT '',
    budget_received TEXT,
    budget_spent TEXT NOT NULL,
    percent_spent TEXT,
    latest_no INTEGER,
    latest_date TEXT,
    latest_progress TEXT,
    plan_status TEXT,
    target_status TEXT,
    progress_reports INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    source TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    read_notes TEXT NOT NULL DEFAULT '[]',
    collected_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    report_json TEXT NOT NULL
"""


def m001_reports_history_meta(db: Database) -> None:
    db.execute(
        f"CREATE TABLE reports (id INTEGER PRIMARY KEY, {_COPY_COLUMNS},"
        " UNIQUE (project_code, fiscal_year))"
    )
    db.execute(
        f"CREATE TABLE history (id INTEGER PRIMARY KEY, {_COPY_COLUMNS},"
        " replaced_at TEXT NOT NULL, why TEXT NOT NULL)"
    )
    # every column of the summary table, in its order: the window's first paint reads the
    # rows from this index alone, not from the table's pages, which hold each report's JSON
    # (15 times the size: a cold disk reads 2 MB instead of 30 for 5,000 reports)
    db.execute(
        "CREATE INDEX reports_summary ON reports (agency_office, agency_division,"
        " agency_section, project_code, fiscal_year, project_name, budget_received,"
        " budget_spent, percent_spent, latest_no, latest_date, latest_progress, plan_status,"
        " target_status, errors, warnings, source, source_kind, collected_at)"
    )
    db.execute("CREATE INDEX history_by_report ON history (project_code, fiscal_year)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        """
        CREATE VIEW summary AS SELECT
            agency_office, agency_division, agency_section, project_code, project_name,
            fiscal_year,
            CAST(budget_received AS REAL) AS budget_received,
            CAST(budget_spent AS REAL) AS budget_spent,
            CAST(percent_spent AS REAL) AS percent_spent,
            latest_no, latest_date,
            CAST(latest_progress AS REAL) AS latest_progress,
            plan_status, target_status, errors, warnings, source, source_kind, collected_at
        FROM reports
        """
    )
    db.execute(
        """
        CREATE VIEW progress AS SELECT
            r.project_code, r.fiscal_year, r.project_name, r.agency_office,
            json_extract(p.value, '$.no') AS no,
            json_extract(p.value, '$.date') AS date,
            json_extract(p.value, '$.progress_percent') AS progress_percent,
            json_extract(p.value, '$.budget_used') AS budget_used,
            json_extract(p.value, '$.plan_status') AS plan_status,
            json_extract(p.value, '$.target_status') AS target_status,
            json_extract(p.value, '$.narrative') AS narrative
        FROM reports AS r, json_each(r.report_json, '$.progress_reports') AS p
        """
    )


# Append new steps here; never change or reorder released ones.
COLLECTION_STEPS: tuple[Step, ...] = (("m001_reports_history_meta", m001_reports_history_meta),)
