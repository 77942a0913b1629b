"""The official printout's layout, once: its title, numbered headings and where each is
printed, which fields share a line (joined with ` / `) or the grid of dates and budgets,
and the certification above the signature (FORM.md, "The printed layout").

The PDF (`forms.pdf.layout`) prints from it, the printout reader (`forms.printout.labels`,
`copies`, `values`) recognises what it declares, and the window's tabs and groups
(`ui.form_layout`) show the same headings. Field labels are the schema's
(`forms.schema.Field.label`, odd dots and spaces as printed). A field named nowhere here
is printed as `label : value` on its own line, in schema order: a field added to the
schema has its place without a line written here.
"""

from __future__ import annotations

from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY

PAGE_TITLE = "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
PAGE_HEADER = f"** {PAGE_TITLE} **"  # at the top of every page
CERTIFICATION = "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ"
SIGNER_PLACEHOLDER = FIELDS_BY_KEY["signer_name"].hint  # (ผู้รับผิดชอบโครงการ)
SIGNATURE_DOTS = "." * 40  # where the signature goes, and an empty position
REPORT_LABEL = PROGRESS_FIELDS_BY_KEY["no"].label  # รายงานครั้งที่ (a log entry's label)
JOIN = " / "  # between the values of fields printed on one line

# The numbered headings in printed order; their keys name the sections the printout
# reader finds (`forms.printout.copies`). 3.1 and 3.2 are the two target lists' labels.
HEADINGS: dict[str, str] = {
    "doc": "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
    "1.1": "1.1 รหัสโครงการและชื่อโครงการ",
    "1.2": "1.2 หน่วยงานที่รับผิดชอบ",
    "1.3": "1.3 " + FIELDS_BY_KEY["rationale"].label,
    "1.4": "1.4 " + FIELDS_BY_KEY["objectives"].label,
    "1.5": "1.5 เป้าหมายของโครงการ..",
    "3.1": FIELDS_BY_KEY["targets_quantity"].label,
    "3.2": FIELDS_BY_KEY["targets_quality"].label,
    "1.6": "1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)",
    "2": "2. " + FIELDS_BY_KEY["progress_reports"].label,
}
# The sections a complete copy prints (each heading is printed even when its fields are empty).
REQUIRED_SECTIONS = ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2")
# Headings printed as plain lines (a list's label), not as numbered headings
LABEL_HEADINGS = frozenset({"3.1", "3.2"})

# the headings printed before a field, by its key
HEADINGS_BEFORE: dict[str, tuple[str, ...]] = {
    "project_name": ("doc", "1.1"),
    "agency_office": ("1.2",),
    "rationale": ("1.3",),
    "objectives": ("1.4",),
    "targets_quantity": ("1.5", "3.1"),
    "targets_quality": ("3.2",),
    "strategic_issue": ("1.6",),
    "progress_reports": ("2",),
}

# fields printed on one line under the first one's label, their values joined by JOIN
JOINED: dict[str, tuple[str, ...]] = {
    "agency_office": ("agency_office", "agency_division", "agency_section"),
    "coordinator_name": ("coordinator_name", "coordinator_phone"),
}

# the grid of two columns after the project code: (left, right) field keys by row
GRID: tuple[tuple[str | None, str], ...] = (
    (None, "fiscal_year"),
    ("start_date", "budget_received"),
    ("end_date", "budget_spent"),
)
GRID_KEYS = frozenset(key for row in GRID for key in row if key is not None)

# fields printed in the closing block under the certification, not in the body
SIGNATURE = ("signer_name", "signer_position")

# The window's tabs: the printed heading each starts with (a heading's odd trailing dots
# left out), and where a group of fields starts inside a tab, with its printed title.
TAB_HEADINGS: dict[str, str] = {
    "project": HEADINGS["doc"],
    "rationale": HEADINGS["1.3"],
    "objectives": HEADINGS["1.4"],
    "targets": HEADINGS["1.5"].rstrip("."),
    "strategy": HEADINGS["1.6"],
    "progress": HEADINGS["2"],
    "signer": "ผู้รับรองข้อมูล",
}
GROUP_HEADINGS: dict[str, str] = {
    "project_name": HEADINGS["1.1"],
    "agency_office": HEADINGS["1.2"],
    "targets_quantity": " ".join(HEADINGS["3.1"].split()),
    "targets_quality": " ".join(HEADINGS["3.2"].split()),
}


def joined(*values: str) -> str:
    """Values printed on one line: the ones not empty, joined by JOIN."""
    return JOIN.join(v for v in values if v)
