"""`briefing cache path|info|clear`: where the library cache is, what it holds, and removing it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from . import EXIT_OK, fail, parser
from ._library import print_json


def main(argv: Sequence[str]) -> int:
    p = parser("cache", "Show or remove the library cache (the report index and parsed reports). It lives "
                        "in the platform cache folder, or in $BRIEFING_CACHE_DIR when set.")
    p.add_argument("action", choices=("path", "info", "clear"), nargs="?", default="info",
                   help="path: print the cache file; info: what it holds (default); clear: delete it")
    p.add_argument("--json", action="store_true", help="print JSON (info)")
    args = p.parse_args(argv)
    from ..library import cachedir
    from ..library.version import parser_version

    db = cachedir.db_path()
    if args.action == "path":
        print(db)
        return EXIT_OK
    if args.action == "clear":
        try:
            removed = cachedir.remove_db(db)
        except OSError as exc:
            return fail(str(db), exc.strerror or str(exc))
        print(f"removed {db}" if removed else f"no cache at {db}")
        return EXIT_OK
    info: dict[str, object] = {"path": str(db), "exists": db.exists(), "bytes": cachedir.size_on_disk(db),
                               "parser": parser_version(), "reports": 0, "skipped": 0, "current": None}
    if db.exists():
        try:
            conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
                info["current"] = bool(row and row[0] == parser_version())
                info["reports"], info["skipped"] = conn.execute(
                    "SELECT COUNT(*) - COUNT(error), COUNT(error) FROM reports").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            info["current"] = False
            info["problem"] = f"unreadable ({exc}); it is rebuilt on next use"
    if args.json:
        print_json(info)
        return EXIT_OK
    print(f"cache:   {db}")
    if not info["exists"]:
        print("status:  empty (no cache yet)")
        return EXIT_OK
    print(f"size:    {int(info['bytes']) / 1e6:.1f} MB")  # type: ignore[call-overload]
    print(f"reports: {info['reports']} indexed, {info['skipped']} skipped")
    stale = "from another parser version (rebuilt on next use)"
    print(f"status:  {'current' if info['current'] else info.get('problem') or stale}")
    return EXIT_OK
