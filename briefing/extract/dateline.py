"""Where a wire story starts: after its dateline, which says where it was filed, not what happened.

`metadata.match_dateline` (which finds the reference date) reads datelines with a date or an outlet
(`LISBON, Oct. 8, 2024 (Reuters) — `, `Nairobi (AP) - `) or a bare all-caps city (`WASHINGTON — `).
Display text also leaves out the all-caps ones that carry no date for it to read: a state or country
after the city (`BEIRUT, Lebanon — `, `SAN FRANCISCO, Calif. — `), a dash with no space after it
(`WASHINGTON—The Senate`), a bold dateline in markdown (`**GDAŃSK** — `).
"""

from __future__ import annotations

import re

from ..document import Document
from .lexicon import MONTH_PATTERN
from .metadata import match_dateline

_WORD = r"[^\W\d_][\w.'’\-]*"
_CAPS_DATELINE = re.compile(
    rf"""(?P<mark>\*\*|__)?
        (?P<city>{_WORD}(?:[ ]{_WORD}){{0,3}})
        (?P<region>(?:,[ ]{_WORD}(?:[ ]{_WORD}){{0,2}}){{0,2}})             # state, country
        (?:,[ ](?:{MONTH_PATTERN})\.?[ ]\d{{1,2}}(?:,?[ ]\d{{4}})?)?         # a date
        (?(mark)(?P=mark))
        [ ]?(?:\([^()\n]{{1,40}}\)[ ]?)?                                    # an outlet
        (?:[—–][ ]?|--?[ ])                         # a hyphen only before a space (LONDON-based)
    """,
    re.X,
)
_MAX_DATELINE = 160


def _caps_dateline(text: str, start: int, end: int) -> int | None:
    m = _CAPS_DATELINE.match(text, start, min(end, start + _MAX_DATELINE))
    if m is None:
        return None
    city = m["city"]
    # An all-caps city of two letters or more; the places after it are capitalised words.
    if not city.isupper() or sum(c.isalpha() for c in city) < 2:
        return None
    if not all(w[0].isupper() for w in m["region"].replace(",", " ").split()):
        return None
    return m.end()


def story_start(text: str, start: int, end: int) -> int:
    """The offset in [start, end] where the story begins: after a dateline at `start` and the spaces
    after it; `start` when there is none (or nothing follows it)."""
    head = min(end, start + _MAX_DATELINE)
    # Most sentences have no dash near their start: two patterns need not try them.
    if text.find("—", start, head) == -1 and text.find("–", start, head) == -1 and text.find("-", start, head) == -1:
        return start
    m = match_dateline(text, start, end)
    stop = m.end() if m is not None and sum(c.isalpha() for c in m["place"]) >= 2 else None
    if stop is None and text[start : start + 4].lstrip("*_")[:2].isupper():
        stop = _caps_dateline(text, start, end)
    if stop is None:
        return start
    while stop < end and text[stop].isspace():
        stop += 1
    # A story opens like a sentence; "NATO — the alliance said" is an acronym, not a dateline.
    return stop if stop < end and not text[stop].islower() else start


def story_from(doc: Document, i: int) -> int:
    """Where sentence `i`'s own text starts once its block's dateline is left out: the sentence start,
    or later, or its end if the sentence is all dateline (`SAN FRANCISCO, Calif.` split off at the
    abbreviation). Only a block's opening can hold a dateline."""
    s = doc.sentences[i]
    c = doc.blocks[s.block].content
    if s.start - c.start >= _MAX_DATELINE:
        return s.start
    return max(s.start, min(s.end, story_start(doc.text, c.start, c.end)))
