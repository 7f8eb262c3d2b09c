"""Command palette (`ctrl+p`): every key binding as a command, and jump-to-actor/quote/event.

The palette renders a plain-string prompt or help text as markup, so everything built from report
text is handed over as `Content` (prompt) and the help line only ever holds our own words.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from .safe import one_line

if TYPE_CHECKING:
    from .screens.report import ReportScreen

_MATCH = Style(bold=True, underline=True)
_SKIP_ACTIONS = {"command_palette", "app.command_palette"}


def highlight(candidate: str, offsets: object) -> Content:
    """`candidate` as literal Content with the fuzzy-matched characters emphasised."""
    content = Content(candidate)
    for offset in offsets or ():  # type: ignore[attr-defined]
        if 0 <= offset < len(candidate) and not candidate[offset].isspace():
            content = content.stylize(_MATCH, offset, offset + 1)
    return content


class KeyCommands(Provider):
    """The bindings active on the screen the palette was opened from, runnable by name."""

    def _commands(self) -> list[tuple[str, str, object, str]]:
        seen: set[tuple[str, str]] = set()
        out = []
        for key, active in self.screen.active_bindings.items():
            b = active.binding
            if not b.description or b.action in _SKIP_ACTIONS or b.system:
                continue
            ident = (b.action, b.description)
            if ident in seen:
                continue
            seen.add(ident)
            display = b.key_display or self.app.get_key_display(b) or key
            out.append((b.description, display, active.node, b.action))
        return out

    async def discover(self) -> Hits:
        for description, display, node, action in self._commands():
            yield DiscoveryHit(
                Content.assemble(description, ("  " + display, "dim")),
                partial(self._run, action, node),
                text=description,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, display, node, action in self._commands():
            score, offsets = matcher.fuzzy_search.match(query, description)
            if score > 0:
                yield Hit(
                    score,
                    Content.assemble(highlight(description, offsets), ("  " + display, "dim")),
                    partial(self._run, action, node),
                    text=description,
                )

    async def _run(self, action: str, node: object) -> None:
        await self.app.run_action(action, node)  # type: ignore[arg-type]


class JumpCommands(Provider):
    """Jump to an actor, quote or timeline event of the open report by (fuzzy) name or text."""

    def _targets(self) -> list[tuple[str, str, str, str]]:
        screen: ReportScreen = self.screen  # type: ignore[assignment]
        b = getattr(screen, "briefing", None)
        if b is None:
            return []
        out: list[tuple[str, str, str, str]] = []
        for a in b.actors:
            out.append(("Actor", one_line(a.name, 80), "actors", a.id))
        for q in b.quotes:
            who = q.speaker.text if q.speaker else ""
            out.append(("Quote", one_line(f"“{q.text}” {who}", 100), "quotes", q.id))
        for ev in b.timeline:
            out.append(("Event", one_line(f"{ev.when.text} {ev.description}", 100), "timeline", ev.id))
        return out

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen: ReportScreen = self.screen  # type: ignore[assignment]
        for kind, label, pane_id, key in self._targets():
            score, offsets = matcher.fuzzy_search.match(query, label)
            if score > 0:
                yield Hit(
                    score * (1.1 if kind == "Actor" else 1.0),
                    Content.assemble((f"{kind}: ", "dim"), highlight(label, offsets)),
                    partial(screen.jump, pane_id, key),
                    text=f"{kind}: {label}",
                    help=f"Jump to this {kind.lower()} in the {pane_id} pane",
                )
