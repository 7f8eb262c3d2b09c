"""The timeline: one event per sentence (or clause) anchored by a date or a time, in date order.

An event is a DATE or TIME expression with its clause as the description, the actors mentioned in
its sentence and the sentence span. Durations ("three years"), sets ("every week") and vague
references ("recently", "now", "in the future") place nothing on a calendar, so they make no events.
Items of an explicit `## Timeline` section are events too (origin "section"), read as written.

The description is display text: the clause, at most 160 characters around the expression, cut
between words, with an ellipsis where the sentence goes on and without a wire dateline
("LISBON, Oct. 8 (Reuters) — "); the event's span stays the whole sentence. The dateline's own date
says when the story was filed: it makes an event only when nothing else dates its sentence.

Order: events with a calendar date (absolute, or resolved against the reference date) by date, coarser
first on the same day ("October" before "Oct. 8"); then, when there is no reference date, relative
ones in the order their stand-in dates give (July < last month < last week < today); then the rest
in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..document import Document
from ..model import Briefing, Event, EventTime, Span, TimeExpression, span, trusted
from . import timex
from .actors import mention_rows
from .dateline import story_from
from .display import plain
from .timex_resolve import Tx

_MAX_DESCRIPTION = 160
_MIN_CLAUSE_CHARS = 60
# Where a sentence splits into clauses: semicolons, dashes, and commas before a new clause.
_CLAUSE_BREAK = re.compile(
    r"(?:;|[—–](?=\s)|--(?=\s)|,(?=\s+(?:and|but|while|which|who|whom|whose|as|after|before|when|although|"
    r"though|because|since|whereas|where|according\s+to|then|until|so)\b))\s*"
)
_DAY_PART_HOURS = {"MO": 8, "MI": 12, "AF": 14, "EV": 19, "NI": 22}
# Where a description may be cut: between words. A longer "word" (a URL, a run of symbols) may be cut.
_BREAKS = (" ", "\n", "\t", "\u00a0")
_LONG_WORD = 40
_LEADING_JUNK = " ,;:—–"
_CLOSERS = ")]}”’»"
_TRAILING_JUNK = " ,;:—–-/([{“‘«"
# A line that is a label and its date ("**Issued:** 21 March 2025", "Next update: Monday") dates the
# document, not something that happened: no event.
_DATE_LABEL = re.compile(r"[\s*_>#-]*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}[*_]*:[*_\s]*")
_LEAD_IN_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
                            "onto", "over", "under", "about", "and", "or", "nor", "but", "that", "than", "as"})


def _labelled(text: str, start: int, label_lines: set[int]) -> bool:
    """True when the expression at `start` is on a line that opens with a label and a date ("Issued:
    21 March 2025, 14:00"). Expressions come in text order: the first one on a line decides."""
    line = text.rfind("\n", 0, start) + 1
    if line in label_lines:
        return True
    if start - line <= 40 and _DATE_LABEL.fullmatch(text, line, start) is not None:
        label_lines.add(line)
        return True
    return False


def _first_break(text: str, lo: int, hi: int) -> int:
    """The first space between words in [lo, hi), or -1."""
    found = [k for k in (text.find(c, lo, hi) for c in _BREAKS) if k != -1]
    return min(found) if found else -1


def _last_break(text: str, lo: int, hi: int) -> int:
    """The last space between words in [lo, hi), or -1."""
    return max(text.rfind(c, lo, hi) for c in _BREAKS)


def _clause(text: str, s0: int, s1: int, t0: int, t1: int) -> tuple[int, int]:
    """The sentence [s0, s1) if it is short enough, else the clause holding the expression [t0, t1),
    widened with its neighbours if that is too short to say much."""
    if s1 - s0 <= _MAX_DESCRIPTION:
        return s0, s1
    # Only the neighbourhood matters (and a sentence-less text must not make this quadratic); the
    # neighbourhood starts and ends between words.
    n0, n1 = max(s0, t0 - 4 * _MAX_DESCRIPTION), min(s1, t1 + 4 * _MAX_DESCRIPTION)
    if n0 > s0 and (k := _first_break(text, n0, t0)) != -1:
        n0 = k + 1
    if n1 < s1 and (k := _last_break(text, t1, n1)) != -1:
        n1 = k
    s0, s1 = n0, n1
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, s0, s1) if t1 <= m.start() or m.end() <= t0]
    segs = list(zip([s0] + [e for _, e in cuts], [s for s, _ in cuts] + [s1], strict=True))
    k = next((i for i, (a, b) in enumerate(segs) if a <= t0 < b), len(segs) - 1)
    j0 = j1 = k
    lo, hi = segs[k]
    # A short clause ("On Monday,") takes its neighbours, the one before first.
    while hi - lo < _MIN_CLAUSE_CHARS:
        if j0 > 0:
            j0 -= 1
            lo = segs[j0][0]
        elif j1 + 1 < len(segs):
            j1 += 1
            hi = segs[j1][1]
        else:
            break
    return min(lo, t0), max(hi, t1)


def _window(text: str, lo: int, hi: int, t0: int, t1: int) -> tuple[int, int]:
    """At most `_MAX_DESCRIPTION` characters of [lo, hi) around the expression [t0, t1), cut between
    words (a word longer than `_LONG_WORD` may be cut: it is not prose)."""
    room = max(0, _MAX_DESCRIPTION - (t1 - t0))
    left = max(0, min(t0 - lo, max(room // 3, room - (hi - t1))))
    a = t0 - left
    b = max(t1, min(hi, a + _MAX_DESCRIPTION))
    if a > lo and not text[a - 1].isspace():
        k = _first_break(text, a, t0)
        if k == -1:  # the word runs into the expression: keep it whole
            k = _last_break(text, max(lo, a - _LONG_WORD), a)
            k = k if k != -1 or a - lo > _LONG_WORD else lo - 1
        a = k + 1 if k != -1 else a
    if b < hi and not text[b].isspace():
        k = _last_break(text, t1, b)
        if k == -1:
            k = _first_break(text, b, min(hi, b + _LONG_WORD))
            k = k if k != -1 or hi - b > _LONG_WORD else hi
        b = k if k != -1 else b
    return a, b


def _trim(text: str, lo: int, hi: int, t0: int, t1: int, s0: int, s1: int, markdown: bool) -> str:
    """The clause [lo, hi) as one line, at most `_MAX_DESCRIPTION` characters, keeping the expression
    [t0, t1) in view; an ellipsis marks where the story [s0, s1) goes on."""
    a, b = _window(text, lo, hi, t0, t1) if hi - lo > _MAX_DESCRIPTION else (lo, hi)
    out = " ".join(plain(text[a:b], markdown).split())
    out = out.lstrip(_LEADING_JUNK)
    if b < s1:
        # Nothing left to read after a comma, a dash, an opening bracket or quote before the ellipsis.
        out = out.rstrip(_TRAILING_JUNK)
        while True:
            # An opening quote, or a word that only leads into the next one ("the impounding of…").
            head, _, last = out.rpartition(" ")
            if not head or not (last in ('"', "'") or last.lower() in _LEAD_IN_WORDS):
                break
            out = head.rstrip(_TRAILING_JUNK)
        out = out and out + "…"
    else:
        out = out.rstrip(" ,;:—–-")
    if out and a > s0:
        out = "…" + out.lstrip(_CLOSERS)
    return out or " ".join(text[t0:t1].split())


def _actor_index(doc: Document, found: Briefing) -> tuple[list[int], list[str]]:
    """Mention starts in order, with the id of the actor each belongs to."""
    actors = found.actors
    rows = mention_rows(doc, actors)
    if rows is not None:
        starts = [r[0] for r in rows]
        # Sorted by (start, end, index) instead of (start, id): the same order while no two mentions
        # start at the same offset.
        if len(set(starts)) == len(starts):
            return starts, [actors[r[2]].id for r in rows]
    pairs = sorted((m.start, a.id) for a in actors for m in a.mentions)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _actors_in(index: tuple[list[int], list[str]], start: int, end: int) -> list[str]:
    starts, ids = index
    out: list[str] = []
    for k in range(bisect_left(starts, start), len(starts)):
        if starts[k] >= end:
            break
        if ids[k] not in out:
            out.append(ids[k])
    return out


def _time_of_day(tx: Tx) -> float:
    part = tx.day_part or ""
    if len(part) >= 5 and part[2] == ":":
        return int(part[:2]) + int(part[3:5]) / 60
    return _DAY_PART_HOURS.get(part, 0)


def _sort_key(tx: Tx, order: int) -> tuple:
    if tx.when is None:
        return (2, order)
    w = tx.when
    # coarser units first on the same start day; clock times in the order of the day
    tod = _time_of_day(tx) if tx.type == "TIME" else -1
    return (0 if tx.resolved else 1, w.start, -(w.end - w.start).days, tod, order)


# Events are built from the time expressions and offsets of this run: no validation (`model.trusted`).
_new_event_time = trusted(EventTime)
_new_event = trusted(Event)


def _event_time(tm: TimeExpression) -> EventTime:
    return _new_event_time(timex_id=tm.id, text=tm.text, span=tm.span, value=tm.value, start=tm.start, end=tm.end,
                     granularity=tm.granularity, relative=tm.relative)


def _pairs(doc: Document, found: Briefing) -> list[tuple[Tx, TimeExpression]]:
    """Each time expression with its internal record (which keeps the stand-in range for ordering)."""
    txs: list[Tx] | None = doc.memo.get("timex")
    if txs is None or len(txs) != len(found.time_expressions):
        txs = timex.find(doc, found.published)
    by_span = {(t.start, t.end): t for t in txs}
    out = []
    for tm in found.time_expressions:
        tx = by_span.get((tm.span.start, tm.span.end))
        if tx is not None:
            out.append((tx, tm))
    return out


def _sentence_span(found: Briefing, index: int, start: int, end: int) -> Span:
    """The sentence's span, shared with `Briefing.sentences` when that lists the same sentences."""
    if index < len(found.sentences):
        shared = found.sentences[index].span
        if shared.start == start and shared.end == end:
            return shared
    return span(start, end)


def _section_event(doc: Document, item: timex.SectionItem, tm: TimeExpression, actor_index: tuple) -> dict:
    block = doc.blocks[item.block]
    ds, de = item.description
    desc = " ".join(plain(doc.text[ds:de], doc.format == "markdown").split()) or tm.text
    c = block.content
    return dict(when=_event_time(tm), description=desc, span=c, actor_ids=_actors_in(actor_index, c.start, c.end),
                origin="section")


def run(doc: Document, found: Briefing) -> Briefing:
    text = doc.text
    markdown = doc.format == "markdown"
    actor_index = _actor_index(doc, found)
    items = {it.block: it for it in timex.section_items(doc)}
    events: list[tuple[tuple, dict]] = []
    # One event per sentence and date; a clock time replaces the bare day it refines ("on Sunday at midnight").
    slot: dict[tuple[int, str], int] = {}
    # An expression in a dateline dates the filing; the story's own dates, when it has some, say when
    # things happened: those events win and the dateline's is dropped.
    by_dateline: set[int] = set()
    starts: dict[int, int] = {}
    label_lines: set[int] = set()
    for order, (tx, tm) in enumerate(_pairs(doc, found)):
        bi = doc.block_index_at(tx.start)
        item = items.get(bi) if bi is not None else None
        if item is not None:
            if item.date[0] <= tx.start and tx.end <= item.date[1]:
                events.append((_sort_key(tx, order), _section_event(doc, item, tm, actor_index)))
            continue
        if tm.type not in ("DATE", "TIME") or tm.value.endswith("_REF") or tx.when is None:
            continue
        si = doc.sentence_index_at(tx.start)
        if si is None or _labelled(text, tx.start, label_lines):
            continue
        key = (si, tx.when.value if tx.when.gran == "day" else tm.value)
        sent = doc.sentences[si]
        s0 = starts.get(si)
        if s0 is None:
            s0 = story_from(doc, si)
            starts[si] = s0 if s0 < sent.end else sent.start  # a sentence all dateline is read as written
        t0, t1 = tx.start, tx.end
        in_dateline = t0 < s0
        if in_dateline:
            t0 = t1 = s0
        k = slot.get(key)
        if k is not None and not (k in by_dateline and not in_dateline) and not (
                tm.type == "TIME" and events[k][1]["when"].granularity != "time"):
            continue
        lo, hi = _clause(text, s0, sent.end, t0, t1)
        event = (_sort_key(tx, order), dict(
            when=_event_time(tm), description=_trim(text, lo, hi, t0, t1, s0, sent.end, markdown),
            span=_sentence_span(found, si, sent.start, sent.end),
            actor_ids=_actors_in(actor_index, sent.start, sent.end), origin="prose"))
        if k is None:
            k = slot[key] = len(events)
            events.append(event)
        else:
            events[k] = event
        if in_dateline:
            by_dateline.add(k)
        else:
            by_dateline.discard(k)
    if by_dateline:
        dated = {e[1]["span"].start for k, e in enumerate(events) if k not in by_dateline}
        events = [e for k, e in enumerate(events) if k not in by_dateline or e[1]["span"].start not in dated]
    events.sort(key=lambda e: e[0])
    timeline = [_new_event(id=f"e{k}", **fields) for k, (_, fields) in enumerate(events, start=1)]
    return found.model_copy(update={"timeline": timeline})
