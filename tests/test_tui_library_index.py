"""The library screen over the index: opening from it with progress, search → open at the hit, the
list filter, skipped files, quitting mid-index, hostile text in titles and snippets, and which
command lines open the index.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from library_fakes import FakeParser, Report
from library_ui import REPORTS, GatedParser, idle, indexed, lib_screen, library_app, md, wait_for, write_all
from tui_fixtures import marks, report_loaded, screen_text, shows, title_of

from briefing.library import api as library_api
from briefing.model import Briefing
from briefing.tui.library_source import IndexedLibrary, live_query, open_for_reader
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.report import ReportScreen
from briefing.tui.screens.skipped import SkippedScreen
from briefing.tui.screens.story import StoryScreen
from briefing.tui.sources import resolve_inputs

SAMPLES = Path(__file__).resolve().parent.parent / "sample_reports"



async def test_library_opens_from_the_index_shows_progress_and_new_entries_appear(tmp_path: Path) -> None:
    root = tmp_path / "r"
    parser = write_all(root, {k: REPORTS[k] for k in ("port.md", "drought.md")})
    first = indexed(root, parser, tmp_path / "c")
    first.lib.refresh()  # the index exists from an earlier session
    first.close()
    (root / "wind.md").write_text(REPORTS["wind.md"][0], encoding="utf-8")
    (root / "later.md").write_text(md("Later report", "2024-11-01", "Nothing happened."), encoding="utf-8")
    (root / "scan.md").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    gated = GatedParser({k: v[1] for k, v in REPORTS.items()}, gated={"wind.md"})
    source = indexed(root, gated, tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            # What the index knew is listed at once, while the new files are still being parsed.
            await wait_for(pilot, lambda: "Port strike spreads to Sines" in screen_text(app)
                           and "indexing" in screen_text(app))
            text = screen_text(app)
            assert "Drought talks stall in Badajoz" in text and "2 reports" in text
            assert "Wind farms off Gdansk" not in text
            progress = lib_screen(app).query_one("#index-progress")
            await wait_for(pilot, lambda: "/ 3" in progress.text)  # later.md, scan.md, wind.md to read
            assert progress.text.startswith("indexing ") and progress.display
            await pilot.press("j")  # the list is usable meanwhile
            assert lib_screen(app).reports.cursor == 1
            gated.gate.set()
            await wait_for(pilot, lambda: idle(source) and "Wind farms off Gdansk" in screen_text(app))
            text = screen_text(app)
            assert "4 reports" in text and "Later report" in text and "indexing" not in text
            assert set(gated.calls) == {"later.md", "scan.md", "wind.md"}  # the indexed ones were not parsed again
            # The unreadable file is reported once, as a count with a way to see it.
            assert "1 file skipped (w lists them)" in text
            assert sum("skipped" in str(n.message) for n in app._notifications) == 1
            await pilot.press("w")
            assert isinstance(app.screen, SkippedScreen)
            await shows(pilot, app, "scan.md")
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)
            # Opening a report reads the cached briefing.
            await pilot.press("g", "enter")
            await wait_for(pilot, lambda: report_loaded(app))
            assert app.screen.path.name == "later.md"
            assert gated.calls["later.md"] == 1
    finally:
        source.close()


async def test_search_opens_the_report_at_the_hit(tmp_path: Path) -> None:
    root = tmp_path / "r"
    source = indexed(root, write_all(root, REPORTS), tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Wind farms" in screen_text(app))
            await pilot.press("slash", *"reservo")  # the word being typed matches as a prefix
            lib = lib_screen(app)
            await wait_for(pilot, lambda: len(lib.results or ()) == 1 and not lib._searching)
            text = screen_text(app)
            assert "Drought talks stall in Badajoz" in text and "2024-03-04" in text
            assert "The reservoir stands" in text
            assert "Port strike" not in text  # the results replace the list
            # The matched word is styled in the snippet (the match style, from the stylesheet).
            assert lib.order() == [str(root / "drought.md")]
            await pilot.press("enter")  # leaves the search box, keeps the results
            assert lib.reports.has_focus
            await pilot.press("enter")
            await wait_for(pilot, lambda: report_loaded(app))
            screen = app.screen
            assert isinstance(screen, ReportScreen) and screen.path.name == "drought.md"
            assert screen.source.has_focus
            await marks(pilot, screen.source, lambda shown: shown.lower() == "reservoir")
            assert "search: reservo" in title_of(screen.source)
            await pilot.press("o")
            assert lib_screen(app).searching  # the results are still there
            await pilot.press("escape")  # and escape restores the list
            assert not lib.searching and lib.reports.shown == 3
            await shows(pilot, app, "Port strike")
    finally:
        source.close()


async def test_search_highlights_matched_words_with_a_style_not_markup(tmp_path: Path) -> None:
    root = tmp_path / "r"
    source = indexed(root, write_all(root, REPORTS), tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source))
            await pilot.press("slash", *"harbour pilots", "enter")
            lib = lib_screen(app)
            await wait_for(pilot, lambda: len(lib.results or ()) == 1 and not lib._searching)
            item = lib.reports.selected
            assert item is not None
            detail = item.detail
            styled = {detail.plain[s.start : s.end] for s in detail.spans if s.style == ".library--match"}
            assert styled == {"harbour", "pilots"}
            assert "[" not in detail.plain  # plain text, no markup made it in
    finally:
        source.close()


async def test_f_filters_the_list_and_search_is_separate(tmp_path: Path) -> None:
    root = tmp_path / "r"
    source = indexed(root, write_all(root, REPORTS), tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Wind farms" in screen_text(app))
            lib = lib_screen(app)
            await pilot.press("f", *"badaj")
            assert [Path(p).name for p in lib.order()] == ["drought.md"]
            await pilot.press("enter", "escape")
            assert lib.reports.shown == 3
            await pilot.press("slash", *"nothingmatchesthis", "enter")
            await wait_for(pilot, lambda: lib.searching and not lib._searching)
            assert "No report matches" in screen_text(app)
            await pilot.press("escape")
            assert not lib.searching and lib.reports.shown == 3
    finally:
        source.close()


HOSTILE_TITLE = "[bold red]Breaking[/] [@click=app.quit]news[/]"


async def test_hostile_titles_and_snippets_render_literally(tmp_path: Path) -> None:
    root = tmp_path / "r"
    text = (f"---\ntitle: \"{HOSTILE_TITLE}\"\ndate: 2024-10-08\n---\n\n"
            "[Reuters] The [/b] tag closes nothing and [@click=app.quit]zebra[/] stays text. "
            "Escape \x1b[2J here and bidi \u202eevil\u202c zebra.\n")
    (root).mkdir()
    (root / "hostile.md").write_text(text, encoding="utf-8")
    parser = FakeParser({"hostile.md": Report(events=[("2024-10-07", "The [/b] tag closes nothing", [])])})
    source = indexed(root, parser, tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Breaking" in screen_text(app))
            assert HOSTILE_TITLE in screen_text(app)
            await pilot.press("slash", *"zebra", "enter")
            lib = lib_screen(app)
            await wait_for(pilot, lambda: len(lib.results or ()) == 1 and not lib._searching)
            shown = screen_text(app)
            assert HOSTILE_TITLE in shown
            assert "[@click=app.quit]zebra[/]" in shown or "[/b] tag" in shown
            assert "\x1b" not in shown and "\u202e" not in shown
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen) and app.screen.pager is not None)
            shown = screen_text(app)
            assert "The [/b] tag closes nothing" in shown and HOSTILE_TITLE in shown
            assert app.is_running  # no [@click=app.quit] ran
    finally:
        source.close()


def test_live_query_matches_the_word_being_typed_as_a_prefix() -> None:
    assert live_query("netan") == "netan*"
    assert live_query("port strike") == "port strike*"
    assert live_query("port ") == "port"  # a space ends the word
    assert live_query('"cease fire"') == '"cease fire"'
    assert live_query('"cease fi') == '"cease fi'  # inside an open phrase
    assert live_query("gall*") == "gall*" and live_query("  ") == "" and live_query("a-") == "a-"


def test_folders_open_an_index_recursively_and_no_cache_keeps_it_in_memory(tmp_path: Path) -> None:
    nested = tmp_path / "corpus" / "part1"
    nested.mkdir(parents=True)
    (nested / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    inputs = resolve_inputs([str(tmp_path / "corpus")], SAMPLES)
    assert inputs.library and not inputs.problems and inputs.roots == [tmp_path / "corpus"]
    args = argparse.Namespace(no_cache=True, workers=0, max_bytes=None, date=None)
    source = open_for_reader(args, inputs)
    assert source is not None
    try:
        assert source.lib.db_path is None  # --no-cache: nothing on disk
        source.lib.refresh()
        assert [e.path.name for e in source.entries()] == ["a.md"]
    finally:
        source.close()
    single = resolve_inputs([str(nested / "a.md")], SAMPLES)
    assert open_for_reader(args, single) is None  # one report opens directly, without the index


async def test_quitting_while_indexing_stops_the_indexer(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    for i in range(30):
        (root / f"r{i:02}.md").write_text(md(f"Report {i}", "2024-01-01", "Body."), encoding="utf-8")
    gated = GatedParser({}, gated={f"r{i:02}.md" for i in range(1, 30)})
    source = indexed(root, gated, tmp_path / "c")
    try:
        async with library_app(source) as (_app, pilot):
            await wait_for(pilot, lambda: source.state.done >= 1)
            threading.Timer(0.3, gated.gate.set).start()  # the parse in progress ends after we quit
            await pilot.press("q")
        for _ in range(250):
            if not source.state.running:
                break
            await asyncio.sleep(0.02)
        assert not source.state.running and source.state.cancelled
        assert gated.total <= 3  # the first file, the one in progress; not the 28 others
    finally:
        source.close()


# -- search while indexing -----------------------------------------------------------------------------


class PermitParser(FakeParser):
    """Parses a report only when the test allows one more (`allow(n)`), to look at the screen between."""

    def __init__(self) -> None:
        super().__init__()
        self.permits = threading.Semaphore(0)

    def allow(self, n: int) -> None:
        self.permits.release(n)

    def __call__(self, data: bytes, path: str) -> Briefing:
        assert self.permits.acquire(timeout=20), "the test never allowed this parse"
        return super().__call__(data, path)  # counted in `calls` only once allowed


class SlowParser(FakeParser):
    def __call__(self, data: bytes, path: str) -> Briefing:
        time.sleep(0.05)
        return super().__call__(data, path)


def harbour_folder(root: Path, matching: int, other: int) -> set[str]:
    """`matching` reports that mention the harbour and `other` that do not; returns the matching names."""
    root.mkdir(parents=True)
    names = {f"m{i:02}.md" for i in range(matching)}
    for i, name in enumerate(sorted(names | {f"n{i:02}.md" for i in range(other)})):
        body = "The harbour pilots joined the strike at noon." if name in names else "Farmers met the water board."
        (root / name).write_text(md(f"Report {name[:-3]}", f"2024-05-{i % 28 + 1:02}", body), encoding="utf-8")
    return names


def shown_names(lib: LibraryScreen) -> set[str]:
    return {Path(p).name for p in lib.order()}


@contextlib.asynccontextmanager
async def harbour_search_while_indexing(source: IndexedLibrary) -> AsyncIterator[tuple]:
    """The library app on `source`, with `/harbour` typed while the folder is still being indexed."""
    async with library_app(source, size=(100, 40)) as (app, pilot):
        lib = lib_screen(app)
        await wait_for(pilot, lambda: source.state.running)
        await pilot.press("slash", *"harbour", "enter")
        await wait_for(pilot, lambda: lib.results is not None and not lib._searching)
        yield app, pilot, lib


async def test_search_results_fill_in_while_indexing_and_are_complete_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search typed while the folder is being indexed shows what is indexed so far, then more rows as
    reports are indexed (not only when the query is typed again), and every match once indexing ends.
    The report the user moved to stays selected as rows come in."""
    monkeypatch.setattr(library_api, "BATCH_SECONDS", 0.0)  # each report is searchable once parsed
    root = tmp_path / "r"
    matching = harbour_folder(root, matching=6, other=2)
    parser = PermitParser()
    source = indexed(root, parser, tmp_path / "c")
    try:
        async with harbour_search_while_indexing(source) as (app, pilot, lib):
            assert "No report matches" in screen_text(app)

            def caught_up() -> bool:  # the rows are the matching reports parsed so far, and say so
                found = {n for n in parser.calls if n in matching}
                n = len(found)
                return bool(found) and shown_names(lib) == found and \
                    f"/harbour: {n} matching report{'s' if n != 1 else ''}" in screen_text(app)

            parser.allow(3)
            await wait_for(pilot, caught_up)
            text = screen_text(app)
            assert "indexing" in text and source.state.running  # still indexing: the rest is held
            for name in shown_names(lib):
                assert f"Report {name[:-3]}" in text
            first = len(lib.results or ())

            parser.allow(3)
            await wait_for(pilot, lambda: parser.total == 6 and caught_up())
            assert len(lib.results or ()) > first and source.state.running
            await pilot.press("j")  # the user moves to the second result...
            chosen = lib.reports.selected.data.path  # type: ignore[union-attr]

            parser.allow(2)
            await wait_for(pilot, lambda: idle(source) and "indexing" not in screen_text(app))
            await wait_for(pilot, lambda: shown_names(lib) == matching)
            assert "/harbour: 6 matching reports" in screen_text(app)
            assert lib.reports.selected.data.path == chosen  # type: ignore[union-attr]  # ...and stays on it
            await pilot.press("escape")
            assert not lib.searching and lib.reports.shown == 8
    finally:
        parser.allow(100)
        source.close()


async def test_search_runs_again_at_a_bounded_rate_while_indexing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty reports committed one by one must not cost forty searches: the shown query runs again at
    most about twice a second while indexing, once at the end, and never once the index is idle."""
    monkeypatch.setattr(library_api, "BATCH_SECONDS", 0.0)
    root = tmp_path / "r"
    matching = harbour_folder(root, matching=30, other=10)
    source = indexed(root, SlowParser(), tmp_path / "c")
    searches: list[float] = []
    search = source.search

    def counting(query: str, limit: int = 200) -> list:  # type: ignore[type-arg]
        searches.append(time.monotonic())
        return search(query, limit)

    source.search = counting  # type: ignore[method-assign]
    try:
        async with harbour_search_while_indexing(source) as (app, pilot, lib):
            start = time.monotonic()
            committed_then = source.state.committed
            await wait_for(pilot, lambda: idle(source) and shown_names(lib) == matching, timeout=60)
            elapsed = time.monotonic() - start
            assert "/harbour: 30 matching reports" in screen_text(app)
            assert source.state.committed - committed_then >= 20  # most reports came in after the query
            reruns = len(searches) - 1
            # Each ~0.5 s, plus the one at the end (and one more if a search was under way then).
            assert 1 <= reruns <= elapsed / 0.5 + 3, (reruns, elapsed)
            settled = len(searches)
            await pilot.pause(1.2)
            assert len(searches) == settled  # nothing new in the index: no search
    finally:
        source.close()


async def test_leaving_the_search_while_indexing_brings_the_list_back_for_good(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_api, "BATCH_SECONDS", 0.0)
    root = tmp_path / "r"
    harbour_folder(root, matching=3, other=2)
    parser = PermitParser()
    source = indexed(root, parser, tmp_path / "c")
    try:
        async with harbour_search_while_indexing(source) as (app, pilot, lib):
            await pilot.press("escape")
            assert not lib.searching
            parser.allow(5)
            await wait_for(pilot, lambda: idle(source) and lib.reports.shown == 5)
            await pilot.pause(0.6)
            assert not lib.searching and "matching" not in screen_text(app)
            assert "Report n00" in screen_text(app)  # the reports, not search results
    finally:
        parser.allow(100)
        source.close()


async def test_many_hits_show_a_first_page_at_once_and_the_rest_fill_in(tmp_path: Path) -> None:
    """80 hits: the first screenful comes with snippets, the rest as title rows marked "…" that fill in;
    a pending row still opens its report, and the cursor stays where the user put it."""
    root = tmp_path / "r"
    root.mkdir()
    for i in range(80):
        body = "The harbour pilots joined the strike at noon. " * (i % 5 + 1)
        (root / f"m{i:02}.md").write_text(md(f"Report {i:02}", f"2024-05-{i % 28 + 1:02}", body), encoding="utf-8")
    source = indexed(root, FakeParser({}), tmp_path / "c")
    gate = threading.Event()
    hits = source.hits

    def slow_rest(ranked, start=0, stop=None):  # type: ignore[no-untyped-def]
        if start > 0:  # the hits after the first page wait until the test lets them through
            gate.wait(5)
        return hits(ranked, start, stop)

    source.hits = slow_rest  # type: ignore[method-assign]
    try:
        async with library_app(source, size=(100, 30)) as (app, pilot):
            await wait_for(pilot, lambda: idle(source))
            lib = lib_screen(app)
            await pilot.press("slash", *"harbour", "enter")
            await wait_for(pilot, lambda: lib.results is not None and "80 matching reports" in screen_text(app))
            assert "harbour pilots" in screen_text(app)  # the first page has its snippets
            await pilot.press("G")
            assert "…" in screen_text(app)  # the last rows are still pending
            await pilot.press("enter")  # a pending row opens its report (at the top)
            await wait_for(pilot, lambda: report_loaded(app))
            await pilot.press("o")
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
            gate.set()
            await wait_for(pilot, lambda: lib.results is not None and all(it.kind == "hit" for it in lib.results))
            assert lib.reports.cursor == 79
            assert [it.data for it in lib.results] == source.search("harbour*", 200)
    finally:
        gate.set()
        source.close()
