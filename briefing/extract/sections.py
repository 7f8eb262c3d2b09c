"""Explicit sections of a structured briefing: `## Summary`, `## Actors`, `## Quotes`, `## Timeline`.

Each extraction step reads its own section as written (it wins over inference) and skips every
structured section when it mines prose, so nothing is counted twice. The formats are in README.md.
"""

from __future__ import annotations

import re
from typing import Literal

from ..document import Document

SectionKind = Literal["summary", "actors", "quotes", "timeline"]

_NAMES: dict[str, SectionKind] = {}
for _kind, _names in {
    "summary": ("summary", "key points", "key takeaways", "takeaways", "highlights", "tl;dr", "tldr",
                "in brief", "at a glance", "bottom line", "executive summary", "main points"),
    "actors": ("actors", "key actors", "people", "key people", "who's who", "who’s who", "key players",
               "players", "people and organizations", "people and organisations", "entities", "parties"),
    "quotes": ("quotes", "key quotes", "quotations", "what they said", "notable quotes"),
    "timeline": ("timeline", "chronology", "key dates", "sequence of events", "dates"),
}.items():
    for _n in _names:
        _NAMES[_n] = _kind  # type: ignore[assignment]

_LEADING = re.compile(r"[\W\d_]+")
_LONGEST_NAME = max(len(n) for n in _NAMES)


def section_kind(heading: str) -> SectionKind | None:
    """The structured section a heading opens (`## Key quotes` → "quotes", `## 3. Timeline:` too)."""
    h = heading.strip().lower()
    if len(h) > _LONGEST_NAME + 20:  # section headings are short; never scan long ones
        return None
    m = _LEADING.match(h)
    if m:
        h = h[m.end() :]
    end = len(h)
    while end and not h[end - 1].isalnum():
        end -= 1
    return _NAMES.get(h[:end])


def block_sections(doc: Document) -> list[SectionKind | None]:
    """For every block, the structured section it belongs to (None for prose).

    A section runs from its heading to the next heading of the same or a higher level; the heading
    block itself belongs to it too.
    """
    cached = doc.memo.get("block_sections")
    if cached is not None:
        return cached
    out: list[SectionKind | None] = []
    current: SectionKind | None = None
    level = 0
    for b in doc.blocks:
        if b.kind == "heading":
            kind = section_kind(doc.text[b.content.start : b.content.end])
            if kind is not None:
                current, level = kind, b.level
            elif current is not None and b.level <= level:
                current = None
        out.append(current)
    doc.memo["block_sections"] = out
    return out


def section_block_indices(doc: Document, kind: SectionKind) -> list[int]:
    """Indices of the content blocks (not headings) of every section of this kind."""
    return [i for i, k in enumerate(block_sections(doc)) if k == kind and doc.blocks[i].kind != "heading"]


def is_prose(doc: Document, block_index: int, summary: bool = False) -> bool:
    """True for blocks prose extractors should mine: not code, front matter or a structured section.

    With `summary`, a summary section's blocks count as prose too: its points are sentences by the
    author that often name people and dates found nowhere else (a flash update's "Key points"). Names
    and dates are merged with the body's; quotes and summary sentences are not mined there, since a
    key point usually repeats the body's quote.
    """
    b = doc.blocks[block_index]
    if b.kind in ("code", "front_matter"):
        return False
    kind = block_sections(doc)[block_index]
    return kind is None or (summary and kind == "summary")
