"""Word lists for the quotes step, read once from `data/quotes_*.txt` (shipped inside the package)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Cue:
    lemma: str
    form: str  # "base" | "s" | "past" | "ing"
    inverted: bool  # '"...," said X'
    indirect: bool  # 'X said it ...' (no "that" needed)
    indirect_that: bool  # 'X signaled that ...'
    addressee: bool  # 'told Ron Dermer'
    needs_as: bool = False  # 'rejected the claims as "baseless"': a quotation only after "as"


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        out.setdefault(current, []).extend(line.lower().split())
    return out


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]
    person_heads: frozenset[str]
    org_heads: frozenset[str]
    doc_heads: frozenset[str]
    medium_heads: frozenset[str]
    titles: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    indefinite: frozenset[str]
    skip: frozenset[str]
    particles: frozenset[str]
    naming: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    cue_regex: re.Pattern[str]
    # Only the verb forms that can report a statement, after a non-word character (group 1 is the verb;
    # see `indirect_cues`).
    indirect_regex: re.Pattern[str]

    def indirect_cues(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, words) of each reporting verb that can report a statement, in text order.

        The words are matched after the non-word character before them (consumed), not at a `\\b`
        tried at every position: the regex engine then skips from gap to gap in C.
        """
        found = [(m.start(1), m.end(1), m.group(1)) for m in self.indirect_regex.finditer(text)]
        first = self.indirect_regex.match(" " + text[:40])  # a verb opening the text has no gap before it
        if first is None:
            return found
        end = first.end(1) - 1
        return [(0, end, first.group(1)), *(f for f in found if f[0] >= end)]


def _load_cues() -> dict[str, Cue]:
    cues: dict[str, Cue] = {}
    for raw in (_DATA / "quotes_cues.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        forms_part, _, flags_part = raw.partition("|")
        forms = forms_part.split()
        flags = set(flags_part.split())
        for form, kind in zip(forms, ("base", "s", "past", "ing"), strict=False):
            if form == "-":
                continue  # a form left out: it is mostly a noun ("brand", "term")
            cues[form] = Cue(
                lemma=next(f for f in forms if f != "-"),
                form=kind,
                inverted="v" in flags,
                indirect="i" in flags,
                indirect_that="t" in flags or "i" in flags,
                addressee="a" in flags,
                needs_as="x" in flags,
            )
    return cues


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(trie)


@cache
def lexicon() -> Lexicon:
    cues = _load_cues()
    src = _sections("quotes_sources.txt")
    words = _sections("quotes_words.txt")
    names = _sections("quotes_names.txt")
    female = set(names.get("female", []))
    male = set(names.get("male", []))
    both = female & male  # names used for either sex give no hint
    # One compiled pattern finds every cue word in a text; written as a trie ("sa(?:id|ys|ying)")
    # it runs several times faster than a flat alternation of ~400 words.
    alternation = _trie_regex(list(cues))
    indirect = _trie_regex([f for f, c in cues.items() if c.indirect_that and c.form in ("s", "past")])
    return Lexicon(
        cues=cues,
        person_heads=frozenset(src.get("person", [])),
        org_heads=frozenset(src.get("org", [])),
        doc_heads=frozenset(src.get("doc", [])),
        medium_heads=frozenset(src.get("medium", [])),
        titles=frozenset(words.get("title", [])),
        modifiers=frozenset(words.get("modifier", [])),
        determiners=frozenset(words.get("determiner", [])),
        indefinite=frozenset(words.get("indefinite", [])),
        skip=frozenset(words.get("skip", [])),
        particles=frozenset(words.get("particle", [])),
        naming=frozenset(words.get("naming", [])),
        feminine=frozenset(words.get("feminine", [])),
        masculine=frozenset(words.get("masculine", [])),
        female_names=frozenset(female - both),
        male_names=frozenset(male - both),
        cue_regex=re.compile(rf"\b(?:{alternation}|according to)\b"),
        indirect_regex=re.compile(rf"\W({indirect}|according to)\b"),
    )
