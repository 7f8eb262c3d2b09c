"""Quotes pane: what was said, by whom (anonymous speakers marked) and with which reporting verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from ..widgets.item_list import Item
from .base import Lookup, PaneItem, PaneSpec, lower, text

if TYPE_CHECKING:
    from ...model import Briefing, Quote


def speaker_line(q: Quote, look: Lookup) -> Content:
    parts: list[Content | str] = ["— "]
    sp = q.speaker
    if sp is None:
        parts.append(text("unattributed", "italic"))
    else:
        name = look.actor_name(sp.actor_id)
        parts.append(text(name or sp.text, "bold"))
        if name and sp.text and sp.text.lower() not in name.lower():
            parts += [" (", text(sp.text), ")"]
        if sp.anonymous:
            parts += [" ", text("[anonymous]", ".item-list--badge")]
    if q.cue:
        parts += [" · ", text(q.cue)]
    if q.kind != "direct":
        parts += [" · ", text(q.kind, ".item-list--badge")]
    return Content.assemble(*parts).stylize_before(".item-list--detail")


def build(b: Briefing, look: Lookup) -> list[Item]:
    def make(q: Quote) -> tuple[Content, Content]:
        body = text(q.text)
        title = Content.assemble("“", body, "”") if q.kind != "indirect" else body
        return title, speaker_line(q, look)

    def hay(q: Quote) -> str:
        sp = q.speaker
        return lower(q.text, sp.text if sp else None, look.actor_name(sp.actor_id) if sp else None, q.cue,
                     "anonymous" if sp and sp.anonymous else None)

    items: list[Item] = []
    none: frozenset[str] = frozenset()
    for q in b.quotes:
        sp = q.speaker
        spans = ((q.span.start, q.span.end), (sp.span.start, sp.span.end)) if sp is not None and sp.span is not None \
            else ((q.span.start, q.span.end),)
        items.append(PaneItem(q.id, q, "quote", spans, q.text,
                              frozenset({sp.actor_id}) if sp and sp.actor_id else none, make, hay))  # type: ignore[arg-type]
    return items


SPEC = PaneSpec(id="quotes", title="Quotes", number=3, noun="quotes", title_rows=2, detail=True, build=build)
