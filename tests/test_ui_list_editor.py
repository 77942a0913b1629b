"""List fields: add, remove, move up/down, and the printed numbering (2.1, 3.1.2, ...)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forms.schema import FIELDS_BY_KEY
from tests.keyboard import type_text
from ui import dialogs
from ui.editors import make_editor
from ui.list_editor import TextListEditor


def make(qtbot, key: str) -> tuple[TextListEditor, list[list[str]]]:
    editor = make_editor(FIELDS_BY_KEY[key])
    qtbot.addWidget(editor)
    seen: list[list[str]] = []
    editor.edited.connect(seen.append)
    return editor, seen


def numbers(editor: TextListEditor) -> list[str]:
    return [row.number.text() for row in editor.rows]


def add(qtbot, editor: TextListEditor, text: str) -> None:
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    type_text(editor.rows[-1].text, text)


def test_add_items_with_the_button_and_type_them(qtbot):
    editor, seen = make(qtbot, "objectives")
    add(qtbot, editor, "เพื่อพัฒนา")
    add(qtbot, editor, "เพื่อคัดเลือก")
    assert editor.value() == ["เพื่อพัฒนา", "เพื่อคัดเลือก"]
    assert seen[-1] == ["เพื่อพัฒนา", "เพื่อคัดเลือก"]
    assert numbers(editor) == ["2.1", "2.2"]


def test_target_lists_number_as_printed(qtbot):
    quantity, _ = make(qtbot, "targets_quantity")
    quality, _ = make(qtbot, "targets_quality")
    quantity.show_value(["ก", "ข", "ค"])
    quality.show_value(["ง"])
    assert numbers(quantity) == ["3.1.1", "3.1.2", "3.1.3"]
    assert numbers(quality) == ["3.2.1"]


def test_move_up_and_down_renumbers(qtbot):
    editor, seen = make(qtbot, "objectives")
    editor.show_value(["หนึ่ง", "สอง", "สาม"])
    assert seen == []  # showing a value from the model is not an edit
    qtbot.mouseClick(editor.rows[2].up, Qt.MouseButton.LeftButton)
    assert editor.value() == ["หนึ่ง", "สาม", "สอง"]
    qtbot.mouseClick(editor.rows[0].down, Qt.MouseButton.LeftButton)
    assert editor.value() == ["สาม", "หนึ่ง", "สอง"]
    assert [row.text.toPlainText() for row in editor.rows] == ["สาม", "หนึ่ง", "สอง"]
    assert seen[-1] == ["สาม", "หนึ่ง", "สอง"]
    assert not editor.rows[0].up.isEnabled() and not editor.rows[2].down.isEnabled()


def test_remove_asks_first_when_the_item_has_text(qtbot, monkeypatch):
    editor, seen = make(qtbot, "targets_quality")
    editor.show_value(["ก", "ข", ""])
    answers = iter([False, True])
    questions: list[str] = []

    def ask(parent, title, text, **kwargs):
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask", ask)
    qtbot.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    assert editor.value() == ["ก", "ข", ""]  # the clerk said no
    qtbot.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    assert editor.value() == ["ข", ""]
    assert "3.2.1" in questions[0] and "ก" in questions[0]
    qtbot.mouseClick(editor.rows[1].remove, Qt.MouseButton.LeftButton)  # empty: no question
    assert editor.value() == ["ข"] and len(questions) == 2
    assert numbers(editor) == ["3.2.1"] and seen[-1] == ["ข"]


def test_rationale_paragraphs_take_several_lines(qtbot):
    editor, _ = make(qtbot, "rationale")
    add(qtbot, editor, "บรรทัดแรก")
    qtbot.keyClick(editor.rows[0].text, Qt.Key.Key_Return)
    type_text(editor.rows[0].text, "บรรทัดสอง")
    assert editor.value() == ["บรรทัดแรก\nบรรทัดสอง"]
    assert numbers(editor) == ["ย่อหน้า 1"]


def test_enter_in_an_objective_starts_the_next_one(qtbot):
    editor, _ = make(qtbot, "objectives")
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    add(qtbot, editor, "ก")
    add(qtbot, editor, "ค")
    editor.rows[0].text.setFocus()
    qtbot.keyClick(editor.rows[0].text, Qt.Key.Key_Return)  # one numbered line: never split
    assert editor.value() == ["ก", "", "ค"]
    assert editor.rows[1].text.hasFocus()
    type_text(editor.rows[1].text, "ข")
    assert editor.value() == ["ก", "ข", "ค"]
    assert numbers(editor) == ["2.1", "2.2", "2.3"]


def test_items_are_moved_and_removed_from_the_keyboard(qtbot, monkeypatch):
    editor, _ = make(qtbot, "objectives")
    for text in ("ก", "ข", "ค"):
        add(qtbot, editor, text)
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor.rows[2].text, Qt.Key.Key_Up, alt)
    assert editor.value() == ["ก", "ค", "ข"]
    qtbot.keyClick(editor.rows[0].text, Qt.Key.Key_Down, alt)
    assert editor.value() == ["ค", "ก", "ข"]
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    qtbot.keyClick(editor.rows[1].text, Qt.Key.Key_Delete, ctrl)
    assert editor.value() == ["ค", "ข"]


def test_ctrl_enter_starts_a_new_paragraph_and_enter_breaks_the_line(qtbot):
    editor, _ = make(qtbot, "rationale")
    add(qtbot, editor, "ก")
    qtbot.keyClick(editor.rows[0].text, Qt.Key.Key_Return)
    type_text(editor.rows[0].text, "ข")
    qtbot.keyClick(editor.rows[0].text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.rows[1].text, "ค")
    assert editor.value() == ["ก\nข", "ค"]


def test_tab_goes_through_the_items_then_to_the_add_button(qtbot):
    editor, _ = make(qtbot, "objectives")
    editor.show()
    qtbot.waitExposed(editor)
    for text in ("ก", "ข"):
        add(qtbot, editor, text)
    chain = [editor.rows[0].text]
    for _ in range(2):
        chain.append(chain[-1].nextInFocusChain())
        while not (chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus):
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain[1:] == [editor.rows[1].text, editor.add_button]


def test_text_longer_than_the_field_allows_is_kept_whole(qtbot):
    editor, seen = make(qtbot, "objectives")
    add(qtbot, editor, "")
    editor.rows[0].text.setPlainText("ก" * 2100)
    assert editor.value() == ["ก" * 2100]  # the `too_long` check marks it; nothing is cut
    assert seen[-1] == ["ก" * 2100]
