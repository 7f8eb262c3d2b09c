"""Pairing double quotation marks into quoted stretches, one pass over each paragraph.

Straight marks (`"`) are ambiguous, so each mark's direction comes from its neighbours (a space before
and a letter after opens; a letter or punctuation before and a space after closes); curly marks carry
their direction, unless the neighbours clearly say the opposite (sloppy typesetting). The pairing is a
small state machine, so any number of marks costs linear time, and nothing can run past a paragraph:

- an opening mark while a stretch is open ends that stretch (the closing mark was lost);
- a stretch still open at the end of a paragraph continues into the next paragraph only when that
  paragraph opens with a quotation mark (the news convention for multi-paragraph quotes); otherwise it
  is unclosed and ends with the sentence it started in;
- a closing mark with nothing open is ignored (an inch mark, a stray).

Single quotes are not paired: in news they are apostrophes, scare quotes or quotes inside quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document

_MARK = re.compile(r"[\"“”„‟«»]")
_OPENING_GLYPH = frozenset("“„‟«")
_CLOSING_GLYPH = frozenset("”»")
# Characters after which a straight mark opens, and before which it closes.
_BEFORE_OPEN = frozenset("([{—–/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–…")
# Longest an unclosed stretch may run when its sentence has no end in sight.
MAX_UNCLOSED = 1500


@dataclass
class Stretch:
    start: int  # first character inside the marks
    end: int  # end (exclusive) inside the marks
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None if unclosed or running on
    block: int
    runs_on: bool = False  # continues into the next paragraph
    continues: bool = False  # continues a stretch from the previous paragraph


def _direction(text: str, i: int, lo: int, hi: int) -> int:
    """+1 opening, -1 closing, 0 cannot tell (a straight mark between two spaces or two letters)."""
    c = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opens_ctx = before.isspace() or before in _BEFORE_OPEN or before in "\"“”„‟«»"
    closes_ctx = after.isspace() or after in _AFTER_CLOSE
    ctx = 0
    if opens_ctx and not closes_ctx:
        ctx = 1
    elif closes_ctx and not opens_ctx:
        ctx = -1
    if c in _OPENING_GLYPH:
        return -1 if ctx == -1 and not before.isspace() else 1
    if c in _CLOSING_GLYPH:
        return 1 if ctx == 1 and before.isspace() else -1
    return ctx


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_end(doc: Document, pos: int, limit: int) -> int:
    """End of the sentence containing `pos`, never past `limit` nor MAX_UNCLOSED characters on."""
    i = doc.sentence_index_at(pos)
    end = doc.sentences[i].end if i is not None else limit
    end = min(end, limit)
    if end - pos > MAX_UNCLOSED:
        cut = doc.text.rfind(" ", pos, pos + MAX_UNCLOSED)
        end = cut if cut > pos else pos + MAX_UNCLOSED
    return end


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    return start < end and text[start] in "\"“„‟«" and _direction(text, start, start, end) >= 0


def find_stretches(doc: Document, blocks: list[int]) -> list[Stretch]:
    """Quoted stretches in the given blocks (indices in document order), in text order."""
    text = doc.text
    out: list[Stretch] = []
    carry = False  # the previous block ended inside a quotation that runs on
    for n, bi in enumerate(blocks):
        b = doc.blocks[bi]
        lo, hi = b.content.start, b.content.end
        open_at: int | None = None
        continues = False
        for m in _MARK.finditer(text, lo, hi):
            i = m.start()
            d = _direction(text, i, lo, hi)
            if open_at is None:
                if d >= 0:
                    open_at = i
                    continues = carry and i == lo
                continue
            if d <= 0:
                s, e = _trim(text, open_at + 1, i)
                out.append(Stretch(s, e, open_at, i, bi, continues=continues))
                open_at = None
                continues = False
            else:  # a new opening mark: the open stretch lost its closing mark
                s, e = _trim(text, open_at + 1, _sentence_end(doc, open_at + 1, i))
                out.append(Stretch(s, e, open_at, None, bi, continues=continues))
                open_at = i
                continues = False
        carry = False
        if open_at is not None:
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            runs_on = False
            if nxt is not None and nxt == bi + 1:
                nb = doc.blocks[nxt]
                runs_on = nb.kind == b.kind and _opens_with_mark(text, nb.content.start, nb.content.end)
            end = hi if runs_on else _sentence_end(doc, open_at + 1, hi)
            s, e = _trim(text, open_at + 1, end)
            out.append(Stretch(s, e, open_at, None, bi, runs_on=runs_on, continues=continues))
            carry = runs_on
    return out
