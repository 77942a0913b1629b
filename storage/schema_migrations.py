"""The drafts database's schema history, as sqlite-utils `Migrations` steps.

Every step is FROZEN: its SQL spells out its tables and columns literally and never reads
`forms.schema`, so a database made years ago is upgraded by exactly the steps it missed,
whatever the form looks like today. A new field means a new step (e.g. an
`ALTER TABLE drafts ADD COLUMN ...`) appended to `STEPS`; never edit a step once released.
`tests/test_storage_migrations.py` asserts that every schema field has a column.

Storage types: text as TEXT, years and numbers as INTEGER, dates as ISO `YYYY-MM-DD` TEXT,
money and percent as TEXT holding the exact Decimal (never REAL, which would lose satang),
lists of text as JSON TEXT, and the texts typed where a value could not be read (a column
`typed` in both tables, not a form field) as a JSON object TEXT.

`sqlite_utils` is imported only when migrations are actually applied: its import costs more
than half of the command line's start-up budget, and an up-to-date database needs none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "bma_project_report_drafts"
# A district's collection of reports (`storage.collection`) is a database of this program
# too, with steps of its own (`storage.collection_migrations`) under this set's name.
COLLECTION_MIGRATION_SET = "bma_project_report_collection"
# What each kind of this program's database is, in Thai: one given where the other is
# wanted is refused naming what it is.
KIND_NAMES = {
    MIGRATION_SET: "ฐานข้อมูลร่างรายงาน",
    COLLECTION_MIGRATION_SET: "ชุดรวมรายงานของเขต",
}
# The table sqlite-utils' Migrations records applied steps in (`Migrations.migrations_table`;
# a test keeps the two equal). Read directly so that opening needs no sqlite_utils import.
MIGRATIONS_TABLE = "_sqlite_migrations"

Step = tuple[str, Callable[["Database"], None]]


def m001_drafts_and_progress_reports(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            project_name TEXT NOT NULL DEFAULT '',
            project_code TEXT NOT NULL DEFAULT '',
            fiscal_year INTEGER,
            start_date TEXT,
            end_date TEXT,
            budget_received TEXT,
            agency_office TEXT NOT NULL DEFAULT '',
            agency_division TEXT NOT NULL DEFAULT '',
            agency_section TEXT NOT NULL DEFAULT '',
            responsible_person TEXT NOT NULL DEFAULT '',
            coordinator_name TEXT NOT NULL DEFAULT '',
            coordinator_phone TEXT NOT NULL DEFAULT '',
            rationale TEXT NOT NULL DEFAULT '[]',
            objectives TEXT NOT NULL DEFAULT '[]',
            targets_quantity TEXT NOT NULL DEFAULT '[]',
            targets_quality TEXT NOT NULL DEFAULT '[]',
            strategic_issue TEXT NOT NULL DEFAULT '',
            strategic_sub_issue TEXT NOT NULL DEFAULT '',
            strategic_goal TEXT NOT NULL DEFAULT '',
            indicator TEXT NOT NULL DEFAULT '',
            signer_name TEXT NOT NULL DEFAULT '',
            signer_position TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX drafts_by_change ON drafts (updated_at)")
    db.execute(
        """
        CREATE TABLE progress_reports (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            "no" INTEGER,
            "date" TEXT,
            narrative TEXT NOT NULL DEFAULT '',
            progress_percent TEXT,
            budget_used TEXT,
            plan_status TEXT,
            target_status TEXT,
            UNIQUE (draft_id, position)
        )
        """
    )


def m002_typed_texts(db: Database) -> None:
    """The texts a clerk typed into a date or number box that cannot be read as its value
    (`forms.report`'s `typed`), as a JSON object {field key: text}; '{}' for none."""
    db.execute("ALTER TABLE drafts ADD COLUMN typed TEXT NOT NULL DEFAULT '{}'")
    db.execute("ALTER TABLE progress_reports ADD COLUMN typed TEXT NOT NULL DEFAULT '{}'")


def m003_listing_index(db: Database) -> None:
    """Every column of the drafts list (`storage.summaries.SUMMARY_SQL`) in one index, so
    listing reads the index (1.4 MB for 5,000 drafts) rather than a page of each draft's
    row (20 MB): the window opens 30-50 ms sooner when the file is not in the OS cache."""
    db.execute(
        "CREATE INDEX drafts_listing ON drafts (updated_at, id, deleted_at, project_name,"
        " project_code, fiscal_year, agency_office, agency_division, agency_section)"
    )


# Append new steps here; never change or reorder released ones.
STEPS: tuple[Step, ...] = (
    ("m001_drafts_and_progress_reports", m001_drafts_and_progress_reports),
    ("m002_typed_texts", m002_typed_texts),
    ("m003_listing_index", m003_listing_index),
)


# Steps a database may lack and still be read as it is (by the read-only commands, and
# when restoring from a backup made before them): `storage.rows` reads what they add as
# absent (no `typed` column: no typed texts). A step that changes what is there never is.
READABLE_WITHOUT: frozenset[str] = frozenset({"m002_typed_texts", "m003_listing_index"})


def step_names(steps: tuple[Step, ...] = STEPS) -> tuple[str, ...]:
    return tuple(name for name, _ in steps)


def build_migrations(
    steps: tuple[Step, ...] = STEPS, migration_set: str = MIGRATION_SET
) -> Migrations:
    """A sqlite-utils migration set holding `steps` in order (tests add test-only steps)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(migration_set)
    for name, fn in steps:
        migrations(name=name)(fn)
    return migrations
