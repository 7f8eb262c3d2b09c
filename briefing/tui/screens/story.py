"""The story timeline: the events of every report in the library (or of the searched or filtered ones)
as one chronology, read from the index a page at a time. Dated events come first, by date; events the
reports could not date follow, by report date. `enter` opens the event's report at its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.worker import get_current_worker

from .. import keys
from ..safe import one_line
from ..widgets.bars import HeaderLine, KeyBar
from ..widgets.item_list import Item, ItemList
from .dossier import event_item, open_at
from .paging import PAGE, Pager

if TYPE_CHECKING:
    from ...library import StoryEvent
    from ..app import BriefingApp
    from ..library_source import IndexedLibrary


class StoryScreen(Screen[None]):
    BINDINGS = keys.STORY
    RETURN_ON_ESCAPE = True  # a report opened from here goes back here on escape

    def __init__(self, source: IndexedLibrary, paths: list[str] | None, what: str) -> None:
        super().__init__()
        self.source = source
        self.paths = paths
        self.what = what
        self.pager: Pager | None = None

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        yield ItemList(title_rows=2, detail=True, empty="Reading the index…", id="story", classes="pane")
        yield KeyBar()

    @property
    def events(self) -> ItemList:
        return self.query_one("#story", ItemList)

    def on_mount(self) -> None:
        self.query_one(HeaderLine).show(Content("Story timeline"), [Content(one_line(self.what, 100)), "reading…"])
        self.events.border_title = Content.styled("Events", "bold")
        self.events.focus()
        self._load()

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load(self) -> None:
        total = self.source.story_count(self.paths)
        first = self.source.story_timeline(self.paths, 0, PAGE) if total else []
        rows = [event_item(e, n) for n, e in enumerate(first)]  # built here, not on the event loop
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply, total, first, rows)

    def _apply(self, total: int, first: list[StoryEvent], rows: list[Item]) -> None:
        if not self.is_attached:
            return
        self.events.empty_text = "No events in these reports"
        self.pager = Pager(self, self.events, self._page, event_item, total, on_change=self._titles)
        self.pager.start(first, rows)

    def _page(self, offset: int, limit: int) -> list[StoryEvent]:
        return self.source.story_timeline(self.paths, offset, limit)

    def _titles(self) -> None:
        if not self.is_attached or self.pager is None:
            return
        meta: list[Content | str] = [Content(one_line(self.what, 100)), f"{self.pager.total:,} events",
                                     "oldest first"]
        if self.source.state.running:
            meta.append("indexing: more may come")
        self.query_one(HeaderLine).show(Content("Story timeline"), meta)
        self.events.border_title = Content.assemble(Content.styled("Events", "bold"), " ",
                                                    Content.styled(self.pager.count_text(), "dim"))

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        if self.pager is not None:
            self.pager.maybe_more()

    @on(ItemList.Opened)
    def _opened(self, event: ItemList.Opened) -> None:
        event.stop()
        e = event.item.data
        open_at(self.reader, e.path, event.item.spans, f"event: {one_line(e.when_text, 40)}")  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_library(self) -> None:
        self.reader.action_library()
