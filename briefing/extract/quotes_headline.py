"""Quotations in a headline, which British and many other outlets set in single quotes.

'Flood victims 'abandoned' by council, says ombudsman', '‘We’re running on goodwill’: rural GPs warn',
'Starmer: 'We will not back down''. The body pairs only double marks (single ones are apostrophes,
scare quotes or quotes inside quotes), so the headline is read here on its own terms: single quotes
are paired, and a pair is a quotation only when the headline also says who speaks ("says X",
"X warns", "X: '...'"); otherwise the marks are scare quotes.
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Quote
from . import sections
from .quotes_actors import ActorIndex
from .quotes_lexicon import lexicon
from .quotes_models import quote, span, speaker

_MAX_WORDS = 25  # a longer line is a paragraph, not a headline
_MAX_SPEAKER_WORDS = 6
# A single mark opens at a word start and closes after a word or punctuation, before a space,
# punctuation or the end ("We’re" and "Rovers' fans" hold apostrophes, not closing marks).
_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\-]))['‘](?=[\w\"“])")
_CLOSE = re.compile(r"(?<=[\w.!?,…\"”])['’](?=[\s,.:;!?)\]—–\-]|$)")
_WORD = re.compile(r"[\w’'\-.]+|[,:;]")


def _headline_block(doc: Document) -> int | None:
    """The first prose block when it reads as a headline: one short line with no closing period, with
    more text after it."""
    if len(doc.blocks) < 2:
        return None
    for i, b in enumerate(doc.blocks):
        if not sections.is_prose(doc, i) or b.content.end <= b.content.start:
            continue
        line = doc.text[b.content.start : b.content.end]
        if "\n" in line or len(line.split()) > _MAX_WORDS or line.rstrip(" \"'”’").endswith((".", ";", ",")) \
                or i + 1 >= len(doc.blocks):
            return None
        return i
    return None


def _pairs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open_at, close_at) of the single-quoted stretches of text[lo:hi], in order."""
    out: list[tuple[int, int]] = []
    pos = lo
    while True:
        o = _OPEN.search(text, pos, hi)
        if o is None:
            return out
        c = _CLOSE.search(text, o.end(), hi)
        if c is None:
            return out
        out.append((o.start(), c.start()))
        pos = c.end()


def _speaker_span(text: str, lo: int, hi: int, pairs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Who speaks in the headline: 'says X' / 'X says' / 'X: '...'' outside the quoted stretches."""
    cues = lexicon().cues
    outside = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi)
               if not any(a <= m.start() <= b for a, b in pairs)]
    for k, (s, _e, w) in enumerate(outside):
        cue = cues.get(w.lower())
        # Headlines use the present: "charity warns", "GPs warn", "says ombudsman".
        if cue is None or cue.form not in ("base", "s", "past") or w[:1].isupper():
            continue
        if k > 0 and outside[k - 1][2] == ",":
            # ", says ombudsman" / ", warns charity": the rest of the headline
            rest = outside[k + 1 :]
            cut = next((j for j, t in enumerate(rest) if t[2] in (",", ":", ";")), len(rest))
            rest = rest[:cut]
            if 0 < len(rest) <= _MAX_SPEAKER_WORDS:
                return rest[0][0], rest[-1][1]
            return None
        # "rural GPs warn ...": the words before the verb, back to a comma, a colon, a quotation or the start
        floor = max((b + 1 for a, b in pairs if b < s), default=lo)
        j = k
        while j > 0 and outside[j - 1][2] not in (",", ":", ";") and outside[j - 1][0] >= floor:
            j -= 1
        words = outside[j:k]
        if 0 < len(words) <= _MAX_SPEAKER_WORDS:
            return words[0][0], words[-1][1]
        return None
    # "Starmer: 'We will not back down'"
    first = pairs[0][0] if pairs else hi
    head = text[lo:first].rstrip()
    if head.endswith(":") and 0 < len(head[:-1].split()) <= _MAX_SPEAKER_WORDS:
        return lo, lo + len(head) - 1
    return None


def headline_quotes(doc: Document, index: ActorIndex) -> list[Quote]:
    bi = _headline_block(doc)
    if bi is None:
        return []
    text = doc.text
    c = doc.blocks[bi].content
    if "'" not in text[c.start : c.end] and "‘" not in text[c.start : c.end]:
        return []
    pairs = _pairs(text, c.start, c.end)
    if not pairs:
        return []
    who = _speaker_span(text, c.start, c.end, pairs)
    if who is None:
        return []  # single quotes with no speaker in the headline are scare quotes
    name = text[who[0] : who[1]]
    i = index.by_span(*who)
    if i is None:
        i = index.by_name(name)
    sp = speaker(name, span(*who), index.actor(i).id if i is not None else None,
                 anonymous=i is None and not name[:1].isupper())
    out = []
    for o, cl in pairs:
        s, e = o + 1, cl
        words = text[s:e]
        before = text[c.start : o].strip()
        at_start = before == "" or before.endswith(":")
        kind = "direct" if at_start and words[:1].isupper() else "partial"
        out.append(quote(words, span(s, e), kind, sp, sentence=span(c.start, c.end)))
    return out
