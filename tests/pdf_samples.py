"""Generated texts that put the PDF engine under strain, for its tests and benchmark:
a long report (many progress reports, long prose) and every Thai consonant with every
vowel and tone mark. Deterministic: the same call gives the same report."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from forms.report import ProgressReport, Report

CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]  # ก .. ฮ (44, with ฃ and ฅ)
ABOVE_BELOW = ["", "\u0e34", "\u0e35", "\u0e36", "\u0e37", "\u0e31", "\u0e38", "\u0e39"]
TONES = ["", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b"]
LEADING = ["\u0e40", "\u0e41", "\u0e42", "\u0e43", "\u0e44"]  # เ แ โ ใ ไ

SENTENCES = [
    "อยู่ระหว่างการขออนุมัติเงินประจำงวด โดยคาดว่าจะดำเนินการในงวดที่ 3 (เดือน มิ.ย. - ก.ย. 66)",
    "และอยู่ระหว่างการแก้ไขคำสั่งฯ ผู้ประสานงานโรงเรียนเครือข่ายที่ 25 และเครือข่ายที่ 26",
    "จัดนิทรรศการเครือข่ายโรงเรียนในวันที่ 27 มีนาคม 2566 มีผู้เข้าร่วม 1,250 คน",
    "ผู้บริหารและครูญี่ปุ่นเกี่ยวกับการพัฒนาคุณภาพน้ำดื่มในโรงเรียนทุกๆ แห่ง",
    "บันทึกข้อมูลลงระบบ e-Budget และส่งรายงานเป็นไฟล์ PDF/A ให้สำนักงบประมาณแล้ว",
    "ครูผู้สอนกตัญญูต่อผู้มีพระคุณ ฐานข้อมูลนักเรียนปรับปรุงเสร็จร้อยละ 95.50",
    "ปั้มน้ำของอาคารเรียนชำรุด ได้ซ่อมแซมเรียบร้อย ค่าใช้จ่าย 12,345.75 บาท",
    "ประชุมคณะกรรมการ ครั้งที่ 2/2566 เมื่อวันที่ 1 ตุลาคม 2565 ณ ห้องประชุมสำนักงานเขต",
]


def syllables(consonant: str) -> list[str]:
    """`consonant` with every upper/lower vowel and tone, SARA AM, SARA A, the leading
    vowels, MAI TAIKHU and THANTHAKHAT."""
    out = [consonant + v + t for v in ABOVE_BELOW for t in TONES]
    out += [consonant + t + "\u0e33" for t in TONES]  # ำ
    out += [consonant + t + "\u0e32" for t in TONES]  # า
    out += [consonant + "\u0e30", consonant + "\u0e47", consonant + "\u0e4c"]  # ะ ็ ์
    out += [lead + consonant + t for lead in LEADING for t in TONES]
    return out


def stress_texts() -> list[str]:
    """One text per consonant: all its syllables, separated by spaces; then the special
    letters."""
    texts = [" ".join(syllables(c)) for c in CONSONANTS]
    texts.append("ฤ ฤๅ ฦ ฦๅ ฯ ฯลฯ ทุกๆ วัน ทุก ๆ วัน ๐๑๒๓๔๕๖๗๘๙ ฿ 1,234.50 บาท ABC xyz")
    return texts


def _narrative(i: int) -> str:
    n = 1 + i % 4
    parts = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(n)]
    if i % 7 == 3:
        return "\n".join(parts)  # a narrative typed with line breaks
    return " ".join(parts)


def long_report(reports: int = 60, paragraphs: int = 20) -> Report:
    """A report with `reports` progress reports of one to four sentences each and
    `paragraphs` rationale paragraphs of several lines."""
    start = date(2022, 10, 1)
    progress = [
        ProgressReport(
            no=i + 1,
            date=None if i % 11 == 4 else start + timedelta(days=5 * i),
            narrative="" if i % 9 == 2 else _narrative(i),
            progress_percent=Decimal(min(100, i * 2)).quantize(Decimal("0.01")),
            budget_used=Decimal(1000 * (i % 5)) + (Decimal("0.50") if i % 6 == 1 else 0),
            plan_status="off_plan" if i % 8 == 5 else "on_plan",
            target_status="off_target" if i % 10 == 7 else "on_target",
        )
        for i in range(reports)
    ]
    return Report(
        project_name="พัฒนาคุณภาพเครือข่ายโรงเรียน ปีที่ 2 (ต่อเนื่อง)",
        project_code="50280000-6852",
        fiscal_year=2566,
        start_date=start,
        end_date=date(2023, 9, 30),
        budget_received=Decimal("1250000.50"),
        agency_office="สำนักงานเขตบึงกุ่ม",
        agency_division="ฝ่ายการศึกษา",
        agency_section="กลุ่มงานส่งเสริมการศึกษา",
        responsible_person="นางสาวญาณี ปั้นเหน่ง",
        coordinator_name="ปาริตา ศรีลักษณ์",
        coordinator_phone="1549",
        rationale=[
            " ".join(SENTENCES[k % len(SENTENCES)] for k in range(i, i + 3))
            for i in range(paragraphs)
        ],
        objectives=[SENTENCES[i] for i in range(4)],
        targets_quantity=[SENTENCES[i] for i in range(4, 7)],
        targets_quality=[SENTENCES[i] for i in range(2, 5)],
        strategic_issue="**** การปฏิบัติงานประจำของหน่วยงาน ****",
        strategic_sub_issue="**** การปฏิบัติงานประจำของหน่วยงาน ****",
        strategic_goal="**** การปฏิบัติงานประจำของหน่วยงาน ****",
        indicator="มิติที่ 1 ระดับความสำเร็จของงานประจำ",
        progress_reports=progress,
        signer_name="นายสมชาย ใจดี",
        signer_position="ผู้อำนวยการเขตบึงกุ่ม",
    )


def field_texts(report: Report) -> list[str]:
    """Every typed value of `report` that the PDF prints as typed."""
    r = report
    texts = [
        r.project_name,
        r.project_code,
        r.agency_office,
        r.agency_division,
        r.agency_section,
        r.responsible_person,
        r.coordinator_name,
        r.coordinator_phone,
        *r.rationale,
        *r.objectives,
        *r.targets_quantity,
        *r.targets_quality,
        r.strategic_issue,
        r.strategic_sub_issue,
        r.strategic_goal,
        r.indicator,
        *(p.narrative for p in r.progress_reports),
        r.signer_name,
        r.signer_position,
    ]
    return [t for t in texts if t.strip()]
