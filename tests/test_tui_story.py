"""The story timeline (`t` in the library): every report's events as one chronology, read a page at a
time; `enter` opens the event's report at its sentence and `escape` comes back.
"""

from __future__ import annotations

from pathlib import Path

from library_fakes import Report
from library_ui import REPORTS, idle, indexed, lib_screen, library_app, md, wait_for, write_all
from tui_fixtures import marks, report_loaded, screen_text, shows, title_of

from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.story import StoryScreen


async def test_story_timeline_merges_every_report_in_date_order_and_opens_an_event(tmp_path: Path) -> None:
    root = tmp_path / "r"
    source = indexed(root, write_all(root, REPORTS), tmp_path / "c")
    try:
        async with library_app(source, size=(110, 40)) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Wind farms" in screen_text(app))
            await pilot.press("t")
            assert isinstance(app.screen, StoryScreen)
            story = app.screen
            await wait_for(pilot, lambda: story.pager is not None)
            rows = [it.data.description for it in story.events.items]  # type: ignore[attr-defined]
            assert rows == ["Farmers and the water board met again",
                            "Engineers said the turbines went up faster than planned",
                            "Dockworkers walked out at dawn", "The harbour pilots joined them by noon"]
            text = screen_text(app)
            assert "4 events" in text and "2024-03-01" in text and "Drought talks stall in Badajoz" in text
            await pilot.press("j", "j", "enter")
            await wait_for(pilot, lambda: report_loaded(app))
            assert app.screen.path.name == "port.md"
            await marks(pilot, app.screen.source, "Dockworkers walked out at dawn")
            await pilot.press("escape", "escape")  # clear the highlight, then back to the timeline
            assert app.screen is story and story.events.cursor == 2
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

            # The story of a search: only the matching reports' events.
            await pilot.press("slash", *"dockworkers", "enter")
            lib = lib_screen(app)
            await wait_for(pilot, lambda: len(lib.results or ()) == 1 and not lib._searching)
            await pilot.press("t")
            story = app.screen
            await wait_for(pilot, lambda: isinstance(story, StoryScreen) and story.pager is not None)
            assert [it.data.path for it in story.events.items] == [str(root / "port.md")] * 2  # type: ignore[attr-defined]
            await shows(pilot, app, "1 report found for /dockworkers")
    finally:
        source.close()


async def test_story_timeline_pages_through_many_events(tmp_path: Path) -> None:
    root = tmp_path / "r"
    body = " ".join(f"Step {i} was taken." for i in range(260))
    events = [(f"2024-01-{1 + i % 28:02d}", f"Step {i} was taken", []) for i in range(260)]
    source = indexed(root, write_all(root, {"many.md": (md("Many steps", "2024-02-01", body),
                                                        Report(events=events))}), tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Many steps" in screen_text(app))
            await pilot.press("t")
            story = app.screen
            assert isinstance(story, StoryScreen)
            await wait_for(pilot, lambda: story.pager is not None)
            assert story.pager.loaded == 200 and story.pager.total == 260  # type: ignore[union-attr]
            assert "200 of 260" in title_of(story.events)
            await pilot.press("G")  # near the end of what is loaded: the next page is read
            await wait_for(pilot, lambda: story.pager.loaded == 260)  # type: ignore[union-attr]
            await pilot.press("G")
            assert story.events.cursor == 259 and title_of(story.events).endswith("260")
    finally:
        source.close()


async def test_palette_runs_the_story_timeline_by_name(tmp_path: Path) -> None:
    root = tmp_path / "r"
    source = indexed(root, write_all(root, REPORTS), tmp_path / "c")
    try:
        async with library_app(source) as (app, pilot):
            await wait_for(pilot, lambda: idle(source) and "Wind farms" in screen_text(app))
            await pilot.press("ctrl+p", *"story time")
            await wait_for(pilot, lambda: "Story timeline" in screen_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen) and app.screen.pager is not None)
            assert app.screen.pager.total == 4
    finally:
        source.close()
