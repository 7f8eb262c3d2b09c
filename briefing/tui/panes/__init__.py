"""The report screen's list panes, in key order: summary (1), actors (2), quotes (3), timeline (4)."""

from __future__ import annotations

from . import actors, quotes, summary, timeline
from .base import Lookup, Pane, PaneSpec

PANES: list[PaneSpec] = [summary.SPEC, actors.SPEC, quotes.SPEC, timeline.SPEC]

__all__ = ["PANES", "Lookup", "Pane", "PaneSpec"]
