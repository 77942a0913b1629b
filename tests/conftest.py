"""Test setup: Qt offscreen, user folders in tmp_path, the sample report, a fast Hypothesis."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

# "default" draws the same examples on every run, so CI judges exactly what passed here;
# "explore" draws new random examples each run (HYPOTHESIS_PROFILE=explore) to hunt for
# cases the fixed ones miss, and a failure it finds is kept as an @example.
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("explore", max_examples=300, database=None, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every user data/config/cache folder points into a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "localappdata"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def sample_json_text() -> str:
    return (DATA / "sample_report.json").read_text(encoding="utf-8")


@pytest.fixture
def sample_report(sample_json_text: str):
    from forms.interchange import loads

    return loads(sample_json_text)
