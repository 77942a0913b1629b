"""What a killed run left behind, read straight through sqlite3 (the app's code is what is
under test, so the judge does not use it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def last_draft_name(db: Path) -> tuple[bool, str | None]:
    """(damaged, the newest draft's project name or None) of the database at `db`."""
    conn = sqlite3.connect(db)
    try:
        damaged = conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        try:
            row = conn.execute(
                "SELECT project_name FROM drafts ORDER BY id DESC LIMIT 1"
            ).fetchone()
        except sqlite3.OperationalError:  # killed before the table was made
            row = None
    finally:
        conn.close()
    return damaged, (row[0] if row else None)
