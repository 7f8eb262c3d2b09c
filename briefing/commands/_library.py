"""What the library commands (`index`, `search`, `dossier`, `timeline`) share: options, opening and
refreshing the library with a progress bar, warnings, and safe output.

Human output is plain text with control characters removed (report text may carry terminal escapes);
JSON output escapes them too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from . import EXIT_INPUT, EXIT_OK, PROG, fail, parse_size, parse_workers, parser

if TYPE_CHECKING:
    from ..library import Library, Progress, RefreshStats

T = TypeVar("T")


def library_args(argv: Sequence[str], name: str, description: str, paths_help: str, *,
                 subject: tuple[str, str] | None = None,
                 options: Callable[[argparse.ArgumentParser], object] | None = None,
                 check: Callable[[argparse.Namespace], str | None] | None = None) -> argparse.Namespace:
    """Parse a library command's line: `[SUBJECT] [PATH ...]`, the library options, the command's own
    `options`, then `--json`. An empty SUBJECT, or a message from `check`, is a usage error (exit 2)."""
    p = parser(name, description)
    if subject:
        p.add_argument(subject[0], metavar=subject[0].upper(), help=subject[1])
    p.add_argument("paths", nargs="*", metavar="PATH", default=None,
                   help=f"{paths_help} (default: the current folder)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not read or write the index cache (everything is parsed again, in memory)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=parse_workers, default=None, metavar="N",
                   help="parser processes (default: the number of CPUs, at most 4; 0 parses inline)")
    from ..load import DEFAULT_MAX_BYTES

    p.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="skip reports larger than N bytes (suffixes K, M, G; default 20M)")
    if options:
        options(p)
    p.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    args = p.parse_args(argv)
    if subject and not getattr(args, subject[0]).strip():
        p.error(f"the {subject[0]} is empty")
    if check and (problem := check(args)):
        p.error(problem)
    return args


def run_on_library(args: argparse.Namespace, query: Callable[[Library, RefreshStats], T],
                   show: Callable[[T], int]) -> int:
    """Check the named paths, open the library and bring it up to date, `query` it, close it, `show` the
    result. The exit code is `show`'s when that fails, else 1 when a named file could not be read."""
    if (code := check_roots(args.paths or ["."])) != EXIT_OK:
        return code
    with open_library(args) as lib:
        stats = refresh(lib, args.quiet)
        code = exit_code(lib, stats)
        found = query(lib, stats)
    shown = show(found)
    return shown if shown != EXIT_OK else code


def check_roots(paths: list[str]) -> int:
    """Exit code 1 with one line if a named path cannot be read at all; else 0."""
    for path in paths:
        try:
            st = os.stat(path)
        except OSError as exc:
            from ..library.scan import reason

            return fail(safe_path(path), reason(exc))
        if stat.S_ISDIR(st.st_mode):
            if not os.access(path, os.R_OK | os.X_OK):
                return fail(safe_path(path), "permission denied")
        elif not stat.S_ISREG(st.st_mode):
            return fail(safe_path(path), "not a regular file or folder")
        elif not os.access(path, os.R_OK):
            return fail(safe_path(path), "permission denied")
    return EXIT_OK


def open_library(args: argparse.Namespace) -> Library:
    from ..library import Library

    lib = Library(args.paths or ["."], use_cache=not args.no_cache, workers=args.workers,
                  max_bytes=args.max_bytes)
    if lib.cache_warning:
        print(f"{PROG}: warning: {lib.cache_warning}", file=sys.stderr)
    return lib


def refresh(lib: Library, quiet: bool) -> RefreshStats:
    bar = ProgressBar(sys.stderr) if not quiet and sys.stderr.isatty() else None

    def warn(path: str, why: str) -> None:
        if bar:
            bar.clear()
        print(f"{PROG}: {safe_path(path)}: {one_line(why)} (skipped)", file=sys.stderr)

    try:
        return lib.refresh(bar, warn=warn)
    finally:
        if bar:
            bar.clear()


def exit_code(lib: Library, stats: RefreshStats) -> int:
    """1 when a file named on the command line could not be read (its warning is printed), else 0.

    Unreadable files found inside a folder are skipped with a warning and do not fail the command.
    """
    return EXIT_INPUT if any(path in lib.roots for path, _ in stats.warnings) else EXIT_OK


class ProgressBar:
    """`indexing  1234/10000 [#####.....] 12%  310/s` on one terminal line, redrawn at most 10×/s."""

    def __init__(self, out: TextIO, width: int = 24) -> None:
        self.out, self.width = out, width
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, p: Progress) -> None:
        if p.phase == "scan":
            line = "indexing: looking for reports…"
        elif p.phase == "parse" and p.total:
            filled = int(self.width * p.done / p.total)
            rate = p.done / max(time.monotonic() - self.start, 1e-6)
            line = (f"indexing {p.done:>{len(str(p.total))}}/{p.total} "
                    f"[{'#' * filled}{'.' * (self.width - filled)}] {100 * p.done // p.total:>3}%  {rate:,.0f}/s")
        else:
            return
        self.out.write("\r" + line + "\x1b[K")
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\x1b[K")
            self.out.flush()
            self.shown = False


def one_line(text: str | None) -> str:
    from ..library.search import plain

    return plain(text or "")


def safe_path(path: str) -> str:
    """A path as a human reads it: relative to the current folder when inside it, controls removed."""
    try:
        rel = os.path.relpath(path)
        shown = rel if not rel.startswith(os.pardir) else path
    except ValueError:
        shown = path
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
    return one_line(shown) if shown.isprintable() else "".join(c if c.isprintable() else "?" for c in shown)


_C1 = re.compile("[\x7f-\x9f]")


def print_json(data: Any) -> None:
    """`data` as indented JSON on stdout; the library's dataclasses and dates are converted."""
    from ..library import to_jsonable

    text = json.dumps(to_jsonable(data), ensure_ascii=False, indent=2)
    # json.dumps leaves DEL and C1 controls (e.g. U+009B, a CSI to some terminals) unescaped.
    text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")


def title_text(title: str | None, path: str) -> str:
    """The report's title, or its file name when it has none."""
    return one_line(title) or safe_path(os.path.basename(path))


def date_text(d: object) -> str:
    return d.isoformat() if hasattr(d, "isoformat") else "undated"  # type: ignore[union-attr]
