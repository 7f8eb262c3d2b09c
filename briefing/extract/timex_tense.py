"""The tense and modality of the clause around a time expression, from cue words.

A bare "Tuesday" or "in July" points back in a past-tense narrative and forward under "will", "is
scheduled", "was to take place". Without a part-of-speech tagger, the nearest cue word in the clause
decides: first looking back from the expression to the clause start, then forward to its end.
"""

from __future__ import annotations

import re
from typing import Literal

from .timex_lexicon import words

# "perfect" ("has announced", "have invited ... to a meeting on Thursday"): a bare weekday is the nearest
# one, a month or a date the latest one.
Tense = Literal["past", "perfect", "present", "future"]

_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*|[;:—–]|(?<!\w)-(?!\w)")
_BOUNDARY = {";", ":", "—", "–", "-"}
_WINDOW = 160  # characters either side: the governing verb is close in news prose
_MAX_TOKENS = 14

_FUTURE_WORDS = {"will", "shall", "won't", "wo", "would", "may", "might", "should", "scheduled", "slated",
                 "upcoming", "next", "tomorrow", "until", "till", "'til", "untill"}
# Only with "to"/"for"/a date after them, or a form of "be" before: "expected to", "is due", "set for".
_FUTURE_IF_LINKED = {"expected", "planned", "planning", "plans", "plan", "due", "set", "poised", "going",
                     "likely", "intends", "intend", "aims", "aim", "hopes", "hope", "wants", "want", "about",
                     "ready", "looking", "prepared", "preparing", "prepares", "prepare", "seeks", "seeking",
                     "vowed", "promised", "pledged", "agreed", "decided", "threatened", "aiming", "hoping",
                     "intending", "expecting", "targeting", "expects", "expect"}
# These also look ahead across their object: "expected the Senate to vote", "wants the bill to pass".
_FUTURE_OBJECT_TO = {"expected", "expects", "expect", "wants", "want", "wanted", "plans", "planned", "intends",
                     "intended", "hopes", "hoped", "urged", "asked"}
_OBJECT_REACH = 5
# An instruction points ahead of the telling: "senators were warned to keep April 5 free", "told to leave by
# Friday" (the verb right after "to", not "invited to the meeting on Friday").
_TOLD_TO = {"warned", "told", "urged", "ordered", "instructed", "advised", "reminded", "asked", "encouraged",
            "invited", "allowed", "forced", "required"}
_TOLD_REACH = 4  # "asked to meet again on Friday"; not "asked to call 101 quoting incident 45 of 15 December"
_NOT_VERB_AFTER_TO = {"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your", "him",
                      "them", "us", "me", "it"}
# An expectation points ahead even in the past tense, when the date closes its object:
# "he expected the first cut in September", "analysts predicted a rebound by March".
_EXPECT = {"expect", "expects", "expected", "expecting", "predict", "predicts", "predicted", "anticipate",
           "anticipates", "anticipated"}
_LINK_AFTER = {"to", "for", "on", "in", "by", "at", "this", "next"}
_BE = {"is", "are", "am", "was", "were", "be", "been", "being", "'s", "’s"}
_BE_PRESENT = {"is", "are", "am"}
# Verbs whose simple present, in news, says what is scheduled: "The summit opens on Friday", "the ban
# ends on 12 October", "voting begins next week". (Not "says" or "has": those report or describe.)
_SCHEDULED_PRESENT = {"opens", "begins", "starts", "ends", "closes", "resumes", "expires", "reopens", "kicks",
                      "arrives", "departs", "launches", "concludes", "runs", "convenes", "meets", "takes", "lasts",
                      "finishes", "culminates", "wraps", "debuts", "premieres", "airs"}
# (Not "comes"/"follows": "the decision comes after talks on Monday" looks back.)
_PAST_AUX = {"was", "were", "had", "did", "didn't", "wasn't", "weren't", "hadn't", "been", "ago", "since",
             "last", "previously", "earlier", "yesterday", "once"}
_PERFECT = {"has", "have", "hasn't", "haven't", "'ve"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                "your", "some", "any", "no", "every", "each", "another", "other", "more", "most", "less",
                "well", "newly", "recently", "already"}
_IRREGULAR_PAST = words("past")
_PARTICIPLES = words("participle")
# Words in -ed that are not past-tense verbs.
_NOT_VERB_ED = words("not_verb_ed")


def _is_past_form(tok: str) -> bool:
    if tok in _IRREGULAR_PAST:
        return True
    return len(tok) > 4 and tok.endswith("ed") and "-" not in tok and tok not in _NOT_VERB_ED


_FUTURE_PARTICIPLES = {"scheduled", "slated", "expected", "set", "due", "planned", "poised", "going", "likely",
                       "about", "to"}


def _future_participle(toks: list[str], k: int) -> bool:
    for j in range(k, min(k + 2, len(toks))):
        t = toks[j]
        if t in _FUTURE_PARTICIPLES:
            after = toks[j + 1] if j + 1 < len(toks) else ""
            return t in ("scheduled", "slated") or after in _LINK_AFTER or (t == "to" and j == k)
        if t != "been":
            return False
    return False


def _classify(toks: list[str], i: int, timex_after: bool, timex_near: bool = False,
              told_reach: bool = False) -> Tense | None:
    """The tense cue of token `i`, if it is one. `timex_after`: the expression follows token i directly;
    `timex_near`: it follows within a short object; `told_reach`: within the verb phrase of "told to ..."."""
    t = toks[i]
    prev = toks[i - 1] if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if t in _EXPECT and timex_near and prev not in _DETERMINERS and prev != "as":  # not "as expected"
        return "future"
    if t.endswith(("'ll", "’ll")) or t in _FUTURE_WORDS:
        return "future"
    if t == "to" and prev in _BE:  # "was to take place", "is to meet"
        return "future"
    if t == "to" and nxt == "be":  # "an event to be held on"
        return "future"
    if t in _FUTURE_IF_LINKED and (nxt in _LINK_AFTER or timex_after or prev in _BE):
        return "future"
    if t in _TOLD_TO and nxt == "to" and told_reach and i + 2 < len(toks) and toks[i + 2].isalpha() \
            and toks[i + 2] not in _NOT_VERB_AFTER_TO:
        return "future"
    if t in _FUTURE_OBJECT_TO and "to" in toks[i + 2 : i + 2 + _OBJECT_REACH]:
        return "future"
    if (t in _BE or t in _PERFECT or t in _PAST_AUX) and _future_participle(toks, i + 1):
        return "future"  # "has been scheduled", "was expected to"
    if t in _PAST_AUX:
        return "past"
    if t in _PERFECT:
        return "perfect" if (nxt in _PARTICIPLES or _is_past_form(nxt)) else "present"
    if t in _BE_PRESENT:
        return "present"
    if t in _SCHEDULED_PRESENT and prev not in _DETERMINERS:  # ("the runs", "its meets": nouns)
        return "future"
    if t.islower() and _is_past_form(t):
        if prev in _DETERMINERS:  # "the proposed deal": an adjective
            return None
        if prev in _BE or prev in _PERFECT:  # passive or perfect: the auxiliary decides
            return None
        return "past"
    return None


# ", officials said." after the expression: the attribution of the clause that holds it, which says when it
# was said, not when the dated thing happens ("The ban ends on 19 February, officials said").
_ATTRIBUTION_AFTER = re.compile(
    r"\s*,\s*(?:[\w.'’\-]+\s+){1,5}?(?:said|says|told|tells|added|adds|announced|confirmed|stated|wrote|noted)"
    r"\b[^.;:!?]{0,40}(?:[.!?]|$)"
)


def tense_at(text: str, clause_start: int, clause_end: int, start: int, end: int) -> Tense | None:
    """Tense of the clause holding `text[start:end]` (the expression), bounded by the sentence."""
    lo = max(clause_start, start - _WINDOW)
    hi = min(clause_end, end + _WINDOW)
    before = [t.lower() for t in _TOKEN.findall(text, lo, start)]
    after = [t.lower() for t in _TOKEN.findall(text, end, hi)]
    # Clause boundaries: look no further than the nearest dash, colon or semicolon.
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _BOUNDARY:
            before = before[k + 1 :]
            break
    for k, t in enumerate(after):
        if t in _BOUNDARY:
            after = after[:k]
            break
    before = before[-_MAX_TOKENS:]
    after = after[:_MAX_TOKENS]
    n = len(before)
    toks = [*before, *after]
    for i in range(n - 1, -1, -1):
        cue = _classify(toks, i, timex_after=i == n - 1, timex_near=n - 1 - i <= _OBJECT_REACH + 1,
                        told_reach=2 <= n - 1 - i <= _TOLD_REACH)
        if cue:
            return cue
    if n >= 2 and _ATTRIBUTION_AFTER.match(text, end, hi):
        return None  # the clause before the expression has no cue; its attribution is no cue either
    for i in range(n, len(toks)):
        cue = _classify(toks, i, timex_after=False)
        if cue:
            return cue
    return None
