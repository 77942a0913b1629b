"""The clerk's choices for the printed report (`PdfStyle`); the defaults reproduce the
official printout: prose flush left, project dates as the printout's raw timestamp
(`2022-10-01 00:00:00`) and report dates as `30/01/2566`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from forms.thaidate import format_be_date, format_printout_timestamp, format_thai_long_date


@dataclass(frozen=True)
class PdfStyle:
    justify: bool = False  # Thai distributed justification of the prose
    long_dates: bool = False  # every date as `1 ตุลาคม 2565` (FORM.md allows it as an option)

    def project_date(self, d: date | None) -> str:
        return format_thai_long_date(d) if self.long_dates else format_printout_timestamp(d)

    def report_date(self, d: date | None) -> str:
        return format_thai_long_date(d) if self.long_dates else format_be_date(d)


OFFICIAL = PdfStyle()  # the official printout's look
