"""file → loader → Document → extractors → Briefing. The public `parse_*` functions live here."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from . import document
from .extract import run_steps
from .load import DEFAULT_MAX_BYTES, Loaded, decode, format_for, load_text, read_bytes
from .model import Briefing, SourceInfo, trusted

Format = Literal["auto", "text", "markdown"]


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _path_text(path: str | None) -> str | None:
    """The path as JSON-safe text: undecodable file-name bytes (surrogate escapes) become `\\xNN`."""
    if path is None:
        return None
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _check_format(format: str) -> None:
    if format not in ("auto", "text", "markdown"):
        raise ValueError(f"format must be 'auto', 'text' or 'markdown', not {format!r}")


class _GcPause:
    """Pause the cyclic GC while parsing.

    A parse allocates many small objects and no cycles; with the GC on, its full collections made big
    reports cost superlinear time (64x the text took 6x the time of 16x). Thread-safe: the GC comes
    back on when the last concurrent parse ends, if it was on before the first began.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._restore = False

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._holders == 0:
                self._restore = gc.isenabled()
                gc.disable()
            self._holders += 1
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0 and self._restore:
                    gc.enable()


_gc_paused = _GcPause()
_new_briefing = trusted(Briefing)
_new_source = trusted(SourceInfo)


def _build(loaded: Loaded, fmt: str, reference_date: dt.date | None) -> Briefing:
    with _gc_paused():
        return _build_unpaused(loaded, fmt, reference_date)


def _build_unpaused(loaded: Loaded, fmt: str, reference_date: dt.date | None) -> Briefing:
    doc = document.build(loaded.text, format=fmt, front_matter=loaded.front_matter,
                         front_matter_end=loaded.front_matter_end)
    # Every value here is made by the loader and the Document: no validation (see `model.trusted`).
    start = _new_briefing(
        id=hashlib.sha256(loaded.text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        source=_new_source(path=_path_text(loaded.path), format=fmt, encoding=loaded.encoding, size=loaded.size),
        text=loaded.text,
        published=reference_date,
        published_from="option" if reference_date else None,
        blocks=doc.blocks,
        sentences=doc.sentence_models(),
        diagnostics=list(loaded.diagnostics),
    )
    return run_steps(doc, start)


def parse_text(
    text: str,
    *,
    reference_date: dt.date | dt.datetime | str | None = None,
    format: Format = "auto",
    path: str | None = None,
) -> Briefing:
    """Parse report text. `reference_date` resolves relative dates ("last week", "Tuesday")."""
    _check_format(format)
    fmt = format_for(path, text, format)
    loaded = load_text(text, path=path, parse_front_matter=fmt == "markdown")
    return _build(loaded, fmt, _as_date(reference_date))


def parse_bytes(
    data: bytes,
    *,
    reference_date: dt.date | dt.datetime | str | None = None,
    format: Format = "auto",
    path: str | None = None,
) -> Briefing:
    """Parse raw report bytes (decoded as `briefing.load` describes). Raises `LoadError` on binary input."""
    _check_format(format)
    text, encoding, diags = decode(data)
    fmt = format_for(path, text, format)
    loaded = load_text(text, encoding=encoding, size=len(data), path=path,
                       parse_front_matter=fmt == "markdown", diagnostics=diags)
    return _build(loaded, fmt, _as_date(reference_date))


def parse_file(
    path: str | os.PathLike[str],
    *,
    reference_date: dt.date | dt.datetime | str | None = None,
    format: Format = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Briefing:
    """Read and parse a report file. Raises `LoadError` (one-line reason) if it cannot be read."""
    data = read_bytes(path, max_bytes)
    return parse_bytes(data, reference_date=reference_date, format=format, path=os.fspath(path))
