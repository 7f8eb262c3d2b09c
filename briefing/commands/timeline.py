"""`briefing timeline [PATH ...]`: the events of many reports merged into one chronology."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import EXIT_OK
from ._library import library_args, one_line, print_json, run_on_library, safe_path

if TYPE_CHECKING:
    from ..library import StoryEvent


def main(argv: Sequence[str]) -> int:
    args = library_args(argv, "timeline", "Merge the timelines of the reports into one chronology: dated events "
                        "first, by date; then events that could not be dated, by report date. Each event names "
                        "its report.", "report files or folders")
    return run_on_library(args, lambda lib, _: lib.story_timeline(), lambda events: _show(args, events))


def _show(args: argparse.Namespace, events: list[StoryEvent]) -> int:
    if args.json:
        print_json({"count": len(events), "events": events})
        return EXIT_OK
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
    return EXIT_OK
