"""The Windows app folder, after `build.sh` has unpacked Python and the wheels into it: prune
what the app never loads, point Python at its packages, check every DLL import, and list the
files for the installer in a fixed order.

    python assemble.py prune APPDIR        drop Qt's unused modules, tools and data
    python assemble.py finish APPDIR       python313._pth, the launcher, the licenses
    python assemble.py check-dlls APPDIR   every DLL a binary imports is in APPDIR or Windows'
    python assemble.py nsis-files APPDIR FILES.nsh UNFILES.nsh   the installer's File lines
                                           (sorted) and the uninstaller's Delete lines

Written in Python rather than shell because the pruning rules are allowlists (a new Qt
module is left out unless named here) and the DLL check reads every PE import table.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath

SITE = Path("Lib") / "site-packages"

# -- pruning ---------------------------------------------------------------------------------

# The Qt modules the app uses (ui/ imports QtCore, QtGui, QtWidgets, QtPrintSupport, QtPdf,
# QtPdfWidgets; QtSvg draws the icons), and QtNetwork, which Qt6Pdf.dll links to.
QT_MODULES = ("Core", "Gui", "Widgets", "PrintSupport", "Pdf", "PdfWidgets", "Svg", "Network")
QT_KEEP = {
    *(f"Qt6{m}.dll" for m in QT_MODULES),
    *(f"Qt{m}.pyd" for m in QT_MODULES),
    "__init__.py",
    "_config.py",
    "_git_pyside_version.py",
    "pyside6.abi3.dll",
}
# Microsoft's C++ runtime, which the wheels carry beside the Qt DLLs
MSVC_RUNTIME = re.compile(r"(msvcp140.*|vcruntime140.*|concrt140)\.dll", re.IGNORECASE)
QT_PLUGINS = {
    "platforms": {"qwindows.dll", "qoffscreen.dll", "qminimal.dll"},
    "styles": {"qmodernwindowsstyle.dll"},
    "imageformats": {"qico.dll", "qsvg.dll", "qjpeg.dll", "qgif.dll"},
    "iconengines": {"qsvgicon.dll"},
}
SHIBOKEN_KEEP = {"__init__.py", "_config.py", "_git_shiboken_module_version.py", "Shiboken.pyd"}
# Babel's locale data: the app formats Thai; `root` is what every locale inherits, and
# English is Babel's default when a locale is not given
BABEL_LOCALES = re.compile(r"(root|th|th_.*|en|en_US|en_001|en_150)\.dat")
# the whole folder is not needed by the app
DROP_TOP = ("bin", "pypdfium2_cli")


def prune(app: Path) -> None:
    site = app / SITE
    for name in DROP_TOP:
        _remove(site / name)
    _prune_qt(site / "PySide6")
    _prune_shiboken(site / "shiboken6")
    for data in (site / "babel" / "locale-data").glob("*.dat"):
        if not BABEL_LOCALES.fullmatch(data.name):
            data.unlink()
    for path in sorted(site.rglob("*")):
        # stubs and link libraries are for developers; direct_url.json holds the build
        # folder's path (a different installer from every folder); caches are rebuilt
        if path.is_dir() and path.name == "__pycache__":
            _remove(path)
        elif path.is_file() and (path.suffix in (".pyi", ".lib") or path.name == "direct_url.json"):
            path.unlink()
    for record in site.glob("*.dist-info/RECORD"):
        _forget_direct_url(record)


def _forget_direct_url(record: Path) -> None:
    """Drop direct_url.json's line (its hash depends on the build folder) from a RECORD."""
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "/direct_url.json," not in line]
    if kept != lines:
        record.write_text("".join(kept), encoding="utf-8")


def _prune_qt(pyside: Path) -> None:
    for path in pyside.iterdir():
        if path.name == "plugins":
            _prune_plugins(path)
        elif path.name == "support" and path.is_dir():
            continue  # PySide6's own Python helpers (signatures, feature flags)
        elif path.name in QT_KEEP or (path.is_file() and MSVC_RUNTIME.fullmatch(path.name)):
            continue
        else:
            _remove(path)


def _prune_plugins(plugins: Path) -> None:
    for folder in plugins.iterdir():
        keep = QT_PLUGINS.get(folder.name)
        if keep is None:
            _remove(folder)
            continue
        for plugin in folder.iterdir():
            if plugin.name not in keep:
                _remove(plugin)


def _prune_shiboken(shiboken: Path) -> None:
    for path in shiboken.iterdir():
        keep = path.name in SHIBOKEN_KEEP or path.name == "shiboken6.abi3.dll"
        if not keep and not (path.is_file() and MSVC_RUNTIME.fullmatch(path.name)):
            _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


# -- finishing -------------------------------------------------------------------------------

# sys.path of the embedded Python: its zipped standard library, its folder, the packages.
# No `import site`: no .pth files, no user site-packages, nothing from the environment.
PTH = "python313.zip\n.\nLib\\site-packages\n"
# The command line for clerks and administrators: `bmareport list`, `bmareport export …`
LAUNCHER = '@"%~dp0python.exe" -I -m main %*\r\n'


def finish(app: Path, icon: Path, licenses: list[Path]) -> None:
    (pth,) = app.glob("python3*._pth")
    pth.write_text(PTH, encoding="ascii", newline="\r\n")
    (app / "bmareport.cmd").write_text(LAUNCHER, encoding="ascii", newline="")
    shutil.copyfile(icon, app / "app.ico")
    folder = app / "licenses"
    folder.mkdir(exist_ok=True)
    for path in licenses:
        shutil.copyfile(path, folder / path.name)


# -- the DLL check ---------------------------------------------------------------------------

# DLLs that every Windows 10 (1809+) and 11 has in System32, N editions included (no Media
# Foundation); anything else a binary imports must be inside the app folder.
WINDOWS_DLLS = {
    "advapi32",
    "authz",
    "bcrypt",
    "bcryptprimitives",
    "cfgmgr32",
    "comctl32",
    "comdlg32",
    "crypt32",
    "d2d1",
    "d3d11",
    "d3d12",
    "d3d9",
    "dcomp",
    "dwmapi",
    "dwrite",
    "dxgi",
    "dxva2",
    "gdi32",
    "gdiplus",
    "hid",
    "imm32",
    "iphlpapi",
    "kernel32",
    "mpr",
    "msimg32",
    "mswsock",
    "ncrypt",
    "netapi32",
    "ntdll",
    "ole32",
    "oleacc",
    "oleaut32",
    "opengl32",
    "powrprof",
    "propsys",
    "rpcrt4",
    "secur32",
    "setupapi",
    "shcore",
    "shell32",
    "shlwapi",
    "tbs",
    "ucrtbase",
    "user32",
    "userenv",
    "usp10",
    "uxtheme",
    "version",
    "winhttp",
    "wininet",
    "winmm",
    "winspool.drv",
    "wintrust",
    "ws2_32",
    "wtsapi32",
    "icuuc",
    "icuin",
    "dbghelp",
    "normaliz",
    "bluetoothapis",
    "psapi",
    "dnsapi",
    "uiautomationcore",
}


def _is_windows_dll(name: str) -> bool:
    name = name.lower()
    base = name[: -len(".dll")] if name.endswith(".dll") else name
    # the API sets of the Universal C runtime and of Windows itself
    return base in WINDOWS_DLLS or name.startswith(("api-ms-win-", "ext-ms-win-"))


def binaries(app: Path) -> Iterator[Path]:
    for path in sorted(app.rglob("*")):
        if path.is_file() and path.suffix.lower() in (".dll", ".pyd", ".exe"):
            yield path


def imports_of(path: Path) -> list[str]:
    dump = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"DLL Name: (\S+)", dump)


def check_dlls(app: Path) -> list[str]:
    """One line per import that is neither in the app folder nor part of Windows."""
    present = {path.name.lower() for path in binaries(app)}
    missing = []
    for path in binaries(app):
        for name in imports_of(path):
            if name.lower() not in present and not _is_windows_dll(name):
                missing.append(f"{path.relative_to(app)}: {name}")
    return missing


# -- the installer's file list ---------------------------------------------------------------


def nsis_files(app: Path) -> str:
    """`SetOutPath`/`File` lines in sorted order (the installer's bytes must not depend on
    the order a file system lists a folder)."""
    lines: list[str] = []
    current = None
    files = sorted(p.relative_to(app) for p in app.rglob("*") if p.is_file())
    for rel in files:
        folder = PureWindowsPath(rel.parent)
        if folder != current:
            lines.append(
                f'SetOutPath "$INSTDIR\\{folder}"'
                if str(folder) != "."
                else 'SetOutPath "$INSTDIR"'
            )
            current = folder
        lines.append(f'File "{app / rel}"')
    lines.append('SetOutPath "$INSTDIR"')
    return "\n".join(lines) + "\n"


def nsis_uninstall(app: Path) -> str:
    """The uninstaller's lines: each top-level file and folder the installer puts in the
    program folder (folders whole, with the __pycache__ compiled at install), nothing else."""
    lines = []
    for path in sorted(app.iterdir()):
        if path.is_dir():
            lines.append(f'RMDir /r "$INSTDIR\\{path.name}"')
        else:
            lines.append(f'Delete "$INSTDIR\\{path.name}"')
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    command, app = argv[0], Path(argv[1])
    if command == "prune":
        prune(app)
    elif command == "finish":
        finish(app, Path(argv[2]), [Path(p) for p in argv[3:]])
    elif command == "check-dlls":
        missing = check_dlls(app)
        count = sum(1 for _ in binaries(app))
        for line in missing:
            print(f"missing DLL: {line}", file=sys.stderr)
        print(f"DLL check: {count} binaries, {len(missing)} imports missing")
        return 1 if missing else 0
    elif command == "nsis-files":
        Path(argv[2]).write_text(nsis_files(app), encoding="utf-8")
        Path(argv[3]).write_text(nsis_uninstall(app), encoding="utf-8")
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
