"""Display strings cut from the source (summary sentences, event descriptions) read as plain text.

Spans keep pointing at the source as written; only the string a pane shows loses the inline markdown
a reader would otherwise see as noise: `**bold**`, `*emphasis*`, `` `code` ``, `[link text](url)`.
Plain-text reports keep their characters, except the doubled markers (`**`, `__`) that are emphasis in
any text.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]{1,300})\]\([^)\s]{0,2000}(?:\s+\"[^\"\n]*\")?\)")
_CODE = re.compile(r"`([^`\n]{1,300})`")
# One marker on each side of a run of text that starts and ends with a non-space, not inside a word
# ("2*3*4" and "snake_case_name" stay).
_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*\\])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_\\])_(?!\w)")


def plain(text: str, markdown: bool) -> str:
    """`text` without inline markup, for display (see the module docstring)."""
    text = text.replace("**", "").replace("__", "")
    if not markdown:
        return text
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text:
        text = _STAR.sub(r"\1", text)
    if "_" in text:
        text = _UNDERSCORE.sub(r"\1", text)
    return text
