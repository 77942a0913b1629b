"""The Qt (PySide6) window over `forms` and `storage`: thin views on the report model."""
