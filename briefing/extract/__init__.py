"""The extraction pipeline: pure steps over one Document, in order.

Each step is a module with `run(doc, found) -> Briefing`: it reads the Document and what earlier steps
found, and returns a copy of `found` with its own part filled in. Adding an extractor means adding a
module and one line to `STEPS`. A step reads the explicit section it owns (`## Actors` for actors, ...;
see `sections.py`) as written and mines the rest of the prose.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..model import Briefing
from . import actors, metadata, quotes, summary, timeline, timex

Step = Callable[[Document, Briefing], Briefing]

STEPS: list[Step] = [
    metadata.run,   # title, outlet, byline, published date (the reference date for timex)
    actors.run,
    quotes.run,
    timex.run,
    timeline.run,
    summary.run,
]


def run_steps(doc: Document, found: Briefing) -> Briefing:
    for step in STEPS:
        found = step(doc, found)
    return found
