"""The trigger scan: where in the text a time expression may start, found in one fast pass.

Trying the grammar at every word costs tens of microseconds a word; this pass costs well under one.
It runs over the lower-cased text, matches the words an expression can start with (a trie, so the
regex engine rejects most words at their first letter), and for frequent words ("the", "a", "that",
"over", "one"...) also requires a plausible next word ("the past", "a year", "one-day"), so the
grammar is only tried where an expression is likely. Digits need a date-like shape or a time word
after them ("2009", "10:30", "18 months", "8 October").
"""

from __future__ import annotations

import re
from functools import cache

from .timex_grammar import (
    DIGIT,
    MONTH_START,
    NUMBER_START,
    NUMBER_WORDS,
    SET_ADJECTIVES,
    STARTS,
    UNIT_START,
    UNIT_WORDS,
    WEEKDAY_START,
)

_UNITS = set(UNIT_WORDS) | UNIT_START | {"nights", "quarters", "fortnights", "millennia"}
_UNIT_ADJ = {"straight", "consecutive", "successive", "trading", "business", "working", "calendar", "full",
             "more", "additional", "long", "whole", "short", "previous", "past", "last", "first"}
_NUMBERS = {w for w in NUMBER_WORDS if " " not in w}
_AFTER_NUMBER = _UNITS | _UNIT_ADJ | _NUMBERS | {"and", "to", "or", "times", "a", "half", "hundred"}
_REL_UNITS = {"week", "weekend", "month", "year", "quarter", "decade", "century", "morning", "afternoon",
              "evening", "night", "day", "spring", "summer", "autumn", "winter", "fall"}
_AFTER_THE = {
    "first", "second", "third", "fourth", "last", "final", "spring", "summer", "autumn", "winter", "fall", "this",
    "next", "past", "coming", "nineteenth", "twentieth", "twenty", "eighteenth", "early", "late", "mid", "same",
    "previous", "prior", "following", "current", "upcoming", "preceding", "entire", "whole", "full", "day",
    "week", "weekend", "month", "year", "quarter", "morning", "afternoon", "evening", "remaining", "latest",
    "ensuing", "succeeding", "better", "recent", "near", "distant", "foreseeable", "immediate", "future", "short",
    "long", "medium", "time", "very", "beginning", "start", "end", "middle", "close", "turn", "latter", "later",
    "fiscal", "financial",
}
_AFTER_A = _UNITS | _UNIT_ADJ | {"few", "couple", "dozen", "hundred", "half", "number", "matter", "later", "single"}
_AFTER_DMOD = NUMBER_START | {"than", "recently", "to", "least", "most", "present", "over", "under", "of"}


def _words(ws: set[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in ws), key=len, reverse=True))


def _next(ws: set[str], digits: bool = False, sep: str = r"\s+") -> str:
    alt = _words(ws) + (r"|\d" if digits else "")
    return rf"(?={sep}(?:{alt})(?![\w]))" if not digits else rf"(?={sep}(?:(?:{_words(ws)})(?!\w)|\d))"


# Words whose next word must fit before the grammar is tried.
_FOLLOWERS: dict[str, str] = {
    "the": _next(_AFTER_THE, digits=True),
    "a": _next(_AFTER_A, digits=True, sep=r"[\s-]+"),
    "an": _next(_AFTER_A, sep=r"[\s-]+"),
    "that": _next({"day", "week", "month", "year", "time"}),
    "this": _next(_REL_UNITS | MONTH_START | WEEKDAY_START),
    "at": r"(?=\s+(?:least|most|present|the\s+moment)(?!\w))",
    "over": rf"(?=\s+(?:(?:{_words(NUMBER_START)})(?!\w)|\d|the\s+(?:years|decades|months|weeks|centuries|past|last"
            r"|next|coming|previous|first|better)(?!\w)))",
    "very": _next({"soon"}),
    "per": _next({"second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "annum"}),
    "end": r"(?=-[a-z])",
    "fy": r"(?=\s?['’]?\d)",
    "new": r"(?=\s+year['’]s\s+(?:day|eve)(?!\w))",
    "these": _next({"days"}),
    "right": _next({"now"}),
    "earlier": _next({"this", "last", "next", "today", "tonight"}),
    "following": _next(_REL_UNITS),
    "previous": _next(_REL_UNITS),
    "prior": _next(_REL_UNITS),
    "preceding": _next(_REL_UNITS),
    "financial": _next({"year", "first", "second", "third", "fourth", "quarter", "half"}, digits=True),
    "fiscal": _next({"year", "first", "second", "third", "fourth", "quarter", "half"}, digits=True),
    "some": _next(_AFTER_NUMBER, digits=True, sep=r"[\s-]+"),
}
# Less frequent words share their next-word tests, checked after the scan (copies inside the scan
# regex would make it slow to compile).
_LATER_CHECKS: dict[str, re.Pattern[str]] = {}
_dmod = re.compile(_next(_AFTER_DMOD, digits=True))
_ordinal = re.compile(_next({"quarter", "half", "week", "fiscal", "financial", "calendar"}, sep=r"[\s-]+"))
_count = re.compile(_next(_AFTER_NUMBER | {"of", "an", "a"}, sep=r"[\s-]+"))
for _w in ("almost", "nearly", "about", "around", "approximately", "roughly", "more", "most", "less", "fewer",
           "up", "under", "well", "just", "upwards", "close"):
    _LATER_CHECKS[_w] = _dmod
for _w in ("first", "second", "third", "fourth", "final"):
    _LATER_CHECKS[_w] = _ordinal
for _w in _NUMBERS | {"several", "many", "few", "dozens", "hundreds", "numerous", "countless", "couple", "half"}:
    if _w not in _FOLLOWERS:
        _LATER_CHECKS[_w] = _count

# A digit starts an expression if it reads as a year or date ("2009", "10:30", "7/8/07", "1990s", "20th"),
# or a number of time units or a month follows ("18 months", "8 October", "60 and 90 days", "10 a.m.").
_AFTER_DIGITS = _UNITS | _UNIT_ADJ | MONTH_START | {"and", "to", "or", "times", "of", "a", "p", "am", "pm",
                                                    "utc", "gmt", "hrs", "century"}


def _trie(words: dict[str, str]) -> str:
    """A regex matching any of `words` (each followed by its own lookahead), shared prefixes factored."""
    root: dict = {}
    for w, tail in words.items():
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = tail

    def emit(node: dict) -> str:
        kids = [re.escape(c) + emit(n) for c, n in sorted(node.items()) if c]
        if "" in node:
            kids.append(node[""])
        return kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"

    return emit(root)


def _digit() -> str:
    """A digit that starts a date, a year or an amount of time, as a pattern that opens with a character
    class (`[\\d'’]`, consumed), so that the regex engine skips to the next digit or apostrophe in C."""
    after = _trie({w: r"(?![a-z])" for w in _AFTER_DIGITS})
    look = rf"\d{{3}}(?!\d)|\d?[:/]\d|\d*['’]?s(?!\w)|\d*(?:st|nd|rd|th)(?!\w)|\d*(?:\.\d+)?[\s-]*{after}"
    # (?<![\w.,]\d): the character before the digit is no letter, digit, point or comma.
    return rf"[\d'’](?:(?<=\d)(?<![\w.,]\d)(?={look})|(?<=['’])\d0s(?!\w))"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    keys = set().union(*STARTS.values()) - {DIGIT}
    words = {w: _FOLLOWERS.get(w, "") + r"(?!\w)" for w in keys}
    words["valentine"] = r"(?=['’]s\s)"  # "Valentine's Day"
    words["fy"] = _FOLLOWERS["fy"]  # "FY2024"
    # A word starts after a non-word character: consuming that character (rather than testing `\b` at
    # every position) lets the engine jump between word gaps in C. No start word ends in a non-word
    # character, so a match never swallows the gap the next one needs.
    return re.compile(rf"\W({_trie(words)})"), re.compile(_digit())


def trigger() -> re.Pattern[str]:
    """Compile the trigger patterns now (they are cached); returns the word pattern."""
    return _patterns()[0]


def triggers(low: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, key) of every place in `low[lo:hi]` where a time expression may start, in order.

    `low` is lower-cased text; `key` is the start word (DIGIT for numbers). Words whose next word rules
    them out are skipped. The same matches as one `\\b(?:words)|digit` search, found in two passes.
    """
    after_gap, digit = _patterns()
    found = [(m.start(1), m.end(), m.group(1)) for m in after_gap.finditer(low, max(lo - 1, 0), hi)]
    if lo == 0:
        # A word at the very start has no gap before it: give it one (a copy, once per document).
        first = after_gap.match(" " + low[:hi])
        if first is not None:
            end = first.end() - 1
            found = [(0, end, first.group(1)), *(t for t in found if t[0] >= end)]
    digits = [(m.start(), m.end(), DIGIT) for m in digit.finditer(low, lo, hi)]
    if digits:
        found = sorted(found + digits)  # the two kinds never overlap
    out = []
    for t in found:
        check = _LATER_CHECKS.get(t[2])
        if check is None or check.match(low, t[1]) is not None:
            out.append(t)
    return out


__all__ = ["SET_ADJECTIVES", "trigger", "triggers"]
