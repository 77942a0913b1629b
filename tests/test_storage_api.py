"""The storage package's public names resolve, and load lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import storage
from tests.conftest import ROOT


def test_every_public_name_resolves():
    for name in storage.__all__:
        assert getattr(storage, name).__name__ == name


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        _ = storage.NoSuchThing


def test_errors_alone_do_not_load_the_drafts_store():
    code = "import sys, storage.errors; print('storage.drafts' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr
