"""Linking speaker phrases to the actors an earlier step found: by mention, by name, and pronouns.

Pronouns are resolved the way readers do it: the first fitting mention earlier in the same sentence,
else the first fitting mention of the previous sentence, and so on back a few sentences (the subject
of a sentence usually comes first). Mentions inside quotations are not antecedents. Besides the
actors' own mentions, a capitalised word that is an actor's surname or given name counts as a mention
(the actors step may have missed "Djamal told reporters"), and a pronoun already resolved as a speaker
counts as a mention of its person (so "He stated ... He said ..." chains back to the named person).
"He" skips people whose given name or title marks a woman, "she" the reverse; "it" looks for
organisations, "they" for organisations and groups.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from ..document import Document
from ..model import Actor, Speaker
from .actors import mention_rows
from .quotes_lexicon import lexicon
from .quotes_models import span, speaker
from .quotes_phrases import NP, is_cap, np_right, tokenize

_BACK_SENTENCES = 6
_MAX_SCANNED = 40  # sentences looked at, quoted ones included
_REACH = 1500  # characters of one sentence searched for an antecedent (hostile inputs have huge ones)
# Heads naming public bodies: "the ministry" links only to an organisation with "Ministry" in its name.
_INSTITUTIONS = frozenset({"ministry", "government", "department", "agency", "court", "commission", "committee",
                           "council", "parliament", "congress", "senate", "cabinet", "administration", "police",
                           "assembly", "legislature", "house", "board", "union", "party"})
# A capital after a non-word character (`\b[A-Z]`, written so that the regex engine can skip to the
# next capital letter in C instead of testing a word boundary at every position).
_CAP_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'\-]+")
_NAME_PAIR = re.compile(r"[A-Z](?<!\w[A-Z])[^\W\d_]+(?:[ \-][A-Z][^\W\d_]+)+")
_NOT_NAME = frozenset({"the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "this",
                       "that", "these", "those", "his", "her", "its", "their", "our", "mr", "mrs", "ms", "dr",
                       "after", "before", "when", "while", "as", "if", "for", "with", "from", "by", "of", "to"})
_FIRST_WORD = re.compile(r"[A-Za-z]+")
UNKNOWN = -1  # an antecedent that is no known actor


def _gender(actor: Actor) -> str | None:
    lex = lexicon()
    words = [w.strip(".").lower() for t in actor.titles for w in t.split()]
    if any(w in lex.feminine for w in words):
        return "f"
    if any(w in lex.masculine for w in words):
        return "m"
    first = actor.name.split()[0].lower() if actor.name.split() else ""
    if first in lex.female_names:
        return "f"
    if first in lex.male_names:
        return "m"
    return None


class ActorIndex:
    def __init__(self, doc: Document, actors: list[Actor], quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.actors = actors
        rows = mention_rows(doc, actors)
        if rows is None:
            rows = sorted((m.start, m.end, i) for i, a in enumerate(actors) for m in a.mentions)
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self._quoted]
        self._gender: dict[int, str | None] = {}  # filled on demand: most texts never need it
        self._names: tuple[dict[str, int], dict[str, list[int]]] | None = None  # built on first use
        # Pronouns resolved as speakers, as extra mentions: (position, actor index), kept sorted.
        self._resolved: list[tuple[int, int]] = []
        self._described: dict[int, int | None] = {}  # sentence start -> its unnamed-person subject

    def _name_maps(self) -> tuple[dict[str, int], dict[str, list[int]]]:
        """Full names and aliases -> actor; surname or given name -> person actors."""
        if self._names is None:
            by_name: dict[str, int] = {}
            person_word: dict[str, list[int]] = {}
            for i, a in enumerate(self.actors):
                for n in (a.name, *a.aliases):
                    by_name.setdefault(n.lower(), i)
                parts = a.name.split()
                if a.kind == "person" and parts:
                    for w in {parts[0].lower(), parts[-1].lower()}:
                        person_word.setdefault(w, []).append(i)
            self._names = (by_name, person_word)
        return self._names

    def _in_quote(self, pos: int) -> bool:
        k = bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Mentions (start, end, actor index) overlapping [start, end)."""
        # Mentions are short; one starting 200 characters before cannot reach into the span.
        k = bisect_left(self._starts, start - 200)
        out = []
        while k < len(self._rows) and self._rows[k][0] < end:
            r = self._rows[k]
            if r[1] > start:
                out.append(r)
            k += 1
        return out

    def by_span(self, start: int, end: int) -> int | None:
        """The actor mentioned in [start, end), the one whose mention ends last (the phrase's head)."""
        rows = self.overlapping(start, end)
        if not rows:
            return None
        rows.sort(key=lambda r: (r[1], self.actors[r[2]].kind == "person"))
        return rows[-1][2]

    def by_name(self, name: str) -> int | None:
        by_name, person_word = self._name_maps()
        low = name.lower().strip()
        if low in by_name:
            return by_name[low]
        words = low.split()
        if not words:
            return None
        cands = person_word.get(words[-1], [])
        return cands[0] if len(set(cands)) == 1 else None

    def person_by_word(self, word: str) -> int | None:
        cands = self._name_maps()[1].get(word.lower(), [])
        return cands[0] if len(set(cands)) == 1 else None

    def actor(self, i: int) -> Actor:
        return self.actors[i]

    def remember(self, pos: int, i: int) -> None:
        insort(self._resolved, (pos, i))

    def _fits(self, pronoun: str) -> Callable[[int], bool]:
        def fits(i: int) -> bool:
            a = self.actors[i]
            g = self._gender[i] if i in self._gender else self._gender.setdefault(i, _gender(a))
            if pronoun == "he":
                return a.kind == "person" and g != "f"
            if pronoun == "she":
                return a.kind == "person" and g != "m"
            if pronoun == "person":
                return a.kind == "person"
            if pronoun == "it":
                return a.kind == "organization"
            if pronoun == "they":
                return a.kind in ("organization", "group")
            return False

        return fits

    def _candidates(self, start: int, end: int) -> list[tuple[int, int]]:
        """(position, actor index) of the actors' mentions and of resolved pronouns in [start, end),
        outside quotations, in text order."""
        out: list[tuple[int, int]] = []
        k = bisect_left(self._starts, start)
        while k < len(self._rows) and self._rows[k][0] < end:
            out.append((self._rows[k][0], self._rows[k][2]))
            k += 1
        k = bisect_left(self._resolved, (start, -1))
        while k < len(self._resolved) and self._resolved[k][0] < end:
            out.append(self._resolved[k])
            k += 1
        out.sort()
        return [c for c in out if not self._in_quote(c[0])]

    def _name_candidates(self, start: int, end: int) -> list[tuple[int, int]]:
        """Person antecedents the actors step did not mark, in [start, end): a surname or given name
        of a person actor ("Djamal told reporters"), or UNKNOWN for a full name that is no actor
        ("Jógvan Joensen") or an unnamed person opening the sentence ("One of the experts")."""
        lex = lexicon()
        text = self.doc.text
        out: list[tuple[int, int]] = []
        for m in _CAP_WORD.finditer(text, start, end):
            i = self.person_by_word(m.group().rstrip("’'").removesuffix("’s").removesuffix("'s"))
            if i is not None:
                out.append((m.start(), i))
        # An unknown full name stops the search rather than letting "he" jump to someone earlier.
        for m in _NAME_PAIR.finditer(text, start, end):
            words = m.group().split()
            if words[0].lower() in _NOT_NAME or all(w.lower() in lex.titles or w.lower() in lex.modifiers
                                                    for w in words) or self.overlapping(m.start(), m.end()):
                continue
            out.append((m.start(), UNKNOWN))
        described = self._described_subject(start, end)
        if described is not None:
            out.append((described, UNKNOWN))
        out.sort()
        return [c for c in out if not self._in_quote(c[0])]

    def _described_subject(self, start: int, end: int) -> int | None:
        """'One of OOB's experts acknowledged it. "...," he said': a sentence opening with an unnamed
        person is about that person, so "he" goes to no named actor. Only at a sentence's start."""
        first = _FIRST_WORD.match(self.doc.text, start, end)
        if first is None or first.group().lower() not in lexicon().determiners:
            return None  # most sentences open with a name or a plain word: no need to read on
        if start in self._described:
            return self._described[start]
        si = self.doc.sentence_index_at(start)
        if si is None or self.doc.sentences[si].start != start:
            return None
        self._described[start] = None
        toks = tokenize(self.doc.text, start, min(end, start + 120))
        np = np_right(toks, 0, len(toks))
        if np is None or np.kind != "person" or toks[0].low not in lexicon().determiners:
            return None
        after = np.last + 1
        if after + 1 < len(toks) and toks[after].text == "," and is_cap(toks[after + 1].text):
            return None  # "The minister, Kari Berg, said": the name is the antecedent
        self._described[start] = start
        return start

    def first_in(self, start: int, end: int, fits: Callable[[int], bool], personal: bool) -> int | None:
        """The first fitting antecedent in [start, end) (UNKNOWN: an unknown person comes first)."""
        found = next(((p, i) for p, i in self._candidates(start, end) if fits(i)), None)
        limit = found[0] if found is not None else end
        if personal and limit > start:
            # Names the actors step missed matter only before the first actor that fits (read whole:
            # "Republican Senator Bob Corker" must be seen as one name reaching that actor).
            for p, i in self._name_candidates(start, min(end, limit + 80)):
                if p >= limit:
                    break
                if i == UNKNOWN or fits(i):
                    return i
        return found[1] if found is not None else None

    def org_by_head(self, head: str, pos: int) -> int | None:
        """'the union' -> the last organisation before `pos` with "Union" in its name."""
        si = self.doc.sentence_index_at(pos)
        if si is None:
            return None
        lo = max(self.doc.sentences[max(0, si - _BACK_SENTENCES)].start, pos - 4 * _REACH)
        best = None
        for p, i in self._candidates(lo, pos):
            a = self.actors[i]
            if a.kind in ("organization", "group") and head in a.name.lower().split():
                best = i if best is None or p >= 0 else best
        return best

    def resolve_pronoun(self, pronoun: str, pos: int, back: int | None = None) -> int | None:
        """The actor a pronoun (or "person" for a definite description) at `pos` most likely refers to."""
        fits = self._fits(pronoun)
        personal = pronoun in ("he", "she", "person")
        si = self.doc.sentence_index_at(pos)
        if si is None:
            return None
        s = self.doc.sentences[si]
        found = self.first_in(max(s.start, pos - _REACH), pos, fits, personal)
        if found is not None:
            return None if found == UNKNOWN else found
        text = self.doc.text
        fallback: int | None = None
        # Organisations are picked up again by name soon; "it" reaches less far back than "he".
        if back is None:
            back = _BACK_SENTENCES if personal else 2
        j = si
        for _ in range(_MAX_SCANNED):
            j -= 1
            if j < 0 or back <= 0:
                break
            sj = self.doc.sentences[j]
            if self._in_quote(sj.start) and self._in_quote(sj.end - 1):
                continue  # a sentence of a quotation names no antecedent and does not count
            back -= 1
            found = self.first_in(sj.start, min(sj.end, sj.start + _REACH), fits, personal)
            if found is not None:
                # "He said ..." opening that sentence (unresolved) refers further back: follow the chain.
                if personal and text[sj.start : sj.start + len(pronoun) + 1].lower() == pronoun + " " and not any(
                        p == sj.start for p, _ in self._candidates(sj.start, sj.start + 1)):
                    fallback = found if fallback is None else fallback
                    continue
                return None if found == UNKNOWN else found
        return None if fallback == UNKNOWN else fallback


# "Mabaso: Honestly, ..." opens a turn of an interview transcript; "Q:" is the interviewer.
_TURN_LABEL = re.compile(r"[ \t]*([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}):[ \t]")
_NOT_TURN = frozenset({"q", "a", "question", "answer", "note", "editor's note", "update"})


def _turn_speaker(doc: Document, pos: int, index: ActorIndex) -> Speaker | None:
    """"I" inside an interview answer is the person whose turn it is."""
    b = doc.block_index_at(pos)
    if b is None:
        return None
    start = doc.blocks[b].content.start
    m = _TURN_LABEL.match(doc.text, start, pos)
    if m is None or m.group(1).lower() in _NOT_TURN:
        return None
    s, e = m.span(1)
    i = index.by_span(s, e)
    return speaker(doc.text[s:e], span(s, e), index.actor(i).id if i is not None else None)


def speaker_from(doc: Document, np: NP | None, index: ActorIndex) -> Speaker | None:
    """The Speaker for a speaker phrase: its words as written, linked to an actor where one fits."""
    if np is None:
        return None
    text = doc.text
    if np.kind == "pronoun":
        word = text[np.start : np.end]
        low = word.lower()
        aid = None
        if low in ("he", "she", "it", "they"):
            i = index.resolve_pronoun(low, np.start)
            if i is not None:
                aid = index.actor(i).id
                index.remember(np.start, i)
        elif low == "i":
            turn = _turn_speaker(doc, np.start, index)
            if turn is not None:
                return turn
        return speaker(word, span(np.start, np.end), aid)
    if np.kind == "name":
        s, e = np.name_start, np.name_end
        i = index.by_span(np.start, np.end)
        if i is not None:
            # Prefer the actor's own mention inside the phrase ("Marvin Sambur", not "Acquisition ...").
            rows = [r for r in index.overlapping(np.start, np.end) if r[2] == i and r[0] >= np.start]
            if rows:
                s, e = rows[-1][0], min(rows[-1][1], np.end)
        else:
            i = index.by_name(text[s:e])
        return speaker(text[s:e], span(s, e), index.actor(i).id if i is not None else None)
    phrase = span(np.start, np.end)
    words = text[np.start : np.end]
    if np.kind == "org":
        i = index.by_span(np.start, np.end)
        if i is None and words[:4].lower() in ("the ", "its "):
            i = index.org_by_head(np.head, np.start)
            # "the company" is the firm just named; "the ministry" must be named as one.
            if i is None and np.head not in _INSTITUTIONS:
                i = index.resolve_pronoun("it", np.start, back=3)
        return speaker(words, phrase, index.actor(i).id if i is not None else None)
    if np.kind == "doc":
        i = index.by_span(np.start, np.end)
        return speaker(words, phrase, index.actor(i).id if i is not None else None, anonymous=i is None)
    i = _definite_person(doc, np, index)
    if i is not None:
        return speaker(words, phrase, index.actor(i).id)
    return speaker(words, phrase, anonymous=True)


def _definite_person(doc: Document, np: NP, index: ActorIndex) -> int | None:
    """'the bank chief', 'the minister': a definite singular title refers back to a named person;
    'a US official', 'officials', 'one of the officials' stay anonymous."""
    lex = lexicon()
    words = doc.text[np.start : np.end].lower().split()
    if len(words) < 2 or words[0] not in ("the", "this") or np.head not in lex.titles or np.head.endswith("s") \
            or " of " in f" {' '.join(words)} " or any(w.endswith(("'s", "’s")) for w in words):
        return None
    i = index.resolve_pronoun("person", np.start)
    if i is None:
        return None
    # The title on record must agree: "the minister" is the nearest person titled minister.
    titles = " ".join(index.actor(i).titles).lower().split()
    return i if np.head in titles else None
