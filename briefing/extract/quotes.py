"""Quotations and who said them: direct, partial and indirect speech, by rules (no model).

1. Double quotation marks are paired into stretches per paragraph (`quotes_marks`), linear in the
   number of marks; unbalanced marks end at their sentence, multi-paragraph quotes run on.
2. Stretches that are names or terms ('the "Big Three"', 'dubbed "Lion"') are dropped.
3. Each stretch gets its reporting verb and speaker (`quotes_attribution`); a stretch inside the
   reporter's sentence (partial) must have one, or it is a scare quote.
4. Speakers are linked to the actors found by the actors step: by mention, by name, and pronouns to
   the nearest fitting person (`quotes_actors`). Anonymous sources stay as written.
5. Indirect speech with a clear reporting verb (`quotes_indirect`), and the `## Quotes` section.
Quoted actors gain salience, and the actor list is re-sorted by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..model import Actor, Briefing, Quote, Span, Speaker
from . import sections
from .quotes_actors import ActorIndex, speaker_from
from .quotes_attribution import (
    Attribution,
    clause_subject,
    cue_with_speaker,
    from_left,
    from_right,
    trailing_attribution,
)
from .quotes_headline import headline_quotes
from .quotes_indirect import find_indirect
from .quotes_lexicon import lexicon
from .quotes_marks import Stretch, find_stretches
from .quotes_models import quote, span, speaker
from .quotes_phrases import NP, SUBJECT_PRONOUNS, Tok, is_cap, tokenize
from .quotes_section import section_quotes

# Salience an actor gains per quotation (direct or partial) and per reported statement.
QUOTE_BONUS = 1.0
INDIRECT_BONUS = 0.5
# How far (characters) an attribution window reaches on either side of a quotation.
_WINDOW = 300
_NEAR_WINDOW = 100  # read first; the full window only when the speaker may be further back
_RIGHT_WINDOW = 160  # an attribution after a quotation is short: '", said X, the Y of Z.'
_TERM_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "to", "a", "an", "in", "on", "at", "de", "du", "la",
                                  "le", "with", "or", "&", "von", "van", "der"})
_TERMINAL = ".!?…"
_STRAY_WORDS = 2  # an unclosed, unattributed mark before this many words or fewer quotes nothing


@dataclass
class Candidate:
    stretch: Stretch
    sent_first: int  # sentence index of the opening mark
    sent_last: int  # sentence index of the end of the quotation
    kind: str = "direct"
    att: Attribution | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    addressee: str | None = None
    medium: str | None = None
    accepted: bool = False

    @property
    def outer_end(self) -> int:
        s = self.stretch
        return s.close_at + 1 if s.close_at is not None else s.end


def _words(text: str) -> list[str]:
    return [w for w in text.replace("-", " ").split() if any(c.isalpha() or c.isdigit() for c in w)]


def _looks_like_term(text: str) -> bool:
    """'Big Three', 'Back to the Mac', 'iPhone OS,', 'Lion': a short capitalised name, not speech."""
    if len(text) > 80:
        return False
    words = _words(text)
    if not words or len(words) > 6 or text.rstrip().endswith(("!", "?")):
        return False
    caps = 0
    for w in words:
        core = w.strip(".,;:'’()[]\"")
        if not core:
            continue
        if is_cap(core) or core[0].isdigit():
            caps += 1
        elif core.lower() not in _TERM_FUNCTION_WORDS:
            return False
    return caps > 0


def _naming_before(toks: list[Tok]) -> bool:
    """'dubbed a "retina display"', 'commonly called "apps"', 'the plan, called "Way Forward"'."""
    lex = lexicon()
    k = len(toks) - 1
    if k >= 0 and toks[k].low in ("a", "an", "the"):
        k -= 1
    if k < 0:
        return False
    w = toks[k].low
    if w == "as" and k >= 1 and toks[k - 1].low in ("known", "referred", "billed", "branded", "styled"):
        return True
    if w not in lex.naming:
        return False
    if w in ("called", "named", "labeled", "labelled", "branded", "termed", "dubbed"):
        # "what he called "a betrayal"" is speech; "a screen, dubbed "..."" and "so called" are not.
        before = toks[k - 1] if k >= 1 else None
        if before is not None and (before.low in SUBJECT_PRONOUNS or (is_cap(before.text) and before.low != "i")):
            return False
        if w in _SPEECH_AFTER_WHAT and _what_before(toks, k):
            return False  # "amid what the company called "prolonged softness"": the company's words
    return True


# Verbs that report someone's own words after "what X ..." (but "what locals have dubbed" is a nickname).
_SPEECH_AFTER_WHAT = frozenset({"called", "termed", "labeled", "labelled", "branded"})


def _what_before(toks: list[Tok], k: int) -> bool:
    """"what the company called", "what the minister has termed": "what", then a short subject."""
    for m in range(k - 1, max(-1, k - 7), -1):
        low = toks[m].low
        if low == "what":
            return m < k - 1
        if not low[:1].isalnum():
            return False
    return False


def _introduced(left: list[Tok]) -> bool:
    """'McConnell replied, "No."': a reporting verb right before the quotation introduces speech."""
    lex = lexicon()
    k = len(left) - 1
    if k >= 0 and left[k].text in (",", ":"):
        k -= 1
    return k >= 0 and left[k].low in lex.cues and not is_cap(left[k].text)


def _describes_source(right: list[Tok]) -> bool:
    """'quotes a "Senate aide" as saying': the quoted words describe who speaks."""
    return len(right) >= 2 and right[0].low == "as" and right[1].low in ("saying", "telling", "stating")


def _first_alpha(text: str) -> str:
    for c in text:
        if c.isalpha() or c.isdigit():
            return c
    return ""


def _slice(doc: Document, span: tuple[int, int] | None) -> str | None:
    return doc.text[span[0] : span[1]] if span else None


def _sentence_index(doc: Document, pos: int) -> int:
    i = doc.sentence_index_at(pos)
    if i is not None:
        return i
    # Between sentences (whitespace, a mark before a sentence's first word): the next sentence.
    nxt = doc.sentence_index_at(pos + 1) if pos + 1 < len(doc.text) else None
    if nxt is not None:
        return nxt
    j = pos
    while j > 0 and doc.text[j - 1].isspace() and pos - j < 100:
        j -= 1
    prev = doc.sentence_index_at(j - 1) if j > 0 else None
    return prev if prev is not None else 0


def _classify_kind(c: Candidate, left: list[Tok], text: str) -> str:
    s = c.stretch
    if s.continues:
        return "direct"
    content = text[s.start : s.end]
    upper = _first_alpha(content).isupper() or _first_alpha(content).isdigit()
    if not left:
        return "direct"
    last = left[-1]
    lex = lexicon()
    if last.low in lex.cues and lex.cues[last.low].inverted and not is_cap(last.text):
        return "direct"  # 'said "this is a pivotal moment"' (but 'what she called "a wall"' is partial)
    if last.text == ":":
        return "direct" if upper or len(_words(content)) > 3 else "partial"
    if last.text == ",":
        if upper:
            return "direct"
        if len(left) >= 2 and left[-2].low in lex.cues:
            return "direct"  # 'Merkle said, "even though ..."'
        return "partial"
    if last.low == "that" and upper and len(_words(content)) >= 5 and content.rstrip()[-1:] in _TERMINAL:
        return "direct"
    if last.text in (".", "!", "?") and upper:
        return "direct"
    if upper and len(_words(content)) >= 4 and any(
            t.low in lex.cues and lex.cues[t.low].inverted and not is_cap(t.text) for t in left[-8:]):
        return "direct"  # 'Ron Sugar said in an interview "Everyone told us ..."'
    return "partial"


def _mine(doc: Document, found: Briefing, index_actors: list[Actor]) -> tuple[list[Candidate], ActorIndex]:
    """Every quoted stretch of the prose, classified and attributed in text order."""
    prose = [i for i in range(len(doc.blocks)) if sections.is_prose(doc, i)]
    stretches = [s for s in find_stretches(doc, prose) if s.end > s.start]
    index = ActorIndex(doc, index_actors, [(s.start, s.end) for s in stretches])
    cands = [Candidate(s, _sentence_index(doc, s.open_at), _sentence_index(doc, max(s.start, s.end - 1)))
             for s in stretches]
    prev_any: Candidate | None = None  # previous stretch read as speech, in the same block
    prev_acc: Candidate | None = None  # previous accepted quotation
    for n, c in enumerate(cands):
        if prev_any is not None and prev_any.stretch.block != c.stretch.block:
            prev_any = None
        if _read(doc, cands, n, prev_any, prev_acc, index):
            prev_any = c
            if c.accepted:
                prev_acc = c
    return [c for c in cands if c.accepted], index


def _read(doc: Document, cands: list[Candidate], n: int, prev_any: Candidate | None, prev_acc: Candidate | None,
          index: ActorIndex) -> bool:
    """Classify and attribute one stretch (sets its fields). False if it is no speech at all."""
    text = doc.text
    c = cands[n]
    s = c.stretch
    content = text[s.start : s.end]
    if not any(ch.isalnum() for ch in content):
        return False
    sent = doc.sentences[c.sent_first] if doc.sentences else None
    lo = sent.start if sent is not None and sent.start <= s.open_at else doc.blocks[s.block].content.start
    if prev_any is not None:
        lo = max(lo, prev_any.outer_end)
    near = max(lo, s.open_at - _NEAR_WINDOW)
    wide = max(lo, s.open_at - _WINDOW)
    left = tokenize(text, near, s.open_at)
    # Sentences are trimmed, so a quotation opens its sentence when its mark is the first character.
    at_sentence_start = sent is None or s.open_at <= sent.start
    if _naming_before(left) or (_looks_like_term(content) and not at_sentence_start and not _introduced(left)):
        return False  # a name or a term, not speech
    right, closing_only, cut = _right_window(doc, cands, n)
    if _describes_source(right):
        return False  # 'quotes a "Senate aide" as saying': part of the source's description

    c.kind = _classify_kind(c, left, text)
    if s.continues and prev_acc is not None and prev_acc.stretch.runs_on:
        _inherit(c, prev_acc)  # the next paragraph of a quotation running on
        c.kind = "direct"
        return True
    att = None
    if right:
        att = from_right(right)
        if att is not None and closing_only and not _closes(right, att, cut):
            att = None
    if att is None and left:
        att = from_left(left)
        if near > wide and not _plainly_attributed(att):
            # The speaker may sit further back ("X, who ..., told Y that the US expects "...""):
            # read the whole window. Most quotations never get here.
            att = from_left(tokenize(text, wide, s.open_at))
    same_sentence_prev = prev_acc is not None and prev_acc.stretch.block == s.block \
        and prev_acc.outer_end > (sent.start if sent else 0)
    if att is None and not same_sentence_prev and doc.sentences and s.close_at is not None:
        # 'The strikes were "unacceptable" and "dangerous", the minister said.'
        tail_end = doc.sentences[c.sent_last].end
        if tail_end - c.outer_end < _WINDOW:
            tail = tokenize(text, c.outer_end, tail_end)
            trail = trailing_attribution(tail, 0, len(tail))
            if trail is not None:
                att = Attribution(trail[1], tail, trail[2], how="tail")
    if att is None and same_sentence_prev and prev_acc is not None:
        _inherit(c, prev_acc)  # 'called it "A" and "B"'
    elif att is not None:
        c.att = att
        c.speaker = speaker_from(doc, att.np, index)
        c.cue = text[att.cue.start : att.cue.end] if att.cue is not None else None
        if c.cue is not None and c.cue.lower() == "according" and att.cue is not None:
            c.cue = text[att.cue.start : att.cue.end + 3]  # "according to" as written
        c.addressee = _slice(doc, att.addressee)
        c.medium = _slice(doc, att.medium)
        # 'Other reports suggested that markets "slowed"': a document alone does not speak.
        c.accepted = not (c.kind == "partial" and att.np is not None and att.np.kind == "doc"
                          and c.speaker is not None and c.speaker.actor_id is None)
    elif c.kind == "direct" and not _stray_mark(s, content):
        c.accepted = True
        _context_speaker(doc, c, prev_acc, index)
    # A partial quotation with no speaker in its sentence is a scare quote: not accepted.
    return True


def _stray_mark(s: Stretch, content: str) -> bool:
    """'“a “a “a': an opening mark never closed, before a word or two and with no speaker of its own,
    is a stray (a typo, an inch mark, hostile input), not a quotation."""
    return s.close_at is None and not s.runs_on and not s.continues and len(_words(content)) <= _STRAY_WORDS


def _inherit(c: Candidate, prev: Candidate) -> None:
    c.att, c.speaker, c.cue, c.addressee, c.medium = prev.att, prev.speaker, prev.cue, prev.addressee, prev.medium
    c.accepted = True


def _right_window(doc: Document, cands: list[Candidate], n: int) -> tuple[list[Tok], bool, bool]:
    """Tokens after the closing mark: to the end of its sentence, or of the next sentence when the
    quotation ends its own ('"... tomorrow." Reid said.'); whether it is that next sentence; whether
    it was cut short (by the next quotation or the reach), so that its end is not the sentence's."""
    c = cands[n]
    s = c.stretch
    if s.close_at is None:
        return [], False, False  # an unclosed stretch runs into narration: nothing after it attributes
    nxt = cands[n + 1].stretch.open_at if n + 1 < len(cands) and cands[n + 1].stretch.block == s.block \
        else doc.blocks[s.block].content.end
    send = doc.sentences[c.sent_last].end if doc.sentences else nxt
    closing_only = False
    if send <= c.outer_end + 1 and c.sent_last + 1 < len(doc.sentences) \
            and doc.sentences[c.sent_last + 1].block == s.block:
        send = doc.sentences[c.sent_last + 1].end
        closing_only = True
    hi = min(max(send, c.outer_end), nxt, c.outer_end + _RIGHT_WINDOW)
    return tokenize(doc.text, c.outer_end, hi), closing_only, hi < send


def _plainly_attributed(att: Attribution | None) -> bool:
    """A speaker found right next to its verb ("X said", "said by X", "according to X"), which a wider
    window cannot change; anything else (appositions, clause subjects) is read again more widely."""
    if att is None or att.np is None or att.cue is None or att.np.first == 0:
        return False
    c = next((i for i, t in enumerate(att.toks) if t is att.cue), -1)
    if att.toks[att.np.first - 1].text in (",", "and"):
        return False  # "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union said"
    return c < att.np.first or 0 <= c - att.np.last <= 4


def _closes(toks: list[Tok], att: Attribution, cut_by_next: bool) -> bool:
    """An attribution read into the next sentence must end that sentence ('"... tomorrow." Reid said.'),
    not introduce the next quotation ('"... military." Kansas senator Sam Brownback said "It's ...').
    """
    last = att.np.last if att.np is not None else -1
    if att.cue is not None:
        ci = next((i for i, t in enumerate(toks) if t is att.cue), -1)
        last = max(last, ci)
    if last + 1 >= len(toks):
        return not cut_by_next
    return toks[last + 1].text in (".", "!", "?", ";") or (toks[last + 1].text == "," and not cut_by_next)


def _context_speaker(doc: Document, c: Candidate, prev: Candidate | None, index: ActorIndex) -> None:
    """A quotation standing alone: the speech goes on from the quote before, or the sentence before
    introduced its speaker with a reporting verb."""
    text = doc.text
    if prev is not None and prev.sent_last >= c.sent_first - 1 and prev.speaker is not None:
        c.speaker, c.cue, c.att = prev.speaker, prev.cue, prev.att
        return
    if c.sent_first == 0 or not doc.sentences:
        return
    ps = doc.sentences[c.sent_first - 1]
    if prev is not None and prev.outer_end > ps.start:
        return  # the sentence before is (partly) another quotation with no speaker of its own
    toks = tokenize(text, max(ps.start, ps.end - _WINDOW), ps.end)
    att = cue_with_speaker(toks)
    if att is None and ps.end - ps.start <= _WINDOW:
        # "Her rival, Tom Rees, disagreed. "This is only the start."": the person the sentence before
        # is about speaks next.
        np = clause_subject(toks, 0, len(toks))
        if np is not None and np.kind in ("name", "pronoun") and (np.kind == "pronoun" or _person_like(np, index)):
            att = Attribution(np, toks, None, how="context")
    if att is not None:
        c.att = att
        c.speaker = speaker_from(doc, att.np, index)
        c.cue = None  # the verb belongs to the other sentence


def _person_like(np: NP, index: ActorIndex) -> bool:
    """A name that is a person's: an actor of kind person, or (no actor known) two or more words."""
    i = index.by_span(np.start, np.end)
    if i is not None:
        return index.actor(i).kind == "person"
    return np.name_end - np.name_start > 0 and len(index.doc.text[np.name_start : np.name_end].split()) >= 2


def _sentence_span(doc: Document, c: Candidate) -> Span | None:
    if not doc.sentences:
        return None
    a = doc.sentences[c.sent_first].start
    b = doc.sentences[c.sent_last].end
    s = c.stretch
    return span(min(a, s.open_at), max(b, s.end))


def run(doc: Document, found: Briefing) -> Briefing:
    text = doc.text
    actors = list(found.actors)
    cands, index = _mine(doc, found, actors)
    quotes: list[Quote] = []
    for c in cands:
        s = c.stretch
        quotes.append(quote(text[s.start : s.end], span(s.start, s.end), c.kind, c.speaker,  # type: ignore[arg-type]
                            cue=c.cue, addressee=c.addressee, medium=c.medium, sentence=_sentence_span(doc, c)))
    headline = headline_quotes(doc, index)
    quotes.extend(headline)
    indirect = find_indirect(doc, index, [(c.stretch.open_at, c.outer_end) for c in cands])
    # A headline's reported statement that holds a quotation is that quotation, said once.
    quotes.extend(q for q in indirect
                  if not any(q.span.start <= h.span.start and h.span.end <= q.span.end for h in headline))
    quotes = _with_section(doc, index, quotes)
    quotes.sort(key=lambda q: (q.span.start, q.span.end))
    for i, q in enumerate(quotes, start=1):
        q.id = f"q{i}"  # the quotes are new objects: numbering them in place is safe and cheap
    return found.model_copy(update={"quotes": quotes, "actors": _with_salience(actors, quotes)})


_NON_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def _with_section(doc: Document, index: ActorIndex, mined: list[Quote]) -> list[Quote]:
    """The `## Quotes` section as written, plus the mined quotations it does not already list (the
    section wins; a prose copy of the same words only lends it the reporting verb and the actor)."""
    text = doc.text
    listed_quotes = section_quotes(doc)
    if not listed_quotes:
        return mined
    by_words = {_norm(q.text): q for q in mined if q.kind != "indirect"}
    out: list[Quote] = []
    listed: set[str] = set()
    for sq in listed_quotes:
        words = text[sq.start : sq.end]
        prose = by_words.get(_norm(words))
        sp = None
        if sq.speaker_start is not None and sq.speaker_end is not None:
            name = text[sq.speaker_start : sq.speaker_end]
            i = index.by_name(name)
            aid = index.actor(i).id if i is not None else None
            if aid is None and prose is not None and prose.speaker is not None:
                aid = prose.speaker.actor_id
            sp = speaker(name, span(sq.speaker_start, sq.speaker_end), aid)
        block = doc.blocks[sq.block].content
        out.append(quote(words, span(sq.start, sq.end), "direct", sp, cue=prose.cue if prose else None,
                         origin="section", sentence=span(block.start, block.end)))
        listed.add(_norm(words))
    return out + [q for q in mined if q.kind == "indirect" or _norm(q.text) not in listed]


def _with_salience(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    if not actors:
        return actors
    bonus: dict[str, float] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.actor_id is not None:
            add = INDIRECT_BONUS if q.kind == "indirect" else QUOTE_BONUS
            bonus[q.speaker.actor_id] = bonus.get(q.speaker.actor_id, 0.0) + add
    if not bonus:
        return actors
    out = [a.model_copy(update={"salience": round(a.salience + bonus[a.id], 4)}) if a.id in bonus else a
           for a in actors]
    # Stable: actors with equal salience keep the order the actors step gave them.
    return sorted(out, key=lambda a: -a.salience)
