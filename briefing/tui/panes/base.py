"""What every pane shares: its spec (id, number, title, row shape) and the widget (an `ItemList`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content

from ..safe import one_line
from ..widgets.item_list import Item, ItemList, LazyItem

if TYPE_CHECKING:
    from ...model import Briefing


@dataclass(frozen=True)
class PaneSpec:
    id: str
    title: str
    number: int
    noun: str  # plural, for counts and empty states: "quotes"
    title_rows: int
    detail: bool
    build: Callable[[Briefing, Lookup], list[Item]]


class Lookup:
    """Per-briefing indexes the panes share (actor names by id, quotes per speaker)."""

    def __init__(self, b: Briefing) -> None:
        self.briefing = b
        self.actors = {a.id: a for a in b.actors}
        self.quotes_by_actor: dict[str, int] = {}
        for q in b.quotes:
            if q.speaker is not None and q.speaker.actor_id:
                self.quotes_by_actor[q.speaker.actor_id] = self.quotes_by_actor.get(q.speaker.actor_id, 0) + 1

    def actor_name(self, actor_id: str | None) -> str | None:
        a = self.actors.get(actor_id or "")
        return a.name if a else None


class Pane(ItemList):
    """A list pane of the report screen."""

    def __init__(self, spec: PaneSpec, active: bool = False) -> None:
        # Classes given here, not set after: a class changed on a widget restyles it (and its rows' styles).
        super().__init__(title_rows=spec.title_rows, detail=spec.detail,
                         empty=f"No {spec.noun} in this report", id=spec.id,
                         classes="pane -active" if active else "pane")
        self.spec = spec


class PaneItem(LazyItem):
    """A pane row whose Content and filter text are made when first needed.

    A 5 MB report has 20,000 quotes and 15,000 events; the list draws the thirty rows on screen, and
    only `/` reads the filter text. Made up front, their Content took about 50 MB and a second or more
    of the UI thread. `make(data) -> (title, detail)` and `hay(data) -> filter text` run on first use;
    what the screen needs at once (key, spans, actor ids, copy text) is set here.
    """

    _hay: str | None = None

    def __init__(self, key: str, data: object, kind: str, spans: tuple[tuple[int, int], ...], copy_text: str,
                 actor_ids: frozenset[str], make: Callable[[object], tuple[Content, Content | None]],
                 hay: Callable[[object], str]) -> None:
        super().__init__(key, data, kind, make, spans, copy_text)
        self.actor_ids = actor_ids
        self._haystack_of = hay

    @property  # type: ignore[override]
    def haystack(self) -> str:
        if self._hay is None:
            self._hay = self._haystack_of(self.data)
        return self._hay


def text(value: str, style: str = "") -> Content:
    """Safe one-line Content from untrusted text."""
    v = one_line(value)
    return Content.styled(v, style) if style else Content(v)


def lower(*parts: str | None) -> str:
    return " ".join(p for p in parts if p).lower()
