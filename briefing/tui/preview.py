"""The report's text for the first paint, read before the parse has finished.

The source pane can show the text at once: the model's text is the file decoded and its newlines
normalised (see `briefing.load`), which for UTF-8 is two lines of work. Anything else (another
encoding, NUL bytes, a file over the size limit) waits for the parse, which decides what the text is,
or says why it cannot be opened (the error screen). Read-only, like the loader. Nothing here imports
Textual or the model.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# The preview runs on the UI thread: past this, even with a higher `--max-bytes`, the text waits for
# the parse (a worker) rather than freeze the reader while hundreds of megabytes are read and decoded.
PREVIEW_MAX_BYTES = 20 * 1024 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 / UTF-32: the loader's business


def quick_text(path: Path, limit: int | None) -> str | None:
    """The text the parse will give `Briefing.text` for a UTF-8 report, or None to wait for the parse.

    `limit` is the reader's `--max-bytes` (None: the default): a file over it is never read here, and
    nothing past it is read (the parse refuses the file with the reason).
    """
    cap = PREVIEW_MAX_BYTES if limit is None else min(limit, PREVIEW_MAX_BYTES)
    try:
        # Look before opening: opening a device can have effects of its own (a tape rewinds, a tty
        # becomes the controlling terminal) and a FIFO or /dev/zero never ends.
        before = os.stat(path)
        if not _small_regular(before, cap):
            return None
        # Non-blocking: if a FIFO took the file's place since the stat, opening it must not hang the UI.
        with open(path, "rb", opener=_open_nonblocking) as fh:
            st = os.fstat(fh.fileno())
            if not _small_regular(st, cap):
                return None
            # One byte past the size tells a file that grew since the stat (the parse decides then),
            # without ever reading past the cap.
            data = fh.read(min(st.st_size + 1, cap))
            if os.fstat(fh.fileno()).st_size != st.st_size:  # written to while we read
                return None
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None
    if len(data) != st.st_size or b"\x00" in data or data.startswith(_OTHER_BOMS):
        return None
    try:
        text = data.decode("utf-8-sig" if data.startswith(_UTF8_BOM) else "utf-8")
    except UnicodeDecodeError:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _small_regular(st: os.stat_result, cap: int) -> bool:
    return stat.S_ISREG(st.st_mode) and st.st_size <= cap


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
