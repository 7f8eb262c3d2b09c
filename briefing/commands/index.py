"""`briefing index [PATH ...]`: build or update the library index (only new and changed reports are parsed)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK
from ._library import library_args, print_json, run_on_library

if TYPE_CHECKING:
    from ..library import RefreshStats


def main(argv: Sequence[str]) -> int:
    args = library_args(argv, "index", "Index the reports under the given folders (recursively) so that search, "
                        "dossier and timeline are fast. Unchanged reports are never parsed twice. A progress bar "
                        "shows on a terminal; unreadable files are skipped with a warning each.",
                        "report files or folders to index")
    return run_on_library(args, lambda lib, stats: (stats, lib.count(), lib.db_path),
                          lambda found: _show(args, *found))


def _show(args: argparse.Namespace, stats: RefreshStats, total: int, cache: Path | None) -> int:
    if args.json:
        from ..library import to_jsonable

        print_json(to_jsonable(stats) | {"warnings": [{"path": p, "reason": r} for p, r in stats.warnings],
                                         "reports": total, "cache": str(cache) if cache else None})
    elif not args.quiet:
        parts = [f"{stats.parsed} parsed", f"{stats.unchanged + stats.same_content} unchanged"]
        if stats.removed:
            parts.append(f"{stats.removed} removed")
        if stats.skipped:
            parts.append(f"{stats.skipped} skipped")
        print(f"{total} reports indexed ({', '.join(parts)}) in {stats.seconds:.1f} s")
    return EXIT_OK
