"""The drafts panel: the list, filtering as you type, New/Duplicate/Delete/Restore."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from forms.report import ProgressReport, Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs
from ui.draft_list import CHANGED_ROLE, DETAILS_ROLE, local_time_text, row_colors
from ui.drafts_panel import DraftsPanel
from ui.main_window import MainWindow


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "drafts.db"
    with DraftStore.open(path) as store:
        store.create(
            Report(
                project_name="อบรมครูภาษาอังกฤษ",
                project_code="50280000-7001",
                fiscal_year=2566,
                agency_office="สำนักงานเขตบางกะปิ",
            )
        )
        store.create(
            Report(
                project_name="พัฒนาคุณภาพเครือข่ายโรงเรียน",
                project_code="50280000-6851",
                fiscal_year=2566,
                agency_office="สำนักงานเขตบึงกุ่ม",
                start_date=date(2022, 10, 1),
                end_date=date(2023, 9, 30),
                progress_reports=[ProgressReport(1, date(2023, 1, 30), "ครั้งแรก")],
            )
        )
        store.create(
            Report(
                project_name="ปรับปรุงห้องสมุด",
                project_code="50280000-7100",
                fiscal_year=2567,
                agency_office="สำนักงานเขตบึงกุ่ม",
            )
        )
    return path


@pytest.fixture
def window(qtbot, db_path):
    store = DraftStore.open(db_path)
    win = MainWindow(store, db_path)
    win.show()
    yield win
    win.close()
    store.close()


def names(window: MainWindow) -> list[str]:
    return [d.project_name for d in window.panel.model.drafts]


def test_lists_newest_first_and_opens_the_newest(window):
    assert names(window) == ["ปรับปรุงห้องสมุด", "พัฒนาคุณภาพเครือข่ายโรงเรียน", "อบรมครูภาษาอังกฤษ"]
    assert window.document.report.project_name == "ปรับปรุงห้องสมุด"
    index = window.panel.model.index(1)
    assert index.data() == "พัฒนาคุณภาพเครือข่ายโรงเรียน"
    assert index.data(DETAILS_ROLE) == "50280000-6851 · ปีงบประมาณ 2566"
    summary = window.panel.model.drafts[1]
    assert index.data(CHANGED_ROLE) == f"แก้ไข {local_time_text(summary.updated_at)}"


def test_the_list_model_follows_qt_rules(qtmodeltester, window):
    qtmodeltester.check(window.panel.model, force_py=True)


def test_last_change_is_local_time_with_a_be_year():
    from datetime import UTC, datetime

    moment = datetime(2023, 1, 30, 17, 30, tzinfo=UTC)
    local = moment.astimezone()
    expected = (
        f"{local.day:02d}/{local.month:02d}/{local.year + 543} {local.hour:02d}:{local.minute:02d}"
    )
    assert local_time_text(moment) == expected
    assert local_time_text(None) == ""


def test_search_filters_as_you_type(qtbot, window):
    search = window.panel.search
    type_text(search, "บึงกุ่ม")
    assert names(window) == ["ปรับปรุงห้องสมุด", "พัฒนาคุณภาพเครือข่ายโรงเรียน"]
    type_text(search, " 6851")
    assert names(window) == ["พัฒนาคุณภาพเครือข่ายโรงเรียน"]
    type_text(search, "x")
    assert names(window) == [] and window.panel.empty.isVisible()
    assert "6851x" in window.panel.empty.text()
    search.clear()
    assert len(names(window)) == 3 and not window.panel.empty.isVisible()


def test_clicking_a_draft_opens_it(qtbot, window):
    view = window.panel.view
    rect = view.visualRect(window.panel.model.index(2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.report.project_name == "อบรมครูภาษาอังกฤษ"
    assert window.windowTitle().startswith("อบรมครูภาษาอังกฤษ")


def test_duplicate_for_next_year(qtbot, window, db_path):
    window.panel.select(window.panel.model.drafts[1].id)
    source_id = window.document.draft_id
    qtbot.mouseClick(window.panel.duplicate_button, Qt.MouseButton.LeftButton)
    new = window.document
    assert new.draft_id != source_id
    assert new.report.fiscal_year == 2567
    assert new.report.start_date == date(2023, 10, 1) and new.report.progress_reports == []
    assert names(window)[0] == "พัฒนาคุณภาพเครือข่ายโรงเรียน" and len(names(window)) == 4
    assert window.panel.selected_id() == new.draft_id
    assert window.form.editors["start_date"].line.text() == "01/10/2566"


def test_delete_to_the_bin_and_restore(qtbot, window, db_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask", lambda parent, title, text, **kw: asked.append(text) or True
    )
    opened = window.document.draft_id
    name = window.document.report.project_name
    name_box = window.form.editors["project_name"]
    name_box.end(False)  # a name is shown from its start; the clerk adds at its end
    type_text(name_box, " (แก้)")  # an unsaved edit, then delete
    qtbot.mouseClick(window.panel.delete_button, Qt.MouseButton.LeftButton)
    assert name in asked[0]
    assert opened not in [d.id for d in window.panel.model.drafts]
    assert window.document.draft_id == window.panel.model.drafts[0].id  # the next one opened
    with DraftStore.open(db_path) as store:
        assert [d.id for d in store.list_bin()] == [opened]
        assert store.load(opened).project_name == name + " (แก้)"  # the edit was saved first

    window.panel.show_bin(True)
    assert [d.id for d in window.panel.model.drafts] == [opened]
    assert window.panel.restore_button.isVisible() and not window.panel.new_button.isVisible()
    assert window.panel.model.index(0).data(CHANGED_ROLE).startswith("ลบเมื่อ ")
    window.panel.select(opened)
    qtbot.mouseClick(window.panel.restore_button, Qt.MouseButton.LeftButton)
    assert not window.panel.in_bin
    assert window.document.draft_id == opened
    assert opened in [d.id for d in window.panel.model.drafts]


def test_delete_asks_and_no_keeps_the_draft(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask", lambda *args, **kw: False)
    before = names(window)
    qtbot.mouseClick(window.panel.delete_button, Qt.MouseButton.LeftButton)
    assert names(window) == before


def test_new_draft_starts_empty_and_names_itself_as_typed(qtbot, window):
    qtbot.mouseClick(window.panel.new_button, Qt.MouseButton.LeftButton)
    assert window.document.report == Report()
    assert names(window)[0] == "" and window.panel.model.index(0).data() == "(ยังไม่มีชื่อโครงการ)"
    type_text(window.form.editors["project_name"], "โครงการใหม่")
    assert window.windowTitle().startswith("โครงการใหม่")
    qtbot.waitUntil(lambda: not window.document.dirty, timeout=5000)
    assert window.panel.model.index(0).data() == "โครงการใหม่"  # the list follows the save


Group, Role, State = QPalette.ColorGroup, QPalette.ColorRole, QStyle.StateFlag
# Windows-like: the active selection is dark with white text, the inactive one light grey
# with black text, so a row painted with the wrong group's colours is plain to see
COLORS = {  # Highlight, HighlightedText, Text, PlaceholderText
    Group.Active: ("#1f3a93", "#ffffff", "#101010", "#606060"),
    Group.Inactive: ("#d4d4d4", "#000000", "#202020", "#707070"),
    Group.Disabled: ("#e8e8e8", "#a0a0a0", "#909090", "#c0c0c0"),
}


def two_group_palette() -> QPalette:
    palette = QPalette()
    roles = (Role.Highlight, Role.HighlightedText, Role.Text, Role.PlaceholderText)
    for group, colors in COLORS.items():
        palette.setColor(group, Role.Base, QColor("#ffffff"))
        palette.setColor(group, Role.AlternateBase, QColor("#ffffff"))
        for role, color in zip(roles, colors, strict=True):
            palette.setColor(group, role, QColor(color))
    palette.setCurrentColorGroup(Group.Active)  # the option's state, not this, picks the group
    return palette


@pytest.mark.parametrize(
    ("state", "group"),
    [
        (State.State_Enabled | State.State_Active, Group.Active),
        (State.State_Enabled, Group.Inactive),
        (State.State_Active, Group.Disabled),
    ],
)
@pytest.mark.parametrize("selected", [True, False])
def test_row_colors_come_from_the_group_of_the_state(state, group, selected):
    option = QStyleOptionViewItem()
    option.palette = two_group_palette()
    option.state = state | State.State_Selected if selected else state
    roles = (Role.HighlightedText,) * 2 if selected else (Role.Text, Role.PlaceholderText)
    assert row_colors(option) == tuple(option.palette.color(group, role) for role in roles)


def test_selected_row_of_an_inactive_window_is_painted_with_the_inactive_colours(qtbot, db_path):
    with DraftStore.open(db_path) as store:
        panel = DraftsPanel(store)
        qtbot.addWidget(panel)
        view = panel.view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.widget = view
        option.palette = two_group_palette()
        option.state = State.State_Enabled | State.State_Selected  # no State_Active
        option.rect = QRect(0, 0, 300, view.verticalHeader().defaultSectionSize())
        image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        view.itemDelegate().paint(painter, option, panel.model.index(0))
        painter.end()

    grey = QColor(COLORS[Group.Inactive][0])
    assert image.pixelColor(2, 2) == grey
    pixels = [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]
    # black text on the light grey: nothing lighter than the grey (no white text), some dark
    assert max(c.lightness() for c in pixels) <= grey.lightness()
    assert min(c.lightness() for c in pixels) < 64
