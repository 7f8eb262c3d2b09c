"""`briefing timeline [PATH ...]`: the events of many reports merged into one chronology."""

from __future__ import annotations

from collections.abc import Sequence

from . import EXIT_OK, parser
from ._library import (
    add_json_option,
    add_library_options,
    check_roots,
    exit_code,
    one_line,
    open_library,
    print_json,
    refresh,
    safe_path,
)


def main(argv: Sequence[str]) -> int:
    p = parser("timeline", "Merge the timelines of the reports into one chronology: dated events first, "
                           "by date; then events that could not be dated, by report date. Each event "
                           "names its report.")
    add_library_options(p, paths_help="report files or folders")
    add_json_option(p)
    args = p.parse_args(argv)
    if (code := check_roots(args.paths or ["."])) != EXIT_OK:
        return code
    with open_library(args) as lib:
        stats = refresh(lib, args.quiet)
        code = exit_code(lib, stats)
        events = lib.story_timeline()
    if args.json:
        from ..library import to_jsonable

        print_json({"count": len(events), "events": to_jsonable(events)})
        return code
    lines = []
    for e in events:
        if e.date_start is None:
            when = f"({one_line(e.when_text)})"
        elif e.date_end and e.date_end != e.date_start:
            when = f"{e.date_start.isoformat()}..{e.date_end.isoformat()}"
        else:
            when = e.date_start.isoformat()
        lines.append(f"{when:<22}  {one_line(e.description)}  [{safe_path(e.path)}]")
    if lines:
        print("\n".join(lines))
    return code
