"""Test helpers for the library: a parse function that counts its calls and gives reports known actors,
quotes and events (so library tests do not depend on how good extraction is today).

The real pipeline still builds text, blocks, title and date; only actors, quotes and the timeline are
replaced by what the test declares, with spans found in the real text.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field

from briefing.model import Actor, Briefing, Event, EventTime, Quote, Span, Speaker
from briefing.pipeline import parse_bytes


@dataclass
class Report:
    """What a test report contains: actors (name, kind, titles, aliases), quotes, dated events."""

    actors: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quoted text, speaker name)
    # (YYYY-MM-DD or None for an undated "recently", description, actor names)
    events: list[tuple[str | None, str, list[str]]] = field(default_factory=list)


def _spans(text: str, needle: str) -> list[Span]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append(Span(start=i, end=i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def annotate(b: Briefing, spec: Report) -> Briefing:
    text = b.text
    actors = []
    for n, (name, kind, titles, aliases) in enumerate(spec.actors):
        mentions = sorted({s for form in [name, *aliases] for s in _spans(text, form)}, key=lambda s: s.start)
        actors.append(Actor(id=f"a{n}", name=name, kind=kind, titles=titles, aliases=aliases,  # type: ignore[arg-type]
                            mentions=mentions))
    ids = {a.name: a.id for a in actors}
    quotes = []
    for n, (said, speaker) in enumerate(spec.quotes):
        span = _spans(text, said)[0]
        quotes.append(Quote(id=f"q{n}", text=said, span=span, kind="direct",
                            speaker=Speaker(text=speaker, actor_id=ids.get(speaker)), cue="said"))
    events = []
    for n, (day, description, who) in enumerate(spec.events):
        span = _spans(text, description)[0]
        if day is None:
            when = EventTime(text="recently", value="PAST_REF", relative=True)
        else:
            d = dt.date.fromisoformat(day)
            when = EventTime(text=day, value=day, start=d, end=d, granularity="day")
        events.append(Event(id=f"e{n}", when=when, description=description, actor_ids=[ids[w] for w in who],
                            span=span))
    return b.model_copy(update={"actors": actors, "quotes": quotes, "timeline": events})


class FakeParser:
    """`parse(data, path)` for `Library(parse=...)`: counts calls per file name."""

    def __init__(self, reports: dict[str, Report] | None = None) -> None:
        self.reports = reports or {}
        self.calls: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def __call__(self, data: bytes, path: str) -> Briefing:
        name = os.path.basename(path)
        self.calls[name] += 1
        b = parse_bytes(data, path=path)
        return annotate(b, self.reports.get(name, Report()))
