"""`stress/storage_faults.py` keeps working: two of its cases, run as the README says (the
whole run of 22 cases takes half a minute and stays out of the suite)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("case", ["flipped_schema", "bad_utf8_row"])
def test_a_storage_fault_case_passes(case: str):
    run = subprocess.run(
        [sys.executable, str(ROOT / "stress" / "storage_faults.py"), "--case", case],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith(f"pass  {case}:")
    assert "1 cases, 4 commands: 1 passed, 0 failed" in run.stdout
