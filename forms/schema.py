"""The form's declarative schema: every field of the progress report, once.

Each `Field` names its JSON key, the Thai label exactly as the official printout prints it,
the label the window shows, its kind, the tab (section) it lives on, and its limits. The
report model, the JSON interchange, the storage columns, the widgets, the checks and the PDF
all read this table; tests assert that each of them covers every field.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from forms.thaidate import FIRST_BE_YEAR, LAST_BE_YEAR


class Kind(Enum):
    """What a field holds; each kind has one type object (`forms.kinds.TYPES`) and one
    editor (`ui.editors.EDITORS`)."""

    TEXT = "text"  # one line of text
    PARAGRAPH = "paragraph"  # free text that may hold line breaks
    YEAR_BE = "year_be"  # an int, Buddhist Era
    DATE = "date"  # datetime.date or None; ISO YYYY-MM-DD (CE) in JSON
    MONEY = "money"  # Decimal baht, up to 2 decimals
    PERCENT = "percent"  # Decimal 0-100, up to 2 decimals
    CHOICE = "choice"  # one of `choices` or None
    TEXT_LIST = "text_list"  # list[str]
    REPORT_LIST = "report_list"  # list[ProgressReport]
    INT = "int"  # a plain int (the report's running number)


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # the tab title in the window


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # as printed on the official form (odd dots included)
    title: str  # as shown in the window
    kind: Kind
    section: str
    max_length: int | None = None
    # lists: at most this many items (every input path refuses or cuts more, saying so), in
    # `item_unit`s; chosen so that real reports fit many times over and the window stays
    # responsive at the limit (benchmarks/bench_gui.py)
    max_items: int | None = None
    item_unit: str = "ข้อ"
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (json value, Thai label)
    computed: bool = False  # derived from other fields; never read from input
    required: bool = False  # needed before the report can be submitted
    hint: str = ""  # placeholder / tooltip text in the window
    item_numbering: str = ""  # printed prefix of list items, e.g. "2." gives 2.1, 2.2
    paragraphs: bool = False  # a list whose items are paragraphs (line breaks kept)


# Tab titles short enough for all seven to show whole on 1366×768 at 150 % beside the
# drafts panel; each tab's page starts with the form's own heading in full.
SECTIONS: tuple[Section, ...] = (
    Section("project", "โครงการ"),
    Section("rationale", "หลักการ"),
    Section("objectives", "วัตถุประสงค์"),
    Section("targets", "เป้าหมาย"),
    Section("strategy", "แผน กทม."),
    Section("progress", "ความก้าวหน้า"),
    Section("signer", "ผู้รับรอง"),
)

PLAN_CHOICES = (("on_plan", "เป็นไปตามแผน"), ("off_plan", "ไม่เป็นไปตามแผน"))
TARGET_CHOICES = (("on_target", "เป็นไปตามเป้าหมาย"), ("off_target", "ไม่เป็นไปตามเป้าหมาย"))

_MONEY_MAX = Decimal("999999999999.99")
ROUTINE_WORK = "**** การปฏิบัติงานประจำของหน่วยงาน ****"

FIELDS: tuple[Field, ...] = (
    # 1.1
    Field(
        "project_name",
        "ชื่อโครงการ/กิจกรรม",
        "ชื่อโครงการ/กิจกรรม",
        Kind.TEXT,
        "project",
        max_length=500,
        required=True,
    ),
    Field(
        "project_code",
        "รหัสโครงการ...",
        "รหัสโครงการ",
        Kind.TEXT,
        "project",
        max_length=20,
        required=True,
        hint="เช่น 50280000-6851",
    ),
    Field(
        "fiscal_year",
        "ปีงบประมาณ พ.ศ.",
        "ปีงบประมาณ (พ.ศ.)",
        Kind.YEAR_BE,
        "project",
        minimum=Decimal(FIRST_BE_YEAR),
        maximum=Decimal(LAST_BE_YEAR),
        required=True,
        hint="เช่น 2566",
    ),
    Field("start_date", "เริ่มต้นโครงการ", "วันเริ่มต้นโครงการ", Kind.DATE, "project", required=True),
    Field("end_date", "สิ้นสุดโครงการ", "วันสิ้นสุดโครงการ", Kind.DATE, "project", required=True),
    Field(
        "budget_received",
        "งบประมาณที่ได้รับ",
        "งบประมาณที่ได้รับ (บาท)",
        Kind.MONEY,
        "project",
        minimum=Decimal(0),
        maximum=_MONEY_MAX,
    ),
    Field(
        "budget_spent", "งบประมาณที่ใช้ไป", "งบประมาณที่ใช้ไป (บาท)", Kind.MONEY, "project", computed=True
    ),
    # 1.2
    Field(
        "agency_office",
        "หน่วยงานที่รับผิดชอบ.",
        "สำนักงาน/หน่วยงาน",
        Kind.TEXT,
        "project",
        max_length=200,
        required=True,
        hint="เช่น สำนักงานเขตบึงกุ่ม",
    ),
    Field(
        "agency_division",
        "หน่วยงานที่รับผิดชอบ.",
        "ฝ่าย",
        Kind.TEXT,
        "project",
        max_length=200,
        hint="เช่น ฝ่ายการศึกษา",
    ),
    Field("agency_section", "หน่วยงานที่รับผิดชอบ.", "กลุ่มงาน/งาน", Kind.TEXT, "project", max_length=200),
    Field(
        "responsible_person",
        "ชื่อผู้รับผิดชอบ...",
        "ผู้รับผิดชอบโครงการ",
        Kind.TEXT,
        "project",
        max_length=200,
    ),
    Field(
        "coordinator_name",
        "ผู้ประสานงาน สยป",
        "ผู้ประสานงาน สยป (ชื่อ)",
        Kind.TEXT,
        "project",
        max_length=200,
    ),
    Field(
        "coordinator_phone",
        "ผู้ประสานงาน สยป",
        "ผู้ประสานงาน สยป (โทรศัพท์)",
        Kind.TEXT,
        "project",
        max_length=50,
        hint="เช่น 1549",
    ),
    # 1.3 - 1.5
    Field(
        "rationale",
        "หลักการและเหตุผล",
        "หลักการและเหตุผล (ย่อหน้า)",
        Kind.TEXT_LIST,
        "rationale",
        max_length=20000,
        max_items=200,
        item_unit="ย่อหน้า",
        paragraphs=True,  # FORM.md: "a list of paragraphs", so its items hold line breaks
    ),
    Field(
        "objectives",
        "วัตถุประสงค์ของโครงการ",
        "วัตถุประสงค์ของโครงการ",
        Kind.TEXT_LIST,
        "objectives",
        max_length=2000,
        max_items=100,
        required=True,
        item_numbering="2.",
    ),
    Field(
        "targets_quantity",
        "3.1  ด้านปริมาณ",
        "เป้าหมายด้านปริมาณ",
        Kind.TEXT_LIST,
        "targets",
        max_length=2000,
        max_items=100,
        item_numbering="3.1.",
    ),
    Field(
        "targets_quality",
        "3.2 ด้านคุณภาพ",
        "เป้าหมายด้านคุณภาพ",
        Kind.TEXT_LIST,
        "targets",
        max_length=2000,
        max_items=100,
        item_numbering="3.2.",
    ),
    # 1.6
    Field(
        "strategic_issue",
        "ประเด็นยุทธศาสตร์",
        "ประเด็นยุทธศาสตร์",
        Kind.TEXT,
        "strategy",
        max_length=500,
        hint=ROUTINE_WORK,
    ),
    Field(
        "strategic_sub_issue",
        "ประเด็นยุทธศาสตร์ย่อย",
        "ประเด็นยุทธศาสตร์ย่อย",
        Kind.TEXT,
        "strategy",
        max_length=500,
    ),
    Field("strategic_goal", "เป้าหมายที่", "เป้าหมาย", Kind.TEXT, "strategy", max_length=500),
    Field(
        "indicator",
        "ตัวชี้วัด...",
        "ตัวชี้วัด",
        Kind.TEXT,
        "strategy",
        max_length=500,
        hint="เช่น มิติที่1 ระดับความสำเร็จของงานประจำ",
    ),
    # 2.
    Field(
        "progress_reports",
        "รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ",
        "รายงานความก้าวหน้า",
        Kind.REPORT_LIST,
        "progress",
        max_items=240,  # weekly reports for four and a half years
        item_unit="ครั้ง",
    ),
    # footer
    Field(
        "signer_name",
        "ลงชื่อ",
        "ชื่อผู้ลงนามรับรอง",
        Kind.TEXT,
        "signer",
        max_length=200,
        hint="(ผู้รับผิดชอบโครงการ)",
    ),
    Field("signer_position", "ตำแหน่ง", "ตำแหน่ง", Kind.TEXT, "signer", max_length=200),
)

PROGRESS_FIELDS: tuple[Field, ...] = (
    Field("no", "รายงานครั้งที่", "ครั้งที่", Kind.INT, "progress", minimum=Decimal(1)),
    Field("date", "วันที่", "วันที่รายงาน (พ.ศ.)", Kind.DATE, "progress"),
    Field(
        "narrative", "ผลการดำเนินงาน", "ผลการดำเนินงาน", Kind.PARAGRAPH, "progress", max_length=20000
    ),
    Field(
        "progress_percent",
        "ความก้าวหน้าของงานฯ",
        "ความก้าวหน้า (%)",
        Kind.PERCENT,
        "progress",
        minimum=Decimal(0),
        maximum=Decimal(100),
    ),
    Field(
        "budget_used",
        "งบประมาณที่เบิกใช้",
        "งบประมาณที่เบิกใช้ (บาท)",
        Kind.MONEY,
        "progress",
        minimum=Decimal(0),
        maximum=_MONEY_MAX,
    ),
    Field(
        "plan_status", "ความเป็นไปตามแผน", "ตามแผน", Kind.CHOICE, "progress", choices=PLAN_CHOICES
    ),
    Field(
        "target_status",
        "ความเป็นไปตามเป้าหมาย",
        "ตามเป้าหมาย",
        Kind.CHOICE,
        "progress",
        choices=TARGET_CHOICES,
    ),
)

FIELDS_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
PROGRESS_FIELDS_BY_KEY: dict[str, Field] = {f.key: f for f in PROGRESS_FIELDS}
SECTIONS_BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}


def fields_of(section: str) -> tuple[Field, ...]:
    """The fields shown on one tab, in printed order."""
    return tuple(f for f in FIELDS if f.section == section)


def choice_label(field_: Field, value: str | None) -> str:
    """The Thai label of a choice value ('' when empty)."""
    return dict(field_.choices).get(value or "", "")
