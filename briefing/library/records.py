"""A parsed Briefing flattened into the rows the index stores. Built in the worker processes, so the
process that writes SQLite only inserts rows (and never serialises or compresses a Briefing itself).
"""

from __future__ import annotations

import json
import zlib
from operator import attrgetter
from typing import NamedTuple

from ..model import Actor, Briefing
from .names import name_key, surname_key


class ActorRow(NamedTuple):
    actor_id: str
    name: str
    name_key: str
    surname_key: str | None
    kind: str
    titles: str  # JSON list
    affiliation: str | None
    aliases: str  # JSON list
    alias_keys: tuple[tuple[str, bool], ...]  # (key, is the person's surname)
    mentions: int
    first_start: int | None
    first_end: int | None
    salience: float


class QuoteRow(NamedTuple):
    pos: int
    quote_id: str
    speaker_actor_id: str | None
    speaker: str | None
    anonymous: bool
    text: str
    kind: str
    cue: str | None
    start: int
    end: int


class EventRow(NamedTuple):
    pos: int
    event_id: str
    description: str
    when_text: str
    value: str
    date_start: str | None
    date_end: str | None
    granularity: str | None
    relative: bool
    start: int
    end: int
    when_start: int | None
    when_end: int | None
    actor_ids: tuple[str, ...]


class Record(NamedTuple):
    title: str | None
    published: str | None
    outlet: str | None
    byline: str | None
    format: str
    text: str
    actors_text: str
    quotes_text: str
    blob: bytes  # zlib-compressed Briefing JSON
    actors: list[ActorRow]
    quotes: list[QuoteRow]
    events: list[EventRow]


def compress(b: Briefing) -> bytes:
    # Level 1: a fifth larger than level 6 at less than half the CPU, which indexing spends per report.
    return zlib.compress(b.model_dump_json().encode("utf-8", "surrogatepass"), 1)


def decompress(blob: bytes) -> Briefing:
    return Briefing.model_validate_json(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


# Names repeat across the reports of a library (and a worker process indexes thousands): their keys are
# remembered, up to a bound.
_KEYS: dict[str, str] = {}
_start_of = attrgetter("start")


def _key(name: str) -> str:
    k = _KEYS.get(name)
    if k is None:
        k = name_key(name)
        if len(_KEYS) < 100_000:
            _KEYS[name] = k
    return k


def _json_list(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False) if items else "[]"


def _actor_row(a: Actor) -> ActorRow:
    key = _key(a.name)
    surname = surname_key(key) if a.kind == "person" else None
    alias_keys: dict[str, bool] = {}
    for alias in a.aliases:
        k = _key(alias)
        if k and k != key:
            alias_keys[k] = k == surname
    first = min(a.mentions, key=_start_of, default=None)
    return ActorRow(
        actor_id=a.id, name=a.name, name_key=key, surname_key=surname, kind=a.kind,
        titles=_json_list(a.titles), affiliation=a.affiliation,
        aliases=_json_list(a.aliases), alias_keys=tuple(alias_keys.items()),
        mentions=len(a.mentions), first_start=first.start if first else None,
        first_end=first.end if first else None, salience=float(a.salience),
    )


def record(b: Briefing) -> Record:
    actors = [_actor_row(a) for a in b.actors if a.name.strip()]
    quotes = [
        QuoteRow(
            pos=i, quote_id=q.id, speaker_actor_id=q.speaker.actor_id if q.speaker else None,
            speaker=q.speaker.text if q.speaker else None, anonymous=bool(q.speaker and q.speaker.anonymous),
            text=q.text, kind=q.kind, cue=q.cue, start=q.span.start, end=q.span.end,
        )
        for i, q in enumerate(b.quotes)
    ]
    events = [
        EventRow(
            pos=i, event_id=e.id, description=e.description, when_text=e.when.text, value=e.when.value,
            date_start=e.when.start.isoformat() if e.when.start else None,
            date_end=e.when.end.isoformat() if e.when.end else None,
            granularity=e.when.granularity, relative=e.when.relative, start=e.span.start, end=e.span.end,
            when_start=e.when.span.start if e.when.span else None,
            when_end=e.when.span.end if e.when.span else None, actor_ids=tuple(e.actor_ids),
        )
        for i, e in enumerate(b.timeline)
    ]
    actors_text = "\n".join(
        " ".join(filter(None, [a.name, *a.aliases, *a.titles, a.affiliation or ""])) for a in b.actors
    )
    quotes_text = "\n".join(" ".join(filter(None, [q.text, q.speaker.text if q.speaker else ""])) for q in b.quotes)
    return Record(
        title=b.title, published=b.published.isoformat() if b.published else None, outlet=b.outlet,
        byline=b.byline, format=b.source.format, text=b.text, actors_text=actors_text, quotes_text=quotes_text,
        blob=compress(b), actors=actors, quotes=quotes, events=events,
    )
