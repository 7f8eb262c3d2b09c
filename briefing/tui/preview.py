"""The report's text for the first paint, read before the parse has finished.

The source pane can show the text at once: the model's text is the file decoded and its newlines
normalised (see `briefing.load`), which for UTF-8 is two lines of work. Anything else (another
encoding, NUL bytes, a file over the size limit) waits for the parse, which decides what the text is.
Nothing here imports Textual or the model.
"""

from __future__ import annotations

import os
from pathlib import Path

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 / UTF-32: the loader's business


def quick_text(path: Path, limit: int) -> str | None:
    """The text the parse will give `Briefing.text` for a UTF-8 report, or None to wait for the parse."""
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > limit:
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
