"""Two stores on one file in two threads (the window saves from a worker thread)."""

from __future__ import annotations

import threading
from pathlib import Path

from forms.report import Report
from storage.drafts import DraftStore


def test_a_second_store_in_another_thread_saves_what_the_first_sees(
    tmp_path: Path, sample_report: Report
):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as main_store:
        draft_id = main_store.create(Report(project_name="ร่าง"))
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                with DraftStore.open(db_path) as worker_store:
                    for _ in range(20):
                        worker_store.save(draft_id, sample_report)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(3)]
        for thread in threads:
            thread.start()
        for _ in range(20):
            main_store.list()
            main_store.load(draft_id)
        for thread in threads:
            thread.join()
        assert errors == []
        assert main_store.load(draft_id) == sample_report


def test_one_store_handed_to_a_worker_thread(tmp_path: Path, sample_report: Report):
    with DraftStore.open(tmp_path / "drafts.db") as store:
        draft_id = store.create(Report())
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                store.save(draft_id, sample_report)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert errors == []
        assert store.load(draft_id) == sample_report
