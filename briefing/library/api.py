"""`Library`: many reports behind one index — list, refresh, search, follow an actor, merge timelines.

    lib = Library(["~/reports"])             # opens (or rebuilds) the cache; cheap
    lib.entries()                            # what the index already knows: instant, before any refresh
    stats = lib.refresh(progress=callback)   # incremental: only new or changed files are parsed
    lib.search("gallant*")                   # ranked hits with snippet and offset into the report
    lib.dossier("Netanyahu")                 # one actor across reports
    lib.story_timeline()                     # every event, one chronology
    lib.load_briefing(path)                  # the parsed Briefing: a cache read when unchanged

Threads: every method may be called from any thread (one lock serialises SQLite use); `refresh` is meant
for a worker thread and commits in batches, so `entries()`/`search()` from the UI thread see reports
appear while it runs. `progress` and `warn` are called on the refresh thread.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import cachedir
from . import dossier as _dossier
from . import search as _search
from . import story as _story
from .index import Scope, Store
from .results import Dossier, DossierQuote, LibraryEntry, Progress, RefreshStats, SearchHit, StoryEvent, _date
from .scan import ScanResult, discover, normalise

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ..model import Briefing
    from .worker import Outcome, ParseFn, Task

# The parser, the process pool and pydantic's validators are imported when first needed, so listing
# the library (the UI's first paint) does not wait for them.

ProgressFn = Callable[[Progress], None]
WarnFn = Callable[[str, str], None]

# Below this many files to parse, a process pool costs more to start than it saves.
INLINE_MAX = 24
CHUNK = 8  # files per pool task: amortises the inter-process round trip
BATCH = 250  # results per write transaction
BATCH_SECONDS = 1.0  # ...or this long, so entries() sees progress on slow parses
PROGRESS_SECONDS = 0.1


def default_workers() -> int:
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(n, 4))  # each worker costs ~50 MB, and one process writes SQLite for all of them


class Library:
    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]] = (),
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
        workers: int | None = None,
        parse: ParseFn | None = None,
        max_bytes: int | None = None,
    ) -> None:
        """`paths`: report files and folders (recursively); none means everything in the index.

        `cache_dir` overrides `$BRIEFING_CACHE_DIR` and the platform cache folder; `use_cache=False`
        keeps the index in memory only. `parse(data, path) -> Briefing` replaces the parser (it must be
        a module-level function to run in the pool; tests use `workers=0`, which parses inline).
        `workers`: parser processes (default: CPUs, at most 4); the pool starts with `forkserver`, which
        re-imports the main module, so a script using it needs an `if __name__ == "__main__":` guard.
        """
        self.roots: tuple[str, ...] = tuple(dict.fromkeys(normalise(os.path.expanduser(p)) for p in paths))
        self.scope = Scope(self.roots)
        self.use_cache = use_cache
        self.db_path: Path | None = cachedir.db_path(cache_dir) if use_cache else None
        self.workers = default_workers() if workers is None else max(0, workers)
        self.parse = parse
        self.max_bytes = max_bytes or 20 * 1024 * 1024  # briefing.load.DEFAULT_MAX_BYTES, without importing it
        self.store = Store(self.db_path)
        self._refresh_lock = threading.Lock()

    # -- status ------------------------------------------------------------------------------------

    @property
    def cache_warning(self) -> str | None:
        """Why the cache is in memory although one was asked for (unwritable folder, ...)."""
        return self.store.warning

    @property
    def cache_rebuilt(self) -> bool:
        """True when a corrupt or old-version cache was thrown away."""
        return self.store.rebuilt

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listing -----------------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        """Indexed reports in scope, newest first (undated last, then by path). Reads the index only."""
        sql = ("SELECT path, title, published, outlet, byline, chars, n_actors, n_quotes, n_events FROM reports"
               f" WHERE error IS NULL AND {self.scope.sql}"
               " ORDER BY published IS NULL, published DESC, path")

        def run(conn: sqlite3.Connection) -> list[LibraryEntry]:
            return [LibraryEntry(p, t, _date(d), o, b, c, a, q, e)
                    for p, t, d, o, b, c, a, q, e in conn.execute(sql, self.scope.params)]

        return self.store.guard(run, list)

    def count(self) -> int:
        sql = f"SELECT COUNT(*) FROM reports WHERE error IS NULL AND {self.scope.sql}"
        return self.store.guard(lambda c: c.execute(sql, self.scope.params).fetchone()[0], int)

    # -- indexing ----------------------------------------------------------------------------------

    def refresh(
        self,
        progress: ProgressFn | None = None,
        *,
        warn: WarnFn | None = None,
        cancel: threading.Event | None = None,
    ) -> RefreshStats:
        """Bring the index up to date with the files under the roots.

        Unchanged files (same size and mtime) are not read; files whose content hash is unchanged are
        not parsed; deleted files leave the index. Each skipped file is reported once per refresh via
        `warn(path, reason)` and in `RefreshStats.warnings`. Never raises for a bad file.
        """
        with self._refresh_lock:
            try:
                return self._refresh(progress, warn, cancel)
            except sqlite3.DatabaseError as exc:
                from .index import is_corruption

                if not is_corruption(exc):
                    raise
                self.store.reset()  # damaged while we worked: start over once, from an empty cache
                return self._refresh(progress, warn, cancel)

    def _refresh(self, progress: ProgressFn | None, warn: WarnFn | None,
                 cancel: threading.Event | None) -> RefreshStats:
        t0 = time.perf_counter()
        stats = RefreshStats(cache_rebuilt=self.store.rebuilt)
        say = _Reporter(stats, warn)
        if progress:
            progress(Progress("scan", 0, 0, 0, 0))
        with self.store.lock:
            known = self.store.known(self.scope)
        # No roots: the whole index is the library, so re-check the files it knows (and drop the gone).
        found = discover(self.roots) if self.roots else _still_there(known)
        for path, why in found.warnings:
            say(path, why)
        stats.found = len(found.files)
        todo: list[tuple[str, str | None]] = []
        for path, (size, mtime) in found.files.items():
            row = known.get(path)
            if row is not None and row[1] == size and row[2] == mtime:
                if row[4] is not None:
                    say(path, row[4])
                else:
                    stats.unchanged += 1
                continue
            todo.append((path, row[3] if row is not None and row[4] is None else None))
        gone = [row[0] for path, row in known.items() if path not in found.files]
        self.store.remove(gone)
        stats.removed = len(gone)
        known_ids = {p: row[0] for p, row in known.items()}
        tasks: list[Task] = []
        if todo:  # only now the parser is needed (importing it costs more than a no-op refresh)
            from .worker import Task, process

            tasks = [Task(path, sha, self.max_bytes) for path, sha in todo]

        writer = _Writer(self.store, known_ids, stats, say, progress, len(tasks))
        if tasks and (self.workers <= 1 or len(tasks) <= INLINE_MAX):
            for task in tasks:
                if cancel is not None and cancel.is_set():
                    stats.cancelled = True
                    break
                writer.add(process(task, self.parse))
        elif tasks:
            stats.workers = self.workers
            stats.cancelled = self._pool(tasks, writer, cancel)
        writer.flush()
        stats.seconds = time.perf_counter() - t0
        if progress:
            progress(Progress("done", writer.done, len(tasks), writer.committed, stats.skipped))
        return stats

    def _pool(self, tasks: Sequence[Task], writer: _Writer, cancel: threading.Event | None) -> bool:
        """Parse in worker processes, writing results from this one as they arrive. True if cancelled."""
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        from .worker import process, process_chunk, warm_up

        # forkserver: forking a process that runs threads (the UI) can deadlock a child; spawn elsewhere.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        _start_resource_tracker()
        chunks = iter([tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)])
        pending: dict[Future[list[Outcome]], Sequence[Task]] = {}
        broken = False
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=warm_up) as pool:
            try:
                while True:
                    # A few chunks per worker in flight: enough to stay busy, little held in memory.
                    while not broken and len(pending) < self.workers * 3:
                        chunk = next(chunks, None)
                        if chunk is None:
                            break
                        pending[pool.submit(process_chunk, chunk, self.parse)] = chunk
                    if not pending:
                        break
                    done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for fut in done:
                        chunk = pending.pop(fut)
                        try:
                            outcomes = fut.result()
                        except BrokenProcessPool:  # a worker died (killed, out of memory)
                            broken = True
                            outcomes = [_lost(t, "the parser process died on this file or a neighbour")
                                        for t in chunk]
                        except Exception as exc:
                            outcomes = [_lost(t, f"parser failed: {type(exc).__name__}") for t in chunk]
                        for outcome in outcomes:
                            writer.add(outcome)
                    if cancel is not None and cancel.is_set():
                        return True
            finally:
                for fut in pending:
                    fut.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
        if broken:  # finish what was never sent, here
            for chunk in chunks:
                for task in chunk:
                    if cancel is not None and cancel.is_set():
                        return True
                    writer.add(process(task, self.parse))
        return False

    # -- reading -----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Ranked hits (bm25) for `query`: words ANDed, `word*` prefixes, `"a phrase"`. Never raises on
        odd input: a query with no words gives no hits."""
        return self.store.guard(lambda c: _search.search(c, self.scope, query, limit), list)

    def dossier(self, name: str, *, limit: int | None = None) -> Dossier | None:
        """The actor called `name` across the reports in scope, or None if no report mentions it.

        Every report is listed; `limit` caps the quotes and events read now (the first ones by date;
        `quote_count`/`event_count` say how many there are, `dossier_quotes/_events` read further pages).
        An actor in thousands of reports can have tens of thousands of quotes: the UI should pass a limit.
        """
        return self.store.guard(lambda c: _dossier.dossier(c, self.scope, name, limit), lambda: None)

    def dossier_quotes(self, d: Dossier, offset: int, limit: int | None = None) -> list[DossierQuote]:
        """More of a dossier's quotes, by date, from `offset`."""
        return self.store.guard(lambda c: _dossier.quote_page(c, d.actor_rows, offset, limit), list)

    def dossier_events(self, d: Dossier, offset: int, limit: int | None = None) -> list[StoryEvent]:
        """More of a dossier's events, in story order, from `offset`."""
        return self.store.guard(lambda c: _dossier.event_page(c, d.actor_rows, offset, limit), list)

    def story_timeline(self, paths: Sequence[str | os.PathLike[str]] | None = None, *, limit: int | None = None,
                       offset: int = 0) -> list[StoryEvent]:
        """Every event of the reports in scope (or of `paths` only), as one chronology: dated events by
        date, then undated ones by report date. `limit`/`offset` page through it (10,000 reports can hold
        300,000 events: a page is much cheaper than the whole)."""
        chosen = None if paths is None else [normalise(p) for p in paths]
        return self.store.guard(lambda c: _story.timeline(c, self.scope, chosen, limit, offset), list)

    def story_count(self, paths: Sequence[str | os.PathLike[str]] | None = None) -> int:
        """How many events `story_timeline` has in all (to size a virtual list before paging)."""
        chosen = None if paths is None else [normalise(p) for p in paths]
        return self.store.guard(lambda c: _story.count(c, self.scope, chosen), int)

    def load_briefing(self, path: str | os.PathLike[str], *,
                      reference_date: dt.date | None = None) -> Briefing:
        """The report's Briefing: from the cache when the file is unchanged, else parsed (and cached).

        Raises `briefing.LoadError` when the file cannot be read. A `reference_date` bypasses the cache
        (the cache holds the parse with the report's own date).
        """
        from ..load import LoadError
        from .records import decompress
        from .worker import Task, process

        p = normalise(path)
        if reference_date is not None:
            from ..load import read_bytes
            from ..pipeline import parse_bytes

            return parse_bytes(read_bytes(p, self.max_bytes), path=p, reference_date=reference_date)
        try:
            st = os.stat(p)
        except OSError as exc:
            from .scan import reason

            raise LoadError(reason(exc)) from None

        def cached(conn: sqlite3.Connection) -> tuple | None:
            return conn.execute(
                "SELECT r.id, r.size, r.mtime_ns, r.sha256, r.error, b.data FROM reports r"
                " LEFT JOIN blobs b ON b.report_id = r.id WHERE r.path = ?", (p,)).fetchone()

        row = self.store.guard(cached, lambda: None)
        if row is not None and row[1] == st.st_size and row[2] == st.st_mtime_ns and row[5] is not None:
            try:
                return decompress(row[5])
            except Exception:  # a damaged or foreign blob: parse again below
                pass
        outcome = process(Task(p, None, self.max_bytes), self.parse)
        if outcome.kind != "parsed" or outcome.record is None:
            raise LoadError(outcome.reason or "unreadable")
        self.store.guard(lambda c: self.store.write([outcome], {p: row[0]} if row else {}), lambda: None)
        return decompress(outcome.record.blob)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a usable stderr.

    It hands `sys.stderr.fileno()` to the process it starts; inside the reader `sys.stderr` is Textual's
    print capture, whose fileno is -1, and the pool then fails with "bad value(s) in fds_to_keep". The
    tracker gets /dev/null there: a warning of its own must not be drawn over the reader either.
    """
    import sys

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    from multiprocessing import resource_tracker

    saved = sys.stderr
    with open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _still_there(paths: Iterable[str]) -> ScanResult:
    import stat

    out = ScanResult()
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            out.files[path] = (st.st_size, st.st_mtime_ns)
    return out


def _lost(task: Task, why: str) -> Outcome:
    from .worker import Outcome

    try:
        st = os.stat(task.path)
        return Outcome("lost", task.path, st.st_size, st.st_mtime_ns, reason=why)
    except OSError:
        return Outcome("lost", task.path, 0, 0, reason=why)


class _Reporter:
    def __init__(self, stats: RefreshStats, warn: WarnFn | None) -> None:
        self.stats, self.warn = stats, warn

    def __call__(self, path: str, why: str) -> None:
        self.stats.skipped += 1
        self.stats.warnings.append((path, why))
        if self.warn:
            self.warn(path, why)


class _Writer:
    """Collects outcomes and writes them in batched transactions; reports progress at a bounded rate."""

    def __init__(self, store: Store, known_ids: dict[str, int], stats: RefreshStats, say: _Reporter,
                 progress: ProgressFn | None, total: int) -> None:
        self.store, self.known_ids, self.stats, self.say = store, known_ids, stats, say
        self.progress, self.total = progress, total
        self.batch: list[Outcome] = []
        self.done = self.committed = 0
        self.last_flush = self.last_progress = time.monotonic()

    def add(self, o: Outcome) -> None:
        self.done += 1
        if o.kind == "parsed":
            self.stats.parsed += 1
        elif o.kind == "same":
            self.stats.same_content += 1
        else:
            self.say(o.path, o.reason or "unreadable")
        if o.kind != "lost":  # not the file's fault: not remembered, tried again next time
            self.batch.append(o)
        now = time.monotonic()
        if len(self.batch) >= BATCH or now - self.last_flush >= BATCH_SECONDS:
            self.flush()
        if self.progress and (now - self.last_progress >= PROGRESS_SECONDS or self.done == self.total):
            self.last_progress = now
            self.progress(Progress("parse", self.done, self.total, self.committed, self.stats.skipped, o.path))

    def flush(self) -> None:
        if self.batch:
            self.store.write(self.batch, self.known_ids)
            self.committed += len(self.batch)
            self.batch = []
        self.last_flush = time.monotonic()
