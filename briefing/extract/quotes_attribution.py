"""Who said a quoted stretch: the reporting verb next to it and the speaker phrase of that verb.

Checked in this order, closest evidence first:
1. right after the closing mark: '"...," said X', '"..." X said', '"..." he told Axios';
2. before the opening mark, in the same sentence: the nearest reporting verb and its subject ("X said",
   "X, who ..., said", "according to X", "was praised by X as", "X quoted Y as saying", "X: '...'");
3. an earlier quotation in the same sentence ('called it "A" and "B"');
4. for a quotation standing as its own sentence: the quotation just before it (a speech continued
   over sentences), or a reporting verb with a speaker in the sentence before.
Partial quotations (a few words inside the reporter's sentence) need evidence of kind 1-3: without
it they are scare quotes or terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from .quotes_lexicon import Cue, lexicon
from .quotes_phrases import (
    NP,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SurnameTok,
    Tok,
    appositive_name,
    describes_role,
    is_abbrev,
    is_cap,
    names_role,
    np_left,
    np_right,
)

_SUBORDINATORS = frozenset({"as", "while", "when", "because", "although", "though", "after", "before", "since",
                            "if", "whereas", "once", "until", "where"})
_OPENERS = frozenset({"in", "on", "at", "for", "with", "after", "before", "during", "however", "meanwhile",
                      "also", "still", "yet", "separately", "speaking", "asked", "later", "earlier", "today",
                      "yesterday", "by", "from", "under", "despite", "following", "according", "while", "as",
                      "when", "though", "although", "since", "because", "if", "then", "now", "instead", "but"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_SPEAKER_KINDS = ("name", "pronoun", "person", "org")
_STOP = frozenset({".", ";", "!", "?", ":"})
_PASSIVE_BE = frozenset({"be", "been", "being"})
_IS = frozenset({"is", "are", "was", "were", "'s", "’s"})
_NAMING_VERBS = frozenset({"called", "described", "branded", "labelled", "labeled", "termed", "characterized",
                           "characterised"})
_PREPOSITIONS_NOT_WITH = frozenset({"to", "in", "at", "of", "for", "from", "on", "about", "by", "into", "over",
                                    "under", "than", "via", "through", "against", "toward", "towards"})


@dataclass
class Attribution:
    np: NP | None
    toks: list[Tok]  # the tokens the phrase indexes
    cue: Tok | None = None
    addressee: tuple[int, int] | None = None  # character span of the one told
    medium: tuple[int, int] | None = None
    how: str = ""  # right | left | colon | inherit | context


def _cue(t: Tok) -> Cue | None:
    return lexicon().cues.get(t.low)


def _skippable(toks: list[Tok], k: int) -> bool:
    lex = lexicon()
    t = toks[k]
    low = t.low
    if t.__class__ is SurnameTok:
        return False  # "Theresa May said", "May told": a surname, not the modal verb
    if low in lex.skip or low in _WEEKDAYS:
        # "Dr Were accused", "Theresa May said": a capitalised word after a title or a name is a surname
        # ("May" stays skipped: a month is never read as a name here)
        return not (k > 0 and t.text[:1].isupper() and low not in _WEEKDAYS and low != "may"
                    and _names_before(toks, k - 1))
    if low == "on" and k + 1 < len(toks) and toks[k + 1].low in _WEEKDAYS:
        return True
    # -ly adverbs ("reportedly", "flatly") but not nouns such as "family" or names such as "Italy".
    return low.endswith("ly") and low.isalpha() and not is_cap(t.text) and low not in lex.person_heads \
        and low not in ("family", "ally", "italy", "july", "only")


def _names_before(toks: list[Tok], k: int) -> bool:
    """Token k ends a title or a name ("Dr", "Sen.", "Theresa"), so a capitalised word after it is a name."""
    t = toks[k]
    if t.text == "." and k > 0:
        t = toks[k - 1]
    return (t.low in lexicon().titles and t.text[:1].isupper()) or (
        is_cap(t.text) and t.low not in SUBJECT_PRONOUNS and t.text.isalpha() and not t.text.isupper())


def _skip_back(toks: list[Tok], k: int, lo: int) -> int:
    while k >= lo and _skippable(toks, k):
        k -= 1
    if k > lo and toks[k].text == ")":
        # "Teresa Okafor (D-Md.) said", "the Kenya Medical Association (KMA) said": a short bracket
        # after the speaker's name
        for m in range(k - 1, max(lo, k - 7) - 1, -1):
            if toks[m].text == "(":
                if m > lo and is_cap(toks[m - 1].text):
                    k = m - 1
                    while k >= lo and _skippable(toks, k):
                        k -= 1
                break
            if toks[m].text in (";", "!", "?", ":", ")"):
                break
    return k


def _segment_start(toks: list[Tok], k: int, lo: int) -> int | None:
    """Index of the comma before the comma at k (the start of an inserted phrase), if close enough."""
    j = k - 1
    while j >= lo and j > k - 30:
        if toks[j].text == ",":
            return j
        if toks[j].text in _STOP and not (toks[j].text == "." and j > lo and is_abbrev(toks[j - 1])):
            return None  # a sentence's end, not the period of "Dr." or "U.S."
        j -= 1
    return None


def _appositive_head(toks: list[Tok], comma: int, lo: int) -> NP | None:
    """'Todd Tiahrt, a Kansas representative, said': the phrase before an inserted ", ... ," part."""
    for _ in range(3):
        prev = _segment_start(toks, comma, lo)
        end = (prev - 1) if prev is not None else None
        if end is None:
            return None
        np = np_left(toks, end, lo)
        if np is not None and describes_role(toks, np):
            # "The opposition leader, Tom Rees, said", "The Minister for Culture, Aoife Mulcahy, said": the
            # name in apposition is the better answer.
            inner = np_right(toks, prev + 1, comma)
            if names_role(toks, np, inner, comma):
                return inner
        if np is not None and np.kind in ("name", "pronoun"):
            return np
        if np is not None and np.kind in ("person", "org") and toks[np.first].low in lexicon().determiners:
            return np  # "A spokesperson for the association, who asked not to be named, said"
        comma = prev
    return None


def clause_subject(toks: list[Tok], lo: int, k: int) -> NP | None:
    """Subject of the clause that ends before token k: after the nearest subordinator, else the start."""
    starts = [j + 1 for j in range(k - 1, lo - 1, -1) if toks[j].low in _SUBORDINATORS or toks[j].text == ";"]
    starts.append(lo)
    lex = lexicon()
    for p in starts:
        q = p
        for _ in range(3):  # skip opening adverbials: "However,", "On Tuesday,", "While visiting X,"
            if q >= k:
                break
            comma = next((j for j in range(q, min(k, q + 12)) if toks[j].text == ","), None)
            w = toks[q].low
            # "Moving on,", "Speaking to reporters,": an -ing word then a preposition, article or adverb
            # ("Boeing has ..." is a name).
            ing = w.endswith(("ing", "ed")) and q + 1 < k and (toks[q + 1].low in _OPENERS or toks[q + 1].low in (
                "the", "a", "an", "his", "her", "its", "their", "to", "on", "out", "up", "back", "whether", "about"))
            opener = w in _OPENERS or ing or w in _WEEKDAYS
            if comma is not None and opener:
                q = comma + 1
            else:
                break
        np = np_right(toks, q, k)
        if np is None or describes_role(toks, np):
            # "Her rival, Tom Rees, disagreed", "The Minister for Culture, Ann Roe, disagreed": the name set
            # off by commas after a description.
            comma = next((j for j in range(q, min(k, q + 6)) if toks[j].text == ","), None)
            if comma is not None:
                appo = np_right(toks, comma + 1, k)
                if appo is not None and appo.kind == "name" and appo.last + 1 < k and toks[appo.last + 1].text == "," \
                        and (np is None or np.kind == "person" or names_role(toks, np, appo, appo.last + 1)):
                    return appo  # (but "The Hague, Netherlands, was" is about The Hague)
        if np is not None and (np.kind in _SPEAKER_KINDS or np.kind == "doc"):
            if np.kind == "person" and toks[np.first].low not in lex.determiners and np.first == np.last:
                continue
            return np
    return None


def _addressee(toks: list[Tok], c: int, hi: int) -> tuple[int, int] | None:
    cue = _cue(toks[c])
    j = c + 1
    if j < hi and toks[j].low == "to" and cue is not None and not cue.addressee:
        j += 1  # "said to reporters"
    elif cue is None or not cue.addressee:
        return None
    if j < hi and toks[j].low in SUBJECT_PRONOUNS:
        return None
    found = addressee_phrase(toks, j, hi)
    return found[0] if found is not None else None


def addressee_phrase(toks: list[Tok], j: int, hi: int) -> tuple[tuple[int, int], int] | None:
    """The one told, starting at token j: its character span and its last token index."""
    np = np_right(toks, j, hi)
    if np is None:
        return None
    if np.last + 1 < hi and toks[np.last + 1].low in lexicon().medium_heads:
        return (np.start, toks[np.last + 1].end), np.last + 1  # "told Spanish radio", "state television"
    return ((np.name_start, np.name_end) if np.kind == "name" else (np.start, np.end)), np.last


def _medium(toks: list[Tok], c: int, hi: int) -> tuple[int, int] | None:
    """'said in an interview', 'wrote on his blog', 'said by telephone', 'told a news conference'."""
    lex = lexicon()
    j = c + 1
    end = min(hi, c + 9)
    if j < end and toks[j].low in ("a", "an", "the"):
        for m in range(j + 1, min(end, j + 4)):
            if toks[m].low in lex.medium_heads:
                return (toks[j].start, toks[m].end)
            if not toks[m].low.isalpha():
                break
    while j < end:
        t = toks[j]
        if t.text in _STOP or t.text == ",":
            return None
        if t.low in ("in", "on", "during", "via", "through", "by") and j + 1 < end:
            for m in range(j + 1, min(end, j + 5)):
                if toks[m].low in lex.medium_heads:
                    return (toks[j + 1].start, toks[m].end)
                if toks[m].text in _STOP or toks[m].text == ",":
                    break
        j += 1
    return None


def _finish(att: Attribution, toks: list[Tok], c: int, hi: int) -> Attribution:
    att.addressee = _addressee(toks, c, hi)
    att.medium = _medium(toks, c, hi)
    return att


def _title_prefix(toks: list[Tok], i: int, j: int) -> bool:
    """Capitalised words and brackets before a name: a party or title ("NCP (SP) MP Supriya Sule")."""
    span = toks[i:j]
    return 0 < len(span) <= 6 and any(t.text == "(" for t in span) and all(
        t.text in ("(", ")") or is_cap(t.text) for t in span)


def from_right(toks: list[Tok]) -> Attribution | None:
    """'"...," said X' / '"..." X said' / '"..." Detik.com quoted X as saying' right after the quote."""
    n = len(toks)
    i = 0
    while i < n and toks[i].text in (",", "—", "–", "-"):
        i += 1
    if i >= n:
        return None
    lex = lexicon()
    t = toks[i]
    if t.low == "according" and i + 1 < n and toks[i + 1].low == "to":
        np = np_right(toks, i + 2, n)  # '"...," according to a statement from the ministry'
        if np is not None and np.kind in (*_SPEAKER_KINDS, "doc"):
            return Attribution(np, toks, t, how="right")
        return None
    cue = _cue(t)
    if cue is not None and cue.inverted and cue.form in ("s", "past"):
        np = np_right(toks, i + 1, n)
        if np is not None and np.kind in _SPEAKER_KINDS:
            appo = appositive_name(toks, np, n)
            return _finish(Attribution(appo or np, toks, t, how="right"), toks, i, n)
        return None
    # NP + verb: the phrase must start right here.
    c = None
    j = i
    limit = min(n, i + 16)
    while j < limit:
        w = toks[j]
        if w.text in _STOP and not (w.text == "." and j > i and is_abbrev(toks[j - 1])):
            break  # a sentence's end, but not the period of "Gov." or "Sen." in the speaker's title
        if w.text == "," and j + 1 < n and toks[j + 1].low in RELATIVES:
            # '"...," the official, who asked not to be named, told Reuters': skip the clause.
            nxt = next((m for m in range(j + 2, min(n, j + 25)) if toks[m].text in (",", *_STOP)), None)
            if nxt is None or toks[nxt].text != ",":
                break
            j, limit = nxt, min(n, nxt + 6)
            continue
        cj = _cue(w)
        if cj is not None and cj.form in ("s", "past", "ing"):
            c = j
            break
        j += 1
    if c is None or c == i:
        return None
    k = _skip_back(toks, c - 1, i)
    if k < i:
        return None
    if toks[k].text == ",":
        np = np_right(toks, i, k)
        seg = _segment_start(toks, k, i)
        if np is None or seg is None or np.last + 1 != seg:
            return None
        np = appositive_name(toks, np, k + 1) or np  # "McConnell's spokesman, David Popp, said"
    else:
        np = np_left(toks, k, i)
        if np is None or (np.first != i and not (np.kind == "name" and _title_prefix(toks, i, np.first))):
            return None
    if np.kind not in _SPEAKER_KINDS and np.kind != "doc":
        return None
    cue_t = toks[c]
    if cue_t.low in ("quoted", "quotes") and np is not None:
        # "Detik.com quoted Djamal as saying": the one quoted speaks, the quoting outlet is the medium.
        inner = np_right(toks, c + 1, n)
        if inner is not None and inner.last + 1 < n and toks[inner.last + 1].low == "as":
            att = Attribution(inner, toks, cue_t, how="right")
            att.medium = (np.start, np.end)
            return att
    if lex.cues[cue_t.low].form == "ing" and toks[k].text != ",":
        return None  # '"..." the company saying' is not an attribution
    return _finish(Attribution(np, toks, cue_t, how="right"), toks, c, n)


def subject_of(toks: list[Tok], c: int, lo: int) -> NP | None:
    """The speaker of the reporting verb at token c (reading left from it, then the clause subject)."""
    lex = lexicon()
    n = len(toks)
    cue = lex.cues.get(toks[c].low)
    if c + 1 < n and toks[c + 1].low == "by" and (toks[c].low.endswith("ed") or (cue is not None
                                                                                and cue.form == "past")):
        np = np_right(toks, c + 2, n)  # "was praised by Jobs as", "were told by nurses to"
        if np is not None and np.kind in _SPEAKER_KINDS:
            return np
    k = c - 1
    if toks[c].low == "saying" and k >= lo and toks[k].low == "as":
        # "quoted Djamal as saying" / "was quoted as saying"
        inner = np_left(toks, k - 1, lo)
        if inner is not None and inner.first - 1 >= lo and toks[inner.first - 1].low in ("quoted", "quotes"):
            return inner
        k -= 1
    k = _skip_back(toks, k, lo)
    if k < lo:
        return None
    w = toks[k]
    participle = cue is not None and cue.form == "ing"
    if w.text == ",":
        if participle:
            return clause_subject(toks, lo, k)
        head = _appositive_head(toks, k, lo)
        return head if head is not None else clause_subject(toks, lo, k)
    if w.low in ("and", "but", "then", "or"):
        return clause_subject(toks, lo, k)
    if w.low in RELATIVES:
        j = k - 1
        if j >= lo and toks[j].text == ",":
            seg = _segment_start(toks, j, lo)
            if seg is not None and seg + 1 < j and (toks[seg + 1].low in lex.determiners
                                                    or toks[seg + 1].low in lex.person_heads):
                # "Charles O'Reilly, a management expert at Stanford University, who stated"
                head = _appositive_head(toks, j, lo)
                if head is not None:
                    return head
            return np_left(toks, j - 1, lo)
        return np_left(toks, j, lo)
    np = np_left(toks, k, lo)
    if np is None:
        return clause_subject(toks, lo, k + 1) if participle else None
    before = toks[np.first - 1].low if np.first - 1 >= lo else ""
    if participle and (np.kind == "doc" or (before in _PREPOSITIONS_NOT_WITH and np.kind != "pronoun")):
        # "a joint statement saying", "in a letter to Apple's board of directors stating": the
        # clause's subject speaks; but "with UBS analyst David Strauss saying" is Strauss.
        alt = clause_subject(toks, lo, np.first)
        return alt if alt is not None else (np if np.kind != "doc" else None)
    if np.kind != "pronoun" and toks[np.first].low not in lex.determiners and before in (",", "and"):
        # "Ralph Crosby, EADS's North America CEO and ex Northrop executive commented",
        # "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union said"
        alt = clause_subject(toks, lo, np.first)
        if alt is not None and alt.kind in ("name", "pronoun") and alt.last + 1 < np.first \
                and toks[alt.last + 1].text == ",":  # the subject, then an apposition ("X, Y and Z said")
            return alt
    return np


def from_left(toks: list[Tok]) -> Attribution | None:
    """The nearest reporting verb before the quote in the same sentence, and its speaker."""
    n = len(toks)
    lex = lexicon()
    if n >= 2 and toks[-1].text == ":":
        np = np_left(toks, n - 2, 0)
        if np is not None and np.kind in ("name", "person") and (
                np.first == 0 or toks[np.first - 1].text in _STOP
                or (np.kind == "name" and not any(t.low in lex.cues for t in toks[max(0, np.first - 8) : np.first]))):
            return Attribution(np, toks, None, how="colon")
    att = _nearest_cue(toks)
    if att is None and n >= 2 and toks[-1].text in (",", ":"):
        # 'Jobs left this farewell, "..."': no verb of saying, but the clause's subject is the source.
        np = clause_subject(toks, 0, n - 1)
        if np is not None and np.kind in ("name", "pronoun"):
            return Attribution(np, toks, None, how="colon")
    return att


def _after_as(toks: list[Tok]) -> bool:
    """The quotation follows "as" ('dismissed the claims as "baseless"', 'as a "witch hunt"')."""
    n = len(toks)
    if n >= 2 and toks[-1].low in ("a", "an"):
        n -= 1
    return n >= 1 and toks[n - 1].low == "as"


def _nearest_cue(toks: list[Tok]) -> Attribution | None:
    n = len(toks)
    lex = lexicon()
    for c in range(n - 1, -1, -1):
        t = toks[c]
        if t.low == "according" and c + 1 < n and toks[c + 1].low == "to":
            np = np_right(toks, c + 2, n)
            if np is not None and np.kind in (*_SPEAKER_KINDS, "doc"):
                return Attribution(np, toks, t, how="left")
            continue
        cue = lex.cues.get(t.low)
        if cue is None or is_cap(t.text):
            continue
        if cue.needs_as and not _after_as(toks):
            continue  # 'rejected the company's "final offer"' quotes the other side
        if c > 0 and (toks[c - 1].low in _PASSIVE_BE or (t.low in _NAMING_VERBS and toks[c - 1].low in _IS)) \
                and not (c + 1 < n and toks[c + 1].low == "by"):
            # "a doctor would be posted to the area", "the music is branded": a passive, its subject is not
            # a speaker
            continue
        np = subject_of(toks, c, 0)
        if np is not None and (np.kind in _SPEAKER_KINDS or np.kind == "doc"):
            return _finish(Attribution(np, toks, t, how="left"), toks, c, n)
    return None


def cue_with_speaker(toks: list[Tok]) -> Attribution | None:
    """Any reporting verb with a speaker in a sentence (used for the sentence before a quote)."""
    att = from_left(toks)
    if att is not None and att.np is not None and att.np.kind in ("name", "pronoun", "person", "org"):
        return att
    return None


def trailing_attribution(toks: list[Tok], lo: int, n: int) -> tuple[int, NP, Tok] | None:
    """', Axios said.' / ', officials said' / ', according to the Pentagon.' ending the sentence."""
    lex = lexicon()
    end = n
    while end > lo and toks[end - 1].text in (".", "!", "?"):
        end -= 1
    if end - lo >= 2 and toks[end - 1].low in lex.medium_heads:
        # ", the ministry said in a statement."
        p = next((j for j in range(end - 2, max(lo, end - 6) - 1, -1) if toks[j].low in ("in", "on", "via", "by")),
                 None)
        if p is not None:
            end = p
    while end > lo and _skippable(toks, end - 1):
        end -= 1  # ", she said on Tuesday."
    if end - lo < 3:
        return None
    last = toks[end - 1]
    cue = lex.cues.get(last.low)
    if cue is not None and cue.form in ("s", "past"):
        np = np_left(toks, _skip_back(toks, end - 2, lo), lo)  # ", a watchdog has found."
        if np is not None and np.kind in _SPEAKER_KINDS and np.first - 1 >= lo and toks[np.first - 1].text == ",":
            return np.first - 1, np, last
        return None
    # ", according to X."
    for k in range(end - 2, max(lo, end - 14), -1):
        if toks[k].low == "according" and toks[k + 1].low == "to" and k - 1 >= lo and toks[k - 1].text == ",":
            np = np_right(toks, k + 2, end)
            if np is not None and np.kind in ("name", "person", "org") and np.last == end - 1:
                return k - 1, np, toks[k]
            return None
    return None
