"""`IndexedLibrary`: the reader's `ReportSource` backed by the SQLite index (`briefing.library.Library`).

The library screen lists what the index already knows at once (a read of one table), then a worker
runs `refresh()` — only new or changed files are parsed, in a process pool — while the list stays
usable; entries committed by the indexer appear as it goes. Opening a report is a cache read. Search,
actor dossiers and the story timeline go straight to the index. Nothing here imports Textual; every
method that touches the index blocks, so the UI calls them from thread workers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .sources import ReportEntry

if TYPE_CHECKING:
    from ..library import Dossier, DossierQuote, Library, LibraryEntry, Progress, RefreshStats, SearchHit, StoryEvent
    from ..library.search import Ranked
    from ..model import Briefing


@dataclass
class IndexState:
    """What the indexer is doing, for the library screen's progress line (read on the UI thread)."""

    running: bool = False
    phase: str = "idle"  # idle | scan | parse | done | failed
    done: int = 0
    total: int = 0
    committed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason), in the order found
    started: float = 0.0
    seconds: float = 0.0
    parsed: int = 0
    removed: int = 0
    error: str | None = None
    cancelled: bool = False
    runs: int = 0  # finished refreshes


class IndexedEntry(ReportEntry):
    """A `ReportEntry` over an index row, built with one assignment: its fields are read from the row
    when asked for (and its `Path` built only then). Making 10,000 full entries was a good part of
    opening a big library; the list reads the fields of the rows on screen, and the sort key of each."""

    def __init__(self, row: LibraryEntry) -> None:  # not the dataclass __init__: the fields are properties
        self.row = row

    path = property(lambda self: Path(self.row.path))  # type: ignore[assignment]
    title = property(lambda self: self.row.display_title)  # type: ignore[assignment]
    published = property(lambda self: self.row.published)  # type: ignore[assignment]
    outlet = property(lambda self: self.row.outlet)  # type: ignore[assignment]
    actors = property(lambda self: self.row.actors)  # type: ignore[assignment]
    quotes = property(lambda self: self.row.quotes)  # type: ignore[assignment]
    events = property(lambda self: self.row.events)  # type: ignore[assignment]
    loaded = True
    error = None

    @property
    def location(self) -> str:
        return self.row.path

    @property
    def file_name(self) -> str:
        return os.path.basename(self.row.path)


def _entry(e: LibraryEntry) -> ReportEntry:
    return IndexedEntry(e)


class IndexedLibrary:
    """A library of report files and folders (folders recursively) kept in the index."""

    indexed = True  # the library screen offers search, dossiers and the story timeline

    def __init__(self, library: Library, reference_date: dt.date | None = None) -> None:
        self.lib = library
        self.reference_date = reference_date
        self.state = IndexState()
        self._entries: list[ReportEntry] = []
        self._known: dict[str, tuple[LibraryEntry, ReportEntry]] = {}
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._local = threading.local()  # `first_page` of the searching thread
        self.version = 0  # bumped whenever the entry list changes
        self.loaded_once = False

    @classmethod
    def open(cls, roots: Sequence[str | os.PathLike[str]], *, use_cache: bool = True,
             cache_dir: str | os.PathLike[str] | None = None, workers: int | None = None,
             parse: Callable[[bytes, str], Briefing] | None = None, max_bytes: int | None = None,
             reference_date: dt.date | None = None) -> IndexedLibrary:
        from ..library import Library

        lib = Library(roots, cache_dir=cache_dir, use_cache=use_cache, workers=workers, parse=parse,
                      max_bytes=max_bytes)
        return cls(lib, reference_date)

    @property
    def cache_warning(self) -> str | None:
        return self.lib.cache_warning

    @property
    def roots(self) -> tuple[str, ...]:
        return self.lib.roots

    # -- ReportSource ------------------------------------------------------------------------------

    def entries(self) -> list[ReportEntry]:
        """The entries as last read from the index (`reload()` reads again)."""
        if not self.loaded_once:
            self.reload()
        return self._entries

    def reload(self) -> bool:
        """Read the entries from the index; True if they changed. Unchanged entries keep their object,
        so the screen's rows built from them are reused. Blocking (one query)."""
        rows = self.lib.entries()
        with self._lock:
            known = self._known
            fresh: dict[str, tuple[LibraryEntry, ReportEntry]] = {}
            out: list[ReportEntry] = []
            changed = len(rows) != len(known) or not self.loaded_once
            for row in rows:
                old = known.get(row.path)
                if old is not None and old[0] == row:
                    pair = old
                else:
                    pair = (row, _entry(row))
                    changed = True
                fresh[row.path] = pair
                out.append(pair[1])
            self.loaded_once = True
            if changed:
                self._known, self._entries = fresh, out
                self.version += 1
            return changed

    def refresh_entry(self, path: Path) -> ReportEntry:
        """The indexed entry (the indexer keeps entries current; nothing to parse here)."""
        found = self._known.get(os.path.abspath(path))
        if found is not None:
            return found[1]
        return ReportEntry(path=path, title=path.name, loaded=True)

    def briefing(self, path: Path, fresh: bool = False) -> Briefing:
        """A cache read when the file is unchanged; re-parsed (and re-cached) when it changed."""
        return self.lib.load_briefing(path, reference_date=self.reference_date)

    # -- indexing ----------------------------------------------------------------------------------

    def index(self, on_progress: Callable[[], None] | None = None,
              is_cancelled: Callable[[], bool] | None = None) -> RefreshStats | None:
        """Bring the index up to date (blocking: run in a thread). `on_progress()` is called on this
        thread at a bounded rate (the Library's) after `state` changed; `is_cancelled()` is polled."""
        st = self.state
        self._cancel.clear()
        st.running, st.phase, st.error, st.cancelled = True, "scan", None, False
        st.done = st.total = st.committed = 0
        st.skipped = []
        st.started = time.monotonic()

        def progress(p: Progress) -> None:
            if is_cancelled is not None and is_cancelled():
                self._cancel.set()
            st.phase, st.done, st.total, st.committed = p.phase, p.done, p.total, p.committed
            if on_progress is not None:
                on_progress()

        def warn(path: str, why: str) -> None:
            st.skipped.append((path, why))

        try:
            stats = self.lib.refresh(progress, warn=warn, cancel=self._cancel)
        except Exception as exc:  # the index must never take the reader down: say so, keep what we have
            st.phase, st.error = "failed", f"{type(exc).__name__}: {exc}"
            return None
        finally:
            st.running = False
            st.seconds = time.monotonic() - st.started
            st.runs += 1
        st.phase = "done"
        st.parsed, st.removed, st.cancelled = stats.parsed, stats.removed, stats.cancelled
        st.committed = max(st.committed, stats.parsed + stats.same_content)
        return stats

    def cancel(self) -> None:
        """Ask a running `index()` to stop soon (quitting the app must not wait for 10,000 parses)."""
        self._cancel.set()

    def close(self) -> None:
        self.cancel()
        self.lib.close()

    # -- reading -----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """`Library.search`. On a thread inside `first_page(size, show)`, `show(ranked, located)` is
        called first with every ranked report and the hits of the first `size` of them located, then the
        rest are located: what a reader needs to show a screenful before the whole search is done.
        The result is the same either way."""
        page: tuple[int, Callable[[Ranked, list[SearchHit | None]], None]] | None = getattr(self._local, "page", None)
        if page is None:
            return self.lib.search(query, limit)
        size, show = page
        # Ranking is one query; locating each report's hit and snippet is most of a search's time.
        ranked = self.rank(query, limit)
        located = self.hits(ranked, 0, size) if ranked.rows else []
        if len(ranked.rows) > size:
            show(ranked, located)
            located += self.hits(ranked, size)
        return [h for h in located if h is not None]

    @contextlib.contextmanager
    def first_page(self, size: int, show: Callable[[Ranked, list[SearchHit | None]], None]) -> Iterator[None]:
        """`search` on this thread shows its first `size` hits early (see `search`)."""
        self._local.page = (size, show)
        try:
            yield
        finally:
            del self._local.page

    # The two halves of `search(q, n)`, which is exactly the non-None `hits(rank(q, n))`.

    def rank(self, query: str, limit: int = 200) -> Ranked:
        from ..library import search as _search

        lib = self.lib
        return lib.store.guard(lambda c: _search.rank(c, lib.scope, query, limit),
                               lambda: _search.Ranked((), ()))

    def hits(self, ranked: Ranked, start: int = 0, stop: int | None = None) -> list[SearchHit | None]:
        """The hits of `ranked.rows[start:stop]`, in order; None where a report left the index."""
        from ..library import search as _search

        expected = len(ranked.rows[start:stop])
        found = self.lib.store.guard(lambda c: _search.hits(c, ranked, start, stop), list)
        return found if len(found) == expected else [None] * expected  # the store was reset meanwhile

    def dossier(self, name: str, limit: int | None = None) -> Dossier | None:
        return self.lib.dossier(name, limit=limit)

    def dossier_quotes(self, d: Dossier, offset: int, limit: int) -> list[DossierQuote]:
        return self.lib.dossier_quotes(d, offset, limit)

    def dossier_events(self, d: Dossier, offset: int, limit: int) -> list[StoryEvent]:
        return self.lib.dossier_events(d, offset, limit)

    def story_count(self, paths: Sequence[str] | None = None) -> int:
        return self.lib.story_count(paths)

    def story_timeline(self, paths: Sequence[str] | None = None, offset: int = 0,
                       limit: int | None = None) -> list[StoryEvent]:
        return self.lib.story_timeline(paths, limit=limit, offset=offset)


def live_query(text: str) -> str:
    """The query as typed, with the word being typed matched as a prefix (`netan` finds Netanyahu).

    A trailing space, a closing quote or an explicit `*` means the user finished the word.
    """
    stripped = text.rstrip()
    if not stripped or stripped != text or stripped.endswith(('"', "*")):
        return stripped
    if stripped.count('"') % 2:  # inside an open phrase
        return stripped
    return stripped + "*" if stripped[-1].isalnum() else stripped  # mid-word only after a letter or digit


def is_indexed(source: object) -> bool:
    return bool(getattr(source, "indexed", False))


def open_for_reader(args: object, inputs: object) -> IndexedLibrary | None:
    """The index behind `briefing DIR` / `briefing A B ...`; None when one report is opened directly.

    `args`: the reader's parsed command line (`--no-cache`, `--workers`, `--max-bytes`, `--date`);
    `inputs`: `sources.resolve_inputs(...)`.
    """
    if not getattr(inputs, "library", False):
        return None
    roots = list(getattr(inputs, "roots", None) or getattr(inputs, "paths", []))
    return IndexedLibrary.open(roots, use_cache=not getattr(args, "no_cache", False),
                               workers=getattr(args, "workers", None), max_bytes=getattr(args, "max_bytes", None),
                               reference_date=getattr(args, "date", None))
