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
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_OPENING = set("\"'“‘([«¿¡—–-*•")


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"[\"'“‘(\[]*([A-Za-z]+)", text[pos : pos + 40])
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match[str], start: int) -> bool:
    punct = m.group(0)
    nxt = m.group("next")
    nxt_pos = m.start("next")
    core = punct.rstrip("'\"”’)]»")
    closed_quote = len(core) != len(punct)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING):
        # "...and then." followed by lowercase is not a boundary, except after a closing quote
        # ('"Go." he said' is still one sentence).
        return False
    if core.endswith((".", "…")) and not core.endswith(("..", "…")) and not closed_quote:
        wm = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start() + 1)
        if wm:
            word = wm.group(1)
            low = word.lower()
            if low in _NEVER_FINAL:
                # "No. 2" but "said no. The": only a following digit keeps "no" an abbreviation.
                return bool(low in ("no", "nos", "art", "fig", "para", "vol", "pp") and not nxt.isdigit())
            after = _next_word(text, nxt_pos).lower()
            if low in _MAYBE_FINAL:
                return after in _OPENERS
            if len(word) == 1 and word.isupper():
                # An initial (J. R. R. Tolkien) unless a clear opener follows ("Plan B. The").
                return after in _OPENERS and after not in ("a", "i")
            if "." in word and len(word.replace(".", "")) <= 4:
                # Dotted acronyms (U.S., U.N., a.m.): a boundary only before a typical opener.
                return after in _OPENERS
    return True


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside `text[start:end]`, trimmed of surrounding whitespace."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m, cur):
            spans.append((cur, m.end()))
            cur = m.end()
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
