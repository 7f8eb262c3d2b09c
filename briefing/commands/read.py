"""`briefing [PATH ...]`: open the reader (Textual is imported only here)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import PROG, add_input_options, parser


def build_parser() -> argparse.ArgumentParser:
    from ..cli import COMMANDS

    lines = "\n".join(f"  {name:<9} {help_}" for name, (_, help_) in COMMANDS.items())
    p = parser(
        None,
        "A terminal briefing reader: open a report as summary, actors, quotes and timeline.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"commands:\n{lines}\n\nRun '{PROG} COMMAND --help' for a command's options.\n"
               "With no PATH, opens the reports in the current directory, else the bundled samples.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files or folders to open")
    add_input_options(p)
    p.add_argument("--samples", action="store_true", help="open the bundled sample reports")
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
    from ..tui.app import run_reader

    return run_reader(args)
