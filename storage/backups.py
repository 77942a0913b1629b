"""Backups a clerk never has to think about, and moving every draft to another PC.

- `daily_backup`: after the first change of each day, a consistent copy of the whole
  database (SQLite's online backup API, `DraftStore.copy_to`) in a `backups` folder beside
  it, `drafts-2026-12-03.db`; the newest `KEEP` days are kept. The window calls it from its
  autosave worker; a migration makes its own copy first (`storage.connection`).
- every draft and the bin in one file, to carry to a new PC, is `DraftStore.copy_to` (CLI
  `backup OUT`, แฟ้ม › ส่งออกฉบับร่างทั้งหมด…).
- `restore`: drafts from such a file or a daily backup, merged into the open database:
  a draft already there in the same version (same created and changed stamps) is skipped,
  so restoring twice, or importing the same file on two PCs and back, makes no duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storage.drafts import DraftStore, DraftVersion
from storage.errors import DraftNotFound

FOLDER = "backups"
KEEP = 14  # daily backups kept (the newest)


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def daily_backup(store: DraftStore, today: date | None = None) -> Path | None:
    """Today's backup of `store`'s database if there is none yet (its path), else None."""
    today = today or date.today()
    folder = backup_folder(store.path)
    target = folder / f"{store.path.stem}-{today.isoformat()}.db"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    store.copy_to(target)
    for old in list_backups(store.path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """The daily backups of the database at `db_path`, the newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    stem = Path(db_path).stem
    return sorted(folder.glob(f"{stem}-????-??-??.db"), reverse=True)


def drafts_in(source: Path) -> list[DraftVersion]:
    """The drafts (bin included) of a backup file, read without changing it."""
    with DraftStore.open_read_only(source) as backup:
        return backup.versions()


@dataclass
class Restored:
    ids: list[int] = field(default_factory=list)  # the new drafts' ids in the open database
    skipped: list[DraftVersion] = field(default_factory=list)  # already there, same version


def restore(store: DraftStore, source: Path, draft_ids: Iterable[int] | None = None) -> Restored:
    """Copy the drafts `draft_ids` (all when None) of the backup file `source` into `store`."""
    wanted = None if draft_ids is None else set(draft_ids)
    have = {(v.created_at, v.updated_at) for v in store.versions()}
    result = Restored()
    with DraftStore.open_read_only(source) as backup:
        versions = backup.versions()
        missing = (wanted or set()) - {v.id for v in versions}
        if missing:
            raise DraftNotFound(min(missing), Path(source))
        for version in reversed(versions):  # oldest first: ids follow the original order
            if wanted is not None and version.id not in wanted:
                continue
            if (version.created_at, version.updated_at) in have:
                result.skipped.append(version)
                continue
            result.ids.append(store.insert_copy(backup.load(version.id), version))
    return result
