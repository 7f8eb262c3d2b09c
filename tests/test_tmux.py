"""The installed `briefing` in a real terminal: tmux at 80×24, keys sent, the screen captured.

Also run as over SSH: `TERM=screen-256color` / `tmux-256color` and no `COLORTERM`. Skips only when tmux
is missing (CI installs it).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_226388b4aeac2740.txt"
TMUX = shutil.which("tmux")

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(TMUX is None, reason="tmux is not installed")]


def installed_briefing() -> str:
    exe = Path(sys.executable).with_name("briefing")
    if exe.exists():
        return str(exe)
    found = shutil.which("briefing")
    assert found, "the briefing command is not installed"
    return found


class Terminal:
    """One detached tmux session (own socket) running one command."""

    def __init__(self, tmp: Path, args: list[str], env: dict[str, str | None]) -> None:
        self.socket = str(tmp / "tmux.sock")
        self.exit_file = tmp / "exit_code"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if v is not None)
        unset = " ".join(f"-u {k}" for k, v in env.items() if v is None)
        command = " ".join(shlex.quote(a) for a in [installed_briefing(), *args])
        script = tmp / "run.sh"
        script.write_text(f"#!/bin/sh\nenv {unset} {exports} {command}\necho $? > {shlex.quote(str(self.exit_file))}\n",
                          encoding="utf-8")
        script.chmod(0o755)
        self._tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "t", str(script))

    def _tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True,  # type: ignore[list-item]
                              timeout=20).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "t", key)
            # A lone ESC followed quickly by a key reads as alt+key in any terminal: leave a gap after it.
            time.sleep(0.3 if key == "Escape" else 0.05)

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts} not on screen:\n{screen}")

    def exit_code(self, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return int(self.exit_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"briefing did not exit:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX, "-S", self.socket, "kill-server"], capture_output=True, timeout=20)  # type: ignore[list-item]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    opened: list[Terminal] = []

    def start(args: list[str], **env: str | None) -> Terminal:
        base = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                "BRIEFING_CONFIG": None, "NO_COLOR": None, **env}
        t = Terminal(tmp_path, args, base)
        opened.append(t)
        return t

    yield start
    for t in opened:
        t.close()


@pytest.mark.parametrize("term, colorterm", [
    ("xterm-256color", "truecolor"),
    ("screen-256color", None),  # over SSH: COLORTERM is not forwarded
    ("tmux-256color", None),
])
def test_reader_in_a_real_terminal(terminal, term: str, colorterm: str | None) -> None:  # type: ignore[no-untyped-def]
    t = terminal([str(SEED)], TERM=term, COLORTERM=colorterm)
    screen = t.wait_for("1 Summary", "2 Actors", "5 Source", "The White House")
    lines = screen.splitlines()
    assert "000_226388b4aeac2740.txt" in lines[0] and "actors" in lines[0]
    assert "q Quit" in lines[-1]
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)

    t.keys("2")
    screen = t.wait_for("Actors", "mentions")
    assert "Benjamin Netanyahu" in screen or "Netanyahu" in screen
    t.keys("3")
    t.wait_for("Quotes", "Our trust of the Israelis")
    t.keys("5")
    t.wait_for("Washington's wear in trust")
    t.keys("2", "Enter")
    t.wait_for("(mentions)", "n Next mention")
    t.keys("Escape", "?")
    t.wait_for("Keys — escape closes", "Quit")
    t.keys("Escape", "q")
    assert t.exit_code() == 0


def test_markup_and_escape_sequences_in_a_real_terminal(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "hostile.md"
    report.write_text(
        "---\ntitle: \"[bold]Hostile[/bold] [@click=app.quit]report[/]\"\n---\n\n"
        "[Reuters] LONDON - The [/b] tag and [@click=app.quit]this[/] stay text. Clear: \x1b[2J end.\n\n"
        "Clipboard: \x1b]52;c;aGVsbG8=\x07 and bidi \u202eevil\u202c here.\n",
        encoding="utf-8")
    t = terminal([str(report)], TERM="screen-256color", COLORTERM=None)
    t.wait_for("[bold]Hostile[/bold] [@click=app.quit]report[/]")
    t.keys("5")
    screen = t.wait_for("[Reuters] LONDON", "[/b] tag", "␛[2J", "<U+202E>evil<U+202C>")
    assert "␛]52;c;aGVsbG8=␇" in screen
    t.keys("j", "k", "1", "2", "3", "4", "Enter", "Escape")
    time.sleep(0.3)
    assert "[Reuters]" in t.screen() or "Hostile" in t.screen()  # still alive and intact
    t.keys("q")
    assert t.exit_code() == 0


def test_unreadable_file_in_a_real_terminal_exits_1(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "scan.md"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(64))
    t = terminal([str(bad)])
    t.wait_for("Cannot open report", "scan.md", "PDF")
    t.keys("q")
    assert t.exit_code() == 1
