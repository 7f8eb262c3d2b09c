"""Where the reader's reports come from: which files, their one-line summaries, parsed briefings.

The library screen talks to `ReportSource` (a list of `ReportEntry` plus a way to load one):
`FileLibrary` here for the files of one report opened directly, `library_source.IndexedLibrary` (the
SQLite index, with search, dossiers and the story timeline) for folders and several files.
Nothing here imports Textual; parsing happens wherever the caller runs it (the UI uses a worker).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..model import Briefing

REPORT_SUFFIXES = (".md", ".markdown", ".txt")
# Files that live next to reports but are not reports.
_NOT_REPORTS = re.compile(
    r"^(readme|license|licence|copying|notice|authors|contributors|contributing|changelog|changes|"
    r"history|news|code_of_conduct|security|support|todo|requirements.*|cmakelists)([._-].*)?$",
    re.IGNORECASE,
)

ParseFn = Callable[[Path], "Briefing"]


@dataclass
class ReportEntry:
    """One report as the library lists it. `error` is set when it cannot be opened."""

    path: Path
    title: str
    published: dt.date | None = None
    outlet: str | None = None
    actors: int = 0
    quotes: int = 0
    events: int = 0
    loaded: bool = False
    error: str | None = None

    @property
    def location(self) -> str:
        """The path as text (the library list's row key)."""
        return str(self.path)

    @property
    def file_name(self) -> str:
        return self.path.name

    @classmethod
    def pending(cls, path: Path) -> ReportEntry:
        return cls(path=path, title=path.name)

    @classmethod
    def of(cls, path: Path, briefing: Briefing) -> ReportEntry:
        return cls(
            path=path,
            title=(briefing.title or "").strip() or path.name,
            published=briefing.published,
            outlet=briefing.outlet,
            actors=len(briefing.actors),
            quotes=len(briefing.quotes),
            events=len(briefing.timeline),
            loaded=True,
        )


class ReportSource(Protocol):
    """What the library screen and the report screens need from a collection of reports."""

    def entries(self) -> list[ReportEntry]:
        """Every report, as known now (possibly not yet parsed: `loaded` is False)."""
        ...

    def refresh_entry(self, path: Path) -> ReportEntry:
        """Parse (or fetch from cache) one report's entry. Blocking: call from a worker."""
        ...

    def briefing(self, path: Path, fresh: bool = False) -> Briefing:
        """The parsed report (`fresh`: parse again even if cached). Blocking: call from a worker.
        Raises on unreadable input."""
        ...


def is_report_name(path: Path) -> bool:
    return path.suffix.lower() in REPORT_SUFFIXES and not _NOT_REPORTS.match(path.name) \
        and not path.name.startswith(".")


def reports_in(folder: Path) -> list[Path]:
    """Report files directly inside `folder` (not recursive), sorted by name. Never raises."""
    try:
        names = sorted(os.scandir(folder), key=lambda e: e.name.lower())
    except OSError:
        return []
    out: list[Path] = []
    for e in names:
        p = Path(e.path)
        if not is_report_name(p):
            continue
        try:
            if e.is_file():  # follows symlinks; loops and FIFOs are skipped here
                out.append(p)
        except OSError:
            continue
    return out


@dataclass
class Inputs:
    """What the command line asked to open."""

    paths: list[Path]  # report files (a folder's own reports, not those in its sub-folders)
    library: bool  # True: start on the library screen; False: open the single report directly
    problems: list[str]  # "PATH: reason" for arguments that could not be used
    # What an indexed library covers: folders as given (recursively) and files.
    roots: list[Path] = field(default_factory=list)


def resolve_inputs(args: Sequence[str], samples: Path, use_samples: bool = False,
                   cwd: Path | None = None) -> Inputs:
    """Turn `briefing [PATH ...]` into report paths.

    No argument: the reports in the current directory, else the bundled samples. A folder expands to
    its reports. One file opens directly; anything more opens the library.
    """
    problems: list[str] = []
    if use_samples or not args:
        here = [] if use_samples else reports_in(cwd or Path.cwd())
        if here:
            return Inputs(here, len(here) > 1, [], list(here))
        found = reports_in(samples)
        if not found:
            problems.append(f"{samples}: no bundled sample reports found")
        return Inputs(found, True, problems, list(found))

    paths: list[Path] = []
    roots: list[Path] = []
    any_folder = False
    for arg in args:
        p = Path(arg)
        try:
            if p.is_dir():
                any_folder = True
                found = reports_in(p)
                if found or has_nested_reports(p):
                    roots.append(p)
                else:
                    problems.append(f"{arg}: no reports (*.md, *.markdown, *.txt) in this folder")
                paths.extend(found)
            elif p.exists():
                paths.append(p)
                roots.append(p)
            elif p.is_symlink():
                problems.append(f"{arg}: broken or looping symbolic link")
            else:
                problems.append(f"{arg}: no such file")
        except OSError as exc:  # symlink loops, permission problems on the parent
            problems.append(f"{arg}: {exc.strerror or exc}")
    # Unique, keeping order: `briefing a.md a.md` is one report.
    seen: set[Path] = set()
    unique = [p for p in paths if not (p.resolve() in seen or seen.add(p.resolve()))]  # type: ignore[func-returns-value]
    return Inputs(unique, any_folder or len(unique) > 1, problems, roots)


def has_nested_reports(folder: Path) -> bool:
    """True if a sub-folder (at any depth, hidden ones left out) holds a report. Stops at the first."""
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if top != str(folder) and any(is_report_name(Path(f)) for f in files):
            return True
    return False


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class FileLibrary:
    """Reports given as files; parses on demand and caches (briefings: a few; entries: all)."""

    def __init__(self, paths: Iterable[Path], parse: ParseFn, keep: int = 8) -> None:
        self._paths = list(paths)
        self._parse = parse
        self._entries: dict[Path, ReportEntry] = {p: ReportEntry.pending(p) for p in self._paths}
        self._cache: OrderedDict[Path, tuple[tuple[int, int] | None, Briefing]] = OrderedDict()
        self._keep = keep
        self._lock = threading.Lock()  # workers for the library and a report may parse at once

    def entries(self) -> list[ReportEntry]:
        return [self._entries[p] for p in self._paths]

    def paths(self) -> list[Path]:
        return list(self._paths)

    def briefing(self, path: Path, fresh: bool = False) -> Briefing:
        stamp = _stamp(path)
        with self._lock:
            hit = None if fresh else self._cache.get(path)
            if hit is not None and hit[0] == stamp and stamp is not None:
                self._cache.move_to_end(path)
                return hit[1]
        try:
            b = self._parse(path)
        except Exception as exc:
            self._entries[path] = ReportEntry(path=path, title=path.name, loaded=True, error=describe_error(exc))
            raise
        with self._lock:
            self._cache[path] = (stamp, b)
            self._cache.move_to_end(path)
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
        self._entries[path] = ReportEntry.of(path, b)
        return b

    def refresh_entry(self, path: Path) -> ReportEntry:
        with contextlib.suppress(Exception):  # the entry now carries the error
            self.briefing(path)
        return self._entries[path]


def describe_error(exc: BaseException) -> str:
    """One line for the user: the loader's reason, or the exception's class and message."""
    from ..load import LoadError

    if isinstance(exc, LoadError):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
