"""Indirect (reported) speech: 'Sullivan signaled that ...', 'Tehran said it ...', '..., Axios said.'

Only clear reporting-verb patterns count, and never in a sentence that holds a quotation (the
quotation says it better). The reported clause is the quote's text: from after "that" (or right
after the verb and its addressee) to the end of the sentence, without a trailing ", X said" or
", according to X". One statement per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..document import Document
from ..model import Quote
from . import sections
from .quotes_actors import ActorIndex, speaker_from
from .quotes_attribution import addressee_phrase, subject_of, trailing_attribution
from .quotes_lexicon import lexicon
from .quotes_models import quote, span
from .quotes_phrases import NP, SUBJECT_PRONOUNS, Tok, is_cap, tokenize

_SPEAKERS = ("name", "pronoun", "person", "org")
_MAX_SENTENCE = 1500
_SUBJECT_REACH = 200  # characters read before a reporting verb for its speaker
_NEAR_REACH = 70  # ... at first
_CLAUSE_REACH = 100  # characters read after it for an addressee, an adverbial and "that"
_MIN_WORDS = 3
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "there",
                             "no", "all", "some", "any", "more", "most", "about", "nearly", "only"})
_ADVERBIAL_STOP = frozenset({",", ";", ":", ".", "!", "?", "(", ")"})


def _clause_start(toks: list[Tok], c: int, n: int, direct_ok: bool) -> tuple[int, tuple[int, int] | None] | None:
    """Token index where the reported clause starts after the verb at c, and the addressee span."""
    lex = lexicon()
    cue = lex.cues[toks[c].low]
    j = c + 1
    addressee = None
    if cue.addressee and j < n:
        found = addressee_phrase(toks, j, n)
        if found is None:
            return None
        addressee, j = found[0], found[1] + 1
    elif j < n and toks[j].low == "to":
        found = addressee_phrase(toks, j + 1, n)
        if found is not None:
            addressee, j = found[0], found[1] + 1
    # "during the call", "last week", "on Tuesday", "in a statement" before "that"
    for k in range(j, min(n, j + 7)):
        t = toks[k]
        if t.low == "that":
            return k + 1, addressee
        if t.text in _ADVERBIAL_STOP or (t.low in lex.cues and lex.cues[t.low].form in ("s", "past")):
            break
    if not direct_ok or not cue.indirect or j >= n:
        return None
    t = toks[j]
    if (t.low in SUBJECT_PRONOUNS and t.low != "i") or t.low in _CLAUSE_OPENERS or (
            is_cap(t.text) and t.low not in lex.cues):
        return j, addressee
    return None


_THAT = re.compile(r"\bthat\b")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|although|though|whereas|as well as)\b")
_TAIL = 160  # characters at the end of a sentence read for a trailing ", X said"


def _clause_end(doc: Document, a: int, s_end: int) -> int:
    """End of a reported clause starting at `a`: before "; " or ", but", and before a trailing
    attribution (", Axios said.")."""
    text = doc.text
    m = _CLAUSE_BREAK.search(text, a, s_end)
    end = m.start() if m else s_end
    lo = max(a, end - _TAIL)
    if lexicon().cue_regex.search(text, lo, end) is not None:  # read the tail only if it can attribute
        tail = tokenize(text, lo, end)
        trail = trailing_attribution(tail, 0, len(tail))
        if trail is not None:
            end = tail[trail[0]].start
    while end > a and (text[end - 1].isspace() or text[end - 1] in ".!?,"):
        end -= 1
    return end


def find_indirect(doc: Document, index: ActorIndex, quoted: list[tuple[int, int]]) -> list[Quote]:
    text = doc.text
    lex = lexicon()
    starts = [q[0] for q in quoted]
    sent_starts = [s.start for s in doc.sentences]
    out: list[Quote] = []
    last_sentence = -1
    for m_start, m_end, word in lex.indirect_cues(text):
        si = bisect_right(sent_starts, m_start) - 1
        if si <= last_sentence or si < 0:
            continue  # one statement per sentence: its first usable verb
        s = doc.sentences[si]
        if m_start >= s.end:
            continue
        cue = lex.cues.get(word)
        if word != "according to" and (cue is None or not cue.indirect_that or cue.form not in ("s", "past")):
            continue
        if cue is not None and not cue.indirect and _THAT.search(text, m_end, min(s.end, m_end + 80)) is None:
            continue  # "announced", "noted" report a statement only with "that": no need to read further
        b = doc.blocks[s.block]
        if b.kind == "heading" or not sections.is_prose(doc, s.block):
            last_sentence = si
            continue
        k = bisect_left(starts, s.end)
        if k > 0 and quoted[k - 1][1] > s.start:
            last_sentence = si
            continue  # the sentence holds a quotation
        q = _statement(doc, index, s.start, min(s.end, s.start + _MAX_SENTENCE), m_start)
        if q is not None:
            out.append(q)
            last_sentence = si
    return out


def _statement(doc: Document, index: ActorIndex, s_start: int, s_end: int, at: int) -> Quote | None:
    """The reported statement around the reporting verb at `at`, if it is one. Only a short stretch
    around the verb is read first (most speakers stand right before it); a wider one only when the
    speaker phrase may run past it (appositions, "who" clauses)."""
    text = doc.text
    right = min(s_end, at + _CLAUSE_REACH)
    near = max(s_start, at - _NEAR_REACH)
    toks = tokenize(text, near, right)
    c = next((i for i, t in enumerate(toks) if t.start == at), None)
    if c is None:
        return None
    according = toks[c].low == "according"
    np = None if according else subject_of(toks, c, 0)
    simple = according or (np is not None and np.first > 0 and np.last >= c - 4)
    if not simple and near > s_start:
        toks = tokenize(text, max(s_start, at - _SUBJECT_REACH), right)
        c = next((i for i, t in enumerate(toks) if t.start == at), None)
        if c is None:
            return None
        np = subject_of(toks, c, 0)
    n = len(toks)
    t = toks[c]
    if np is not None and np.kind in _SPEAKERS:
        found = _clause_start(toks, c, n, direct_ok=True)
        if found is not None and found[0] < n:
            a, addressee = found
            start = toks[a].start
            while start < s_end and not text[start].isalnum():
                start += 1
            end = _clause_end(doc, start, s_end)
            if len(text[start:end].split()) >= _MIN_WORDS:
                return _quote(doc, index, np, t, start, end, addressee, s_start, s_end)
    if at - s_start > _SUBJECT_REACH or s_end - at > _CLAUSE_REACH:
        return None  # a trailing ", X said" ends a sentence of ordinary length
    toks = tokenize(text, s_start, s_end)
    trail = trailing_attribution(toks, 0, len(toks))
    if trail is not None:
        comma, np, cue_t = trail
        if (comma >= _MIN_WORDS and cue_t.low != "according") or np.kind in ("name", "org"):
            cue_text = text[cue_t.start : cue_t.end + 3] if cue_t.low == "according" else cue_t.text
            q = _quote(doc, index, np, cue_t, toks[0].start, toks[comma - 1].end, None, s_start, s_end)
            if q is not None:
                q.cue = cue_text
            return q
    return None


def _quote(doc: Document, index: ActorIndex, np: NP, cue: Tok, a: int, b: int,
           addressee: tuple[int, int] | None, s_start: int, s_end: int) -> Quote | None:
    text = doc.text
    if b <= a:
        return None
    who = speaker_from(doc, np, index)
    return quote(text[a:b], span(a, b), "indirect", who, cue=cue.text,
                 addressee=text[addressee[0] : addressee[1]] if addressee else None, sentence=span(s_start, s_end))
