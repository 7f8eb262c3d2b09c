"""The library: which files `briefing [PATH ...]` opens, the library screen, and moving between reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_fixtures import ROOT, SEED, reader, report_loaded, screen_text, seed_briefing, shows, skeleton, wait_for

from briefing.model import Briefing
from briefing.tui.screens.error import ErrorScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.report import ReportScreen
from briefing.tui.sources import FileLibrary, resolve_inputs

SAMPLES = ROOT / "sample_reports"


def write_reports(folder: Path) -> list[Path]:
    """Three small reports with front matter (title, date, outlet) and one README that is not a report."""
    folder.mkdir(parents=True, exist_ok=True)
    specs = [
        ("b_port.md", "Port strike spreads to Sines", "2024-10-08", "Meridian News"),
        ("a_drought.md", "Drought talks stall in Badajoz", "2024-03-04", "Iberian Affairs"),
        ("c_wind.txt", None, None, None),
    ]
    paths = []
    for name, title, date, outlet in specs:
        p = folder / name
        if title:
            p.write_text(f"---\ntitle: {title}\ndate: {date}\nsource: {outlet}\n---\n\nOfficials said talks would "
                         f"resume. \"We are close,\" a spokesperson said.\n", encoding="utf-8")
        else:
            p.write_text("Wind farms off Gdańsk are being built faster than expected, engineers said.\n",
                         encoding="utf-8")
        paths.append(p)
    (folder / "README.md").write_text("# Not a report\n", encoding="utf-8")
    (folder / "CHANGELOG.md").write_text("# Changes\n", encoding="utf-8")
    return paths


def library_briefing(path: Path) -> Briefing:
    b = skeleton(path)
    n = {"b_port.md": 3, "a_drought.md": 1}.get(path.name, 0)
    from tui_fixtures import actor

    actors = [actor(b, f"official-{i}", "Officials", "group") for i in range(n)]
    return b.model_copy(update={"actors": actors})


# -- which files -------------------------------------------------------------------------------------


def test_folder_expands_to_its_reports_and_skips_readme_like_files(tmp_path: Path) -> None:
    write_reports(tmp_path / "r")
    inputs = resolve_inputs([str(tmp_path / "r")], SAMPLES)
    assert [p.name for p in inputs.paths] == ["a_drought.md", "b_port.md", "c_wind.txt"]
    assert inputs.library and not inputs.problems


def test_one_file_opens_directly_and_several_open_the_library(tmp_path: Path) -> None:
    a, b, _ = write_reports(tmp_path)
    one = resolve_inputs([str(a)], SAMPLES)
    assert one.paths == [a] and not one.library
    two = resolve_inputs([str(a), str(b), str(a)], SAMPLES)
    assert two.paths == [a, b] and two.library  # duplicates are one report


def test_no_argument_opens_the_current_folder_else_the_samples(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("# readme\n", encoding="utf-8")
    fallback = resolve_inputs([], SAMPLES, cwd=empty)
    assert fallback.paths and all(p.parent == SAMPLES for p in fallback.paths)
    write_reports(tmp_path / "reports")
    here = resolve_inputs([], SAMPLES, cwd=tmp_path / "reports")
    assert [p.name for p in here.paths] == ["a_drought.md", "b_port.md", "c_wind.txt"]
    forced = resolve_inputs([], SAMPLES, use_samples=True, cwd=tmp_path / "reports")
    assert all(p.parent == SAMPLES for p in forced.paths)


def test_missing_paths_are_reported_not_raised(tmp_path: Path) -> None:
    a, *_ = write_reports(tmp_path)
    inputs = resolve_inputs([str(tmp_path / "nope.md"), str(a)], SAMPLES)
    assert inputs.paths == [a]
    assert inputs.problems == [f"{tmp_path / 'nope.md'}: no such file"]


def test_file_library_caches_until_the_file_changes(tmp_path: Path) -> None:
    _, a, _ = write_reports(tmp_path)
    calls: list[Path] = []

    def parse(p: Path) -> Briefing:
        calls.append(p)
        return skeleton(p)

    lib = FileLibrary([a], parse)
    assert lib.entries()[0].loaded is False
    first = lib.briefing(a)
    assert lib.briefing(a) is first and len(calls) == 1
    entry = lib.entries()[0]
    assert (entry.title, entry.outlet, entry.published) == ("Drought talks stall in Badajoz", "Iberian Affairs",
                                                            dt.date(2024, 3, 4))
    a.write_text(a.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert lib.briefing(a) is not first and len(calls) == 2
    lib.briefing(a, fresh=True)
    assert len(calls) == 3


# -- the library screen ------------------------------------------------------------------------------


async def test_library_lists_reports_opens_steps_and_returns(tmp_path: Path) -> None:
    paths = write_reports(tmp_path)
    builders = {p.name: library_briefing for p in paths}
    async with reader(paths, builders=builders, wait=False) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and all(e.loaded for e in app.library.entries()))
        lib = app.screen
        text = screen_text(app)
        for part in ("Port strike spreads to Sines", "2024-10-08", "Meridian News", "3 actors",
                     "Drought talks stall in Badajoz", "Iberian Affairs", "c_wind.txt", "3 reports"):
            assert part in text, part
        # sorted by date, newest first; the undated report last
        assert lib.order() == [str(paths[0]), str(paths[1]), str(paths[2])]

        await pilot.press("enter")
        await wait_for(pilot, lambda: report_loaded(app))
        assert app.screen.path == paths[0]
        assert "Port strike spreads to Sines" in screen_text(app).splitlines()[0]

        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: report_loaded(app) and app.screen.path == paths[1])
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: report_loaded(app) and app.screen.path == paths[2])
        await pilot.press("right_square_bracket")  # wraps around
        await wait_for(pilot, lambda: report_loaded(app) and app.screen.path == paths[0])
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: report_loaded(app) and app.screen.path == paths[2])

        await pilot.press("o")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.reports.selected.key == str(paths[2])  # where we were
        assert len(app.screen_stack) == 2  # the library is not stacked again and again


async def test_library_sort_and_filter(tmp_path: Path) -> None:
    paths = write_reports(tmp_path)
    async with reader(paths, builders={p.name: library_briefing for p in paths}, wait=False) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and all(e.loaded for e in app.library.entries()))
        lib = app.screen
        await pilot.press("s")  # title
        assert [Path(k).name for k in lib.order()] == ["c_wind.txt", "a_drought.md", "b_port.md"]
        await shows(pilot, app, "sorted by title")
        await pilot.press("slash", "b", "a", "d")
        assert [Path(k).name for k in lib.order()] == ["a_drought.md"]
        await pilot.press("enter")
        assert lib.reports.has_focus
        await pilot.press("enter")
        await wait_for(pilot, lambda: report_loaded(app))
        assert app.screen.path.name == "a_drought.md"
        await pilot.press("right_square_bracket")  # only one report is shown in the filtered library
        assert app.screen.path.name == "a_drought.md"
        await pilot.press("o", "escape")
        assert len(lib.order()) == 3


async def test_single_report_o_opens_a_library_of_it() -> None:
    async with reader([SEED], builders={SEED.name: seed_briefing}) as (app, pilot):
        await pilot.press("o")
        assert isinstance(app.screen, LibraryScreen)
        await wait_for(pilot, lambda: "5 actors" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: report_loaded(app))
        assert app.screen.path == SEED


async def test_a_broken_report_in_a_library_shows_an_error_and_the_others_still_open(tmp_path: Path) -> None:
    paths = write_reports(tmp_path)
    bad = tmp_path / "zz_bad.md"
    bad.write_bytes(b"%PDF-1.7 binary")
    from briefing.tui.app import _default_parse

    async with reader([*paths, bad], parse=_default_parse(), wait=False) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and all(e.loaded for e in app.library.entries()), timeout=20)
        assert "cannot open" in screen_text(app) and "1 cannot be opened" in screen_text(app)
        await pilot.press("s", "s", "s", "s")  # sort by file name: the bad one is last
        await pilot.press("G", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ErrorScreen))
        await pilot.press("right_square_bracket")  # wraps to the first report
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and report_loaded(app), timeout=20)
        assert app.screen.path == paths[1]  # a_drought.md, first by file name
        await pilot.press("q")
    assert app.return_code == 0  # something was opened
