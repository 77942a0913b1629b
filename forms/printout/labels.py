"""The printout's fixed texts (page header, headings, field labels) and fuzzy matching.

Labels come from `forms.schema.FIELDS[..].label`, so the parser reads exactly what the
schema says is printed; the headings and the footer are the layout of FORM.md. OCR and
text extraction damage labels (`ประเด็นยุทธศา ย่อย`), so they are compared with difflib's
ratio after dropping spaces, dots and markup, the closest one winning above a threshold.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from forms.schema import FIELDS, FIELDS_BY_KEY, Kind

PAGE_TITLE = "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
PAGE_HEADER = f"** {PAGE_TITLE} **"

# Section headings in printed order; keys name the sections of `forms.printout.copies`.
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

CERTIFICATION = "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ"
SIGNER_LABEL = FIELDS_BY_KEY["signer_name"].label  # ลงชื่อ
POSITION_LABEL = FIELDS_BY_KEY["signer_position"].label  # ตำแหน่ง
SIGNER_PLACEHOLDER = FIELDS_BY_KEY["signer_name"].hint  # (ผู้รับผิดชอบโครงการ)
REPORT_LABEL = "รายงานครั้งที่"

_LABELLED_SECTIONS = ("project", "strategy")


def _labelled_fields() -> dict[str, tuple[str, ...]]:
    """Printed label -> the field keys its value holds (1.2 prints 3 and 2 fields per label)."""
    out: dict[str, tuple[str, ...]] = {}
    for f in FIELDS:
        if f.section in _LABELLED_SECTIONS and f.kind not in (Kind.TEXT_LIST, Kind.REPORT_LIST):
            out[f.label] = (*out.get(f.label, ()), f.key)
    return out


LABELLED: dict[str, tuple[str, ...]] = _labelled_fields()

_NOISE = re.compile(r"[\s.*#:…]+")
LABEL_THRESHOLD = 0.8
HEADING_THRESHOLD = 0.8
PAGE_HEADER_THRESHOLD = 0.85
_SHORT_HEADING = 20  # letters; shorter headings need a closer match


def key(text: str) -> str:
    """The letters that matter when comparing printed texts: no spaces, dots or markup."""
    return _NOISE.sub("", text)


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the keys, with the cheap upper bounds tried first."""
    matcher = SequenceMatcher(None, key(a), key(b), autojunk=False)
    if matcher.real_quick_ratio() < LABEL_THRESHOLD - 0.1:
        return 0.0
    if matcher.quick_ratio() < LABEL_THRESHOLD - 0.1:
        return 0.0
    return matcher.ratio()


def closest(text: str, candidates: dict[str, str], threshold: float) -> str | None:
    """The candidate key whose printed text is most like `text`, if at least `threshold`."""
    best, best_score = None, threshold
    for name, printed in candidates.items():
        score = similarity(text, printed)
        if score >= best_score:
            best, best_score = name, score
    return best


def is_page_header(text: str) -> bool:
    """`** แบบแสดงรายงาน... **` as repeated at the top of every page."""
    return len(key(text)) < 2 * len(PAGE_TITLE) and (
        PAGE_TITLE in text or similarity(text, PAGE_TITLE) >= PAGE_HEADER_THRESHOLD
    )


def heading_of(text: str, after: str | None = None) -> str | None:
    """The section key of a heading line, or None.

    Only headings printed after section `after` are candidates (and those that start a
    copy), and a short heading must match more closely than a long one: a paragraph such
    as `3.2 ด้านคุ` must not end the rationale.
    """
    if len(key(text)) > 2 * _LONGEST_HEADING:
        return None
    order = list(HEADINGS)
    # after the footer ("footer" is no heading) only a new copy may start
    start = order.index(after) + 1 if after in HEADINGS else (len(order) if after else 0)
    later = order[start:]
    candidates = {k: HEADINGS[k] for k in order if k in later or k in ("doc", "1.1")}
    found = closest(text, candidates, HEADING_THRESHOLD)
    if found is None:
        return None
    needed = HEADING_THRESHOLD + (0.1 if len(key(HEADINGS[found])) < _SHORT_HEADING else 0.0)
    return found if similarity(text, HEADINGS[found]) >= needed else None


def label_of(text: str, threshold: float = LABEL_THRESHOLD) -> str | None:
    """The printed label (a key of `LABELLED`) that `text` is, allowing for OCR damage."""
    return closest(text, {label: label for label in LABELLED}, threshold)


_LONGEST_HEADING = max(len(key(h)) for h in HEADINGS.values())
