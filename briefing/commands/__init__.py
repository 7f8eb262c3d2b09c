"""Shared pieces of the command-line commands: exit codes, option types, error lines, output."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import stat
import sys

from .. import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
PROG = "briefing"


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def parse_size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    v = value.strip().lower().removesuffix("b")
    mult = units.get(v[-1:], 1)
    if v[-1:] in units:
        v = v[:-1]
    try:
        n = int(float(v) * mult)
    except (ValueError, OverflowError):  # "abc", "nan", "inf"
        raise argparse.ArgumentTypeError(f"not a size (e.g. 20000000, 50M): {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("size must be positive")
    return n


def parse_workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


# C0/C1 controls, DEL, bidi controls, line/paragraph separators and lone surrogates: never sent raw to a
# terminal in an error line (a file name may hold ESC or a newline).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(s: str) -> str:
    """`s` on one line with control characters escaped (`\\x1b`, `\\n`, `\\u202e`), safe for a terminal."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], s)


def fail(where: str, reason: str) -> int:
    """One clear line on stderr naming the input and why it failed; exit code 1."""
    print(f"{PROG}: {printable(where)}: {printable(reason)}", file=sys.stderr)
    return EXIT_INPUT


def parser(name: str | None, description: str, **kwargs: object) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"{PROG} {name}" if name else PROG, description=description, **kwargs)  # type: ignore[arg-type]
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


# == briefing.load.DEFAULT_MAX_BYTES (tests/test_startup.py checks): importing `load` here would import
# pydantic before the reader can paint anything.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD",
                   help="reference date for relative dates ('last week', 'Tuesday'); "
                        "default: front matter date, then the dateline")
    p.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="refuse reports larger than N bytes (suffixes K, M, G; default 20M)")


def add_output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")


def emit(out: str, path: str | None) -> int:
    """Print `out` as UTF-8 (whatever the locale says), or write it atomically to `path`."""
    if path and _is_special(path):
        # /dev/stdout, /dev/null, a FIFO: write through; renaming over them would replace the device.
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(out)
        except OSError as exc:
            return fail(path, exc.strerror or str(exc))
        return EXIT_OK
    if path:
        from ..atomic import write_atomic

        try:
            write_atomic(path, out)
        except OSError as exc:
            return fail(path, exc.strerror or str(exc))
        return EXIT_OK
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        return fail("<stdout>", "standard output is closed")
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # replaced by a text-only stream (tests, embedding)
            sys.stdout.write(out)
            sys.stdout.flush()
            return EXIT_OK
        sys.stdout.flush()
        buffer.write(out.encode("utf-8"))
        buffer.flush()
    except BrokenPipeError:
        raise  # the reader went away: `cli.main` exits quietly
    except OSError as exc:  # a full disk, /dev/full, an I/O error
        drop_stdout()
        return fail("<stdout>", exc.strerror or str(exc))
    return EXIT_OK


def drop_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush of unwritten output cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _is_special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
