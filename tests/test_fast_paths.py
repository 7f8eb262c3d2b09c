"""The shortcuts taken for speed give exactly what the plain way gives.

Each fast path (markdown split, regexes rewritten to skip ahead in C, trusted model construction) is
checked against the straightforward version it replaces, on generated input.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import document, model, sentences
from briefing.extract import summary, timex_trigger
from briefing.extract.quotes_lexicon import _trie_regex, lexicon
from briefing.extract.timex_grammar import DIGIT, STARTS

# --- markdown: plain paragraphs skip markdown-it --------------------------------------------------

LINES = ["Plain text here.", "more text, continuing", "# Heading", "## Sub heading ##", "Setext", "===", "---",
         "- item", "* star item", "+ plus", "1. first", "2) second", "> quote", ">> nested", "    code line",
         "\tcode tab", "  - indented item", "   three spaces", "[ref]: http://x", "***", "- - -", "2024 was.",
         "1990. That year", "-dash", "#nohash", "\u00a0nbsp line", "  ", "", "", "\t", "> ", "-", "1.",
         "  continued", "=", "(aside)", "“Quoted,” he said.", "+1 vote", "*emph* text", "_under_", "`code`",
         "~tilde", "1)paren", "  # h", "    # not a heading", "<div>", "```", "~~~"]


def _blocks(bs: list[model.Block]) -> list[tuple]:
    return [(b.kind, b.level, b.span.start, b.span.end, b.content.start, b.content.end) for b in bs]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=25), st.booleans())
def test_markdown_blocks_match_markdown_it_on_the_whole_text(lines: list[str], front_matter: bool) -> None:
    text = ("---\ntitle: x\n---\n" if front_matter else "") + "\n".join(lines)
    offset = 18 if front_matter else 0
    assert _blocks(document._markdown_blocks(text, offset)) == \
        _blocks(document._markdown_run(text, offset, text[offset:]))


# --- regexes that open with a character class ------------------------------------------------------

_OLD_CANDIDATE = re.compile(
    r"""(?<![.!?…])(?:\.{3}|…|[.!?])++['"”’)\]»]*+(?=\s++(?P<next>\S))""")


@given(st.text(alphabet=".!?…'\"”’)]» \naA1", max_size=16), st.data())
def test_sentence_candidates_are_unchanged(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    old = [(m.span(), m["next"]) for m in _OLD_CANDIDATE.finditer(text, lo)]
    assert [(m.span(), m["next"]) for m in sentences._CANDIDATE.finditer(text, lo)] == old


def _old_triggers(low: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The trigger scan as one `\\b(?:words)|digit` search, as it was written first."""
    t = timex_trigger
    words = {w: t._FOLLOWERS.get(w, "") + r"(?!\w)" for w in set().union(*STARTS.values()) - {DIGIT}}
    words["valentine"] = r"(?=['’]s\s)"
    words["fy"] = t._FOLLOWERS["fy"]
    digit = (r"(?<![\w.,])\d(?=\d{3}(?!\d)|\d?[:/]\d|\d*['’]?s(?!\w)|\d*(?:st|nd|rd|th)(?!\w)"
             rf"|\d*(?:\.\d+)?[\s-]*(?:{t._words(t._AFTER_DIGITS)})(?![a-z]))|['’]\d0s(?!\w)")
    out = []
    for m in re.compile(rf"\b{t._trie(words)}|{digit}").finditer(low, lo, hi):
        token = m.group()
        key = DIGIT if token[0].isdigit() or token[0] in "'’" else token
        check = t._LATER_CHECKS.get(token) if key is not DIGIT else None
        if check is None or check.match(low, m.end()) is not None:
            out.append((m.start(), m.end(), key))
    return out


TIME_WORDS = ["last", "week", "the", "past", "year", "a", "few", "days", "ago", "2009", "10:30", "7/8/07", "1990s",
              "'90s", "fy2024", "q1", "h2", "bi-weekly", "tuesday", "8", "october", "some", "18", "months", "x2009",
              "3.5", "mid-2009", "valentine's", "day", "over", "decades", "earlier", "this", "month", ",", ".", "-",
              "almost", "two", "first", "quarter", "of", "and", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TIME_WORDS), max_size=30), st.sampled_from(["", " ", "-", "x"]), st.data())
def test_time_triggers_are_unchanged(words: list[str], sep: str, data: st.DataObject) -> None:
    low = (sep or " ").join(words)
    lo = data.draw(st.integers(0, len(low)))
    hi = data.draw(st.integers(lo, len(low)))
    assert [(s, e, k) for s, e, k in timex_trigger.triggers(low, lo, hi)] == _old_triggers(low, lo, hi)


CUE_WORDS = ["said", "told", "according", "to", "warned", "Said", "x", "noted", "that", "says", ",", ".", "-",
             "added", "argued", "\n"]


@given(st.lists(st.sampled_from(CUE_WORDS), max_size=20), st.sampled_from([" ", "-", ""]))
def test_reporting_verbs_are_found_as_before(words: list[str], sep: str) -> None:
    lex = lexicon()
    text = sep.join(words)
    old = re.compile(r"\b(?:" + _trie_regex([f for f, c in lex.cues.items() if c.indirect_that
                                              and c.form in ("s", "past")]) + r"|according to)\b")
    assert lex.indirect_cues(text) == [(m.start(), m.end(), m.group()) for m in old.finditer(text)]


@given(st.text(alphabet="ab_- ,.1é", max_size=160))
def test_summary_length_bounds_count_words_like_findall(text: str) -> None:
    n = len(re.findall(r"\w+", text))
    assert (summary._AT_LEAST_MIN.match(text) is None) == (n < summary._MIN_WORDS)
    long_enough = len(text) > 2 * summary._MAX_WORDS and summary._MORE_THAN_MAX.match(text) is not None
    assert long_enough == (n > summary._MAX_WORDS)


# --- trusted model construction --------------------------------------------------------------------

def test_trusted_models_equal_validated_ones_and_dump_the_same_json() -> None:
    sp = model.Span(start=1, end=4)
    assert model.span(1, 4) == sp and model.span(1, 4).model_dump_json() == sp.model_dump_json()
    assert model.sentence(1, 4, 2) == model.Sentence(span=sp, block=2)
    assert model.block("paragraph", sp, 0, sp) == model.Block(kind="paragraph", span=sp, level=0, content=sp)
    when = model.EventTime(text="July", value="2024-07", start=dt.date(2024, 7, 1), end=dt.date(2024, 7, 31),
                           granularity="month")
    cases = [
        (model.Quote, {"id": "q1", "text": "x", "span": sp, "kind": "direct",
                       "speaker": model.Speaker(text="he", span=sp, actor_id="a1")}),
        (model.TimeExpression, {"id": "t1", "text": "July", "span": sp, "type": "DATE", "value": "2024-07"}),
        (model.Event, {"id": "e1", "when": when, "description": "d", "span": sp}),
        (model.Actor, {"id": "a1", "name": "Ana", "kind": "person"}),
        (model.SourceInfo, {"path": None, "format": "text", "encoding": "utf-8", "size": 3}),
    ]
    for cls, values in cases:
        made = model.trusted(cls)(**values)
        checked = cls(**values)
        assert made == checked
        assert made.model_dump_json() == checked.model_dump_json()
        assert made.model_fields_set == set(cls.model_fields)


def test_trusted_list_fields_are_fresh_for_each_instance() -> None:
    make = model.trusted(model.Actor)
    a, b = make(id="a", name="A", kind="person"), make(id="b", name="B", kind="person")
    a.mentions.append(model.span(0, 1))
    assert b.mentions == []
