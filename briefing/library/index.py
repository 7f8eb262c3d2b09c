"""The SQLite index: one file holding every indexed report's stat, content hash, metadata, parsed
Briefing (compressed JSON), actors, quotes, events and an FTS5 full-text index.

Safety: all writes are SQLite transactions (WAL journal), so a crash leaves the last committed state.
A file that is not a database, is corrupt, or was written by another layout or parser version is
thrown away and rebuilt on open; corruption found later resets the store (see `Store.guard`).
If the cache folder cannot be written, the store falls back to memory: slower, never fatal.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import cachedir
from .version import parser_version

if TYPE_CHECKING:
    from .worker import Outcome

T = TypeVar("T")

# Bump when the tables below change shape; an older file is rebuilt.
LAYOUT_VERSION = 2

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reports(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT,
    error TEXT,                      -- set when the file was skipped, so the warning repeats without a re-read
    title TEXT, published TEXT, outlet TEXT, byline TEXT, format TEXT,
    chars INTEGER NOT NULL DEFAULT 0,
    n_actors INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE blobs(report_id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE actors(
    aid INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    surname_key TEXT,
    kind TEXT NOT NULL,
    titles TEXT NOT NULL,
    affiliation TEXT,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first_start INTEGER,
    first_end INTEGER,
    salience REAL NOT NULL
);
CREATE INDEX actors_report ON actors(report_id);
-- Covering indexes: the dossier's name graph reads distinct names without touching actor rows.
CREATE INDEX actors_name ON actors(name_key, surname_key, name);
CREATE INDEX actors_surname ON actors(surname_key, name_key) WHERE surname_key IS NOT NULL;
CREATE TABLE aliases(
    key TEXT NOT NULL,               -- the alias, folded
    name_key TEXT NOT NULL,          -- the name it is an alias of, folded
    surname INTEGER NOT NULL,        -- 1 when the alias is that person's surname (it does not link names)
    aid INTEGER NOT NULL,
    report_id INTEGER NOT NULL
);
CREATE INDEX aliases_key ON aliases(key, surname, name_key);
CREATE INDEX aliases_name ON aliases(name_key, surname, key);
CREATE INDEX aliases_report ON aliases(report_id);
CREATE TABLE quotes(
    qid INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    quote_id TEXT NOT NULL,
    aid INTEGER,
    speaker TEXT,
    anonymous INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX quotes_report ON quotes(report_id);
-- Covering the dossier's sort keys, so a page of an actor's quotes is chosen without reading them all.
CREATE INDEX quotes_aid ON quotes(aid, report_id, span_start) WHERE aid IS NOT NULL;
CREATE TABLE events(
    eid INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    description TEXT NOT NULL,
    when_text TEXT NOT NULL,
    value TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    granularity TEXT,
    relative INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    when_start INTEGER,
    when_end INTEGER
);
CREATE INDEX events_report ON events(report_id);
CREATE INDEX events_order ON events(eid, report_id, date_start, date_end, pos);  -- story order, covered
CREATE TABLE event_actors(eid INTEGER NOT NULL, aid INTEGER NOT NULL, report_id INTEGER NOT NULL);
CREATE INDEX event_actors_aid ON event_actors(aid, eid);
CREATE INDEX event_actors_eid ON event_actors(eid);
CREATE INDEX event_actors_report ON event_actors(report_id);
CREATE VIRTUAL TABLE fts USING fts5(title, body, actors, quotes, tokenize="unicode61 remove_diacritics 2");
"""

_CHILD_TABLES = ("blobs", "actors", "aliases", "quotes", "events", "event_actors")


def is_corruption(exc: BaseException) -> bool:
    """A DatabaseError that means 'this file is damaged or not ours' (not: busy, locked, disk full)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if isinstance(exc, sqlite3.OperationalError):
        msg = str(exc).lower()
        # A foreign SQLite file or a half-built one shows up as missing tables or columns.
        return "no such table" in msg or "no such column" in msg or "malformed" in msg
    return True  # "file is not a database", "database disk image is malformed", ...


class Store:
    """One SQLite connection shared by the threads of one process, serialised by a lock.

    The indexer writes in batches, so a reader (the UI searching while indexing runs) waits at most one
    batch. Other processes using the same file are handled by SQLite's WAL locking.
    """

    def __init__(self, db: Path | None) -> None:
        self.db = db  # None: in memory (--no-cache, or the cache folder is unusable)
        self.lock = threading.RLock()
        self.parser = parser_version()
        self.warning: str | None = None  # why the cache is not on disk, or was rebuilt
        self.rebuilt = False
        self.conn = self._open()

    # -- opening, checking, rebuilding -------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.db is None:
            return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self.db.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.db, timeout=30, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for the indexer's writes
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA cache_size=-16000")  # 16 MB page cache
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> sqlite3.Connection:
        if self.db is not None:
            try:
                return self._open_file()
            except (sqlite3.DatabaseError, OSError) as exc:
                problem: BaseException = exc
                if is_corruption(exc):
                    cachedir.remove_db(self.db)  # not a database we can repair in place: start empty
                    self.rebuilt = True
                    try:
                        return self._open_file()
                    except (sqlite3.DatabaseError, OSError) as again:
                        problem = again
                why = problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)
                self.warning = f"cache unavailable ({why}); working in memory"
                self.db = None
        conn = self._connect()
        self._create(conn)
        return conn

    def _open_file(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            layout = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if layout == LAYOUT_VERSION and "meta" in tables:
                row = conn.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
                if row and row[0] == self.parser:
                    return conn
            if tables:
                self._drop_all(conn)
                self.rebuilt = True
            self._create(conn)
            return conn
        except BaseException:
            conn.close()
            raise

    def _create(self, conn: sqlite3.Connection) -> None:
        with _transaction(conn):
            # Another process may have built it between our check and our write lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] == LAYOUT_VERSION:
                row = conn.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
                if row and row[0] == self.parser:
                    return
                self._drop_all(conn)
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.execute("INSERT INTO meta(key, value) VALUES ('parser', ?)", (self.parser,))
            conn.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")

    @staticmethod
    def _drop_all(conn: sqlite3.Connection) -> None:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        # Virtual tables first: dropping one also drops its shadow tables.
        virtual = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
        for name in [*virtual, *names]:
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
        conn.execute("PRAGMA user_version = 0")

    def reset(self) -> None:
        """Throw the cache away and start empty (called when corruption shows up after opening)."""
        with self.lock:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
            if self.db is not None:
                cachedir.remove_db(self.db)
            self.rebuilt = True
            self.conn = self._open()

    def guard(self, fn: Callable[[sqlite3.Connection], T], default: Callable[[], T]) -> T:
        """Run `fn` under the lock; on corruption, rebuild the store and return `default()`."""
        with self.lock:
            try:
                return fn(self.conn)
            except sqlite3.DatabaseError as exc:
                if not is_corruption(exc):
                    raise
        self.reset()
        return default()

    def close(self) -> None:
        with self.lock, contextlib.suppress(sqlite3.Error):
            self.conn.close()

    # -- writing -----------------------------------------------------------------------------------

    def known(self, scope: Scope) -> dict[str, tuple[int, int, int, str | None, str | None]]:
        """path -> (id, size, mtime_ns, sha256, error) for every indexed file in scope."""
        sql = f"SELECT path, id, size, mtime_ns, sha256, error FROM reports WHERE {scope.sql}"
        return {r[0]: r[1:] for r in self.conn.execute(sql, scope.params)}

    def delete(self, conn: sqlite3.Connection, ids: Sequence[int]) -> None:
        for table in _CHILD_TABLES:
            conn.executemany(f"DELETE FROM {table} WHERE report_id = ?", ((i,) for i in ids))
        conn.executemany("DELETE FROM fts WHERE rowid = ?", ((i,) for i in ids))
        conn.executemany("DELETE FROM reports WHERE id = ?", ((i,) for i in ids))

    def write(self, outcomes: Sequence[Outcome], known_ids: dict[str, int]) -> None:
        """Store a batch of worker outcomes in one transaction.

        Row ids are handed out here (the transaction holds SQLite's write lock, so nobody else can take
        them), which lets every table be filled with one `executemany` per batch instead of a statement
        per row: the write process is the one part of indexing that does not scale with workers.
        """
        with self.lock, _transaction(self.conn) as conn:
            _Batch(conn, known_ids).add_all(outcomes)

    def remove(self, ids: Sequence[int]) -> None:
        if ids:
            with self.lock, _transaction(self.conn) as conn:
                self.delete(conn, ids)


class _Batch:
    """Rows for one write transaction, inserted table by table."""

    def __init__(self, conn: sqlite3.Connection, known_ids: dict[str, int]) -> None:
        self.conn, self.known_ids = conn, known_ids
        self.next_rid, self.next_aid, self.next_eid = (
            (conn.execute(f"SELECT COALESCE(MAX({col}), 0) + 1 FROM {table}").fetchone()[0])
            for col, table in (("id", "reports"), ("aid", "actors"), ("eid", "events")))
        self.stale: list[int] = []
        self.added: set[str] = set()
        self.rows: dict[str, list[tuple]] = {k: [] for k in _INSERT}

    def add_all(self, outcomes: Sequence[Outcome]) -> None:
        for o in outcomes:
            self.add(o)
        if self.stale:
            for table in _CHILD_TABLES:
                self.conn.executemany(f"DELETE FROM {table} WHERE report_id = ?", ((i,) for i in self.stale))
            self.conn.executemany("DELETE FROM fts WHERE rowid = ?", ((i,) for i in self.stale))
            self.conn.executemany("DELETE FROM reports WHERE id = ?", ((i,) for i in self.stale))
        for table, sql in _INSERT.items():
            if self.rows[table]:
                self.conn.executemany(sql, self.rows[table])

    def _id_for(self, path: str) -> int | None:
        rid = self.known_ids.get(path)
        if rid is None:
            row = self.conn.execute("SELECT id FROM reports WHERE path = ?", (path,)).fetchone()
            rid = row[0] if row else None
        return rid

    def add(self, o: Outcome) -> None:
        if o.path in self.added:  # a path twice in one batch: the first outcome stands
            return
        self.added.add(o.path)
        rid = self._id_for(o.path)
        if o.kind == "same":  # content as indexed: only the stat moved (a touch, a copy back)
            if rid is not None:
                self.conn.execute("UPDATE reports SET size=?, mtime_ns=? WHERE id=?", (o.size, o.mtime_ns, rid))
            return
        if rid is None:
            rid = self.next_rid
            self.next_rid += 1
        else:
            self.stale.append(rid)  # its old rows go; the id stays with the path
        self.known_ids[o.path] = rid
        rec = o.record
        if o.kind != "parsed" or rec is None:
            self.rows["reports"].append((rid, o.path, o.size, o.mtime_ns, o.sha256, o.reason or "unreadable",
                                         None, None, None, None, None, 0, 0, 0, 0))
            return
        self.rows["reports"].append((rid, o.path, o.size, o.mtime_ns, o.sha256, None, rec.title, rec.published,
                                     rec.outlet, rec.byline, rec.format, len(rec.text), len(rec.actors),
                                     len(rec.quotes), len(rec.events)))
        self.rows["blobs"].append((rid, rec.blob))
        self.rows["fts"].append((rid, rec.title or "", rec.text, rec.actors_text, rec.quotes_text))
        aids: dict[str, int] = {}
        for a in rec.actors:
            aid = self.next_aid
            self.next_aid += 1
            aids.setdefault(a.actor_id, aid)
            self.rows["actors"].append((aid, rid, a.actor_id, a.name, a.name_key, a.surname_key, a.kind, a.titles,
                                        a.affiliation, a.aliases, a.mentions, a.first_start, a.first_end,
                                        a.salience))
            self.rows["aliases"] += [(k, a.name_key, int(surname), aid, rid) for k, surname in a.alias_keys]
        self.rows["quotes"] += [
            (rid, q.pos, q.quote_id, aids.get(q.speaker_actor_id) if q.speaker_actor_id else None, q.speaker,
             int(q.anonymous), q.text, q.kind, q.cue, q.start, q.end) for q in rec.quotes]
        for e in rec.events:
            eid = self.next_eid
            self.next_eid += 1
            self.rows["events"].append((eid, rid, e.pos, e.event_id, e.description, e.when_text, e.value,
                                        e.date_start, e.date_end, e.granularity, int(e.relative), e.start, e.end,
                                        e.when_start, e.when_end))
            self.rows["event_actors"] += [(eid, aid, rid) for aid in sorted({aids[x] for x in e.actor_ids
                                                                              if x in aids})]


_INSERT = {
    "reports": "INSERT INTO reports(id, path, size, mtime_ns, sha256, error, title, published, outlet, byline,"
               " format, chars, n_actors, n_quotes, n_events) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "blobs": "INSERT INTO blobs(report_id, data) VALUES (?,?)",
    "fts": "INSERT INTO fts(rowid, title, body, actors, quotes) VALUES (?,?,?,?,?)",
    "actors": "INSERT INTO actors(aid, report_id, actor_id, name, name_key, surname_key, kind, titles, affiliation,"
              " aliases, mentions, first_start, first_end, salience) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "aliases": "INSERT INTO aliases(key, name_key, surname, aid, report_id) VALUES (?,?,?,?,?)",
    "quotes": "INSERT INTO quotes(report_id, pos, quote_id, aid, speaker, anonymous, text, kind, cue, span_start,"
              " span_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events(eid, report_id, pos, event_id, description, when_text, value, date_start, date_end,"
              " granularity, relative, span_start, span_end, when_start, when_end)"
              " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "event_actors": "INSERT INTO event_actors(eid, aid, report_id) VALUES (?,?,?)",
}


class Scope:
    """Which indexed reports a Library sees: files and folders (recursively) given as roots.

    A root matches its own path and every path below it, via a range on the unique path index.
    No roots means the whole index.
    """

    def __init__(self, roots: Sequence[str], column: str = "path") -> None:
        self.roots = tuple(roots)
        if not roots:
            self.sql, self.params = "1", ()
            return
        parts: list[str] = []
        params: list[Any] = []
        for root in roots:
            prefix = root.rstrip(os.sep) + os.sep
            # The path itself, or anything in [prefix, prefix with its last separator bumped by one).
            parts.append(f"({column} = ? OR ({column} >= ? AND {column} < ?))")
            params += [root, prefix, prefix[:-1] + chr(ord(os.sep) + 1)]
        self.sql = "(" + " OR ".join(parts) + ")"
        self.params = tuple(params)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
