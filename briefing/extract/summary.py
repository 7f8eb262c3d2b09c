"""Summary: an explicit `## Summary` section as written, else a short extractive summary.

The extractive summary is the lead sentence plus the most salient other sentences (never more than
five in all), in reading order. A sentence is salient when it names the report's salient actors,
carries a quote or a date, and comes early; near-duplicates of chosen sentences are skipped. Only
prose is chosen (words of letters, not a rule, a list marker or a link), never the byline, and a
wire dateline is left out of the text and span.
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Briefing, SummaryItem, span, trusted
from . import sections
from .dateline import story_from
from .display import plain

# Items are built from offsets and slices of the text: no validation (see `model.trusted`).
_new_item = trusted(SummaryItem)

MAX_SENTENCES = 5
_WORD = re.compile(r"\w+")
_MIN_WORDS, _MAX_WORDS = 6, 70
# Word counts only matter against these bounds: match that many words (and stop) instead of listing them.
_AT_LEAST_MIN = re.compile(rf"\W*+(?:\w++\W*+){{{_MIN_WORDS}}}")
_MORE_THAN_MAX = re.compile(rf"\W*+(?:\w++\W*+){{{_MAX_WORDS + 1}}}")
_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
# Scripts written without spaces between words (Chinese, Japanese, Thai): one run can be a sentence.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{4}")


# A bold name, then a comma: an apposition ("**Jan Kos**, chair of ..."), where a labelled point
# ("**Tram line** — the line keeps its funding") goes on with a dash or colon and says something.
_GLOSSARY_ENTRY = re.compile(r"(\*\*|__)[^*_\n]{1,80}\1\s*,")


def _unbalanced(sentence: str) -> bool:
    return sentence.count('"') % 2 == 1 or sentence.count("“") != sentence.count("”")


def _explicit(doc: Document) -> list[SummaryItem]:
    items = []
    for i in sections.section_block_indices(doc, "summary"):
        c = doc.blocks[i].content
        if doc.blocks[i].kind in ("code", "front_matter") or c.end <= c.start:
            continue
        items.append(_new_item(text=" ".join(doc.text[c.start : c.end].split()), span=c, origin="section"))
    return items


def _budget(n_sentences: int) -> int:
    if n_sentences <= 4:
        return min(n_sentences, 2)
    if n_sentences <= 12:
        return 3
    return MAX_SENTENCES


def _has_words(text: str) -> bool:
    """Prose, not a rule, a list marker, a link or a row of figures: at least two words of letters (the
    letters of a link or an address are not words), and letters make up a third of what is not space."""
    tokens = text.split()
    if "://" in text or "www." in text or "@" in text:
        tokens = [t for t in tokens if not ("://" in t or "www." in t or "@" in t)]
        text = " ".join(tokens)
    words = _LETTER_RUN.findall(text)
    if len(words) < 2 and _UNSPACED.search(text) is None:
        return False
    return 3 * sum(map(len, words)) >= sum(map(len, tokens))


def _candidates(doc: Document, found: Briefing) -> list[int]:
    title = found.title.strip() if found.title else None
    byline = f"by {' '.join(found.byline.split())}".lower() if found.byline else None
    out = []
    for i, s in enumerate(doc.sentences):
        b = doc.blocks[s.block]
        if b.kind == "heading" or not sections.is_prose(doc, s.block):
            continue
        text = doc.text[s.start : s.end]
        if title and text.strip() == title:
            continue
        # The byline line ("By Ingrid Solbakken") says who wrote the report, not what happened.
        if byline and text[:3].lower() == "by " and " ".join(text.split()).lower() == byline:
            continue
        # A glossary entry ("- **Jan Kos**, chair of the union") introduces someone; it says nothing happened.
        if b.kind == "list_item" and s.start == b.content.start and _GLOSSARY_ENTRY.match(text):
            continue
        out.append(i)
    return out


def _extractive(doc: Document, found: Briefing) -> list[SummaryItem]:
    cands = _candidates(doc, found)
    if not cands:
        return []
    n = len(doc.sentences)
    score = {i: 0.1 for i in cands}  # a base score so position alone decides when nothing else does

    top = max((a.salience for a in found.actors), default=0.0) or 1.0
    for a in found.actors[:12]:
        weight = a.salience / top
        seen: set[int] = set()
        for m in a.mentions:
            si = doc.sentence_index_at(m.start)
            if si is not None and si in score and si not in seen:
                seen.add(si)
                score[si] += weight
    for q in found.quotes:
        si = doc.sentence_index_at(q.span.start)
        if si is not None and si in score:
            score[si] += 0.5 if q.kind != "indirect" else 0.3
    for t in found.time_expressions:
        si = doc.sentence_index_at(t.span.start)
        if si is not None and si in score and t.type in ("DATE", "TIME"):
            score[si] += 0.4

    for i in cands:
        s = doc.sentences[i]
        too_short = _AT_LEAST_MIN.match(doc.text, s.start, s.end) is None
        # A word and a separator take two characters: only a long sentence can pass the maximum.
        too_long = s.end - s.start > 2 * _MAX_WORDS and _MORE_THAN_MAX.match(doc.text, s.start, s.end) is not None
        if too_short or too_long:
            score[i] *= 0.3
        if _unbalanced(doc.text[s.start : s.end]):
            score[i] = 0.0  # a sentence cut out of a longer quotation reads as a fragment
        score[i] *= 1.0 / (1.0 + 3.0 * i / max(n, 1))  # earlier is more newsworthy

    # The word sets are only needed for the few sentences the loop below compares: built on demand.
    word_sets: dict[int, set[str]] = {}

    def words(i: int) -> set[str]:
        ws = word_sets.get(i)
        if ws is None:
            s = doc.sentences[i]
            ws = word_sets[i] = {w.lower() for w in _WORD.findall(doc.text, s.start, s.end)}
        return ws

    # Only the sentences the choice reaches are checked for words (checking every sentence costs more
    # than the rest of the step).
    starts: dict[int, int] = {}

    def prose(i: int) -> bool:
        # Without its dateline ("WASHINGTON, Oct. 8 (Reuters) —"), which is not part of what happened.
        start = starts[i] = story_from(doc, i)
        return _has_words(doc.text[start : doc.sentences[i].end])

    lead = next((i for i in cands if prose(i)), None)
    if lead is None:
        return []
    chosen = [lead]
    for i in sorted(cands, key=lambda i: (-score[i], i)):
        if len(chosen) >= _budget(len(cands)):
            break
        if score[i] <= 0:
            break
        if i == lead or not prose(i):
            continue
        if any(len(words(i) & words(j)) > 0.6 * max(1, min(len(words(i)), len(words(j)))) for j in chosen):
            continue
        chosen.append(i)
    items = []
    for i in sorted(chosen):
        s = doc.sentences[i]
        start = starts[i]
        items.append(_new_item(
            text=" ".join(plain(doc.text[start : s.end], doc.format == "markdown").split()),
            span=span(start, s.end),
            origin="lead" if i == lead else "salient",
        ))
    return items


def run(doc: Document, found: Briefing) -> Briefing:
    items = _explicit(doc) or _extractive(doc, found)
    return found.model_copy(update={"summary": items})
