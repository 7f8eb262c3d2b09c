"""The explicit `## Quotes` section: list items `- "Quoted words." — Speaker Name` read as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from . import sections

# The quoted words between a pair of double marks, then a dash (or a colon) and the speaker.
_ITEM = re.compile(
    r"""[\"“”„«](?P<q>.+?)[\"“”»]\s*
        (?:[—–―-]{1,2}|:|~)\s*
        (?P<who>\S.*?)\s*$""",
    re.X | re.S,
)
# "Speaker: "Quoted words."" is the other common way of writing a list of quotes.
_ITEM_SPEAKER_FIRST = re.compile(r"""(?P<who>[^\"“”:]{2,80}?)\s*:\s*[\"“„«](?P<q>.+?)[\"“”»]\s*$""", re.S)


@dataclass
class SectionQuote:
    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    block: int


def section_quotes(doc: Document) -> list[SectionQuote]:
    text = doc.text
    out: list[SectionQuote] = []
    for bi in sections.section_block_indices(doc, "quotes"):
        b = doc.blocks[bi]
        if b.kind not in ("list_item", "paragraph", "blockquote"):
            continue
        cs, ce = b.content.start, b.content.end
        body = text[cs:ce]
        m = _ITEM.match(body) or _ITEM_SPEAKER_FIRST.match(body)
        if m is None:
            continue
        qs, qe = cs + m.start("q"), cs + m.end("q")
        while qs < qe and text[qs].isspace():
            qs += 1
        while qe > qs and text[qe - 1].isspace():
            qe -= 1
        ws, we = cs + m.start("who"), cs + m.end("who")
        # "Ana Ferreira, Labour Minister": the name is what comes before the first comma.
        comma = text.find(",", ws, we)
        if comma != -1:
            we = comma
        # Markdown emphasis around the name is not part of it.
        while ws < we and text[ws] in "*_":
            ws += 1
        while we > ws and text[we - 1] in "*_ ":
            we -= 1
        if qe > qs:
            out.append(SectionQuote(qs, qe, ws if we > ws else None, we if we > ws else None, bi))
    return out
