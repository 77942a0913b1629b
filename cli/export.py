"""`main.py export ID|FILE.json --pdf/--json/--xlsx/--csv OUT`: every format of
`forms.export.REPORT_FORMATS`, all written or none."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_OK, CliError, command_name, shell_word, write_files
from cli.sources import add_source_argument, load_report

if TYPE_CHECKING:
    from forms.export import ExportFormat
    from forms.report import Report


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    from forms.export import REPORT_FORMATS  # the registry alone: no PDF or Excel engine

    add_source_argument(parser)
    for fmt in REPORT_FORMATS:
        parser.add_argument(fmt.option, metavar="OUT", type=Path, help=fmt.help)
    parser.add_argument(
        "--justify",
        action="store_true",
        help="PDF: จัดข้อความชิดขอบทั้งสองด้านแบบกระจายอักษรไทย (ค่าปกติ: ชิดซ้ายเหมือนแบบพิมพ์ทางการ)",
    )
    parser.add_argument(
        "--long-dates",
        action="store_true",
        help="PDF: พิมพ์วันที่แบบไทยเต็ม เช่น 1 ตุลาคม 2565 (ค่าปกติ: เหมือนแบบพิมพ์ทางการ)",
    )


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    """Render every requested output in memory, then write them all or none."""
    from forms.export import REPORT_FORMATS, ReportExportOptions, render_report

    wanted = [(fmt, getattr(args, _dest(fmt))) for fmt in REPORT_FORMATS]
    wanted = [(fmt, out) for fmt, out in wanted if out is not None]
    if not wanted:
        options = " หรือ ".join(f"{fmt.option} OUT" for fmt in REPORT_FORMATS)
        raise CliError(f"ยังไม่ได้บอกว่าจะส่งออกเป็นไฟล์อะไร — ระบุ {options}")
    _check_distinct_outputs(wanted)
    report = load_report(args.source, db_path)
    style = ReportExportOptions(justify=args.justify, long_dates=args.long_dates)
    write_files([(out, render_report(fmt, report, style)) for fmt, out in wanted])
    if any(fmt.warns_of_errors for fmt, _out in wanted):
        _warn_of_errors(report, args)
    return EXIT_OK


def _warn_of_errors(report: Report, args: argparse.Namespace) -> None:
    """One Thai line on stderr when the written report has errors, and one naming the
    characters the PDF draws as empty boxes (the exit code stays 0)."""
    from forms.checks import check_report
    from forms.checks.glyphs import export_warning

    errors = sum(1 for p in check_report(report) if p.is_error)
    boxes = export_warning(report)
    if not errors and not boxes:
        return
    command = [command_name()]
    if args.db is not None and not isinstance(args.source, Path):
        command += ["--db", shell_word(str(args.db))]
    command += ["check", _source_word(args.source)]
    if errors:
        sys.stderr.write(
            f"คำเตือน: รายงานนี้ยังมีข้อผิดพลาด {errors} รายการ — ดูรายการด้วยคำสั่ง {' '.join(command)}\n"
        )
    if boxes:
        sys.stderr.write(f"คำเตือน: {boxes} — ดูช่องที่มีด้วยคำสั่ง {' '.join(command)}\n")


def _source_word(source: int | Path) -> str:
    """The ID|FILE argument that names `source` again (`Path("./1")` prints as `1`)."""
    text = str(source)
    if isinstance(source, Path) and text.isascii() and text.isdigit():
        text = f".{os.sep}{text}"
    return shell_word(text)


def _check_distinct_outputs(wanted: Sequence[tuple[ExportFormat, Path]]) -> None:
    """Two formats into one file would leave only the last one written."""
    seen: dict[Path, ExportFormat] = {}
    for fmt, out in wanted:
        first = seen.setdefault(out.resolve(), fmt)
        if first is not fmt:
            raise CliError(
                f'{first.option} และ {fmt.option} ระบุไฟล์เดียวกัน "{out}" — ตั้งชื่อไฟล์ปลายทางให้ต่างกัน'
            )


def _dest(fmt: ExportFormat) -> str:
    return fmt.option.lstrip("-").replace("-", "_")
