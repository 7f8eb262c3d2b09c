"""Summary pane: the briefing's key points, each linked to its sentence."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..widgets.item_list import Item
from .base import Lookup, PaneItem, PaneSpec, lower, text

if TYPE_CHECKING:
    from textual.content import Content

    from ...model import Briefing, SummaryItem


def build(b: Briefing, look: Lookup) -> list[Item]:
    # Which actors each point mentions, so `f` (actor filter) can narrow the summary too.
    mention_starts = {a.id: sorted(m.start for m in a.mentions) for a in b.actors}
    items = []
    for n, s in enumerate(b.summary):
        actor_ids: set[str] = set()
        if s.span is not None:
            for actor_id, starts in mention_starts.items():
                k = bisect_left(starts, s.span.start)
                if k < len(starts) and starts[k] < s.span.end:
                    actor_ids.add(actor_id)
        items.append(PaneItem(f"summary-{n}", s, "summary point", ((s.span.start, s.span.end),) if s.span else (),
                              s.text, frozenset(actor_ids), _make, _hay))  # type: ignore[arg-type]
    return items


def _make(s: SummaryItem) -> tuple[Content, None]:
    return text(s.text), None


def _hay(s: SummaryItem) -> str:
    return lower(s.text)


SPEC = PaneSpec(id="summary", title="Summary", number=1, noun="summary points", title_rows=2, detail=False,
                build=build)
