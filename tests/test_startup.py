"""What makes the reader start fast: nothing heavy before the first paint, the text before the parse,
a parse that can run in another process. Behaviour a user notices, not timings (see benchmarks/)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tui_fixtures import SEED, reader, seed_briefing, wait_for

from briefing import load
from briefing.commands import DEFAULT_MAX_BYTES
from briefing.pipeline import parse_file
from briefing.tui.preview import quick_text

ROOT = Path(__file__).resolve().parent.parent


def test_reader_default_size_limit_is_the_loaders() -> None:
    assert DEFAULT_MAX_BYTES == load.DEFAULT_MAX_BYTES


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_nothing_of_the_parser_is_imported_before_the_reader_paints() -> None:
    # What `briefing FILE` runs before the app starts: the command line, then the app module.
    mods = _modules_after(f"from briefing.commands.read import build_parser\n"
                          f"build_parser().parse_args([{str(SEED)!r}])\n"
                          "import briefing.tui.app, briefing.tui.screens.report")
    assert not {"pydantic", "briefing.model", "briefing.pipeline", "markdown_it", "yaml"} & mods


def test_briefing_parse_does_not_import_textual(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    mods = _modules_after(f"from briefing.cli import main\nmain(['parse', {str(SEED)!r}, '-o', {str(out)!r}])")
    assert out.stat().st_size > 0
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


@pytest.mark.parametrize("data", [
    b"plain\nlines\n",
    b"crlf\r\nand\rold mac\r\n",
    b"\xef\xbb\xbfwith a BOM \xe2\x80\x94 and UTF-8",
    "---\ntitle: T\n---\n# Head\n\nBody \u2028 odd separator\n".encode(),
])
def test_preview_is_the_text_the_parse_gives(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(data)
    assert quick_text(path, 1 << 20) == parse_file(path).text


@pytest.mark.parametrize("data", ["utf-16 text".encode("utf-16"), b"nul\x00inside", b"caf\xe9 (cp1252)"])
def test_preview_leaves_other_encodings_to_the_parse(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert quick_text(path, 1 << 20) is None


def test_preview_respects_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    assert quick_text(path, 99) is None and quick_text(path, 100) == "x" * 100


async def test_text_is_shown_before_the_parse_and_a_pane_chosen_meanwhile_keeps_the_focus() -> None:
    release = threading.Event()

    def slow_parse(path: Path):  # type: ignore[no-untyped-def]
        release.wait(10)
        return seed_briefing(path)

    async with reader([SEED], size=(160, 40), parse=slow_parse, wait=False) as (app, pilot):
        screen = app.screen
        await wait_for(pilot, lambda: getattr(screen, "source", None) is not None and screen.source.text != "")
        assert screen.briefing is None  # still parsing
        assert screen.source.text == SEED.read_text(encoding="utf-8")
        await pilot.press("5")
        release.set()
        await wait_for(pilot, lambda: screen.briefing is not None)
        assert app.focused is screen.source  # not taken back to the summary by the parse's arrival


needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


@needs_fork
def test_forked_parser_gives_the_same_briefing_and_the_same_errors(tmp_path: Path) -> None:
    from briefing.load import LoadError
    from briefing.tui.parse_process import ForkedParser

    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    parser = ForkedParser(None, DEFAULT_MAX_BYTES, first=SEED)
    try:
        assert parser(SEED) == parse_file(SEED)  # the answer it started on before being asked
        assert parser(SEED) == parse_file(SEED)  # and again, asked
        with pytest.raises(LoadError, match="PNG"):
            parser(binary)
        os.kill(parser.pid, 9)  # the child dies: the reader parses in its own process
        os.waitpid(parser.pid, 0)
        assert parser(SEED) == parse_file(SEED)
    finally:
        parser.close()
