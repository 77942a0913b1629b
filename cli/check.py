"""`main.py check ID|FILE.json`: one problem per line; exit 1 on errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK
from cli.sources import load_report

EXIT_PROBLEMS = 1  # `check` found errors (warnings alone exit 0)


def run_check(args: argparse.Namespace, db_path: Path) -> int:
    """Every problem, `severity<TAB>field<TAB>message` on stdout; the counts on stderr."""
    from forms.checks import check_report, format_problem

    report = load_report(args.source, db_path)
    problems = check_report(report)
    if problems:
        sys.stdout.write("".join(f"{format_problem(p)}\n" for p in problems))
        sys.stdout.flush()
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if errors:
        sys.stderr.write(
            f"พบข้อผิดพลาด {errors} รายการ และคำเตือน {warnings} รายการ — แก้ข้อผิดพลาดก่อนส่งรายงาน\n"
        )
    elif warnings:
        sys.stderr.write(f"ไม่มีข้อผิดพลาด มีคำเตือน {warnings} รายการ — ตรวจคำเตือนก่อนส่งรายงาน\n")
    else:
        sys.stderr.write("ไม่พบปัญหา\n")
    return EXIT_PROBLEMS if errors else EXIT_OK
