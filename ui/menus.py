"""The window's menu bar and keyboard: every command, its menu, mnemonic and shortcut, in
one table.

Menus carry Latin mnemonics after the Thai name (`แฟ้ม (F)`, opened with Alt+F, as Thai
Windows programs do: a Thai letter needs the Thai keyboard layout). Alt alone and F10
put the focus on the menu bar on every platform (`MenuKeysStyle`; Windows' own style does
it, Linux's Fusion does not). Commands that act on a draft are enabled only while one is
open. Keys that would be dangerous window-wide (Delete) live on the widget they act on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle, QWidget

from ui.icons import icon

if TYPE_CHECKING:
    from ui.host import DraftsWindow

# The main window (ui.main_window, which imports this module): each command reaches one of
# its own methods by name, so it is typed loosely here and the import stays one way.
Window = Any

SEPARATOR = "-"
Key = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class Command:
    text: str  # the menu text, also the key of `MainWindow.actions_by_text`
    keys: tuple[Key, ...] = ()
    run: Callable[[Window], Callable[[], object]] | None = None
    icon_name: str | None = None
    needs_draft: bool = False


MENUS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    (
        "แฟ้ม (&F)",
        (
            Command("ฉบับร่างใหม่", (QKeySequence.StandardKey.New,), lambda w: w.new_draft, "new"),
            Command("นำเข้า…", ("Ctrl+I",), lambda w: w.importer.choose_file),
            Command("วางข้อความจากแบบพิมพ์…", ("Ctrl+Shift+V",), lambda w: w.importer.paste_text),
            Command("บันทึกทันที", (QKeySequence.StandardKey.Save,), lambda w: w.save_now, "save"),
            Command(SEPARATOR),
            Command("ส่งออก PDF…", ("Ctrl+E",), lambda w: w.pdf.export, needs_draft=True),
            Command("ดูตัวอย่างก่อนพิมพ์", ("Ctrl+Shift+P",), lambda w: w.pdf.preview, needs_draft=True),
            Command(
                "พิมพ์…",
                (QKeySequence.StandardKey.Print,),
                lambda w: w.pdf.print_report,
                needs_draft=True,
            ),
            Command(SEPARATOR),
            Command("กู้คืนจากสำเนาสำรอง…", (), lambda w: w.backups.restore_from_backup),
            Command("ส่งออกฉบับร่างทั้งหมด…", (), lambda w: w.backups.export_all),
            Command("นำเข้าฉบับร่างจากไฟล์สำรอง…", (), lambda w: w.backups.import_all),
            Command(SEPARATOR),
            Command("รวมรายงานของเขต…", (), lambda w: lambda: _open_district(w)),
            Command(SEPARATOR),
            Command("ปิดโปรแกรม", ("Ctrl+Q",), lambda w: w.close),
        ),
    ),
    (
        "แก้ไข (&E)",
        (
            Command("เลิกทำ", ("Ctrl+Z",), lambda w: lambda: w.edit_focused("undo")),
            Command("ทำซ้ำ", ("Ctrl+Y", "Ctrl+Shift+Z"), lambda w: lambda: w.edit_focused("redo")),
            Command(SEPARATOR),
            Command("ค้นหาฉบับร่าง", ("Ctrl+F",), lambda w: w.focus_search),
            Command(
                "คัดลอกเป็นปีงบประมาณถัดไป",
                ("Ctrl+D",),
                lambda w: w.duplicate_selected,
                "copy",
                needs_draft=True,
            ),
            Command(
                "ย้ายฉบับร่างไปถังขยะ…",
                (),
                lambda w: w.delete_selected,
                "trash",
                needs_draft=True,
            ),
            Command("ล้างถังขยะ…", (), lambda w: w.empty_bin),
        ),
    ),
    (
        "มุมมอง (&V)",
        (
            Command("รายการฉบับร่าง", ("Ctrl+Shift+D",), lambda w: w.toggle_drafts_panel),
            Command("แท็บถัดไป", ("Ctrl+PgDown",), lambda w: lambda: w.step_tab(1)),
            Command("แท็บก่อนหน้า", ("Ctrl+PgUp",), lambda w: lambda: w.step_tab(-1)),
        ),
    ),
    (
        "ช่วยเหลือ (&H)",
        (
            Command("วิธีใช้", ("F1",), lambda w: w.show_guide),
            Command("เกี่ยวกับโปรแกรม", (), lambda w: w.show_about),
        ),
    ),
)


def _open_district(window: DraftsWindow) -> object:
    from ui.district_open import open_district  # loaded when first used, not at start

    return open_district(window)


TAB_KEYS = tuple(f"Ctrl+{n}" for n in range(1, 10))  # Ctrl+N goes to tab N


class MenuKeysStyle(QProxyStyle):
    """Alt alone opens the menu bar on every platform (Windows' style already does)."""

    def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:
        if hint == QStyle.StyleHint.SH_MenuBar_AltKeyNavigation:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def build(window: Window) -> dict[str, QAction]:
    """The menu bar of `window` with every command; the actions by their text."""
    actions: dict[str, QAction] = {}
    for title, commands in MENUS:
        menu = window.menuBar().addMenu(title)
        menu.setObjectName(f"menu_{len(actions)}")
        for command in commands:
            if command.text == SEPARATOR:
                menu.addSeparator()
                continue
            actions[command.text] = _action(window, menu, command)
        if title.startswith("มุมมอง"):
            dock = window.problems_dock.toggleViewAction()
            menu.insertAction(menu.actions()[0], dock)
    for number, key in enumerate(TAB_KEYS, start=1):
        tab = QAction(window)
        tab.setShortcut(QKeySequence(key))
        tab.triggered.connect(lambda _=False, n=number: window.go_to_tab(n - 1))
        window.addAction(tab)
    f10 = QAction(window)
    f10.setShortcut(QKeySequence("F10"))
    f10.triggered.connect(lambda: open_menu_bar(window))
    window.addAction(f10)
    return actions


def _action(window: Window, menu: QMenu, command: Command) -> QAction:
    action = QAction(
        icon(command.icon_name) if command.icon_name else QIcon(), command.text, window
    )
    keys = [QKeySequence(k) for k in command.keys if k is not None]
    if keys:
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if command.run is not None:
        slot = command.run(window)
        action.triggered.connect(lambda _=False: slot())
    menu.addAction(action)
    window.addAction(action)  # its keys work while the menu bar is hidden too
    return action


def open_menu_bar(window: QWidget) -> None:
    """F10: the first menu, open, as Windows does."""
    bar = window.menuBar()  # type: ignore[attr-defined]
    first = bar.actions()[0] if bar.actions() else None
    if first is not None:
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.setActiveAction(first)


def install_style(app: QApplication) -> None:
    if not isinstance(app.style(), MenuKeysStyle):
        app.setStyle(MenuKeysStyle(app.style().name()))
