"""The actor dossier screen: `d` on an actor follows them across the library's reports.

Reports get their actors, quotes and events from `library_fakes.FakeParser` (no dependence on how
good extraction is); the index is built in the test's own cache folder.
"""

from __future__ import annotations

from pathlib import Path

from library_fakes import FakeParser, Report
from library_ui import wait_for
from tui_fixtures import SEED, marks, reader, report_loaded, screen_text, seed_briefing, shows, title_of

from briefing.tui.library_source import IndexedLibrary
from briefing.tui.screens.dossier import DossierScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.report import ReportScreen

BIBI = ("Benjamin Netanyahu", "person")


def md(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n\n# {title}\n\n{body}\n"


REPORTS = {
    "a.md": (md("Cabinet meets", "2024-10-01",
                'Prime Minister Benjamin Netanyahu met his cabinet. "We will respond," Netanyahu said. '
                "Defense Minister Yoav Gallant spoke to Austin."),
             Report(actors=[(*BIBI, ["Prime Minister"], ["Netanyahu"]),
                            ("Yoav Gallant", "person", ["Defense Minister"], ["Gallant"])],
                    quotes=[("We will respond", "Benjamin Netanyahu")],
                    events=[("2024-10-01", "Benjamin Netanyahu met his cabinet", ["Benjamin Netanyahu"]),
                            ("2024-09-28", "Yoav Gallant spoke to Austin", ["Yoav Gallant"])])),
    "b.md": (md("Trip barred", "2024-10-05",
                'Netanyahu barred the trip. "This is a turning point," Netanyahu said.'),
             Report(actors=[("Netanyahu", "person", [], [])],
                    quotes=[("This is a turning point", "Netanyahu")],
                    events=[("2024-10-04", "Netanyahu barred the trip", ["Netanyahu"])])),
    "e.md": (md("Bidens", "2024-08-01", "Joe Biden and Hunter Biden were both in Delaware."),
             Report(actors=[("Joe Biden", "person", ["President"], ["Biden"]), ("Hunter Biden", "person", [], [])])),
    "f.md": (md("Biden again", "2024-08-02", "Biden spoke on Friday."),
             Report(actors=[("Biden", "person", [], [])])),
}


def library(tmp_path: Path, reports: dict[str, tuple[str, Report]] = REPORTS) -> IndexedLibrary:
    root = tmp_path / "r"
    root.mkdir()
    for name, (text, _) in reports.items():
        (root / name).write_text(text, encoding="utf-8")
    parser = FakeParser({n: spec for n, (_, spec) in reports.items()})
    source = IndexedLibrary.open([root], cache_dir=tmp_path / "c", workers=0, parse=parser)
    source.lib.refresh()
    return source


def names_of(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [Path(it.data.path).name for it in items]


async def open_report_named(app, pilot, title: str) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen) and title in screen_text(app))
    lib = app.screen
    await pilot.press("f", *title.lower(), "enter", "enter")
    await wait_for(pilot, lambda: report_loaded(app))
    lib.reports.set_query("")


async def dossier_ready(app, pilot) -> DossierScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier is not None)
    await shows(pilot, app, f"Dossier: {app.screen.dossier.name}")
    return app.screen


async def test_d_on_an_actor_merges_netanyahu_across_reports_and_opens_a_quote(tmp_path: Path) -> None:
    source = library(tmp_path)
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Cabinet meets")
            report = app.screen
            await pilot.press("2")  # actors: Benjamin Netanyahu first
            assert report.pane("actors").selected.copy_text == "Benjamin Netanyahu"
            await pilot.press("d")
            d = await dossier_ready(app, pilot)
            assert d.dossier.name == "Benjamin Netanyahu"
            # Both reports, by date: "Benjamin Netanyahu" in one, plain "Netanyahu" in the other.
            assert names_of(d.section("reports").items) == ["a.md", "b.md"]
            text = screen_text(app)
            assert "Dossier: Benjamin Netanyahu" in text and "2 reports" in text and "also Netanyahu" in text
            assert "as Benjamin Netanyahu" in text and "Cabinet meets" in text and "Trip barred" in text
            # Every quote he gave, by date.
            await pilot.press("2")
            quotes = d.section("quotes")
            assert quotes.has_focus
            assert [it.data.text for it in quotes.items] == ["We will respond", "This is a turning point"]
            assert "Yoav Gallant" not in screen_text(app)
            await pilot.press("j", "enter")
            await wait_for(pilot, lambda: report_loaded(app) and app.screen.path.name == "b.md")
            await marks(pilot, app.screen.source, "This is a turning point")
            assert "quote: This is a turning point" in title_of(app.screen.source)
            await pilot.press("escape", "escape")  # clear the highlight, then back to the dossier
            assert app.screen is d and d.section("quotes").cursor == 1
            # His events, in story order, each opening its report at the event.
            await pilot.press("3")
            events = d.section("events")
            assert [it.data.description for it in events.items] == ["Benjamin Netanyahu met his cabinet",
                                                                   "Netanyahu barred the trip"]
            await pilot.press("4")
            await shows(pilot, app, "Prime Minister")
            await pilot.press("escape")
            assert app.screen is report
    finally:
        source.close()


async def test_d_on_a_quote_follows_its_speaker(tmp_path: Path) -> None:
    source = library(tmp_path)
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Trip barred")
            await pilot.press("3")  # the quote by "Netanyahu"
            await pilot.press("d")
            d = await dossier_ready(app, pilot)
            assert d.dossier.name == "Benjamin Netanyahu"
            assert names_of(d.section("reports").items) == ["a.md", "b.md"]
            await pilot.press("enter")  # the first report, at his first mention
            await wait_for(pilot, lambda: report_loaded(app) and app.screen.path.name == "a.md")
            await marks(pilot, app.screen.source, "Benjamin Netanyahu")
    finally:
        source.close()


async def test_a_shared_surname_lists_the_people_to_choose_from(tmp_path: Path) -> None:
    source = library(tmp_path)
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Biden again")
            await pilot.press("2", "d")
            d = await dossier_ready(app, pilot)
            rows = d.section("reports").items
            assert [it.kind for it in rows[:2]] == ["candidate", "candidate"]
            await shows(pilot, app, "Did you mean Hunter Biden?", "Did you mean Joe Biden?")
            chosen = rows[0].data
            await pilot.press("enter")
            d2 = await dossier_ready(app, pilot)
            assert d2 is not d and d2.dossier.name == chosen
            assert names_of(d2.section("reports").items) == ["e.md"]
    finally:
        source.close()


async def test_wide_layout_shows_the_four_lists_at_once(tmp_path: Path) -> None:
    source = library(tmp_path)
    try:
        async with reader([], size=(200, 50), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Cabinet meets")
            await pilot.press("2", "d")
            d = await dossier_ready(app, pilot)
            for lst in d.lists():
                assert lst.region.width > 0 and lst.region.height > 0
            text = screen_text(app)
            for part in ("1 Reports 2", "2 Quotes 2", "3 Events 2", "4 Titles 1", "We will respond",
                         "Netanyahu barred the trip"):
                assert part in text, part
            await pilot.press("tab")
            assert d.section("quotes").has_focus
    finally:
        source.close()


async def test_long_quote_lists_are_read_a_page_at_a_time(tmp_path: Path) -> None:
    said = [f"Statement number {i} on the port" for i in range(230)]
    body = " ".join(f'"{s}," Valente said.' for s in said)
    spec = Report(actors=[("Duarte Valente", "person", ["union leader"], ["Valente"])],
                  quotes=[(s, "Duarte Valente") for s in said])
    source = library(tmp_path, {"talks.md": (md("Harbour talks", "2024-05-01", body), spec)})
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Harbour talks")
            await pilot.press("2", "d")
            d = await dossier_ready(app, pilot)
            quotes = d.section("quotes")
            assert quotes.total == 200 and "200 of 230" in title_of(quotes)
            await pilot.press("2", "G")
            await wait_for(pilot, lambda: quotes.total == 230)
            assert title_of(quotes).endswith("230")
            await pilot.press("G", "enter")
            await wait_for(pilot, lambda: report_loaded(app))
            await marks(pilot, app.screen.source, said[-1])
    finally:
        source.close()


async def test_d_on_a_single_report_says_how_to_follow_the_actor() -> None:
    async with reader([SEED], builders={SEED.name: seed_briefing}) as (app, pilot):
        await pilot.press("2", "d")
        assert isinstance(app.screen, ReportScreen)
        messages = [str(n.message) for n in app._notifications]
        assert any("Open a folder" in m and "Benjamin Netanyahu" in m for m in messages)


async def test_hostile_actor_names_render_literally_in_the_dossier(tmp_path: Path) -> None:
    name = "[bold]Mallory[/bold]"
    text = md("[@click=app.quit]Plot[/]", "2024-01-02", f'{name} was there. "[/b] never closes," {name} said.')
    spec = Report(actors=[(name, "person", ["[red]chief[/red]"], [])], quotes=[("[/b] never closes", name)])
    source = library(tmp_path, {"h.md": (text, spec)})
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await wait_for(pilot, lambda: "[@click=app.quit]Plot[/]" in screen_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: report_loaded(app))
            await pilot.press("2", "d")
            await dossier_ready(app, pilot)
            shown = screen_text(app)
            assert f"Dossier: {name}" in shown and "[@click=app.quit]Plot[/]" in shown
            assert "[red]chief[/red]" in shown
            await pilot.press("2")
            await shows(pilot, app, "“[/b] never closes”")
            assert app.is_running
    finally:
        source.close()


async def test_palette_opens_a_dossier_by_actor_name(tmp_path: Path) -> None:
    source = library(tmp_path)
    try:
        async with reader([], size=(100, 30), wait=False, library=source, library_mode=True) as (app, pilot):
            await open_report_named(app, pilot, "Cabinet meets")
            await pilot.press("ctrl+p", *"dossier gallant")
            await wait_for(pilot, lambda: "Dossier: Yoav Gallant" in screen_text(app))
            await pilot.press("enter")
            d = await dossier_ready(app, pilot)
            assert d.dossier.name == "Yoav Gallant" and names_of(d.section("reports").items) == ["a.md"]
    finally:
        source.close()
