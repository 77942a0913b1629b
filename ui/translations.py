"""Thai for the few strings Qt itself shows (a text box's right-click menu and the like).

Qt ships no Thai translation (`qtbase_th.qm` does not exist), so the strings are kept as
a small JSON table in `resources/translations/qt_th.json` and served by a `QTranslator`
subclass; a compiled `.qm` would need Qt's lrelease tool for a dozen strings.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

import resources

TRANSLATIONS = resources.folder("translations") / "qt_th.json"


class ThaiQtTranslator(QTranslator):
    def __init__(self, table: dict[str, dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None reaches Qt as a null string, which means "not translated here"; an empty
        # string would be taken as the translation and blank every other string of Qt's
        # (labels of the file and print dialogs, even the page size names a QPrinter needs)
        return self.table.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return not self.table


def load_table(path: Path = TRANSLATIONS) -> dict[str, dict[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {context: texts for context, texts in data.items() if isinstance(texts, dict)}


def install(app: QCoreApplication) -> ThaiQtTranslator:
    """Install the Thai table for Qt's own strings (kept alive as a child of `app`)."""
    translator = ThaiQtTranslator(load_table(), app)
    app.installTranslator(translator)
    return translator
