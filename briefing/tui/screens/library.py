"""The library screen: every report with title, date, outlet and counts; sort, filter, search, open.

It reads a `ReportSource`. A plain file list (`FileLibrary`) is parsed entry by entry in a thread
worker. An indexed library (`IndexedLibrary`) lists what the index knows at once, then refreshes the
index in a worker with a progress line while the list stays usable, and adds full-text search (`/`,
results replace the list until `escape`), the story timeline (`t`) and the list of skipped files (`w`).
Rows are built when first drawn, so 10,000 reports open as fast as 10.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from .. import keys
from ..library_source import IndexedLibrary, is_indexed, live_query
from ..safe import Neutralised, one_line
from ..sources import ReportEntry
from ..styles import screen_css
from ..widgets.bars import FilterBar, HeaderLine, KeyBar
from ..widgets.item_list import Item, ItemList, LazyItem
from ..widgets.progress import IndexProgress

if TYPE_CHECKING:
    from ...library import SearchHit
    from ...library.search import Ranked
    from ..app import BriefingApp

SORTS = [
    ("date", "newest first"),
    ("title", "title"),
    ("outlet", "outlet"),
    ("quotes", "most quotes"),
    ("file", "file name"),
]
SEARCH_DELAY = 0.15  # seconds of no typing before a search runs
SEARCH_LIMIT = 200  # best hits shown (one per report)
FIRST_HITS = 24  # at least this many hits are located before the results are shown (see _run_search)
FILL_AFTER = 0.05  # seconds the rest of the hits wait for the first ones to be painted
LIST_REFRESH = 1.0  # seconds between re-reading the entries while indexing
# While indexing, the search shown is run again when the index has grown, at most this often (and never
# more than a fifth of the time: a slow search waits longer); once more when indexing ends.
RESEARCH_EVERY = 0.5
# An index run says nothing until it has run this long or has files to parse: the check for changes
# that opens every library (~0.2 s for 10,000 reports) would flash a line in and out, and each time
# re-lay out the screen and repaint the whole list (~25 ms each, felt by a key pressed meanwhile).
PROGRESS_DELAY = 0.6


def entry_detail(e: ReportEntry) -> Content:
    if e.error:
        detail = Content.assemble(Content.styled("cannot open: ", "bold"), Content(one_line(e.error)),
                                  " · ", Content(one_line(e.file_name)))
    elif not e.loaded:
        detail = Content.assemble("reading… · ", Content(one_line(e.file_name)))
    else:
        parts: list[Content | str] = []
        if e.published:
            parts.append(Content.styled(e.published.isoformat(), ".item-list--key"))
        if e.outlet:
            parts.append(Content(one_line(e.outlet, 60)))
        parts.append(f"{e.actors} actors · {e.quotes} quotes · {e.events} events")
        parts.append(Content(one_line(e.file_name, 80)))
        joined: list[Content | str] = []
        for n, p in enumerate(parts):
            joined += [" · "] if n else []
            joined.append(p)
        detail = Content.assemble(*joined)
    return detail.stylize_before(".item-list--detail")


class EntryItem(Item):
    """A report row whose Content and filter text are built when first needed.

    `Item` is a plain dataclass; this sets two attributes and computes `title`, `detail`, `haystack`
    and `copy_text` lazily (the list only draws the rows on screen): 10,000 rows cost little to make.
    """

    spans = ()
    actor_ids = frozenset()
    kind = "report"
    _title: Content | None = None
    _detail: Content | None = None
    _haystack: str | None = None

    def __init__(self, e: ReportEntry) -> None:  # deliberately not calling the dataclass __init__
        self.key = e.location
        self.data = e

    @property  # type: ignore[override]
    def copy_text(self) -> str:
        return self.key

    @property  # type: ignore[override]
    def title(self) -> Content:
        if self._title is None:
            e: ReportEntry = self.data  # type: ignore[assignment]
            self._title = Content.styled(one_line(e.title, 300), "bold")
        return self._title

    @property  # type: ignore[override]
    def detail(self) -> Content:
        if self._detail is None:
            self._detail = entry_detail(self.data)  # type: ignore[arg-type]
        return self._detail

    @property  # type: ignore[override]
    def haystack(self) -> str:
        if self._haystack is None:
            e: ReportEntry = self.data  # type: ignore[assignment]
            self._haystack = " ".join(x for x in (e.title, e.outlet or "", e.file_name,
                                                  e.published.isoformat() if e.published else "") if x).lower()
        return self._haystack


def entry_item(e: ReportEntry) -> Item:
    return EntryItem(e)


def snippet_content(snippet: str, highlights: tuple[tuple[int, int], ...]) -> Content:
    """The snippet as literal Content with the matched words styled (offsets mapped past placeholders)."""
    nt = Neutralised.of(snippet)
    content = Content(nt.text)
    for start, end in highlights:
        s, e = nt.span(start, end)
        if 0 <= s < e <= len(nt.text):
            content = content.stylize(".library--match", s, e)
    return content


def _hit_row(hit: SearchHit) -> tuple[Content, Content]:
    title = one_line(hit.title or os.path.basename(hit.path), 300)
    head: list[Content | str] = [Content.styled(title, "bold")]
    if hit.published:
        head += ["  ", Content.styled(hit.published.isoformat(), ".item-list--key")]
    detail = snippet_content(hit.snippet, hit.highlights)
    if hit.line:
        detail = Content.assemble(detail, Content.styled(f"  line {hit.line}", ".item-list--badge"))
    return Content.assemble(*head), detail.stylize_before(".item-list--detail")


def hit_item(hit: SearchHit, n: int) -> Item:
    """A search result: built when drawn (200 of them are shown at once, a screenful is drawn)."""
    spans = ((hit.offset, hit.end),) if hit.offset is not None and hit.end is not None else ()
    return LazyItem(f"{n}:{hit.path}", hit, "hit", _hit_row, spans, hit.path)


def _pending_row(hit: SearchHit) -> tuple[Content, Content]:
    title, _ = _hit_row(hit)
    return title, Content("…").stylize_before(".item-list--detail")


def pending_item(row: tuple[int, float, str, str | None, str | None], n: int) -> Item:
    """A ranked result whose hit is still being located: its title and date, no snippet yet.
    Its kind is not "hit", so the located rows that replace it are told apart."""
    from ...library.search import pending_hit

    hit = pending_hit(row)
    return LazyItem(f"{n}:{hit.path}", hit, "pending", _pending_row, (), hit.path)  # type: ignore[arg-type]


def _reports(n: int) -> str:
    return f"{n:,} report{'s' if n != 1 else ''}"


def _sort_key(sort: str):  # type: ignore[no-untyped-def]
    if sort == "date":
        return lambda e: (e.published is None, -(e.published or dt.date.min).toordinal(), e.title.lower())
    if sort == "title":
        return lambda e: e.title.lower()
    if sort == "outlet":
        return lambda e: ((e.outlet or "\uffff").lower(), e.title.lower())
    if sort == "quotes":
        return lambda e: (-e.quotes, e.title.lower())
    return lambda e: e.file_name.lower()


class LibraryScreen(Screen[None]):
    DEFAULT_CSS = screen_css("library")  # styles/library.tcss
    BINDINGS = keys.LIBRARY
    COMPONENT_CLASSES: ClassVar = {"library--match"}

    def __init__(self) -> None:
        super().__init__()
        self.sort = 0
        self.search_query = ""  # the query the results are for ("" = the list shows the reports)
        self.results: list[Item] | None = None  # search results, shown in the list instead of the reports
        self._before_search: tuple[str, str | None] = ("", None)  # the list's filter and selection
        self.bar_target = "filter"  # what the `/` box drives: "filter" (the list) or "search"
        self._items: dict[str, tuple[ReportEntry, Item]] = {}
        self._search_timer: Timer | None = None
        self._search_seq = 0
        self._searching = False
        self._search_text = ""  # the query as typed (live_query reads the trailing space)
        self._search_mark: tuple[int, int] = (0, 0)  # `_index_mark` when the shown search started
        self._search_shown_at = 0.0  # monotonic time the shown results came
        self._researching = False  # the shown search is being run again over a grown index
        self._filling = False  # results are shown, the hits of some are still being located
        self._research_timer: Timer | None = None
        self._last_list_read = 0.0
        self._told_skipped = 0
        self._progress_timer: Timer | None = None
        self._results_query = ""  # the query the results shown are for (search_query may be newer)
        self._shown_version = -1  # the source's entry version the list was built from
        self.last_search_seconds = 0.0

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    @property
    def indexed(self) -> IndexedLibrary | None:
        source = self.reader.library
        return source if is_indexed(source) else None  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        yield IndexProgress(id="index-progress")
        # One list for the reports and for search results: swapping its rows repaints one widget, where
        # showing and hiding two lists would lay out the whole screen on every search.
        yield ItemList(title_rows=1, detail=True, empty="No reports", id="reports")
        yield FilterBar(id="filter")
        yield KeyBar()

    @property
    def reports(self) -> ItemList:
        return self.query_one("#reports", ItemList)

    @property
    def searching(self) -> bool:
        """True while search results replace the reports in the list (or a search is under way)."""
        return self.results is not None or self._searching

    def on_mount(self) -> None:
        src = self.indexed
        if src is None:
            self._refresh_list()
            self.reports.focus()
            self._read_entries()
            return
        if src.cache_warning and not src.loaded_once:
            self.notify(src.cache_warning, severity="warning", markup=False, timeout=8)
        # What the index already knows, read here and now (one table, ~0.1 s for 10,000 reports), so the
        # first paint shows the list; checking the files for changes runs in the background.
        self._refresh_list()
        self.reports.focus()
        # After the first paint: checking 10,000 files would compete with it for the interpreter.
        self.call_after_refresh(self._index)

    def on_unmount(self) -> None:
        src = self.indexed
        if src is not None:
            src.cancel()  # the app is closing: stop parsing (the thread must end before the process can)

    def on_screen_resume(self) -> None:
        src = self.indexed
        if src is None or src.version != self._shown_version:
            self._refresh_list()
        self.reports.focus()

    # -- the list ----------------------------------------------------------------------------------

    def _entries(self) -> list[ReportEntry]:
        entries = self.reader.library.entries()
        if self.indexed is not None and SORTS[self.sort][0] == "date":
            return entries  # the index lists them newest first already (undated last, then by path)
        return sorted(entries, key=_sort_key(SORTS[self.sort][0]))

    def _item(self, e: ReportEntry) -> Item:
        key = e.location
        cached = self._items.get(key)
        if cached is not None and cached[0] is e:
            return cached[1]
        item = entry_item(e)
        self._items[key] = (e, item)
        return item

    def _refresh_list(self) -> None:
        if not self.is_attached:  # the worker finished after the screen went away
            return
        if self.results is not None:  # showing search results: the reports come back with `escape`
            self._update_header()
            return
        reports = self.reports
        # Stay on the selected report while entries load and re-sort, unless it is the first one: then
        # the top of the list stays selected (the user has not moved yet).
        keep = reports.selected.key if reports.selected and reports.cursor else None
        current = self.reader.current_path
        if keep is None and current is not None:
            keep = str(current)
        entries = self._entries()
        if self.indexed is not None:
            self._shown_version = self.indexed.version
        items = [self._item(e) for e in entries]
        if len(self._items) > 2 * len(items) + 100:  # drop rows of reports that left the index
            live = {it.key for it in items}
            self._items = {k: v for k, v in self._items.items() if k in live}
        if self.indexed is not None:
            st = self.indexed.state
            reports.empty_text = "No reports yet: indexing…" if st.running or not st.runs else "No reports"
        reports.set_items(items, keep=keep)
        self._update_header()

    def _update_header(self) -> None:
        if not self.is_attached:
            return
        reports = self.reports
        entries = self.reader.library.entries() if (self.indexed is None or self.indexed.loaded_once) else []
        meta: list[Content | str] = [_reports(len(entries))]
        if self.searching:
            q = Content(one_line(self.search_query, 40))
            if self._searching:
                meta.append(Content.assemble("searching /", q, "…"))
            else:
                n = len(self.results or ())
                more = "+" if n >= SEARCH_LIMIT else ""
                meta.append(Content.assemble("/", q, f": {n:,}{more} matching report{'s' if n != 1 else ''}"))
        else:
            meta.append(f"sorted by {SORTS[self.sort][1]}")
            if reports.query:
                meta.append(Content.assemble("filter ", Content(one_line(reports.query, 40)),
                                             f": {reports.shown:,} shown"))
        if self.indexed is None:
            pending = sum(1 for e in entries if not e.loaded)
            failed = sum(1 for e in entries if e.error)
            if pending:
                meta.append(f"reading {pending}…")
            if failed:
                meta.append(f"{failed} cannot be opened")
        self.query_one(HeaderLine).show(Content("Library"), meta)
        if self.results is not None:
            # The query of the results shown, not of a search under way: a new border title repaints
            # the whole list, which the results repaint anyway when they come.
            title = Content.assemble(Content.styled("Search", "bold"), " ", Content(one_line(self._results_query, 40)),
                                     Content.styled(f" {len(self.results):,}", "dim"))
        else:
            title = Content.assemble(Content.styled("Reports", "bold"), Content.styled(f" {reports.shown:,}", "dim"))
        if title.markup != getattr(self, "_list_title", None):  # a new border title repaints the list
            self._list_title = title.markup
            reports.border_title = title

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

    # -- indexing ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index(self) -> None:
        src = self.indexed
        if src is None:
            return
        worker = get_current_worker()
        self._last_list_read = time.monotonic()

        def progress() -> None:
            # Messages, not call_from_thread: the indexer never waits for the screen to repaint.
            now = time.monotonic()
            changed = False
            if now - self._last_list_read >= LIST_REFRESH:
                self._last_list_read = now
                changed = src.reload()
            if not worker.is_cancelled:
                self.post_message(self.Indexed(changed, done=False))

        src.index(progress, lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
        st = src.state
        # Nothing written and nothing removed: the list is current (re-reading 10,000 rows is not free).
        changed = bool(st.committed or st.removed or st.phase == "failed") and src.reload()
        self.post_message(self.Indexed(changed, done=True))

    class Indexed(Message):
        """The indexer made progress (`done`: it finished); `changed`: the entries were read again and differ."""

        def __init__(self, changed: bool, done: bool) -> None:
            super().__init__()
            self.changed = changed
            self.done = done

    @on(Indexed)
    def _indexed(self, event: Indexed) -> None:
        if event.changed:
            self._refresh_list()
        if event.done:
            self._index_done()
        else:
            self._show_progress()
        self._research()

    def _show_progress(self) -> None:
        if not self.is_attached:
            return
        src = self.indexed
        if src is None:
            return
        st, line = src.state, self.query_one(IndexProgress)
        if st.running and not line.text and not (st.phase == "parse" and st.total):
            wait = st.started + PROGRESS_DELAY - time.monotonic()
            if wait > 0:  # a quick check may be over by then (see PROGRESS_DELAY)
                if self._progress_timer is None:
                    self._progress_timer = self.set_timer(wait, self._progress_due)
                return
        line.show(st, self._key_for("skipped", "w"))

    def _progress_due(self) -> None:
        self._progress_timer = None
        self._show_progress()

    def _index_done(self) -> None:
        if not self.is_attached or self.indexed is None:
            return
        self._show_progress()
        st = self.indexed.state
        if self.results is None and not self.reports.total:
            self.reports.empty_text = "No reports"
            self.reports.refresh()
        if st.phase == "failed":
            self.notify(f"Indexing failed: {one_line(st.error or '')}", severity="error", markup=False,
                        timeout=10)
        elif len(st.skipped) > self._told_skipped:
            # One message for all of them: 1,000 unreadable files are not 1,000 toasts.
            n = len(st.skipped)
            first = one_line(st.skipped[0][0].rsplit("/", 1)[-1], 60)
            others = f" and {n - 1:,} more" if n > 1 else ""
            self.notify(f"{n:,} file{'s' if n != 1 else ''} skipped ({first}{others}); "
                        f"{self._key_for('skipped', 'w')} lists them", severity="warning", markup=False,
                        timeout=8)
        self._told_skipped = len(st.skipped)

    def _key_for(self, binding_id: str, default: str) -> str:
        keymap = getattr(self.app, "_keymap", {}) or {}
        return keymap.get(binding_id, default).split(",")[0]

    # -- opening -----------------------------------------------------------------------------------

    def order(self) -> list[str]:
        """Paths in the order shown (sorted and filtered, or the search results): what `[`/`]` step through."""
        if self.results is not None:
            return list(dict.fromkeys(it.data.path for it in self.results))  # type: ignore[attr-defined]
        return [it.key for it in self.reports.visible_items]

    @on(ItemList.Opened)
    def _open(self, event: ItemList.Opened) -> None:
        event.stop()
        data = event.item.data
        if isinstance(data, ReportEntry):
            self.reader.open_report(data.path)
        elif event.item.kind in ("hit", "pending"):  # a pending hit opens at the top of the report
            from pathlib import Path

            from .report import At

            at = At(event.item.spans, f"search: {one_line(self.search_query, 40)}") if event.item.spans else None
            self.reader.open_report(Path(data.path), at=at)  # type: ignore[attr-defined]

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()

    # -- sort and filter ---------------------------------------------------------------------------

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self._refresh_list()

    def action_filter_list(self) -> None:
        if self.searching:
            self._end_search()
        self.bar_target = "filter"
        self.query_one(FilterBar).open("Filter", self.reports.query)

    def action_search(self) -> None:
        if self.indexed is None:  # no index: `/` filters the list, as everywhere else
            self.action_filter_list()
            return
        self.bar_target = "search"
        self.query_one(FilterBar).open("Search", self.search_query)

    @on(FilterBar.Changed)
    def _bar_changed(self, event: FilterBar.Changed) -> None:
        if self.bar_target == "filter":
            self.reports.set_query(event.query)
            self._update_header()
        else:
            self._schedule_search(event.query)

    @on(FilterBar.Done)
    def _bar_done(self, event: FilterBar.Done) -> None:
        bar = self.query_one(FilterBar)
        if self.bar_target == "filter":
            if not event.accepted:
                self.reports.set_query("")
            bar.close()
            self._update_header()
            self.reports.focus()
            return
        if not event.accepted:
            self._end_search()
            bar.close()
            self.reports.focus()
            return
        if self._search_timer is not None:  # enter before the pause: search now
            self._search_timer.stop()
            self._search_timer = None
            self._start_search(bar.input.value)
        bar.close()
        self.reports.focus()

    def action_back(self) -> None:
        if self.searching:
            self._end_search()
            self.reports.focus()
        elif self.reports.query:
            self.reports.set_query("")
            self._update_header()

    def action_reload(self) -> None:
        if self.indexed is not None:
            self._index()
        else:
            self._read_entries(everything=True)

    # -- full-text search --------------------------------------------------------------------------

    def _schedule_search(self, text: str) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self._start_search(text))

    def _start_search(self, text: str) -> None:
        self._search_timer = None
        query = live_query(text)
        if not query.strip():
            self._end_search()
            return
        self._search_seq += 1
        self._searching = True
        self._researching = False
        self.search_query = text.strip()
        self._search_text = text
        self._search_mark = self._index_mark()
        # The list (or the previous results) stays until the results come: one repaint, not two.
        self._update_header()
        self._run_search(self._search_seq, query, self._first_hits)

    def _index_mark(self) -> tuple[int, int]:
        """What the index holds, as far as search can tell: (finished refreshes, reports committed)."""
        src = self.indexed
        return (src.state.runs, src.state.committed) if src is not None else (0, 0)

    def _research(self) -> None:
        """Run the shown search again if the index grew since it ran: results typed mid-index fill in as
        reports are indexed, and are complete when indexing ends. Throttled while indexing (see
        RESEARCH_EVERY); nothing happens while the user's own search is pending or running."""
        if self._research_timer is not None:
            self._research_timer.stop()
            self._research_timer = None
        src = self.indexed
        if (src is None or not self.is_attached or self.results is None or self._searching or self._researching
                or self._filling or self._search_timer is not None or self._search_mark == self._index_mark()):
            return
        if src.state.running:
            wait = self._search_shown_at + max(RESEARCH_EVERY, 4 * self.last_search_seconds) - time.monotonic()
            if wait > 0:  # a timer, not the next progress message: that may be seconds away on slow parses
                self._research_timer = self.set_timer(wait, self._research)
                return
        self._search_seq += 1
        self._researching = True
        self._search_mark = self._index_mark()
        self._run_search(self._search_seq, live_query(self._search_text), self._first_hits)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, seq: int, query: str, first: int) -> None:
        src = self.indexed
        if src is None:
            return
        worker = get_current_worker()
        t = time.perf_counter()
        shown = False

        def show(ranked: Ranked, located: list[SearchHit | None]) -> None:
            # The rows on screen are located first and shown with the others (title and date known,
            # snippet pending); the rest fill in when located (one more repaint, rarely noticed).
            nonlocal shown
            if worker.is_cancelled or seq != self._search_seq:
                return
            items = [hit_item(h, n) for n, h in enumerate(located) if h is not None]
            for item in items:  # their Content now, off the event loop: these rows are drawn at once
                _ = item.title
            items += [pending_item(row, n) for n, row in enumerate(ranked.rows[first:], first)]
            shown = True
            self.app.call_from_thread(self._show_hits, seq, items, time.perf_counter() - t, False)
            # Locating the rest holds the interpreter most of the time: let the first page be painted
            # (the next frame, and the repaint of the list) before it starts.
            time.sleep(FILL_AFTER)

        with src.first_page(first, show):
            hits = src.search(query, SEARCH_LIMIT)
        seconds = time.perf_counter() - t
        if worker.is_cancelled or seq != self._search_seq:
            return
        # Built here, not on the event loop; row keys are ranks, so they stay when the rest fill in.
        items = [hit_item(h, n) for n, h in enumerate(hits)]
        if shown:
            self.app.call_from_thread(self._fill_hits, seq, items, seconds)
        else:
            self.app.call_from_thread(self._show_hits, seq, items, seconds)

    @property
    def _first_hits(self) -> int:
        """Results located before any are shown: a screenful of rows and a few more."""
        reports = self.reports
        return max(FIRST_HITS, reports.scrollable_content_region.height // max(1, reports.rows) + 4)

    def _show_hits(self, seq: int, items: list[Item], seconds: float, complete: bool = True) -> None:
        """Show the results (`complete` False: some are pending, `_fill_hits` brings them)."""
        if seq != self._search_seq or not self.is_attached:
            return  # an older query finished after a newer one started
        again = self._researching and self.results is not None
        self._searching = self._researching = False
        self._filling = not complete
        self.last_search_seconds = seconds
        self._search_shown_at = time.monotonic()
        reports = self.reports
        if self.results is None:  # the reports leave the list: remember its filter and selection
            self._before_search = (reports.query, reports.selected.key if reports.selected else None)
        self.results = items
        self._results_query = self.search_query
        reports.empty_text = "No report matches (escape shows the reports again)"
        if again:
            # The same query over more reports: stay on the report the user moved to (its rank, hence
            # its row key, may change; if it went, on the same row); at the top, stay at the top, where
            # the best hits come.
            keep = None
            selected = reports.selected
            if selected is not None and reports.cursor:
                path = selected.data.path  # type: ignore[attr-defined]
                keep = next((it.key for it in items if it.data.path == path), None)  # type: ignore[attr-defined]
            reports.set_items(items, keep=keep)
        else:
            reports.set_items(items)
            reports.set_query("")
            reports.move_to(0)
        self._update_header()
        if complete:
            self._research()  # the index may have grown (or finished) while this search ran

    def _fill_hits(self, seq: int, items: list[Item], seconds: float) -> None:
        """Every result located: they replace the rows shown (the pending rows get their snippets)."""
        if seq != self._search_seq or not self.is_attached or self.results is None:
            return
        self._filling = False
        self.last_search_seconds = seconds
        self.results = items
        reports = self.reports
        selected = reports.selected
        reports.set_items(items, keep=selected.key if selected is not None else None)
        self._update_header()
        self._research()

    def _end_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if self._research_timer is not None:
            self._research_timer.stop()
            self._research_timer = None
        self._search_seq += 1
        self._searching = self._researching = self._filling = False
        self.search_query = ""
        if self.results is not None:
            self.results = None
            query, key = self._before_search
            reports = self.reports
            reports.empty_text = "No reports"
            reports.set_items([])  # rebuilt below, with the cursor back where it was
            reports.set_query(query)
            self._refresh_list()
            if key is not None:
                reports.select_key(key)
        self._update_header()

    # -- other screens -----------------------------------------------------------------------------

    def action_story(self) -> None:
        src = self.indexed
        if src is None:
            self.notify("The story timeline needs the index: open a folder (briefing DIR)", markup=False,
                        timeout=4)
            return
        from .story import StoryScreen

        if self.results is not None:
            paths = self.order()
            what = f"{_reports(len(paths))} found for /{one_line(self.search_query, 40)}"
        elif self.reports.query:
            paths = self.order()
            what = f"{_reports(len(paths))} matching filter {one_line(self.reports.query, 40)}"
        else:
            paths, what = None, "all reports"
        self.app.push_screen(StoryScreen(src, paths, what))

    def action_skipped(self) -> None:
        src = self.indexed
        skipped = src.state.skipped if src is not None else [
            (str(e.path), e.error or "") for e in self.reader.library.entries() if e.error]
        from .skipped import SkippedScreen

        self.app.push_screen(SkippedScreen(list(skipped)))
