"""The text shown before the parse finishes (`briefing.tui.preview`) obeys `--max-bytes` like the parse:
a report over the cap is neither read nor shown, the error screen says why; nothing past the cap is read;
FIFOs and devices are never opened; the file is only ever opened for reading."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tui_fixtures import reader, screen_text, wait_for

from briefing.model import Briefing
from briefing.tui import preview
from briefing.tui.app import _default_parse
from briefing.tui.preview import quick_text
from briefing.tui.screens.error import ErrorScreen
from briefing.tui.screens.report import ReportScreen

BODY = "Harbour pilots joined the strike at noon, the union said.\n"


def report(tmp_path: Path, size: int, name: str = "r.txt") -> Path:
    path = tmp_path / name
    text = (BODY * (size // len(BODY) + 1))[:size]
    path.write_bytes(text.encode("ascii"))
    return path


class Reads:
    """Every open and read the preview makes (file mode, open flags, bytes asked for)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opens: list[tuple[str, str, int]] = []
        self.asked: list[int] = []
        real_open = open
        real_opener = preview._open_nonblocking

        def opener(path: str, flags: int) -> int:
            fd = real_opener(path, flags)
            self.opens[-1] = (*self.opens[-1][:2], flags)
            return fd

        def spy_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            self.opens.append((str(path), mode, -1))
            fh = real_open(path, mode, *args, **kwargs)
            return _Counting(fh, self.asked)

        monkeypatch.setattr(preview, "_open_nonblocking", opener)
        monkeypatch.setattr(preview, "open", spy_open, raising=False)  # the module's `open` before builtins'


class _Counting:
    def __init__(self, fh: Any, asked: list[int]) -> None:
        self.fh, self.asked = fh, asked

    def __enter__(self) -> _Counting:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()

    def fileno(self) -> int:
        return int(self.fh.fileno())

    def read(self, n: int = -1) -> bytes:
        self.asked.append(n)
        return bytes(self.fh.read(n))


# -- quick_text --------------------------------------------------------------------------------------


def test_a_file_over_the_cap_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = report(tmp_path, 1001)
    reads = Reads(monkeypatch)
    assert quick_text(path, 1000) is None
    assert reads.opens == [] and reads.asked == []


def test_nothing_past_the_cap_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file exactly at the cap is shown, and never more than the cap is asked for (the loader's
    usual one-byte probe would be one past it)."""
    path = report(tmp_path, 1000)
    reads = Reads(monkeypatch)
    assert quick_text(path, 1000) == path.read_text()
    assert reads.asked and max(reads.asked) <= 1000 and all(n >= 0 for n in reads.asked)


def test_a_generous_cap_asks_for_the_file_not_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--max-bytes 10G` must not make the preview ask for (and allocate) 10 GB for a 2 KB report."""
    path = report(tmp_path, 2000)
    reads = Reads(monkeypatch)
    assert quick_text(path, 10 * 1024**3) == path.read_text()
    assert max(reads.asked) <= 2001


def test_a_report_over_the_preview_ceiling_waits_for_the_parse(tmp_path: Path) -> None:
    """Above 20 MB the text is read in the parse's worker, never on the UI thread, whatever the cap."""
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.write(b"x")
        fh.truncate(preview.PREVIEW_MAX_BYTES + 1)  # sparse: no 20 MB written
    assert quick_text(path, 60 * 1024**2) is None


def test_fifos_and_devices_are_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    reads = Reads(monkeypatch)
    done = threading.Event()
    results: list[str | None] = []

    def run() -> None:
        results.extend([quick_text(pipe, 1000), quick_text(Path("/dev/zero"), 1000),
                        quick_text(Path("/dev/null"), 1000)])
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(5), "the preview blocked on a FIFO"
    assert results == [None, None, None]
    assert reads.opens == []


def test_the_file_is_opened_read_only_and_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = report(tmp_path, 500)
    before = (path.stat().st_mtime_ns, path.read_bytes())
    reads = Reads(monkeypatch)
    assert quick_text(path, None) == path.read_text()
    [(_, mode, flags)] = reads.opens
    assert mode == "rb" and flags & os.O_ACCMODE == os.O_RDONLY
    assert not flags & (os.O_CREAT | os.O_TRUNC | os.O_APPEND)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


# -- in the reader -----------------------------------------------------------------------------------


def gated(parse: Callable[[Path], Briefing]) -> tuple[Callable[[Path], Briefing], threading.Event]:
    """`parse`, held until the test opens the gate (to look at the screen before the parse is done)."""
    gate = threading.Event()

    def run(path: Path) -> Briefing:
        assert gate.wait(10), "the test never opened the gate"
        return parse(path)

    return run, gate


@pytest.mark.parametrize("size, cap, shown", [
    (1500, 1000, False),  # over `--max-bytes`: not shown before the parse, refused by it
    (1500, 2000, True),  # under it: shown at once
])
async def test_the_reader_preview_uses_max_bytes(tmp_path: Path, size: int, cap: int, shown: bool) -> None:
    """`briefing --max-bytes N FILE`: the text appears before the parse only when the parse will accept
    it; a report over the cap shows the same refusal as when the preview is not involved."""
    path = report(tmp_path, size)
    parse, gate = gated(_default_parse(max_bytes=cap))
    async with reader([path], size=(140, 30), parse=parse, wait=False, max_bytes=cap) as (app, pilot):
        try:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReportScreen) and screen.briefing is None  # the parse is held
            on_screen = "Harbour pilots joined the strike" in screen_text(app)  # (wide: the source is shown)
            assert on_screen is shown and bool(screen.source.display_text) is shown
        finally:
            gate.set()
        if shown:
            await wait_for(pilot, lambda: screen.briefing is not None)
            assert screen.source.display_text == path.read_text()
        else:
            await wait_for(pilot, lambda: isinstance(app.screen, ErrorScreen))
            text = " ".join(screen_text(app).split())
            assert "Cannot open report" in text and "too large" in text and "--max-bytes" in text
            assert "Harbour pilots" not in text


def test_the_command_line_cap_reaches_the_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run_reader` gives the app the `--max-bytes` the parse gets (the preview reads it from there)."""
    from briefing.commands.read import build_parser
    from briefing.tui import app as app_module

    path = report(tmp_path, 100)
    seen: list[int | None] = []
    monkeypatch.setattr(app_module.BriefingApp, "run", lambda self, *a, **k: seen.append(self.max_bytes))
    args = build_parser().parse_args(["--max-bytes", "3K", str(path)])
    assert app_module.run_reader(args) == 0
    assert seen == [3 * 1024]
