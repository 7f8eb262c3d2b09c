"""An actor across reports: one dossier per person (or organisation), merged by name and aliases.

Who counts as the same actor:
- the same name (`name_key`: case, diacritics and punctuation folded) in any report;
- a name another report lists as an alias of it (`IDF` ↔ `Israel Defense Forces`), transitively;
- a surname-only person (`Netanyahu`) joins the full name (`Benjamin Netanyahu`) only when exactly one
  person in the library has that surname. Surname aliases never link two full names (`Joe Biden` and
  `Hunter Biden` both say `Biden`). Asking for a shared surname lists the candidates instead of merging.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from . import story as _story
from .index import Scope
from .names import name_key, surname_key
from .results import Candidate, Dossier, DossierQuote, DossierReport, StoryEvent, TitleSpan, _date


class _Graph:
    """Name keys linked by names and non-surname aliases.

    Links (an alias, a surname) are facts about names, learnt from any indexed report; which reports a
    dossier lists is limited to the library's scope. Every lookup here reads a covering index, so it
    costs the number of distinct names involved, not the number of reports that mention them.
    """

    def __init__(self, conn: sqlite3.Connection, scope: Scope) -> None:
        self.conn = conn
        self.scope = Scope(scope.roots, column="r.path")

    def closure(self, start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        frontier = list(start)
        while frontier:
            key = frontier.pop()
            if key not in seen:
                seen.add(key)
                frontier += [k for (k,) in self._linked(key) if k not in seen]
        return seen

    def _linked(self, key: str) -> list[tuple]:
        sql = ("SELECT key FROM aliases WHERE name_key = ? AND surname = 0"
               " UNION SELECT name_key FROM aliases WHERE key = ? AND surname = 0")
        return self.conn.execute(sql, (key, key)).fetchall()

    def in_scope(self, key: str) -> bool:
        sql = ("SELECT 1 FROM actors a JOIN reports r ON r.id = a.report_id"
               f" WHERE a.name_key = ? AND {self.scope.sql} LIMIT 1")
        return self.conn.execute(sql, (key, *self.scope.params)).fetchone() is not None

    def full_names_with_surname(self, surname: str) -> set[str]:
        """Full person names with this surname that reports in scope mention."""
        names = {k for (k,) in self.conn.execute(
            "SELECT DISTINCT name_key FROM actors WHERE surname_key = ?", (surname,))}
        return {k for k in names if self.in_scope(k)}

    def surnames(self, keys: Iterable[str]) -> set[str]:
        sql = ("SELECT DISTINCT surname_key FROM actors WHERE name_key IN (SELECT value FROM json_each(?))"
               " AND surname_key IS NOT NULL")
        return {k for (k,) in self.conn.execute(sql, (json.dumps(sorted(keys)),))}

    def report_count(self, keys: Iterable[str]) -> int:
        sql = ("SELECT COUNT(DISTINCT a.report_id) FROM actors a JOIN reports r ON r.id = a.report_id"
               f" WHERE a.name_key IN (SELECT value FROM json_each(?)) AND {self.scope.sql}")
        return self.conn.execute(sql, (json.dumps(sorted(keys)), *self.scope.params)).fetchone()[0]

    def display_name(self, keys: Iterable[str]) -> str:
        sql = ("SELECT name, COUNT(*) FROM actors WHERE name_key IN (SELECT value FROM json_each(?))"
               " GROUP BY name")
        rows = self.conn.execute(sql, (json.dumps(sorted(keys)),)).fetchall()
        if not rows:
            return next(iter(keys))
        return max(rows, key=lambda r: (len(r[0].split()), r[1], r[0]))[0]


def _groups(graph: _Graph, keys: set[str]) -> list[set[str]]:
    """Split full names into the actors they belong to (names linked by aliases are one actor)."""
    groups: list[set[str]] = []
    for k in sorted(keys):
        if any(k in g for g in groups):
            continue
        groups.append(graph.closure([k]))
    return groups


def dossier(conn: sqlite3.Connection, scope: Scope, query: str, limit: int | None = None) -> Dossier | None:
    q = name_key(query)
    if not q:
        return None
    graph = _Graph(conn, scope)
    names = graph.closure([q])
    candidates: list[Candidate] = []
    if " " not in q:
        # A single word may be the surname of one person (merge) or of several (list them).
        groups = [g for g in _groups(graph, graph.full_names_with_surname(q)) if not g & names]
        if len(groups) == 1:
            names |= groups[0]
        elif len(groups) > 1:
            candidates = sorted(
                (Candidate(graph.display_name(g), graph.report_count(g)) for g in groups),
                key=lambda c: (-c.reports, c.name),
            )
    # Surname-only mentions of a full name in `names` join when nobody else has that surname.
    surname_only: set[str] = set()
    if not candidates:
        own = surname_key(q)  # asked for a full name only surname-only mentions may carry
        for s in graph.surnames(names) | ({own} if own else set()):
            if graph.full_names_with_surname(s) <= names:
                surname_only.add(s)
    return _assemble(conn, graph, query, names, surname_only, candidates, limit)


def _assemble(conn: sqlite3.Connection, graph: _Graph, query: str, names: set[str], surname_only: set[str],
              candidates: list[Candidate], limit: int | None) -> Dossier | None:
    scope = graph.scope
    sql = (
        "SELECT a.aid, r.path, r.title, r.published, a.name, a.kind, a.titles, a.affiliation, a.mentions,"
        " a.first_start, a.first_end, a.aliases FROM actors a JOIN reports r ON r.id = a.report_id"
        f" WHERE (a.name_key IN (SELECT value FROM json_each(?))"
        f" OR (a.name_key IN (SELECT value FROM json_each(?)) AND a.kind = 'person')) AND {scope.sql}"
    )
    rows = conn.execute(sql, (json.dumps(sorted(names)), json.dumps(sorted(surname_only)), *scope.params)).fetchall()
    if not rows:
        if candidates:
            return Dossier(query=query, name=query.strip(), kind=None, aliases=[], reports=[], titles=[],
                           quotes=[], events=[], candidates=candidates)
        return None
    aids = [r[0] for r in rows]
    display = max(Counter(r[4] for r in rows).items(), key=lambda kv: (len(kv[0].split()), kv[1], kv[0]))[0]
    kind = Counter(r[5] for r in rows).most_common(1)[0][0]

    # The same alias lists, titles and dates repeat across hundreds of reports: decode each once.
    decoded: dict[str, tuple[str, ...]] = {}
    keys: dict[str, str] = {}
    dates: dict[str | None, dt.date | None] = {}

    def as_tuple(raw: str) -> tuple[str, ...]:
        if raw not in decoded:
            decoded[raw] = tuple(json.loads(raw))
        return decoded[raw]

    def key_of(name: str) -> str:
        if name not in keys:
            keys[name] = name_key(name)
        return keys[name]

    by_report: dict[str, DossierReport] = {}
    alias_seen = {key_of(display)}
    aliases: list[str] = []
    for (_aid, path, title, published, name, akind, titles, affiliation, mentions, fs, fe, alias_json) in sorted(
            rows, key=lambda r: -r[8]):
        for alias in (name, *as_tuple(alias_json)):
            k = key_of(alias)
            if k and k not in alias_seen:
                alias_seen.add(k)
                aliases.append(alias)
        if published not in dates:
            dates[published] = _date(published)
        prev = by_report.get(path)
        tl = as_tuple(titles)
        if prev is None:
            by_report[path] = DossierReport(path, title, dates[published], name, akind, tl, affiliation, mentions,
                                            fs, fe)
        else:  # two entries for the same actor in one report: merge them
            first = min((x for x in [(prev.first_start, prev.first_end), (fs, fe)] if x[0] is not None),
                        default=(None, None))
            by_report[path] = DossierReport(
                path, title, prev.published, prev.name, prev.kind, tuple(dict.fromkeys(prev.titles + tl)),
                prev.affiliation or affiliation, prev.mentions + mentions, first[0], first[1])
    reports = sorted(by_report.values(), key=lambda d: (d.published is None, d.published or dt.date.min, d.path))

    spans: dict[str, TitleSpan] = {}
    for rep in reports:
        for t in rep.titles:
            key = " ".join(t.casefold().split())
            ts = spans.get(key)
            if ts is None:
                spans[key] = TitleSpan(t, rep.published, rep.published, 1)
            else:
                spans[key] = TitleSpan(ts.title, ts.first or rep.published, rep.published or ts.last, ts.reports + 1)
    aid_json = json.dumps(aids)
    quotes = quote_page(conn, aids, 0, limit)
    events = event_page(conn, aids, 0, limit)
    n_quotes = len(quotes) if limit is None else conn.execute(
        "SELECT count(*) FROM quotes WHERE aid IN (SELECT value FROM json_each(?))", (aid_json,)).fetchone()[0]
    n_events = len(events) if limit is None else conn.execute(
        "SELECT count(DISTINCT eid) FROM event_actors WHERE aid IN (SELECT value FROM json_each(?))",
        (aid_json,)).fetchone()[0]
    return Dossier(query=query, name=display, kind=kind, aliases=aliases, reports=reports,
                   titles=sorted(spans.values(), key=lambda t: (t.first is None, t.first or dt.date.min)),
                   quotes=quotes, events=events, candidates=candidates, quote_count=n_quotes,
                   event_count=n_events, actor_rows=aids)


_QUOTE_ORDER = "r.published IS NULL, r.published, r.path, q.span_start"


def quote_page(conn: sqlite3.Connection, aids: list[int], offset: int, limit: int | None) -> list[DossierQuote]:
    """The actor's quotes by date, one page (chosen on the covering index, then read in full)."""
    sql = (f"WITH page AS (SELECT q.qid AS qid FROM quotes q JOIN reports r ON r.id = q.report_id"
           f" WHERE q.aid IN (SELECT value FROM json_each(?)) ORDER BY {_QUOTE_ORDER} {_story._page(limit, offset)})"
           " SELECT r.path, r.title, r.published, q.text, q.kind, q.cue, q.speaker, q.span_start, q.span_end"
           f" FROM page JOIN quotes q ON q.qid = page.qid JOIN reports r ON r.id = q.report_id ORDER BY {_QUOTE_ORDER}")
    dates: dict[str | None, dt.date | None] = {None: None}
    out = []
    for path, title, published, text, kind, cue, speaker, start, end in conn.execute(sql, (json.dumps(aids),)):
        if published not in dates:
            dates[published] = _date(published)
        out.append(DossierQuote(path, title, dates[published], text, kind, cue, speaker, start, end))
    return out


def event_page(conn: sqlite3.Connection, aids: list[int], offset: int, limit: int | None) -> list[StoryEvent]:
    return _story.events(
        conn, "e.eid IN (SELECT eid FROM event_actors WHERE aid IN (SELECT value FROM json_each(?)))",
        (json.dumps(aids),), limit, offset, by_event_id=True)
