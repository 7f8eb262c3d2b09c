"""Placeholder until the extraction issue fills it in."""

from __future__ import annotations

from ..document import Document
from ..model import Briefing


def run(doc: Document, found: Briefing) -> Briefing:
    return found
