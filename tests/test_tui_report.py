"""The report screen, driven by keys through Textual's Pilot on the seed and on a structured sample.

Briefings are built by hand (tui_fixtures) so these tests check the reader, not extraction quality.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tui_fixtures import (
    ROOT,
    SEED,
    actor,
    big_briefing,
    event,
    marked_text,
    marks,
    quote,
    reader,
    report_loaded,
    screen_text,
    seed_briefing,
    shows,
    skeleton,
    summary_of,
    title_of,
    wait_for,
)

from briefing.model import Briefing
from briefing.tui.panes import Pane
from briefing.tui.screens.error import ErrorScreen
from briefing.tui.screens.report import ReportScreen
from briefing.tui.widgets.source_view import SourceView

STRUCTURED = ROOT / "sample_reports" / "structured_briefing.md"
SEED_BUILD = {SEED.name: seed_briefing}


def structured_briefing(path: Path) -> Briefing:
    """The structured sample with its sections as items (what the section readers should find)."""
    b = skeleton(path)
    actors = [
        actor(b, "lucia-serrano-ibanez", "Lucía Serrano Ibáñez", "person", "Serrano Ibáñez",
              titles=("Secretary of State for the Environment",), affiliation="Spain"),
        actor(b, "rui-maldonado", "Rui Maldonado", "person", "Maldonado", titles=("Minister of Environment",),
              affiliation="Portugal"),
        actor(b, "beatriz-couceiro", "Beatriz Couceiro", "person", "Couceiro"),
        actor(b, "cadc", "CADC", "organization"),
    ]
    quotes = [
        quote(b, "q1", "We have bought eight weeks. We have not bought a wet year.", "Rui Maldonado",
              "rui-maldonado", None),
        quote(b, "q2", "painful but fair.", "Maldonado", "rui-maldonado", "described"),
        quote(b, "q3", "There was a feeling on our side that we could not go home and explain that our own growers "
              "were rationed while water flowed downstream", "one Spanish official", None, "said", anonymous=True),
    ]
    import datetime as dt

    events = [
        event(b, "e1", "2024-02-06", "Portugal declares a water emergency", [], dt.date(2024, 2, 6), None, "day",
              relative=False),
        event(b, "e2", "March 12, 2024", "The two governments sign the agreement in Elvas",
              ["lucia-serrano-ibanez", "rui-maldonado"], dt.date(2024, 3, 12), None, "day", relative=False),
        event(b, "e3", "2024-06", "Ministers are due to review the arrangement", ["rui-maldonado"],
              dt.date(2024, 6, 1), dt.date(2024, 6, 30), "month", relative=False),
    ]
    summary = summary_of(b, "The deal suspends, for one season, the minimum-flow targets that Spain normally owes "
                            "Portugal under their joint water convention.")
    return b.model_copy(update={"actors": actors, "quotes": quotes, "timeline": events, "summary": summary})


STRUCTURED_BUILD = {STRUCTURED.name: structured_briefing}


def screen(app) -> ReportScreen:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, ReportScreen), app.screen
    return app.screen


def focused_id(app) -> str | None:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else None


# -- layout ------------------------------------------------------------------------------------------


async def test_narrow_80x24_shows_header_tabs_and_one_pane() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, _pilot):
        text = screen_text(app)
        lines = text.splitlines()
        assert len(lines) == 24 and all(len(line) == 80 for line in lines)
        assert "5 actors · 2 quotes · 3 events" in text
        for tab in ("1 Summary", "2 Actors", "3 Quotes", "4 Timeline", "5 Source"):
            assert tab in text
        s = screen(app)
        shown = [p.id for p in s.panes if p.display and p.region.height > 0]
        assert shown == ["summary"]
        assert focused_id(app) == "summary"


async def test_wide_200x50_shows_four_panes_and_source_side_by_side() -> None:
    async with reader([STRUCTURED], size=(200, 50), builders=STRUCTURED_BUILD) as (app, _pilot):
        s = screen(app)
        regions = {w.id: w.region for w in [*s.panes, s.source]}
        assert all(r.width >= 40 and r.height >= 10 for r in regions.values()), regions
        assert regions["source"].x > max(regions[p].x for p in ("summary", "actors", "quotes", "timeline"))
        text = screen_text(app)
        header = text.splitlines()[0]
        for part in ("Spain and Portugal agree emergency water release", "Iberian Affairs Briefing", "2024-03-14",
                     "4 actors", "3 quotes", "3 events"):
            assert part in header
        assert "Rui Maldonado" in text and "We have bought eight weeks" in text and "2024-02-06" in text
        assert "## Summary" in text and "author: Clara Mendonça" in text  # the source text itself


async def test_empty_report_shows_empty_panes_and_its_text() -> None:
    async with reader([SEED], builders={SEED.name: skeleton}) as (app, pilot):
        for key, message in (("2", "No actors in this report"), ("3", "No quotes in this report"),
                             ("4", "No timeline events in this report")):
            await pilot.press(key)
            await shows(pilot, app, message)
            for k in ("j", "k", "G", "g", "pagedown", "enter", "f", "y"):
                await pilot.press(k)
        await pilot.press("5")
        await shows(pilot, app, "The White House's distrust")


# -- focus and selection -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_number_keys_and_tab_move_focus(size: tuple[int, int]) -> None:
    async with reader([SEED], size=size, builders=SEED_BUILD) as (app, pilot):
        for key, pane in (("2", "actors"), ("3", "quotes"), ("4", "timeline"), ("1", "summary"), ("5", "source")):
            await pilot.press(key)
            assert focused_id(app) == pane
            # Visible, not just focused (the layout may land a frame later on a loaded machine).
            await wait_for(pilot, lambda: app.focused is not None and app.focused.region.height > 0)
        await pilot.press("1")
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(focused_id(app))
        assert seen == ["actors", "quotes", "timeline", "source", "summary"]
        await pilot.press("shift+tab")
        assert focused_id(app) == "source"


async def test_j_k_g_G_move_the_selection() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("2")
        actors = screen(app).pane("actors")
        assert actors.selected.key == "benjamin-netanyahu"
        await pilot.press("j")
        assert actors.selected.key == "jake-sullivan"
        await pilot.press("down", "down")
        assert actors.selected.key == "axios"
        await pilot.press("k")
        assert actors.selected.key == "ron-dermer"
        await pilot.press("up")
        assert actors.selected.key == "jake-sullivan"
        await pilot.press("G")
        assert actors.selected.key == "lloyd-austin"
        await pilot.press("g")
        assert actors.selected.key == "benjamin-netanyahu"
        await pilot.press("end")
        assert actors.selected.key == "lloyd-austin"
        await pilot.press("home")
        assert actors.selected.key == "benjamin-netanyahu"


async def test_pages_and_ends_of_a_5000_item_list() -> None:
    big = big_briefing(5000)
    async with reader([Path("big.txt")], builders={"big.txt": lambda p: big}) as (app, pilot):
        await pilot.press("3")
        quotes = screen(app).pane("quotes")
        assert quotes.total == 5000
        # A page is what the pane shows: wait until it is laid out (a busy machine takes a few frames).
        await wait_for(pilot, lambda: quotes.scrollable_content_region.height > 4)
        await pilot.press("pagedown")
        first_page = quotes.cursor
        assert first_page is not None and first_page > 3
        await pilot.press("pagedown")
        assert quotes.cursor == 2 * first_page
        await pilot.press("pageup")
        assert quotes.cursor == first_page
        await pilot.press("G")
        assert quotes.selected.key == "q4999"
        await shows(pilot, app, "statement number 4999 about the port")
        await pilot.press("enter")
        await marks(pilot, screen(app).source, "statement number 4999 about the port")


# -- enter: the source, highlighted ------------------------------------------------------------------


async def test_enter_on_an_actor_highlights_every_mention_and_n_steps() -> None:
    b = seed_briefing()
    netanyahu = b.actor("benjamin-netanyahu")
    assert netanyahu is not None and len(netanyahu.mentions) >= 3
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("2", "enter")
        s = screen(app)
        src = s.source
        assert focused_id(app) == "source"
        assert src.highlight_count == len(netanyahu.mentions)
        assert src.current_model_span() == (netanyahu.mentions[0].start, netanyahu.mentions[0].end)
        await marks(pilot, src, "Benjamin Netanyahu")
        assert "mentions" in title_of(src) and f"1/{len(netanyahu.mentions)}" in title_of(src)
        await pilot.press("n")
        m = netanyahu.mentions[1]
        assert src.current_model_span() == (m.start, m.end)
        await marks(pilot, src, b.text[m.start : m.end])
        await pilot.press("N", "N")
        last = netanyahu.mentions[-1]
        assert src.current_model_span() == (last.start, last.end)
        await pilot.press("escape")
        assert focused_id(app) == "actors"
        assert s.pane("actors").selected.key == "benjamin-netanyahu"


async def test_enter_on_a_quote_event_and_summary_highlights_its_span() -> None:
    b = structured_briefing(STRUCTURED)
    async with reader([STRUCTURED], size=(200, 50), builders=STRUCTURED_BUILD) as (app, pilot):
        s = screen(app)
        await pilot.press("3", "j", "j", "enter")
        q = b.quotes[2]
        assert s.source.current_model_span() == (q.span.start, q.span.end)
        await marks(pilot, s.source, " ".join(q.text.split()))
        await pilot.press("escape")
        assert focused_id(app) == "quotes" and s.pane("quotes").selected.key == "q3"

        await pilot.press("4", "j", "enter")
        ev = b.timeline[1]
        assert s.source.current_model_span() == (ev.span.start, ev.span.end)
        await marks(pilot, s.source, lambda shown: "March 12, 2024" in shown)

        await pilot.press("escape", "1", "enter")
        item = b.summary[0]
        assert item.span is not None
        await marks(pilot, s.source, " ".join(item.text.split()))


async def test_enter_in_narrow_layout_switches_to_the_source_tab_and_back() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("3", "enter")
        s = screen(app)
        assert s.active == "source"
        await wait_for(pilot, lambda: s.source.region.height > 0)
        await marks(pilot, s.source, lambda shown: "Our trust of the Israelis" in shown)
        assert "one of the officials" in marked_text(s.source)[1]  # the speaker, highlighted too
        await pilot.press("escape")
        assert s.active == "quotes" and focused_id(app) == "quotes"


# -- filters -----------------------------------------------------------------------------------------


async def test_f_filters_quotes_and_timeline_to_the_selected_actor() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        s = screen(app)
        await pilot.press("2", "j")  # Jake Sullivan
        await pilot.press("f")
        assert s.actor_filter == "jake-sullivan"
        quotes, timeline = s.pane("quotes"), s.pane("timeline")
        assert [it.key for it in quotes.visible_items] == ["q2"]
        assert [it.key for it in timeline.visible_items] == ["e3"]
        assert "actor: Jake Sullivan" in title_of(quotes)
        assert "1/2" in title_of(quotes)
        await pilot.press("3")
        await shows(pilot, app, "clarity and transparency")
        assert "Our trust of the Israelis" not in screen_text(app)
        await pilot.press("f")  # f again clears
        assert s.actor_filter is None and quotes.shown == 2
        await pilot.press("2", "j", "f", "escape")  # so does escape
        assert s.actor_filter is None and timeline.shown == 3


async def test_f_on_a_quote_filters_by_its_speaker() -> None:
    async with reader([STRUCTURED], builders=STRUCTURED_BUILD) as (app, pilot):
        s = screen(app)
        await pilot.press("3", "f")
        assert s.actor_filter == "rui-maldonado"
        assert [it.key for it in s.pane("timeline").visible_items] == ["e2", "e3"]


async def test_slash_filters_the_focused_pane_live() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        s = screen(app)
        actors = s.pane("actors")
        await pilot.press("2", "slash")
        assert s.filter_open
        shown = []
        for ch in "der":
            await pilot.press(ch)
            shown.append(actors.shown)
        assert shown == [3, 2, 1]  # "d": advisor, defense, dermer; "de": defense, dermer; "der": dermer
        assert [it.key for it in actors.visible_items] == ["ron-dermer"]
        assert "/der" in title_of(actors)
        assert s.pane("quotes").shown == 2  # other panes untouched
        await pilot.press("enter")  # keep the filter, back to the list
        assert not s.filter_open and focused_id(app) == "actors" and actors.shown == 1
        await pilot.press("escape")  # clears it
        assert actors.shown == 5
        await pilot.press("slash", "x", "y", "z", "escape")
        assert actors.shown == 5 and not s.filter_open


async def test_slash_in_the_source_searches_and_n_steps() -> None:
    b = seed_briefing()
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        s = screen(app)
        await pilot.press("5", "slash")
        for ch in "israel":
            await pilot.press(ch)
        await pilot.press("enter")
        count = b.text.lower().count("israel")
        assert s.source.highlight_count == count
        await marks(pilot, s.source, lambda shown: shown.lower() == "israel")
        before = s.source.current_index
        await pilot.press("n")
        assert s.source.current_index == ((before or 0) + 1) % count


# -- other keys --------------------------------------------------------------------------------------


async def test_y_copies_the_selected_item() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("3", "y")
        assert app.clipboard == "Our trust of the Israelis is very low right now, and for a good reason"
        assert any("Copied quote" in str(n.message) for n in app._notifications)
        await pilot.press("2", "j", "y")
        assert app.clipboard == "Jake Sullivan"
        await pilot.press("enter", "y")  # in the source: the highlighted text
        assert app.clipboard == "Jake Sullivan"


async def test_help_lists_every_binding_and_closes() -> None:
    from briefing.tui import keys

    async with reader([SEED], size=(100, 60), builders=SEED_BUILD) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        from briefing.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        shown = "\n".join(str(w.render()) for w in body.children)
        for scope in keys.SCOPES:
            assert scope.title in shown
            for b in scope.bindings:
                assert b.description in shown, b
        for key in ("ctrl+p", "?", "/", "[", "]", "G", "n", "N", "y", "f", "o", "r", "q"):
            assert f" {key} " in f" {shown} ".replace("\n", " ") or f"{key}  " in shown, key
        await pilot.press("escape")
        assert isinstance(app.screen, ReportScreen)


async def test_palette_jumps_to_an_actor_by_fuzzy_name() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("ctrl+p")
        for ch in "dermr":
            await pilot.press(ch)
        await shows(pilot, app, "Actor: Ron Dermer")
        await pilot.press("enter")
        await pilot.pause(0.1)
        s = screen(app)
        assert focused_id(app) == "actors" and s.pane("actors").selected.key == "ron-dermer"
        assert s.source.highlight_count == 2  # its mentions, ready in the source view


async def test_palette_runs_key_commands_by_name() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("ctrl+p")
        for ch in "timeline pane":
            await pilot.press(ch if ch != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert focused_id(app) == "timeline"


async def test_r_reloads_and_a_changed_file_is_reparsed_keeping_the_selection(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    calls = []

    def build(path: Path) -> Briefing:
        calls.append(path)
        b = seed_briefing(path)
        extra = [] if "Gallant" not in b.text else [actor(b, "yoav-gallant", "Yoav Gallant", "person", "Gallant")]
        if "A new closing line" in b.text:
            extra.append(actor(b, "closing", "A new closing line", "group"))
        return b.model_copy(update={"actors": [*b.actors, *extra]})

    async with reader([report], builders={"report.txt": build}, watch_interval=0.05) as (app, pilot):
        s = screen(app)
        await pilot.press("2", "j", "j")
        assert s.pane("actors").selected.key == "ron-dermer"
        n = len(calls)
        await pilot.press("r")
        await wait_for(pilot, lambda: len(calls) > n and not s._loading)
        assert s.pane("actors").selected.key == "ron-dermer"

        report.write_text(report.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
        await wait_for(pilot, lambda: any(a.id == "closing" for a in (s.briefing.actors if s.briefing else [])))
        assert s.pane("actors").selected.key == "ron-dermer"
        assert focused_id(app) == "actors"
        assert "A new closing line" in s.source.text


async def test_parsing_runs_in_a_worker_with_a_loading_state() -> None:
    release = threading.Event()

    def slow(path: Path) -> Briefing:
        release.wait(5)
        return seed_briefing(path)

    async with reader([SEED], builders={SEED.name: slow}, wait=False) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.pause(0.05)
        assert "loading" in screen_text(app).splitlines()[0]
        assert "Reading the report…" in screen_text(app)
        await pilot.press("2", "j", "question_mark", "escape")  # the UI answers while parsing
        assert "Reading the report…" in screen_text(app)
        release.set()
        await wait_for(pilot, lambda: report_loaded(app))
        assert "Reading the report…" not in screen_text(app) and "5 actors" in screen_text(app)


async def test_unreadable_report_shows_an_error_screen_and_exits_1(tmp_path: Path) -> None:
    png = tmp_path / "image.md"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    from briefing.tui.app import _default_parse

    async with reader([png], parse=_default_parse()) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, ErrorScreen) and "binary file" in screen_text(app))
        text = screen_text(app)
        assert "image.md" in text and "binary file" in text
        await pilot.press("q")
    assert app.return_code == 1


async def test_q_quits_with_exit_code_0() -> None:
    async with reader([SEED], builders=SEED_BUILD) as (app, pilot):
        await pilot.press("q")
    assert app.return_code == 0


async def test_source_view_stays_on_a_pane_item_after_reload_in_wide_layout() -> None:
    async with reader([STRUCTURED], size=(200, 50), builders=STRUCTURED_BUILD) as (app, pilot):
        s = screen(app)
        await pilot.press("2", "j", "enter")
        await marks(pilot, s.source, "Rui Maldonado")
        await pilot.press("r")
        await wait_for(pilot, lambda: not s._loading)
        await pilot.pause(0.1)
        assert s.source.highlight_count == len(structured_briefing(STRUCTURED).actors[1].mentions)
        assert isinstance(app.focused, (Pane, SourceView))


async def test_resizing_between_wide_and_narrow_keeps_the_pane_in_view() -> None:
    async with reader([SEED], size=(200, 50), builders=SEED_BUILD) as (app, pilot):
        s = screen(app)
        assert not s.narrow
        await pilot.press("3")
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: s.narrow and s.pane("quotes").region.height > 0)
        assert s.active == "quotes"
        await pilot.press("2", "enter")  # source tab, showing an actor
        await pilot.press("f")  # f in the source filters by the actor shown
        assert s.actor_filter == "benjamin-netanyahu"
        await pilot.resize_terminal(200, 50)
        await wait_for(pilot, lambda: not s.narrow and all(p.region.height > 0 for p in s.panes))
        assert focused_id(app) == "source"


async def test_a_5_mb_report_opens_and_its_end_is_reachable() -> None:
    from briefing.model import SourceInfo, Span, SummaryItem

    para = "The port authority said on Tuesday that talks with the dockworkers would resume next week. " * 12
    text = "\n\n".join(f"{n}. {para}" for n in range(4700)) + "\n\nThe very last sentence of the report.\n"
    assert len(text) > 5_000_000
    last = text.rindex("The very last sentence")
    big = Briefing(id="big5", source=SourceInfo(path="big5.txt", format="text", encoding="utf-8", size=len(text)),
                   text=text, title="Five megabytes",
                   summary=[SummaryItem(text="The very last sentence of the report.",
                                        span=Span(start=last, end=last + 37), origin="lead")])
    async with reader([Path("big5.txt")], size=(200, 50), builders={"big5.txt": lambda p: big}) as (app, pilot):
        s = screen(app)
        assert s.source.line_count > 60_000  # wrapped lazily-rendered lines, not one giant widget
        await pilot.press("enter")
        await marks(pilot, s.source, "The very last sentence of the report.")
        await pilot.press("g", "G")
        await shows(pilot, app, "The very last sentence of the report.")
