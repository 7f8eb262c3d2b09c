"""`briefing [PATH ...]`: open the reader (Textual is imported only here)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

# Not `_library` (the library commands' helpers): it would bring json and more into the reader's start-up.
from . import PROG, add_input_options, parse_workers, parser


def build_parser() -> argparse.ArgumentParser:
    from ..cli import COMMANDS

    lines = "\n".join(f"  {name:<9} {help_}" for name, (_, help_) in COMMANDS.items())
    p = parser(
        None,
        "A terminal briefing reader: open a report as summary, actors, quotes and timeline.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"commands:\n{lines}\n\nRun '{PROG} COMMAND --help' for a command's options.\n"
               "With no PATH, opens the reports in the current directory, else the bundled samples.\n"
               "A folder (searched recursively) or several files open the library, backed by an index in\n"
               "the cache folder: '/' searches every report, 't' merges their timelines, and 'd' on an\n"
               "actor follows them across reports.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files or folders to open")
    add_input_options(p)
    p.add_argument("--samples", action="store_true", help="open the bundled sample reports")
    p.add_argument("--no-cache", action="store_true",
                   help="keep the library's index in memory only (nothing read from or written to the cache)")
    p.add_argument("--workers", type=parse_workers, default=None, metavar="N",
                   help="parser processes for indexing a library (default: the number of CPUs, at most 4; "
                        "0 parses in the reader's own process)")
    p.add_argument("--theme", metavar="NAME", help="Textual theme, e.g. ansi-dark, ansi-light, nord")
    p.add_argument("--config", metavar="FILE", help="read key bindings and theme from FILE instead of the "
                                                     "default config file")
    p.add_argument("--print-config-path", action="store_true",
                   help="print where the config file is read from, and exit")
    return p


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.print_config_path:
        from ..config import config_path

        print(args.config or config_path())
        return 0
    if not args.samples:
        # One report: start parsing it in a child process now, while the reader starts (see there).
        from ..tui.parse_process import start_early

        start_early(args.paths, args.date, args.max_bytes)
    from ..tui.app import run_reader

    return run_reader(args)
