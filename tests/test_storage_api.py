"""The storage package exports nothing itself (its modules are imported by name), and
importing its errors alone does not load the drafts store."""

from __future__ import annotations

import subprocess
import sys

import pytest

import storage
from tests.conftest import ROOT


def test_the_package_itself_holds_no_names():
    with pytest.raises(AttributeError):
        _ = storage.DraftStore  # from storage.drafts


def test_errors_alone_do_not_load_the_drafts_store():
    code = "import sys, storage.errors; print('storage.drafts' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr
