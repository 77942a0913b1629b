"""Several copies of one report in one text: pick the one to import, say where others differ.

The first complete copy is imported (every section heading and the project name found);
each other copy is compared with it field by field, lists aligned with difflib so that a
missing or doubled item shows as one difference rather than shifting every item after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from difflib import SequenceMatcher
from typing import Any

from forms.kinds import TYPES
from forms.printed import REQUIRED_SECTIONS
from forms.printout.copies import CopyParse
from forms.printout.spelling import narrative_key
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, PROGRESS_FIELDS, Field, Kind

EMPTY = "(ว่าง)"
_ALIKE = 0.6  # difflib ratio above which two list items are one item, reworded


def show(field_: Field, value: Any) -> str:
    """A value as the summary and the warnings show it to a clerk."""
    return TYPES[field_.kind].show(field_, value) or EMPTY


def choose(copies: list[CopyParse]) -> tuple[int, list[str]]:
    """The index of the copy to import, and a warning when none is complete."""
    for index, copy in enumerate(copies):
        if copy.complete:
            return index, []
    index = max(range(len(copies)), key=lambda i: len(copies[i].lines))
    copy = copies[index]
    return index, [
        f"ไม่พบแบบรายงานที่ครบทุกหัวข้อ — นำเข้าฉบับที่ {index + 1} (บรรทัด {copy.first_line}"
        f"–{copy.last_line}) ซึ่งอ่านได้มากที่สุด ตรวจทุกช่องกับต้นฉบับก่อนใช้"
    ]


def recognised(copy: CopyParse) -> list[tuple[str, str]]:
    """(path, shown value) of every field the copy gave, in printed order."""
    out: list[tuple[str, str]] = []
    report = copy.report
    for field_ in FIELDS:
        if field_.key == "budget_spent":
            if "budget_spent" in copy.lines:
                out.append(("budget_spent", show(field_, copy.printed_spent)))
        elif field_.kind == Kind.TEXT_LIST:
            items = getattr(report, field_.key)
            out += [(f"{field_.key}[{i}]", item) for i, item in enumerate(items, start=1)]
        elif field_.kind == Kind.REPORT_LIST:
            for i, item in enumerate(report.progress_reports, start=1):
                for sub in PROGRESS_FIELDS:
                    path = f"progress_reports[{i}].{sub.key}"
                    if path in copy.lines:
                        out.append((path, show(sub, getattr(item, sub.key))))
        elif field_.key in copy.lines:
            out.append((field_.key, show(field_, getattr(report, field_.key))))
    return out


def differences(
    chosen: CopyParse,
    number: int,
    other: CopyParse,
    other_number: int,
    adopted: Mapping[str, str] | None = None,
) -> list[str]:
    """Thai warnings, one per field where `other` differs from the imported `chosen`;
    `adopted` (path -> text, `forms.printout.spelling`) are texts imported from another copy
    for their right spelling: a copy holding that text is not said to differ."""
    return list(_differences(chosen, number, other, other_number, adopted or {}))


def _differences(
    chosen: CopyParse, c: int, other: CopyParse, o: int, adopted: Mapping[str, str]
) -> Iterator[str]:
    if not other.complete:
        missing = [s for s in REQUIRED_SECTIONS if s not in other.sections]
        yield (
            f"ฉบับที่ {o} (บรรทัด {other.first_line}–{other.last_line}) ไม่ครบทุกหัวข้อ"
            f" (ไม่พบหัวข้อ {', '.join(missing) or 'ชื่อโครงการ'}) จึงเทียบเฉพาะช่องที่พบในฉบับนั้น"
        )
    for field_ in FIELDS:
        if field_.computed or not _comparable(other, field_.key):
            continue
        if field_.kind == Kind.TEXT_LIST:
            yield from _list_differences(field_, chosen, c, other, o, adopted)
        elif field_.kind == Kind.REPORT_LIST:
            yield from _report_differences(chosen, c, other, o, adopted)
        else:
            mine, theirs = getattr(chosen.report, field_.key), getattr(other.report, field_.key)
            if mine != theirs and adopted.get(field_.key) != theirs:
                where = _where(other, field_.key)
                yield (
                    f'ช่อง "{field_.title}": ฉบับที่ {o}{where} เป็น "{show(field_, theirs)}"'
                    f' แต่ฉบับที่ {c} ที่นำเข้าเป็น "{show(field_, mine)}" — ตรวจว่าค่าใดถูก'
                )


def _comparable(other: CopyParse, path: str) -> bool:
    """A complete copy is compared everywhere (a value it lacks is a difference); a partial
    copy only where it has the field, so a missing page is one warning, not dozens."""
    return other.complete or path in other.lines


def _where(copy: CopyParse, path: str) -> str:
    line = copy.lines.get(path)
    return f" (บรรทัด {line})" if line else ""


def _list_differences(
    field_: Field, chosen: CopyParse, c: int, other: CopyParse, o: int, adopted: Mapping[str, str]
) -> Iterator[str]:
    mine: list[str] = getattr(chosen.report, field_.key)
    theirs: list[str] = getattr(other.report, field_.key)
    if mine == theirs:
        return
    name = f'ช่อง "{field_.title}"'
    if len(mine) != len(theirs):
        yield (
            f"{name}: ฉบับที่ {c} ที่นำเข้ามี {len(mine)} ข้อ แต่ฉบับที่ {o}"
            f"{_where(other, field_.key)} มี {len(theirs)} ข้อ"
        )
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs, lost, added = _pair_items(mine[i1:i2], theirs[j1:j2])
        for i, j in pairs:
            if adopted.get(f"{field_.key}[{i1 + i + 1}]") == theirs[j1 + j]:
                continue
            where = _where(other, f"{field_.key}[{j1 + j + 1}]")
            yield (
                f'{name} ข้อ {i1 + i + 1}: ฉบับที่ {o}{where} เป็น "{theirs[j1 + j]}"'
                f' แต่ฉบับที่ {c} ที่นำเข้าเป็น "{mine[i1 + i]}" — ตรวจว่าข้อความใดถูก'
            )
        for i in lost:
            yield (
                f'{name} ข้อ {i1 + i + 1} "{mine[i1 + i]}" ของฉบับที่ {c} ที่นำเข้า'
                f" ไม่มีในฉบับที่ {o} — ตรวจว่าข้อนี้ควรมีหรือไม่"
            )
        for j in added:
            where = _where(other, f"{field_.key}[{j1 + j + 1}]")
            yield (
                f'{name}: ฉบับที่ {o}{where} มีข้อ "{theirs[j1 + j]}"'
                f" ซึ่งไม่มีในฉบับที่ {c} ที่นำเข้า — ตรวจว่าควรเพิ่มหรือไม่"
            )


def _pair_items(
    mine: list[str], theirs: list[str]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Items of two differing runs paired up: (pairs, unpaired mine, unpaired theirs).

    Runs of one length pair in order; otherwise each of theirs pairs, in order, with the
    most alike of mine still free after the last pair, if alike enough (a doubled item or
    two paragraphs printed as one then read as one difference and one missing item).
    """
    if len(mine) == len(theirs):
        return list(zip(range(len(mine)), range(len(theirs)), strict=True)), [], []
    pairs: list[tuple[int, int]] = []
    start = 0
    for j, text in enumerate(theirs):
        scores = [
            (SequenceMatcher(None, mine[i], text, autojunk=False).ratio(), i)
            for i in range(start, len(mine))
        ]
        score, i = max(scores, default=(0.0, -1))
        if score >= _ALIKE:
            pairs.append((i, j))
            start = i + 1
    paired_mine = {i for i, _ in pairs}
    paired_theirs = {j for _, j in pairs}
    lost = [i for i in range(len(mine)) if i not in paired_mine]
    added = [j for j in range(len(theirs)) if j not in paired_theirs]
    return pairs, lost, added


def _report_differences(
    chosen: CopyParse, c: int, other: CopyParse, o: int, adopted: Mapping[str, str]
) -> Iterator[str]:
    mine = {r.no: r for r in chosen.report.progress_reports}
    theirs = {r.no: (i, r) for i, r in enumerate(other.report.progress_reports, start=1)}
    if len(mine) != len(theirs) and other.complete:
        yield (
            f'ช่อง "รายงานความก้าวหน้า": ฉบับที่ {c} ที่นำเข้ามี {len(mine)} ครั้ง'
            f" แต่ฉบับที่ {o} มี {len(theirs)} ครั้ง"
        )
    for no in sorted(set(mine) | set(theirs)):
        if no not in theirs and not other.complete:
            continue
        if no not in theirs:
            yield f"รายงานครั้งที่ {no}: ไม่มีในฉบับที่ {o}"
            continue
        index, their_report = theirs[no]
        if no not in mine:
            where = _where(other, f"progress_reports[{index}].no")
            yield f"รายงานครั้งที่ {no}: มีในฉบับที่ {o}{where} แต่ไม่มีในฉบับที่ {c} ที่นำเข้า"
            continue
        yield from _one_report(mine[no], their_report, index, c, other, o, adopted)


def _one_report(
    mine: ProgressReport,
    theirs: ProgressReport,
    index: int,
    c: int,
    other: CopyParse,
    o: int,
    adopted: Mapping[str, str],
) -> Iterator[str]:
    for sub in PROGRESS_FIELDS:
        a, b = getattr(mine, sub.key), getattr(theirs, sub.key)
        path = f"progress_reports[{index}].{sub.key}"
        if sub.key == "narrative" and adopted.get(narrative_key(mine.no)) == b:
            continue
        if a != b and _comparable(other, path):
            where = _where(other, path)
            yield (
                f'รายงานครั้งที่ {mine.no} ช่อง "{sub.title}": ฉบับที่ {o}{where} เป็น "{show(sub, b)}"'
                f' แต่ฉบับที่ {c} ที่นำเข้าเป็น "{show(sub, a)}" — ตรวจว่าค่าใดถูก'
            )


def spent_warning(copy: CopyParse, report: Report) -> list[str]:
    """A warning when the printed `งบประมาณที่ใช้ไป` is not the sum of the reports' budgets."""
    printed = copy.printed_spent
    if printed is None or printed == report.budget_spent:
        return []
    field_ = next(f for f in FIELDS if f.key == "budget_spent")
    return [
        f'ช่อง "{field_.title}" (บรรทัด {copy.lines["budget_spent"]}): พิมพ์ไว้ {show(field_, printed)}'
        f" แต่ผลรวมงบประมาณที่เบิกใช้ของทุกครั้งเป็น {show(field_, report.budget_spent)}"
        " — แบบร่างใช้ผลรวม ตรวจตัวเลขของแต่ละครั้ง"
    ]
