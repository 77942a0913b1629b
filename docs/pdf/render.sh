#!/usr/bin/env bash
# Re-make the page pictures of docs/pdf from the sample report (run from anywhere):
# every page at 80 dpi (page 1, the progress log, the signature), and page 1 with the
# optional Thai distributed justification.
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
report = loads(src.read_text(encoding="utf-8"))
write_pdf(report, Path(sys.argv[2]))
write_pdf(report, Path(sys.argv[2]).with_name("justified.pdf"), justify=True)
PY
pdftoppm -r 80 -png "$tmp/sample.pdf" "$here/sample-page"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$tmp/justified.pdf" "$here/sample-justified-page-1"
rm -rf "$tmp"
ls "$here"/sample-page*.png
