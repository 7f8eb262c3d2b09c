"""Where the library cache lives, and how to remove it.

The cache is one SQLite file (plus SQLite's `-wal`/`-shm` companions) in the platform cache folder
(`platformdirs.user_cache_dir("briefing")`), or in `$BRIEFING_CACHE_DIR` when that is set.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

ENV_VAR = "BRIEFING_CACHE_DIR"
DB_NAME = "library.sqlite3"
# SQLite's companion files; `cache clear` removes only these, never a whole folder the user may share.
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def default_cache_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def db_path(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / DB_NAME


def db_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in _COMPANIONS]


def remove_db(db: Path) -> list[Path]:
    """Delete the database and its companions; returns what was removed."""
    removed = []
    for f in db_files(db):
        with contextlib.suppress(FileNotFoundError):
            f.unlink()
            removed.append(f)
    return removed


def size_on_disk(db: Path) -> int:
    total = 0
    for f in db_files(db):
        with contextlib.suppress(OSError):
            total += f.stat().st_size
    return total
