"""The schema is the single source: the model, the sections and every default agree with it."""

from __future__ import annotations

import dataclasses

from forms.kinds import TYPES
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, PROGRESS_FIELDS, SECTIONS_BY_KEY, Kind

# not a form field: the texts typed where a value could not be read (forms.report)
NOT_FIELDS = {"typed"}


def test_every_input_field_is_a_model_attribute_and_back():
    model = {f.name for f in dataclasses.fields(Report)} - NOT_FIELDS
    schema = {f.key for f in FIELDS if not f.computed}
    assert model == schema


def test_computed_fields_are_properties_of_the_model():
    for field in FIELDS:
        if field.computed:
            assert isinstance(getattr(Report, field.key), property)


def test_every_progress_field_is_a_model_attribute_and_back():
    model = {f.name for f in dataclasses.fields(ProgressReport)} - NOT_FIELDS
    assert model == {f.key for f in PROGRESS_FIELDS}


def test_every_field_lives_on_a_known_tab_with_a_thai_label():
    for field in FIELDS + PROGRESS_FIELDS:
        assert field.section in SECTIONS_BY_KEY, field.key
        assert any("\u0e01" <= ch <= "\u0e5b" for ch in field.title), field.key
        assert field.label.strip(), field.key


def test_every_default_passes_its_own_codec():
    # as qutebrowser tests each setting's default against its own type
    for model, fields in ((Report(), FIELDS), (ProgressReport(), PROGRESS_FIELDS)):
        for field in fields:
            if field.computed or field.kind == Kind.REPORT_LIST:
                continue
            default = getattr(model, field.key)
            kind = TYPES[field.kind]
            assert kind.decode(field, field.key, kind.encode(field, default)) == default, field.key


def test_choices_only_on_choice_fields():
    for field in FIELDS + PROGRESS_FIELDS:
        assert bool(field.choices) == (field.kind == Kind.CHOICE), field.key


def test_the_model_sums_enormous_amounts_to_infinity_as_the_checks_do():
    # a damaged draft's amounts: the window, the PDF and the checks show the same sum
    from datetime import date
    from decimal import Decimal

    from forms.checks.context import Context
    from forms.report import ProgressReport

    huge = Decimal("9E+999999")
    report = Report(progress_reports=[ProgressReport(budget_used=huge)] * 2)
    assert report.budget_spent == Decimal("Infinity")
    assert (
        Report(progress_reports=[ProgressReport(budget_used=Decimal("1.50"))] * 2).budget_spent == 3
    )
    assert Context(report, date(2024, 1, 1)).budget_spent == report.budget_spent


def test_every_kind_has_one_type_object_whose_values_round_trip():
    # one example value per kind, through JSON and through a SQLite column and back
    from datetime import date
    from decimal import Decimal

    from forms.kinds import TYPES

    assert set(TYPES) == set(Kind) and all(t.kind is k for k, t in TYPES.items())
    examples = {
        Kind.TEXT: "ข้อความ",
        Kind.PARAGRAPH: "ย่อหน้า\nบรรทัดสอง",
        Kind.YEAR_BE: 2566,
        Kind.DATE: date(2023, 9, 30),
        Kind.MONEY: Decimal("180000.50"),
        Kind.PERCENT: Decimal("20.5"),
        Kind.TEXT_LIST: ["ข้อหนึ่ง", "ข้อสอง"],
        Kind.INT: 3,
    }
    for field in FIELDS + PROGRESS_FIELDS:
        kind = TYPES[field.kind]
        value = field.choices[0][0] if field.kind is Kind.CHOICE else examples.get(field.kind)
        if value is None:  # the progress log: its fields are each tried here
            continue
        assert kind.decode(field, field.key, kind.encode(field, value)) == value, field.key
        assert kind.from_column(kind.to_column(value)) == value, field.key
        assert kind.show(field, value), field.key  # something to show the clerk


def test_a_damaged_drafts_enormous_amounts_still_print_and_show():
    from decimal import Decimal

    from forms.pdf.report_pages import render_pdf
    from forms.report import ProgressReport
    from forms.thainum import format_money, format_percent

    huge = Decimal("1E+30")
    report = Report(budget_received=Decimal("Infinity"))
    report.progress_reports = [ProgressReport(budget_used=huge), ProgressReport(budget_used=huge)]
    assert format_money(huge) == "1E+30"
    assert format_money(report.budget_spent) == str(report.budget_spent)  # 2.000…E+30
    assert format_percent(Decimal("Infinity")) == "Infinity"
    assert format_money(Decimal("180000.5")) == "180,000.50"  # the usual way unchanged
    assert render_pdf(report).startswith(b"%PDF-")
    report.progress_reports = [ProgressReport(budget_used=Decimal("Infinity"))]
    assert report.budget_remaining is None  # Infinity less Infinity: no number
