"""Import in the window: แฟ้ม › นำเข้า…, a dropped file and pasted printout text, each
read for real (`forms.printout`), summarised before any draft exists, then kept in SQLite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from forms.interchange import loads
from forms.pdf import write_pdf
from forms.printout import import_file, parse_printout_text
from forms.report import Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs, settings
from ui.import_dialogs import ImportSummaryDialog, PasteDialog, field_label
from ui.main_window import MainWindow

PRINTOUT = Path(__file__).resolve().parent / "data"
PRINTOUT_TEXT = PRINTOUT / "progress-report-printout-sample.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "drafts.db"
    store = DraftStore.open(path)
    store.create(Report(project_name="ฉบับเดิม"))
    win = MainWindow(store, path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    store.close()


@pytest.fixture
def thai_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "แบบรายงานปีที่แล้ว"
    folder.mkdir()
    target = folder / "รายงาน ปี 2566.txt"
    shutil.copyfile(PRINTOUT_TEXT, target)
    return target


class Summary:
    """The replaced summary dialog: what it was shown, and how many drafts existed then."""

    def __init__(self, monkeypatch, window: MainWindow, accept: bool = True) -> None:
        self.shown: list[tuple[str, object, int]] = []
        self.window, self.accept = window, accept
        monkeypatch.setattr(dialogs, "confirm_import", self.confirm)

    def confirm(self, parent, source, result) -> bool:
        self.shown.append((source, result, len(self.window.store.list())))
        return self.accept


def messages(monkeypatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda parent, title, text, error=False: seen.append((title, text))
    )
    return seen


def test_import_a_printout_through_the_file_dialog(qtbot, window, thai_copy, monkeypatch):
    asked: list[Path] = []
    monkeypatch.setattr(  # the file the first time; the second time the clerk cancels
        dialogs,
        "open_file",
        lambda parent, title, folder, f: (
            None if asked.append(folder) or len(asked) > 1 else thai_copy
        ),
    )
    summary = Summary(monkeypatch, window)
    with qtbot.waitSignal(window.importer.imported) as imported:
        window.actions_by_text["นำเข้า…"].trigger()
    source, result, drafts_then = summary.shown[0]
    assert drafts_then == 1  # the summary came before the draft
    assert "รายงาน ปี 2566.txt" in source and result.copies_found == 4
    expected = import_file(thai_copy).report
    draft_id = imported.args[0]
    assert window.document.draft_id == draft_id and window.document.report == expected
    assert window.store.load(draft_id) == expected
    assert len(window.store.list()) == 2
    assert settings.last_folder("import") == thai_copy.parent
    window.importer.choose_file()  # the next time the dialog opens in that folder
    assert asked[-1] == thai_copy.parent


def test_cancelling_the_summary_creates_nothing(qtbot, window, thai_copy, monkeypatch):
    summary = Summary(monkeypatch, window, accept=False)
    opened = window.document.draft_id
    with qtbot.waitSignal(window.importer.cancelled):
        window.importer.import_path(thai_copy)
    assert summary.shown and len(window.store.list()) == 1
    assert window.document.draft_id == opened


def test_a_dropped_file_is_imported_not_pasted_into_the_box(qtbot, window, thai_copy, monkeypatch):
    summary = Summary(monkeypatch, window)
    window.form.setCurrentIndex(0)
    box = window.form.editors["project_name"]
    before = box.text()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(thai_copy))])
    mime.setText(str(thai_copy))  # what file managers add: the text boxes would take it
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(box, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.imported):
        QApplication.sendEvent(box, drop)
    assert drop.isAccepted() and summary.shown
    assert window.document.report.project_code == "50280000-6851"
    assert before == "ฉบับเดิม" and window.store.load(1).project_name == "ฉบับเดิม"


def test_other_drags_go_on_to_the_widgets(qtbot, window, tmp_path, monkeypatch):
    summary = Summary(monkeypatch, window)
    picture = tmp_path / "รูป.png"
    picture.write_bytes(b"\x89PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    assert not window.importer.eventFilter(
        window.form.editors["project_name"],
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert not window.background.busy and summary.shown == []


def test_paste_printout_text(qtbot, window, monkeypatch):
    text = PRINTOUT_TEXT.read_text(encoding="utf-8")
    monkeypatch.setattr(dialogs, "paste_printout", lambda parent: text)
    summary = Summary(monkeypatch, window)
    with qtbot.waitSignal(window.importer.imported):
        window.actions_by_text["วางข้อความจากแบบพิมพ์…"].trigger()
    source, _, drafts_then = summary.shown[0]
    assert source == "ข้อความที่วาง" and drafts_then == 1
    assert window.document.report == parse_printout_text(text).report


def test_an_exported_pdf_imports_back(qtbot, window, sample_report, tmp_path, monkeypatch):
    pdf = tmp_path / "ส่งออก.pdf"
    write_pdf(sample_report, pdf)
    Summary(monkeypatch, window)
    with qtbot.waitSignal(window.importer.imported, timeout=20000):
        window.importer.import_path(pdf)
    assert window.document.report == import_file(pdf).report
    assert window.document.report.project_name == sample_report.project_name


def test_a_json_file_imports_whole(qtbot, window, monkeypatch):
    Summary(monkeypatch, window)
    with qtbot.waitSignal(window.importer.imported):
        window.importer.import_path(DATA / "sample_report.json")
    assert window.document.report == loads((DATA / "sample_report.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("ว่าง.txt", b"", "ว่างเปล่า"),
        ("ไบนารี.txt", bytes(range(256)) * 4, "ไม่ใช่ข้อความ"),
        ("อื่น.txt", "สวัสดีครับ".encode(), "ไม่พบแบบรายงาน"),
        ("เสีย.json", b'{"project_name": 5}', "ชื่อโครงการ"),
        ("ตัด.pdf", b"%PDF-1.7\n1 0 obj\n<<", ""),
    ],
)
def test_a_bad_file_gives_a_thai_message_and_no_draft(
    qtbot, window, tmp_path, monkeypatch, name, content, words
):
    path = tmp_path / name
    path.write_bytes(content)
    summary = Summary(monkeypatch, window)
    seen = messages(monkeypatch)
    with qtbot.waitSignal(window.importer.failed, timeout=20000) as failed:
        window.importer.import_path(path)
    title, text = seen[0]
    assert title == "นำเข้าไม่ได้" and text == failed.args[0]
    assert name in text and words in text
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in text)
    assert summary.shown == [] and len(window.store.list()) == 1


def test_bad_pasted_text_gives_a_thai_message(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "paste_printout", lambda parent: "ข้อความอื่น ไม่ใช่แบบรายงาน")
    summary = Summary(monkeypatch, window)
    seen = messages(monkeypatch)
    with qtbot.waitSignal(window.importer.failed):
        window.importer.paste_text()
    assert "ไม่พบแบบรายงาน" in seen[0][1] and summary.shown == []
    assert len(window.store.list()) == 1


@pytest.mark.real_dialogs
def test_the_real_summary_shows_before_the_draft_and_accepting_creates_it(qtbot, window, thai_copy):
    seen: list[tuple[int, int, str]] = []
    poll = QTimer(interval=10)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportSummaryDialog):
            return  # the worker is still reading
        poll.stop()
        seen.append((len(window.store.list()), dialog.fields.rowCount(), dialog.tabs.tabText(1)))
        dialog.accept_button.click()

    poll.timeout.connect(answer)
    poll.start()  # the summary runs its own event loop; the timer keeps firing inside it
    try:
        with qtbot.waitSignal(window.importer.imported):
            window.importer.import_path(thai_copy)
    finally:
        poll.stop()
    result = import_file(thai_copy)
    assert seen == [(1, len(result.recognised), f"คำเตือน ({len(result.warnings)})")]


def test_the_summary_lists_fields_warnings_and_unused_lines(qtbot):
    result = import_file(PRINTOUT_TEXT)
    dialog = ImportSummaryDialog(" “x.txt” ", result)
    qtbot.addWidget(dialog)
    assert dialog.fields.rowCount() == len(result.recognised)
    labels = [dialog.fields.item(r, 0).text() for r in range(dialog.fields.rowCount())]
    assert "วัตถุประสงค์ของโครงการ ข้อ 2.3" in labels
    assert "รายงานครั้งที่ 5 วันที่รายงาน (พ.ศ.)" in labels
    assert "หลักการและเหตุผล ย่อหน้าที่ 3" in labels
    assert all(w.split("\n")[0] in dialog.warnings.toPlainText() for w in result.warnings)
    for no, text in result.unused_lines:
        assert f"บรรทัด {no}: {text}" in dialog.unused.toPlainText()
    assert dialog.tabs.tabText(2) == f"บรรทัดที่ไม่ได้ใช้ ({len(result.unused_lines)})"
    heading = dialog.findChild(QLabel, "import_heading")
    assert "พบแบบรายงาน 4 ฉบับ" in heading.text() and "“x.txt”" in heading.text()
    fields = len([p for p, _ in result.recognised if p != "page_header" and "copy[" not in p])
    assert (
        f"ได้ {fields} ช่อง" in heading.text() and dialog.tabs.tabText(0) == f"ข้อมูลที่อ่านได้ ({fields})"
    )
    hint = dialog.findChild(QLabel, "import_hint").text()
    assert f"คำเตือน {len(result.warnings)} รายการ" in hint
    assert f"บรรทัดที่ไม่ได้ใช้ {len(result.unused_lines)} บรรทัด" in hint


def test_the_fields_a_warning_is_about_are_marked_and_can_be_shown_alone(qtbot):
    result = import_file(PRINTOUT_TEXT)
    dialog = ImportSummaryDialog(" “x.txt” ", result)
    qtbot.addWidget(dialog)
    rows = {dialog.fields.item(r, 0).text(): r for r in range(dialog.fields.rowCount())}
    name = dialog.fields.item(rows["ชื่อโครงการ/กิจกรรม"], 0)
    assert not name.icon().isNull()
    assert 'ฉบับที่ 1 สะกด "คูณภาพ" แต่ฉบับที่ 3 สะกด "คุณภาพ"' in name.toolTip()
    code = dialog.fields.item(rows["รหัสโครงการ"], 0)
    assert code.icon().isNull() and "สะกด" not in code.toolTip()
    assert dialog.fields.item(rows["รายงานครั้งที่ 3 ความก้าวหน้า (%)"], 0).toolTip().count("ฉบับที่ 3")
    dialog.only_warned.setChecked(True)
    shown = [r for r in range(dialog.fields.rowCount()) if not dialog.fields.isRowHidden(r)]
    assert rows["ชื่อโครงการ/กิจกรรม"] in shown and rows["รหัสโครงการ"] not in shown
    assert (
        len(shown) == len(dialog.warned_rows) and f"({len(shown)} ช่อง" in dialog.only_warned.text()
    )
    dialog.only_warned.setChecked(False)
    assert not any(dialog.fields.isRowHidden(r) for r in range(dialog.fields.rowCount()))


def test_the_paste_box_reads_only_some_text(qtbot):
    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    assert not dialog.read_button.isEnabled()
    dialog.text.setFocus()
    type_text(dialog.text, "รายงานครั้งที่ 1")
    assert dialog.read_button.isEnabled()


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("project_name", "ชื่อโครงการ/กิจกรรม"),
        ("objectives[3]", "วัตถุประสงค์ของโครงการ ข้อ 2.3"),
        ("targets_quality[1]", "เป้าหมายด้านคุณภาพ ข้อ 3.2.1"),
        ("progress_reports[5].no", "รายงานครั้งที่ 5"),
        ("page_header", "หัวกระดาษที่ข้ามไป"),
        ("copy[2]", "ฉบับที่ 2"),
    ],
)
def test_field_labels(path, label):
    assert field_label(path) == label


@pytest.mark.parametrize("again", [True, False])
def test_importing_the_same_report_twice_asks_first(qtbot, window, monkeypatch, again):
    Summary(monkeypatch, window)
    with qtbot.waitSignal(window.importer.imported) as first:
        window.importer.import_path(DATA / "sample_report.json")
    window.open_draft(window.store.list()[-1].id)  # another draft is open meanwhile
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda _p, _t, text, **_k: asked.append(text) or again)
    signal = window.importer.imported if again else window.importer.cancelled
    with qtbot.waitSignal(signal):
        window.importer.import_path(DATA / "sample_report.json")
    assert len(asked) == 1
    assert "พัฒนาคูณภาพเครือข่ายโรงเรียน" in asked[0] and "2566" in asked[0]
    assert len(window.store.list()) == (3 if again else 2)
    if not again:  # the draft already there is opened instead
        assert window.document.draft_id == first.args[0]


def test_files_imported_are_offered_again_newest_first(qtbot, window, thai_copy, monkeypatch):
    from PySide6.QtWidgets import QMenu

    Summary(monkeypatch, window)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)  # the same project: "import it"
    for path in (DATA / "sample_report.json", thai_copy):
        with qtbot.waitSignal(window.importer.imported):
            window.importer.import_path(path)
    menu = window.findChild(QMenu, "recent_imports")
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["&1 รายงาน ปี 2566.txt", "&2 sample_report.json"]
    with qtbot.waitSignal(window.importer.imported):
        menu.actions()[1].trigger()
    assert len(window.store.list()) == 4
    menu.aboutToShow.emit()
    assert menu.actions()[0].text() == "&1 sample_report.json"
