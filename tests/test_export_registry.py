"""The one registry of export formats (`forms.export`): every entry resolves to its
renderer, listing them loads no engine, and `main.py export --pdf/--json/--xlsx/--csv`
takes its options and its renderers from it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from forms.export import (
    REPORT_FORMATS,
    SUMMARY_FORMATS,
    ReportExportOptions,
    by_key,
    render_report,
)
from forms.interchange import loads
from tests.cli import run_cli
from tests.conftest import DATA, ROOT

SAMPLE = DATA / "sample_report.json"
ALL = [("report", fmt) for fmt in REPORT_FORMATS] + [("summary", fmt) for fmt in SUMMARY_FORMATS]


@pytest.mark.parametrize(("kind", "fmt"), ALL, ids=[f"{k}-{f.key}" for k, f in ALL])
def test_every_entry_names_a_renderer_that_exists(kind, fmt):
    render = fmt.load()
    assert callable(render)
    assert fmt.suffix == f".{fmt.key}" and fmt.option == f"--{fmt.key}"
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in fmt.label + fmt.help)  # Thai words


def test_keys_are_unique_in_each_registry():
    for formats in (REPORT_FORMATS, SUMMARY_FORMATS):
        keys = [fmt.key for fmt in formats]
        assert len(keys) == len(set(keys))
    assert {fmt.key for fmt in REPORT_FORMATS} == {"pdf", "json", "xlsx", "csv"}
    with pytest.raises(KeyError):
        by_key(REPORT_FORMATS, "docx")


def test_listing_the_formats_loads_no_pdf_or_excel_engine():
    code = (
        "import sys; from forms.export import REPORT_FORMATS, SUMMARY_FORMATS\n"
        "print([f.option for f in REPORT_FORMATS + SUMMARY_FORMATS])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'xlsxwriter', 'reportlab', 'uharfbuzz', 'openpyxl', 'icu4py'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[1] == "[]"


def test_each_report_format_renders_the_sample(sample_report):
    options = ReportExportOptions()
    out = {fmt.key: render_report(fmt, sample_report, options) for fmt in REPORT_FORMATS}
    assert out["pdf"].startswith(b"%PDF-")
    assert loads(out["json"]) == sample_report
    assert json.loads(out["json"])["budget_spent"] == 205090
    assert zipfile.is_zipfile(io.BytesIO(out["xlsx"]))
    assert out["csv"].startswith(b"\xef\xbb\xbf")


def test_the_command_line_offers_every_report_format():
    run = run_cli(Path("unused.db"), "export", "--help")
    assert run.returncode == 0, run.stderr
    text = " ".join(run.stdout.split())
    for fmt in REPORT_FORMATS:
        assert f"{fmt.option} OUT" in text
        assert " ".join(fmt.help.split()) in text


def test_export_writes_the_progress_log_as_xlsx_and_csv_with_the_pdf(tmp_path: Path):
    folder = tmp_path / "ส่งเขต"
    folder.mkdir()
    xlsx, csv, pdf = folder / "ความก้าวหน้า.xlsx", folder / "ความก้าวหน้า.csv", folder / "r.pdf"
    run = run_cli(tmp_path / "d.db", "export", SAMPLE, "--xlsx", xlsx, "--csv", csv, "--pdf", pdf)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and run.stderr == ""  # the sample has warnings only
    sheet = openpyxl.load_workbook(xlsx)["ความก้าวหน้า"]
    assert sheet["B1"].value == "พัฒนาคูณภาพเครือข่ายโรงเรียน"
    text = csv.read_bytes().decode("utf-8-sig")
    assert text.count("\r\n") == 1 + len(loads(SAMPLE.read_bytes()).progress_reports)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == sorted([xlsx.name, csv.name, pdf.name])
    assert not (tmp_path / "d.db").exists()  # a file exported straight: no draft made


def test_export_without_an_output_names_every_format(tmp_path: Path):
    run = run_cli(tmp_path / "d.db", "export", SAMPLE)
    assert run.returncode == 2
    for fmt in REPORT_FORMATS:
        assert f"{fmt.option} OUT" in run.stderr


def test_two_formats_into_one_file_are_refused_and_nothing_written(tmp_path: Path):
    out = tmp_path / "same.xlsx"
    run = run_cli(tmp_path / "d.db", "export", SAMPLE, "--xlsx", out, "--csv", out)
    assert run.returncode == 2
    assert "--xlsx" in run.stderr and "--csv" in run.stderr
    assert not out.exists()
