"""Actors pane: who is in the report, with titles, affiliation and how often they appear and speak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from ..widgets.item_list import Item
from .base import Lookup, PaneItem, PaneSpec, lower, text

if TYPE_CHECKING:
    from ...model import Actor, Briefing


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build(b: Briefing, look: Lookup) -> list[Item]:
    def make(a: Actor) -> tuple[Content, Content]:
        quotes = look.quotes_by_actor.get(a.id, 0)
        role = ", ".join(t for t in [*a.titles, a.affiliation or ""] if t)
        counts = f"{_plural(len(a.mentions), 'mention')} · {_plural(quotes, 'quote')}"
        detail = Content.assemble(text(role), " · " if role else "", counts).stylize_before(".item-list--detail")
        return Content.assemble(text(a.name, "bold"), "  ", text(a.kind, ".item-list--badge")), detail

    def hay(a: Actor) -> str:
        return lower(a.name, *a.aliases, *a.titles, a.affiliation, a.kind, a.description)

    return [PaneItem(a.id, a, "actor", tuple((m.start, m.end) for m in sorted(a.mentions, key=lambda m: m.start)),
                     a.name, frozenset({a.id}), make, hay) for a in b.actors]  # type: ignore[arg-type]


SPEC = PaneSpec(id="actors", title="Actors", number=2, noun="actors", title_rows=1, detail=True, build=build)
