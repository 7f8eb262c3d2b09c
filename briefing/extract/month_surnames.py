"""Month words that are also surnames ("Theresa May", "Brian May", "Jon August", "Mrs June").

One rule, shared by the actors, quotes and time-expression steps so that they agree on every word: a
capitalised month word is a surname right after a given name or a title, or on its own right before a
reporting verb ("May said"), unless a day number or a year follows ("on May 5", "in May 2024" stay
dates). A date word before it ("in", "since", "late") keeps it a month.
"""

from __future__ import annotations

import re

from .names import lexicon

# Month names that are common surnames (weekday names are not: "Joe Friday" is fiction).
SURNAME_MONTHS = frozenset(("May", "June", "April", "August", "March"))

# Words before a month that make it a date, even where they are also titles or given names ("Late May").
_DATE_BEFORE = frozenset((
    "in", "since", "by", "until", "till", "from", "to", "through", "during", "of", "early", "late", "mid", "last",
    "next", "this", "that", "the", "before", "after", "throughout", "on", "between", "and", "or", "each", "every",
    "for", "around", "about", "end", "start", "beginning", "middle", "than", "least", "as", "per",
))
_REPORTS = frozenset((
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "stated", "insisted", "argued", "warned",
    "announced", "replied", "responded", "noted", "explained", "acknowledged", "conceded", "admitted", "declared",
    "tweeted", "posted", "stressed", "claimed", "denied", "confirmed",
))
_DAY_OR_YEAR_AFTER = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*\d")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+(?:has[ \t]+|had[ \t]+|later[ \t]+|also[ \t]+)?([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)(\.?)[ \t\u00a0]+$")


def day_or_year_after(text: str, end: int) -> bool:
    """A day number or a year follows the word ending at `end` ("May 5", "May, 2024")."""
    return _DAY_OR_YEAR_AFTER.match(text, end, end + 4) is not None


def is_surname_at(text: str, start: int, end: int) -> bool:
    """Whether the month word `text[start:end]` is a person's (sur)name here."""
    if text[start:end] not in SURNAME_MONTHS or day_or_year_after(text, end):
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    before, dotted = (m.group(1), bool(m.group(2))) if m else ("", False)
    low = before.lower()
    if low in _DATE_BEFORE:
        return False
    if before[:1].isupper():
        lex = lexicon()
        if low in lex.titles or low in lex.honorifics:
            return True  # "Mrs May", "Dr. August", "Prime Minister May"
        if not dotted and (before in lex.first_names or before in lex.given_names):
            return True  # "Theresa May", "Jon August"
    elif low in _REPORTS:
        return True  # '"Yes," said May.'
    w = _WORD_AFTER.match(text, end, end + 40)
    return w is not None and w.group(1) in _REPORTS  # "May said", "August told reporters"
