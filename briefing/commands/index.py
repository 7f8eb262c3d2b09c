"""`briefing index [PATH ...]`: build or update the library index (only new and changed reports are parsed)."""

from __future__ import annotations

from collections.abc import Sequence

from . import EXIT_OK, parser
from ._library import (
    add_json_option,
    add_library_options,
    check_roots,
    exit_code,
    open_library,
    print_json,
    refresh,
)


def main(argv: Sequence[str]) -> int:
    p = parser("index", "Index the reports under the given folders (recursively) so that search, dossier and "
                        "timeline are fast. Unchanged reports are never parsed twice. A progress bar shows "
                        "on a terminal; unreadable files are skipped with a warning each.")
    add_library_options(p, paths_help="report files or folders to index")
    add_json_option(p)
    args = p.parse_args(argv)
    if (code := check_roots(args.paths or ["."])) != EXIT_OK:
        return code
    with open_library(args) as lib:
        stats = refresh(lib, args.quiet)
        code = exit_code(lib, stats)
        total = lib.count()
    if args.json:
        from ..library import to_jsonable

        data = to_jsonable(stats)
        data["warnings"] = [{"path": p, "reason": r} for p, r in stats.warnings]
        data["reports"] = total
        data["cache"] = str(lib.db_path) if lib.db_path else None
        print_json(data)
    elif not args.quiet:
        parts = [f"{stats.parsed} parsed", f"{stats.unchanged + stats.same_content} unchanged"]
        if stats.removed:
            parts.append(f"{stats.removed} removed")
        if stats.skipped:
            parts.append(f"{stats.skipped} skipped")
        print(f"{total} reports indexed ({', '.join(parts)}) in {stats.seconds:.1f} s")
    return code
