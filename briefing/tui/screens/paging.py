"""Long lists read from the index a page at a time (an actor's 7,000 quotes, a story's 300,000 events).

The `ItemList` is virtual, so showing many rows is cheap; reading and building them all is not. A
`Pager` holds what is loaded, and when the cursor comes near its end it reads the next page in a
thread worker and appends it, keeping the cursor where it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from textual.screen import Screen

from ..widgets.item_list import Item, ItemList

PAGE = 200  # rows read at once
AHEAD = 40  # read the next page when the cursor is this close to the end of what is loaded

Fetch = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> records; blocking, run in a thread
Build = Callable[[Any, int], Item]  # (record, position) -> row


class Pager:
    def __init__(self, screen: Screen[Any], items: ItemList, fetch: Fetch, build: Build, total: int,
                 on_change: Callable[[], None] | None = None, page: int = PAGE) -> None:
        self.screen, self.list, self.fetch, self.build = screen, items, fetch, build
        self.total = total
        self.page = page
        self.on_change = on_change
        self.records: list[Any] = []
        self.loading = False

    @property
    def loaded(self) -> int:
        return len(self.records)

    @property
    def complete(self) -> bool:
        return self.loaded >= self.total

    def rows(self, records: Sequence[Any], start: int = 0) -> list[Item]:
        """Rows for `records` (call it in the worker that read them: building rows is not free)."""
        return [self.build(r, start + n) for n, r in enumerate(records)]

    def start(self, first: Sequence[Any], rows: list[Item] | None = None) -> None:
        """Show the first page (already read, with the rest of the screen's data)."""
        self.records = list(first)
        self.total = max(self.total, len(self.records))
        self.list.set_items(rows if rows is not None else self.rows(self.records))
        if self.on_change:
            self.on_change()

    def maybe_more(self) -> None:
        """Read the next page if the cursor is near the end of what is loaded."""
        cursor = self.list.cursor or 0
        if self.loading or self.complete or self.list.shown - cursor > AHEAD:
            return
        self.loading = True
        offset = self.loaded
        self.screen.run_worker(lambda: self._load(offset), thread=True, exit_on_error=False,
                               group=f"page-{self.list.id}")

    def _load(self, offset: int) -> None:
        try:
            records = list(self.fetch(offset, self.page))
        except Exception:
            records = []
        rows = self.rows(records, offset)
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.screen.app.call_from_thread(self._append, offset, records, rows)

    def _append(self, offset: int, records: list[Any], rows: list[Item]) -> None:
        self.loading = False
        if offset != self.loaded or not self.screen.is_attached:
            return
        if not records:  # the index changed under us (a refresh): what we have is all there is
            self.total = self.loaded
        else:
            self.records += records
            keep = self.list.selected.key if self.list.selected else None
            self.list.set_items([*self.list.items, *rows], keep=keep)
        if self.on_change:
            self.on_change()
        self.maybe_more()  # `G` jumped past several pages' worth

    def count_text(self) -> str:
        if self.complete:
            return f"{self.total:,}"
        return f"{self.loaded:,} of {self.total:,}"
