"""The library screen: every report with title, date, outlet and counts; sort, filter, open.

It reads only `ReportSource.entries()` / `refresh_entry()`, so an indexed library can replace the
file list later. Entries are parsed in a thread worker and appear as they are ready.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen

from .. import keys
from ..safe import one_line
from ..sources import ReportEntry
from ..widgets.bars import FilterBar, HeaderLine, KeyBar
from ..widgets.item_list import Item, ItemList

if TYPE_CHECKING:
    from ..app import BriefingApp

SORTS = [
    ("date", "newest first"),
    ("title", "title"),
    ("outlet", "outlet"),
    ("quotes", "most quotes"),
    ("file", "file name"),
]


def entry_item(e: ReportEntry) -> Item:
    if e.error:
        detail = Content.assemble(Content.styled("cannot open: ", "bold"), Content(one_line(e.error)),
                                  " · ", Content(one_line(e.path.name)))
    elif not e.loaded:
        detail = Content.assemble("reading… · ", Content(one_line(e.path.name)))
    else:
        parts: list[Content | str] = []
        if e.published:
            parts.append(Content.styled(e.published.isoformat(), ".item-list--key"))
        if e.outlet:
            parts.append(Content(one_line(e.outlet, 60)))
        parts.append(f"{e.actors} actors · {e.quotes} quotes · {e.events} events")
        parts.append(Content(one_line(e.path.name, 80)))
        joined: list[Content | str] = []
        for n, p in enumerate(parts):
            joined += [" · "] if n else []
            joined.append(p)
        detail = Content.assemble(*joined)
    return Item(
        key=str(e.path),
        title=Content.styled(one_line(e.title, 300), "bold"),
        detail=detail.stylize_before(".item-list--detail"),
        haystack=" ".join(x for x in (e.title, e.outlet or "", e.path.name,
                                      e.published.isoformat() if e.published else "") if x).lower(),
        copy_text=str(e.path),
        kind="report",
        data=e,
    )


def _sort_key(sort: str):  # type: ignore[no-untyped-def]
    if sort == "date":
        return lambda e: (e.published is None, -(e.published or dt.date.min).toordinal(), e.title.lower())
    if sort == "title":
        return lambda e: e.title.lower()
    if sort == "outlet":
        return lambda e: ((e.outlet or "\uffff").lower(), e.title.lower())
    if sort == "quotes":
        return lambda e: (-e.quotes, e.title.lower())
    return lambda e: e.path.name.lower()


class LibraryScreen(Screen[None]):
    BINDINGS = keys.LIBRARY

    def __init__(self) -> None:
        super().__init__()
        self.sort = 0

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        yield ItemList(title_rows=1, detail=True, empty="No reports", id="reports")
        yield FilterBar(id="filter")
        yield KeyBar()

    @property
    def reports(self) -> ItemList:
        return self.query_one("#reports", ItemList)

    def on_mount(self) -> None:
        self._refresh_list()
        self.reports.focus()
        self._read_entries()

    def on_screen_resume(self) -> None:
        self._refresh_list()
        self.reports.focus()

    def _entries(self) -> list[ReportEntry]:
        entries = self.reader.library.entries()
        return sorted(entries, key=_sort_key(SORTS[self.sort][0]))

    def _refresh_list(self) -> None:
        if not self.is_attached:  # the worker finished after the screen went away
            return
        reports = self.reports
        # Stay on the selected report while entries load and re-sort, unless it is the first one: then
        # the top of the list stays selected (the user has not moved yet).
        keep = reports.selected.key if reports.selected and reports.cursor else None
        current = self.reader.current_path
        if keep is None and current is not None:
            keep = str(current)
        reports.set_items([entry_item(e) for e in self._entries()], keep=keep)
        self._update_header()

    def _update_header(self) -> None:
        reports = self.reports
        entries = self.reader.library.entries()
        pending = sum(1 for e in entries if not e.loaded)
        failed = sum(1 for e in entries if e.error)
        meta: list[Content | str] = [f"{len(entries)} reports", f"sorted by {SORTS[self.sort][1]}"]
        if reports.query:
            meta.append(Content.assemble("/", Content(one_line(reports.query, 40)),
                                         f" {reports.shown} shown"))
        if pending:
            meta.append(f"reading {pending}…")
        if failed:
            meta.append(f"{failed} cannot be opened")
        self.query_one(HeaderLine).show(Content("Library"), meta)
        reports.border_title = Content.assemble(Content.styled("Reports", "bold"),
                                                Content.styled(f" {reports.shown}", "dim"))

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _read_entries(self, everything: bool = False) -> None:
        library = self.reader.library
        batch = 0
        for e in library.entries():
            if e.loaded and not everything:
                continue
            library.refresh_entry(e.path)
            batch += 1
            if batch >= 16:
                batch = 0
                self.app.call_from_thread(self._refresh_list)
        self.app.call_from_thread(self._refresh_list)

    def order(self) -> list[str]:
        """Paths in the order shown (sorted and filtered): what `[` and `]` step through."""
        return [it.key for it in self.reports.visible_items]

    @on(ItemList.Opened)
    def _open(self, event: ItemList.Opened) -> None:
        event.stop()
        entry = event.item.data
        if isinstance(entry, ReportEntry):
            self.reader.open_report(entry.path)

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self._refresh_list()

    def action_search(self) -> None:
        self.query_one(FilterBar).open("Library", self.reports.query)

    @on(FilterBar.Changed)
    def _filter(self, event: FilterBar.Changed) -> None:
        self.reports.set_query(event.query)
        self._update_header()

    @on(FilterBar.Done)
    def _filter_done(self, event: FilterBar.Done) -> None:
        if not event.accepted:
            self.reports.set_query("")
        self.query_one(FilterBar).close()
        self._update_header()
        self.reports.focus()

    def action_back(self) -> None:
        if self.reports.query:
            self.reports.set_query("")
            self._update_header()

    def action_reload(self) -> None:
        self._read_entries(everything=True)
