"""`briefing search QUERY [PATH ...]`: full-text search across reports (titles, text, actors, quotes)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import EXIT_OK
from ._library import date_text, library_args, print_json, run_on_library, safe_path, title_text

if TYPE_CHECKING:
    from ..library import SearchHit


def main(argv: Sequence[str]) -> int:
    args = library_args(
        argv, "search", "Search the reports under the given folders, best match first. Words must all match; "
        "'word*' matches a prefix; '\"two words\"' is a phrase. The index is brought up to date first.",
        "report files or folders to search", subject=("query", "what to look for"),
        options=lambda p: p.add_argument("-n", "--limit", type=int, default=20, metavar="N",
                                         help="at most N results (default 20)"),
        check=lambda args: "--limit must be at least 1" if args.limit < 1 else None)
    return run_on_library(args, lambda lib, _: lib.search(args.query, limit=args.limit),
                          lambda hits: _show(args, hits))


def _show(args: argparse.Namespace, hits: list[SearchHit]) -> int:
    if args.json:
        print_json({"query": args.query, "count": len(hits), "results": hits})
        return EXIT_OK
    for i, h in enumerate(hits):
        where = safe_path(h.path) + (f":{h.line}" if h.line else "")
        title = title_text(h.title, h.path)
        print(("\n" if i else "") + f"{where}  {date_text(h.published)}  {title}")
        print(f"    {h.snippet}")
    return EXIT_OK
