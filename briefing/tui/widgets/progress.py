"""The library's indexing line: `indexing 1,234 / 10,000 ▕███░░░░░▏ 12% · 3 skipped (w lists them)`.

One line of Content, repainted only when its text changes; hidden when there is nothing to say.
Only our own words and numbers are shown here (no report text), but it is still built as Content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from ..library_source import IndexState

BAR_CELLS = 20


def progress_text(state: IndexState, skipped_key: str = "w") -> Content | None:
    """What the line says for `state`, or None to hide it."""
    parts: list[Content | str] = []
    if state.running and state.phase == "scan":
        parts.append(Content.styled("indexing: looking for reports…", ".index-progress--label"))
    elif state.running and state.total:
        filled = BAR_CELLS * state.done // state.total
        parts += [
            Content.styled("indexing ", ".index-progress--label"),
            Content.styled(f"{state.done:,} / {state.total:,}", ".index-progress--count"),
            " ",
            Content.styled("█" * filled, ".index-progress--bar"),
            Content.styled("░" * (BAR_CELLS - filled), ".index-progress--rest"),
            f" {100 * state.done // state.total}%",
        ]
    elif state.running:
        parts.append(Content.styled("indexing: checking for changes…", ".index-progress--label"))
    elif state.phase == "failed":
        parts.append(Content.styled("indexing failed: ", ".index-progress--error"))
        parts.append(Content(state.error or "unknown error"))  # our exception text: still literal
    if state.skipped:
        n = len(state.skipped)
        parts += [" · " if parts else "", Content.styled(f"{n:,} file{'s' if n != 1 else ''} skipped",
                                                         ".index-progress--warning"),
                  f" ({skipped_key} lists them)"]
    return Content.assemble(*parts) if parts else None


class IndexProgress(Static):
    COMPONENT_CLASSES: ClassVar = {
        "index-progress--label",
        "index-progress--count",
        "index-progress--bar",
        "index-progress--rest",
        "index-progress--warning",
        "index-progress--error",
    }
    DEFAULT_CSS = """
    IndexProgress {
        height: 1;
        padding: 0 1;
        display: none;
        &.-shown { display: block; }
        & > .index-progress--label { color: $text-muted; }
        & > .index-progress--count { color: $text; text-style: bold; }
        & > .index-progress--bar { color: $primary; }
        & > .index-progress--rest { color: $text-disabled; }
        & > .index-progress--warning { color: $text-warning; }
        & > .index-progress--error { color: $text-error; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: str | None = None

    @property
    def text(self) -> str:
        return self._shown or ""

    def show(self, state: IndexState, skipped_key: str = "w") -> None:
        content = progress_text(state, skipped_key)
        plain = content.plain if content is not None else None
        if plain == self._shown:
            return
        self._shown = plain
        self.set_class(content is not None, "-shown")
        if content is not None:
            self.update(content, layout=False)
