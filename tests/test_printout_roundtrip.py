"""parse(render(report)) == report: the parser reads the official layout in every shape.

`render_printout` below writes a report as the official printout's text (the layout of
FORM.md, as the sample's first copy shows it), with the 1.1 grid in each reading order and
page headers dropped in anywhere, even between a label and its value.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.printed import CERTIFICATION, HEADINGS, PAGE_HEADER
from forms.printout import parse_printout_text
from forms.report import ProgressReport, Report
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY, choice_label
from forms.thaidate import format_be_date, format_printout_timestamp
from forms.thainum import format_money, format_percent
from tests.strategies import dates, money, percent, reports, thai_text

GRIDS = ("rows", "columns", "pairs")
_PLACEHOLDER = FIELDS_BY_KEY["signer_name"].hint.strip("()")


def _label(key: str) -> str:
    return FIELDS_BY_KEY[key].label


def _grid(report: Report, grid: str) -> list[str]:
    year = f"{_label('fiscal_year')} : {report.fiscal_year or ''}"
    start = f"{_label('start_date')} : {format_printout_timestamp(report.start_date)}"
    end = f"{_label('end_date')} : {format_printout_timestamp(report.end_date)}"
    received = f"{_label('budget_received')} : {format_money(report.budget_received)} บาท"
    spent = f"{_label('budget_spent')} : {format_money(report.budget_spent)} บาท"
    if grid == "rows":
        return [year, start, received, end, spent]
    if grid == "columns":
        return [start, end, year, received, spent]
    return [year, f"{start}     {received}", f"{end}\t{spent}"]


def _progress(r: ProgressReport) -> list[str]:
    plan = choice_label(PROGRESS_FIELDS_BY_KEY["plan_status"], r.plan_status)
    target = choice_label(PROGRESS_FIELDS_BY_KEY["target_status"], r.target_status)
    return [
        f"รายงานครั้งที่{r.no}\t:: {format_be_date(r.date)} : {r.narrative}\t\t",
        f"\t:: ความก้าวหน้าของงานฯ = {format_percent(r.progress_percent)} %"
        f" งบประมาณที่เบิกใช้ (ครั้งที่ {r.no}) = {format_money(r.budget_used)} บาท"
        f"\t: {plan}\t: {target}",
    ]


def render_printout(report: Report, grid: str = "rows") -> list[str]:
    """The report as the lines of an official printout's text."""
    agency = f"{report.agency_office} / {report.agency_division} / {report.agency_section}"
    signer = report.signer_name or _PLACEHOLDER
    return [
        PAGE_HEADER,
        HEADINGS["doc"],
        HEADINGS["1.1"],
        f"{_label('project_name')} : {report.project_name}",
        f"{_label('project_code')} : {report.project_code}",
        *_grid(report, grid),
        HEADINGS["1.2"],
        f"{_label('agency_office')} : {agency}",
        f"{_label('responsible_person')} : {report.responsible_person}",
        f"{_label('coordinator_name')} : {report.coordinator_name} / {report.coordinator_phone}",
        HEADINGS["1.3"],
        *report.rationale,
        HEADINGS["1.4"],
        *(f"2.{i}  {text}" for i, text in enumerate(report.objectives, start=1)),
        HEADINGS["1.5"],
        HEADINGS["3.1"],
        *(f"3.1.{i} {text}" for i, text in enumerate(report.targets_quantity, start=1)),
        HEADINGS["3.2"],
        *(f"3.2.{i} {text}" for i, text in enumerate(report.targets_quality, start=1)),
        HEADINGS["1.6"],
        *(
            f"{_label(key)} : {getattr(report, key)}"
            for key in ("strategic_issue", "strategic_sub_issue", "strategic_goal", "indicator")
        ),
        HEADINGS["2"],
        *(line for r in report.progress_reports for line in _progress(r)),
        CERTIFICATION,
        f"ลงชื่อ.....({signer})",
        f"ตำแหน่ง {report.signer_position or '.....'}",
    ]


def paginate(lines: list[str], breaks: list[int], split_labels: bool) -> str:
    """Lines with a page header (blank lines around it) after each index in `breaks`;
    with `split_labels`, a break after a `label : value` line falls between the two."""
    out: list[str] = []
    page = ["", "", PAGE_HEADER, ""]
    for index, line in enumerate(lines):
        if index in breaks and split_labels and re.match(r"[^:\t]+ : ", line) and "::" not in line:
            label, value = line.split(" : ", 1)
            out += [label, *page, f": {value}", ""]
            continue
        out += [line, ""]
        if index in breaks:
            out += page
    return "\n".join(out)


# -- strategies: reports whose texts the printout can carry --------------------------------

_SPACES = re.compile(r"\s+")
_NOISE = re.compile(r"[\s.*:]+")
# Every fixed text the printout prints: a free text that reads like one of these is
# (rightly) taken for it, so the property is about texts that do not.
_PRINTED = [
    _NOISE.sub("", t)
    for t in (
        PAGE_HEADER,
        CERTIFICATION,
        *HEADINGS.values(),
        *(f.label for f in FIELDS_BY_KEY.values()),
        *(label for f in PROGRESS_FIELDS_BY_KEY.values() for _, label in f.choices),
    )
]


def _unlike_printed_text(text: str) -> bool:
    letters = _NOISE.sub("", text)
    return not letters or not any(_alike(letters, printed) for printed in _PRINTED)


def _alike(letters: str, printed: str) -> bool:
    if letters.startswith(printed[:8]):
        return True
    matcher = SequenceMatcher(None, letters, printed, autojunk=False)
    return (
        matcher.real_quick_ratio() >= 0.6
        and matcher.quick_ratio() >= 0.6
        and matcher.ratio() >= 0.6
    )


def _clean(text: str) -> str:
    """What a printed line keeps of a text: single spaces, no leading/trailing ones."""
    return _SPACES.sub(" ", text).strip()


def _printable(report: Report) -> Report:
    text = {
        f: _clean(getattr(report, f))
        for f in (
            "project_name",
            "responsible_person",
            "strategic_issue",
            "strategic_sub_issue",
            "strategic_goal",
            "indicator",
            "coordinator_name",
        )
    }
    # `office / division / section` cannot carry a slash inside a part.
    parts = {
        f: _clean(getattr(report, f).replace("/", ""))
        for f in ("agency_office", "agency_division", "agency_section")
    }
    signer = {
        f: _clean(getattr(report, f)).strip(".() ") for f in ("signer_name", "signer_position")
    }
    if signer["signer_name"] == _PLACEHOLDER:  # printed for "no signer": a name cannot be it
        signer["signer_name"] = ""
    return replace(
        report,
        **text,
        **parts,
        **signer,
        rationale=[p for p in map(_clean, report.rationale) if p],
        objectives=[_clean(t) for t in report.objectives],
        targets_quantity=[_clean(t) for t in report.targets_quantity],
        targets_quality=[_clean(t) for t in report.targets_quality],
        progress_reports=[
            replace(r, narrative=_clean(r.narrative)) for r in report.progress_reports
        ],
    )


def _free_texts(report: Report) -> list[str]:
    lists = report.rationale + report.objectives + report.targets_quantity + report.targets_quality
    return lists + [r.narrative for r in report.progress_reports]


printable_reports = (
    reports().map(_printable).filter(lambda r: all(map(_unlike_printed_text, _free_texts(r))))
)


def _assert_round_trip(report: Report, text: str) -> None:
    result = parse_printout_text(text)
    assert result.report == report
    assert result.warnings == []
    assert result.unused_lines == []
    assert result.copies_found == 1


@given(printable_reports, st.sampled_from(GRIDS))
def test_rendered_printout_parses_back(report: Report, grid: str):
    _assert_round_trip(report, "\n".join(render_printout(report, grid)))


@given(
    printable_reports,
    st.sampled_from(GRIDS),
    st.lists(st.integers(0, 120), max_size=8),
    st.booleans(),
)
def test_page_headers_anywhere_change_nothing(
    report: Report, grid: str, breaks: list[int], split_labels: bool
):
    _assert_round_trip(report, paginate(render_printout(report, grid), breaks, split_labels))


def _log(n: int, narrative: st.SearchStrategy[str]) -> st.SearchStrategy[list[ProgressReport]]:
    one = st.builds(
        ProgressReport,
        date=st.none() | dates,
        narrative=narrative.map(_clean).filter(_unlike_printed_text),
        progress_percent=st.none() | percent,
        budget_used=st.none() | money,
        plan_status=st.sampled_from([None, "on_plan", "off_plan"]),
        target_status=st.sampled_from([None, "on_target", "off_target"]),
    )
    return st.lists(one, min_size=n, max_size=n).map(
        lambda rs: [replace(r, no=i) for i, r in enumerate(rs, start=1)]
    )


long_narrative = st.lists(thai_text, max_size=10).map(" ".join)


@settings(max_examples=20)  # a 60-report log of long narratives is slow to generate
@given(printable_reports, st.sampled_from([1, 60]).flatmap(lambda n: _log(n, long_narrative)))
def test_one_and_sixty_reports(report: Report, log: list[ProgressReport]):
    report = replace(report, progress_reports=log)
    _assert_round_trip(report, "\n".join(render_printout(report)))
