"""`briefing search QUERY [PATH ...]`: full-text search across reports (titles, text, actors, quotes)."""

from __future__ import annotations

from collections.abc import Sequence

from . import EXIT_OK, parser
from ._library import (
    add_json_option,
    add_library_options,
    check_roots,
    date_text,
    exit_code,
    open_library,
    print_json,
    refresh,
    safe_path,
    title_text,
)


def main(argv: Sequence[str]) -> int:
    p = parser("search", "Search the reports under the given folders, best match first. Words must all "
                         "match; 'word*' matches a prefix; '\"two words\"' is a phrase. The index is "
                         "brought up to date first.")
    p.add_argument("query", metavar="QUERY", help="what to look for")
    add_library_options(p, paths_help="report files or folders to search")
    p.add_argument("-n", "--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    add_json_option(p)
    args = p.parse_args(argv)
    if not args.query.strip():
        p.error("the query is empty")
    if args.limit < 1:
        p.error("--limit must be at least 1")
    if (code := check_roots(args.paths or ["."])) != EXIT_OK:
        return code
    with open_library(args) as lib:
        stats = refresh(lib, args.quiet)
        code = exit_code(lib, stats)
        hits = lib.search(args.query, limit=args.limit)
    if args.json:
        from ..library import to_jsonable

        print_json({"query": args.query, "count": len(hits), "results": to_jsonable(hits)})
        return code
    for i, h in enumerate(hits):
        where = safe_path(h.path) + (f":{h.line}" if h.line else "")
        title = title_text(h.title, h.path)
        print(("\n" if i else "") + f"{where}  {date_text(h.published)}  {title}")
        print(f"    {h.snippet}")
    return code
