"""Timeline pane: each event with its resolved date or range, or the relative phrase when unresolved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from ..widgets.item_list import Item
from .base import Lookup, PaneItem, PaneSpec, lower, text

if TYPE_CHECKING:
    from ...model import Briefing, EventTime
    from ...model import Event as EventModel


def when_label(w: EventTime) -> str:
    """`2024-10-08`, `2024-09`, `2024-09-30 – 2024-10-06`, or the phrase as written (“last week”)."""
    if w.start is None:
        return f"“{w.text}”" if w.text else (w.value or "undated")
    end = w.end or w.start
    if w.granularity == "year" and w.start.month == 1 and w.start.day == 1 and end.month == 12 and end.day == 31:
        return f"{w.start.year}" if end.year == w.start.year else f"{w.start.year}–{end.year}"
    if w.granularity == "month" and w.start.day == 1 and end.year == w.start.year and end.month == w.start.month:
        return w.start.strftime("%Y-%m")
    if end == w.start:
        return w.start.isoformat()
    return f"{w.start.isoformat()} – {end.isoformat()}"


def build(b: Briefing, look: Lookup) -> list[Item]:
    def names(ev: EventModel) -> list[str]:
        return [n for n in (look.actor_name(i) for i in ev.actor_ids) if n]

    def make(ev: EventModel) -> tuple[Content, Content]:
        w = ev.when
        detail_parts: list[Content | str] = []
        if w.start is not None and w.text:
            detail_parts.append(text(f"“{w.text}”"))
            if w.relative:
                detail_parts.append(" (relative)")
        elif w.start is None:
            detail_parts.append(text("unresolved date", "italic"))
        who = names(ev)
        if who:
            detail_parts += [" · " if detail_parts else "", text(", ".join(who))]
        title = Content.assemble(text(when_label(w), ".item-list--key"), "  ", text(ev.description))
        return title, Content.assemble(*detail_parts).stylize_before(".item-list--detail")

    def hay(ev: EventModel) -> str:
        return lower(when_label(ev.when), ev.when.text, ev.description, *names(ev))

    return [PaneItem(ev.id, ev, "event", ((ev.span.start, ev.span.end),), f"{when_label(ev.when)}: {ev.description}",
                     frozenset(ev.actor_ids), make, hay) for ev in b.timeline]  # type: ignore[arg-type]


SPEC = PaneSpec(id="timeline", title="Timeline", number=4, noun="timeline events", title_rows=2, detail=True,
                build=build)
