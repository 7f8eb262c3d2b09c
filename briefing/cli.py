"""Command line entry point: `briefing [PATH ...]` opens the reader; `briefing COMMAND ...` serves scripts.

Each command is a module in `briefing/commands/` with `HELP` and `main(argv) -> int`, imported only
when it runs, so `briefing --version` and `briefing parse` never import Textual.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# name -> (module in briefing.commands, one-line help). A new command is a module plus one line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "print a report's briefing model as JSON or markdown"),
    "schema": ("schema", "print the JSON Schema of the briefing model"),
    "index": ("index", "index the reports in folders (only new and changed ones are parsed)"),
    "search": ("search", "full-text search across reports"),
    "dossier": ("dossier", "one actor across reports: titles, quotes and events by date"),
    "timeline": ("timeline", "the events of many reports as one chronology"),
    "cache": ("cache", "show or clear the library cache"),
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            module = importlib.import_module(f"briefing.commands.{COMMANDS[argv[0]][0]}")
            return module.main(argv[1:])
        from .commands import read

        return read.main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing parse x | head`: the reader went away; exit quietly like other Unix tools.
        from .commands import drop_stdout

        drop_stdout()
        return 0
