"""The files the library could not index (unreadable, binary, too big, ...), one row each with why."""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from .. import keys
from ..safe import one_line
from ..styles import screen_css
from ..widgets.item_list import Item, ItemList


def skipped_item(path: str, why: str, n: int) -> Item:
    detail = Content.assemble(Content(one_line(why, 200)), " · ", Content(one_line(os.path.dirname(path), 200)))
    return Item(key=f"{n}", title=Content.styled(one_line(os.path.basename(path) or path, 200), "bold"),
                detail=detail.stylize_before(".item-list--detail"), copy_text=path, kind="skipped")


class SkippedScreen(ModalScreen[None]):
    DEFAULT_CSS = screen_css("skipped")  # styles/skipped.tcss
    BINDINGS = keys.SKIPPED

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        with Vertical(id="skipped-box"):
            yield ItemList(title_rows=1, detail=True, empty="No file was skipped", id="skipped")

    def on_mount(self) -> None:
        box = self.query_one("#skipped-box")
        n = len(self.skipped)
        box.border_title = Content(f"Skipped files: {n:,} — escape closes")
        lst = self.query_one(ItemList)
        lst.set_items([skipped_item(p, why, i) for i, (p, why) in enumerate(self.skipped)])
        lst.focus()

    def action_close(self) -> None:
        self.dismiss(None)
