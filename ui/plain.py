"""User data shown as text, never as HTML.

Qt renders a message box, label or tooltip whose text *looks like* HTML as HTML
(`Qt::mightBeRichText`): a project named `<b>x</b>` would turn bold, and `<img src=...>` would
be loaded. Labels and message boxes are set to plain text where they show user data;
tooltips have no such switch, so a text with markup characters is escaped into rich text
that shows it literally.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """`text` for `setToolTip` (or a ToolTipRole), shown exactly as it is."""
    if "<" not in text and "&" not in text:
        return text
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt><p style='white-space:pre-wrap'>{escaped}</p></qt>"
