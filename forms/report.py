"""The report model: plain dataclasses holding typed values (Decimal money, date dates),
made from the schema: one attribute per input field of `forms.schema.FIELDS` (and of
`PROGRESS_FIELDS` for a progress report), named by its key, holding what its kind holds
and starting from its kind's default (`forms.kinds`). A field added to the schema is an
attribute here with nothing else to write.

The one attribute that is not a form field is `typed`: the texts a clerk typed into a
date, year, money or percent box that cannot be read as its value (`31/09/2567`), by
field key. Such a field's value is None and its text is kept there, so the window shows,
and the draft keeps, exactly what was typed, and the checks say why it cannot be read
(`unreadable`). It is the draft's business only: neither the JSON interchange nor the PDF
carries it. Computed fields (`budget_spent`) are properties. Nothing here knows about
JSON, SQLite or Qt.
"""

from __future__ import annotations

import dataclasses
import decimal
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from forms.kinds import TYPES
from forms.schema import FIELDS, PROGRESS_FIELDS, Field
from forms.typed import Unreadable

TYPED = "typed"  # the attribute of unreadable texts, by field key


def _model(name: str, fields: Sequence[Field], base: type) -> type:
    """A dataclass with one attribute per field (computed ones left to `base`)."""
    specs: list[tuple[str, Any, Any]] = []
    for f in fields:
        if f.computed:
            continue
        kind = TYPES[f.kind]
        default = kind.default()
        if isinstance(default, list):
            spec = dataclasses.field(default_factory=list)
        else:
            spec = dataclasses.field(default=default)
        specs.append((f.key, kind.value_type, spec))
    specs.append((TYPED, "dict[str, str]", dataclasses.field(default_factory=dict)))
    model = dataclasses.make_dataclass(name, specs, bases=(base,))
    model.__module__ = __name__  # as if written here: its repr, pickling, the docs
    return model


class _ProgressReport:
    """One entry of the progress log (`PROGRESS_FIELDS`)."""

    typed: dict[str, str]


class _Report:
    """One project's report (`FIELDS`)."""

    typed: dict[str, str]
    progress_reports: list[Any]
    budget_received: Decimal | None

    @property
    def budget_spent(self) -> Decimal:
        """Sum of the budget used by every progress report; never stored as input.
        Infinity rather than an exception when enormous (a damaged draft's amounts): the
        window and the PDF show it as it is, and the checks say why it is wrong."""
        with decimal.localcontext() as context:
            context.traps[decimal.Overflow] = False
            context.traps[decimal.InvalidOperation] = False
            total = Decimal(0)
            for r in self.progress_reports:
                if r.budget_used is not None:
                    total += r.budget_used
            return total

    @property
    def budget_remaining(self) -> Decimal | None:
        if self.budget_received is None:
            return None
        with decimal.localcontext() as context:
            context.traps[decimal.Overflow] = False
            context.traps[decimal.InvalidOperation] = False
            remaining = self.budget_received - self.budget_spent
        return None if remaining.is_nan() else remaining  # Infinity less Infinity

    def copy(self) -> Any:
        """A deep copy (lists and progress reports are new objects)."""
        lists = {f.key: list(getattr(self, f.key)) for f in FIELDS if TYPES[f.kind].is_list}
        lists["progress_reports"] = [replace(r, typed=dict(r.typed)) for r in self.progress_reports]
        return replace(self, **lists, typed=dict(self.typed))  # type: ignore[type-var]


if TYPE_CHECKING:  # what a type checker sees: every attribute of any field
    ProgressReport = Any
    Report = Any
else:
    ProgressReport = _model("ProgressReport", PROGRESS_FIELDS, _ProgressReport)
    Report = _model("Report", FIELDS, _Report)


def renumber(reports: list[ProgressReport]) -> list[ProgressReport]:
    """The reports numbered 1, 2, ... in their order (the log is auto-numbered)."""
    return [replace(r, no=i) for i, r in enumerate(reports, start=1)]


def entry(item: Report | ProgressReport, key: str) -> Any:
    """What field `key` of `item` shows: its value, or `Unreadable` when text is kept there."""
    text = item.typed.get(key)
    return Unreadable(text) if text is not None else getattr(item, key)


def with_entry(item: ProgressReport, key: str, value: Any) -> ProgressReport:
    """`item` with field `key` set to `value`, which may be `Unreadable(text)`: then the
    value is None and the text is kept in `typed`; a value takes the text away."""
    typed = {k: t for k, t in item.typed.items() if k != key}
    if isinstance(value, Unreadable):
        typed[key] = value.text
        value = None
    return replace(item, **{key: value}, typed=typed)
