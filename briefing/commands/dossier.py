"""`briefing dossier NAME [PATH ...]`: one actor across reports — reports, titles, quotes and events by date."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import EXIT_OK, fail
from ._library import date_text, library_args, one_line, print_json, run_on_library, safe_path, title_text

if TYPE_CHECKING:
    from ..library import Dossier


def main(argv: Sequence[str]) -> int:
    args = library_args(
        argv, "dossier", "Follow one actor across the reports: every report that mentions them (merged by name "
        "and aliases; a surname joins the full name when only one person has it), their titles over time, their "
        "quotes and the events they are in, by date. Exit status 1 when no report mentions the name.",
        "report files or folders to look in",
        subject=("name", "the actor, e.g. 'Benjamin Netanyahu' or 'Netanyahu'"))
    return run_on_library(args, lambda lib, _: lib.dossier(args.name), lambda d: _show(args, d))


def _show(args: argparse.Namespace, d: Dossier | None) -> int:
    if args.json:
        print_json(d)
    if d is None:
        return fail("dossier", f"no report mentions {one_line(args.name)!r}")
    if args.json:
        return EXIT_OK

    out: list[str] = [f"{one_line(d.name)}" + (f" ({d.kind})" if d.kind else "")]
    if d.aliases:
        out.append("also: " + ", ".join(one_line(a) for a in d.aliases))
    out.append(f"{len(d.reports)} reports, {len(d.quotes)} quotes, {len(d.events)} events")
    if d.candidates:
        out.append(f"{one_line(args.name)!r} is the surname of several people, not merged: "
                   + "; ".join(f"{one_line(c.name)} ({c.reports} reports)" for c in d.candidates))
    if d.titles:
        out += ["", "Titles"]
        for t in d.titles:
            span = date_text(t.first) if t.first == t.last else f"{date_text(t.first)} to {date_text(t.last)}"
            out.append(f"  {one_line(t.title)}  ({span}, {t.reports} reports)")
    if d.reports:
        out += ["", "Reports"]
        for r in d.reports:
            named = f"  as {one_line(r.name)!r}" if r.name != d.name else ""
            out.append(f"  {date_text(r.published):<10}  {safe_path(r.path)}  {title_text(r.title, r.path)}"
                       f"  [{r.mentions} mentions]{named}")
    if d.quotes:
        out += ["", "Quotes"]
        for q in d.quotes:
            out.append(f"  {date_text(q.published):<10}  \u201c{one_line(q.text)}\u201d  ({safe_path(q.path)})")
    if d.events:
        out += ["", "Events"]
        for e in d.events:
            when = date_text(e.date_start) if e.date_start else one_line(e.when_text)
            out.append(f"  {when:<10}  {one_line(e.description)}  ({safe_path(e.path)})")
    print("\n".join(out))
    return EXIT_OK
