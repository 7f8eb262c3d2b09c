"""Shown instead of a report that cannot be opened: which file, why, and what the keys still do."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from .. import keys
from ..safe import one_line
from ..widgets.bars import KeyBar

if TYPE_CHECKING:
    from ..app import BriefingApp


class ErrorScreen(Screen[None]):
    BINDINGS: ClassVar = keys.ERROR
    DEFAULT_CSS = """
    ErrorScreen { align: center middle; }
    ErrorScreen > Vertical {
        width: 72; max-width: 100%; height: auto; border: round $error; padding: 1 2; background: $surface;
    }
    ErrorScreen #error-folder { color: $text-muted; }
    ErrorScreen #error-reason { color: $text-error; margin-top: 1; }
    ErrorScreen #error-hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__()
        self.path = path
        self.reason = reason

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Cannot open report")
            yield Static(Content.styled(one_line(self.path.name, 200), "bold"), id="error-name")
            yield Static(Content.assemble("in ", one_line(str(self.path.parent), 300)), id="error-folder")
            yield Static(Content(one_line(self.reason, 500)), id="error-reason")
            yield Static(Content("r retries · o opens the library · [ and ] go to other reports · q quits"),
                         id="error-hint")
        yield KeyBar()

    def action_retry(self) -> None:
        self.reader.open_report(self.path)

    def action_step_report(self, step: int) -> None:
        self.reader.step_report(self.path, step)

    def action_library(self) -> None:
        self.reader.action_library()
