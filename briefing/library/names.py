"""Name keys for matching one actor across reports: `Benjamin Netanyahu`, `benjamin  netanyahu`, `Netanyahu`.

A key is the name folded for comparison (diacritics, case, punctuation, a leading "the"). The surname key
of a person is the last word of a name of two words or more, ignoring generational suffixes.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['’‘`´]")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})


def name_key(name: str) -> str:
    """`Benjamin Netanyahu` → `benjamin netanyahu`; `the Pentagon` → `pentagon`; `O'Brien` → `obrien`."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _APOSTROPHES.sub("", folded)
    words = _NON_WORD.sub(" ", folded).replace("_", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def surname_key(key: str) -> str | None:
    """The surname in a person's name key of two words or more (`joe biden jr` → `biden`), else None."""
    words = key.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if len(words) > 1 else None
