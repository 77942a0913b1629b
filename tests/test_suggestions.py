"""The texts offered while typing the office and division (`forms/data/suggestions.tsv`)."""

from __future__ import annotations

import pytest

from forms.suggestions import SuggestionsFileError, parse_suggestions, suggestions_for


def test_every_district_office_of_bangkok_is_offered():
    offices = [s for s in suggestions_for("agency_office") if s.startswith("สำนักงานเขต")]
    assert len(offices) == len(set(offices)) == 50
    assert "สำนักงานเขตบึงกุ่ม" in offices and "สำนักงานเขตลาดกระบัง" in offices
    assert "ฝ่ายการศึกษา" in suggestions_for("agency_division")
    assert suggestions_for("project_name") == ()


@pytest.mark.parametrize(
    "line",
    ["no_such_field\tก", "fiscal_year\t2566", "agency_office\t", "agency_office ก"],
)
def test_a_bad_line_is_named(line: str):
    with pytest.raises(SuggestionsFileError, match="บรรทัด 2"):
        parse_suggestions(f"# comment\n{line}\n")


def test_a_suggestion_given_twice_is_named():
    with pytest.raises(SuggestionsFileError, match="ซ้ำ"):
        parse_suggestions("agency_office\tก\nagency_office\tก\n")
