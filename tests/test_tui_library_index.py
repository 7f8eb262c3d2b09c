"""The library screen over the index: opening from it with progress, search → open at the hit, the
list filter, skipped files, quitting mid-index, hostile text in titles and snippets, and which
command lines open the index.
"""

from __future__ import annotations

import argparse
import asyncio
import threading
from pathlib import Path

from library_fakes import FakeParser, Report
from library_ui import REPORTS, GatedParser, idle, indexed, lib_screen, library_app, md, wait_for, write_all
from tui_fixtures import marked_text, report_loaded, screen_text, title_of

from briefing.tui.library_source import live_query, open_for_reader
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
            assert "scan.md" in screen_text(app)
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
            current, _ = marked_text(screen.source)
            assert current.lower() == "reservoir"
            assert "search: reservo" in title_of(screen.source)
            await pilot.press("o")
            assert lib_screen(app).searching  # the results are still there
            await pilot.press("escape")  # and escape restores the list
            assert not lib.searching and lib.reports.shown == 3 and "Port strike" in screen_text(app)
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
