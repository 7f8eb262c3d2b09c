"""`briefing parse PATH|-`: print a report's briefing model as JSON (default) or markdown."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import add_input_options, add_output_option, emit, fail, parser


def main(argv: Sequence[str]) -> int:
    p = parser("parse", "Parse a report and print its briefing model.")
    p.add_argument("path", metavar="PATH", help="report file, or - for standard input")
    add_input_options(p)
    p.add_argument("--format", choices=("auto", "text", "markdown"), default="auto",
                   help="how to read the input (default: from the file name and content)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", dest="output_format", action="store_const", const="json",
                     help="print the model as JSON (default)")
    out.add_argument("--markdown", dest="output_format", action="store_const", const="markdown",
                     help="print a readable markdown briefing")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    add_output_option(p)
    p.set_defaults(output_format="json")
    args = p.parse_args(argv)

    from ..load import LoadError
    from ..pipeline import parse_bytes, parse_file

    where = "<stdin>" if args.path == "-" else args.path
    try:
        if args.path == "-":
            data = sys.stdin.buffer.read(args.max_bytes + 1)
            if len(data) > args.max_bytes:
                return fail(where, f"too large (over {args.max_bytes} bytes; see --max-bytes)")
            b = parse_bytes(data, reference_date=args.date, format=args.format)
        else:
            b = parse_file(args.path, reference_date=args.date, format=args.format, max_bytes=args.max_bytes)
    except LoadError as exc:
        return fail(where, str(exc))
    except MemoryError:
        return fail(where, "out of memory while parsing")
    if args.output_format == "markdown":
        from ..export import to_markdown

        text = to_markdown(b)
    else:
        text = b.model_dump_json(indent=None if args.compact else 2) + "\n"
    return emit(text, args.output)
