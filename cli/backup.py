"""`main.py backup OUT` and `main.py restore FILE`: every draft into one file, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK, CliError
from cli.sources import draft_id


def add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", type=Path, help="ไฟล์สำรองที่จะเขียน เช่น ฉบับร่างทั้งหมด.db")


def run_backup(args: argparse.Namespace, db_path: Path) -> int:
    """Every draft and the bin into one file (to move them to another PC, or keep aside)."""
    from storage.drafts import DraftStore

    if not db_path.exists():
        raise CliError(f'ยังไม่มีฐานข้อมูล "{db_path}" จึงไม่มีฉบับร่างให้สำรอง — ตรวจที่อยู่ที่ให้ใน --db')
    out: Path = args.out
    if out.resolve() == db_path.resolve():
        raise CliError(f"{out} คือฐานข้อมูลที่เปิดอยู่ — ระบุไฟล์สำรองชื่ออื่น")
    with DraftStore.open_read_only(db_path) as store:
        store.copy_to(out)
        count = len(store.versions())
    sys.stderr.write(f"สำรองฉบับร่าง {count:,} ฉบับ (รวมถังขยะ) ไว้ที่ {out} แล้ว\n")
    return EXIT_OK


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", type=Path, help="ไฟล์สำรอง (จากคำสั่ง backup หรือโฟลเดอร์ backups)"
    )
    parser.add_argument(
        "--draft",
        metavar="ID",
        type=draft_id,
        action="append",
        help="กู้คืนเฉพาะร่างหมายเลขนี้ในไฟล์สำรอง (ซ้ำได้)",
    )


def run_restore(args: argparse.Namespace, db_path: Path) -> int:
    """Drafts of a backup file merged into the database: the new ids on stdout."""
    from storage.backups import restore
    from storage.drafts import DraftStore

    source: Path = args.file
    if not source.is_file():
        raise CliError(f"ไม่พบไฟล์สำรอง {source} — ตรวจชื่อและตำแหน่งไฟล์อีกครั้ง")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise CliError(f"{source} คือฐานข้อมูลที่เปิดอยู่ — ระบุไฟล์สำรอง")
    with DraftStore.open(db_path) as store:
        result = restore(store, source, args.draft)
    if result.ids:
        print("\n".join(map(str, result.ids)))
    skipped = f" ข้าม {len(result.skipped):,} ฉบับที่มีอยู่แล้ว" if result.skipped else ""
    sys.stderr.write(f"กู้คืนฉบับร่าง {len(result.ids):,} ฉบับ{skipped}\n")
    return EXIT_OK
