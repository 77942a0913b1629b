"""The Windows build's own logic (packaging/windows/assemble.py): what pruning keeps, the
installer's file list, the DLL rule, and the file type the installer associates.
The build itself is run by `.ci/run` (build.sh, then smoke.sh under Wine)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from forms.filetypes import ASSOCIATED_SUFFIX
from tests.conftest import ROOT

WINDOWS = ROOT / "packaging" / "windows"


@pytest.fixture(scope="module")
def assemble():
    spec = importlib.util.spec_from_file_location("assemble", WINDOWS / "assemble.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


def test_pruning_keeps_the_qt_the_app_loads_and_drops_the_rest(assemble, tmp_path):
    site = tmp_path / "Lib" / "site-packages"
    kept = [
        "PySide6/__init__.py",
        "PySide6/Qt6Core.dll",
        "PySide6/QtPdfWidgets.pyd",
        "PySide6/Qt6Network.dll",
        "PySide6/msvcp140_1.dll",
        "PySide6/pyside6.abi3.dll",
        "PySide6/support/signature.py",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "shiboken6/Shiboken.pyd",
        "shiboken6/shiboken6.abi3.dll",
        "babel/locale-data/th.dat",
        "babel/locale-data/root.dat",
        "forms/pdf/layout.py",
    ]
    dropped = [
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/QtQuick.pyd",
        "PySide6/QtCore.pyi",
        "PySide6/designer.exe",
        "PySide6/qml/QtQuick/x.qml",
        "PySide6/translations/qtbase_de.qm",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/plugins/sqldrivers/qsqlite.dll",
        "shiboken6/shiboken6.abi3.lib",
        "babel/locale-data/de.dat",
        "bin/bmareport",
        "forms/__pycache__/x.cpython-311.pyc",
        "app-1.0.dist-info/direct_url.json",
    ]
    _touch(site, *kept, *dropped)
    (site / "app-1.0.dist-info" / "RECORD").write_text(
        "forms/pdf/layout.py,sha256=a,1\napp-1.0.dist-info/direct_url.json,sha256=b,2\n"
    )
    assemble.prune(tmp_path)
    assert [n for n in kept if not (site / n).exists()] == []
    assert [n for n in dropped if (site / n).exists()] == []
    assert (site / "app-1.0.dist-info" / "RECORD").read_text() == "forms/pdf/layout.py,sha256=a,1\n"


def test_the_uninstaller_removes_only_what_the_installer_put(assemble, tmp_path):
    _touch(tmp_path, "python.exe", "Lib/site-packages/main.py", "app.ico")
    assert assemble.nsis_uninstall(tmp_path).splitlines() == [
        'RMDir /r "$INSTDIR\\Lib"',
        'Delete "$INSTDIR\\app.ico"',
        'Delete "$INSTDIR\\python.exe"',
    ]


def test_the_installer_lists_files_sorted_by_folder(assemble, tmp_path):
    _touch(tmp_path, "b.dll", "Lib/z.py", "a.exe", "Lib/sub/y.py", "Lib/a.py")
    lines = assemble.nsis_files(tmp_path).splitlines()
    files = [
        line.split(str(tmp_path) + "/")[1].rstrip('"') for line in lines if line.startswith("File")
    ]
    assert files == ["Lib/a.py", "Lib/sub/y.py", "Lib/z.py", "a.exe", "b.dll"]
    assert lines[0] == 'SetOutPath "$INSTDIR\\Lib"' and lines[-1] == 'SetOutPath "$INSTDIR"'
    assert 'SetOutPath "$INSTDIR\\Lib\\sub"' in lines


@pytest.mark.parametrize(
    ("name", "windows"),
    [
        ("KERNEL32.dll", True),
        ("api-ms-win-crt-runtime-l1-1-0.dll", True),
        ("icuuc.dll", True),
        ("WINSPOOL.DRV", True),
        ("Qt6Core.dll", False),
        ("MSVCP140.dll", False),  # the C++ runtime is not in every Windows: it is shipped
        ("python313.dll", False),
    ],
)
def test_which_dlls_windows_provides(assemble, name, windows):
    assert assemble._is_windows_dll(name) is windows


def test_the_installer_associates_the_apps_own_file_type():
    script = (WINDOWS / "installer.nsi").read_text(encoding="utf-8")
    assert f'!define EXT "{ASSOCIATED_SUFFIX}"' in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in script
    assert "RequestExecutionLevel user" in script
