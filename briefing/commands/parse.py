"""`briefing parse PATH|-`: print a report's briefing model as JSON (default) or markdown."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

from . import add_input_options, add_output_option, emit, fail, parser

# Characters JSON may carry raw but a terminal may act on (C1 controls such as CSI U+009B, DEL) or that
# reorder what is shown (bidi controls, line separators). They only occur inside JSON strings, where a
# \uXXXX escape means the same thing: escaping them is lossless.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
# For the markdown briefing, which is read as text: controls become visible placeholders.
_MARKDOWN_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _json_safe(text: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _placeholder(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # ␀ … ␟ (Control Pictures); ESC is ␛
    if c == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{c:04X}>"


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


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

    from ..load import LoadError, read_capped
    from ..pipeline import parse_bytes, parse_file

    where = "<stdin>" if args.path == "-" else args.path
    if args.output and args.path != "-" and _same_file(args.output, args.path):
        return fail(args.output, "is the input report; refusing to overwrite it")
    try:
        if args.path == "-":
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                return fail(where, "standard input is closed")
            data = read_capped(sys.stdin.buffer, args.max_bytes)
            if len(data) > args.max_bytes:
                return fail(where, f"too large (over {args.max_bytes} bytes; see --max-bytes)")
            b = parse_bytes(data, reference_date=args.date, format=args.format)
        else:
            b = parse_file(args.path, reference_date=args.date, format=args.format, max_bytes=args.max_bytes)
    except LoadError as exc:
        return fail(where, str(exc))
    except MemoryError:
        return fail(where, "out of memory while parsing")
    except RecursionError:
        return fail(where, "nested too deeply to parse")
    except Exception as exc:
        # A bug, not the user's fault: one line unless BRIEFING_DEBUG asks for the traceback.
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        return fail(where, f"internal error while parsing ({type(exc).__name__}: {exc}); "
                           "set BRIEFING_DEBUG=1 for the traceback and please report it")
    if args.output_format == "markdown":
        from ..export import to_markdown

        text = _MARKDOWN_UNSAFE.sub(_placeholder, to_markdown(b))
    else:
        text = _json_safe(b.model_dump_json(indent=None if args.compact else 2)) + "\n"
    return emit(text, args.output)
