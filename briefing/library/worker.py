"""Read, hash and parse reports: the work the process pool runs (and what runs inline for a few files).

Everything a worker returns is plain data (tuples, strings, bytes) so results cross the process boundary
cheaply. A report that cannot be read or parsed comes back as a one-line reason, never an exception.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..load import LoadError, read_bytes
from ..model import Briefing
from .records import Record, record

ParseFn = Callable[[bytes, str], Briefing]


class Task(NamedTuple):
    path: str
    known_sha: str | None  # the content hash already indexed: equal content is not parsed again
    max_bytes: int


class Outcome(NamedTuple):
    # "parsed" | "same" (content unchanged, only the stat moved) | "skip" (the file's fault: remembered)
    # | "lost" (the parser process died: reported, tried again next refresh)
    kind: str
    path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    record: Record | None = None
    reason: str | None = None


def default_parse(data: bytes, path: str) -> Briefing:
    from ..pipeline import parse_bytes

    return parse_bytes(data, path=path)


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def process(task: Task, parse: ParseFn | None = None) -> Outcome:
    path = task.path
    try:
        # Stat before reading: if the file changes while we read, the stored stat is the older one and
        # the next refresh looks again.
        st = os.stat(path)
    except OSError as exc:
        return Outcome("skip", path, 0, 0, reason=exc.strerror or str(exc))
    size, mtime = st.st_size, st.st_mtime_ns
    try:
        data = read_bytes(path, task.max_bytes)
    except LoadError as exc:
        return Outcome("skip", path, size, mtime, reason=str(exc))
    sha = hashlib.sha256(data).hexdigest()
    if sha == task.known_sha:
        return Outcome("same", path, size, mtime, sha)
    try:
        rec = record((parse or default_parse)(data, path))
    except LoadError as exc:
        return Outcome("skip", path, size, mtime, sha, reason=str(exc))
    except (MemoryError, RecursionError):
        return Outcome("skip", path, size, mtime, sha, reason="too large or too deeply nested to parse")
    except Exception as exc:  # an extractor bug must cost one report, not the whole index
        return Outcome("skip", path, size, mtime, sha, reason=_one_line(f"parser error: {type(exc).__name__}: {exc}"))
    return Outcome("parsed", path, size, mtime, sha, rec)


def process_chunk(tasks: Sequence[Task], parse: ParseFn | None = None) -> list[Outcome]:
    return [process(t, parse) for t in tasks]


def warm_up() -> None:
    """Import the parser before the first task arrives (pool initializer)."""
    from .. import pipeline  # noqa: F401
