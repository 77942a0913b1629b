#!/usr/bin/env bash
# Install the Windows build under Wine and use it as a clerk would:
#
#   packaging/windows/smoke.sh [SETUP.exe]     (default: the newest dist/*-setup.exe)
#
# refused on old Windows; silent install (/S); the command line (import, list, check, export,
# the PDF compared byte for byte with this machine's export); an upgrade in place keeping
# the drafts; the window under a virtual screen (with the PDF preview; screenshots in $SHOTS,
# default build/windows/shots); a second copy handing over to the open window; uninstall leaving
# drafts.db. Exit 0 when every step passed.
#
# Needs: wine (Debian's wine + wine64, Wine 8), xvfb, xdotool, imagemagick (import),
# binutils-mingw-w64-x86-64. Test harness only, in the Wine prefix and never shipped:
# the two DLLs Wine 8 lacks (../shared/tools/wine/make-wine-shims.sh), and _wmi.pyd taken
# out of the installed Python (its WMI query aborts under Wine 8). Wine hides QT_* variables
# from Windows programs, and Python under Wine dies when a standard handle is a plain file:
# every run below reads and writes through pipes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED:-$root/../shared}
py=${PYTHON:-$root/.venv/bin/python}
[ -x "$py" ] || py=python3
setup=${1:-$(ls -t "$root"/dist/BMAProjectReport-*-setup.exe 2>/dev/null | head -1)}
[ -f "$setup" ] || { echo "smoke.sh: no installer (run packaging/windows/build.sh)" >&2; exit 2; }
version=$(basename "$setup" | sed -E 's/BMAProjectReport-(.*)-setup\.exe/\1/')
shots=${SHOTS:-$root/build/windows/shots}
mkdir -p "$shots"
work=$(mktemp -d /tmp/bma-smoke.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || break; done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$n"
cleanup() {
  wineserver -k 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
passed=0
ok() { passed=$((passed + 1)); echo "ok $passed - $*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
winpath() { winepath -w "$1" 2>/dev/null | tr -d '\r'; }

# a Windows program with pipes for all three handles; sets $out (stdout and stderr) and $rc
run() {
  local result
  result=$( (printf '' | "$@" 2>&1; echo "rc=$?") | cat | tr -d '\r')
  rc=${result##*rc=}
  out=${result%rc=*}
}
cli() { run wine "$inst\\python.exe" -I -m main "$@"; }

echo "== smoke test of $(basename "$setup") under $(wine --version)"
wineboot -i >/dev/null 2>&1
wineserver -w
# One Wine session for the whole test: started afresh for a program, Wine also starts its
# device services (winedevice.exe), and one started while a step's pipes were open kept
# them open (the CLI then waited for the PDF worker's output forever). Persistent, the
# services start here, before any step.
wineserver -p
wine cmd /c ver >/dev/null 2>&1

# -- install ---------------------------------------------------------------------------------
run wine "$setup" /S
[ "$rc" = 3 ] || fail "a Windows 7 prefix: the installer should refuse with exit 3, gave $rc"
ok "refused on Windows 7 (exit 3)"
wine winecfg -v win10 >/dev/null 2>&1
mkdir -p "$work/ที่มีไฟล์อื่น"
echo "งานของผู้ใช้" > "$work/ที่มีไฟล์อื่น/งาน.txt"
run wine "$setup" /S "/D=$(winpath "$work/ที่มีไฟล์อื่น")"
[ "$rc" = 6 ] && [ "$(ls "$work/ที่มีไฟล์อื่น")" = "งาน.txt" ] ||
  fail "a folder holding other files should be refused (exit 6), gave $rc"
ok "a folder that holds other files is refused as the program folder (exit 6)"
run wine "$setup" /S
[ "$rc" = 0 ] || fail "silent install exit $rc: $out"
run wine cmd /c echo %LOCALAPPDATA%
local_appdata=$(printf '%s' "$out" | tail -1)
inst="$local_appdata\\Programs\\BMAProjectReport"
inst_unix=$(winepath -u "$inst" 2>/dev/null)
for f in pythonw.exe python.exe python313._pth app.ico uninstall.exe install.ini \
  Lib/site-packages/main.py Lib/site-packages/forms/pdf/layout.py \
  Lib/site-packages/resources/fonts/Sarabun-Regular.ttf Lib/site-packages/PySide6/Qt6Pdf.dll; do
  [ -f "$inst_unix/$f" ] || fail "installed folder lacks $f"
done
pyc=$(find "$inst_unix/Lib" -name '*.pyc' | wc -l)
[ "$pyc" -gt 300 ] || fail "only $pyc modules compiled at install"
ok "installed per user into $inst ($pyc modules compiled)"
run wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BMAProjectReport' /v DisplayVersion
[[ $out == *"$version"* ]] || fail "no Apps & Features entry: $out"
run wine reg query 'HKCU\Software\Classes\BMAProjectReport.Report\shell\open\command'
[[ $out == *'pythonw.exe" -I -m main "%1"'* ]] || fail ".bmareport open command: $out"
run wine reg query 'HKCU\Software\Classes\.bmareport'
[[ $out == *BMAProjectReport.Report* ]] || fail ".bmareport not associated: $out"
programs=$(winepath -u "$(printf '%s' "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')")")
[ -f "$programs/Microsoft/Windows/Start Menu/Programs/แบบรายงานโครงการ.lnk" ] || fail "no Start menu shortcut"
ok "Apps & Features entry, .bmareport association, Thai Start-menu shortcut"

# test harness only (see the top of this file)
prepare_for_wine() {
  mv "$inst_unix/_wmi.pyd" "$work/_wmi.pyd.off" 2>/dev/null || true
  bash "$shared/tools/wine/make-wine-shims.sh" "$inst_unix" >/dev/null
}
prepare_for_wine

# -- the command line ------------------------------------------------------------------------
cp "$root/tests/data/sample_report.json" "$work/sample.json"
cli --version
[[ $out == "BMAProjectReport $version"* ]] || fail "--version: $out"
cli import "$(winpath "$work/sample.json")"
[ "$rc" = 0 ] && [ "$(printf '%s' "$out" | head -1)" = 1 ] || fail "import sample.json ($rc): $out"
cli list
[[ $out == *พัฒนาคูณภาพเครือข่ายโรงเรียน* ]] || fail "list: $out"
cli check 1
[ "$rc" = 0 ] && [[ $out == *คูณภาพ* ]] || fail "check 1 ($rc): $out"
ok "CLI import, list, check of the sample"
# the PDF records when it was made; one fixed moment (reproducible-builds' SOURCE_DATE_EPOCH,
# which forms.pdf.pdfa honours, in UTC) lets the exports below be compared byte for byte
export SOURCE_DATE_EPOCH=$(date +%s)
cli export "$(winpath "$work/sample.json")" --pdf "$(winpath "$work/windows.pdf")"
[ "$rc" = 0 ] || fail "export --pdf ($rc): $out"
cli export 1 --pdf "$(winpath "$work/windows-draft.pdf")" --json "$(winpath "$work/windows.json")"
[ "$rc" = 0 ] || fail "export 1 ($rc): $out"
(cd "$root" && "$py" main.py export "$work/sample.json" --pdf "$work/linux.pdf" >/dev/null 2>&1) ||
  fail "the Linux export failed"
cmp -s "$work/linux.pdf" "$work/windows.pdf" || fail "the Windows PDF differs from the Linux export"
cmp -s "$work/linux.pdf" "$work/windows-draft.pdf" || fail "the draft's PDF differs from the Linux export"
ok "export --pdf: byte-identical to the Linux export ($(stat -c %s "$work/linux.pdf") bytes), from the file and from the draft"
cli import "$(winpath "$work/linux.pdf")"
[ "$rc" = 0 ] && [ "$(printf '%s' "$out" | head -1)" = 2 ] || fail "import PDF ($rc): $out"
cli import "$(winpath "$shared/reference/progress-report-printout-sample.txt")"
[ "$rc" = 0 ] && [ "$(printf '%s' "$out" | head -1)" = 3 ] || fail "import printout text ($rc): $out"
ok "CLI import of a PDF (in the PDF worker process) and of printout text"
db_unix="$(winepath -u "$local_appdata\\BMAProjectReport\\drafts.db" 2>/dev/null)"
[ -f "$db_unix" ] || fail "drafts.db is not in %LOCALAPPDATA%\\BMAProjectReport"

# -- upgrade in place ------------------------------------------------------------------------
run wine "$setup" /S
[ "$rc" = 0 ] || fail "install over the installed version: exit $rc"
prepare_for_wine
cli list
[ "$(printf '%s\n' "$out" | grep -c .)" = 3 ] || fail "drafts after the upgrade: $out"
ok "installing again over it keeps the 3 drafts"

# -- the window ------------------------------------------------------------------------------
# generous waits: they bound a failure, and a loaded CI machine can be many times slower
find_window() { timeout "${2:-300}" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1; }
printf "" | BMA_REPORT_START_PREVIEW=1 wine "$inst\\pythonw.exe" -I -m main 2>&1 | cat >/dev/null &
gui=$!
preview=$(find_window "ดูตัวอย่างก่อนพิมพ์") || true
[ -n "$preview" ] || fail "the window with the PDF preview did not appear"
sleep 3 # let the preview render its first page before the screenshot (nothing to wait on)
import -window root "$shots/wine-preview.png"
xdotool key --window "$preview" alt+F4 2>/dev/null
gone() { timeout 120 bash -c "while xdotool search --onlyvisible --name '$1' >/dev/null 2>&1; do sleep 0.3; done"; }
gone "ดูตัวอย่างก่อนพิมพ์" || fail "the preview did not close with Alt+F4"
# the newest draft opens: the printout imported above, its name spelt as copy 3 spells it
main=$(find_window "เครือข่ายโรงเรียน" 120) || true
[ -n "$main" ] || fail "the main window did not appear"
# no window manager here: a click is what makes a Wine window active (on the first draft)
xdotool mousemove --window "$main" 120 110 click 1 2>/dev/null
sleep 1
import -window root "$shots/wine-window-active.png"
ok "the window and the PDF preview opened (screenshots in $shots)"
run wine "$setup" /S
[ "$rc" = 5 ] || fail "installing while the window is open should stop with exit 5, gave $rc"
ok "installing while the window is open stops and asks to close it (exit 5 when silent)"

run timeout 300 wine "$inst\\python.exe" -I -m main
[ "$rc" = 0 ] || fail "a second copy should bring the open window forward (exit 0): $rc $out"
if xdotool search --onlyvisible --name "เปิดโปรแกรมไม่ได้" >/dev/null 2>&1; then
  fail "a second copy showed an error instead of the open window"
fi
ok "a second copy brings the window already open forward (exit 0, no error)"
# another project's report: the sample itself is a draft already, and importing it again
# would first ask whether to (the same-draft question, tested in tests/test_ui_import.py)
sed 's/"project_name": "[^"]*"/"project_name": "ส่งต่อจากอีกหน้าต่าง"/' "$work/sample.json" \
  >"$work/ส่งต่อ.bmareport"
run timeout 300 wine "$inst\\python.exe" -I -m main "$(winpath "$work/ส่งต่อ.bmareport")"
[ "$rc" = 0 ] || fail "a second copy given a file should hand it to the open window (exit 0): $rc $out"
summary=$(find_window "สรุปการนำเข้าแบบรายงาน" 180) || true
[ -n "$summary" ] || fail "the open window did not import the handed-over file"
xdotool key --window "$summary" Return 2>/dev/null
gone "สรุปการนำเข้าแบบรายงาน" || fail "the import summary did not close"
ok "a .bmareport given to a second copy opens in the window already open"
xdotool key --window "$main" alt+F4 2>/dev/null
timeout 180 bash -c "while kill -0 $gui 2>/dev/null; do sleep 0.5; done" || fail "the window did not close"
ok "the window closes with Alt+F4"

# a file on the command line, as Windows opens an associated file: the PDF is read in the
# worker process (started from pythonw.exe), summarised, and becomes a new draft
sed 's/"project_name": "[^"]*"/"project_name": "เปิดจากคำสั่ง"/' "$work/sample.json" >"$work/other.json"
(cd "$root" && "$py" main.py export "$work/other.json" --pdf "$work/other.pdf" >/dev/null 2>&1) ||
  fail "the Linux export of another report failed"
printf "" | wine "$inst\\pythonw.exe" -I -m main "$(winpath "$work/other.pdf")" 2>&1 | cat >/dev/null &
gui=$!
summary=$(find_window "สรุปการนำเข้าแบบรายงาน") || true
[ -n "$summary" ] || fail "opening a PDF given on the command line showed no import summary"
sleep 1
import -window root "$shots/wine-import-summary.png"
xdotool key --window "$summary" Return 2>/dev/null
gone "สรุปการนำเข้าแบบรายงาน" || fail "the import summary did not close"
main=$(find_window "เปิดจากคำสั่ง" 120) || true
[ -n "$main" ] || fail "the PDF given on the command line did not open as the window's draft"
xdotool key --window "$main" alt+F4 2>/dev/null
timeout 180 bash -c "while kill -0 $gui 2>/dev/null; do sleep 0.5; done" || fail "the window did not close"
cli list
[ "$(printf '%s\n' "$out" | grep -c .)" = 5 ] || fail "the PDF opened in the window is not a draft: $out"
ok "a PDF given on the command line is imported (PDF worker under pythonw.exe) and kept"

# -- uninstall -------------------------------------------------------------------------------
run wine "$inst\\uninstall.exe" /S
# the uninstaller runs a copy of itself from %TEMP% and returns at once
timeout 300 bash -c "while [ -e '$inst_unix' ]; do sleep 0.5; done"
[ ! -e "$inst_unix" ] || fail "the program folder is still there: $(ls "$inst_unix")"
run wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BMAProjectReport'
[ "$rc" != 0 ] || fail "the Apps & Features entry is still there"
[ -f "$db_unix" ] || fail "uninstall removed drafts.db"
ok "uninstall removes the program and its entry, and leaves drafts.db"
# -- for all users (/ALLUSERS: Program Files and HKLM; Wine runs it as an administrator) ------
run wine "$setup" /S /ALLUSERS
[ "$rc" = 0 ] || fail "install /ALLUSERS: exit $rc"
inst='C:\Program Files\BMAProjectReport'
inst_unix=$(winepath -u "$inst" 2>/dev/null)
[ -f "$inst_unix/pythonw.exe" ] || fail "/ALLUSERS did not install into $inst"
run wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\BMAProjectReport' /v DisplayVersion
[[ $out == *"$version"* ]] || fail "no all-users Apps & Features entry: $out"
run wine reg query 'HKLM\Software\Classes\.bmareport'
[[ $out == *BMAProjectReport.Report* ]] || fail ".bmareport not associated for all users: $out"
common=$(winepath -u "$(wine cmd /c echo %ProgramData% 2>/dev/null | tr -d '\r')")
[ -f "$common/Microsoft/Windows/Start Menu/Programs/แบบรายงานโครงการ.lnk" ] || fail "no all-users Start menu shortcut"
prepare_for_wine
cli list
[ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c .)" = 5 ] || fail "list from Program Files: $out"
ok "/ALLUSERS installs into Program Files with HKLM entries, and finds the same drafts"
run wine "$inst\\uninstall.exe" /S
timeout 300 bash -c "while [ -e '$inst_unix' ]; do sleep 0.5; done"
[ ! -e "$inst_unix" ] || fail "Program Files\\BMAProjectReport is still there"
[ -f "$db_unix" ] || fail "the all-users uninstall removed drafts.db"
ok "the all-users uninstall removes the program and leaves drafts.db"
echo "smoke: $passed passed, 0 failed"
