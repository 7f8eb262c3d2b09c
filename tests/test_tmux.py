"""The installed `briefing` in a real terminal: tmux at 80×24, keys sent, the screen captured.

Also run as over SSH: `TERM=screen-256color` / `tmux-256color` and no `COLORTERM`. Skips only when tmux
is missing (CI installs it).
"""

from __future__ import annotations

import os
import re
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


# -- hostile input (issue 5): the committed markup and escape cases of tests/fixtures/hostile -------------

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
# Each case, and what its source text must show in the reader: the markup as written, every control
# character as a visible placeholder. Matched with whitespace and borders left out (the pane wraps lines).
ESCAPE_CASES = {
    "rich_markup.md": ["[@click=app.quit]Quit[/]", "[link=https://example.com]x[/link]", "[red]Ana[/red]"],
    "ansi_csi.txt": ["␛[2J␛[HCleared.", "␛[31mred␛[0m"],
    "osc52_clipboard.txt": ["␛]52;c;cm0gLXJmIH4K␇"],
    "osc8_hyperlink.txt": ["␛]8;;https://evil.example/␛\\the report␛]8;;␛\\"],
    "dcs.txt": ["␛P+q544e␛\\", "␛[6n␛[c."],  # a terminal query would answer with keys: none sent
    "c1_controls.txt": ["Controls:<U+0080><U+0081>", "<U+009B>2J done"],
    "bidi_overrides.txt": ["<U+202E>terces<U+202C>", "<U+2066>isolated<U+2069>"],
    "bel_bs.txt": ["Ring␇␇", "Safe␈␈␈␈EVIL", "Tab␋bed␌"],
}
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
# What tmux's grid must not hold: escapes beyond its own colours, C0 (but newline), C1, bidi controls.
_NOT_IN_GRID = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _squeezed(screen: str) -> str:
    return re.sub(r"[\s│]+", "", screen)


def _check_grid(t: Terminal, header: bool = True, timeout: float = 10) -> str:
    """The screen as tmux holds it, with attributes (`capture-pane -e`): only SGR sequences, never a
    control character; once the frame is complete, all 24 rows with the key bar at the bottom and (on a
    report or the library) the header on top: a stray `ESC[2J` or cursor move would break that."""
    deadline = time.monotonic() + timeout
    while True:
        raw = t._tmux("capture-pane", "-p", "-e", "-t", "t")
        rest = _SGR.sub("", raw)
        bad = _NOT_IN_GRID.search(rest.replace("\n", ""))
        assert bad is None, f"{bad.group()!r} reached the terminal: {rest[max(0, bad.start() - 40):][:80]!r}"
        lines = rest.split("\n")[:24]
        if len(lines) == 24 and (lines[0].strip() or not header) and re.search(r"\b(Quit|Library|Filter)\b",
                                                                              lines[-1]):
            return rest
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen is not whole:\n{rest}")
        time.sleep(0.1)


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in paths}


def test_hostile_markup_and_escape_cases_in_a_real_terminal(terminal) -> None:  # type: ignore[no-untyped-def]
    """The committed markup and escape cases, opened together (the library) and stepped through with `]`:
    each shows its text literally, the screen stays whole, no OSC 52 reaches the clipboard (tmux keeps
    one as a paste buffer when `set-clipboard` is on), keys still work and `q` exits 0."""
    files = [HOSTILE / name for name in ESCAPE_CASES]
    before = _snapshot(files)
    t = terminal([str(f) for f in files], TERM="screen-256color", COLORTERM=None)
    t._tmux("set-option", "-g", "set-clipboard", "on")  # before anything is drawn (Textual takes longer to load)
    t.wait_for(f"{len(files)} reports", "Reports")
    _check_grid(t)
    t.keys("Enter")
    seen: list[str] = []
    for _ in files:
        t.keys("5")
        deadline = time.monotonic() + 20
        found = None
        while found is None and time.monotonic() < deadline:
            screen = _squeezed(t.screen())
            found = next((name for name, texts in ESCAPE_CASES.items() if name not in seen
                          and all(_squeezed(x) in screen for x in texts)), None)
            if found is None:
                time.sleep(0.1)
        assert found is not None, f"none of the remaining cases shows its text literally:\n{t.screen()}"
        seen.append(found)
        _check_grid(t)
        t.keys("]")
    assert sorted(seen) == sorted(ESCAPE_CASES)

    t.keys("1", "2", "3", "4", "j", "Enter", "Escape", "/", "x", "Escape", "?")
    t.wait_for("Keys — escape closes")  # still answering keys
    t.keys("Escape")
    time.sleep(0.3)
    _check_grid(t)
    assert t._tmux("list-buffers") == "", "an OSC 52 clipboard write reached the terminal"
    t.keys("q")
    assert t.exit_code() == 0
    assert _snapshot(files) == before, "a report was written to"


def test_the_clipboard_check_sees_an_osc_52_write(tmp_path: Path) -> None:
    """The control for the test above: in this tmux, a program that does write OSC 52 fills a buffer."""
    socket = str(tmp_path / "control.sock")
    tmux = [TMUX, "-S", socket]  # type: ignore[list-item]
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "24",
                        "sleep 0.5; printf '\\033]52;c;aGVsbG8=\\007'; sleep 10"], check=True, timeout=20)
        subprocess.run([*tmux, "set-option", "-g", "set-clipboard", "on"], check=True, timeout=20)
        deadline = time.monotonic() + 10
        buffers = ""
        while not buffers and time.monotonic() < deadline:
            time.sleep(0.1)
            buffers = subprocess.run([*tmux, "list-buffers"], capture_output=True, text=True, timeout=20).stdout
        assert "hello" in buffers
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, timeout=20)


def test_a_fifo_in_a_real_terminal_shows_an_error_and_exits_1(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`briefing pipe.txt` on a named pipe with no writer: an error screen at once, not a frozen terminal."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    t = terminal([str(pipe)])
    t.wait_for("Cannot open report", "pipe.txt", "not a regular file")
    _check_grid(t, header=False)  # the error screen has no header line
    t.keys("q")
    assert t.exit_code() == 1
