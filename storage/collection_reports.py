"""Reading a collection's stored reports: a run of them fetched in one query, each read
with the fast reader of the program's own JSON (`forms.trusted_json`) when the text is
the one stored with its digest, else with the strict reader (`forms.interchange.loads`);
or only a report's progress log, all the Excel export needs of it.

An export reads every report of a collection in order: fetched one by one, 5,000 texts
took 0.2 s of queries, and read strictly 1.8 s (with the rows made of them, 2.8 s); fetched
200 at a time, their progress logs read fast take 0.5 s. Only one run of texts is held
at a time, so the window, which opens one report now and then, keeps little.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence

from forms.district.summary import ProgressLog, progress_log
from forms.report import Report

RUN = 200  # texts fetched together (SQLite takes up to 999 parameters in old builds)

# (table, ids) -> {id: (report_json, digest)} for those of the ids still stored
Fetch = Callable[[str, Sequence[int]], dict[int, tuple[str, str]]]


def digest_of(text: str) -> str:
    """What the `digest` column holds for a stored text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_report(text: str, digest: str) -> Report:
    """The report of a stored copy: its text read fast when it is the one this program
    stored with `digest` and looks as it writes it, else read strictly (which raises a
    `forms.errors.FormError` naming the problem of a text changed by hand)."""
    from forms.interchange import loads
    from forms.trusted_json import UntrustedJson, loads_trusted

    if digest_of(text) == digest:
        try:
            return loads_trusted(text)
        except UntrustedJson:
            pass
    return loads(text)


def stored_log(text: str, digest: str) -> ProgressLog:
    """The progress log of a stored copy, read as `stored_report` reads the report (the
    Excel export's progress and quarter sheets need nothing else of it)."""
    from forms.trusted_json import UntrustedJson, loads_trusted_log

    if digest_of(text) == digest:
        try:
            return loads_trusted_log(text)
        except UntrustedJson:
            pass
    return progress_log(stored_report(text, digest))


class StoredTexts:
    """The stored texts of `ids` (one table's rows, in the order they will be read), each
    fetched with the run of ids that follows it when it is first asked for."""

    def __init__(self, fetch: Fetch, table: str, ids: Sequence[int]) -> None:
        self._fetch, self._table, self._ids = fetch, table, list(ids)
        self._at = {row_id: i for i, row_id in enumerate(self._ids)}
        self._held: dict[int, tuple[str, str]] = {}
        self._lock = threading.Lock()  # the window may read reports from a worker thread

    def take(self, row_id: int) -> tuple[str, str] | None:
        """The (text, digest) of `row_id`, or None when it is no longer stored."""
        with self._lock:
            if row_id not in self._held:
                start = self._at.get(row_id)
                run = [row_id] if start is None else self._ids[start : start + RUN]
                self._held = self._fetch(self._table, run)  # the run before is let go
            return self._held.pop(row_id, None)
