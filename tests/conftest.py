"""Test setup: Qt offscreen, user folders in tmp_path, the sample report, a fast Hypothesis."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# the clerks' commonest screen, 1366×768 at 100 % (Qt's offscreen default is 800×600)
SCREEN = Path(__file__).resolve().parent / "offscreen_screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
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
    # one moment for every PDF a test exports (forms.pdf.pdfa), so equal input, equal bytes
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return home


# The modal boxes of `ui.dialogs`: a test that opens one without replacing it would wait
# for a click that never comes (CI would hang for its whole time limit), so each fails the
# test at once instead, naming the dialog. Tests replace them with monkeypatch as before.
_MODAL = (
    "ask",
    "inform",
    "show_help",
    "save_file",
    "open_file",
    "open_files",
    "choose_folder",
    "open_or_create_file",
    "choose_printer",
    "paste_printout",
    "choose_backup_drafts",
    "confirm_import",
)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_dialogs") is not None:
        return
    if "ui.dialogs" not in sys.modules and not request.module.__name__.startswith("tests.test_ui"):
        return  # tests that never load the window (imported lazily otherwise)
    from ui import dialogs

    for name in _MODAL:

        def unexpected(*args: object, _name: str = name, **kwargs: object) -> None:
            pytest.fail(f"dialogs.{_name} opened a real modal box in a test: {args[1:3]!r}")

        monkeypatch.setattr(dialogs, name, unexpected)


@pytest.fixture
def sample_json_text() -> str:
    return (DATA / "sample_report.json").read_text(encoding="utf-8")


@pytest.fixture
def sample_report(sample_json_text: str):
    from forms.interchange import loads

    return loads(sample_json_text)
