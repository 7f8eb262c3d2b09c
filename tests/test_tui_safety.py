"""Untrusted report text: shown literally, never parsed as markup, never emitted as terminal controls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tui_fixtures import actor, marks, quote, reader, screen_text, shows, skeleton, wait_for

from briefing.model import Briefing
from briefing.tui.safe import Neutralised, clipboard_text, is_safe, neutralise, one_line, placeholder

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

HOSTILE = (
    "---\n"
    "title: \"[bold red]Breaking[/] [@click=app.quit]news[/]\"\n"
    "source: \"[Reuters]\"\n"
    "date: 2024-10-08\n"
    "---\n\n"
    "[Reuters] WASHINGTON - The [/b] tag closes nothing. [@click=app.quit]Click me[/] and "
    "[link=https://example.com]a link[/link] stay text.\n\n"
    "Escapes: \x1b[2J cleared? OSC 52: \x1b]52;c;aGVsbG8=\x07 and OSC 8 \x1b]8;;https://evil.example\x1b\\here"
    "\x1b]8;;\x1b\\ and DCS \x1bP1$r\x1b\\ done.\n\n"
    "C1 \x9b31m red, NEL \x85, BEL \x07, BS \x08.\n\n"
    "Bidi \u202eevil\u202c and \u2066isolated\u2069 text; wide 漢字 and emoji 🎉.\n\n"
    "\"[/b] is not a tag,\" said [bold]Mallory[/bold] of [Reuters].\n"
)


def hostile_briefing(path: Path) -> Briefing:
    b = skeleton(path)
    actors = [
        actor(b, "mallory", "[bold]Mallory[/bold]", "person"),
        actor(b, "reuters", "[Reuters]", "organization"),
        actor(b, "evil", "\u202eevil\u202c", "group"),
        actor(b, "osc", "\x1b]52;c;aGVsbG8=\x07", "group"),
    ]
    quotes = [quote(b, "q1", "[/b] is not a tag,", "[bold]Mallory[/bold]", "mallory", "said")]
    return b.model_copy(update={"actors": actors, "quotes": quotes})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    p = tmp_path / "hostile.md"
    p.write_text(HOSTILE, encoding="utf-8")
    return p


# -- safe.py -----------------------------------------------------------------------------------------


def test_controls_and_bidi_become_visible_placeholders() -> None:
    assert neutralise("a\x1b[2Jb") == "a␛[2Jb"
    assert neutralise("\x07\x08\x00\x7f") == "␇␈␀␡"
    assert neutralise("x\x9b31m") == "x<U+009B>31m"
    assert neutralise("\u202eevil\u202c") == "<U+202E>evil<U+202C>"
    assert neutralise("\u2066i\u2069") == "<U+2066>i<U+2069>"
    assert neutralise("line\nnext\ttab") == "line\nnext\ttab"  # kept
    assert neutralise("plain [b]text[/b] 漢字 🎉") == "plain [b]text[/b] 漢字 🎉"
    assert neutralise("\ud800") == "<U+D800>"
    assert is_safe("ok\n\t") and not is_safe("\x1b")
    assert one_line("a\n\n  b\x1bc") == "a b␛c"
    assert clipboard_text("a\x1b]52;c;x\x07b\u202e") == "a]52;c;xb"
    assert placeholder("\x1b") == "␛"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(["\x1b", "\x9b", "\u202e", "\x07", "\n", "\t",
                                                                   "\u2069", "\x00", "\x7f"])), max_size=30),
       st.data())
def test_offsets_map_through_the_placeholders(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    nt = Neutralised.of(text)
    assert nt.text == neutralise(text) and is_safe(nt.text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ds, de = nt.span(start, end)
    assert nt.text[ds:de] == neutralise(text[start:end])
    assert nt.to_model(ds) == start


# -- the reader --------------------------------------------------------------------------------------


def assert_nothing_unsafe_on_screen(app) -> None:  # type: ignore[no-untyped-def]
    for strip in app.screen._compositor.render_strips():
        for seg in strip:
            assert not UNSAFE.search(seg.text), repr(seg.text)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_markup_and_escapes_in_a_report_render_literally_and_trigger_nothing(hostile: Path,
                                                                                   size: tuple[int, int]) -> None:
    async with reader([hostile], size=size, builders={hostile.name: hostile_briefing}) as (app, pilot):
        text = screen_text(app)
        assert "[bold red]Breaking[/] [@click=app.quit]news[/]" in text  # header: the title as written
        assert "[Reuters]" in text
        assert_nothing_unsafe_on_screen(app)

        await pilot.press("2")
        await shows(pilot, app, "[bold]Mallory[/bold]")
        text = screen_text(app)
        assert "[bold]Mallory[/bold]" in text and "[Reuters]" in text
        assert "<U+202E>evil<U+202C>" in text and "␛]52;c;aGVsbG8=␇" in text
        assert_nothing_unsafe_on_screen(app)

        await pilot.press("enter")  # Mallory's mention, highlighted through the placeholders
        await marks(pilot, app.screen.source, "[bold]Mallory[/bold]")
        await pilot.press("escape", "j", "j", "j", "enter")  # the OSC 52 "actor"
        await marks(pilot, app.screen.source, "␛]52;c;aGVsbG8=␇")
        assert_nothing_unsafe_on_screen(app)
        await pilot.press("g")  # the top of the source text
        await shows(pilot, app, "[Reuters] WASHINGTON")
        text = screen_text(app)
        for literal in ("[Reuters] WASHINGTON", "[/b] tag", "[@click=app.quit]Click", "[link=https://example.com]a",
                        "␛[2J", "<U+009B>31m", "<U+202E>evil<U+202C>", "漢字"):
            assert literal in text, literal
        assert_nothing_unsafe_on_screen(app)

        await pilot.press("3")
        await shows(pilot, app, "“[/b] is not a tag,”")
        await pilot.press("y")
        assert app.clipboard == "[/b] is not a tag,"
        await pilot.press("2", "G", "y")
        assert app.clipboard == "]52;c;aGVsbG8="  # controls stripped before the clipboard

        await pilot.press("ctrl+p")
        for ch in "mallory":
            await pilot.press(ch)
        await shows(pilot, app, "Actor: [bold]Mallory[/bold]")
        assert_nothing_unsafe_on_screen(app)
        await pilot.press("escape")

        await pilot.press("5", "slash")
        for ch in "[/b]":
            await pilot.press(ch)
        await pilot.press("enter")
        assert app.screen.source.highlight_count == 2
        await shows(pilot, app, "[/b]")
        assert app.is_running and app.return_code is None  # [@click=app.quit] ran nothing


async def test_hostile_report_in_the_library_lists_literally(hostile: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: \"[/i] \\e[31m red\"\nsource: \"[@click=app.bell]x\"\n---\n\nText.\n",
                     encoding="utf-8")
    from briefing.tui.screens.library import LibraryScreen

    async with reader([hostile, other], builders={hostile.name: hostile_briefing, other.name: skeleton},
                      wait=False) as (app, pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and all(e.loaded for e in app.library.entries()))
        text = screen_text(app)
        assert "[bold red]Breaking[/] [@click=app.quit]news[/]" in text
        assert "[/i] ␛[31m red" in text and "[@click=app.bell]x" in text
        assert_nothing_unsafe_on_screen(app)
        await pilot.press("enter")
        assert app.is_running
