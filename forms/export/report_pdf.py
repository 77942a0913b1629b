"""The report as the official printout's PDF (`forms.pdf`), its JSON attached inside."""

from __future__ import annotations

from forms.export import ReportExportOptions
from forms.report import Report


def render(report: Report, options: ReportExportOptions | None = None) -> bytes:
    from forms.pdf import render_pdf  # ReportLab, HarfBuzz and ICU load on first use

    options = options or ReportExportOptions()
    return render_pdf(report, justify=options.justify, long_dates=options.long_dates)
