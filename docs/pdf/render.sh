#!/usr/bin/env bash
# Re-make the page pictures of docs/pdf from the sample report (run from anywhere):
# page 1 and the progress-log pages at 80 dpi, as issue 3 asks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
tmp="$(mktemp -d)"
"$root/.venv/bin/python" - "$root" "$tmp/sample.pdf" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from forms.interchange import loads
from forms.pdf import write_pdf
src = Path(sys.argv[1]) / "tests" / "data" / "sample_report.json"
write_pdf(loads(src.read_text(encoding="utf-8")), Path(sys.argv[2]))
PY
pdftoppm -r 80 -png "$tmp/sample.pdf" "$here/sample-page"
rm -rf "$tmp"
ls "$here"/sample-page*.png
