"""Time expressions: find, type and normalise them (TIMEX3 values), resolved against the reference date.

Speed matters (the whole pipeline reads 100,000+ words a second), so the text is not tried against
the full grammar at every word: a cheap trigger scan finds the words an expression can start with
(numbers, month and weekday names, "the", "last", "today", ...) and the grammar is only tried there.
Expressions are resolved in text order, so anaphoric ones ("the day", "the previous year") can use
the last date before them. Prose blocks are mined; of the structured sections only `## Timeline` is
read, as `- **2024-03-04** — What happened.` items (see `section_items`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..document import Document
from ..model import Briefing, TimeExpression, span, trusted
from . import sections
from . import timex_calendar as cal
from .timex_grammar import families_for
from .timex_joins import attach_days, habitual_times, range_days
from .timex_resolve import VIRTUAL_BASE, Context, Tx
from .timex_rules import HANDLERS
from .timex_trigger import triggers

# --- the `## Timeline` section ----------------------------------------------------------------------

_ITEM = re.compile(
    r"(?P<b>\*\*|__)?(?P<date>[^\n]+?)(?P=b)?[ \t]*(?:[—–]|--?(?=\s)|:(?=\s))[ \t]*(?P<desc>\S[^\n]*)?"
)
_YEAR_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_YEAR_ONLY = re.compile(r"(1[5-9]\d\d|20\d\d)")


@dataclass(frozen=True)
class SectionItem:
    block: int
    date: tuple[int, int]  # span of the date as written (without bold markers)
    description: tuple[int, int]  # span of the text after the separator (may be empty)


def section_items(doc: Document) -> list[SectionItem]:
    """The dated items of the `## Timeline` sections, in order."""
    cached = doc.memo.get("timeline_items")
    if cached is not None:
        return cached
    items: list[SectionItem] = []
    for i in sections.section_block_indices(doc, "timeline"):
        b = doc.blocks[i]
        if b.kind not in ("list_item", "paragraph"):
            continue
        m = _ITEM.match(doc.text, b.content.start, b.content.end)
        if not m:
            continue
        ds, de = m.span("date")
        while de > ds and doc.text[de - 1] in " *_":
            de -= 1
        while ds < de and doc.text[ds] in " *_":
            ds += 1
        desc = m.span("desc") if m["desc"] else (m.end(), m.end())
        items.append(SectionItem(i, (ds, de), (desc[0], b.content.end if m["desc"] else desc[1])))
    doc.memo["timeline_items"] = items
    return items


# --- scanning -------------------------------------------------------------------------------------------

_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _lower(text: str) -> str:
    """Lower-cased text with the same length (so offsets stay valid)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def _match_at(text: str, pos: int, hi: int, key: str) -> tuple[str, re.Match[str]] | None:
    """The first family (in priority order) that matches at `pos`."""
    for name, pattern in families_for(key):
        m = pattern.match(text, pos, hi)
        if m is not None:
            return name, m
    return None


def _scan(ctx: Context, low: str, lo: int, hi: int, doc: Document, out: list[Tx]) -> None:
    text = ctx.text
    ctx.block_start = lo
    last_end = lo
    sentences = doc.sentences
    sent_i: int | None = None
    for s, _, key in triggers(low, lo, hi):
        if s < last_end:
            continue
        hit = _match_at(text, s, hi, key)
        if hit is None:
            continue
        name, m = hit
        if sent_i is None or not (sentences[sent_i].start <= s < sentences[sent_i].end):
            sent_i = doc.sentence_index_at(s)
            ctx.clause = (sentences[sent_i].start, sentences[sent_i].end) if sent_i is not None else (lo, hi)
            ctx.near_start = sentences[sent_i - 1].start if sent_i else ctx.clause[0]
        try:
            tx = HANDLERS[name](m, ctx)
        except (ValueError, OverflowError):  # a date outside the calendar (reference date near year 1 or 9999)
            continue
        if tx is None or tx.end <= tx.start:
            continue
        last_end = tx.end
        out.append(tx)
        # "overnight" straddles midnight: a clock time after it ("at 03:00") keeps the anchor day.
        if tx.when is not None and tx.type in ("DATE", "TIME") and not tx.needs_day and name != "overnight":
            ctx.remember(tx.when, tx.start)


def _section_date(ctx: Context, low: str, doc: Document, item: SectionItem) -> Tx | None:
    ds, de = item.date
    found: list[Tx] = []
    _scan(ctx, low, ds, de, doc, found)
    if found and found[0].type in ("DATE", "TIME"):
        return found[0]
    text = ctx.text
    m = _YEAR_MONTH.fullmatch(text, ds, de) or _YEAR_MONTH.match(text, ds, de)
    if m:
        w = cal.month(int(m.group(1)), int(m.group(2)))
        return Tx(m.start(), m.end(), "DATE", w.value, w, relative=False, resolved=True)
    m = _YEAR_ONLY.match(text, ds, de)
    if m:
        w = cal.year(int(m.group(1)))
        return Tx(m.start(), m.end(), "DATE", w.value, w, relative=False, resolved=True)
    return None


def find(doc: Document, reference: dt.date | None) -> list[Tx]:
    """All time expressions of the document's prose and `## Timeline` dates, in text order."""
    base = reference or VIRTUAL_BASE
    today = cal.day(base)
    ctx = Context(text=doc.text, ref=reference, base=base, anchor=today, anchor_day=today)
    found: list[Tx] = []
    low = _lower(doc.text)
    items = {it.block: it for it in section_items(doc)}
    for i, b in enumerate(doc.blocks):
        if i in items:
            tx = _section_date(ctx, low, doc, items[i])
            if tx is not None:
                found.append(tx)
            continue
        if not sections.is_prose(doc, i, summary=True) or b.content.end <= b.content.start:
            continue
        _scan(ctx, low, b.content.start, b.content.end, doc, found)
    found = attach_days(doc.text, found, reference is not None)
    habitual_times(doc.text, found)
    return range_days(doc.text, found)


_time_expression = trusted(TimeExpression)  # values computed here: no validation (see `model.trusted`)


def to_model(tx: Tx, index: int, text: str) -> TimeExpression:
    resolved = tx.resolved and tx.when is not None
    return _time_expression(
        id=f"t{index}",
        text=text[tx.start : tx.end],
        span=span(tx.start, tx.end),
        type=tx.type,  # type: ignore[arg-type]
        value=tx.value,
        start=tx.when.start if resolved else None,  # type: ignore[union-attr]
        end=tx.when.end if resolved else None,  # type: ignore[union-attr]
        granularity=("time" if tx.type == "TIME" else tx.when.gran) if tx.when is not None else None,  # type: ignore[arg-type]
        relative=tx.relative,
    )


def run(doc: Document, found: Briefing) -> Briefing:
    txs = find(doc, found.published)
    doc.memo["timex"] = txs  # the timeline step orders events with the stand-in ranges kept here
    items = [to_model(tx, k, doc.text) for k, tx in enumerate(txs, start=1)]
    return found.model_copy(update={"time_expressions": items})
