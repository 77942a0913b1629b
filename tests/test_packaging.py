"""The wheel is the app: built from the source, installed (not editable) into a fresh
environment, it exports a PDF and checks a report from a folder far from the checkout, and
it carries the runtime packages, fonts and data but no test code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

SKIP_DIRS = {".git", ".venv", ".ci", "build", "dist", "docs", "tests", "benchmarks", "packaging"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # built from a copy, so the checkout gets no build/ or .egg-info of setuptools'
    source = tmp_path_factory.mktemp("source") / "app"
    shutil.copytree(
        ROOT,
        source,
        ignore=lambda folder, names: [
            n for n in names if n in SKIP_DIRS or n == "__pycache__" or n.endswith(".egg-info")
        ],
    )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, source],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel installed; its bin (Scripts) folder."""
    env = tmp_path_factory.mktemp("env") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", env], check=True)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        check=True,
    )
    # The dependencies (PySide6, ReportLab …) come from the test environment, so the test
    # needs no network: a .pth line adds its site-packages *after* the fresh one. Lines of
    # a .pth do not run the .pth files in the folder they add, so the checkout's editable
    # install stays off and only the wheel's copy of the app can be imported.
    purelib = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (purelib / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python.parent


def _run(bin_dir: Path, cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [bin_dir / "bmareport", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def test_the_wheel_holds_every_runtime_package_and_the_fonts_but_no_tests(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "main.py",
        "forms/checks/rules.py",
        "forms/pdf/layout.py",
        "forms/printout/_pdf_worker.py",
        "forms/data/misspellings.tsv",
        "storage/drafts.py",
        "ui/main_window.py",
        "resources/fonts/Sarabun-Regular.ttf",
        "resources/fonts/Sarabun-Bold.ttf",
        "resources/fonts/OFL.txt",
        "resources/icons/save.svg",
        "resources/translations/qt_th.json",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "docs/"))]
    assert not [n for n in names if n.endswith(("samples.py", "ui/testing.py"))]


def test_the_installed_app_exports_and_checks_from_another_folder(installed, tmp_path):
    elsewhere = tmp_path / "ที่อื่น"
    elsewhere.mkdir()
    shutil.copy(DATA / "sample_report.json", elsewhere / "รายงาน.json")
    where = subprocess.run(
        [installed / "python", "-c", "import forms, resources; print(forms.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(where).resolve().is_relative_to(installed.parent.resolve())

    export = _run(installed, elsewhere, "export", "รายงาน.json", "--pdf", "ออก.pdf")
    assert export.returncode == 0, export.stderr
    assert (elsewhere / "ออก.pdf").read_bytes().startswith(b"%PDF-")
    check = _run(installed, elsewhere, "check", "รายงาน.json")
    assert check.returncode == 0, check.stderr  # the sample has warnings, no errors
    # the misspelling comes from the bundled table (forms/data), so the data is installed
    assert "คูณภาพ" in check.stdout and "คุณภาพ" in check.stdout
    assert _run(installed, elsewhere, "--version").stdout.startswith("BMAProjectReport ")
    # an installed user is told the installed command, never a developer's `python main.py`
    help_text = _run(installed, elsewhere, "--help").stdout
    assert help_text.startswith("วิธีใช้: bmareport") and "main.py" not in help_text
    mistyped = _run(installed, elsewhere, "frobnicate")
    assert mistyped.returncode == 2 and "bmareport --help" in mistyped.stderr
