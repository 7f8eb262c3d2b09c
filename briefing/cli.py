"""Command line: `briefing [PATH ...]` opens the reader; `briefing parse|schema ...` serve scripts.

Keep imports here cheap: Textual is imported only when the reader opens, pydantic only when parsing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence

from . import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
PROG = "briefing"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    v = value.strip().lower().removesuffix("b")
    mult = units.get(v[-1:], 1)
    if v[-1:] in units:
        v = v[:-1]
    try:
        n = int(float(v) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size (e.g. 20000000, 50M): {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("size must be positive")
    return n


def _fail(where: str, reason: str) -> int:
    print(f"{PROG}: {where}: {reason}", file=sys.stderr)
    return EXIT_INPUT


def _common(p: argparse.ArgumentParser) -> None:
    from .load import DEFAULT_MAX_BYTES

    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="reference date for relative dates ('last week', 'Tuesday'); "
                        "default: front matter date, then the dateline")
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="refuse reports larger than N bytes (suffixes K, M, G; default 20M)")


# --- briefing parse -----------------------------------------------------------------------------

def _parse_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"{PROG} parse",
                                description="Parse a report and print its briefing model.")
    p.add_argument("path", metavar="PATH", help="report file, or - for standard input")
    _common(p)
    p.add_argument("--format", choices=("auto", "text", "markdown"), default="auto",
                   help="how to read the input (default: from the file name and content)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", dest="output_format", action="store_const", const="json",
                     help="print the model as JSON (default)")
    out.add_argument("--markdown", dest="output_format", action="store_const", const="markdown",
                     help="print a readable markdown briefing")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.set_defaults(output_format="json")
    return p


def cmd_parse(argv: Sequence[str]) -> int:
    args = _parse_parser().parse_args(argv)
    from .load import LoadError
    from .pipeline import parse_bytes, parse_file

    where = "<stdin>" if args.path == "-" else args.path
    try:
        if args.path == "-":
            data = sys.stdin.buffer.read(args.max_bytes + 1)
            if len(data) > args.max_bytes:
                return _fail(where, f"too large (over {args.max_bytes} bytes; see --max-bytes)")
            b = parse_bytes(data, reference_date=args.date, format=args.format)
        else:
            b = parse_file(args.path, reference_date=args.date, format=args.format, max_bytes=args.max_bytes)
    except LoadError as exc:
        return _fail(where, str(exc))
    except MemoryError:
        return _fail(where, "out of memory while parsing")
    if args.output_format == "markdown":
        from .export import to_markdown

        out = to_markdown(b)
    else:
        out = b.model_dump_json(indent=None if args.compact else 2)
    return _emit(out + "\n", args.output)


def _emit(out: str, path: str | None) -> int:
    if path:
        from .atomic import write_atomic

        try:
            write_atomic(path, out)
        except OSError as exc:
            return _fail(path, exc.strerror or str(exc))
        return EXIT_OK
    sys.stdout.write(out)
    sys.stdout.flush()
    return EXIT_OK


# --- briefing schema ----------------------------------------------------------------------------

def cmd_schema(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog=f"{PROG} schema", description="Print the briefing model's JSON Schema.")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = p.parse_args(argv)
    import json

    from .model import json_schema

    return _emit(json.dumps(json_schema(), indent=2) + "\n", args.output)


# --- briefing [PATH ...] (the reader) ------------------------------------------------------------

COMMANDS: dict[str, tuple[Callable[[Sequence[str]], int], str]] = {
    "parse": (cmd_parse, "print a report's briefing model as JSON or markdown"),
    "schema": (cmd_schema, "print the JSON Schema of the briefing model"),
}


def _reader_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<9} {help_}" for name, (_, help_) in COMMANDS.items())
    p = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A terminal briefing reader: open a report as summary, actors, quotes and timeline.",
        epilog=f"commands:\n{lines}\n\nRun '{PROG} COMMAND --help' for a command's options.\n"
               f"With no PATH, opens the reports in the current directory, else the bundled samples.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files or folders to open")
    _common(p)
    p.add_argument("--theme", metavar="NAME", help="Textual theme, e.g. ansi-dark, ansi-light, nord")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def cmd_read(argv: Sequence[str]) -> int:
    args = _reader_parser().parse_args(argv)
    try:
        from .tui.app import run_reader
    except ImportError as exc:  # the reader is optional while it is being built
        print(f"{PROG}: the reader is not available ({exc}); use '{PROG} parse PATH'", file=sys.stderr)
        return EXIT_INPUT
    return run_reader(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]][0](argv[1:])
        return cmd_read(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing parse x | head`: the reader went away; exit quietly like other Unix tools.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
