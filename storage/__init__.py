"""Keeping drafts and a district's collections: SQLite databases through sqlite-utils, their
migrations, backups and the single-instance lock. Nothing here imports Qt.

Import from the modules themselves — `storage.drafts` (`DraftStore`, `DraftSummary`),
`storage.collection`, `storage.errors` (the `StorageError` family), `storage.lock`
(`AppLock`), `storage.paths` (`default_db_path`) — so a command that needs only the errors
never loads the store.
"""
