"""What the library hands to the UI and the commands: small records, plain text only.

They are slotted dataclasses, not frozen (construction is three times faster, which matters for a
timeline of 100,000 events): treat them as read-only. Every text field is report text as written
(titles, snippets, quotes): show it with `rich.text.Text` or as a plain string, never through markup.
Offsets (`offset`, `start`, `end`) are character offsets into that report's `Briefing.text`, so the
reader can open the report at them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Literal


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates, tuples → JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.metadata.get("json", True)}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@dataclass(slots=True)
class LibraryEntry:
    path: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    byline: str | None
    chars: int
    actors: int
    quotes: int
    events: int

    @property
    def display_title(self) -> str:
        return self.title or os.path.basename(self.path)


@dataclass(slots=True)
class SearchHit:
    path: str
    title: str | None
    published: dt.date | None
    score: float  # higher is better (negated bm25); 0.0 when too many reports matched to rank them by
    # relevance (more than search.RANK_MAX): those come newest first
    offset: int | None  # where the best hit starts in the report text; None if only metadata matched
    end: int | None  # where it ends
    line: int | None  # 1-based line of `offset`, for people and editors
    snippet: str  # one line of plain text around the hit
    highlights: tuple[tuple[int, int], ...] = ()  # matched ranges inside `snippet`


@dataclass(slots=True)
class Progress:
    phase: Literal["scan", "parse", "done"]
    done: int  # files processed in this phase
    total: int
    committed: int  # results written to the index so far (entries() already shows them)
    skipped: int
    path: str | None = None  # the last file processed


@dataclass(slots=True)
class RefreshStats:
    found: int = 0  # report files under the roots
    parsed: int = 0
    unchanged: int = 0  # stat unchanged: not even read
    same_content: int = 0  # stat changed, content hash unchanged: read, not parsed
    removed: int = 0
    skipped: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0  # processes used for parsing (0: parsed in this process)
    cancelled: bool = False
    cache_rebuilt: bool = False


@dataclass(slots=True)
class StoryEvent:
    path: str
    report_title: str | None
    published: dt.date | None
    event_id: str
    description: str
    when_text: str
    value: str  # TIMEX3 value
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str | None
    relative: bool
    start: int  # the event's sentence in the report text
    end: int
    when_start: int | None
    when_end: int | None
    actors: tuple[str, ...] = ()  # actor names in that report


@dataclass(slots=True)
class DossierReport:
    path: str
    title: str | None
    published: dt.date | None
    name: str  # the actor's name in that report
    kind: str
    titles: tuple[str, ...]
    affiliation: str | None
    mentions: int
    first_start: int | None  # first mention in the report text
    first_end: int | None


@dataclass(slots=True)
class TitleSpan:
    title: str
    first: dt.date | None
    last: dt.date | None
    reports: int


@dataclass(slots=True)
class DossierQuote:
    path: str
    report_title: str | None
    published: dt.date | None
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    start: int
    end: int


@dataclass(slots=True)
class Candidate:
    name: str
    reports: int


@dataclass(slots=True)
class Dossier:
    query: str
    name: str  # the fullest name the actor goes by
    kind: str | None
    aliases: list[str]  # every other name it goes by across the reports
    reports: list[DossierReport]  # every report, ordered by date (undated last)
    titles: list[TitleSpan]  # ordered by first appearance
    quotes: list[DossierQuote]  # by date: all of them, or the first `limit` (see `quote_count`)
    events: list[StoryEvent]  # in story order: all, or the first `limit` (see `event_count`)
    # When the query is a surname several people share, they are listed here and not merged.
    candidates: list[Candidate] = field(default_factory=list)
    quote_count: int = 0  # all the actor's quotes, also those not in `quotes` yet
    event_count: int = 0
    # Index rows of the merged actor, for `Library.dossier_quotes/_events` paging; valid until a refresh.
    actor_rows: list[int] = field(default_factory=list, repr=False, metadata={"json": False})
