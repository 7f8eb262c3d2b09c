"""Helpers for the reader's tests over the index: small reports with known events, an indexed library
in the test's own cache folder, and the reader on it.

Reports get their actors, quotes and events from `library_fakes.FakeParser`, so the tests do not depend
on how good extraction is; `workers=0` parses in the indexing thread (no process pool).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from library_fakes import FakeParser, Report
from tui_fixtures import reader
from tui_fixtures import wait_for as wait_briefly

from briefing.model import Briefing
from briefing.tui.library_source import IndexedLibrary
from briefing.tui.screens.library import LibraryScreen


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Indexing runs in a thread: on a busy machine it can take a few seconds."""
    await wait_briefly(pilot, condition, timeout)


def md(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\nsource: Meridian News\n---\n\n# {title}\n\n{body}\n"


REPORTS = {
    "port.md": (md("Port strike spreads to Sines", "2024-10-08",
                   "Dockworkers walked out at dawn. The harbour pilots joined them by noon.\n\n"
                   "Cargo ships waited offshore while the union counted its members."),
                Report(events=[("2024-10-07", "Dockworkers walked out at dawn", []),
                               ("2024-10-08", "The harbour pilots joined them by noon", [])])),
    "drought.md": (md("Drought talks stall in Badajoz", "2024-03-04",
                      "Farmers and the water board met again. The reservoir stands at a record low."),
                   Report(events=[("2024-03-01", "Farmers and the water board met again", [])])),
    "wind.md": (md("Wind farms off Gdansk", "2024-06-15",
                   "Engineers said the turbines went up faster than planned."),
                Report(events=[("2024-06-14", "Engineers said the turbines went up faster than planned", [])])),
}


def write_all(folder: Path, reports: dict[str, tuple[str, Report]]) -> FakeParser:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, _) in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return FakeParser({name: spec for name, (_, spec) in reports.items()})


def indexed(folder: Path, parse: object, cache: Path, **kwargs: object) -> IndexedLibrary:
    return IndexedLibrary.open([folder], cache_dir=cache, workers=0, parse=parse, **kwargs)  # type: ignore[arg-type]


def library_app(source: IndexedLibrary, size: tuple[int, int] = (100, 30)):  # type: ignore[no-untyped-def]
    return reader([], size=size, wait=False, library=source, library_mode=True)


def lib_screen(app) -> LibraryScreen:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, LibraryScreen)
    return app.screen


def idle(source: IndexedLibrary) -> bool:
    return source.state.runs > 0 and not source.state.running


class GatedParser(FakeParser):
    """Blocks parsing the named files until the test opens the gate (to look at the screen mid-index).
    Other files take a little while, so the indexer reports progress (it does so at most 10 times/s)."""

    def __init__(self, reports: dict[str, Report], gated: set[str]) -> None:
        super().__init__(reports)
        self.gated = gated
        self.gate = threading.Event()

    def __call__(self, data: bytes, path: str) -> Briefing:
        if Path(path).name in self.gated:
            assert self.gate.wait(10), "the test never opened the gate"
        else:
            time.sleep(0.12)
        return super().__call__(data, path)


