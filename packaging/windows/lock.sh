#!/usr/bin/env bash
# Resolve requirements.in for Windows (CPython 3.13, win_amd64) into requirements-windows.txt,
# every wheel pinned with its hashes. Run after changing requirements.in; commit both.
# `pip install --platform` would evaluate environment markers for Linux and could silently
# leave out a Windows-only dependency; uv resolves for the target platform.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v uv >/dev/null || python3 -m pip install -q uv
# pip: sqlite-utils lists it for its own `install` command, which the app never runs
uv pip compile "$here/requirements.in" --python-platform windows --python-version 3.13 \
  --generate-hashes --no-emit-package pip --no-header -q -o "$here/requirements-windows.txt"
echo "wrote $here/requirements-windows.txt"
