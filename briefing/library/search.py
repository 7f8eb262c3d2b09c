"""Full-text search: the user's words become a safe FTS5 query; hits are located in the report text.

Query language (deliberately small, so no input can be an FTS5 syntax error): words are ANDed, `word*`
matches a prefix, `"two words"` is a phrase. Everything else (`NEAR`, `OR`, parentheses, `:`, `^`, stray
quotes) is ordinary text. Each term is sent to FTS5 as a double-quoted string, so its syntax never applies.

FTS5 cannot report match offsets to Python, so the best hit is found again in the text: the text is
folded the way FTS5's tokenizer folds it (case, Latin diacritics) one character for one character, so
offsets in the folded text are offsets in the report, and each term's first word is found with
`str.find` (a regular expression over the whole text is several times slower on long reports).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from .index import Scope
from .results import SearchHit, _date

# FTS5's unicode61 tokenizer: letters, digits and private-use characters make tokens; `_` does not.
_TOKEN = re.compile(r"[^\W_]+")
_TERM = re.compile(r'"([^"]*)"?(\*?)|(\S+)')
# Column weights for bm25: a hit in the title or an actor's name says more than one in the body.
_WEIGHTS = (10.0, 1.0, 5.0, 3.0)  # title, body, actors, quotes
SNIPPET_CHARS = 160
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)
_HEAD = 8192  # characters searched first
RANK_MAX = 2000  # above this many matching reports, results come newest first instead of by bm25
_MAX_MATCHES = 200  # per term and report: enough to choose a good window, bounded on huge reports


class _Fold(dict[int, str]):
    """str.translate table folding one character to one character (lower case, no diacritics)."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        out = base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
        self[cp] = out
        return out


_FOLD = _Fold()


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (for query words and short snippets)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def _accent_table() -> dict[str, str]:
    """Every Latin letter with a diacritic, lower-cased, mapped to its base letter: é → e."""
    table: dict[str, str] = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp).lower()
        if len(ch) == 1:
            base = fold(ch)
            if base != ch and base.isascii():
                table[ch] = base
    return table


_ACCENTS = _accent_table()
_ACCENTED = re.compile("[" + "".join(_ACCENTS) + "]")


def fold_text(text: str) -> str:
    """`fold` for whole reports, fast: C-level lower(), then only the accented letters are replaced."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter that lower-cases to two (İ): fold one by one
        return text.translate(_FOLD)
    return _ACCENTED.sub(lambda m: _ACCENTS[m.group()], low) if not low.isascii() else low


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded
    prefix: bool

    def fts(self) -> str:
        return '"' + " ".join(self.words).replace('"', '""') + '"' + ("*" if self.prefix else "")

    def matcher(self) -> Matcher:
        return Matcher(self)


class Matcher:
    """Finds one term in folded text, on token boundaries, like FTS5 matches it."""

    def __init__(self, term: Term) -> None:
        self.first = term.words[0]
        self.prefix = term.prefix
        end = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
        rest = term.words[1:]
        # A phrase: after the first word, the other words separated by anything that is not a token.
        self.rest = re.compile("".join(r"[\W_]+" + re.escape(w) for w in rest) + end) if rest else None

    def find(self, low: str, start: int = 0, stop: int | None = None, limit: int = 1) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        w, n, size = self.first, len(self.first), len(low)
        i = low.find(w, start, stop if stop is not None else size)
        while i >= 0 and len(out) < limit:
            if i == 0 or not low[i - 1].isalnum():
                end = i + n
                if self.rest is not None:
                    m = self.rest.match(low, end)
                    if m:
                        out.append((i, m.end()))
                elif self.prefix:
                    while end < size and low[end].isalnum():
                        end += 1
                    out.append((i, end))
                elif end >= size or not low[end].isalnum():
                    out.append((i, end))
            i = low.find(w, i + 1, stop if stop is not None else size)
        return out


def parse_query(query: str) -> list[Term]:
    terms: list[Term] = []
    for m in _TERM.finditer(query):
        if m.group(3) is not None:
            raw, prefix = m.group(3), m.group(3).endswith("*")
        else:
            raw, prefix = m.group(1), bool(m.group(2))
        words = tuple(fold(w) for w in _TOKEN.findall(raw))
        if words:
            term = Term(words, prefix)
            if term not in terms:
                terms.append(term)
    return terms


def fts_query(terms: list[Term]) -> str:
    return " AND ".join(t.fts() for t in terms)


def front_matter_end(text: str) -> int:
    m = _FRONT_MATTER.match(text[:65536])
    return m.end() if m else 0


def _matches(low: str, matchers: list[Matcher], body: int) -> list[tuple[int, int, int]]:
    """(start, end, term) of each term's matches; one per term when there is only one term."""
    if len(matchers) == 1:  # every match is as good as another: the first one (in the body if any)
        found = matchers[0].find(low, body) or matchers[0].find(low, 0, body)
        return [(a, b, 0) for a, b in found]
    matches: list[tuple[int, int, int]] = []
    for i, matcher in enumerate(matchers):
        matches += [(a, b, i) for a, b in (matcher.find(low, body, limit=_MAX_MATCHES)
                                           or matcher.find(low, 0, body, limit=_MAX_MATCHES))]
    return matches


def locate(text: str, matchers: list[Matcher], window: int = SNIPPET_CHARS // 2) -> tuple[int, int] | None:
    """The best hit: the match with the most distinct terms within `window` characters after it,
    spanning from its start to the end of the last of those terms.

    Hits in the body win over hits in the front matter (whose title the body usually repeats).
    """
    body = front_matter_end(text)
    # Most hits are near the top: look in the opening first, and in the whole text only if a term is
    # missing there. Lower-casing is cheap; folding diacritics costs a scan, so it comes last.
    matches: list[tuple[int, int, int]] = []
    for part in (text[:body + _HEAD], text) if len(text) > body + _HEAD else (text,):
        low = part.lower()
        if len(low) != len(part):
            low = fold_text(part)
        matches = _matches(low, matchers, body)
        if len({i for _, _, i in matches}) < len(matchers) and not low.isascii():
            matches = _matches(fold_text(part), matchers, body)
        if len({i for _, _, i in matches}) == len(matchers):
            break
    if not matches:
        return None
    matches.sort()
    best: tuple[int, int] = (matches[0][0], matches[0][1])
    best_score = 0
    for j, (start, end, _i) in enumerate(matches):
        seen: set[int] = set()
        stop = end
        for s2, e2, i2 in matches[j:]:
            if s2 > start + window:
                break
            if i2 not in seen:
                seen.add(i2)
                stop = max(stop, e2)
        if len(seen) > best_score:
            best, best_score = (start, stop), len(seen)
            if best_score == len(matchers):
                break
    return best


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def plain(text: str) -> str:
    """One line of plain, printable text: controls and bidi overrides become spaces, runs collapse."""
    return " ".join(_CONTROL.sub(" ", text).split())




def snippet(text: str, hit: tuple[int, int] | None, matchers: list[Matcher],
            width: int = SNIPPET_CHARS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line around the hit (or the opening of the text), and where the terms are in it."""
    body = front_matter_end(text)
    # Front matter is shown only when the only hit is in it.
    floor = body if hit is None or hit[0] >= body else 0
    lo = floor if hit is None else max(floor, hit[0] - width // 3)
    hi = min(len(text), lo + width)
    lo = max(floor, min(lo, hi - width))
    for _ in range(20):  # widen to whole words
        if lo <= floor or text[lo - 1].isspace():
            break
        lo -= 1
    for _ in range(20):
        if hi >= len(text) or text[hi].isspace():
            break
        hi += 1
    out = ("…" if lo > floor else "") + plain(text[lo:hi]) + ("…" if hi < len(text) else "")
    low = fold_text(out)
    spans: list[tuple[int, int]] = []
    for matcher in matchers:
        spans += matcher.find(low, limit=len(out))
    return out, tuple(sorted(spans))


@dataclass(frozen=True)
class Ranked:
    """The reports matching a query, best first, before their hits are located: the cheap half of a
    search (one query), so a reader can show the first screenful while `hits` locates the rest."""

    terms: tuple[Term, ...]
    rows: tuple[tuple[int, float, str, str | None, str | None], ...]  # rowid, score, path, title, published


def rank(conn: sqlite3.Connection, scope: Scope, query: str, limit: int = 50) -> Ranked:
    terms = parse_query(query)
    if not terms or limit <= 0:
        return Ranked((), ())
    match = fts_query(terms)
    try:
        # bm25 costs ~4 µs per matching report and cannot stop early; past RANK_MAX matches (a word in
        # nearly every report) it would blow the time budget to rank noise, so those come newest first.
        matched = conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0]
        if not matched:
            return Ranked(tuple(terms), ())
        ranked_by_score = matched <= RANK_MAX
        w = ", ".join(str(x) for x in _WEIGHTS)
        score = f"bm25(fts, {w})" if ranked_by_score else "0.0"
        order = "score" if ranked_by_score else "r.published IS NULL, r.published DESC, r.path"
        # A join, not `rowid IN (SELECT ...)`: SQLite runs the latter 20-50 times slower with FTS5.
        sql = (f"SELECT f.rowid, {score} AS score, r.path, r.title, r.published FROM fts f"
               f" JOIN reports r ON r.id = f.rowid WHERE fts MATCH ? AND {Scope(scope.roots, 'r.path').sql}"
               f" ORDER BY {order} LIMIT ?")
        ranked = conn.execute(sql, (match, *scope.params, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        # Every term is quoted, so this means a tokenizer corner case, not a user error: no results.
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            return Ranked(tuple(terms), ())
        raise
    return Ranked(tuple(terms), tuple(ranked))


_BODIES_PER_QUERY = 500  # rowids bound in one `IN (...)` (SQLite's limit on variables is 999 on old builds)


def hits(conn: sqlite3.Connection, ranked: Ranked, start: int = 0, stop: int | None = None) -> list[SearchHit | None]:
    """The hits of `ranked.rows[start:stop]`, in order; None for a report gone from the index since."""
    rows = ranked.rows[start:stop]
    bodies: dict[int, str] = {}
    # The bodies in one query per few hundred rows: one query per hit cost more than finding the hit.
    for i in range(0, len(rows), _BODIES_PER_QUERY):
        ids = [r[0] for r in rows[i : i + _BODIES_PER_QUERY]]
        marks = ",".join("?" * len(ids))
        bodies.update(conn.execute(f"SELECT rowid, body FROM fts WHERE rowid IN ({marks})", ids).fetchall())
    matchers = [t.matcher() for t in ranked.terms]
    out: list[SearchHit | None] = []
    for rowid, score, path, title, published in rows:
        body = bodies.get(rowid)
        if body is None:
            out.append(None)
            continue
        hit = locate(body, matchers)
        text, highlights = snippet(body, hit, matchers)
        out.append(SearchHit(
            path=path, title=title, published=_date(published), score=-float(score),
            offset=hit[0] if hit else None, end=hit[1] if hit else None,
            line=body.count("\n", 0, hit[0]) + 1 if hit else None, snippet=text, highlights=highlights,
        ))
    return out


def pending_hit(row: tuple[int, float, str, str | None, str | None]) -> SearchHit:
    """A ranked row as a hit whose place in the text is not located yet (no snippet, no offset)."""
    _rowid, score, path, title, published = row
    return SearchHit(path=path, title=title, published=_date(published), score=-float(score),
                     offset=None, end=None, line=None, snippet="")


def search(conn: sqlite3.Connection, scope: Scope, query: str, limit: int = 50) -> list[SearchHit]:
    ranked = rank(conn, scope, query, limit)
    return [h for h in hits(conn, ranked) if h is not None] if ranked.rows else []
