"""Several copies of one printout: where the imported copy misspells a word that another
copy spells right, take the other copy's text.

Only a known misspelling (`forms/data/misspellings.tsv`) is corrected, and only when
another copy's text is exactly the imported text with those words corrected: a copy that
differs in anything else is a different text, which `reconcile` reports for the clerk to
judge. Each correction is one warning naming both copies and both spellings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from forms.checks.spelling import misspelling_pattern, misspellings
from forms.printout.copies import CopyParse
from forms.report import Report
from forms.schema import FIELDS, PROGRESS_FIELDS_BY_KEY, Kind

_TEXT_KINDS = (Kind.TEXT, Kind.PARAGRAPH)


def corrected(text: str) -> str:
    """`text` with every known misspelling replaced by its right form."""
    table = misspellings()
    return misspelling_pattern().sub(lambda m: table[m.group()], text)


def narrative_key(no: int) -> str:
    """The key under which a progress report's corrected narrative is adopted."""
    return f"progress_reports#{no}.narrative"


@dataclass
class Corrections:
    """The imported report with the corrections made, and what was taken from where."""

    report: Report
    adopted: dict[str, str] = field(default_factory=dict)  # path -> the text taken
    warnings: list[str] = field(default_factory=list)


def prefer_right_spelling(
    chosen: CopyParse, number: int, others: Sequence[tuple[int, CopyParse]]
) -> Corrections:
    """`chosen`'s report, where another copy spells right what it misspells."""
    out = Corrections(chosen.report.copy())
    for field_ in FIELDS:
        if field_.kind in _TEXT_KINDS:
            value = getattr(out.report, field_.key)
            found = _found_in(value, others, lambda r, k=field_.key: [getattr(r, k)])
            if found is not None:
                setattr(out.report, field_.key, found[1])
                _adopt(out, field_.key, f'ช่อง "{field_.title}"', value, found, number)
        elif field_.kind == Kind.TEXT_LIST:
            items = getattr(out.report, field_.key)
            for i, item in enumerate(items):
                found = _found_in(item, others, lambda r, k=field_.key: getattr(r, k))
                if found is not None:
                    items[i] = found[1]
                    name = f'ช่อง "{field_.title}" ข้อ {i + 1}'
                    _adopt(out, f"{field_.key}[{i + 1}]", name, item, found, number)
    _narratives(out, others, number)
    return out


def _narratives(out: Corrections, others: Sequence[tuple[int, CopyParse]], number: int) -> None:
    title = PROGRESS_FIELDS_BY_KEY["narrative"].title
    for k, entry in enumerate(out.report.progress_reports):
        found = _found_in(
            entry.narrative,
            others,
            lambda r, no=entry.no: [p.narrative for p in r.progress_reports if p.no == no],
        )
        if found is not None:
            out.report.progress_reports[k] = replace(entry, narrative=found[1])
            name = f'รายงานครั้งที่ {entry.no} ช่อง "{title}"'
            _adopt(out, narrative_key(entry.no), name, entry.narrative, found, number)


def _found_in(
    value: str,
    others: Sequence[tuple[int, CopyParse]],
    texts_of: Callable[[Report], list[str]],
) -> tuple[int, str] | None:
    """(copy number, text) of the first other copy holding `value` spelt right."""
    if not value or not misspelling_pattern().search(value):
        return None
    right = corrected(value)
    for other_number, other in others:
        if right in texts_of(other.report):
            return other_number, right
    return None


def _adopt(
    out: Corrections, path: str, name: str, wrong: str, found: tuple[int, str], number: int
) -> None:
    other_number, right = found
    out.adopted[path] = right
    words = sorted(set(misspelling_pattern().findall(wrong)))
    table = misspellings()
    out.warnings.append(
        f"{name}: ฉบับที่ {number} สะกด {_quoted(words)} แต่ฉบับที่ {other_number} สะกด"
        f" {_quoted(table[w] for w in words)} — นำเข้าข้อความตามฉบับที่ {other_number} ที่สะกดถูก"
    )


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)
