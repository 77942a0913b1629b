"""The report form's domain: schema, model, JSON interchange, Thai dates and numbers.

`forms` means the official form itself (not Qt Designer files); nothing here imports Qt.
"""
