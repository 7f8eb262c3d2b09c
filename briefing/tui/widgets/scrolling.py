"""What the reader's line-by-line widgets (the lists and the source text) share as scroll views.

Both set their own scrollable size (from their rows or wrapped lines) and never depend on a layout
for it; two Textual behaviours are worked around here for speed, each measured:

- `Widget.virtual_size` is a layout reactive: assigning it re-lays out the whole screen (~15 ms) on
  every keystroke of a live filter. `set_virtual_size` sets it without one.
- On every layout of the screen (the `/` box opening, a pane shown), Textual hands each scroll view
  its region's size as "virtual size"; as that differs from ours, ScrollView updates its scrollbars
  and repaints them: 1–3 ms per scroll view on screen, five of them, though none of them changed.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


class LineScrollView(ScrollView):
    """A ScrollView whose scrollable size is set by the widget itself (see `set_virtual_size`)."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        if size == self._size and self._container_size == size - self.styles.gutter.totals:
            # Neither our size nor our content area changed: nothing for the scrollbars to update.
            # (ScrollView's own answer in this case: a Resize only if the container size differs.)
            return self._container_size != container_size
        return super()._size_updated(size, virtual_size, container_size, layout)


def set_virtual_size(widget: ScrollView, size: Size) -> None:
    """Set the scrollable size without a layout pass of the whole screen (the widget's own size never
    depends on it here), and update the scrollbars."""
    if size == widget.virtual_size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    widget._scroll_update(size)
