"""Hostile and broken input through the reader (Pilot): every case of `fixtures/hostile/make_fixtures.py`.

Each case opens (the report screen with a parsed briefing) or shows the error screen with the reason;
never a crash. Keys still work afterwards, nothing in the text triggers an action (no quit, no bell, no
clipboard write, no link), nothing unsafe reaches the terminal, and the reports and their folders are
left exactly as they were. Reports go through the real pipeline (`briefing FILE` parses the same way);
cases are visited several per app run with `]`, the way a user steps through reports.

Also: `briefing DIR` on a folder of good reports mixed with an unreadable file, a symlink loop, a FIFO,
a binary file and a file name that is not UTF-8; and exports (`briefing parse -o`) that cannot leave a
partial or temporary file behind.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import os
import re
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from tui_fixtures import reader, screen_text, shows, wait_for

from briefing.tui.app import BriefingApp, _default_parse
from briefing.tui.safe import neutralise, one_line
from briefing.tui.screens.error import ErrorScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.report import ReportScreen
from briefing.tui.screens.skipped import SkippedScreen

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
if "hostile_fixtures" in sys.modules:  # loaded by test_hostile_parse already
    fx: Any = sys.modules["hostile_fixtures"]
else:
    _spec = importlib.util.spec_from_file_location("hostile_fixtures", HOSTILE / "make_fixtures.py")
    assert _spec and _spec.loader
    fx = importlib.util.module_from_spec(_spec)
    sys.modules["hostile_fixtures"] = fx  # dataclasses look their module up by name
    _spec.loader.exec_module(fx)

MB = 1024 * 1024
SIZE = (80, 24)  # the size the reader promises to work in
SETTLE = 60.0  # seconds a case may take to open or fail (a hang is a failure, not a stuck run)
HANG_LIMIT = float(os.environ.get("BRIEFING_TEST_HANG_LIMIT", 300))  # seconds before a test is interrupted

# What must never reach the terminal once Textual's own colour/style sequences (SGR) are taken out:
# any other escape, C0 controls (a newline only between lines), DEL, C1 controls, bidi embeddings,
# overrides and isolates, line/paragraph separators and lone surrogates.
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_RAW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same minus tab and newline, for text as the widgets hold it.
_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# ---------------------------------------------------------------------------------------------- helpers


class Hung(Exception):
    """The reader blocked its own event loop (e.g. in `open()` of a FIFO): no `await` can time out then."""


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """Interrupt a test that blocks for good: SIGALRM breaks a blocking system call in the main thread
    (where the app's event loop runs) and raises there, so a hang fails the test instead of the run."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise Hung(f"blocked for {HANG_LIMIT:.0f} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, HANG_LIMIT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def privileged(path: Path) -> bool:
    """True when permissions do not stop us (root): a chmod 000 file can be read then."""
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False


def snapshot(folder: Path) -> dict[str, tuple[int, int, str | None]]:
    """Every entry of `folder` (not following links): type, mtime and, for readable files, a hash.
    FIFOs are never opened (that would block)."""
    out: dict[str, tuple[int, int, str | None]] = {}
    for name in sorted(os.listdir(folder)):
        if name == "__pycache__":
            continue
        p = os.path.join(folder, name)
        st = os.lstat(p)
        digest = None
        if stat.S_ISREG(st.st_mode):
            try:
                with open(p, "rb") as fh:
                    digest = hashlib.sha256(fh.read()).hexdigest()
            except PermissionError:
                digest = "unreadable"
        elif stat.S_ISDIR(st.st_mode):
            digest = repr(snapshot(Path(p))) if os.access(p, os.R_OK | os.X_OK) else "unreadable"
        out[name] = (stat.S_IFMT(st.st_mode), st.st_mtime_ns, digest)
    return out


def terminal_output(app: BriefingApp) -> str:
    """What the reader would write to the terminal for the screen as it is now (headless runs write
    nothing): every line of the compositor rendered the way Textual renders an update."""
    width, height = app.size
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=width,
                      height=height, legacy_windows=False, safe_box=False)
    return "\n".join(strip.render(console) for strip in app.screen._compositor.render_strips())


def assert_terminal_safe(app: BriefingApp, where: str) -> None:
    """Only Textual's own style sequences, no control character, no hyperlink, no click action."""
    for strip in app.screen._compositor.render_strips():
        for seg in strip:
            bad = _UNSAFE_TEXT.search(seg.text)
            assert bad is None, f"{where}: raw {bad.group()!r} on screen in {seg.text[:80]!r}"
            style = seg.style
            if style is not None:
                assert not style.link, f"{where}: a hyperlink on screen: {style.link!r}"
                meta = style.meta if style._meta else {}
                actions = [k for k in meta if k.startswith("@click")]
                assert not actions, f"{where}: a click action on screen: {meta!r}"
    rest = _SGR.sub("", terminal_output(app))
    bad = _RAW.search(rest.replace("\n", ""))
    assert bad is None, f"{where}: {bad.group()!r} would reach the terminal: {rest[max(0, bad.start() - 40):][:80]!r}"


@dataclass
class Visit:
    """One case as the reader is given it, and what it must do with it."""

    name: str
    path: Path
    expect: str  # "opened" | "error"
    reason: str | None = None  # text the error screen must show


def reader_expectation(c: Any, path: Path) -> tuple[str, str | None]:
    if c.name == "output_is_input":
        return "opened", None  # `-o` is `briefing parse`'s; the reader never writes
    if c.needs_unprivileged and privileged(path):
        return "opened", None  # root reads a chmod 000 file (the refusal is tested in test_hostile_parse)
    return ("opened", None) if c.expect == "ok" else ("error", c.reason)


def max_bytes_of(c: Any) -> int | None:
    args = list(c.args)
    if "--max-bytes" in args:
        from briefing.commands import parse_size

        return parse_size(args[args.index("--max-bytes") + 1])
    return None


def build_visits(cases: list[Any], folder: Path) -> list[Visit]:
    """Committed cases are opened in place (they must come out untouched); the others are built into
    `folder`, one sub-folder each (their neighbours must not change either). Standard-input cases are
    opened as files: the reader has no standard input."""
    visits = []
    for c in cases:
        path = fx.committed_file(c)
        if path is None:
            where = folder / c.name
            where.mkdir()
            path = c.build(where)
        expect, reason = reader_expectation(c, path)
        visits.append(Visit(c.name, path, expect, reason))
    return visits


def settled(app: BriefingApp, path: Path) -> bool:
    screen = app.screen
    if getattr(screen, "path", None) != path:
        return False
    return isinstance(screen, ErrorScreen) or (isinstance(screen, ReportScreen) and screen.briefing is not None)


class Watch:
    """Side effects the text must never cause: bells, notifications of errors."""

    def __init__(self, app: BriefingApp) -> None:
        self.bells = 0
        self.notes: list[tuple[str, str]] = []
        bell, notify = app.bell, app.notify

        def counting_bell() -> None:
            self.bells += 1
            bell()

        def recording_notify(message: str, *args: Any, **kwargs: Any) -> None:
            self.notes.append((str(message), str(kwargs.get("severity", "information"))))
            notify(message, *args, **kwargs)

        app.bell = counting_bell  # type: ignore[method-assign]
        app.notify = recording_notify  # type: ignore[method-assign]


def assert_alive(app: BriefingApp, where: str) -> None:
    assert app._exception is None, f"{where}: {app._exception!r}"
    assert app.is_running and app.return_code is None, f"{where}: the app stopped"


async def exercise(app: BriefingApp, pilot: Any, v: Visit) -> str:
    """Check what the reader shows for `v`, press the usual keys, check again. Returns the outcome."""
    await wait_for(pilot, lambda: settled(app, v.path) or app._exception is not None, timeout=SETTLE)
    screen = app.screen
    assert_alive(app, v.name)
    assert_terminal_safe(app, f"{v.name}: opened")
    if v.expect == "error":
        assert isinstance(screen, ErrorScreen), f"{v.name}: opened, but the reader should refuse it ({v.reason})"
        text = screen_text(app)
        assert "Cannot open report" in text, text
        assert v.reason and v.reason.lower() in screen.reason.lower(), (v.name, screen.reason)
        shown = " ".join(text.split())
        assert v.reason.lower() in shown.lower(), f"{v.name}: the reason is not on screen:\n{text}"
        assert one_line(v.path.name, 200) in shown, f"{v.name}: the file is not named on screen:\n{text}"
        outcome = f"error screen: {screen.reason}"
        # Report keys do nothing here, and must not break the screen (`q`, `r`, `o`, `[`, `]` act: not those).
        await pilot.press("1", "enter", "escape", "slash", "x")
        assert app.screen is screen, f"{v.name}: the error screen went away"
    else:
        assert isinstance(screen, ReportScreen), f"{v.name}: {getattr(screen, 'reason', screen)}"
        b = screen.briefing
        assert b is not None
        outcome = f"opened ({len(b.actors)} actors, {len(b.quotes)} quotes, {len(b.timeline)} events)"
        await pilot.press("1", "2", "3", "4", "j", "enter")
        assert_terminal_safe(app, f"{v.name}: after enter")
        await pilot.press("escape", "slash", *"[/b]")
        bar = screen.query_one("#filter-input")
        assert bar.value == "[/b]", f"{v.name}: typed {bar.value!r}"  # type: ignore[attr-defined]
        assert_terminal_safe(app, f"{v.name}: filtering")
        await pilot.press("escape", "5")
        assert app.screen is screen, f"{v.name}: keys left the report"
        assert_terminal_safe(app, f"{v.name}: source")
        # All of the text, not only the screenful shown (what scrolling would bring up): the model's
        # text with every unsafe character as its placeholder, nothing dropped.
        shown_text = screen.source.display_text
        bad = _UNSAFE_TEXT.search(shown_text)
        assert bad is None, f"{v.name}: {bad.group()!r} in the source text as displayed"
        assert shown_text == neutralise(b.text), f"{v.name}: the source pane does not show the report's text"
    assert_alive(app, v.name)
    return outcome


async def visit_all(visits: list[Visit], max_bytes: int | None = None,
                    size: tuple[int, int] = SIZE) -> dict[str, str]:
    """Open the first case, step through the rest with `]`, then `o` (library) and `w` (files that
    could not be opened); `q` quits with the exit code the CLI would return."""
    outcomes: dict[str, str] = {}
    paths = [v.path for v in visits]
    parse = _default_parse(max_bytes=max_bytes)
    async with reader(paths, size=size, parse=parse, wait=False, library_mode=False) as (app, pilot):
        watch = Watch(app)
        for n, v in enumerate(visits):
            if n:
                await pilot.press("right_square_bracket")
            outcomes[v.name] = await exercise(app, pilot, v)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and all(e.loaded for e in app.library.entries()), timeout=SETTLE)
        assert_terminal_safe(app, "library")
        await pilot.press("G", "g", "s")
        assert_terminal_safe(app, "library sorted")
        await pilot.press("w")
        assert isinstance(app.screen, SkippedScreen)
        errors = [v for v in visits if v.expect == "error"]
        assert len(app.screen.skipped) == len(errors)
        assert_terminal_safe(app, "skipped files")
        await pilot.press("escape")
        assert_alive(app, "library")
        assert watch.bells == 0, "the bell rang"
        assert not [n for n in watch.notes if n[1] == "error"], watch.notes
        assert app.clipboard == "", f"the clipboard was written: {app.clipboard!r}"
        await pilot.press("q")
    assert app.return_code == (0 if any(v.expect == "opened" for v in visits) else 1)
    return outcomes


def groups() -> list[Any]:
    """The cases, a few app runs' worth each (by kind), all with the reader's default size cap except
    those whose case sets `--max-bytes`. The 50 MB case accepted with `--max-bytes` has its own test."""
    default = [c for c in fx.CASES if max_bytes_of(c) is None and c.name != "big_50mb"]
    committed = [c for c in default if c.committed and not c.stdin]
    generated = [c for c in default if not c.committed]
    big = [c for c in generated if getattr(c.build, "filename", None)]  # built files (no file system tricks)
    fs = [c for c in generated if c not in big]
    half = len(committed) // 2
    capped = [c for c in fx.CASES if max_bytes_of(c) is not None and c.name != "big_50mb_allowed"]
    stdin = [c for c in default if c.stdin]
    return [
        pytest.param(committed[:half], id="committed-1"),
        pytest.param(committed[half:], id="committed-2"),
        pytest.param(big, id="big-generated"),
        pytest.param(fs, id="file-system"),
        pytest.param(stdin + capped, id="stdin-as-files-and-small-cap"),
    ]


def test_every_case_is_in_a_group() -> None:
    seen = [c.name for p in groups() for c in p.values[0]]
    assert len(seen) == len(set(seen))
    # The 50 MB cases have their own tests below (refused at the default cap, accepted with --max-bytes).
    assert sorted([*seen, "big_50mb", "big_50mb_allowed"]) == sorted(c.name for c in fx.CASES)


# ------------------------------------------------------------------------------------------------ tests


@pytest.fixture(scope="module")
def committed_before() -> Iterator[dict[str, Any]]:
    """The committed fixtures, as they were before any test of this module opened them."""
    yield snapshot(HOSTILE)


@pytest.mark.parametrize("cases", groups())
async def test_the_reader_survives_every_case(cases: list[Any], tmp_path: Path,
                                              committed_before: dict[str, Any]) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    visits = build_visits(cases, folder)
    before = snapshot(folder)
    max_bytes = {max_bytes_of(c) for c in cases} - {None}
    assert len(max_bytes) <= 1
    by_cap: dict[int | None, list[Visit]] = {}
    for c, v in zip(cases, visits, strict=True):
        by_cap.setdefault(max_bytes_of(c), []).append(v)
    outcomes: dict[str, str] = {}
    for cap, group in by_cap.items():
        outcomes.update(await visit_all(group, cap))
    for name, outcome in outcomes.items():
        print(f"{name}: {outcome}")
    assert snapshot(folder) == before, "a generated case or its folder changed"
    assert snapshot(HOSTILE) == committed_before, "a committed fixture or the fixture folder changed"


# The cases whose text would act on a terminal or as markup, also in the wide layout (four panes and
# the source text on screen at once).
ESCAPES = ["rich_markup", "ansi_csi", "osc52_clipboard", "osc8_hyperlink", "dcs", "c1_controls", "bel_bs",
           "bidi_overrides", "control_char_name"]


async def test_markup_and_escape_cases_in_the_wide_layout(tmp_path: Path) -> None:
    visits = build_visits([fx.case(name) for name in ESCAPES], tmp_path)
    before = snapshot(tmp_path)
    outcomes = await visit_all(visits, size=(160, 48))
    assert all(o.startswith("opened") for o in outcomes.values()), outcomes
    assert snapshot(tmp_path) == before


@pytest.fixture(scope="module")
def over_the_cap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report just over the 20 MB default cap: real prose, written once for the tests below."""
    p = tmp_path_factory.mktemp("big") / "big_report.txt"
    data = fx._prose_bytes(20 * MB + 64 * 1024)
    p.write_bytes(data[: 20 * MB + 64 * 1024])
    return p


async def test_a_50_mb_report_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    """The size cap is checked before anything is read: a sparse 50 MB file shows the same refusal as
    50 MB of prose (`big_50mb`), without writing 50 MB."""
    c = fx.case("big_50mb")
    path = tmp_path / "big_50mb.txt"
    with open(path, "wb") as fh:
        fh.write(fx._prose_bytes(MB)[:MB])
        fh.truncate(50 * MB)
    outcome = await visit_all([Visit(c.name, path, "error", c.reason)])
    assert "50.0 MB" in outcome[c.name] and "limit 20.0 MB" in outcome[c.name] and "--max-bytes" in outcome[c.name]


@pytest.mark.slow
async def test_a_report_over_the_default_cap_opens_with_max_bytes(over_the_cap: Path) -> None:
    """`briefing --max-bytes 30M BIG`: refused at the default cap, opened with a higher one."""
    before = snapshot(over_the_cap.parent)
    refused = await visit_all([Visit("over_cap", over_the_cap, "error", "too large")])
    assert "limit 20.0 MB" in refused["over_cap"]
    opened = await visit_all([Visit("over_cap_allowed", over_the_cap, "opened")], max_bytes=30 * MB)
    assert opened["over_cap_allowed"].startswith("opened")
    assert snapshot(over_the_cap.parent) == before


def test_the_reader_command_line_passes_max_bytes_on() -> None:
    """`briefing --max-bytes N FILE` reaches the parse the reader uses (the tests above build the app
    the way `run_reader` does, from `_default_parse(max_bytes=...)`)."""
    from briefing.commands.read import build_parser

    args = build_parser().parse_args(["--max-bytes", "60M", "x.md"])
    assert args.max_bytes == 60 * MB
    parse = _default_parse(args.date, args.max_bytes)
    assert parse.keywords["max_bytes"] == 60 * MB  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------ briefing DIR


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Iterator[Path]:
    """Good reports next to files that cannot be opened, the way a downloads folder looks."""
    d = tmp_path / "reports"
    d.mkdir()
    (d / "alpha.md").write_text("---\ntitle: Alpha harbour report\ndate: 2024-10-08\n---\n\n"
                                "Officials in Lisbon met on Monday, a spokesperson said.\n", encoding="utf-8")
    (d / "beta.txt").write_text("BETA TOWN, Oct. 9 (Wire) - The council voted on Tuesday to reopen the "
                                "bridge, the mayor said.\n", encoding="utf-8")
    (d / "gamma.md").write_text("# Gamma \x1b]52;c;aGk=\x07 [@click=app.quit]title[/]\n\nText.\n",
                                encoding="utf-8")
    (d / "scan.md").write_bytes(fx._png())  # binary, named like a report
    (d / "zeros.txt").write_bytes(b"\x00" * 4096)
    locked = d / "locked.md"
    locked.write_text("---\ntitle: Locked report\n---\n\nNobody may read this.\n", encoding="utf-8")
    locked.chmod(0)
    os.mkfifo(d / "pipe.md")
    (d / "loop_a.md").symlink_to("loop_b.md")
    (d / "loop_b.md").symlink_to("loop_a.md")
    (d / "dangling.md").symlink_to("nowhere.md")
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..")  # a folder loop: indexed once, never walked forever
    (d / "sub" / "delta.md").write_text("# Delta report\n\nA nested report.\n", encoding="utf-8")
    raw = os.fsencode(d) + b"/bad-\xff-name.md"
    with open(raw, "wb") as fh:
        fh.write(b"# Undecodable name\n\nText.\n")
    yield d
    locked.chmod(0o644)


async def test_a_folder_with_unopenable_files_lists_the_good_ones_and_the_skipped(mixed_folder: Path,
                                                                                   tmp_path: Path) -> None:
    """`briefing DIR`: the library lists the good reports, `w` lists every skipped file with why, and
    the FIFO neither hangs the scan nor the reader. Nothing is written into the folder."""
    from briefing.tui.library_source import open_for_reader
    from briefing.tui.sources import resolve_inputs

    before = snapshot(mixed_folder)
    root_reads_locked = privileged(mixed_folder / "locked.md")
    inputs = resolve_inputs([str(mixed_folder)], tmp_path / "no-samples")
    assert inputs.library and inputs.roots == [mixed_folder]
    args = argparse.Namespace(no_cache=False, workers=0, max_bytes=None, date=None)
    source = open_for_reader(args, inputs)
    assert source is not None
    try:
        async with reader(inputs.paths, size=(100, 30), wait=False, library=source,
                          library_mode=True) as (app, pilot):
            watch = Watch(app)
            await wait_for(pilot, lambda: source.state.runs > 0 and not source.state.running, timeout=SETTLE)
            good = ["alpha.md", "beta.txt", "gamma.md", "delta.md"] + (["locked.md"] if root_reads_locked else [])
            await shows(pilot, app, f"{len(good)} reports")
            text = screen_text(app)
            for name in good:  # each row shows its file name
                assert f"· {name}" in text, f"{name!r} not listed:\n{text}"
            assert f"{len(good)} reports" in text, text
            assert "Alpha harbour report" in text and "Delta report" in text
            assert "Gamma ␛]52;c;aGk=␇ [@click=app.quit]title[/]" in text  # a hostile title, literally
            assert_terminal_safe(app, "library")

            await pilot.press("w")
            assert isinstance(app.screen, SkippedScreen)
            skipped = dict((os.path.basename(p), why) for p, why in app.screen.skipped)
            expected = {
                "scan.md": "PNG",
                "zeros.txt": "NUL",
                "pipe.md": "not a regular file",
                "loop_a.md": "symbolic link loop",
                "loop_b.md": "symbolic link loop",
                "dangling.md": "broken symbolic link",
                "up": "symbolic link loop",
            }
            if not root_reads_locked:
                expected["locked.md"] = "permission denied"
            for name, why in expected.items():
                assert name in skipped, f"{name} not among the skipped files: {skipped}"
                assert why.lower() in skipped[name].lower(), (name, skipped[name])
            bad_name = [k for k in skipped if k.startswith("bad-")]
            assert bad_name and "not valid UTF-8" in skipped[bad_name[0]], skipped
            shown = screen_text(app)
            assert "Skipped files" in shown and "pipe.md" in shown and "not a regular file" in shown, shown
            assert_terminal_safe(app, "skipped files")
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

            await pilot.press("g", "enter")  # the newest report opens from the index
            await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.briefing is not None,
                           timeout=SETTLE)
            assert "Alpha harbour report" in screen_text(app)
            await pilot.press("o")
            assert isinstance(app.screen, LibraryScreen)
            assert watch.bells == 0 and app.clipboard == ""
            assert_alive(app, "library")
            await pilot.press("q")
        assert app.return_code == 0
    finally:
        source.close()
    assert snapshot(mixed_folder) == before, "the folder changed: the reader wrote next to the reports"


async def test_a_fifo_opened_directly_shows_an_error_and_does_not_hang(tmp_path: Path) -> None:
    """`briefing pipe.txt` (a named pipe with no writer): opening it for the preview must not block the
    UI, and the error screen says what it is."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    outcome = await visit_all([Visit("fifo", pipe, "error", "not a regular file")])
    assert outcome["fifo"] == "error screen: not a regular file"


# --------------------------------------------------------------------------------------------- exports


def _briefing() -> list[str]:
    exe = Path(sys.executable).with_name("briefing")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefing"]


def test_export_into_a_read_only_folder_fails_cleanly_and_leaves_nothing(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("Ana Ruiz said hello.\n", encoding="utf-8")
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    out_dir.chmod(0o555)
    try:
        if os.access(out_dir, os.W_OK):
            pytest.skip("running with privileges that ignore a read-only folder")
        r = subprocess.run([*_briefing(), "parse", str(src), "-o", str(out_dir / "r.json")],
                           capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        assert r.returncode == 1
        assert r.stderr.decode() == f"briefing: {out_dir / 'r.json'}: Permission denied\n"
        assert os.listdir(out_dir) == []
    finally:
        out_dir.chmod(0o755)


def test_a_failed_export_leaves_the_old_file_whole_and_no_temp_file(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted mid-write (the disk fills up, or ctrl+c): the previous export stays as it was, whole,
    and the temporary file is removed. Works as root too, unlike a read-only folder."""
    from briefing import atomic, cli

    src = tmp_path / "r.txt"
    src.write_text("Ana Ruiz said hello.\n", encoding="utf-8")
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    out.write_text('{"old": "export"}\n', encoding="utf-8")
    real_fdopen = os.fdopen

    for interrupt, code in ((OSError(28, "No space left on device"), 1), (KeyboardInterrupt(), 130)):
        def failing_fdopen(fd: int, *args: Any, exc: BaseException = interrupt, **kwargs: Any) -> Any:
            fh = real_fdopen(fd, *args, **kwargs)
            real_write = fh.write

            def write(data: bytes) -> int:
                real_write(data[:10])  # part of it lands in the temp file, then the write fails
                fh.flush()
                raise exc

            fh.write = write
            return fh

        monkeypatch.setattr(atomic.os, "fdopen", failing_fdopen)
        assert cli.main(["parse", str(src), "-o", str(out)]) == code
        assert out.read_text(encoding="utf-8") == '{"old": "export"}\n', "the old export was damaged"
        assert os.listdir(out.parent) == ["r.json"], f"left behind: {os.listdir(out.parent)}"
    monkeypatch.undo()
    assert cli.main(["parse", str(src), "-o", str(out)]) == 0
    assert '"text": "Ana Ruiz said hello.\\n"' in out.read_text(encoding="utf-8")
    assert os.listdir(out.parent) == ["r.json"]


def test_export_refused_by_the_folder_is_one_line_even_when_simulated(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The read-only folder case in-process, for runs (as root) where chmod 555 cannot trigger it."""
    from briefing import atomic, cli

    src = tmp_path / "r.txt"
    src.write_text("Ana Ruiz said hello.\n", encoding="utf-8")
    out_dir = tmp_path / "ro"
    out_dir.mkdir()

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(out_dir))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", deny)
    assert cli.main(["parse", str(src), "-o", str(out_dir / "r.json")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"briefing: {out_dir / 'r.json'}: Permission denied\n"
    assert os.listdir(out_dir) == []


def test_an_index_killed_mid_write_leaves_a_usable_cache(tmp_path: Path) -> None:
    """The library cache is SQLite: every batch is a transaction, so `kill -9` in the middle of indexing
    leaves the last committed state, which the next run completes (no partial row, no rebuild)."""
    import signal as sig
    import sqlite3
    import time

    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(600):
        (folder / f"r{i:03}.md").write_text(
            f"---\ntitle: Report {i}\n---\n\nOfficials in Lisbon met on Monday, a spokesperson said. "
            + "The harbour dispute went on. " * 40 + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    db = cache / "library.sqlite3"
    proc = subprocess.Popen([*_briefing(), "index", "--workers", "0", "-q", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    committed = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                        committed = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
                except sqlite3.Error:
                    committed = 0
                if committed:
                    break
            time.sleep(0.02)
        if proc.poll() is not None:
            pytest.skip("the indexer finished before it could be interrupted")
        proc.send_signal(sig.SIGKILL)
    finally:
        proc.wait(30)
    assert 0 < committed < 600
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        assert rows >= committed and rows < 600
        blobs = conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
        assert blobs == rows, "a report row without its cached briefing: a batch was half-written"
    r = subprocess.run([*_briefing(), "index", "--workers", "0", "--json", str(folder)], env=env,
                       capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-1500:]
    import json

    stats = json.loads(r.stdout)
    assert stats["reports"] == 600
    assert stats["parsed"] == 600 - rows, stats  # what was committed is kept, not parsed again
    assert sorted(os.listdir(folder)) == [f"r{i:03}.md" for i in range(600)]  # nothing written beside them
