"""Sentence splitting for news prose.

A boundary is terminal punctuation (`.`, `!`, `?`, `…`), optionally followed by closing quotes or
brackets, then whitespace, then something that can open a sentence. A period is *not* a boundary after
known abbreviations (`Gen.`, `Sept.`, `No. 2`), single initials (`J. R. R.`) and dotted acronyms
(`U.S.`) unless the next word is one that typically starts a sentence.
"""

from __future__ import annotations

import re

# Abbreviations that are practically never sentence-final in news (titles, months, "No." + number).
_NEVER_FINAL = {
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "amb", "sec", "atty",
    "st", "mt", "ft", "messrs", "mme", "mlle", "fr", "sr", "jr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vol", "vols", "fig", "figs", "pp", "para", "art", "approx", "est", "ca", "cf", "vs", "v",
    "e.g", "i.e", "viz", "al",
}
# Abbreviations that can end a sentence: a boundary only if a typical sentence opener follows.
_MAYBE_FINAL = {"inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "a.m", "p.m", "jr", "sr"}
# Words that, after an ambiguous abbreviation, signal a new sentence.
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
    "this", "that", "these", "those", "there", "but", "and", "in", "on", "at", "for", "as", "after",
    "before", "when", "while", "if", "however", "meanwhile", "officials", "some", "many", "most", "no",
    "not", "one", "two", "three", "last", "earlier", "later", "according", "since", "during",
    "then", "still", "yet", "so", "what", "why", "how", "who", "where", "asked", "both", "all", "each",
}

# Possessive quantifiers and the look-behind (only the start of a punctuation run may begin a match)
# keep this linear: without them a run like "a........x" backtracks exponentially. The pattern opens
# with a character class, so the regex engine skips in C to the next punctuation mark.
_CANDIDATE = re.compile(
    r"""[.!?…](?<![.!?…].)       # terminal punctuation that starts its run ...
        [.!?…]*+                 # ... and the rest of the run, ellipses included
        ['"”’)\]»]*+              # closing quotes and brackets belong to the sentence
        (?=\s++(?P<next>\S))      # whitespace, then the next sentence's first character
    """,
    re.X,
)
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_OPENING = set("\"'“‘([«¿¡—–-*•")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")
_ABBREV_BEFORE_DIGIT = frozenset(("no", "nos", "art", "fig", "para", "vol", "pp"))


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, pos + 40)
    return m.group(1) if m else ""


def _word_before(text: str, lo: int, p: int) -> str | None:
    """The word a period at `p` ends (`[A-Za-z][A-Za-z.]*` right before it, starting at or after `lo`),
    read backwards: the leftmost-match search of `([A-Za-z][A-Za-z.]*)\\.$` over `text[lo:p + 1]`
    tried every start position of its window."""
    if text[p] != ".":
        return None
    k = p
    chars = _WORD_CHARS
    while k > lo and text[k - 1] in chars:
        k -= 1
    while k < p and text[k] == ".":
        k += 1
    return text[k:p] if k < p else None


def _is_boundary(text: str, m: re.Match[str], start: int) -> bool:
    punct, nxt = m.group(0, 1)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING):
        # "...and then." followed by lowercase is not a boundary, except after a closing quote
        # ('"Go." he said' is still one sentence).
        return False
    # Only a single period (no ellipsis, no closing quote) right after a word may be an abbreviation's.
    if punct[-1] != "." or (len(punct) > 1 and (punct[0] != "." or punct[-2] == ".")):
        return True
    p = m.start()
    word = _word_before(text, max(start, p - 40), p)
    if word is None:
        return True
    low = word.lower()
    if low in _NEVER_FINAL:
        # "No. 2" but "said no. The": only a following digit keeps "no" an abbreviation.
        return low in _ABBREV_BEFORE_DIGIT and not nxt.isdigit()
    if low in _MAYBE_FINAL:
        return _next_word(text, m.start(1)).lower() in _OPENERS
    if len(word) == 1 and word.isupper():
        # An initial (J. R. R. Tolkien) unless a clear opener follows ("Plan B. The").
        after = _next_word(text, m.start(1)).lower()
        return after in _OPENERS and after not in ("a", "i")
    if "." in word and len(word.replace(".", "")) <= 4:
        # Dotted acronyms (U.S., U.N., a.m.): a boundary only before a typical opener.
        return _next_word(text, m.start(1)).lower() in _OPENERS
    return True


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside `text[start:end]`, trimmed of surrounding whitespace."""
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    append = out.append
    is_boundary = _is_boundary
    cur = start
    s = start
    while s < end and text[s].isspace():
        s += 1
    for m in _CANDIDATE.finditer(text, start, end):
        if is_boundary(text, m, cur):
            # A sentence ends on its punctuation; the next one starts at the first character after the
            # whitespace the candidate saw (group "next").
            cur = m.end()
            if cur > s:
                append((s, cur))
            s = m.start(1)
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        append((s, e))
    return out
