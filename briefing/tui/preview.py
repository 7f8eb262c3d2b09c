"""The report's text for the first paint, read before the parse has finished.

The source pane can show the text at once: the model's text is the file decoded and its newlines
normalised (see `briefing.load`), which for UTF-8 is two lines of work. Anything else (another
encoding, NUL bytes, a file over the size limit) waits for the parse, which decides what the text is.
Nothing here imports Textual or the model.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 / UTF-32: the loader's business


def quick_text(path: Path, limit: int) -> str | None:
    """The text the parse will give `Briefing.text` for a UTF-8 report, or None to wait for the parse."""
    try:
        # Non-blocking: opening a FIFO with no writer would hang the UI thread. Only regular files:
        # a device (/dev/zero) never ends. The parse says why such a path cannot be opened.
        with open(path, "rb", opener=_open_nonblocking) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                return None
            data = fh.read(limit + 1)
    except OSError:
        return None
    if len(data) > limit or b"\x00" in data or data.startswith(_OTHER_BOMS):
        return None
    try:
        text = data.decode("utf-8-sig" if data.startswith(_UTF8_BOM) else "utf-8")
    except UnicodeDecodeError:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
