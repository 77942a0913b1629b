"""Finding the report files a district collects, and reading each one as import does.

`find_inputs` walks the files and folders given (recursively, sorted, so two runs over
the same folder read the same files in the same order); `read_inputs` reads each with the
import's own reader (`forms.printout.import_file`: an app PDF through its attached JSON, an
official printout's text otherwise, `.json`/`.bmareport` as interchange), runs the checks
for the error and warning counts, and yields one `Read` per input, in the order found.
A `.db` (any SQLite file given by name) is another collection, for the caller to merge.

Why worker processes: reading a PDF is native code (PDFium), so the import reads each
one in a child process it can kill and whose memory it caps; starting that child costs
0.1–0.15 s, several times the 15–20 ms of reading and checking a report's PDF. With many
PDFs, a few long-lived workers (one per core) read them instead: each caps its own memory
as the child does, the parent kills a worker that takes longer than the child's time
limit, and a file whose worker died is read once more the import's way, for its message.
Nothing here writes: `storage.collection` adds what is read.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from forms.district.summary import SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT
from forms.errors import FormError
from forms.filetypes import IMPORTABLE_SUFFIXES, is_interchange
from forms.report import Report

SQLITE_HEADER = b"SQLite format 3\x00"
# from this many PDFs on, worker processes read them (fewer: one bounded child each)
POOL_FROM = 3
MAX_WORKERS = 4

INPUT_REPORT, INPUT_COLLECTION, INPUT_MISSING, INPUT_EMPTY = (
    "report",
    "collection",
    "missing",
    "empty",
)


@dataclass(frozen=True)
class Input:
    """One file to read (or a named path that gives none: missing, an empty folder)."""

    path: Path
    kind: str  # INPUT_*


@dataclass(frozen=True)
class Read:
    """What one input gave: a report with its check counts, a collection to merge, or the
    Thai reason it gives nothing (`refusal`)."""

    path: Path
    report: Report | None = None
    source_kind: str = ""  # SOURCE_* of forms.district.summary
    errors: int = 0
    warnings: int = 0
    notes: tuple[str, ...] = ()  # the reader's own warnings (a printout's doubts, edited pages)
    refusal: str = ""
    is_collection: bool = False


def find_inputs(paths: Sequence[Path]) -> list[Input]:
    """Every file to read, in order: each path as given; a folder's report files
    (`.pdf`, `.json`, `.bmareport`, `.txt`, any case) recursively, sorted by name. A file
    given by name is read whatever its name (a SQLite file is a collection); a file found
    twice is read once."""
    found: list[Input] = []
    seen: set[Path] = set()

    def add(path: Path, kind: str) -> None:
        key = path.resolve() if kind != INPUT_MISSING else path
        if key not in seen:
            seen.add(key)
            found.append(Input(path, kind))

    for path in paths:
        if path.is_dir():
            files = _report_files(path)
            if not files:
                add(path, INPUT_EMPTY)
            for file in files:
                add(file, INPUT_REPORT)
        elif path.is_file():
            add(path, INPUT_COLLECTION if _is_sqlite(path) else INPUT_REPORT)
        else:
            add(path, INPUT_MISSING)
    return found


def _report_files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):  # links to folders are not followed: no loops
        dirs.sort()
        base = Path(root)
        out += [base / name for name in sorted(files) if _is_report_name(name)]
    return out


def _is_report_name(name: str) -> bool:
    return Path(name).suffix.lower() in IMPORTABLE_SUFFIXES


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def read_report_file(path: Path, *, in_process_pdf: bool = False) -> Read:
    """The report in one file, checked; never raises for a bad file (its `refusal` says
    why in Thai). `in_process_pdf` as `import_file`'s: only in a bounded worker."""
    from forms.checks import check_report
    from forms.printout import import_file

    try:
        result = import_file(path, in_process_pdf=in_process_pdf)
    except FormError as exc:  # PrintoutError too: not a report, damaged, over the limits
        return Read(path, refusal=_naming(path, str(exc)))
    except MemoryError:
        return Read(path, refusal=f'ไฟล์ "{path.name}" ใหญ่เกินกว่าจะอ่านได้ — ตรวจว่าเลือกไฟล์ถูก')
    except Exception as exc:  # one file must not stop the others: said, not raised
        return Read(
            path,
            refusal=f'อ่านไฟล์ "{path.name}" ไม่ได้ เพราะข้อผิดพลาดที่ไม่คาดคิด'
            f" ({type(exc).__name__}: {exc}) — โปรดแจ้งผู้ดูแลโปรแกรม",
        )
    problems = check_report(result.report)
    errors = sum(1 for p in problems if p.is_error)
    return Read(
        path,
        result.report,
        _source_kind(path, result.recognised),
        errors,
        len(problems) - errors,
        tuple(result.warnings),
    )


def _naming(path: Path, message: str) -> str:
    return message if path.name in message else f'ไฟล์ "{path.name}": {message}'


def _source_kind(path: Path, recognised: list[tuple[str, str]]) -> str:
    if any(key == "pdf_attachment" for key, _ in recognised):
        return SOURCE_APP_PDF
    suffix = path.suffix.lower()
    if is_interchange(path):
        return SOURCE_JSON
    if suffix in (".pdf", ".txt"):
        return SOURCE_PRINTOUT
    # a file named otherwise, read by its content: JSON gives every field, a printout's
    # text also its structure (page headers, copies)
    structure = any(key.startswith(("copy[", "page_")) for key, _ in recognised)
    return SOURCE_PRINTOUT if structure else SOURCE_JSON


def read_inputs(inputs: Sequence[Input], workers: int | None = None) -> Iterator[Read]:
    """One `Read` per input, in the order given. PDFs are read by `workers` processes
    (default: one per core, at most `MAX_WORKERS`) when there are `POOL_FROM` or more;
    `workers=0` reads every file in this process (each PDF in its bounded child)."""
    pdfs = [i for i, item in enumerate(inputs) if _pooled(item)]
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
    pool = _PdfPool(min(workers, len(pdfs))) if workers > 0 and len(pdfs) >= POOL_FROM else None
    try:
        if pool is not None:
            pool.submit([(i, inputs[i].path) for i in pdfs])
        for index, item in enumerate(inputs):
            if pool is not None and _pooled(item):
                yield pool.result(index)
            else:
                yield _read_here(item)
            if pool is not None:
                pool.pump(0)  # keep the workers fed while the caller stores this one
    finally:
        if pool is not None:
            pool.close()


def _pooled(item: Input) -> bool:
    return item.kind == INPUT_REPORT and item.path.suffix.lower() == ".pdf"


def _read_here(item: Input) -> Read:
    if item.kind == INPUT_COLLECTION:
        return Read(item.path, is_collection=True)
    if item.kind == INPUT_MISSING:
        return Read(item.path, refusal=f'ไม่พบไฟล์หรือโฟลเดอร์ "{item.path}" — ตรวจชื่อและที่อยู่อีกครั้ง')
    if item.kind == INPUT_EMPTY:
        return Read(
            item.path,
            refusal=f'โฟลเดอร์ "{item.path}" ไม่มีไฟล์รายงาน (.pdf, .json, .bmareport, .txt)'
            " — ตรวจว่าเลือกโฟลเดอร์ถูก",
        )
    return read_report_file(item.path)


# -- the worker processes --------------------------------------------------------------------


def _serve(conn: Connection, memory: int) -> None:
    """A worker: read the PDF named by each message, send back its `Read`; stop at None."""
    # the reader, the checks and PDFium loaded before the cap, as the import's child does
    import pypdfium2  # noqa: F401

    import forms.checks
    import forms.printout  # noqa: F401

    _limit_memory(memory)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        index, path = message
        conn.send((index, read_report_file(Path(path), in_process_pdf=True)))


def _limit_memory(limit: int) -> None:
    try:
        import resource  # POSIX only; on Windows the parent's time-out is the bound
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _Worker:
    def __init__(self, context: Any, memory: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, Path] | None = None
        self.deadline = 0.0

    def give(self, task: tuple[int, Path], timeout: float) -> None:
        self.task, self.deadline = task, time.monotonic() + timeout
        self.conn.send((task[0], str(task[1])))

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if not kill:
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


class _PdfPool:
    """Workers reading PDFs; results kept by input index until asked for."""

    def __init__(self, size: int) -> None:
        from forms.printout.pdf_text import MEMORY_BYTES, TIMEOUT

        # spawn, not fork: the window's process has Qt's threads, which a fork would copy
        self._context = multiprocessing.get_context("spawn")
        self._memory, self._timeout = MEMORY_BYTES, TIMEOUT
        self._workers = [_Worker(self._context, self._memory) for _ in range(size)]
        self._queue: deque[tuple[int, Path]] = deque()
        self._done: dict[int, Read] = {}

    def submit(self, tasks: Sequence[tuple[int, Path]]) -> None:
        self._queue.extend(tasks)
        self.pump(0)

    def result(self, index: int) -> Read:
        while index not in self._done:
            self.pump(None)
        return self._done.pop(index)

    def pump(self, timeout: float | None) -> None:
        """Hand out work, then take what is done (waiting up to `timeout`; None: until
        something is done or a worker's time is up)."""
        for worker in self._workers:
            if worker.task is None and self._queue:
                worker.give(self._queue.popleft(), self._timeout)
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return
        now = time.monotonic()
        limit = max(0.0, min(w.deadline for w in busy) - now)
        ready = wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy],
            limit if timeout is None else min(timeout, limit),
        )
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                self._take(worker)
            elif time.monotonic() >= worker.deadline:
                self._time_out(worker)

    def _take(self, worker: _Worker) -> None:
        assert worker.task is not None
        index, path = worker.task
        try:
            got, read = worker.conn.recv()
        except (EOFError, OSError):
            # the worker died (PDFium crashed, or the memory cap): the import's own bounded
            # child reads the file once more and says why in its words
            self._replace(worker)
            self._done[index] = read_report_file(path)
            return
        worker.task = None
        self._done[got] = read

    def _time_out(self, worker: _Worker) -> None:
        assert worker.task is not None
        index, path = worker.task
        self._replace(worker)
        self._done[index] = Read(
            path,
            refusal=f'อ่านไฟล์ PDF "{path.name}" ไม่เสร็จภายใน {self._timeout:g} วินาที จึงหยุดอ่าน'
            " — ไฟล์อาจเสียหาย ลองดาวน์โหลดใหม่ หรือคัดลอกข้อความจาก PDF มาวางแทน",
        )

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._workers[self._workers.index(worker)] = _Worker(self._context, self._memory)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=worker.task is not None)
        self._workers = []
