"""Hypothesis strategies for reports the JSON format admits (shared by test files)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from forms.report import ProgressReport, Report

THAI = "".join(chr(c) for c in range(0x0E01, 0x0E3B)) + "".join(
    chr(c) for c in range(0x0E3F, 0x0E5C)
)
thai_text = st.text(alphabet=THAI + " abcXYZ0123456789.,-()/\"'", max_size=80)
line_text = thai_text.map(lambda s: s.replace("\n", " "))
money = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2)
percent = st.decimals(min_value=0, max_value=100, places=2)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def progress_reports(draw, max_size: int = 12) -> list[ProgressReport]:
    n = draw(st.integers(0, max_size))
    return [
        ProgressReport(
            no=i,
            date=draw(st.none() | dates),
            narrative=draw(thai_text),
            progress_percent=draw(st.none() | percent),
            budget_used=draw(st.none() | money),
            plan_status=draw(st.sampled_from([None, "on_plan", "off_plan"])),
            target_status=draw(st.sampled_from([None, "on_target", "off_target"])),
        )
        for i in range(1, n + 1)
    ]


@st.composite
def reports(draw, max_reports: int = 12) -> Report:
    lines = st.lists(line_text, max_size=6)
    return Report(
        project_name=draw(line_text),
        project_code=draw(st.from_regex(r"\d{8}-\d{4}", fullmatch=True) | st.just("")),
        fiscal_year=draw(st.none() | st.integers(2400, 2800)),
        start_date=draw(st.none() | dates),
        end_date=draw(st.none() | dates),
        budget_received=draw(st.none() | money),
        agency_office=draw(line_text),
        agency_division=draw(line_text),
        agency_section=draw(line_text),
        responsible_person=draw(line_text),
        coordinator_name=draw(line_text),
        coordinator_phone=draw(st.from_regex(r"\d{0,6}", fullmatch=True)),
        rationale=draw(st.lists(thai_text, max_size=6)),
        objectives=draw(lines),
        targets_quantity=draw(lines),
        targets_quality=draw(lines),
        strategic_issue=draw(line_text),
        strategic_sub_issue=draw(line_text),
        strategic_goal=draw(line_text),
        indicator=draw(line_text),
        progress_reports=draw(progress_reports(max_reports)),
        signer_name=draw(line_text),
        signer_position=draw(line_text),
    )
