"""Speaker phrases next to a reporting verb: a tiny tokenizer and noun-phrase walkers, no parser.

A speaker phrase is read outwards from the verb: to the left for "X said", to the right for
'"...," said X' and "according to X". It is made of capitalised words (names), title and role words
("CEO", "analyst", "official"), a few modifiers ("senior", "top"), "of" inside a title ("Secretary of
the Air Force", "one of the officials") and one opening determiner. Its head decides what it is: a
name, a pronoun, a description of a person or group (an anonymous source), an organisation by
description ("the company") or a document ("a statement").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .month_surnames import SURNAME_MONTHS, is_surname_at
from .names import key
from .names import lexicon as names_lexicon
from .quotes_lexicon import Lexicon, lexicon

# Words (with inner apostrophes, hyphens, dots: "O'Reilly", "U.S", "Forex.com") and single punctuation
# marks; double quotation marks are skipped, so 'a "Senate aide"' reads as a phrase.
_TOKEN = re.compile(r"\w+(?:[’'&.\-]\w+)*|[^\w\s\"“”„‟«»]")

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
RELATIVES = frozenset({"who", "which"})
_MONTHS_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
_ABBREVIATIONS = frozenset({"inc", "corp", "co", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "st", "gen", "sen",
                            "rep", "gov", "lt", "col", "capt", "prof", "rev", "u.s", "u.k", "u.n", "plc", "llc",
                            "bros", "messrs", "mt", "ft", "sgt", "adm", "maj", "cmdr", "supt", "det", "no"})
_QUANTIFIERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some",
                          "many", "several", "few", "none", "each", "any", "all", "most", "both"})
_PREPOSITIONS = frozenset({"in", "at", "on", "for", "to", "from", "with", "after", "before", "during", "by",
                           "about", "into", "over", "under", "than", "as", "via", "per", "without", "within",
                           "outside", "inside", "near", "since", "until", "through", "across", "against"})

# Bodies that speak even when introduced with "a": "a watchdog has found", "an inquiry concluded"
# (while "a bank" or "a company" is no source).
_FINDING_BODIES = frozenset({"watchdog", "inquiry", "panel", "tribunal", "regulator"})

NPKind = Literal["name", "pronoun", "person", "org", "doc"]


class Tok:
    """A word or punctuation mark with its character offsets (a plain slotted class: tokens are made
    by the thousand, and a dataclass costs twice as much to build)."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start})"


class SurnameTok(Tok):
    """A month word that is a surname here ("Theresa May", "Mrs May", "May said"): a name, not a date."""

    __slots__ = ()


_SURNAME_MONTH = re.compile(r"\b(?:" + "|".join(SURNAME_MONTHS) + r")\b")


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    out = []
    new = Tok.__new__
    find = text.find
    pos = start
    # `findall` makes no match objects; a token's offset is where it is found next, since the text
    # between two tokens holds only characters no token can start with (spaces, double quote marks).
    for w in _TOKEN.findall(text, start, end):
        t = new(Tok)  # filled directly: this loop is the hottest of the step
        t.text = w
        pos = find(w, pos)
        t.start = pos
        pos += len(w)
        t.end = pos
        t.low = w.lower()
        out.append(t)
    if _SURNAME_MONTH.search(text, start, end) is not None:
        for t in out:
            if t.text in SURNAME_MONTHS and is_surname_at(text, t.start, t.end):
                t.__class__ = SurnameTok
    return out


def is_cap(w: str) -> bool:
    c = w[0]
    if c.isupper():
        return True
    # iPhone, eBay, vFinance: a lowercase first letter with a capital inside still names something.
    # ("abc".islower() is False only when some letter is a capital.)
    return c.islower() and not w.islower()


def is_possessive(w: str) -> bool:
    return len(w) > 2 and w[-2] in "'’" and w[-1] in "sS"


def _name_like(t: Tok) -> bool:
    return is_cap(t.text) and (t.low not in _MONTHS_DAYS or t.__class__ is SurnameTok) \
        and t.low not in SUBJECT_PRONOUNS


@dataclass(frozen=True)
class NP:
    first: int  # token indices, inclusive
    last: int
    kind: NPKind
    start: int  # character offsets of the whole phrase
    end: int
    name_start: int  # character offsets of the name inside it (the phrase itself when not a name)
    name_end: int
    head: str  # lowercased head word
    indefinite: bool  # opens with "a", "one of", "two", ...

    @property
    def anonymous(self) -> bool:
        return self.kind == "person"


def _classify(toks: list[Tok], first: int, last: int, lex: Lexicon) -> NP | None:
    # Leading "of"/punctuation cannot open a phrase.
    while first <= last and (toks[first].low in ("of", ".", "&", "'", "’", ",") or toks[first].low == "and"):
        first += 1
    if first > last:
        return None
    head_t = toks[last]
    start, end = toks[first].start, toks[last].end
    indefinite = toks[first].low in lex.indefinite
    if first == last and head_t.low in SUBJECT_PRONOUNS:
        return NP(first, last, "pronoun", start, end, start, end, head_t.low, False)
    # "the premier of the state of X", "the head of the IMF": a role word before "of" is the head.
    for k in range(first + 1, last):
        if toks[k].low == "of":
            before = toks[k - 1]
            if before.low in _QUANTIFIERS or (before.low in lex.person_heads and not is_cap(before.text)):
                if before.low in _QUANTIFIERS:
                    break  # "one of the officials": the head is at the end
                return NP(first, last, "person", start, end, start, end, before.low, indefinite)
            break
    # "Officials said" opens a sentence with a capital, but "Canadian Auto Workers" is a name.
    role_word = (head_t.low in lex.titles or head_t.low in lex.person_heads) and not any(
        _name_like(toks[j]) for j in range(first, last))
    if (_name_like(head_t) and not role_word) or (head_t.text == "." and last > first):
        # A name: the trailing run of capitalised words, after the last title word.
        k = last
        if head_t.text == ".":
            k -= 1
        run_first = k
        j = k
        while j >= first:
            t = toks[j]
            if _name_like(t) or t.text in ("&", "-") or (j > first and (
                    (t.text == "." and is_abbrev(toks[j - 1]))
                    or (t.low in lex.particles and is_cap(toks[j - 1].text)))):
                run_first = j
            else:
                break
            j -= 1
        name_first = run_first
        for j in range(k - 1, run_first - 1, -1):
            if toks[j].low in lex.titles:
                name_first = j + 1
                break
        while name_first <= k and toks[name_first].text in (".", "&", "-"):
            name_first += 1
        if run_first > first and toks[run_first - 1].low in ("of", "for") and name_first == run_first:
            # "Secretary of State Antony Blinken", "of the Air Force James Roche": the office's
            # complement comes first; a person's name is the last two words (and an initial).
            words = [j for j in range(run_first, k + 1) if toks[j].text[0].isalnum()]
            if len(words) >= 3:
                name_first = words[-2]
                if name_first - 2 >= run_first and toks[name_first - 1].text == "." \
                        and len(toks[name_first - 2].text) == 1:
                    name_first -= 2
        if name_first > k:
            name_first = k
        if is_possessive(toks[k].text):
            return None  # "Biden's": a possessor, not the speaker
        return NP(first, last, "name", start, end, toks[name_first].start, toks[last].end, head_t.low, indefinite)
    low = head_t.low
    if low in lex.doc_heads:
        return NP(first, last, "doc", start, end, start, end, low, indefinite)
    if low in lex.org_heads and (not indefinite or low in _FINDING_BODIES) and low not in lex.person_heads:
        return NP(first, last, "org", start, end, start, end, low, False)
    if low in lex.person_heads or low in lex.titles:
        if low in lex.org_heads and toks[first].low in ("the", "its", "this"):
            return NP(first, last, "org", start, end, start, end, low, False)  # "the group said"
        return NP(first, last, "person", start, end, start, end, low, indefinite)
    return None


def is_abbrev(t: Tok) -> bool:
    return (len(t.text) == 1 and t.text.isupper()) or t.low in _ABBREVIATIONS


def _inside_word(t: Tok, lex: Lexicon) -> bool:
    """A lowercase word that can sit inside a speaker phrase."""
    low = t.low
    return (low in lex.modifiers or low in lex.person_heads or low in lex.titles or low in lex.org_heads
            or low in lex.doc_heads or low.isdigit())


_PP_PREPOSITIONS = frozenset({"in", "at", "for", "from", "with", "to", "of", "on"})


def np_left(toks: list[Tok], k: int, lo: int) -> NP | None:
    """The speaker phrase ending at token k (inclusive), reading leftwards no further than `lo`.

    A phrase with a prepositional tail counts as a whole, its head before the preposition: "Officials
    in both capitals", "a spokesman for the ministry", "Jake Sullivan of the White House".
    """
    np = _np_left(toks, k, lo)
    if np is not None and np.kind in ("pronoun", "person"):
        return np
    lex = lexicon()
    j = np.first - 1 if np is not None else k
    stop = max(lo, k - 6)
    while np is None and j >= stop and toks[j].low not in _PP_PREPOSITIONS:
        t = toks[j]
        if not t.text[0].isalnum() or t.low in lex.cues or t.low in ("and", "or", "but", "that", "who", "which"):
            return None
        j -= 1
    if j - 1 < lo or toks[j].low not in _PP_PREPOSITIONS:
        return np
    h = j - 1
    if toks[h].low in ("close", "familiar", "closest", "near") and h - 1 >= lo:
        h -= 1  # "sources close to the talks"
    head = _np_left(toks, h, lo)
    if head is None or head.kind not in ("person", "name") or (head.kind == "name" and toks[j].low == "of"):
        return np
    return NP(head.first, k, head.kind, head.start, toks[k].end, head.name_start, head.name_end, head.head,
              head.indefinite)


def _joins_left(toks: list[Tok], j: int, lo: int, lex: Lexicon) -> bool:
    """Whether token j continues a speaker phrase read leftwards (the phrase is to its right)."""
    w = toks[j]
    low = w.low
    if _name_like(w) or is_possessive(w.text) or _inside_word(w, lex):
        return True
    if j <= lo:
        return False
    before, after = toks[j - 1], toks[j + 1]
    if w.text == ".":
        return is_abbrev(before) and _name_like(after)  # "U.S. Secretary", "George W. Bush"
    if w.text in ("&", "-"):
        return is_cap(before.text)
    if low in lex.particles:
        return is_cap(before.text) and _name_like(after)
    if low == "of":
        return is_cap(before.text) or _inside_word(before, lex) or before.low in _QUANTIFIERS
    if low == "for":
        return is_cap(before.text) and is_cap(after.text)  # "... Air Force for Acquisition Marvin Sambur"
    return False


def _np_left(toks: list[Tok], k: int, lo: int) -> NP | None:
    lex = lexicon()
    if k < lo or k >= len(toks):
        return None
    t = toks[k]
    if t.low in SUBJECT_PRONOUNS:
        if t.low == "i" and t.text != "I":
            return None
        return _classify(toks, k, k, lex)
    if not (_name_like(t) or _inside_word(t, lex) or (t.text == "." and k > lo and is_abbrev(toks[k - 1]))):
        return None
    if is_possessive(t.text):
        return None
    first = k
    j = k - 1
    while j >= lo:
        w = toks[j]
        low = w.low
        if _joins_left(toks, j, lo, lex):
            first = j
        elif low in lex.determiners:
            first = j
            if low == "the" and j - 1 > lo and toks[j - 1].low == "of" and (
                    is_cap(toks[j - 2].text) or _inside_word(toks[j - 2], lex)):
                j -= 1
                continue  # "Secretary of the Air Force": keep reading
            if j - 2 >= lo and toks[j - 1].low == "of" and toks[j - 2].low in _QUANTIFIERS:
                first = j - 2  # "one of the officials"
            break
        else:
            # "a top administration official": unknown lowercase words are part of the phrase only
            # when a determiner closes it within three words and its head is a role.
            if not is_cap(t.text) and t.text != ".":
                m = j
                while m >= lo and m > j - 3 and toks[m].low.isalpha() and not is_cap(toks[m].text) \
                        and toks[m].low not in lex.determiners and toks[m].low not in lex.cues \
                        and toks[m].low not in _PREPOSITIONS and toks[m].low not in ("and", "or", "but", "that"):
                    m -= 1
                if m >= lo and toks[m].low in lex.determiners and toks[m].low != "that":
                    first = m
            break
        j -= 1
    return _classify(toks, first, k, lex)


def _joins_right(toks: list[Tok], j: int, k: int, last: int, hi: int, lex: Lexicon) -> bool:
    """Whether token j continues a speaker phrase read rightwards from k (`last`: its last token)."""
    w = toks[j]
    low = w.low
    nxt_cap = j + 1 < hi and is_cap(toks[j + 1].text)
    if _name_like(w) or is_possessive(w.text) or _inside_word(w, lex):
        return True
    if w.text == "." and j > k and is_abbrev(toks[j - 1]):
        # "U.S. Secretary", "George W. Bush"; "Apple Inc." ends the phrase with its period.
        return nxt_cap or toks[j - 1].low in ("inc", "co", "corp", "ltd", "jr", "sr")
    if last != j - 1:
        return low in lex.determiners and j > k and toks[j - 1].low == "of"
    if w.text in ("&", "-"):
        return nxt_cap
    if low in lex.particles:
        return j + 1 < hi and _name_like(toks[j + 1])
    if low == "of":
        return nxt_cap or (j + 1 < hi and toks[j + 1].low in lex.determiners)
    if low == "for":
        return is_cap(toks[j - 1].text) and nxt_cap  # "Secretary ... for Acquisition Marvin Sambur"
    return low in lex.determiners and j > k and toks[j - 1].low == "of"


def _unknown_word_right(toks: list[Tok], j: int, k: int, last: int, hi: int, lex: Lexicon) -> bool:
    """An unknown lowercase word before any name ("a Delhi-based parts supplier") belongs to the
    phrase only if a role word or a name follows soon; after a name it is the verb ("Jobs resigned")."""
    w = toks[j]
    low = w.low
    if not low.isalpha() or is_cap(w.text) or low in _PREPOSITIONS or low in lex.determiners \
            or low in ("and", "or", "but", "that", "who", "which") or j - k >= 4 \
            or (last >= 0 and _name_like(toks[last])):
        return False
    m = j + 1
    while m < hi and m < j + 3 and toks[m].low.isalpha() and not is_cap(toks[m].text) \
            and not _inside_word(toks[m], lex) and toks[m].low not in lex.cues \
            and toks[m].low not in _PREPOSITIONS and toks[m].low not in lex.determiners:
        m += 1
    return m < hi and (_inside_word(toks[m], lex) or _name_like(toks[m])) and toks[m].low not in lex.cues


def np_right(toks: list[Tok], k: int, hi: int) -> NP | None:
    """The speaker phrase starting at token k, reading rightwards up to (not including) `hi`."""
    lex = lexicon()
    if k >= hi:
        return None
    t = toks[k]
    if t.low in SUBJECT_PRONOUNS:
        if t.low == "i" and t.text != "I":
            return None
        return _classify(toks, k, k, lex)
    j = k
    if t.low in lex.determiners:
        j += 1
        if t.low in _QUANTIFIERS and j + 1 < hi and toks[j].low == "of" and toks[j + 1].low in lex.determiners:
            j += 2  # "one of the officials"
    last = -1
    while j < hi:
        w = toks[j]
        low = w.low
        if low in lex.cues or low in RELATIVES or not (
                _joins_right(toks, j, k, last, hi, lex) or _unknown_word_right(toks, j, k, last, hi, lex)):
            break
        last = j
        j += 1
    if last < 0:
        return None
    if toks[last].low in lex.doc_heads and last + 2 < hi and toks[last + 1].low in ("by", "from", "on", "of"):
        inner = np_right(toks, last + 2, hi)
        if inner is not None and inner.kind in ("name", "doc", "org"):
            last = inner.last
            return NP(k, last, "doc", toks[k].start, toks[last].end, toks[k].start, toks[last].end,
                      toks[k].low, toks[k].low in lex.indefinite)
    # Trailing "of", determiners or abbreviation periods belong to whatever follows, not to the phrase.
    while last > k and (toks[last].low in ("of", "for", "&", "-") or toks[last].low in lex.determiners):
        last -= 1
    return _classify(toks, k, last, lex)


# Openers of a description that a name set off by commas after it can name: "the Minister for Culture, X,",
# "Its chief executive, X,", "A spokeswoman for the firm, X,".
_ROLE_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this"})


def describes_role(toks: list[Tok], np: NP) -> bool:
    """A phrase describing someone's role rather than naming them: "the opposition leader", and also
    capitalised titles that read as names ("The Minister for Culture", "UN Resident Coordinator")."""
    if np.kind == "person":
        return True
    if np.kind != "name":
        return False
    lex = lexicon()
    head = toks[np.last].low
    return toks[np.first].low in _ROLE_OPENERS or head in lex.titles or head in lex.person_heads


def names_role(toks: list[Tok], np: NP, inner: NP | None, comma: int) -> bool:
    """Whether `inner`, the phrase between the comma after `np` and `comma`, is the name of the one `np`
    describes ("the Minister for Culture, Aoife Mulcahy,"), not a place listed after a place ("the mayor
    of Lyon, France,")."""
    if inner is None or inner.kind != "name" or inner.last != comma - 1:
        return False
    if toks[inner.first].low in lexicon().determiners or is_possessive(toks[inner.last].text):
        return False
    words = " ".join(t.text for t in toks[inner.first : inner.last + 1])
    return not (is_cap(toks[np.last].text) and key(words) in names_lexicon().places)


def appositive_name(toks: list[Tok], np: NP, hi: int) -> NP | None:
    """'the general secretary of the union Unite, Tony Woodley', '"...," said the Minister for Culture, Aoife
    Mulcahy.': the name in apposition to a description."""
    j = np.last + 1
    if j >= hi or toks[j].text != "," or not describes_role(toks, np):
        return None
    nxt = np_right(toks, j + 1, hi)
    if nxt is not None:
        after = nxt.last + 1
        if (after >= hi or toks[after].text in (".", ",", ";", "!", "?")) and names_role(toks, np, nxt, after):
            return nxt
    return None
