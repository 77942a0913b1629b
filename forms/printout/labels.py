"""The printout's fixed texts (page header, headings, field labels) and fuzzy matching.

Labels come from `forms.schema.FIELDS[..].label`, so the parser reads exactly what the
schema says is printed; the title, headings and certification are `forms.printed`'s, as
the PDF prints them; the page footer is this app's. OCR and
text extraction damage labels (`ประเด็นยุทธศา ย่อย`), so they are compared with difflib's
ratio after dropping spaces, dots and markup, the closest one winning above a threshold.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache, lru_cache

from forms.printed import HEADINGS, PAGE_TITLE
from forms.schema import FIELDS, FIELDS_BY_KEY, Kind

SIGNER_LABEL = FIELDS_BY_KEY["signer_name"].label  # ลงชื่อ
POSITION_LABEL = FIELDS_BY_KEY["signer_position"].label  # ตำแหน่ง
# the page number this app prints at the foot of each page (`หน้า 1/3`), or `หน้า 1 จาก 3`
PAGE_FOOTER = re.compile(r"\s*หน้า\s*\d+\s*(?:/|จาก)\s*\d+\s*")

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


def _trigrams(letters: str) -> frozenset[str]:
    return frozenset(map("".join, zip(letters, letters[1:], letters[2:], strict=False)))


class _Printed:
    """A printed text prepared for comparison: its key and the key's trigrams."""

    def __init__(self, text: str) -> None:
        self.key = key(text)
        self.trigrams = _trigrams(self.key)


@lru_cache(maxsize=4096)  # each line is compared with the header, headings and labels
def _prepared(text: str) -> _Printed:
    return _Printed(text)


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the keys (spaces, dots and markup ignored)."""
    return _ratio(_prepared(a), _prepared(b), 0.0)


def _ratio(line: _Printed, printed: _Printed, threshold: float) -> float:
    """The ratio, or 0.0 as soon as a cheap bound shows it is below `threshold`.

    Every line of a text is compared with every label and heading, so the bounds matter:
    the lengths bound the ratio, and a ratio of 0.8 leaves long runs of letters in common,
    so a line sharing under a sixth of a printed text's trigrams cannot reach it (a 20 MB
    text of unrelated lines is then read in seconds, not minutes).
    """
    a, b = line.key, printed.key
    if not a or not b or 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return 0.0
    if threshold and printed.trigrams:
        shared = len(printed.trigrams & line.trigrams)
        if shared < len(printed.trigrams) / 6:
            return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def closest(text: str, candidates: dict[str, str], threshold: float) -> str | None:
    """The candidate name whose printed text is most like `text`, if at least `threshold`."""
    line = _prepared(text)
    best, best_score = None, threshold
    for name, printed in candidates.items():
        score = _ratio(line, _prepared(printed), best_score)
        if score >= best_score:
            best, best_score = name, score
    return best


def is_page_header(text: str) -> bool:
    """`** แบบแสดงรายงาน... **` as repeated at the top of every page."""
    if PAGE_TITLE in text:
        return len(key(text)) < 2 * len(PAGE_TITLE)
    return closest(text, _PAGE_CANDIDATES, PAGE_HEADER_THRESHOLD) is not None


def heading_of(text: str, after: str | None = None) -> str | None:
    """The section key of a heading line, or None.

    Only headings printed after section `after` are candidates (and those that start a
    copy), and a short heading must match more closely than a long one: a paragraph such
    as `3.2 ด้านคุ` must not end the rationale.
    """
    if len(_prepared(text).key) > 2 * _LONGEST_HEADING:
        return None
    found = closest(text, _headings_after(after), HEADING_THRESHOLD)
    if found is None:
        return None
    needed = HEADING_THRESHOLD + (0.1 if len(key(HEADINGS[found])) < _SHORT_HEADING else 0.0)
    return found if similarity(text, HEADINGS[found]) >= needed else None


@cache
def _headings_after(after: str | None) -> dict[str, str]:
    order = list(HEADINGS)
    # after the footer ("footer" is no heading) only a new copy may start
    start = order.index(after) + 1 if after in HEADINGS else (len(order) if after else 0)
    return {k: HEADINGS[k] for k in order if k in order[start:] or k in ("doc", "1.1")}


def label_of(text: str, threshold: float = LABEL_THRESHOLD) -> str | None:
    """The printed label (a key of `LABELLED`) that `text` is, allowing for OCR damage."""
    return closest(text, _LABEL_CANDIDATES, threshold)


_LABEL_CANDIDATES = {label: label for label in LABELLED}
_PAGE_CANDIDATES = {"page": PAGE_TITLE}


_LONGEST_HEADING = max(len(key(h)) for h in HEADINGS.values())
