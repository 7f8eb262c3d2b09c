"""The reader app: screens, report navigation, theme and keymap; `run_reader` is the CLI entry.

Tests build `BriefingApp` directly with a `parse` function of their own, so they never depend on how
well extraction does: the UI only ever reads a `Briefing`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from ..resources import styles_dir
from . import keys
from .commands import KeyCommands
from .safe import one_line
from .screens.report import ReportScreen
from .sources import FileLibrary, ParseFn, ReportSource, describe_error

# Only the report screen is imported up front: the library, dossier, help and error screens are
# imported when first shown (a few milliseconds each at start-up otherwise).

if TYPE_CHECKING:
    import datetime as dt

    from ..model import Briefing
    from .screens.report import At


class BriefingApp(App[None]):
    """`briefing` as a Textual app. `library_mode` starts on the library; else on the first report."""

    TITLE = "briefing"
    CSS_PATH: ClassVar = [styles_dir() / "reader.tcss"]
    BINDINGS = keys.APP
    COMMANDS = App.COMMANDS | {KeyCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        library_mode: bool | None = None,
        parse: ParseFn | None = None,
        library: ReportSource | None = None,
        keymap: dict[str, str] | None = None,
        theme: str | None = None,
        watch_interval: float = 1.0,
        messages: Iterable[str] = (),
        max_bytes: int | None = None,
    ) -> None:
        super().__init__()
        self.max_bytes = max_bytes  # `--max-bytes` (None: the default), for the text shown before the parse
        self.paths = [Path(p) for p in paths]
        self.library_mode = len(self.paths) > 1 if library_mode is None else library_mode
        self.library: ReportSource = library or FileLibrary(self.paths, parse or _default_parse())
        self.watch_interval = watch_interval
        self.current_path: Path | None = None
        self.opened_ok = False
        self.had_error = False
        self._startup_messages = list(messages)
        self._clash_reported: set[str] = set()
        if keymap:
            self.set_keymap(keymap)
        if theme:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        # One report: its screen is the first screen, not pushed over Textual's blank default one (which
        # would be composed, styled and painted first, then styled again when covered).
        if self.library_mode or not self.paths:
            return super().get_default_screen()
        self.current_path = self.paths[0]
        screen = ReportScreen(self.paths[0])
        # Textual gives every screen it pushes or switches to an (empty) result callback, which
        # switching away from it pops; its default screen gets none, so this one is given the same.
        screen._push_result_callback(screen, None)
        return screen

    def on_mount(self) -> None:
        for message in self._startup_messages:
            self.notify(message, severity="warning", markup=False, timeout=10)
        if self.library_mode or not self.paths:
            from .screens.library import LibraryScreen

            self.push_screen(LibraryScreen())

    # -- reports -----------------------------------------------------------------------------------

    def load_briefing(self, path: Path, fresh: bool = False) -> Briefing:
        """Blocking parse (runs in a worker thread). `fresh` skips the cache."""
        return self.library.briefing(path, fresh=fresh)

    def open_report(self, path: Path, at: At | None = None) -> None:
        """Open `path`; `at` scrolls the source to spans (a search hit, a quote) and highlights them."""
        self.current_path = path
        from .screens.error import ErrorScreen

        screen = ReportScreen(path, at=at)
        if isinstance(self.screen, (ReportScreen, ErrorScreen)):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def report_failed(self, screen: Screen, path: Path, error: BaseException | None) -> None:
        self.had_error = True
        reason = describe_error(error) if error is not None else "unknown error"
        if self.screen is screen:
            from .screens.error import ErrorScreen

            self.switch_screen(ErrorScreen(path, reason))
        else:
            self.notify(f"{path.name}: {reason}", severity="error", markup=False)

    def _order(self) -> list[Path]:
        from .screens.library import LibraryScreen

        for s in reversed(self.screen_stack):
            if isinstance(s, LibraryScreen) and s.is_mounted:
                return [Path(k) for k in s.order()]
        return [e.path for e in self.library.entries()]

    def step_report(self, path: Path, step: int) -> None:
        order = self._order()
        if len(order) < 2 and (not order or order[0] == path):
            self.notify("No other report to go to (o opens the library)", markup=False, timeout=3)
            return
        try:
            i = order.index(path)
        except ValueError:
            i = -1 if step > 0 else 0
        target = order[(i + step) % len(order)]
        self.open_report(target)

    def action_library(self) -> None:
        from .screens.library import LibraryScreen

        if any(isinstance(s, LibraryScreen) for s in self.screen_stack):
            while not isinstance(self.screen, LibraryScreen):
                self.pop_screen()
        else:
            self.switch_screen(LibraryScreen())

    # -- app-wide actions --------------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.exit(return_code=1 if self.had_error and not self.opened_ok else 0)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: object) -> None:
        names = sorted({b.id or b.action for b in clashed_bindings} - self._clash_reported)
        if names:
            self._clash_reported.update(names)
            self.notify(f"Config: key clash, these bindings lost their key: {', '.join(names)}",
                        severity="warning", markup=False, timeout=10)


def _parse_path(path: Path, reference_date: dt.date | None, max_bytes: int) -> Briefing:
    from ..pipeline import parse_file

    return parse_file(path, reference_date=reference_date, max_bytes=max_bytes)


def _default_parse(reference_date: dt.date | None = None, max_bytes: int | None = None) -> ParseFn:
    from ..commands import DEFAULT_MAX_BYTES  # (not `load`'s: that imports pydantic before the first paint)

    return partial(_parse_path, reference_date=reference_date, max_bytes=max_bytes or DEFAULT_MAX_BYTES)


def run_reader(args: argparse.Namespace) -> int:
    """`briefing [PATH ...]`: resolve inputs and config, run the app, return the exit code."""
    from ..config import load_config
    from ..resources import samples_dir
    from .sources import resolve_inputs

    prog = "briefing"
    inputs = resolve_inputs(args.paths, samples_dir(), use_samples=getattr(args, "samples", False))
    for problem in inputs.problems:
        print(f"{prog}: {one_line(problem, 500)}", file=sys.stderr)
    if not inputs.paths and not (inputs.library and inputs.roots):
        if not inputs.problems:
            print(f"{prog}: nothing to open", file=sys.stderr)
        return 1

    config_file = getattr(args, "config", None)
    cfg = load_config(Path(config_file) if config_file else None, known_keys=keys.binding_ids())
    messages = [f"config: {e}" for e in cfg.errors] + [f"skipped {p}" for p in inputs.problems]

    from textual.theme import BUILTIN_THEMES

    theme = args.theme or cfg.theme
    if theme and theme not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        if args.theme:
            print(f"{prog}: unknown theme {one_line(args.theme, 100)!r}; available: {names}", file=sys.stderr)
            return 2
        problem = f"config: unknown theme {one_line(theme, 100)!r} in {cfg.path}; using the default"
        messages.append(problem)
        cfg.errors.append(problem.removeprefix("config: "))
        theme = None

    from .library_source import open_for_reader
    from .parse_process import early

    source = open_for_reader(args, inputs)  # folders and several files: the index; one file: read directly
    forked = early()  # one report: the parser forked before Textual was imported, already at work on it
    app = BriefingApp(
        inputs.paths,
        library_mode=inputs.library,
        parse=forked if forked is not None and not inputs.library else _default_parse(args.date, args.max_bytes),
        library=source,
        keymap=cfg.keys,
        theme=theme,
        messages=messages,
        max_bytes=args.max_bytes,
    )
    try:
        app.run()
    finally:
        if source is not None:
            source.close()
        if forked is not None:
            forked.close()
    for e in cfg.errors:
        print(f"{prog}: config: {e}", file=sys.stderr)
    return app.return_code or 0
